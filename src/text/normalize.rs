//! Normalisation for matching, with offsets kept into the original text.
//!
//! Full-width digits, letters and signs (１２３ ％ ．) are folded to ASCII and a
//! full-width comma used as a thousands separator (82，225) becomes `,`.
//! Spaces next to a Chinese character within a line are dropped (text from
//! PDFs reads 百 分 之 2 or 一百五十 个百分点). Byte offsets are mapped back to
//! the original through a short list of shifts, recorded only where a fold
//! changed a character's length or a gap was dropped.

use std::borrow::Cow;

use crate::numeral::table::table;

/// A document's text, as written and as normalised for matching.
#[derive(Debug)]
pub struct NormalizedText<'a> {
    original: &'a str,
    normalized: Cow<'a, str>,
    shifts: Vec<Shift>,
}

/// Where the normalised text stops running parallel to the original.
#[derive(Debug, Clone, Copy)]
struct Shift {
    /// Normalised byte offset of the change.
    at: usize,
    /// Original offset of a span ending there (before a dropped gap).
    end: usize,
    /// Original offset of a span starting there; from there on,
    /// `original = normalised - at + start`.
    start: usize,
}

impl<'a> NormalizedText<'a> {
    /// Normalises `original`; no copy is made when nothing needs folding.
    pub fn new(original: &'a str) -> NormalizedText<'a> {
        let Some(first) = next_change(original, 0) else {
            return NormalizedText {
                original,
                normalized: Cow::Borrowed(original),
                shifts: Vec::new(),
            };
        };
        // A gap folded to a comma (3 bytes for 1) can make the text a little
        // longer; an eighth more keeps a long text from being copied to twice
        // its size when it does.
        let mut normalized = String::with_capacity(original.len() + original.len() / 8);
        let mut shifts = Vec::new();
        let mut copied = 0;
        let mut next = Some(first);
        while let Some((at, change)) = next {
            normalized.push_str(&original[copied..at]);
            copied = match change {
                Change::Gap { resume } => {
                    shifts.push(Shift {
                        at: normalized.len(),
                        end: at,
                        start: resume,
                    });
                    resume
                }
                Change::Fold { to, after } => {
                    normalized.push(to);
                    shifts.push(Shift {
                        at: normalized.len(),
                        end: after,
                        start: after,
                    });
                    after
                }
            };
            next = next_change(original, copied);
        }
        normalized.push_str(&original[copied..]);
        NormalizedText {
            original,
            normalized: Cow::Owned(normalized),
            shifts,
        }
    }

    /// The text as written.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The text with full-width forms folded and gaps dropped, for matching.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// The original byte offsets of a normalised byte range: a span neither
    /// starts nor ends on a dropped gap.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.map(start, false), self.map(end, true))
    }

    fn map(&self, normalized_byte: usize, is_end: bool) -> usize {
        let k = self.shifts.partition_point(|s| s.at <= normalized_byte);
        match k.checked_sub(1).and_then(|k| self.shifts.get(k)) {
            Some(s) if is_end && s.at == normalized_byte => s.end,
            Some(s) => normalized_byte - s.at + s.start,
            None => normalized_byte,
        }
    }

    /// The original text behind a normalised byte range.
    pub fn original_slice(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = self.original_range(start, end);
        self.original.get(s..e).unwrap_or("")
    }
}

/// What normalisation does at one place of the original text.
enum Change {
    /// A run of spaces is dropped; the text resumes at byte `resume`.
    Gap { resume: usize },
    /// A character becomes `to`; the next one starts at byte `after`.
    Fold { to: char, after: usize },
}

