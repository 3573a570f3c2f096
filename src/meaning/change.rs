//! Direction (up/down) and comparison (yoy/mom) of a number, from the words before it.

use crate::model::metric::{Comparison, Direction};
use crate::rules::Lexicon;
use crate::text::clause::{is_clause_end, is_sentence_end};
use crate::text::normalize::is_han;
use crate::text::word_set::{prefix, strip_suffixes, suffix, WordSet};

/// The change verb `text` ends with, and its direction.
fn verb_at_end<'t>(lexicon: &Lexicon, text: &'t str) -> Option<(&'t str, Direction)> {
    let up = suffix(text, &lexicon.up).map(|w| (w, Direction::Up));
    let down = suffix(text, &lexicon.down).map(|w| (w, Direction::Down));
    match (up, down) {
        (Some(u), Some(d)) => Some(if u.0.len() >= d.0.len() { u } else { d }),
        (u, d) => u.or(d),
    }
}

/// The direction of a number whose clause reads `before` up to it.
///
/// `增长5.4%` is up; `下降至5%` is a level reached (none), but `增幅为5%` is up;
/// `比上年高0.4个百分点` is up; `高于全国` is a gap (none); `减少碳排放2810万吨` is down.
pub fn direction(lexicon: &Lexicon, before: &str) -> Option<Direction> {
    let text = strip_suffixes(before, &lexicon.fillers);
    if suffix(text, &lexicon.neutral).is_some() || suffix(text, &lexicon.not_changes).is_some() {
        return None;
    }
    let undated = without_date_of(lexicon, text);
    if let Some(level) = suffix(undated, &lexicon.level) {
        let rest = strip_suffixes(&undated[..undated.len() - level.len()], &lexicon.fillers);
        if let Some((verb, dir)) = verb_at_end(lexicon, rest) {
            // 增幅为0.5%: the size of a change (增幅, 降幅) stays a change.
            return verb.ends_with('幅').then_some(dir);
        }
    }
    if let Some((verb, dir)) = verb_at_end(lexicon, text) {
        let rest = &text[..text.len() - verb.len()];
        // 高于经济增长1.2个百分点: the verb names what a gap is measured against.
        if suffix(rest, &lexicon.neutral).is_some()
            || rest.ends_with('新')
            || lexicon.subject_gaps.occurs_in(rest)
        {
            return None;
        }
        return Some(dir);
    }
    if let Some(base) = text.rfind('比').or_else(|| text.rfind(['较', '較'])) {
        let tail = &text[base..];
        // 比全省平均水平高1.2个百分点: a base that names no time is another
        // entity, and the number a gap, not a change.
        if prefix(tail, &lexicon.not_bases).is_none()
            && (lexicon.time_words.occurs_in(tail) || text[..base].ends_with(['同', '环', '環']))
        {
            // 比去年同期多破1200起, 少发620起, 多投产1.6亿千瓦: 多 or 少
            // before a verb of one or two characters.
            let verb_after = |word: char| {
                let mut last = text.chars().rev();
                let first = last.next().filter(|c| is_han(*c));
                let second = last.next();
                let third = last.next();
                first.is_some()
                    && (second == Some(word) || (second.is_some_and(is_han) && third == Some(word)))
            };
            if suffix(text, &lexicon.higher).is_some() || verb_after('多') {
                return Some(Direction::Up);
            }
            if suffix(text, &lexicon.lower).is_some() || verb_after('少') {
                return Some(Direction::Down);
            }
        }
    }
    leading_change(lexicon, text)
}

/// `text` without a date and 的 at its end: 下降到2024年的 (71人), 下降至本月的
/// and 下跌至8月至10月的 read as 下降到, 下降至 and 下跌至.
fn without_date_of<'t>(lexicon: &Lexicon, text: &'t str) -> &'t str {
    let Some(dated) = text.strip_suffix('的') else {
        return text;
    };
    let is_date_char = |c: char| c.is_ascii_digit() || lexicon.date_ends.contains_char(c);
    // One date, with the word that makes it relative (本月, 上年末).
    let strip_date = |t: &'_ str| -> Option<usize> {
        let bare = t.trim_end_matches(is_date_char);
        (bare.len() < t.len()).then(|| {
            let relative = suffix(bare, &lexicon.relative_openers).map_or(0, str::len);
            bare.len() - relative
        })
    };
    let Some(mut end) = strip_date(dated) else {
        return text;
    };
    // 8月至10月: the date before a span's separator goes with it.
    if let Some(sep) = dated[..end].strip_suffix(['至', '到', '—', '－', '-', '~']) {
        if let Some(start) = strip_date(sep) {
            end = start;
        }
    }
    &dated[..end]
}

