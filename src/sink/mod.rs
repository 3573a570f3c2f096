//! Sinks: where rows go. The pipeline pushes each document's rows into every
//! sink in document order; a sink never knows where the rows came from.

mod atomic;
pub mod csv;
pub mod datapackage;
pub mod jsonl;
mod output_set;
pub mod parquet;
pub mod report;
pub mod sqlite;
pub mod trace;
pub mod xlsx;

use std::path::Path;

use anyhow::{bail, Result};

pub use atomic::AtomicFile;
pub use output_set::OutputSet;

use crate::model::document::DocumentRecord;
use crate::model::metric::Metric;
use crate::model::schema::{document_cells, metric_cells, Cell};

/// Something that receives extracted rows.
pub trait Sink {
    /// Receives rows of the document being written, in document order. A
    /// long document's rows come in several calls, as they are read; all come
    /// before the document's record.
    fn write_rows(&mut self, metrics: &[Metric]) -> Result<()>;
    /// Closes a document: its record and its decoded text (empty when
    /// skipped), with all its rows when they were held together (`None` for a
    /// long document, written as it was read). Documents arrive in input order.
    fn write_document(
        &mut self,
        doc: &DocumentRecord,
        text: &str,
        rows: Option<&[Metric]>,
    ) -> Result<()>;
    /// Completes the output. The files are returned still under their temporary
    /// names: the caller publishes them together once every sink has finished.
    fn finish(self: Box<Self>) -> Result<Vec<AtomicFile>>;
}

/// A sink that stores metrics and documents as two tables of typed cells
/// (CSV, Parquet, xlsx, SQLite); every such type is a [`Sink`].
pub trait Tables {
    /// Appends a metrics-table row ([`crate::model::schema::METRIC_COLUMNS`] order).
    fn metric_row(&mut self, cells: &[Cell]) -> Result<()>;
    /// Appends a documents-table row ([`crate::model::schema::DOCUMENT_COLUMNS`] order).
    fn document_row(&mut self, cells: &[Cell]) -> Result<()>;
    /// Completes the tables; the files are returned uncommitted, as by [`Sink::finish`].
    fn finish(self: Box<Self>) -> Result<Vec<AtomicFile>>;
}

impl<T: Tables> Sink for T {
    fn write_rows(&mut self, metrics: &[Metric]) -> Result<()> {
        for m in metrics {
            self.metric_row(&metric_cells(m))?;
        }
        Ok(())
    }

    fn write_document(
        &mut self,
        doc: &DocumentRecord,
        _text: &str,
        _rows: Option<&[Metric]>,
    ) -> Result<()> {
        self.document_row(&document_cells(doc))
    }

    fn finish(self: Box<Self>) -> Result<Vec<AtomicFile>> {
        Tables::finish(self)
    }
}

/// An output format of the batch command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `metrics.csv` and `documents.csv`.
    Csv,
    /// `metrics.parquet` and `documents.parquet`.
    Parquet,
    /// `metrics.jsonl`.
    Jsonl,
    /// `datapackage.json`, describing the tables written.
    DataPackage,
    /// `report.html`, a review page.
    Report,
    /// `metrics.xlsx`, both tables as sheets.
    Xlsx,
    /// `metrics.sqlite`, both tables in one database.
    Sqlite,
}

impl Format {
    /// Parses a comma-separated list such as `csv,parquet`.
    pub fn parse_list(list: &str) -> Result<Vec<Format>> {
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let f = match name {
                "csv" => Format::Csv,
                "parquet" => Format::Parquet,
                "jsonl" => Format::Jsonl,
                "datapackage" => Format::DataPackage,
                "report" => Format::Report,
                "xlsx" => Format::Xlsx,
                "sqlite" => Format::Sqlite,
                other => bail!(
                    "unknown format `{other}` (expected csv, parquet, jsonl, datapackage, report, xlsx, sqlite)"
                ),
            };
            if !out.contains(&f) {
                out.push(f);
            }
        }
        if out.is_empty() {
            bail!("no output format given");
        }
        Ok(out)
    }
}

/// Options shared by the file sinks.
#[derive(Debug, Clone)]
pub struct SinkOptions {
    /// Write a UTF-8 byte order mark at the start of CSV files (for Excel).
    pub csv_bom: bool,
    /// Key/value metadata for Parquet files.
    pub metadata: Vec<(String, String)>,
    /// Canonical units per kind, for the data package's vocabulary.
    pub units: Vec<(String, Vec<String>)>,
}

/// Opens one sink per format in `dir`.
pub fn open_sinks(
    formats: &[Format],
    dir: &Path,
    options: &SinkOptions,
) -> Result<Vec<Box<dyn Sink>>> {
    let mut sinks: Vec<Box<dyn Sink>> = Vec::new();
    for f in formats {
        sinks.push(match f {
            Format::Csv => Box::new(csv::CsvSink::create(dir, options.csv_bom)?),
            Format::Parquet => {
                Box::new(parquet::ParquetSink::create(dir, options.metadata.clone())?)
            }
            Format::Jsonl => Box::new(jsonl::JsonlSink::create(dir)?),
            Format::Report => Box::new(report::ReportSink::create(dir)?),
            Format::Xlsx => Box::new(xlsx::XlsxSink::create(dir)?),
            Format::Sqlite => Box::new(sqlite::SqliteSink::create(dir)?),
            Format::DataPackage => Box::new(datapackage::DataPackageSink::create(
                dir,
                formats,
                options.units.clone(),
            )?),
        });
    }
    Ok(sinks)
}
