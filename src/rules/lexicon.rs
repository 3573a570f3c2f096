//! Word lists from `lexicon.toml`: qualifiers, guards, change verbs, comparisons.
//!
//! Most lists are plain word sets. Each is declared once, in the table given
//! to `lexicon!` below: its field, its doc and the `section.list` keys of the
//! file it is read from. A key in the file that no set reads is an error.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::dates::DateGrammar;
use super::error::{RuleError, SourceFile};
use super::script::{traditional, with_traditional};
use crate::model::metric::Qualifier;
use crate::text::word_set::WordSet;

/// Declares [`Lexicon`]: its fields that need their own reading (`fixed`),
/// and its word sets, each read from one or more lists of the file (`sets`).
macro_rules! lexicon {
    (
        fixed { $( $(#[$fixed_doc:meta])* $fixed:ident : $fixed_type:ty, )* }
        sets { $( $(#[$set_doc:meta])* $set:ident <- [$($key:literal),+], )* }
    ) => {
        /// The word lists that give numbers their qualifier, direction,
        /// comparison, subject and period.
        #[derive(Debug, Clone, Default)]
        pub struct Lexicon {
            $( $(#[$fixed_doc])* pub $fixed: $fixed_type, )*
            $( $(#[$set_doc])* pub $set: WordSet, )*
        }

        /// Every `section.list` key that a word set reads.
        const SET_KEYS: &[&str] = &[$($($key,)+)*];

        /// Builds the word sets from the lists read, each with its traditional forms.
        fn with_sets(fixed: Lexicon, lists: &BTreeMap<String, Vec<String>>) -> Lexicon {
            let set = |keys: &[&str]| {
                let words = keys.iter().flat_map(|k| lists.get(*k).into_iter().flatten().cloned());
                WordSet::new(with_traditional(words.collect()))
            };
            Lexicon {
                $( $set: set(&[$($key),+]), )*
                ..fixed
            }
        }
    };
}

lexicon! {
    fixed {
        /// Qualifiers written against the number, inside the span (近, 超, 约).
        qual_before: WordList<Qualifier>,
        /// Qualifiers after the unit, inside the span (以上, 左右).
        qual_after: WordList<Qualifier>,
        /// Verbs before the number, outside the span (超过, 不到).
        qual_verbs: WordList<Qualifier>,
        /// The noun of a balance's increment (增量); empty to read none.
        increment: String,
        /// Contracted words and the items they stand for (存贷款 → 存款, 贷款).
        subject_contractions: BTreeMap<String, Vec<String>>,
        /// The date grammar of `dates.toml`, set by the rule set's loader.
        dates: DateGrammar,
    }
    sets {
        /// Characters that make a following number an ordinal or rank (第, 前).
        not_after <- ["guards.not_after"],
        /// Words that begin with an `after` qualifier but are not one (上下游).
        not_qualifiers <- ["guards.not_qualifiers"],
        /// Words that make a duration after them a time frame (过去五年, 近三年).
        time_frames <- ["guards.time_frames"],
        /// After an amount: the base of an exchange rate (兑).
        rate_bases <- ["guards.rate_bases"],
        /// Words that begin with a rate base but are verbs (兑换, 兑付).
        not_rate_bases <- ["guards.not_rate_bases"],
        /// Names and signs that state the renminbi outright (人民币, ¥).
        renminbi_names <- ["guards.renminbi_names"],
        /// Characters that end an amount: a dash after one joins a range (1万元--5万元).
        amount_ends <- ["guards.amount_ends"],
        /// Verbs a subject may start with; text before the first is cut off.
        subject_verbs <- ["subject.verbs"],
        /// Coverbs (在, 向): an opening holding one before a verb is adverbial.
        subject_coverbs <- ["subject.coverbs"],
        /// Predicates after the subject of a count (获批, 入选).
        subject_predicates <- ["subject.predicates"],
        /// Endings that make a listed verb part of a noun (使用率, 接待量).
        subject_verb_nouns <- ["subject.verb_nouns"],
        /// Verbs that say where a measured thing was (出现在, 位于).
        subject_locating <- ["subject.locating"],
        /// Light verbs between a body and the quantity it produced (实现, 完成).
        subject_light_verbs <- ["subject.light_verbs"],
        /// Words that begin with 从 but open no 从…到 frame (从业, 从宽).
        subject_from_words <- ["subject.from_words"],
        /// Subject starts that continue the previous subject (总量, 占).
        subject_relative <- ["subject.relative"],
        /// Endings of a short subject that names an attribute of the sentence's
        /// topic (个数占比, 总投资): the topic goes before it.
        subject_attributes <- ["subject.attributes"],
        /// Rates of growth (增速, 增幅): a change in percentage points of one
        /// keeps it in the subject (贷款增速).
        subject_rates <- ["subject.rates"],
        /// Words naming a balance (余额): a rate or an increment after it is the
        /// loans' (贷款增速, 贷款增量).
        subject_balances <- ["subject.balances"],
        /// Words that make a balance's change its increment (同比多增).
        increment_markers <- ["subject.increment_markers"],
        /// Adverbial nouns that are never a subject read after a number (情况下).
        subject_not_subjects <- ["subject.not_subjects"],
        /// One character that places a thing rather than names it (中, 内).
        subject_place_words <- ["subject.place_words"],
        /// Classes of places a breakdown's figure may name alone (城市, 农村).
        subject_place_classes <- ["subject.place_classes"],
        /// Last characters of administrative names (甲市, 乙区).
        subject_admin_endings <- ["subject.admin_endings"],
        /// Endings that make a short name a place (农村地区).
        subject_place_endings <- ["subject.place_endings"],
        /// Verbs of a bound that make an amount before 的 a threshold (超, 不超过).
        subject_threshold_verbs <- ["subject.threshold_verbs"],
        /// Units of a rank a list's heading ends in (后三名).
        subject_rank_units <- ["subject.rank_units"],
        /// Openings of a clause that breaks a figure down (其中).
        subject_breakdowns <- ["subject.breakdowns"],
        /// The characters before 中 in nouns ending in it (高中, 其中).
        subject_among_nouns <- ["subject.among_nouns"],
        /// Bounds that make an amount before a noun a threshold (以上, 以下).
        subject_thresholds <- ["subject.thresholds"],
        /// Words after which a clause names the next clause's topic (的是).
        subject_topic_markers <- ["subject.topic_markers"],
        /// Superlatives that end a clause naming a topic (最高, 最快).
        subject_superlatives <- ["subject.superlatives"],
        /// Conjunctions between predicates; a subject starts after the last (且).
        subject_conjunctions <- ["subject.conjunctions"],
        /// Verbs of rank before an ordinal (位列, 排名).
        subject_rank_verbs <- ["subject.rank_verbs"],
        /// Words after which the subject is read after the number (连续).
        subject_after_markers <- ["subject.after_markers"],
        /// Head nouns a 分别 list shares (增加值).
        subject_heads <- ["subject.heads"],
        /// Comparatives opening a gap against another entity (高于全国).
        subject_gaps <- ["subject.gaps"],
        /// Verbs of a contribution to growth (拉动, 带动).
        subject_contributions <- ["subject.contributions"],
        /// Endings of a bracketed aside that names a class and stays in a subject (类).
        subject_aside_classes <- ["subject.aside_classes"],
        /// Ends of an appositive; a subject holding one starts after it (之一的).
        subject_appositives <- ["subject.appositives"],
        /// The adverb of a list paired item by item (分别).
        subject_respectively <- ["subject.respectively"],
        /// Adverbs removed from anywhere inside a subject (分别).
        subject_never_inside <- ["subject.never_inside"],
        /// Stocks counted at a moment (余额, 资产): under a span of months they
        /// are dated by its last month.
        stocks <- ["period.stocks"],
        /// After a date, words that make it no time a figure refers to (远景, 价格, 为基期).
        not_times <- ["period.not_times"],
        /// Between a date and a frame's closing word (同期, 末).
        base_ends <- ["period.base_ends"],
        /// Words before a date that make a percent after it a ratio to it (恢复至, 是).
        ratio_verbs <- ["period.ratio_verbs"],
        /// Words between two dates that make them date what follows together (和, 到).
        date_joiners <- ["period.date_joiners"],
        /// The characters a date ends with (年, 月, 末).
        date_ends <- ["period.date_ends"],
        /// Words before a date that make it relative (本月, 上年末).
        relative_openers <- ["period.relative_openers"],
        /// Words that open a span's start (自, 从).
        span_openers <- ["period.span_openers"],
        /// Words that close a span's start (起, 以来).
        span_closers <- ["period.span_closers"],
        /// Words after a Republic-era year that make it a date (第, 上半年).
        after_year <- ["period.after_year"],
        /// A date right after one is where a change started (由).
        origins <- ["period.origins"],
        /// After a date: the span since it (以来).
        since <- ["period.since"],
        /// After a date: the span of a record (以来, 来).
        records_since <- ["period.records_since"],
        /// After a span's start: a record (最, 首, 新高).
        records <- ["period.records"],
        /// Verbs of increase.
        up <- ["change.up", "change.pace_up"],
        /// Verbs of decrease.
        down <- ["change.down", "change.pace_down"],
        /// Changes of pace among `up` and `down` (加快, 放缓): adverbs when they
        /// open a clause.
        pace <- ["change.pace_up", "change.pace_down"],
        /// Words after a change verb that make the number a level reached (至, 为).
        level <- ["change.level"],
        /// Words that end in a change verb but name no change (起降, 涨跌).
        not_changes <- ["change.not_changes"],
        /// Words between a change verb and its number (了, 分别).
        fillers <- ["change.fillers"],
        /// After 比/较: words of a higher value (高, 多).
        higher <- ["change.higher"],
        /// After 比/较: words of a lower value (低, 少).
        lower <- ["change.lower"],
        /// Adverbs of degree before a one-character change verb (大增, 骤降).
        degrees <- ["change.degrees"],
        /// Verbs of adding something new, which are not changes (新增).
        neutral <- ["change.neutral"],
        /// Words stripped from the end of the text before a number to leave its subject.
        subject_trailing <- ["subject.trailing"],
        /// Words that end in a `subject_trailing` word but are nouns (行为).
        subject_kept_endings <- ["subject.kept_endings"],
        /// Nouns that begin with a `subject_after_stops` word (被告人).
        subject_kept_openings <- ["subject.kept_openings"],
        /// Words stripped from the start of a subject.
        subject_leading <- ["subject.leading"],
        /// Bodies that act (公安机关, 海关): before a `subject_totals` adverb they
        /// are cut from the subject.
        subject_agents <- ["subject.agents"],
        /// Adverbs of totals between a body and what it did (共, 累计).
        subject_totals <- ["subject.totals"],
        /// Words that end a subject read after the number.
        subject_after_stops <- ["subject.after_stops"],
        /// Year-on-year markers.
        yoy <- ["comparison.yoy"],
        /// Month-on-month markers.
        mom <- ["comparison.mom"],
        /// Base markers: a date right after one is a comparison's base (比, 较).
        base_markers <- ["comparison.bases"],
        /// Words that start with a base marker but are none (比重, 比例).
        not_bases <- ["comparison.not_bases"],
        /// In a base, words that name a time (年, 季, 前).
        time_words <- ["comparison.time_words"],
        /// Before 年增: characters that make the 年 part of a time (今, 全).
        year_openers <- ["comparison.year_openers"],
        /// Before 月增: characters that make the 月 part of a time (本, 十).
        month_openers <- ["comparison.month_openers"],
        /// Words that open a framed comparison (与, 同, 和, 跟).
        companions <- ["comparison.companions"],
        /// Words that close a framed comparison (相比, 比较).
        frames <- ["comparison.frames"],
    }
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

/// The sections whose entries are lists of words.
const LIST_SECTIONS: [&str; 5] = ["guards", "change", "comparison", "subject", "period"];

impl Lexicon {
    /// Loads `lexicon.toml`.
    pub fn load(source: &SourceFile) -> Result<Lexicon, Vec<RuleError>> {
        let file: toml::Table = source.parse().map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let at = |key: &str| {
            let line_start = format!("\n{key} ");
            let quoted = format!("\"{key}\"");
            source
                .text
                .find(&line_start)
                .map(|i| i + 1)
                .or_else(|| source.text.find(&quoted))
                .unwrap_or(0)
        };
        let mut lists: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut fixed = Lexicon::default();
        for (section, entries) in &file {
            let Some(entries) = entries.as_table() else {
                errors.push(source.error_at(at(section), format!("`{section}` must be a table")));
                continue;
            };
            if section == "qualifiers" {
                for (name, words) in entries {
                    let list = qualifier_list(source, &mut errors, section, name, words, &at);
                    match name.as_str() {
                        "before" => fixed.qual_before = list,
                        "after" => fixed.qual_after = list,
                        "verbs" => fixed.qual_verbs = list,
                        _ => errors.push(
                            source.error_at(at(name), format!("unknown list `qualifiers.{name}`")),
                        ),
                    }
                }
                continue;
            }
            if !LIST_SECTIONS.contains(&section.as_str()) {
                errors.push(source.error_at(at(section), format!("unknown section `{section}`")));
                continue;
            }
            for (name, value) in entries {
                let key = format!("{section}.{name}");
                match (key.as_str(), value) {
                    ("subject.increment", toml::Value::String(word)) => {
                        fixed.increment = word.clone()
                    }
                    ("subject.contractions", toml::Value::Table(table)) => {
                        fixed.subject_contractions = contractions(source, &mut errors, table, &at)
                    }
                    (key, toml::Value::Array(words)) if SET_KEYS.contains(&key) => {
                        match words
                            .iter()
                            .map(|w| w.as_str().map(str::to_string))
                            .collect()
                        {
                            Some(words) => {
                                lists.insert(key.to_string(), words);
                            }
                            None => errors.push(
                                source
                                    .error_at(at(name), format!("`{key}` must be a list of words")),
                            ),
                        }
                    }
                    _ => errors.push(source.error_at(at(name), format!("unknown list `{key}`"))),
                }
            }
        }
        if errors.is_empty() {
            Ok(with_sets(fixed, &lists))
        } else {
            Err(errors)
        }
    }
}

/// Reads a `qualifiers.*` table of words and their meanings.
fn qualifier_list(
    source: &SourceFile,
    errors: &mut Vec<RuleError>,
    section: &str,
    name: &str,
    words: &toml::Value,
    at: &dyn Fn(&str) -> usize,
) -> WordList<Qualifier> {
    let Some(words) = words.as_table() else {
        errors.push(source.error_at(
            at(name),
            format!("`{section}.{name}` must be a table of words"),
        ));
        return WordList::default();
    };
    let mut entries = Vec::new();
    for (word, meaning) in words {
        match meaning.as_str().and_then(Qualifier::parse) {
            Some(q) => {
                entries.extend(traditional(word).into_iter().map(|t| (t, q)));
                entries.push((word.clone(), q));
            }
            None => errors.push(source.error_at(
                at(word),
                format!("{section}.{name}: `{meaning}` is not one of exact, approx, more_than, less_than"),
            )),
        }
    }
    WordList::new(entries)
}

/// Reads `subject.contractions`: each word stands for two or more items.
fn contractions(
    source: &SourceFile,
    errors: &mut Vec<RuleError>,
    table: &toml::Table,
    at: &dyn Fn(&str) -> usize,
) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (word, items) in table {
        let items: Option<Vec<String>> = items
            .as_array()
            .and_then(|a| a.iter().map(|i| i.as_str().map(str::to_string)).collect());
        match items {
            Some(items) if items.len() >= 2 => {
                out.insert(word.clone(), items);
            }
            _ => errors.push(source.error_at(
                at(word),
                format!("subject.contractions: `{word}` must stand for two or more items"),
            )),
        }
    }
    out
}
