//! Word lists from `lexicon.toml`: qualifiers, guards, change verbs, comparisons.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use serde::Deserialize;

use super::error::{RuleError, SourceFile};
use super::script::{traditional, with_traditional};
use crate::model::metric::Qualifier;
use crate::text::word_set::WordSet;

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
    pub not_after: WordSet,
    /// Words that begin with an `after` qualifier but are not one (上下游).
    pub not_qualifiers: WordSet,
    /// Words that make a duration after them a time frame (过去五年, 近三年).
    pub time_frames: WordSet,
    /// Verbs a subject may start with; text before the first is cut off.
    pub subject_verbs: WordSet,
    /// Coverbs (在, 向): an opening holding one before a verb is adverbial.
    pub subject_coverbs: WordSet,
    /// Predicates after the subject of a count (获批, 入选).
    pub subject_predicates: WordSet,
    /// Endings that make a listed verb part of a noun (使用率, 接待量).
    pub subject_verb_nouns: WordSet,
    /// Verbs that say where a measured thing was (出现在, 位于).
    pub subject_locating: WordSet,
    /// Light verbs between a body and the quantity it produced (实现, 完成).
    pub subject_light_verbs: WordSet,
    /// Words that begin with 从 but open no 从…到 frame (从业, 从宽).
    pub subject_from_words: WordSet,
    /// Subject starts that continue the previous subject (总量, 占).
    pub subject_relative: WordSet,
    /// Endings of a short subject that names an attribute of the sentence's
    /// topic (个数占比, 总投资): the topic goes before it.
    pub subject_attributes: WordSet,
    /// Rates of growth (增速, 增幅): a change in percentage points of one
    /// keeps it in the subject (贷款增速).
    pub subject_rates: WordSet,
    /// Words naming a balance (余额): a rate or an increment after it is the
    /// loans' (贷款增速, 贷款增量).
    pub subject_balances: WordSet,
    /// Words that make a balance's change its increment (同比多增).
    pub increment_markers: WordSet,
    /// The noun of a balance's increment (增量); empty to read none.
    pub increment: String,
    /// Adverbial nouns that are never a subject read after a number (情况下).
    pub subject_not_subjects: WordSet,
    /// Words after which the subject is read after the number (连续).
    pub subject_after_markers: WordSet,
    /// Head nouns a 分别 list shares (增加值).
    pub subject_heads: WordSet,
    /// Comparatives opening a gap against another entity (高于全国).
    pub subject_gaps: WordSet,
    /// Verbs of a contribution to growth (拉动, 带动).
    pub subject_contributions: WordSet,
    /// Endings of a bracketed aside that names a class and stays in a subject (类).
    pub subject_aside_classes: WordSet,
    /// Ends of an appositive; a subject holding one starts after it (之一的).
    pub subject_appositives: WordSet,
    /// The adverb of a list paired item by item (分别).
    pub subject_respectively: WordSet,
    /// Adverbs removed from anywhere inside a subject (分别).
    pub subject_never_inside: WordSet,
    /// Contracted words and the items they stand for (存贷款 → 存款, 贷款).
    pub subject_contractions: BTreeMap<String, Vec<String>>,
    /// Stocks counted at a moment (余额, 资产): under a span of months they
    /// are dated by its last month.
    pub stocks: WordSet,
    /// Verbs of increase.
    pub up: WordSet,
    /// Verbs of decrease.
    pub down: WordSet,
    /// Changes of pace among `up` and `down` (加快, 放缓): adverbs when they
    /// open a clause.
    pub pace: WordSet,
    /// Words after a change verb that make the number a level reached (至, 为).
    pub level: WordSet,
    /// Words that end in a change verb but name no change (起降, 涨跌).
    pub not_changes: WordSet,
    /// Words between a change verb and its number (了, 分别).
    pub fillers: WordSet,
    /// After 比/较: words of a higher value (高, 多).
    pub higher: WordSet,
    /// After 比/较: words of a lower value (低, 少).
    pub lower: WordSet,
    /// Adverbs of degree before a one-character change verb (大增, 骤降).
    pub degrees: WordSet,
    /// Verbs of adding something new, which are not changes (新增).
    pub neutral: WordSet,
    /// Words stripped from the end of the text before a number to leave its subject.
    pub subject_trailing: WordSet,
    /// Words that end in a `subject_trailing` word but are nouns (行为).
    pub subject_kept_endings: WordSet,
    /// Nouns that begin with a `subject_after_stops` word (被告人).
    pub subject_kept_openings: WordSet,
    /// Words stripped from the start of a subject.
    pub subject_leading: WordSet,
    /// Bodies that act (公安机关, 海关): before a `subject_totals` adverb they
    /// are cut from the subject.
    pub subject_agents: WordSet,
    /// Adverbs of totals between a body and what it did (共, 累计).
    pub subject_totals: WordSet,
    /// Words that end a subject read after the number.
    pub subject_after_stops: WordSet,
    /// Year-on-year markers.
    pub yoy: WordSet,
    /// Month-on-month markers.
    pub mom: WordSet,
}

