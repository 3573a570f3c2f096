//! Normalisation for matching, with offsets kept into the original text.
//!
//! Full-width digits, letters and signs (１２３ ％ ．) are folded to ASCII and a
//! full-width comma used as a thousands separator (82，225) becomes `,`. Every
//! character maps to exactly one character, so character offsets are the same in
//! both texts; byte offsets differ and are mapped back through a short list of
//! shifts recorded only where a fold changed a character's length.

use std::borrow::Cow;

/// A document's text, as written and as normalised for matching.
#[derive(Debug)]
pub struct NormalizedText<'a> {
    original: &'a str,
    normalized: Cow<'a, str>,
    /// `(normalized byte, original byte)` at each folded character: from there on,
    /// `original = normalized + (orig - norm)` until the next entry.
    shifts: Vec<(usize, usize)>,
}

impl<'a> NormalizedText<'a> {
    /// Normalises `original`; no copy is made when nothing needs folding.
    pub fn new(original: &'a str) -> NormalizedText<'a> {
        let needs_folding = original
            .char_indices()
            .any(|(i, c)| fold(c, original, i).is_some_and(|f| f != c));
        if !needs_folding {
            return NormalizedText {
                original,
                normalized: Cow::Borrowed(original),
                shifts: Vec::new(),
            };
        }
        let mut normalized = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        for (i, c) in original.char_indices() {
            match fold(c, original, i).filter(|&f| f != c) {
                Some(f) => {
                    normalized.push(f);
                    shifts.push((normalized.len(), i + c.len_utf8()));
                }
                None => normalized.push(c),
            }
        }
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

    /// The text with full-width forms folded, for matching.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// The original byte offset of a character boundary in the normalised text.
    pub fn original_byte(&self, normalized_byte: usize) -> usize {
        let k = self.shifts.partition_point(|&(n, _)| n <= normalized_byte);
        match k.checked_sub(1).and_then(|k| self.shifts.get(k)) {
            Some(&(n, o)) => normalized_byte - n + o,
            None => normalized_byte,
        }
    }

    /// The original text behind a normalised byte range.
    pub fn original_slice(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = (self.original_byte(start), self.original_byte(end));
        self.original.get(s..e).unwrap_or("")
    }
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
    fn ascii_text_is_borrowed() {
        let t = NormalizedText::new("增长5.4%");
        assert!(matches!(t.normalized, Cow::Borrowed(_)));
        assert_eq!(t.original_byte(4), 4);
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
