//! The extraction engine: text in, metric rows out.
//!
//! normalise → match every rule in one scan → resolve values → settle overlaps →
//! local currency → join ranges of whole amounts → expand 、 lists → attach
//! meaning → rows with character offsets into the original text.

pub mod candidate;
pub mod currency;
pub mod lists;
pub mod overlap;
pub mod ranges;
pub mod rejection;
pub mod scanner;

use std::sync::Arc;

use crate::meaning;
use crate::meaning::period::Calendar;
use crate::model::metric::Metric;
use crate::model::published::Published;
use crate::rules::fragments::first_line;
use crate::rules::{RuleError, RuleErrors, RuleSet};
use crate::text::clause;
use crate::text::normalize::{CharCounter, NormalizedText};
use rejection::Rejection;
use scanner::Scanner;

/// Characters of context kept on each side of a span in the `sentence` column.
pub const SENTENCE_RADIUS: usize = 100;

/// Extracts metrics with one rule set. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    rules: RuleSet,
    scanner: Scanner,
    /// Bytes of text read in one part (see [`parts`]).
    part_bytes: usize,
}

/// Bytes of a document read in one part: a long document is read a part at a
/// time, so that what is held for it does not grow with its length.
pub const PART_BYTES: usize = 1 << 20;

/// The parts a document is read in: runs of whole lines of at least
/// `part_bytes` bytes (the last may be shorter), covering `text`. A number
/// never spans a line break, and what a number reads around it stays in its
/// sentence, so the rows are the same whatever the parts.
fn parts(text: &str, part_bytes: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let from = scanner::ceil_char_boundary(text, start.saturating_add(part_bytes));
        let end = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
        let part = start..end;
        start = end;
        Some(part)
    })
}

/// Everything the engine decided for one document, for `explain`.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The rows, in document order, each with how its attributes were found.
    pub rows: Vec<TracedRow>,
    /// Matches that lost an overlap.
    pub losers: Vec<LostMatch>,
    /// Matches that a guard turned away.
    pub rejected: Vec<RejectedMatch>,
}

/// A match that a guard turned away, described for a rule author.
#[derive(Debug, Clone)]
pub struct RejectedMatch {
    /// The span as written.
    pub text: String,
    /// Its character offset.
    pub start: u32,
    /// The rule that matched.
    pub rule_id: String,
    /// Why it makes no row.
    pub why: Rejection,
}

/// A row and the steps that decided its attributes.
#[derive(Debug, Clone)]
pub struct TracedRow {
    /// The row.
    pub metric: Metric,
    /// How its subject and its period were found.
    pub decisions: Decisions,
}

/// The steps that decided a row's attributes, for `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decisions {
    /// How the subject was found.
    pub subject: &'static str,
    /// How the period was found.
    pub period: &'static str,
    /// How the direction was found.
    pub direction: &'static str,
    /// How the comparison was found.
    pub comparison: &'static str,
}

/// A match that lost an overlap, described for a rule author.
#[derive(Debug, Clone)]
pub struct LostMatch {
    /// The losing span as written.
    pub text: String,
    /// Its character offset.
    pub start: u32,
    /// The losing rule.
    pub rule_id: String,
    /// The winning span as written.
    pub winner_text: String,
    /// The winning rule.
    pub winner_rule_id: String,
    /// The step of the overlap policy that decided.
    pub reason: &'static str,
}

impl Extractor {
    /// An extractor over a loaded rule set, its rules compiled into one scan.
    pub fn new(rules: RuleSet) -> Result<Extractor, RuleErrors> {
        let scanner = Scanner::new(&rules.rules).map_err(|e| {
            RuleErrors(vec![RuleError {
                file: "rules".into(),
                line: 0,
                message: format!("rules do not combine into one scan: {}", first_line(&e)),
            }])
        })?;
        Ok(Extractor {
            rules,
            scanner,
            part_bytes: PART_BYTES,
        })
    }

    /// An extractor over the rule files compiled into the binary.
    pub fn bundled() -> Result<Extractor, RuleErrors> {
        Extractor::new(RuleSet::bundled()?)
    }

    /// The rule set in use.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The metrics of one document, in document order.
    pub fn extract(&self, doc_id: &str, text: &str) -> Vec<Metric> {
        self.extract_published(doc_id, text, None)
    }

    /// The metrics of a document published at `published`, which dates what
    /// the text leaves relative (今年, 目前) or undated.
    pub fn extract_published(
        &self,
        doc_id: &str,
        text: &str,
        published: Option<Published>,
    ) -> Vec<Metric> {
        let mut metrics = Vec::new();
        self.extract_each(doc_id, text, published, |metric| metrics.push(metric));
        metrics
    }

    /// Hands each metric of a document published at `published` to `each`,
    /// in document order, as it is read: a long document's rows need not be
    /// held together.
    pub fn extract_each(
        &self,
        doc_id: &str,
        text: &str,
        published: Option<Published>,
        mut each: impl FnMut(Metric),
    ) {
        self.run(doc_id, text, published, None, |metric, _| each(metric));
    }

    /// The metrics of one document, with the decisions behind them.
    pub fn extract_traced(
        &self,
        doc_id: &str,
        original: &str,
        published: Option<Published>,
    ) -> Extraction {
        let mut rows = Vec::new();
        let mut out = Extraction::default();
        self.run(
            doc_id,
            original,
            published,
            Some(&mut out),
            |metric, decisions| rows.push(TracedRow { metric, decisions }),
        );
        out.rows = rows;
        out
    }