/// The direction of a change verb that opens the clause and governs the noun
/// after it (减少碳排放2810万吨, 平均压减时间58%).
pub fn leading_change(lexicon: &Lexicon, before: &str) -> Option<Direction> {
    let mut lead =
        super::opening::strip_leading(lexicon, before.trim_start_matches(|c: char| !is_han(c)));
    while let Some(w) = prefix(lead, &lexicon.fillers) {
        lead = &lead[w.len()..];
    }
    if prefix(lead, &lexicon.pace).is_some() {
        return None;
    }
    let up = prefix(lead, &lexicon.up).filter(|w| w.chars().count() > 1);
    let down = prefix(lead, &lexicon.down).filter(|w| w.chars().count() > 1);
    match (up, down) {
        (Some(_), None) => Some(Direction::Up),
        (None, Some(_)) => Some(Direction::Down),
        _ => None,
    }
}

/// True when `before` ends with a year-on-year or month-on-month marker
/// (销售额同比, 较上月).
pub fn marker_at_end(lexicon: &Lexicon, before: &str) -> bool {
    suffix(before, &lexicon.yoy).is_some() || suffix(before, &lexicon.mom).is_some()
}

/// The comparison an opening frame of the sentence states (与上年同期相比，收入
/// 增长5%; 與上一季比較，實質上升0.7%): the frame names the base of a marker
/// without its 比 or 较. `earlier` is the text before the number.
pub fn framed_comparison(lexicon: &Lexicon, earlier: &str) -> Option<Comparison> {
    let sentence = earlier.rsplit(is_sentence_end).next()?;
    let end = lexicon
        .frames
        .iter()
        .filter_map(|w| sentence.rfind(w.as_str()))
        .max()?;
    let frame = &sentence[..end];
    let frame = frame.rsplit(is_clause_end).next().unwrap_or(frame);
    let names_base = |markers: &WordSet| {
        markers
            .iter()
            .filter_map(|m| prefix(m, &lexicon.base_markers).map(|b| &m[b.len()..]))
            .any(|base| frame.contains(base))
    };
    if names_base(&lexicon.mom) {
        Some(Comparison::Mom)
    } else if names_base(&lexicon.yoy) {
        Some(Comparison::Yoy)
    } else {
        None
    }
}

/// The comparison marker in `before` (同比 → yoy, 环比 → mom), if any; the
/// last one written wins.
pub fn comparison(lexicon: &Lexicon, before: &str) -> Option<Comparison> {
    before.char_indices().rev().find_map(|(i, _)| {
        let rest = &before[i..];
        let marker = |list: &WordSet| {
            prefix(rest, list).filter(|w| is_marker_after(lexicon, &before[..i], w))
        };
        if marker(&lexicon.mom).is_some() {
            Some(Comparison::Mom)
        } else {
            marker(&lexicon.yoy).map(|_| Comparison::Yoy)
        }
    })
}

/// 同比、环比分别增长5.2%和1.3%: the comparisons a 分别 list gives its items
/// in turn, when markers joined by 、 和 及 与 stand right before the 分别.
pub fn listed_comparisons(lexicon: &Lexicon, before: &str) -> Option<Vec<Comparison>> {
    let mut rest = before_respectively(lexicon, before)?;
    let mut found = Vec::new();
    loop {
        let (word, comparison) = match suffix(rest, &lexicon.mom) {
            Some(w) => (w, Comparison::Mom),
            None => (suffix(rest, &lexicon.yoy)?, Comparison::Yoy),
        };
        found.push(comparison);
        rest = &rest[..rest.len() - word.len()];
        match rest.strip_suffix(crate::text::clause::JOINERS) {
            Some(r) => rest = r,
            None => break,
        }
    }
    found.reverse();
    (found.len() > 1).then_some(found)
}

/// The text before the last 分别 (分別 in traditional script; lexicon
/// `respectively`) in `text`: the numbers after it go to the items before it
/// in turn.
pub fn before_respectively<'t>(lexicon: &Lexicon, text: &'t str) -> Option<&'t str> {
    lexicon
        .subject_respectively
        .last_in(text)
        .map(|at| &text[..at])
}

/// True when a comparison marker that opens with 年 or 月 (Taiwan's 年增,
/// 月減) is one after `before`, not the end of a time (今年增, 本月增, 2024年增).
pub fn is_marker_after(lexicon: &Lexicon, before: &str, marker: &str) -> bool {
    let openers = if marker.starts_with('年') {
        &lexicon.year_openers
    } else if marker.starts_with('月') {
        &lexicon.month_openers
    } else {
        return true;
    };
    !(before.ends_with(|c: char| c.is_ascii_digit()) || suffix(before, openers).is_some())
}

#[cfg(test)]
mod tests {
    use super::is_marker_after;
    use crate::rules::RuleSet;

    #[test]
    fn a_marker_opening_with_a_time_word_may_end_a_time_instead() {
        let lexicon = RuleSet::bundled().unwrap().lexicon;
        let after = |before: &str, marker: &str| is_marker_after(&lexicon, before, marker);
        assert!(after("出口值", "年增"));
        assert!(after("外銷訂單金額，", "月增"));
        assert!(!after("今", "年增"));
        assert!(!after("2024", "年增"));
        assert!(!after("本", "月增"));
        assert!(!after("10", "月增"));
        assert!(!after("十", "月增"));
        // Traditional forms are read as the simplified ones are.
        assert!(!after("當", "年增"));
        assert!(!after("個", "月增"));
        assert!(after("今", "同比"));
    }
}
