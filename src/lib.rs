//! # zhibiao (指标)
//!
//! Turns Chinese prose reports — police and court press releases, statistical
//! communiqués, government work reports — into tidy metrics tables: one row per
//! number that measures something, with its value normalised to a base unit, its
//! qualifier, whether it is a change, what it measures, and where it came from.
//!
//! ## Brief overview
//!
//! - [`rules`] loads the rule files (regex fragments, units, lexicons, rules)
//!   and validates them with file and line.
//! - [`engine::Extractor`] runs them over a text: match, resolve, settle
//!   overlaps, expand lists, attach [`meaning`].
//! - [`sink`] writes rows to CSV, Parquet and JSON Lines; [`batch`] drives a
//!   whole folder through the extractor into the sinks.
//!
//! ## Example
//!
//! ```
//! use zhibiao::{engine::Extractor, rules::RuleSet};
//!
//! let extractor = Extractor::new(RuleSet::bundled().unwrap());
//! let rows = extractor.extract("demo", "全市刑事案件发案同比下降35.5%。");
//! assert_eq!(rows[0].text, "35.5%");
//! assert_eq!(rows[0].value.to_string(), "35.5");
//! assert_eq!(rows[0].subject, "刑事案件发案");
//! ```
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod batch;
pub mod check;
pub mod decimal;
pub mod diff;
pub mod document;
pub mod docx;
pub mod engine;
pub mod html;
pub mod meaning;
pub mod meta_file;
pub mod metric;
pub mod numeral;
pub mod pdf;
pub mod published;
pub mod reader;
pub mod rules;
pub mod schema;
pub mod sink;
pub mod stream;
pub mod text;
