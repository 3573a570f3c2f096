//! Rules as data: loading and validating the files in `rules/`.
//!
//! A rule set is `fragments.toml` (named regex pieces), `units.toml` (the units
//! table), `lexicon.toml` (qualifier, change and comparison words) and any
//! number of rule files (every other `*.toml`), each holding `[[rule]]` entries.
//! Loading checks everything and reports every problem with its file and line
//! before any document is read.

pub mod capture;
mod cost;
pub mod dates;
pub mod error;
pub mod fragments;
pub mod lexicon;
pub mod script;
pub mod units;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use regex::Regex;
use regex_automata::meta::Regex as RuleRegex;
use regex_automata::PatternID;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::Spanned;

pub use dates::DateGrammar;
pub use error::{RuleError, RuleErrors, SourceFile};
use fragments::{regex_reason, Fragments};
pub use lexicon::Lexicon;
pub use units::{UnitDef, UnitTable};

use crate::model::decimal::Decimal;
use crate::model::metric::{Comparison, Direction, Kind, Qualifier};
use capture::Capture;

/// The rule files compiled into the binary, used when no `rules/` folder is given.
const BUNDLED: &[(&str, &str)] = &[
    ("fragments.toml", include_str!("../../rules/fragments.toml")),
    ("units.toml", include_str!("../../rules/units.toml")),
    ("lexicon.toml", include_str!("../../rules/lexicon.toml")),
    ("dates.toml", include_str!("../../rules/dates.toml")),
    ("numerals.toml", crate::numeral::table::SOURCE),
    ("percent.toml", include_str!("../../rules/percent.toml")),
    ("money.toml", include_str!("../../rules/money.toml")),
    ("count.toml", include_str!("../../rules/count.toml")),
    ("measure.toml", include_str!("../../rules/measure.toml")),
    ("duration.toml", include_str!("../../rules/duration.toml")),
];

/// The names of the bundled rule files (for checking that the list is complete).
pub fn bundled_file_names() -> Vec<&'static str> {
    BUNDLED.iter().map(|(name, _)| *name).collect()
}

const SPECIAL_FILES: [&str; 5] = [
    "fragments.toml",
    "units.toml",
    "lexicon.toml",
    "dates.toml",
    "numerals.toml",
];

/// One extraction rule, compiled.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Unique id, written into every row the rule makes.
    pub id: Arc<str>,
    /// The kind of metric it makes.
    pub kind: Kind,
    /// The pattern with fragments expanded.
    pub pattern: String,
    /// The pattern compiled alone, for the captures of a match.
    pub regex: RuleRegex,
    /// A fixed canonical unit (`%`); otherwise the `unit` capture is looked up.
    pub fixed_unit: Option<String>,
    /// Multiplies the number (两成 → ×10).
    pub scale: Option<Decimal>,
    /// Wins overlaps against rules with a lower priority.
    pub priority: i32,
    /// Rejects four-digit years (2024年).
    pub not_year: bool,
    /// Rejects single numbers (not ranges) below this value.
    pub min_value: Option<Decimal>,
    /// Rounds the value to this many decimal places (a fraction as a percent:
    /// 三分之一 → 33.33).
    pub decimals: Option<u32>,
    /// Rejects a match followed by one of these words (五年来).
    pub not_followed_by: Vec<String>,
    /// Rejects a match followed by a measure word or a duration (一两个,
    /// 三两天: a pair of numbers, not a weight).
    pub not_before_unit: bool,
    /// Accepts a match only where its clause ends after it: 尺寸为6.1英寸。
    /// measures, 12英寸晶圆 names a product.
    pub ends_clause: bool,
    /// When not empty, a match needs one of these words earlier in its
    /// sentence (岁 measures only after 寿命 or 年龄; 60岁以上人口 is a label).
    /// Traditional forms are added when the rules load.
    pub needs_before: Vec<String>,
    /// Units (as written) this rule does not accept (九类 is a label).
    pub exclude_units: Vec<String>,
    /// Texts the rule must turn into the stated rows.
    pub examples: Vec<Example>,
    /// Texts that must give no row at all.
    pub counter_examples: Vec<CounterExample>,
    /// The rule file's name.
    pub file: String,
    /// The line of the rule's `id`.
    pub line: usize,
}

