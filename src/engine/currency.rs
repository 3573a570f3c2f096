//! The currency of a bare 元: the renminbi, except in Hong Kong, Macao and
//! Taiwan texts, whose releases write their own dollar as 元 (314億元).

use super::candidate::Candidate;
use crate::metric::Kind;
use crate::rules::UnitTable;

/// Names and signs that state the renminbi outright: an amount written with
/// one stays `CNY` wherever the text is from.
const RENMINBI_NAMED: [&str; 6] = ["人民币", "人民幣", "RMB", "CNY", "¥", "￥"];

/// Gives the amounts in bare 元 the text's local currency, when it has one
/// ([`UnitTable::local_currency`]).
pub fn localise(units: &UnitTable, text: &str, candidates: &mut [Candidate]) {
    let bare_yuan = |c: &Candidate| {
        c.kind == Kind::Money
            && c.unit == "CNY"
            && !text
                .get(c.start..c.end)
                .is_some_and(|span| RENMINBI_NAMED.iter().any(|n| span.contains(n)))
    };
    if !candidates.iter().any(bare_yuan) {
        return;
    }
    let Some(local) = units.local_currency(text) else {
        return;
    };
    for c in candidates.iter_mut().filter(|c| bare_yuan(c)) {
        c.unit = local.to_string();
    }
}
