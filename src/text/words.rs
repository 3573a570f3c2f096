//! Words: where a Chinese text divides into words, so that a phrase is never
//! cut inside one (城市平均 is 城市 + 平均, so 均 alone ends nothing there).
//!
//! The division is jieba's, from its bundled dictionary only (no guessing at
//! unknown words), so it is the same on every run. The dictionary is loaded on
//! first use.

use jieba_rs::Jieba;
use once_cell::sync::Lazy;

static SEGMENTER: Lazy<Jieba> = Lazy::new(Jieba::new);

/// The words of a short text, as byte ranges: where each word starts, and the
/// end of the text. Meant for a phrase or a clause, not a whole document.
#[derive(Debug, Clone)]
pub struct Words {
    starts: Vec<usize>,
    end: usize,
}

impl Words {
    /// Divides `text` into words.
    pub fn of(text: &str) -> Words {
        Words {
            starts: SEGMENTER
                .cut(text, false)
                .iter()
                .map(|t| t.byte_start)
                .collect(),
            end: text.len(),
        }
    }

    /// True when byte `at` is where a word starts or the text ends.
    pub fn is_boundary(&self, at: usize) -> bool {
        at == self.end || self.starts.binary_search(&at).is_ok()
    }

    /// The start of the word that byte `at` falls in (`at` itself at a boundary).
    pub fn word_start(&self, at: usize) -> usize {
        match self.starts.binary_search(&at) {
            Ok(_) => at,
            Err(k) => k.checked_sub(1).map_or(0, |k| self.starts[k]),
        }
    }

    /// Where each word ends, in order.
    pub fn ends(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts.iter().skip(1).copied().chain([self.end])
    }

    /// True when `text[at..at + len]` is one or more whole words.
    pub fn holds_whole(&self, at: usize, len: usize) -> bool {
        self.is_boundary(at) && self.is_boundary(at + len)
    }
}

/// True when `text` is one place name of the dictionary (北京, 广东省,
/// 浦东新区) and nothing else.
pub fn names_a_place(text: &str) -> bool {
    matches!(SEGMENTER.tag(text, false).as_slice(), [one] if one.tag == "ns")
}

/// True when `text` is one word that the dictionary holds as a verbal noun
/// (投资, 建设): an action named as a thing.
pub fn is_verbal_noun(text: &str) -> bool {
    matches!(SEGMENTER.tag(text, false).as_slice(), [one] if one.tag == "vn")
}

/// True when `text` is one word that the dictionary holds as a verb (完成).
pub fn is_verb(text: &str) -> bool {
    matches!(SEGMENTER.tag(text, false).as_slice(), [one] if one.tag == "v")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_inside_a_word_is_no_boundary() {
        let text = "城市平均优良天数比例为";
        let words = Words::of(text);
        let jun = text.find('均').unwrap();
        assert!(!words.is_boundary(jun));
        assert_eq!(words.word_start(jun), text.find('平').unwrap());
        assert!(words.holds_whole(text.find('平').unwrap(), "平均".len()));
        assert!(words.is_boundary(text.len()));
    }

    #[test]
    fn place_names_are_known_by_the_dictionary() {
        assert!(names_a_place("北京"));
        assert!(names_a_place("浦东新区"));
        assert!(!names_a_place("食品价格"));
        assert!(!names_a_place("防沙治沙"));
        assert!(!names_a_place(""));
    }

    #[test]
    fn verbal_nouns_are_known_by_the_dictionary() {
        assert!(is_verbal_noun("投资"));
        assert!(!is_verbal_noun("公园"));
        assert!(!is_verbal_noun("国土绿化"));
        assert!(is_verb("完成"));
        assert!(!is_verb("其中"));
    }

    #[test]
    fn a_verb_inside_a_longer_word_is_not_whole() {
        let text = "本次集中启动的新开工项目";
        let words = Words::of(text);
        assert!(!words.holds_whole(text.find("开工").unwrap(), "开工".len()));
        assert!(words.holds_whole(text.find("启动").unwrap(), "启动".len()));
    }
}