/// The first change at or after byte `from` (a character boundary).
fn next_change(text: &str, from: usize) -> Option<(usize, Change)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        if !may_fold_or_gap(bytes[at]) {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next()?;
        if is_invisible(c) {
            let resume = text.len() - text[at..].trim_start_matches(is_invisible).len();
            return Some((at, Change::Gap { resume }));
        }
        if is_gap(c) && is_dropped_gap(text, at) {
            let resume = text.len() - text[at..].trim_start_matches(is_gap).len();
            // 三大指数集体收涨 沪指涨0.82%: a space between two phrases of a
            // headline separates them as a comma would.
            if is_phrase_break(text, at, resume) {
                return Some((
                    at,
                    Change::Fold {
                        to: '，',
                        after: resume,
                    },
                ));
            }
            return Some((at, Change::Gap { resume }));
        }
        let after = at + c.len_utf8();
        if let Some(to) = fold(c, text, at).filter(|&f| f != c) {
            return Some((at, Change::Fold { to, after }));
        }
        at = after;
    }
    None
}

/// True for the first byte of every character that [`fold`], [`is_gap`] or
/// [`is_invisible`] accepts (a space, a tab, U+00A0, U+3000, the full-width
/// forms and the invisible characters), so that
/// other characters are passed over a byte at a time.
fn may_fold_or_gap(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | 0xC2 | 0xCC | 0xCD | 0xE2 | 0xE3 | 0xEF)
}

/// Characters that show nothing — zero-width spaces and joiners, the word
/// joiner, a byte order mark inside the text, the soft hyphen and combining
/// accents — dropped wherever they stand, so that `1\u{200d}2亿元` reads as
/// one number.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{300}'..='\u{36f}')
}

/// Spaces that a line may hold between words.
fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// True when a run of spaces starts at byte `at` and sits within a line next
/// to a Chinese character or sign: 百 分 之 2, 5 万元, but not `168 cm` or a
/// line's indent.
fn is_dropped_gap(text: &str, at: usize) -> bool {
    let Some(first) = text[at..].chars().next().filter(|&c| is_gap(c)) else {
        return false;
    };
    let Some(before) = text[..at].chars().next_back() else {
        return false;
    };
    if is_gap(before) {
        return false;
    }
    let rest = text[at + first.len_utf8()..].trim_start_matches(is_gap);
    let Some(after) = rest.chars().next() else {
        return false;
    };
    let in_line = !matches!(before, '\n' | '\r') && !matches!(after, '\n' | '\r');
    in_line && (is_wide(before) || is_wide(after))
}

/// True when the spaces at `at..resume` stand between two runs of Chinese
/// words (收涨 沪指涨), as a headline separates its phrases, rather than
/// between characters spaced one by one (百 分 之 2) or inside a numeral
/// (四点 五个百分点).
fn is_phrase_break(text: &str, at: usize, resume: usize) -> bool {
    let word = |c: char| is_han(c) && table().get(c).is_none();
    let mut before = text[..at].chars().rev();
    let mut after = text[resume..].chars();
    let run_before = before.next().is_some_and(word) && before.next().is_some_and(is_han);
    let run_after = after.next().is_some_and(word)
        && after
            .next()
            .is_some_and(|c| is_han(c) || c.is_ascii_digit());
    run_before && run_after
}

/// A Chinese character, a full-width sign (，。％) or a percent sign: what a
/// stray space does not separate from a number.
fn is_wide(c: char) -> bool {
    is_han(c)
        || matches!(c, '%' | '‰')
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// A Chinese character (CJK unified ideographs).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The ASCII form of a full-width character, if it has one worth folding.
fn fold(c: char, text: &str, at: usize) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' | '／' | '－' | '～' | '＋' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        '﹪' => Some('%'),
        '，' if is_thousands_comma(text, at) => Some(','),
        _ => None,
    }
}

