//! Word lists from `lexicon.toml`: qualifiers, guards, change verbs, comparisons.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::{RuleError, SourceFile};
use crate::metric::Qualifier;

/// The word lists that give numbers their qualifier, direction and comparison.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Qualifiers written against the number, inside the span (近, 超, 约).
    pub qual_before: WordList<Qualifier>,
    /// Qualifiers after the unit, inside the span (以上, 左右).
    pub qual_after: WordList<Qualifier>,
    /// Verbs before the number, outside the span (超过, 不到).
    pub qual_verbs: WordList<Qualifier>,
    /// Characters that make a following number an ordinal or rank (第, 前).
    pub not_after: Vec<String>,
    /// Words that begin with an `after` qualifier but are not one (上下游).
    pub not_qualifiers: Vec<String>,
    /// Verbs a subject may start with; text before the first is cut off.
    pub subject_verbs: Vec<String>,
    /// Coverbs (在, 向): an opening holding one before a verb is adverbial.
    pub subject_coverbs: Vec<String>,
    /// Predicates after the subject of a count (获批, 入选).
    pub subject_predicates: Vec<String>,
    /// Subject starts that continue the previous subject (总量, 占).
    pub subject_relative: Vec<String>,
    /// Adverbial nouns that are never a subject read after a number (情况下).
    pub subject_not_subjects: Vec<String>,
    /// Words after which the subject is read after the number (连续).
    pub subject_after_markers: Vec<String>,
    /// Head nouns a 分别 list shares (增加值).
    pub subject_heads: Vec<String>,
    /// Verbs of increase.
    pub up: Vec<String>,
    /// Verbs of decrease.
    pub down: Vec<String>,
    /// Words after a change verb that make the number a level reached (至, 为).
    pub level: Vec<String>,
    /// Words between a change verb and its number (了, 分别).
    pub fillers: Vec<String>,
    /// After 比/较: words of a higher value (高, 多).
    pub higher: Vec<String>,
    /// After 比/较: words of a lower value (低, 少).
    pub lower: Vec<String>,
    /// Verbs of adding something new, which are not changes (新增).
    pub neutral: Vec<String>,
    /// Words stripped from the end of the text before a number to leave its subject.
    pub subject_trailing: Vec<String>,
    /// Words stripped from the start of a subject.
    pub subject_leading: Vec<String>,
    /// Words that end a subject read after the number.
    pub subject_after_stops: Vec<String>,
    /// Year-on-year markers.
    pub yoy: Vec<String>,
    /// Month-on-month markers.
    pub mom: Vec<String>,
}

/// Words with a meaning each, longest first so that the first match is the longest.
#[derive(Debug, Clone)]
pub struct WordList<T> {
    entries: Vec<(String, T)>,
}

impl<T> Default for WordList<T> {
    fn default() -> Self {
        WordList {
            entries: Vec::new(),
        }
    }
}

impl<T: Copy> WordList<T> {
    fn new(mut entries: Vec<(String, T)>) -> WordList<T> {
        entries.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        WordList { entries }
    }

    /// The meaning of exactly this word.
    pub fn get(&self, word: &str) -> Option<T> {
        self.entries
            .iter()
            .find(|(w, _)| w == word)
            .map(|(_, m)| *m)
    }

    /// The longest listed word that `text` ends with.
    pub fn suffix_of<'w>(&'w self, text: &str) -> Option<(&'w str, T)> {
        self.entries
            .iter()
            .find(|(w, _)| text.ends_with(w.as_str()))
            .map(|(w, m)| (w.as_str(), *m))
    }

    /// The words, longest first.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(w, _)| w.as_str())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    qualifiers: QualifierSection,
    #[serde(default)]
    guards: GuardSection,
    change: ChangeSection,
    comparison: ComparisonSection,
    subject: SubjectSection,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectSection {
    trailing: Vec<String>,
    leading: Vec<String>,
    after_stops: Vec<String>,
    verbs: Vec<String>,
    #[serde(default)]
    coverbs: Vec<String>,
    #[serde(default)]
    predicates: Vec<String>,
    #[serde(default)]
    relative: Vec<String>,
    #[serde(default)]
    heads: Vec<String>,
    #[serde(default)]
    after_markers: Vec<String>,
    #[serde(default)]
    not_subjects: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierSection {
    before: BTreeMap<String, String>,
    after: BTreeMap<String, String>,
    verbs: BTreeMap<String, String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct GuardSection {
    not_after: Vec<String>,
    #[serde(default)]
    not_qualifiers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeSection {
    up: Vec<String>,
    down: Vec<String>,
    level: Vec<String>,
    #[serde(default)]
    neutral: Vec<String>,
    #[serde(default)]
    fillers: Vec<String>,
    #[serde(default)]
    higher: Vec<String>,
    #[serde(default)]
    lower: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComparisonSection {
    yoy: Vec<String>,
    mom: Vec<String>,
}

impl Lexicon {
    /// Loads `lexicon.toml`.
    pub fn load(source: &SourceFile) -> Result<Lexicon, Vec<RuleError>> {
        let file: LexiconFile = source.parse().map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut qualifiers = |section: &str, map: BTreeMap<String, String>| {
            let mut entries = Vec::new();
            for (word, meaning) in map {
                match Qualifier::parse(&meaning) {
                    Some(q) => entries.push((word, q)),
                    None => {
                        let at = source.text.find(&format!("\"{word}\"")).unwrap_or(0);
                        errors.push(source.error_at(
                            at,
                            format!("qualifiers.{section}: `{meaning}` is not one of exact, approx, more_than, less_than"),
                        ));
                    }
                }
            }
            WordList::new(entries)
        };
        let q = file.qualifiers;
        let lexicon = Lexicon {
            qual_before: qualifiers("before", q.before),
            qual_after: qualifiers("after", q.after),
            qual_verbs: qualifiers("verbs", q.verbs),
            not_after: file.guards.not_after,
            not_qualifiers: file.guards.not_qualifiers,
            subject_verbs: longest_first(file.subject.verbs),
            subject_coverbs: file.subject.coverbs,
            subject_predicates: longest_first(file.subject.predicates),
            subject_relative: longest_first(file.subject.relative),
            subject_heads: longest_first(file.subject.heads),
            subject_after_markers: longest_first(file.subject.after_markers),
            subject_not_subjects: longest_first(file.subject.not_subjects),
            up: longest_first(file.change.up),
            down: longest_first(file.change.down),
            level: file.change.level,
            neutral: longest_first(file.change.neutral),
            fillers: longest_first(file.change.fillers),
            higher: longest_first(file.change.higher),
            lower: longest_first(file.change.lower),
            subject_trailing: longest_first(file.subject.trailing),
            subject_leading: longest_first(file.subject.leading),
            subject_after_stops: longest_first(file.subject.after_stops),
            yoy: longest_first(file.comparison.yoy),
            mom: longest_first(file.comparison.mom),
        };
        if errors.is_empty() {
            Ok(lexicon)
        } else {
            Err(errors)
        }
    }
}

fn longest_first(mut words: Vec<String>) -> Vec<String> {
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words
}
