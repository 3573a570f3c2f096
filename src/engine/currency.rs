//! The currency of a bare 元: the renminbi, except in Hong Kong, Macao and
//! Taiwan texts, whose releases write their own dollar as 元 (314億元).

use crate::model::candidate::Candidate;
use crate::model::metric::Kind;
use crate::text::clause::{clause_start, window_start};
use crate::text::word_set::WordSet;

/// How far back, in characters, a clause may name the renminbi for its amount
/// (人民幣存款餘額為8,000億元).
const NAMED_BEFORE_CHARS: usize = 20;

/// Gives the amounts in bare 元 the text's local currency `local`, when it has
/// one ([`crate::rules::UnitTable::local_currency`]); an amount whose span or
/// clause names the renminbi (`renminbi`, lexicon `guards.renminbi_names`)
/// stays `CNY` wherever the text is from.
pub fn localise(renminbi: &WordSet, local: Option<&str>, text: &str, candidates: &mut [Candidate]) {
    let Some(local) = local else {
        return;
    };
    let names_renminbi = |part: Option<&str>| part.is_some_and(|part| renminbi.occurs_in(part));
    let clause_before = |at: usize| {
        let from = clause_start(text, window_start(text, 0, at, NAMED_BEFORE_CHARS), at);
        text.get(from..at)
    };
    let bare_yuan = |c: &Candidate| {
        c.quantity.kind == Kind::Money
            && c.quantity.unit == "CNY"
            && !names_renminbi(text.get(c.start..c.end))
            && !names_renminbi(clause_before(c.start))
    };
    for c in candidates.iter_mut().filter(|c| bare_yuan(c)) {
        c.quantity.unit = local.to_string();
    }
}
