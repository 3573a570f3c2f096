//! Applications: the jobs the command line runs over the pipeline.
//!
//! A batch over files and folders, a JSON Lines stream, the documents as
//! JSON Lines for it, the rule examples' check, and the row-level comparison
//! of two runs.

pub mod batch;
pub mod check;
pub mod diff;
pub mod docs;
pub mod stream;
