//! The numeral alphabet, read from `rules/numerals.toml`: digits, places,
//! shorthand tens, the words for some, point and more than, and collective
//! measure words. The parser reads it, and the rule loader makes fragments of
//! its character classes, so that both know the same characters.

use std::collections::BTreeMap;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;
use serde::Deserialize;

/// The text of `rules/numerals.toml`, compiled in.
pub const SOURCE: &str = include_str!("../../rules/numerals.toml");

static TABLE: Lazy<NumeralTable> = Lazy::new(|| {
    NumeralTable::parse(SOURCE).expect("rules/numerals.toml is valid (a test loads it)")
});

/// The numeral alphabet compiled into the binary.
pub fn table() -> &'static NumeralTable {
    &TABLE
}

/// Characters of one entry: those rules match, and those only the parser reads.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Chars {
    #[serde(default)]
    matched: String,
    #[serde(default)]
    read_only: String,
}

impl Chars {
    fn all(&self) -> impl Iterator<Item = char> + '_ {
        self.matched.chars().chain(self.read_only.chars())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    few: Chars,
    point: Chars,
    over: Chars,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    financial: String,
    digits: BTreeMap<String, Chars>,
    places: BTreeMap<String, Chars>,
    sections: BTreeMap<String, Chars>,
    tens: BTreeMap<String, Chars>,
    words: Words,
    collectives: BTreeMap<String, i64>,
}

