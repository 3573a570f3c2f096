//! One pass over a text for all rules at once.
//!
//! All rule patterns are compiled into one multi-pattern regex (each pattern
//! keeps its own capture names). The scan finds the leftmost position where any
//! rule matches, asks which rules match anchored there, takes their captures,
//! and continues after the number found there. A document is scanned once,
//! not once per rule.

use regex_automata::meta::Regex;
use std::ops::Range;

use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, MatchKind, PatternID, PatternSet};

use crate::rules::capture::Capture;
use crate::rules::Rule;

/// The longest span a rule match may have, in bytes (a number with its
/// qualifiers, multiplier and unit is a few dozen).
const MAX_SPAN_BYTES: usize = 256;

/// Where each [`Capture`] is among one rule's groups, if the rule has it.
type GroupIndexes = [Option<usize>; Capture::ALL.len()];

/// The compiled rules, ready to scan.
#[derive(Debug, Clone)]
pub struct Scanner {
    /// Leftmost-first: where the next match starts.
    leftmost: Regex,
    /// All matches: which rules match at a given start.
    all: Regex,
    /// Each rule alone, for its captures: a small automaton is cheaper to
    /// run anchored than the union of all rules.
    rules: Vec<Regex>,
    /// Each rule's group indexes, looked up once rather than by name per match.
    groups: Vec<GroupIndexes>,
}

/// The lazy DFA cache of each union of all rules: large enough that the
/// states of the union, once built, stay built (the default, 2 MiB, is
/// cleared again and again on a long batch, and building states then costs
/// more than scanning).
const SCAN_CACHE_BYTES: usize = 32 << 20;

impl Scanner {
    /// Combines the rules, in rule order, into one scan.
    pub fn new(rules: &[Rule]) -> Result<Scanner, String> {
        let patterns: Vec<&str> = rules.iter().map(|r| r.pattern.as_str()).collect();
        let leftmost = Regex::builder()
            .configure(Regex::config().hybrid_cache_capacity(SCAN_CACHE_BYTES))
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        let all = Regex::builder()
            .configure(
                Regex::config()
                    .match_kind(MatchKind::All)
                    .hybrid_cache_capacity(SCAN_CACHE_BYTES),
            )
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        let rules: Vec<Regex> = rules.iter().map(|r| r.regex.clone()).collect();
        let groups = rules
            .iter()
            .map(|regex| {
                Capture::ALL.map(|c| regex.group_info().to_index(PatternID::ZERO, c.name()))
            })
            .collect();
        Ok(Scanner {
            leftmost,
            all,
            rules,
            groups,
        })
    }