/// A full-width comma between a digit and exactly three digits is a separator.
fn is_thousands_comma(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    if !before.is_some_and(is_digit) {
        return false;
    }
    let mut after = text[at + '，'.len_utf8()..].chars();
    (0..3).all(|_| after.next().is_some_and(is_digit)) && !after.next().is_some_and(is_digit)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Converts byte offsets of one text to character offsets, moving forward.
///
/// Offsets asked for in increasing order cost one pass over the text in total.
#[derive(Debug)]
pub struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    /// A counter at the start of `text`.
    pub fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `byte` (a character boundary).
    pub fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let span = self.text.get(self.byte..byte).unwrap_or("");
        self.chars += span.chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_inside_a_number_are_dropped_and_mapped_back() {
        let original = "共1\u{200d}2\u{200c}3亿元，5\u{301}0%";
        let t = NormalizedText::new(original);
        assert_eq!(t.normalized(), "共123亿元，50%");
        let start = t.normalized().find("123").unwrap();
        let end = start + "123亿元".len();
        assert_eq!(t.original_slice(start, end), "1\u{200d}2\u{200c}3亿元");
    }

    #[test]
    fn ascii_text_is_borrowed() {
        let t = NormalizedText::new("增长5.4%");
        assert!(matches!(t.normalized, Cow::Borrowed(_)));
        assert_eq!(t.original_range(4, 6), (4, 6));
    }

    #[test]
    fn full_width_digits_fold_and_map_back() {
        let original = "共１２３名，占６２％。";
        let t = NormalizedText::new(original);
        assert_eq!(t.normalized(), "共123名，占62%。");
        let start = t.normalized().find("123").unwrap();
        let end = start + "123名".len();
        assert_eq!(t.original_slice(start, end), "１２３名");
        let pct = t.normalized().find("62%").unwrap();
        assert_eq!(t.original_slice(pct, pct + 3), "６２％");
    }

    #[test]
    fn spaces_next_to_chinese_are_dropped_and_mapped_back() {
        let original = "增长 百 分 之 2 ，168 cm。\n\u{3000}\u{3000}全年5 万元";
        let t = NormalizedText::new(original);
        assert_eq!(
            t.normalized(),
            "增长百分之2，168 cm。\n\u{3000}\u{3000}全年5万元"
        );
        let pct = t.normalized().find("百分之2").unwrap();
        assert_eq!(t.original_slice(pct, pct + "百分之2".len()), "百 分 之 2");
        let money = t.normalized().find("5万元").unwrap();
        assert_eq!(t.original_slice(money, money + "5万元".len()), "5 万元");
        let (_, end) = t.original_range(0, "增长".len());
        assert_eq!(&original[..end], "增长");
    }

    #[test]
    fn a_space_between_two_phrases_separates_them_as_a_comma() {
        let original = "三大指数集体收涨  沪指涨0.82%";
        let t = NormalizedText::new(original);
        assert_eq!(t.normalized(), "三大指数集体收涨，沪指涨0.82%");
        let pct = t.normalized().find("0.82%").unwrap();
        assert_eq!(t.original_slice(pct, pct + "0.82%".len()), "0.82%");
        let comma = t.normalized().find('，').unwrap();
        assert_eq!(t.original_slice(comma, comma + '，'.len_utf8()), "  ");
    }

    #[test]
    fn runs_of_spaces_and_a_fold_at_the_end_map_back() {
        let original = "共 \u{a0} 1２名，增长５";
        let t = NormalizedText::new(original);
        assert_eq!(t.normalized(), "共12名，增长5");
        let n = t.normalized().find("12名").unwrap();
        assert_eq!(t.original_slice(n, n + "12名".len()), "1２名");
        assert_eq!(t.original_range(0, "共".len()), (0, "共".len()));
        let last = t.normalized().len();
        assert_eq!(t.original_slice(last - 1, last), "５");
    }

    #[test]
    fn thousands_comma_only_between_digit_groups() {
        let t = NormalizedText::new("82，225.00元，17.8，19.8");
        assert_eq!(t.normalized(), "82,225.00元，17.8，19.8");
    }

    #[test]
    fn char_counter_counts_code_points() {
        let text = "近百亿元和99.1%";
        let mut c = CharCounter::new(text);
        assert_eq!(c.char_offset(text.find("99").unwrap()), 5);
        assert_eq!(c.char_offset(text.len()), 10);
        assert_eq!(c.char_offset(0), 0);
    }
}
