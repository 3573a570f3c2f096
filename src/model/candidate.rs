//! A resolved match on its way to a row, and the list it belongs to.
//!
//! The engine makes candidates from rule matches; meaning reads them, in their
//! list groups, to say what each number measures.

use crate::model::decimal::Decimal;
use crate::model::metric::{Kind, Qualifier};

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
    /// The metric kind.
    pub kind: Kind,
    /// Value in the canonical unit.
    pub value: Decimal,
    /// Upper end of a range.
    pub value_high: Option<Decimal>,
    /// Canonical unit.
    pub unit: String,
    /// Multiplies a bare number into the canonical unit (used for list items).
    pub factor: Decimal,
    /// The qualifier.
    pub qualifier: Qualifier,
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
