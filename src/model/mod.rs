//! The value model: the types that every stage reads and writes.
//!
//! Exact decimals, the metric row and its attributes, a publication date, and
//! the columns of the output tables.

pub mod candidate;
pub mod decimal;
pub mod document;
pub mod metric;
pub mod published;
pub mod schema;
