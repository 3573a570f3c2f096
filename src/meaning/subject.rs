//! The subject: the shortest phrase naming what a number measures.
//!
//! Read from the clause before the number, with dates, place prefixes, change
//! verbs, comparison markers and fillers stripped; or after it, from `的…`
//! (阻断了近百亿元的资金外流) and, for counts, the noun the measure word governs
//! (43个重点区域).

use once_cell::sync::Lazy;
use regex::Regex;

use super::change::{prefix, strip_suffixes, suffix};
use super::clause::is_clause_end;
use crate::metric::Kind;
use crate::rules::Lexicon;

/// Dates and periods at the start of a subject (2024年, 前三季度, 截至11月底).
static LEADING_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"^(?:截至|到|至|在)?(?:[0-9]{4}年(?:度)?)?",
        r"(?:[0-9]{1,2}(?:-|—|至)?[0-9]{0,2}月(?:份|末|底|当月|以来)?|前?[一二三四]季度|上半年|下半年|全年)?",
        r"(?:[0-9]{1,2}日)?(?:以来|来)?(?:[一二三四五六七八九十两0-9]+年来)?"
    ))
    .expect("valid pattern")
});

/// A comparison base at the end (比2019年, 较去年同期, 比全国平均): not part of the subject.
static TRAILING_BASE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:比|较)[上去前同全本0-9一二三四][^比较]{0,8}$").expect("valid pattern")
});

/// How many characters a subject read after the number may have.
const AFTER_LIMIT: usize = 16;

/// The subject from the clause text before the number.
pub fn before_subject(lexicon: &Lexicon, before: &str) -> String {
    let mut s = before.trim_start_matches(['、', ' ', '\u{3000}']);
    loop {
        let start = s;
        s = strip_suffixes(s, &lexicon.fillers);
        s = strip_suffixes(s, &lexicon.subject_trailing);
        s = strip_suffixes(s, &lexicon.level);
        s = strip_suffixes(s, &lexicon.neutral);
        for list in [&lexicon.up, &lexicon.down, &lexicon.yoy, &lexicon.mom] {
            if let Some(w) = suffix(s, list) {
                s = &s[..s.len() - w.len()];
            }
        }
        if let Some((w, _)) = lexicon.qual_verbs.suffix_of(s) {
            s = &s[..s.len() - w.len()];
        }
        if let Some(m) = TRAILING_BASE.find(s).filter(|m| m.start() > 0) {
            s = &s[..m.start()];
        }
        if let Some(k) = s.find('从').filter(|&k| k > 0) {
            s = &s[..k];
        }
        if let Some(m) = LEADING_DATE.find(s).filter(|m| !m.is_empty()) {
            s = &s[m.end()..];
        }
        if let Some(w) = prefix(s, &lexicon.subject_leading) {
            s = &s[w.len()..];
        }
        s = s.trim_start_matches(['、', '，', ' ']);
        if s == start {
            break;
        }
    }
    cut_before_verb(lexicon, s).to_string()
}

/// Drops what comes before the first listed verb (及时拦截被骗资金 → 拦截被骗资金).
fn cut_before_verb<'s>(lexicon: &Lexicon, s: &'s str) -> &'s str {
    let first = s
        .char_indices()
        .skip(1)
        .find(|(i, _)| prefix(&s[*i..], &lexicon.subject_verbs).is_some());
    match first {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// The phrase after the number that names what it measures, if there is one:
/// `的资金外流` always; a bare noun phrase only for counts.
pub fn after_subject(lexicon: &Lexicon, after: &str, kind: Kind) -> Option<String> {
    let (rest, linked) = match after.strip_prefix('的') {
        Some(r) => (r, true),
        None => (after, false),
    };
    if !linked && kind != Kind::Count {
        return None;
    }
    let mut end = 0;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= AFTER_LIMIT
            || is_clause_end(c)
            || c == '、'
            || c.is_ascii_digit()
            || c == '和' && n > 1
        {
            break;
        }
        if n > 0 && prefix(&rest[i..], &lexicon.subject_after_stops).is_some() {
            break;
        }
        if !linked && n == 0 && prefix(&rest[i..], &lexicon.subject_after_stops).is_some() {
            return None;
        }
        end = i + c.len_utf8();
    }
    let phrase = &rest[..end];
    (phrase.chars().count() >= 2 && phrase.chars().any(super::change::is_han))
        .then(|| phrase.to_string())
}

/// Subjects for the items of a 分别 list: `盗窃、入室盗窃破案率` with two
/// numbers gives 盗窃破案率 and 入室盗窃破案率.
pub fn distribute(subject: &str, count: usize) -> Option<Vec<String>> {
    let parts: Vec<&str> = subject.split('、').collect();
    if parts.len() != count || count < 2 {
        return None;
    }
    let last = parts[count - 1];
    let first = parts[0];
    // The head shared by all items: what follows the first item's words in the last item.
    let head = (1..=first.chars().count())
        .map(|k| {
            first
                .chars()
                .skip(first.chars().count() - k)
                .collect::<String>()
        })
        .filter_map(|tail| last.rfind(&tail).map(|i| &last[i + tail.len()..]))
        .next_back()
        .filter(|h| !h.is_empty())?;
    let mut out: Vec<String> = parts[..count - 1]
        .iter()
        .map(|p| format!("{p}{head}"))
        .collect();
    out.push(last.to_string());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distributes_a_shared_head() {
        assert_eq!(
            distribute("盗窃、入室盗窃破案率", 2).unwrap(),
            vec!["盗窃破案率".to_string(), "入室盗窃破案率".to_string()]
        );
        assert!(distribute("盗窃破案率", 2).is_none());
    }
}
