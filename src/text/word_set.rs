//! Sets of words looked up at a text's ending or beginning, or anywhere in it.

use aho_corasick::{AhoCorasick, Input, MatchKind};
use rustc_hash::FxHashSet;

/// A set of words, looked up by the text's ending or beginning: one hash probe
/// per distinct word length instead of a comparison per word, and none when
/// no word ends (or starts) with the text's last (or first) character.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: Vec<String>,
    set: FxHashSet<String>,
    lengths: Vec<usize>,
    /// The characters some word ends with.
    last_chars: FxHashSet<char>,
    /// The characters some word starts with.
    first_chars: FxHashSet<char>,
    /// Finds the words inside a text in one pass.
    automaton: Option<AhoCorasick>,
}

impl WordSet {
    /// A set of `words`.
    pub fn new(words: Vec<String>) -> WordSet {
        let mut lengths: Vec<usize> = words.iter().map(String::len).filter(|&n| n > 0).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        let words = longest_first(words);
        let set = words.iter().cloned().collect();
        let last_chars = words.iter().filter_map(|w| w.chars().next_back()).collect();
        let first_chars = words.iter().filter_map(|w| w.chars().next()).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words.iter().filter(|w| !w.is_empty()))
            .ok();
        WordSet {
            words,
            set,
            lengths,
            last_chars,
            first_chars,
            automaton,
        }
    }

    /// The byte offset of the first word in `text` that starts at or after
    /// byte `from` (a character boundary).
    pub fn first_from(&self, text: &str, from: usize) -> Option<usize> {
        let input = Input::new(text).span(from..text.len());
        self.automaton.as_ref()?.find(input).map(|m| m.start())
    }

    /// The byte offset where the last word in `text` starts.
    pub fn last_in(&self, text: &str) -> Option<usize> {
        let mut last = None;
        let mut from = 0;
        while let Some(at) = self.first_from(text, from) {
            last = Some(at);
            from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        }
        last
    }

    /// The text after the last word in `text` (分别 of 甲分别乙分别丙 → 丙).
    pub fn after_last<'t>(&self, text: &'t str) -> Option<&'t str> {
        let at = self.last_in(text)?;
        let word = self.prefix_of(&text[at..]).map_or(0, str::len);
        Some(&text[at + word..])
    }

    /// The longest word `text` ends with.
    pub fn suffix_of<'t>(&self, text: &'t str) -> Option<&'t str> {
        let last = text.chars().next_back()?;
        if !self.last_chars.contains(&last) {
            return None;
        }
        self.lengths.iter().find_map(|&n| {
            let at = text.len().checked_sub(n)?;
            let tail = text.get(at..)?;
            self.set.contains(tail).then_some(tail)
        })
    }

    /// The longest word `text` starts with.
    pub fn prefix_of<'t>(&self, text: &'t str) -> Option<&'t str> {
        let first = text.chars().next()?;
        if !self.first_chars.contains(&first) {
            return None;
        }
        self.lengths.iter().find_map(|&n| {
            let head = text.get(..n)?;
            self.set.contains(head).then_some(head)
        })
    }

    /// True when `word` is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// True when the one-character word `c` is in the set.
    pub fn contains_char(&self, c: char) -> bool {
        self.set.contains(c.encode_utf8(&mut [0; 4]) as &str)
    }

    /// True when `text` holds one of the words anywhere.
    pub fn occurs_in(&self, text: &str) -> bool {
        self.first_from(text, 0).is_some()
    }

    /// The words, longest first.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }
}

/// The longest word of `words` that `text` ends with.
pub fn suffix<'t>(text: &'t str, words: &WordSet) -> Option<&'t str> {
    words.suffix_of(text)
}

/// The longest word of `words` that `text` starts with.
pub fn prefix<'t>(text: &'t str, words: &WordSet) -> Option<&'t str> {
    words.prefix_of(text)
}

/// Strips words of `words` from the end of `text` for as long as one matches.
pub fn strip_suffixes<'t>(mut text: &'t str, words: &WordSet) -> &'t str {
    while let Some(w) = suffix(text, words) {
        text = &text[..text.len() - w.len()];
    }
    text
}

fn longest_first(mut words: Vec<String>) -> Vec<String> {
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_word_is_found_wherever_it_stands() {
        let words = WordSet::new(vec!["分别".into(), "之一的".into()]);
        assert_eq!(words.last_in("甲分别乙分别丙"), Some(12));
        assert_eq!(words.last_in("代表之一的企业"), Some(6));
        assert_eq!(words.last_in("无"), None);
        assert_eq!(words.after_last("甲分别乙分别丙"), Some("丙"));
        assert_eq!(words.after_last("无"), None);
    }
}
