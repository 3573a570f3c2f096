//! The opening of a clause that is no part of what a number measures: heading
//! numbers, dates and periods, place words and verbs of making new (（三）,
//! 2024年, 全市, 新建).

use crate::rules::Lexicon;
use crate::text::clause;
use crate::text::word_set::prefix;
use crate::text::words;

/// `text` without leading heading numbers, dates and place words (（三）, 全年, 全市, 2024年).
pub fn strip_leading<'t>(lexicon: &Lexicon, mut text: &'t str) -> &'t str {
    loop {
        let start = text;
        // 2.文化旅游 is a heading; 2.5G网络 is not.
        if let Some(m) = lexicon
            .dates
            .leading_heading
            .find(text)
            .filter(|m| !text[m.end()..].starts_with(|c: char| c.is_ascii_digit()))
        {
            text = &text[m.end()..];
        }
        if let Some(m) = lexicon
            .dates
            .leading_date
            .find(text)
            // 在建规模: a lone 在 or 至 opens no date.
            .filter(|m| !matches!(m.as_str(), "" | "截至" | "到" | "至" | "在"))
        {
            text = &text[m.end()..];
        }
        // 完成率, 计划数: a leading word before one last character is part of
        // the noun, and so is a verb of adding new before a noun it makes
        // (新建商品住宅), and a verb before a lone verbal noun, which names
        // the measure with it (完成投资).
        if let Some(w) = prefix(text, &lexicon.subject_leading).filter(|w| {
            let rest = &text[w.len()..];
            let makes_noun =
                lexicon.neutral.contains(w) && prefix(rest, &lexicon.subject_verb_nouns).is_some();
            let chars = rest.chars().count();
            let verbal_object = chars == 2 && words::is_verbal_noun(rest) && words::is_verb(w);
            chars != 1 && !makes_noun && !verbal_object
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
