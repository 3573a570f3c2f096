//! Ranges written as two whole amounts: `五元六角-五元七毛八分`, `$20至$30`.
//!
//! A rule's own pattern reads most ranges (3至5万元, 3万元至5万元). Amounts
//! that two matches read, each whole with its unit, become one row when only
//! a range separator stands between them and the low end is the smaller.

use super::candidate::Candidate;
use crate::metric::{Kind, Qualifier};

/// What may stand between the two ends, as the `range_sep` fragment allows.
const SEPARATORS: [&str; 10] = ["至", "到", "~", "-", "--", "—", "——", "－", "–", "～"];

/// Joins adjacent amounts of money (sorted by start) that a separator makes a range.
pub fn join_money_ranges(text: &str, kept: &mut Vec<Candidate>) {
    let mut joined: Vec<Candidate> = Vec::with_capacity(kept.len());
    for c in kept.drain(..) {
        if let Some(low) = joined.last_mut() {
            if let Some(range) = as_range(text, low, &c) {
                *low = range;
                continue;
            }
        }
        joined.push(c);
    }
    *kept = joined;
}

/// `low` and `high` as one range, when they make one.
fn as_range(text: &str, low: &Candidate, high: &Candidate) -> Option<Candidate> {
    let between = text.get(low.end..high.start)?;
    let single = |c: &Candidate| c.kind == Kind::Money && c.value_high.is_none();
    if !SEPARATORS.contains(&between)
        || !single(low)
        || !single(high)
        || low.unit != high.unit
        || low.value >= high.value
    {
        return None;
    }
    let qualifier = match (low.qualifier, high.qualifier) {
        (Qualifier::Exact, q) | (q, Qualifier::Exact) => q,
        _ => return None,
    };
    Some(Candidate {
        end: high.end,
        num_end: high.num_end,
        value_high: Some(high.value),
        qualifier,
        ..low.clone()
    })
}