/// A positive example: `text` is a whole span the rule must produce, with these attributes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The span the rule must match, whole.
    pub text: String,
    /// The sentence to run on, when the span needs context (defaults to `text`).
    #[serde(rename = "in")]
    pub context: Option<String>,
    /// Expected value in the canonical unit.
    pub value: Option<f64>,
    /// Expected upper end of a range.
    pub value_high: Option<f64>,
    /// Expected canonical unit.
    pub unit: Option<String>,
    /// Expected qualifier.
    pub qualifier: Option<String>,
    /// Expected direction (`up`, `down`, or `` for none).
    pub direction: Option<String>,
    /// Expected comparison (`yoy`, `mom`, or `` for none).
    pub comparison: Option<String>,
    /// Expected subject.
    pub subject: Option<String>,
    /// Line in the rule file.
    #[serde(skip)]
    pub line: usize,
}

/// A text that must give no row.
#[derive(Debug, Clone)]
pub struct CounterExample {
    /// The text.
    pub text: String,
    /// Line in the rule file.
    pub line: usize,
}

/// A loaded, validated rule set.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// The units table.
    pub units: UnitTable,
    /// The word lists.
    pub lexicon: Lexicon,
    /// A bare number ending in 、 at the end of a text: a list item sharing the next number's unit.
    pub list_item: Regex,
    /// The whole of a range separator (`range_sep`): the text between two amounts that make a range.
    pub range_sep: Regex,
    /// SHA-256 of the rule files (names and contents), to tag outputs.
    pub fingerprint: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<Spanned<RuleEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    id: Spanned<String>,
    kind: String,
    pattern: Spanned<String>,
    unit: Option<String>,
    scale: Option<String>,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    not_year: bool,
    min_value: Option<String>,
    decimals: Option<u32>,
    #[serde(default)]
    not_followed_by: Vec<String>,
    #[serde(default)]
    not_before_unit: bool,
    #[serde(default)]
    ends_clause: bool,
    #[serde(default)]
    needs_before: Vec<String>,
    #[serde(default)]
    exclude_units: Vec<String>,
    #[serde(default)]
    examples: Vec<Spanned<Example>>,
    #[serde(default)]
    counter_examples: Vec<Spanned<String>>,
}

impl RuleSet {
    /// The rule set compiled into the binary.
    pub fn bundled() -> Result<RuleSet, RuleErrors> {
        let files = BUNDLED
            .iter()
            .map(|(name, text)| SourceFile {
                name: format!("rules/{name}"),
                text: (*text).to_string(),
            })
            .collect();
        RuleSet::from_sources(files)
    }

