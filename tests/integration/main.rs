//! The integration tests, as one test binary: each module would otherwise be
//! its own executable linking the whole library and polars.

mod common;

mod architecture;
mod bad_input;
mod cmd_check;
mod cmd_diff;
mod cmd_docs;
mod cmd_explain;
mod cmd_extract;
mod cmd_stream;
mod datapackage;
mod faults;
mod formats;
mod golden;
mod numeral_props;
mod parquet;
mod pdf_docx;
mod peer_conformance;
mod published;
mod python_readers;
mod report_browser;
mod rules;
mod spark_job;
mod text_props;