    /// The text of `capture` in a match of rule `rule`, with its byte offsets.
    pub fn group<'t>(
        &self,
        rule: usize,
        caps: &Captures,
        text: &'t str,
        capture: Capture,
    ) -> Option<Group<'t>> {
        let index = self.groups.get(rule)?[capture as usize]?;
        let span = caps.get_group(index)?;
        Some(Group {
            start: span.start,
            end: span.end,
            text: text.get(span.start..span.end)?,
        })
    }

    /// Where the next match of at most [`MAX_SPAN_BYTES`] may start, at or
    /// after `at`.
    ///
    /// The search looks one window ahead at a time: a match that starts in
    /// the window's first half and fits in a span ends inside the window, so
    /// a start found there is the leftmost; otherwise the window moves on by
    /// its first half. Searching to the text's end instead would read a long
    /// run of digits to its end again at each of its characters.
    fn next_start(&self, text: &str, mut at: usize) -> Option<usize> {
        while at < text.len() {
            let end = floor_char_boundary(text, at + 2 * MAX_SPAN_BYTES);
            let half = floor_char_boundary(text, at + MAX_SPAN_BYTES).max(at + 1);
            let window = Input::new(text).span(at..end);
            match self.leftmost.search(&window) {
                Some(found) if found.start() < half || end == text.len() => {
                    return Some(found.start())
                }
                _ if end == text.len() => return None,
                _ => at = ceil_char_boundary(text, half),
            }
        }
        None
    }

    /// Calls `visit(rule index, captures)` for every rule match that starts in
    /// `span` (byte offsets of `text`, which the rules see whole), by start
    /// position; `visit` tells whether it kept the match.
    pub fn for_each_match(
        &self,
        text: &str,
        span: Range<usize>,
        mut visit: impl FnMut(usize, &Captures) -> bool,
    ) {
        let mut caps: Vec<Captures> = self.rules.iter().map(Regex::create_captures).collect();
        let mut rules = PatternSet::new(self.all.pattern_len());
        let mut at = span.start;
        while at < span.end {
            let Some(start) = self.next_start(text, at).filter(|&s| s < span.end) else {
                break;
            };
            // Rules match short spans: the anchored searches need not see further.
            let limit = text.len().min(start + MAX_SPAN_BYTES);
            let here = Input::new(text).span(start..limit);
            rules.clear();
            self.all
                .which_overlapping_matches(&here.clone().anchored(Anchored::Yes), &mut rules);
            let mut number_end = start;
            for rule in rules.iter() {
                let index = rule.as_usize();
                let (Some(regex), Some(caps)) = (self.rules.get(index), caps.get_mut(index)) else {
                    continue;
                };
                regex.search_captures(&here.clone().anchored(Anchored::Yes), caps);
                if !caps.is_match() {
                    continue;
                }
                let kept = visit(index, caps);
                // A rejected number (a year, a code) is still consumed; a match
                // rejected for the words before its number (人民币 5 after 4) is not.
                let num = self.groups[index][Capture::Num as usize].and_then(|i| caps.get_group(i));
                if let Some(num) = num {
                    if kept || num.start == start {
                        number_end = number_end.max(num.end);
                    }
                }
            }
            // No match starts inside a number (24万元 inside 224万元).
            let next_char = text[start..].chars().next().map_or(1, char::len_utf8);
            at = number_end.max(start + next_char);
        }
    }
}

/// The last character boundary of `text` at or before `i`.
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first character boundary of `text` at or after `i`.
pub(super) fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A captured group: where it is and what it says.
#[derive(Debug, Clone, Copy)]
pub struct Group<'t> {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The text.
    pub text: &'t str,
}

impl<'t> Group<'t> {
    /// The text of the group.
    pub fn as_str(&self) -> &'t str {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// (rule id, matched text) of every match the scan visits, keeping all.
    fn visits(text: &str) -> Vec<(String, String)> {
        let rules = RuleSet::bundled().unwrap();
        let scanner = Scanner::new(&rules.rules).unwrap();
        let mut out = Vec::new();
        scanner.for_each_match(text, 0..text.len(), |index, caps| {
            if let Some(m) = caps.get_match() {
                out.push((
                    rules.rules[index].id.to_string(),
                    text[m.range()].to_string(),
                ));
            }
            true
        });
        out
    }

    #[test]
    fn every_rule_matching_at_a_position_is_visited() {
        let found = visits("增长5%");
        assert!(
            found.contains(&("percent.sign".to_string(), "5%".to_string())),
            "{found:?}"
        );
    }

    #[test]
    fn no_match_starts_inside_a_number_already_read() {
        let found = visits("共224万元");
        assert!(found.iter().all(|(_, t)| !t.starts_with("24")), "{found:?}");
        assert!(found.iter().any(|(_, t)| t == "224万元"), "{found:?}");
    }

    #[test]
    fn a_long_run_of_digits_is_scanned_once() {
        let text = format!("收入{}元", "9".repeat(5000));
        let found = visits(&text);
        assert!(found.len() < 10, "{} visits", found.len());
    }

    #[test]
    fn captures_are_read_by_name() {
        let rules = RuleSet::bundled().unwrap();
        let scanner = Scanner::new(&rules.rules).unwrap();
        let text = "约3至5万元";
        let mut groups = Vec::new();
        scanner.for_each_match(text, 0..text.len(), |index, caps| {
            if &*rules.rules[index].id == "money" {
                groups.push((
                    scanner
                        .group(index, caps, text, Capture::Num)
                        .map(|g| g.text),
                    scanner
                        .group(index, caps, text, Capture::NumHigh)
                        .map(|g| g.text),
                    scanner
                        .group(index, caps, text, Capture::Unit)
                        .map(|g| g.text),
                ));
            }
            true
        });
        assert_eq!(groups[0], (Some("3"), Some("5万"), Some("元")));
    }
}