    /// Loads every `*.toml` file of a folder.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, RuleErrors> {
        let io_error = |path: &Path, e: std::io::Error| {
            RuleErrors(vec![RuleError {
                file: path.display().to_string(),
                line: 0,
                message: format!("cannot read: {e}"),
            }])
        };
        let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| io_error(dir, e))?.path();
            if path.extension().is_some_and(|x| x == "toml") {
                paths.push(path);
            }
        }
        paths.sort();
        let mut files = Vec::new();
        for path in paths {
            let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            files.push(SourceFile::from_bytes(path.display().to_string(), &bytes)?);
        }
        RuleSet::from_sources(files)
    }

    /// Loads a rule set from file contents; names decide each file's role.
    pub fn from_sources(files: Vec<SourceFile>) -> Result<RuleSet, RuleErrors> {
        let fingerprint = fingerprint(&files);
        let find = |name: &str| {
            files
                .iter()
                .find(|f| file_name(&f.name) == name)
                .ok_or_else(|| {
                    RuleErrors(vec![RuleError {
                        file: name.to_string(),
                        line: 0,
                        message: "required rule file is missing".to_string(),
                    }])
                })
        };
        let fragments_file = find("fragments.toml")?;
        let units_file = find("units.toml")?;
        let lexicon_file = find("lexicon.toml")?;
        let dates_file = find("dates.toml")?;

        let mut errors = Vec::new();
        let units = UnitTable::load(units_file).unwrap_or_else(|e| {
            errors.extend(e);
            UnitTable::default()
        });
        let mut lexicon = Lexicon::load(lexicon_file).unwrap_or_else(|e| {
            errors.extend(e);
            Lexicon::default()
        });
        let mut fragments = Fragments::load(fragments_file).unwrap_or_else(|e| {
            errors.push(e);
            Fragments::default()
        });
        for kind in Kind::ALL {
            let alternation = alternation(units.surfaces_of(*kind));
            fragments.add_generated(&format!("unit:{kind}"), alternation);
        }
        for (name, chars) in crate::numeral::table::table().char_sets() {
            fragments.add_char_set(name, chars.clone());
        }
        if let Some(numerals) = files.iter().find(|f| file_name(&f.name) == "numerals.toml") {
            if numerals.text != crate::numeral::table::SOURCE {
                errors.push(numerals.error_at(
                    0,
                    "differs from the numeral table built into the binary: the parser reads \
                     that one, so edit rules/numerals.toml in the source and rebuild",
                ));
            }
        }
        fragments.add_generated(
            "qual_before",
            alternation(lexicon.qual_before.words().collect()),
        );
        fragments.add_generated(
            "qual_after",
            alternation(lexicon.qual_after.words().collect()),
        );
        errors.extend(fragments.check(fragments_file));
        match DateGrammar::load(dates_file, &fragments) {
            Ok(dates) => lexicon.dates = dates,
            Err(e) => errors.extend(e),
        }

        let mut rules = Vec::new();
        let mut seen: HashMap<String, (String, usize)> = HashMap::new();
        for file in files
            .iter()
            .filter(|f| !SPECIAL_FILES.contains(&file_name(&f.name)))
        {
            let parsed: RuleFile = match file.parse() {
                Ok(p) => p,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            for entry in parsed.rule {
                match compile_rule(file, entry.into_inner(), &fragments, &units) {
                    Ok(rule) => {
                        if let Some((f, l)) = seen.get(&*rule.id) {
                            errors.push(RuleError {
                                file: rule.file.clone(),
                                line: rule.line,
                                message: format!(
                                    "duplicate rule id `{}` (first defined at {f}:{l})",
                                    rule.id
                                ),
                            });
                        } else {
                            seen.insert(rule.id.to_string(), (rule.file.clone(), rule.line));
                            rules.push(rule);
                        }
                    }
                    Err(e) => errors.extend(e),
                }
            }
        }
        if errors.is_empty() {
            errors.extend(cost::check_costs(&rules));
        }
        if !errors.is_empty() {
            return Err(RuleErrors(errors));
        }
        let list_item = fragments
            .expand(&format!(
                "({{number}})[{}]$",
                String::from_iter(crate::text::clause::JOINERS)
            ))
            .ok()
            .and_then(|p| Regex::new(&p).ok())
            .ok_or_else(|| {
                RuleErrors(vec![
                    fragments_file.error_at(0, "fragment {number} is required (list items use it)")
                ])
            })?;
        let range_sep = fragments
            .expand("^(?:{range_sep})$")
            .ok()
            .and_then(|p| Regex::new(&p).ok())
            .ok_or_else(|| {
                RuleErrors(vec![fragments_file.error_at(
                    0,
                    "fragment {range_sep} is required (ranges of two amounts use it)",
                )])
            })?;
        Ok(RuleSet {
            rules,
            units,
            lexicon,
            list_item,
            range_sep,
            fingerprint,
        })
    }

    /// The canonical units a kind can have: fixed rule units and the units table's.
    pub fn canonical_units(&self, kind: Kind) -> Vec<String> {
        let mut units: Vec<String> = self
            .rules
            .iter()
            .filter(|r| r.kind == kind)
            .filter_map(|r| r.fixed_unit.clone())
            .chain(self.units.canonical_units(kind))
            .collect();
        units.sort();
        units.dedup();
        units
    }

    /// The number of examples and counter-examples over all rules.
    pub fn example_count(&self) -> usize {
        self.rules
            .iter()
            .map(|r| r.examples.len() + r.counter_examples.len())
            .sum()
    }
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

fn fingerprint(files: &[SourceFile]) -> String {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| file_name(&a.name).cmp(file_name(&b.name)));
    let mut hasher = Sha256::new();
    for f in sorted {
        hasher.update(file_name(&f.name).as_bytes());
        hasher.update([0]);
        hasher.update(f.text.as_bytes());
        hasher.update([0]);
    }
    format!("{:x}", hasher.finalize())
}

/// An alternation of literal words (escaped), in the order given.
fn alternation(words: Vec<&str>) -> String {
    if words.is_empty() {
        // Matches nothing: a kind with no units makes no rows.
        return "[^\\s\\S]".to_string();
    }
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// The canonical unit a fixed-unit kind must use, if it has one.
fn intrinsic_unit(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Percent => Some("%"),
        Kind::PercentagePoint => Some("pp"),
        Kind::Multiple => Some("x"),
        _ => None,
    }
}

