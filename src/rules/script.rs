//! Rule vocabulary in both Chinese scripts.
//!
//! Word lists and unit surfaces are written in simplified Chinese; each word
//! also matches its traditional form (同比增长 → 同比增長, 个百分点 → 個百分點),
//! so that bulletins from Hong Kong, Macao and Taiwan read the same way. The
//! forms come from OpenCC's simplified-to-traditional dictionaries.

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

/// OpenCC's standard, Taiwan and Hong Kong conversions: they differ in a few
/// characters (为 is 爲 in the standard, 為 in Taiwan and Hong Kong).
static TO_TRADITIONAL: Lazy<Vec<OpenCC>> = Lazy::new(|| {
    [BuiltinConfig::S2t, BuiltinConfig::S2tw, BuiltinConfig::S2hk]
        .into_iter()
        .filter_map(|config| OpenCC::from_config(config).ok())
        .collect()
});

/// The traditional forms of `word` that differ from it, without repeats.
pub fn traditional(word: &str) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for converter in TO_TRADITIONAL.iter() {
        let form = converter.convert(word);
        if form != word && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// `words` followed by their traditional forms that are not listed yet.
pub fn with_traditional(mut words: Vec<String>) -> Vec<String> {
    let forms: Vec<String> = words.iter().flat_map(|w| traditional(w)).collect();
    for form in forms {
        if !words.contains(&form) {
            words.push(form);
        }
    }
    words
}

/// Frequent characters whose simplified and traditional forms differ.
const SIMPLIFIED_CHARS: &str =
    "个们这来国会时为与经过说对发区开关长门问间东车见货务业产实际进总价额亿万";

/// How many characters of a text show its script.
const SCRIPT_SAMPLE_CHARS: usize = 400;

/// Each of those characters and its traditional forms, and whether it is traditional.
static SCRIPT_OF: Lazy<FxHashMap<char, bool>> = Lazy::new(|| {
    let mut script = FxHashMap::default();
    for c in SIMPLIFIED_CHARS.chars() {
        script.insert(c, false);
        for form in traditional(&c.to_string()) {
            script.extend(form.chars().map(|t| (t, true)));
        }
    }
    script
});

/// True when `text` is written in traditional script: its beginning holds more
/// of the frequent traditional-only characters than of their simplified forms.
pub fn is_traditional(text: &str) -> bool {
    let (mut traditional, mut simplified) = (0usize, 0usize);
    for c in text.chars().take(SCRIPT_SAMPLE_CHARS) {
        match SCRIPT_OF.get(&c) {
            Some(true) => traditional += 1,
            Some(false) => simplified += 1,
            None => {}
        }
    }
    traditional > simplified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplified_words_gain_their_traditional_form() {
        assert_eq!(traditional("个百分点"), vec!["個百分點"]);
        assert!(traditional("为").contains(&"為".to_string()));
        assert!(traditional("同比").is_empty());
        assert_eq!(
            with_traditional(vec!["较上年".into(), "較上年".into(), "增长".into()]),
            vec!["较上年", "較上年", "增长", "增長"]
        );
    }

    #[test]
    fn script_is_told_by_its_frequent_characters() {
        assert!(is_traditional("零售業總銷貨價值為314億元"));
        assert!(!is_traditional("零售业总销货价值为314亿元"));
        assert!(!is_traditional("GDP 5%"));
    }
}
