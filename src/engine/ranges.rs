//! Ranges written as two whole amounts: `五元六角-五元七毛八分`, `$20至$30`.
//!
//! A rule's own pattern reads most ranges (3至5万元, 3万元至5万元). Amounts
//! that two matches read, each whole with its unit, become one row when only
//! a range separator stands between them and the low end is the smaller.

use regex::Regex;

use crate::model::candidate::Candidate;
use crate::model::metric::{Kind, Qualifier, Quantity};

/// Joins adjacent amounts of money (sorted by start) that a separator makes a
/// range; `separator` matches the whole of one (the rule set's `range_sep`).
pub fn join_money_ranges(separator: &Regex, text: &str, kept: &mut Vec<Candidate>) {
    let mut joined: Vec<Candidate> = Vec::with_capacity(kept.len());
    for c in kept.drain(..) {
        if let Some(low) = joined.last_mut() {
            if let Some(range) = as_range(separator, text, low, &c) {
                *low = range;
                continue;
            }
        }
        joined.push(c);
    }
    *kept = joined;
}

/// `low` and `high` as one range, when they make one.
fn as_range(separator: &Regex, text: &str, low: &Candidate, high: &Candidate) -> Option<Candidate> {
    let between = text.get(low.end..high.start)?;
    let single = |c: &Candidate| c.quantity.kind == Kind::Money && c.quantity.value_high.is_none();
    if !separator.is_match(between)
        || !single(low)
        || !single(high)
        || low.quantity.unit != high.quantity.unit
        || low.quantity.value >= high.quantity.value
    {
        return None;
    }
    let qualifier = match (low.quantity.qualifier, high.quantity.qualifier) {
        (Qualifier::Exact, q) | (q, Qualifier::Exact) => q,
        _ => return None,
    };
    Some(Candidate {
        end: high.end,
        num_end: high.num_end,
        quantity: Quantity {
            value_high: Some(high.quantity.value),
            qualifier,
            ..low.quantity.clone()
        },
        ..low.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::candidate::Meaning;
    use crate::model::decimal::Decimal;

    /// The bundled rules' range separator.
    fn separator() -> Regex {
        crate::rules::RuleSet::bundled().unwrap().range_sep
    }

    fn money(text: &str, span: &str, value: &str) -> Candidate {
        let start = text.find(span).expect("span in text");
        Candidate {
            rule: 0,
            start,
            end: start + span.len(),
            num_start: start,
            num_end: start + span.len(),
            quantity: Quantity {
                kind: Kind::Money,
                value: Decimal::parse(value).expect("a decimal"),
                value_high: None,
                unit: "CNY".to_string(),
                qualifier: Qualifier::Exact,
            },
            factor: Decimal::from_int(1),
            meaning: Meaning::default(),
        }
    }

    #[test]
    fn joins_two_whole_amounts_around_a_separator() {
        let text = "五元六角-五元七毛八分";
        let mut kept = vec![
            money(text, "五元六角", "5.6"),
            money(text, "五元七毛八分", "5.78"),
        ];
        join_money_ranges(&separator(), text, &mut kept);
        assert_eq!(kept.len(), 1);
        assert_eq!((kept[0].start, kept[0].end), (0, text.len()));
        assert_eq!(kept[0].quantity.value_high, Decimal::parse("5.78"));
    }

    #[test]
    fn leaves_amounts_that_make_no_range() {
        // A falling pair, a word between, and two currencies stay apart.
        let cases = [
            ("八元至五元", ("八元", "8", "CNY"), ("五元", "5", "CNY")),
            ("五元，八元", ("五元", "5", "CNY"), ("八元", "8", "CNY")),
            ("五元至八美元", ("五元", "5", "CNY"), ("八美元", "8", "USD")),
        ];
        for (text, low, high) in cases {
            let mut kept: Vec<Candidate> = [low, high]
                .into_iter()
                .map(|(span, value, unit)| {
                    let mut c = money(text, span, value);
                    c.quantity.unit = unit.to_string();
                    c
                })
                .collect();
            join_money_ranges(&separator(), text, &mut kept);
            assert_eq!(kept.len(), 2, "{text}");
        }
    }
}