fn compile_rule(
    file: &SourceFile,
    entry: RuleEntry,
    fragments: &Fragments,
    units: &UnitTable,
) -> Result<Rule, Vec<RuleError>> {
    let id = entry.id.get_ref().clone();
    let id_at = entry.id.span().start;
    let pattern_at = entry.pattern.span().start;
    let mut errors = Vec::new();
    let err = |at: usize, msg: String| file.error_at(at, format!("rule {id}: {msg}"));

    let kind = Kind::parse(&entry.kind);
    if kind.is_none() {
        errors.push(err(id_at, format!("unknown kind `{}`", entry.kind)));
    }
    let regex = match fragments.expand(entry.pattern.get_ref()) {
        Err(e) => {
            errors.push(err(pattern_at, e.to_string()));
            None
        }
        Ok(expanded) => match RuleRegex::new(&expanded) {
            Err(e) => {
                errors.push(err(
                    pattern_at,
                    format!("invalid regex: {}", regex_reason(&e)),
                ));
                None
            }
            Ok(r) => Some((expanded, r)),
        },
    };
    if let Some((_, r)) = &regex {
        let names: Vec<&str> = r
            .group_info()
            .pattern_names(PatternID::ZERO)
            .flatten()
            .collect();
        if !names.contains(&"num") {
            errors.push(err(pattern_at, "pattern has no `num` capture".into()));
        }
        for name in names.iter().filter(|n| !Capture::is_known(n)) {
            errors.push(err(
                pattern_at,
                format!("pattern has a capture `{name}` that the engine does not read"),
            ));
        }
        if entry.unit.is_none() && !names.contains(&"unit") {
            errors.push(err(
                pattern_at,
                "pattern has no `unit` capture and the rule no fixed `unit`".into(),
            ));
        }
    }
    if let (Some(unit), Some(kind)) = (&entry.unit, kind) {
        let known = intrinsic_unit(kind) == Some(unit.as_str()) || units.has_canonical(kind, unit);
        if !known {
            errors.push(err(id_at, format!("unknown unit `{unit}` for kind {kind}")));
        }
    }
    let decimal = |field: &str, text: &Option<String>, errors: &mut Vec<RuleError>| match text {
        None => None,
        Some(t) => {
            let d = Decimal::parse(t);
            if d.is_none() {
                errors.push(err(id_at, format!("{field} `{t}` is not a number")));
            }
            d
        }
    };
    let scale = decimal("scale", &entry.scale, &mut errors);
    let min_value = decimal("min_value", &entry.min_value, &mut errors);
    if entry.examples.is_empty() {
        errors.push(err(
            id_at,
            "has no examples: every rule needs at least one".into(),
        ));
    }
    let mut examples = Vec::new();
    for spanned in entry.examples {
        let line = file.line_of(spanned.span().start);
        let mut example = spanned.into_inner();
        example.line = line;
        if let Some(problem) = example_field_problem(&example, units) {
            errors.push(RuleError {
                file: file.name.clone(),
                line,
                message: format!("rule {id}: example `{}`: {problem}", example.text),
            });
        }
        examples.push(example);
    }
    let counter_examples = entry
        .counter_examples
        .into_iter()
        .map(|c| CounterExample {
            line: file.line_of(c.span().start),
            text: c.into_inner(),
        })
        .collect();
    match (errors.is_empty(), kind, regex) {
        (true, Some(kind), Some((pattern, regex))) => Ok(Rule {
            id: id.into(),
            kind,
            pattern,
            regex,
            fixed_unit: entry.unit,
            scale,
            priority: entry.priority,
            not_year: entry.not_year,
            min_value,
            decimals: entry.decimals,
            not_followed_by: entry.not_followed_by,
            not_before_unit: entry.not_before_unit,
            ends_clause: entry.ends_clause,
            needs_before: script::with_traditional(entry.needs_before),
            exclude_units: entry.exclude_units,
            examples,
            counter_examples,
            file: file.name.clone(),
            line: file.line_of(id_at),
        }),
        _ => Err(errors),
    }
}

/// Checks an example's stated attributes are valid names.
fn example_field_problem(example: &Example, units: &UnitTable) -> Option<String> {
    if let Some(context) = &example.context {
        if !context.contains(&example.text) {
            return Some(format!("`in` text does not contain `{}`", example.text));
        }
    }
    if let Some(q) = &example.qualifier {
        if Qualifier::parse(q).is_none() {
            return Some(format!("unknown qualifier `{q}`"));
        }
    }
    if let Some(d) = example.direction.as_deref().filter(|d| !d.is_empty()) {
        if Direction::parse(d).is_none() {
            return Some(format!("unknown direction `{d}`"));
        }
    }
    if let Some(c) = example.comparison.as_deref().filter(|c| !c.is_empty()) {
        if Comparison::parse(c).is_none() {
            return Some(format!("unknown comparison `{c}`"));
        }
    }
    if let Some(u) = &example.unit {
        let known = Kind::ALL
            .iter()
            .any(|k| intrinsic_unit(*k) == Some(u.as_str()) || units.has_canonical(*k, u));
        if !known {
            return Some(format!("unknown unit `{u}`"));
        }
    }
    None
}
