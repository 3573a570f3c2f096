//! The date grammar from `dates.toml`: the regexes with which the meaning layer
//! finds the dates that give a figure its period, the bases of comparisons,
//! and the dates and heading numbers that open a subject.

use std::collections::BTreeMap;

use regex::Regex;
use toml::Spanned;

use super::error::{RuleError, SourceFile};
use super::fragments::{regex_reason, Fragments};

/// A pattern in two forms: with Gregorian years only, and with the years of
/// the Republic era as well (Taiwan's 114年 is 2025).
#[derive(Debug, Clone)]
pub struct ByCalendar {
    /// Gregorian years only.
    pub gregorian: Regex,
    /// Gregorian and Republic-era years.
    pub republic: Regex,
}

/// The compiled date grammar; each field is the `dates.toml` entry of its name.
#[derive(Debug, Clone)]
pub struct DateGrammar {
    /// A date mention (2024年3月, 今年上半年, 1-5月).
    pub mention: ByCalendar,
    /// A year with its 年.
    pub year: ByCalendar,
    /// A time named relative to the document's own (去年, 过去五年, 本月).
    pub relative: Regex,
    /// A base named by year and the same time of it (比2024年同期).
    pub dated_base: Regex,
    /// A base named by its month (比9月末).
    pub month_base: Regex,
    /// What follows the year of a span's start (2023年8月以来).
    pub since_after_year: Regex,
    /// A five-year plan named by its number (“十三五”以来).
    pub plan: Regex,
    /// Dates and periods at the start of a subject.
    pub leading_date: Regex,
    /// A heading's number at the start of a subject.
    pub leading_heading: Regex,
    /// A comparison base at the end of a subject.
    pub trailing_base: Regex,
    /// A span of years at the end of a subject.
    pub trailing_years: Regex,
    /// A date inside a subject.
    pub inner_date: Regex,
}

/// The entries of `dates.toml` and the named groups the code reads in each.
const ENTRIES: [(&str, &[&str]); 14] = [
    (
        "date_part",
        &["m1", "m2", "q", "pm", "qn", "qd", "half", "m", "hol"],
    ),
    (
        "date_part_bare",
        &["m1", "m2", "q", "pm", "qn", "qd", "half", "m", "hol"],
    ),
    ("mention", &["y", "ly", "ty"]),
    ("year", &[]),
    ("relative", &["n", "this", "last", "now", "prev"]),
    ("dated_base", &["year"]),
    ("month_base", &["year", "month"]),
    ("since_after_year", &[]),
    ("plan", &["plan"]),
    ("leading_date", &[]),
    ("leading_heading", &[]),
    ("trailing_base", &[]),
    ("trailing_years", &[]),
    ("inner_date", &[]),
];

/// Matches a group's opening, to rename the group (`(?P<m>` → `(?P<mt>`).
const GROUP_OPEN: &str = r"\(\?P<([A-Za-z0-9_]+)>";

impl DateGrammar {
    /// Loads `dates.toml`, expanding fragments with `fragments`.
    pub fn load(source: &SourceFile, fragments: &Fragments) -> Result<DateGrammar, Vec<RuleError>> {
        let file: BTreeMap<String, Spanned<String>> = source.parse().map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        for (name, pattern) in &file {
            if !ENTRIES.iter().any(|(known, _)| known == name) {
                errors
                    .push(source.error_at(pattern.span().start, format!("unknown entry `{name}`")));
            }
        }
        let mut fragments = fragments.clone();
        let mut compile = |name: &str, fragments: &Fragments| -> Option<Regex> {
            let Some(pattern) = file.get(name) else {
                errors.push(source.error_at(0, format!("entry `{name}` is missing")));
                return None;
            };
            let at = pattern.span().start;
            let expanded = match fragments.expand(pattern.get_ref()) {
                Ok(p) => p,
                Err(e) => {
                    errors.push(source.error_at(at, format!("{name}: {e}")));
                    return None;
                }
            };
            let regex = match Regex::new(&expanded) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(
                        source.error_at(at, format!("{name}: invalid regex: {}", regex_reason(&e))),
                    );
                    return None;
                }
            };
            let groups = ENTRIES
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(&[][..], |(_, g)| g);
            let missing: Vec<&str> = groups
                .iter()
                .filter(|g| !regex.capture_names().flatten().any(|n| n == **g))
                .copied()
                .collect();
            if !missing.is_empty() {
                errors.push(source.error_at(
                    at,
                    format!(
                        "{name}: the code reads the groups {}, missing here",
                        missing.join(", ")
                    ),
                ));
                return None;
            }
            Some(regex)
        };
        let part = compile("date_part", &fragments);
        let bare = compile("date_part_bare", &fragments);
        let group_open = Regex::new(GROUP_OPEN).expect("valid group pattern");
        let renamed = |r: &Regex, suffix: &str| {
            group_open
                .replace_all(r.as_str(), format!("(?P<${{1}}{suffix}>"))
                .into_owned()
        };
        if let (Some(part), Some(bare)) = (&part, &bare) {
            fragments.add_generated("date_part", part.as_str().to_string());
            fragments.add_generated("date_part_this", renamed(part, "t"));
            fragments.add_generated("date_part_bare", renamed(bare, "_"));
        }
        let mut by_calendar = |name: &str, fragments: &mut Fragments| -> Option<ByCalendar> {
            let years = |with: &str| fragments.expand(with).unwrap_or_default();
            let gregorian_years = years("{date_year}");
            let republic_years = years("{date_year}|{republic_year}");
            fragments.add_generated("date_years", gregorian_years);
            let gregorian = compile(name, fragments);
            fragments.add_generated("date_years", republic_years);
            let republic = compile(name, fragments);
            Some(ByCalendar {
                gregorian: gregorian?,
                republic: republic?,
            })
        };
        let mention = by_calendar("mention", &mut fragments);
        let year = by_calendar("year", &mut fragments);
        let grammar = (|| {
            Some(DateGrammar {
                mention: mention?,
                year: year?,
                relative: compile("relative", &fragments)?,
                dated_base: compile("dated_base", &fragments)?,
                month_base: compile("month_base", &fragments)?,
                since_after_year: compile("since_after_year", &fragments)?,
                plan: compile("plan", &fragments)?,
                leading_date: compile("leading_date", &fragments)?,
                leading_heading: compile("leading_heading", &fragments)?,
                trailing_base: compile("trailing_base", &fragments)?,
                trailing_years: compile("trailing_years", &fragments)?,
                inner_date: compile("inner_date", &fragments)?,
            })
        })();
        match grammar {
            Some(g) if errors.is_empty() => Ok(g),
            _ => Err(errors),
        }
    }
}

impl Default for DateGrammar {
    /// A grammar that finds no date (for a rule set that failed to load).
    fn default() -> DateGrammar {
        let never = || Regex::new(r"[^\s\S]").expect("valid empty pattern");
        let both = || ByCalendar {
            gregorian: never(),
            republic: never(),
        };
        DateGrammar {
            mention: both(),
            year: both(),
            relative: never(),
            dated_base: never(),
            month_base: never(),
            since_after_year: never(),
            plan: never(),
            leading_date: never(),
            leading_heading: never(),
            trailing_base: never(),
            trailing_years: never(),
            inner_date: never(),
        }
    }
}