    /// Extracts one document, handing each row and its decisions to `row` in
    /// document order; with `trace`, also describes the matches that lost an
    /// overlap or were turned away.
    fn run(
        &self,
        doc_id: &str,
        original: &str,
        published: Option<Published>,
        trace: Option<&mut Extraction>,
        mut row: impl FnMut(Metric, Decisions),
    ) {
        let doc_id: Arc<str> = Arc::from(doc_id);
        let doc = NormalizedText::new(original);
        let text = doc.normalized();
        let local = self.rules.units.local_currency(text);
        // Taiwan's releases count years from the Republic's founding (114年).
        let calendar = if local == Some("TWD") {
            Calendar::Republic
        } else {
            Calendar::Gregorian
        };
        let mut reader = meaning::Reader::new(&self.rules.lexicon, text, calendar, published);
        let mut rejected = Vec::new();
        let mut lost = Vec::new();
        let mut chars = CharCounter::new(doc.original());
        // Numbers of one sentence share its text when their windows are the same.
        let mut sentence: Option<((usize, usize), Arc<str>)> = None;
        for part in parts(text, self.part_bytes) {
            let candidates = candidate::find_candidates(
                &self.rules,
                &self.scanner,
                (text, part),
                trace.is_some().then_some(&mut rejected),
            );
            let (mut kept, part_lost) = overlap::settle(&self.rules, text, candidates);
            // Only explain reads the losers; a long document's would pile up.
            if trace.is_some() {
                lost.extend(part_lost);
            }
            currency::localise(&self.rules.lexicon.renminbi_names, local, text, &mut kept);
            ranges::join_money_ranges(&self.rules.range_sep, text, &mut kept);
            let groups = reader.interpret(lists::expand_lists(&self.rules.list_item, text, kept));
            for c in groups.into_iter().flat_map(|g| g.members) {
                let rule = &self.rules.rules[c.rule];
                let bounds = clause::sentence_bounds(text, c.start, c.end, SENTENCE_RADIUS);
                let shared = match &sentence {
                    Some((b, shared)) if *b == bounds => Arc::clone(shared),
                    _ => {
                        let (s, e) = bounds;
                        let fresh: Arc<str> = Arc::from(doc.original_slice(s, e).trim());
                        sentence = Some((bounds, Arc::clone(&fresh)));
                        fresh
                    }
                };
                let (start, end) = doc.original_range(c.start, c.end);
                let m = c.meaning;
                let metric = Metric {
                    doc_id: Arc::clone(&doc_id),
                    start: to_u32(chars.char_offset(start)),
                    end: to_u32(chars.char_offset(end)),
                    text: doc.original_slice(c.start, c.end).to_string(),
                    quantity: c.quantity,
                    direction: m.direction,
                    comparison: m.comparison,
                    subject: m.subject,
                    period: m.period,
                    sentence: shared,
                    rule_id: Arc::clone(&rule.id),
                };
                row(
                    metric,
                    Decisions {
                        subject: m.subject_source,
                        period: m.period_source,
                        direction: m.direction_source,
                        comparison: m.comparison_source,
                    },
                );
            }
        }
        let Some(out) = trace else {
            return;
        };
        let mut loser_chars = CharCounter::new(doc.original());
        lost.sort_by_key(|l| l.candidate.start);
        out.losers = lost
            .into_iter()
            .map(|l| LostMatch {
                text: doc
                    .original_slice(l.candidate.start, l.candidate.end)
                    .to_string(),
                start: to_u32(
                    loser_chars
                        .char_offset(doc.original_range(l.candidate.start, l.candidate.end).0),
                ),
                rule_id: self.rules.rules[l.candidate.rule].id.to_string(),
                winner_text: doc.original_slice(l.winner.start, l.winner.end).to_string(),
                winner_rule_id: self.rules.rules[l.winner.rule].id.to_string(),
                reason: l.reason,
            })
            .collect();
        let mut rejected_chars = CharCounter::new(doc.original());
        rejected.sort_by_key(|r| (r.start, r.rule));
        out.rejected = rejected
            .into_iter()
            .map(|r| RejectedMatch {
                text: doc.original_slice(r.start, r.end).to_string(),
                start: to_u32(rejected_chars.char_offset(doc.original_range(r.start, r.end).0)),
                rule_id: self.rules.rules[r.rule].id.to_string(),
                why: r.why,
            })
            .collect();
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_whole_lines_that_cover_the_text() {
        let text = "第一行增长5%\n第二行\n\n第三行下降3%";
        let got: Vec<&str> = parts(text, 1).map(|r| &text[r]).collect();
        assert_eq!(got, ["第一行增长5%\n", "第二行\n", "\n第三行下降3%"]);
        assert_eq!(parts(text, PART_BYTES).count(), 1);
        assert_eq!(parts("", 1).count(), 0);
    }

    #[test]
    fn a_document_read_in_parts_gives_the_rows_it_gives_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![root.join("input/cq_police_2024.txt")];
        let cases = std::fs::read_dir(root.join("tests/golden/cases")).unwrap();
        texts.extend(cases.map(|e| e.unwrap().path()));
        let whole = Extractor::bundled().unwrap();
        let mut in_parts = whole.clone();
        in_parts.part_bytes = 1;
        for path in texts {
            let text = std::fs::read_to_string(&path).unwrap();
            let published = Published::parse("2025-03-01");
            let expected = whole.extract_published("d", &text, published);
            assert!(!expected.is_empty(), "{}", path.display());
            let got = in_parts.extract_published("d", &text, published);
            assert_eq!(got, expected, "{}", path.display());
        }
    }
}
