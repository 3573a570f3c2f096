//! Meaning: what each number measures (subject), whether it is a change
//! (direction), against what (comparison), and when (period).

pub mod change;
pub mod clause;
pub mod period;
pub mod subject;

use crate::engine::lists::ListGroup;
use crate::metric::{Comparison, Direction};
use crate::rules::Lexicon;

/// The meaning of one number.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meaning {
    /// What is measured.
    pub subject: String,
    /// Up or down, for the amount of a change.
    pub direction: Option<Direction>,
    /// The base of the change.
    pub comparison: Option<Comparison>,
    /// The time the figure refers to.
    pub period: Option<String>,
    /// How the subject was found, for `explain`.
    pub subject_source: &'static str,
}

/// The meanings of every member of every group, in order. `text` is normalised text.
pub fn interpret(lexicon: &Lexicon, text: &str, groups: &[ListGroup]) -> Vec<Vec<Meaning>> {
    let year = period::default_year(text);
    let mut previous_end = 0;
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let start = group.start();
        let clause_from = clause::clause_start(text, previous_end.min(start), start);
        let before = &text[clause_from..start];
        let direction = change::direction(lexicon, before);
        let comparison = change::comparison(lexicon, before);
        let paragraph = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let period = period::last_period(&text[paragraph..start], year.as_deref()).or(year.clone());

        let head = group.members.last().map_or(start, |c| c.end);
        let head_kind = group.members.last().map(|c| c.kind);
        let from_before = subject::before_subject(lexicon, before);
        let from_after = head_kind.and_then(|k| subject::after_subject(lexicon, &text[head..], k));
        let linked = text[head..].starts_with('的');
        let (base, source) = match from_after {
            Some(s)
                if linked
                    || from_before.is_empty()
                    || head_kind == Some(crate::metric::Kind::Count) =>
            {
                (s, "after the number")
            }
            _ if from_before.is_empty() => (String::new(), "none found"),
            _ => (from_before, "clause before the number"),
        };
        // Chinese drops a repeated topic: a number whose clause names nothing
        // measures what the previous number of the same sentence measured.
        let same_sentence =
            previous_end > 0 && !text[previous_end..start].contains(clause::is_sentence_end);
        let (base, source) = match (&base[..], out.last().and_then(|m: &Vec<Meaning>| m.last())) {
            ("", Some(prev)) if same_sentence => {
                (prev.subject.clone(), "previous number in the sentence")
            }
            _ => (base, source),
        };
        let n = group.members.len();
        let subjects = if before.contains("分别") {
            subject::distribute(&base, n)
        } else {
            None
        };
        let meanings = (0..n)
            .map(|k| Meaning {
                subject: subjects
                    .as_ref()
                    .map_or_else(|| base.clone(), |s| s[k].clone()),
                direction,
                comparison: comparison.filter(|_| direction.is_some()),
                period: period.clone(),
                subject_source: if subjects.is_some() {
                    "分别 list"
                } else {
                    source
                },
            })
            .collect();
        out.push(meanings);
        previous_end = group.members.last().map_or(start, |c| c.end);
    }
    out
}
