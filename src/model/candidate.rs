//! A resolved match on its way to a row, and the list it belongs to.
//!
//! One type grows as the data goes: the engine makes a candidate from a rule
//! match (span and [`Quantity`]), settles overlaps and lists, and the meaning
//! layer fills in its [`Meaning`]; the row is then made of it.

use std::sync::Arc;

use crate::model::decimal::Decimal;
use crate::model::metric::{Comparison, Direction, Quantity};

/// A resolved match, before overlaps are settled. Offsets are bytes of the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index of the rule in the rule set.
    pub rule: usize,
    /// Start of the span.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// Start of the number itself (after any qualifier word).
    pub num_start: usize,
    /// End of the number itself (with its multiplier: 42万 of 42万人).
    pub num_end: usize,
    /// The number read.
    pub quantity: Quantity,
    /// Multiplies a bare number into the canonical unit (used for list items).
    pub factor: Decimal,
    /// What the number measures; empty until the meaning layer has read it.
    pub meaning: Meaning,
}

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
    pub period: Option<Arc<str>>,
    /// How the subject was found, for `explain`.
    pub subject_source: &'static str,
    /// How the period was found, for `explain`.
    pub period_source: &'static str,
    /// How the direction was found, for `explain`.
    pub direction_source: &'static str,
    /// How the comparison was found, for `explain`.
    pub comparison_source: &'static str,
    /// Bytes at the start of `subject` that name the topic an attribute was
    /// read against (现代产业类项目 of 现代产业类项目个数占比); 0 for none.
    pub topic_len: usize,
}

impl Meaning {
    /// The topic of the subject: the part before an attribute read against
    /// it, else the whole subject.
    pub fn topic(&self) -> &str {
        match self.topic_len {
            0 => &self.subject,
            n => self.subject.get(..n).unwrap_or(&self.subject),
        }
    }
}

/// A kept candidate and the items of the list it ends, if any.
#[derive(Debug, Clone)]
pub struct ListGroup {
    /// Candidates in text order: the list items first, then the head.
    pub members: Vec<Candidate>,
}

impl ListGroup {
    /// Where the whole list starts: the context its members share.
    pub fn start(&self) -> usize {
        self.members.first().map_or(0, |c| c.start)
    }

    /// Where the whole list ends: the end of its head.
    pub fn end(&self) -> usize {
        self.members.last().map_or(0, |c| c.end)
    }
}
