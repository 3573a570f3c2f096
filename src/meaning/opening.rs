//! The opening of a clause that is no part of what a number measures: heading
//! numbers, dates and periods, place words and verbs of making new (（三）,
//! 2024年, 全市, 新建).

use once_cell::sync::Lazy;
use regex::Regex;

use crate::rules::Lexicon;
use crate::text::clause;
use crate::text::word_set::prefix;

/// Dates and periods at the start of a subject (2024年, 114年 in Taiwan's calendar,
/// 前三季度, 前十个月, 截至11月底, 2024—2025学年, Q2).
pub static LEADING_DATE: Lazy<Regex> = Lazy::new(|| {
    use super::period::{MONTH_WORDS, YEAR_DIGITS};
    Regex::new(&format!(
        concat!(
            r"^(?:截至|到|至|在)?(?:[0-9]{{4}}(?:-|—|–|至)[0-9]{{4}}学年(?:度)?)?(?:(?:[0-9]{{4}}|1[01][0-9]|{YEAR_DIGITS})年(?:度)?)?",
            r"(?:(?:[0-9]{{1,2}}(?:-|—|至)?[0-9]{{0,2}}|{MONTH_WORDS})月(?:份|末|底|当月|當月|以来|以來)?|前?[一二三四1-4]季度|第[一二三四1-4]季度?|[前首][0-9一二三四五六七八九十]{{1,3}}[个個]月|上半年|下半年|全年|[Qq][1-4])?",
            r"(?:[0-9]{{1,2}}日)?(?:以来|以來|来|來)?(?:[一二三四五六七八九十两兩0-9]+年[来來])?的?"
        ),
        YEAR_DIGITS = YEAR_DIGITS,
        MONTH_WORDS = MONTH_WORDS,
    ))
    .expect("valid pattern")
});

/// The characters a [`LEADING_DATE`] match can start with, besides digits: the
/// regex runs only where one stands first.
const DATE_OPENINGS: &str = "截到至在前首第一二三四五六七八九十两兩上下全以来來的Qq";

/// A heading's number at the start of a subject: （三）, (2), 2., 一、.
static LEADING_HEADING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9一二三四五六七八九十]{1,3}[、.．])",
    )
    .expect("valid pattern")
});

/// `text` without leading heading numbers, dates and place words (（三）, 全年, 全市, 2024年).
pub fn strip_leading<'t>(lexicon: &Lexicon, mut text: &'t str) -> &'t str {
    loop {
        let start = text;
        // 2.文化旅游 is a heading; 2.5G网络 is not.
        if let Some(m) = text
            .starts_with(|c: char| c.is_ascii_digit() || "（(一二三四五六七八九十".contains(c))
            .then(|| LEADING_HEADING.find(text))
            .flatten()
            .filter(|m| !text[m.end()..].starts_with(|c: char| c.is_ascii_digit()))
        {
            text = &text[m.end()..];
        }
        if let Some(m) = text
            .starts_with(|c: char| c.is_ascii_digit() || DATE_OPENINGS.contains(c))
            .then(|| LEADING_DATE.find(text))
            .flatten()
            // 在建规模: a lone 在 or 至 opens no date.
            .filter(|m| !matches!(m.as_str(), "" | "截至" | "到" | "至" | "在"))
        {
            text = &text[m.end()..];
        }
        // 完成率, 计划数: a leading word before one last character is part of
        // the noun, and so is a verb of adding new before a noun it makes
        // (新建商品住宅).
        if let Some(w) = prefix(text, &lexicon.subject_leading).filter(|w| {
            let rest = &text[w.len()..];
            let makes_noun =
                lexicon.neutral.contains(w) && prefix(rest, &lexicon.subject_verb_nouns).is_some();
            rest.chars().count() != 1 && !makes_noun
        }) {
            text = &text[w.len()..];
            // 新增及优化调整公交线路: a joiner left by a stripped verb goes too.
            text = text.trim_start_matches(clause::JOINERS);
        }
        if text == start {
            return text;
        }
    }
}