/// A section's entries with their keys read as numbers, in numeric order.
fn numbered<N: std::str::FromStr + Ord + Copy>(
    entries: &BTreeMap<String, Chars>,
) -> Result<Vec<(N, &Chars)>, String> {
    let mut out = entries
        .iter()
        .map(|(key, chars)| {
            key.parse::<N>()
                .map(|n| (n, chars))
                .map_err(|_| format!("`{key}` is not a number"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    out.sort_by_key(|(n, _)| *n);
    Ok(out)
}

/// What a character means inside a numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumeralChar {
    /// A digit, 0 to 9.
    Digit(u8),
    /// A place: its power of ten, and whether it closes a section (万, 亿).
    Place(u32, bool),
    /// A tens digit with its 十 (廿 → 2).
    Tens(u8),
    /// Some unknown digit (几).
    Few,
    /// The decimal point (点).
    Point,
    /// More than (余).
    Over,
}

/// The loaded alphabet.
#[derive(Debug)]
pub struct NumeralTable {
    chars: FxHashMap<char, NumeralChar>,
    /// The first matched character of each digit, for writing one (廿 → 二十).
    digit_chars: [char; 10],
    /// The first matched character of the place of ten (十).
    ten_char: char,
    collectives: Vec<(String, i128)>,
    financial: Vec<char>,
    char_sets: Vec<(&'static str, String)>,
}

impl NumeralTable {
    /// Reads a table from the text of a `numerals.toml`.
    pub fn parse(text: &str) -> Result<NumeralTable, String> {
        let file: TableFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let digits = numbered::<u8>(&file.digits)?;
        let places = numbered::<u32>(&file.places)?;
        let sections = numbered::<u32>(&file.sections)?;
        let tens = numbered::<u8>(&file.tens)?;
        let mut chars = FxHashMap::default();
        let mut add = |c: char, meaning: NumeralChar| match chars.insert(c, meaning) {
            Some(earlier) if earlier != meaning => Err(format!("{c} is listed twice")),
            _ => Ok(()),
        };
        let mut digit_chars = ['0'; 10];
        for &(d, entry) in &digits {
            let slot = digit_chars
                .get_mut(usize::from(d))
                .ok_or_else(|| format!("digit {d} is not 0 to 9"))?;
            *slot = entry
                .matched
                .chars()
                .next()
                .ok_or_else(|| format!("digit {d} has no matched character"))?;
            for c in entry.all() {
                add(c, NumeralChar::Digit(d))?;
            }
        }
        if digits.len() != 10 {
            return Err("digits must list 0 to 9".into());
        }
        for (places, closes) in [(&places, false), (&sections, true)] {
            for &(exp, entry) in places {
                for c in entry.all() {
                    add(c, NumeralChar::Place(exp, closes))?;
                }
            }
        }
        for &(d, entry) in &tens {
            for c in entry.all() {
                add(c, NumeralChar::Tens(d))?;
            }
        }
        let words = &file.words;
        for (entry, meaning) in [
            (&words.few, NumeralChar::Few),
            (&words.point, NumeralChar::Point),
            (&words.over, NumeralChar::Over),
        ] {
            for c in entry.all() {
                add(c, meaning)?;
            }
        }
        let class = |entries: &mut dyn Iterator<Item = &Chars>| {
            let body: String = entries
                .flat_map(|e| e.matched.chars())
                .map(|c| regex::escape(&c.to_string()))
                .collect();
            body
        };
        let char_sets = vec![
            ("numeral_digit", class(&mut digits.iter().map(|(_, e)| *e))),
            (
                "numeral_digit_nonzero",
                class(&mut digits.iter().filter(|(d, _)| *d > 0).map(|(_, e)| *e)),
            ),
            (
                "numeral_digit_plain",
                class(&mut digits.iter().map(|(_, e)| *e))
                    .chars()
                    .filter(|c| !file.financial.contains(*c))
                    .collect(),
            ),
            ("numeral_place", class(&mut places.iter().map(|(_, e)| *e))),
            (
                "numeral_section",
                class(&mut sections.iter().map(|(_, e)| *e)),
            ),
            ("numeral_tens", class(&mut tens.iter().map(|(_, e)| *e))),
            ("numeral_few", class(&mut std::iter::once(&words.few))),
            ("numeral_point", class(&mut std::iter::once(&words.point))),
            ("numeral_over", class(&mut std::iter::once(&words.over))),
        ];
        let ten_char = places
            .iter()
            .find(|(exp, _)| *exp == 1)
            .and_then(|(_, e)| e.matched.chars().next())
            .ok_or("places must have a matched character for 1 (ten)")?;
        Ok(NumeralTable {
            financial: file.financial.chars().collect(),
            chars,
            digit_chars,
            ten_char,
            collectives: file
                .collectives
                .into_iter()
                .map(|(word, n)| (word, i128::from(n)))
                .collect(),
            char_sets,
        })
    }

    /// What `c` means inside a numeral, if anything.
    pub fn get(&self, c: char) -> Option<NumeralChar> {
        self.chars.get(&c).copied()
    }

    /// The usual character of a digit (2 → 二).
    pub fn digit_char(&self, digit: u8) -> Option<char> {
        self.digit_chars.get(usize::from(digit)).copied()
    }

    /// True for a financial (cheque) form of a digit or of ten (壹, 拾).
    pub fn is_financial(&self, c: char) -> bool {
        self.financial.contains(&c)
    }

    /// True for a place character (十, 百, 万, 亿 …).
    pub fn is_place(&self, c: char) -> bool {
        matches!(self.get(c), Some(NumeralChar::Place(..)))
    }

    /// The power of ten of a place character (百 → 2).
    pub fn place_exp(&self, c: char) -> Option<u32> {
        match self.get(c)? {
            NumeralChar::Place(exp, _) => Some(exp),
            _ => None,
        }
    }

    /// The usual character of the place of ten (十).
    pub fn ten_char(&self) -> char {
        self.ten_char
    }

    /// Measure words that count several items each, with how many (对 → 2).
    pub fn collectives(&self) -> &[(String, i128)] {
        &self.collectives
    }

    /// True when rules match `c` as part of a numeral (三, 百, 萬; not the
    /// read-only 洞 or 拐).
    pub fn is_matched(&self, c: char) -> bool {
        self.char_sets.iter().any(|(_, set)| set.contains(c))
    }

    /// The sets of characters rules match, for the fragments (`numeral_digit`
    /// → `零〇○一壹…`, regex-escaped, to be written inside brackets).
    pub fn char_sets(&self) -> &[(&'static str, String)] {
        &self.char_sets
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_loads() {
        let table = NumeralTable::parse(SOURCE).unwrap();
        assert_eq!(table.get('三'), Some(NumeralChar::Digit(3)));
        assert_eq!(table.get('洞'), Some(NumeralChar::Digit(0)));
        assert_eq!(table.get('萬'), Some(NumeralChar::Place(4, true)));
        assert_eq!(table.get('佰'), Some(NumeralChar::Place(2, false)));
        assert_eq!(table.get('廿'), Some(NumeralChar::Tens(2)));
        assert_eq!(table.digit_char(2), Some('二'));
        assert!(table.collectives().contains(&("打".to_string(), 12)));
    }

    #[test]
    fn plain_digits_leave_out_the_financial_forms() {
        let table = NumeralTable::parse(SOURCE).unwrap();
        let plain = &table
            .char_sets()
            .iter()
            .find(|(n, _)| *n == "numeral_digit_plain")
            .unwrap()
            .1;
        assert!(plain.contains('〇') && plain.contains('九') && plain.contains('两'));
        assert!(!plain.contains('玖') && !plain.contains('壹'));
    }

    #[test]
    fn character_sets_hold_matched_characters_only() {
        let table = NumeralTable::parse(SOURCE).unwrap();
        let digit = &table
            .char_sets()
            .iter()
            .find(|(n, _)| *n == "numeral_digit")
            .unwrap()
            .1;
        assert!(digit.contains('○') && digit.contains('兩'));
        assert!(!digit.contains('洞') && !digit.contains('O'));
        let nonzero = &table
            .char_sets()
            .iter()
            .find(|(n, _)| *n == "numeral_digit_nonzero")
            .unwrap()
            .1;
        assert!(!nonzero.contains('零') && nonzero.contains('一'));
    }

    #[test]
    fn a_character_with_two_meanings_is_refused() {
        let doubled = SOURCE.replace("9 = { matched = \"九玖\" }", "9 = { matched = \"九玖三\" }");
        assert!(NumeralTable::parse(&doubled).unwrap_err().contains("三"));
    }
}