/// Words with a meaning each, looked up like a [`WordSet`].
#[derive(Debug, Clone)]
pub struct WordList<T> {
    words: WordSet,
    meanings: FxHashMap<String, T>,
}

impl<T> Default for WordList<T> {
    fn default() -> Self {
        WordList {
            words: WordSet::default(),
            meanings: FxHashMap::default(),
        }
    }
}

impl<T: Copy> WordList<T> {
    fn new(entries: Vec<(String, T)>) -> WordList<T> {
        let words = WordSet::new(entries.iter().map(|(w, _)| w.clone()).collect());
        WordList {
            words,
            meanings: entries.into_iter().collect(),
        }
    }

    /// The meaning of exactly this word.
    pub fn get(&self, word: &str) -> Option<T> {
        self.meanings.get(word).copied()
    }

    /// The longest listed word that `text` ends with, and its meaning.
    pub fn suffix_of<'t>(&self, text: &'t str) -> Option<(&'t str, T)> {
        let word = self.words.suffix_of(text)?;
        Some((word, self.get(word)?))
    }

    /// The words, longest first.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
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
    #[serde(default)]
    period: PeriodSection,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PeriodSection {
    #[serde(default)]
    stocks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectSection {
    trailing: Vec<String>,
    #[serde(default)]
    kept_endings: Vec<String>,
    #[serde(default)]
    kept_openings: Vec<String>,
    leading: Vec<String>,
    #[serde(default)]
    agents: Vec<String>,
    #[serde(default)]
    totals: Vec<String>,
    after_stops: Vec<String>,
    verbs: Vec<String>,
    #[serde(default)]
    verb_nouns: Vec<String>,
    #[serde(default)]
    locating: Vec<String>,
    #[serde(default)]
    light_verbs: Vec<String>,
    #[serde(default)]
    from_words: Vec<String>,
    #[serde(default)]
    coverbs: Vec<String>,
    #[serde(default)]
    predicates: Vec<String>,
    #[serde(default)]
    relative: Vec<String>,
    #[serde(default)]
    attributes: Vec<String>,
    #[serde(default)]
    rates: Vec<String>,
    #[serde(default)]
    balances: Vec<String>,
    #[serde(default)]
    increment_markers: Vec<String>,
    #[serde(default)]
    increment: String,
    #[serde(default)]
    heads: Vec<String>,
    #[serde(default)]
    after_markers: Vec<String>,
    #[serde(default)]
    not_subjects: Vec<String>,
    #[serde(default)]
    gaps: Vec<String>,
    #[serde(default)]
    never_inside: Vec<String>,
    #[serde(default)]
    respectively: Vec<String>,
    #[serde(default)]
    appositives: Vec<String>,
    #[serde(default)]
    aside_classes: Vec<String>,
    #[serde(default)]
    contributions: Vec<String>,
    #[serde(default)]
    contractions: BTreeMap<String, Vec<String>>,
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
    #[serde(default)]
    time_frames: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeSection {
    up: Vec<String>,
    down: Vec<String>,
    level: Vec<String>,
    #[serde(default)]
    pace_up: Vec<String>,
    #[serde(default)]
    pace_down: Vec<String>,
    #[serde(default)]
    not_changes: Vec<String>,
    #[serde(default)]
    neutral: Vec<String>,
    #[serde(default)]
    fillers: Vec<String>,
    #[serde(default)]
    higher: Vec<String>,
    #[serde(default)]
    degrees: Vec<String>,
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
        for (word, items) in &file.subject.contractions {
            if items.len() < 2 {
                let at = source.text.find(&format!("\"{word}\"")).unwrap_or(0);
                errors.push(source.error_at(
                    at,
                    format!("subject.contractions: `{word}` must stand for two or more items"),
                ));
            }
        }
        let mut qualifiers = |section: &str, map: BTreeMap<String, String>| {
            let mut entries = Vec::new();
            for (word, meaning) in map {
                match Qualifier::parse(&meaning) {
                    Some(q) => {
                        entries.extend(traditional(&word).into_iter().map(|t| (t, q)));
                        entries.push((word, q));
                    }
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
        let change = file.change;
        let pace: Vec<String> = [change.pace_up.clone(), change.pace_down.clone()].concat();
        let lexicon = Lexicon {
            qual_before: qualifiers("before", q.before),
            qual_after: qualifiers("after", q.after),
            qual_verbs: qualifiers("verbs", q.verbs),
            not_after: WordSet::new(with_traditional(file.guards.not_after)),
            not_qualifiers: WordSet::new(with_traditional(file.guards.not_qualifiers)),
            time_frames: WordSet::new(with_traditional(file.guards.time_frames)),
            subject_verbs: WordSet::new(with_traditional(file.subject.verbs)),
            subject_verb_nouns: WordSet::new(with_traditional(file.subject.verb_nouns)),
            subject_locating: WordSet::new(with_traditional(file.subject.locating)),
            subject_light_verbs: WordSet::new(with_traditional(file.subject.light_verbs)),
            subject_from_words: WordSet::new(with_traditional(file.subject.from_words)),
            subject_coverbs: WordSet::new(with_traditional(file.subject.coverbs)),
            subject_predicates: WordSet::new(with_traditional(file.subject.predicates)),
            subject_relative: WordSet::new(with_traditional(file.subject.relative)),
            subject_attributes: WordSet::new(with_traditional(file.subject.attributes)),
            subject_rates: WordSet::new(with_traditional(file.subject.rates)),
            subject_balances: WordSet::new(with_traditional(file.subject.balances)),
            increment_markers: WordSet::new(with_traditional(file.subject.increment_markers)),
            increment: file.subject.increment,
            subject_heads: WordSet::new(with_traditional(file.subject.heads)),
            subject_after_markers: WordSet::new(with_traditional(file.subject.after_markers)),
            subject_not_subjects: WordSet::new(with_traditional(file.subject.not_subjects)),
            subject_gaps: WordSet::new(with_traditional(file.subject.gaps)),
            subject_never_inside: WordSet::new(with_traditional(file.subject.never_inside)),
            subject_respectively: WordSet::new(with_traditional(file.subject.respectively)),
            subject_appositives: WordSet::new(with_traditional(file.subject.appositives)),
            subject_aside_classes: WordSet::new(with_traditional(file.subject.aside_classes)),
            subject_contributions: WordSet::new(with_traditional(file.subject.contributions)),
            subject_contractions: file.subject.contractions,
            stocks: WordSet::new(with_traditional(file.period.stocks)),
            up: WordSet::new(with_traditional([change.up, change.pace_up].concat())),
            down: WordSet::new(with_traditional([change.down, change.pace_down].concat())),
            pace: WordSet::new(with_traditional(pace)),
            level: WordSet::new(with_traditional(change.level)),
            not_changes: WordSet::new(with_traditional(change.not_changes)),
            neutral: WordSet::new(with_traditional(change.neutral)),
            fillers: WordSet::new(with_traditional(change.fillers)),
            higher: WordSet::new(with_traditional(change.higher)),
            lower: WordSet::new(with_traditional(change.lower)),
            degrees: WordSet::new(with_traditional(change.degrees)),
            subject_trailing: WordSet::new(with_traditional(file.subject.trailing)),
            subject_kept_endings: WordSet::new(with_traditional(file.subject.kept_endings)),
            subject_kept_openings: WordSet::new(with_traditional(file.subject.kept_openings)),
            subject_leading: WordSet::new(with_traditional(file.subject.leading)),
            subject_agents: WordSet::new(with_traditional(file.subject.agents)),
            subject_totals: WordSet::new(with_traditional(file.subject.totals)),
            subject_after_stops: WordSet::new(with_traditional(file.subject.after_stops)),
            yoy: WordSet::new(with_traditional(file.comparison.yoy)),
            mom: WordSet::new(with_traditional(file.comparison.mom)),
        };
        if errors.is_empty() {
            Ok(lexicon)
        } else {
            Err(errors)
        }
    }
}
