//! # zhibiao (指标)
//!
//! Turns Chinese prose reports — police and court press releases, statistical
//! communiqués, government work reports — into tidy metrics tables: one row per
//! number that measures something, with its value normalised to a base unit, its
//! qualifier, whether it is a change, what it measures, and where it came from.
//!
//! ## The tree, by stage
//!
//! Each folder is one stage of the data's way; imports only point down this list.
//!
//! ```text
//! app/      batch over files, JSON Lines stream, rule check, diff of two runs
//! sink/     writing rows: CSV, Parquet, JSON Lines, SQLite, xlsx, report
//! engine/   text in, rows out: scan, resolve, overlaps, ranges, lists
//! meaning/  what a number measures: subject, change, comparison, period
//! input/    finding files, decoding bytes, HTML/PDF/Word, metadata
//! rules/    loading and validating `rules/`: rules, word lists, date grammar
//! text/     normalisation with offsets, clauses and sentences, word sets
//! numeral/  numerals: Arabic, Chinese, financial and mixed (rules/numerals.toml)
//! model/    decimals, the metric row, candidates, dates, the output columns
//! ```
//!
//! ## Example
//!
//! ```
//! use zhibiao::engine::Extractor;
//!
//! let extractor = Extractor::bundled().unwrap();
//! let rows = extractor.extract("demo", "全市刑事案件发案同比下降35.5%。");
//! assert_eq!(rows[0].text, "35.5%");
//! assert_eq!(rows[0].quantity.value.to_string(), "35.5");
//! assert_eq!(rows[0].subject, "刑事案件发案");
//! ```
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod app;
pub mod engine;
pub mod input;
pub mod meaning;
pub mod model;
pub mod numeral;
pub mod rules;
pub mod sink;
pub mod text;
