//! CSV tables: `metrics.csv` and `documents.csv`, streamed row by row.
//!
//! UTF-8 with a byte order mark by default (so Excel and WPS show the Chinese),
//! empty cells for nulls, numbers in plain notation with every digit.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::{AtomicFile, Tables};
use crate::model::schema::{Cell, Column, DOCUMENT_COLUMNS, METRIC_COLUMNS};

/// Writes the two CSV tables.
pub struct CsvSink {
    metrics: csv::Writer<AtomicFile>,
    documents: csv::Writer<AtomicFile>,
    /// Where numbers are written before they go into a field.
    scratch: String,
}

fn open(path: &Path, columns: &[Column], bom: bool) -> Result<csv::Writer<AtomicFile>> {
    let mut file = AtomicFile::create(path)?;
    if bom {
        file.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(file);
    w.write_record(columns.iter().map(|c| c.name))?;
    Ok(w)
}

fn write_row(w: &mut csv::Writer<AtomicFile>, cells: &[Cell], scratch: &mut String) -> Result<()> {
    for cell in cells {
        w.write_field(cell.text(scratch).as_bytes())?;
    }
    w.write_record(None::<&[u8]>)?;
    Ok(())
}

impl CsvSink {
    /// Starts `metrics.csv` and `documents.csv` in `dir`.
    pub fn create(dir: &Path, bom: bool) -> Result<CsvSink> {
        Ok(CsvSink {
            metrics: open(&dir.join("metrics.csv"), &METRIC_COLUMNS, bom)?,
            documents: open(&dir.join("documents.csv"), &DOCUMENT_COLUMNS, bom)?,
            scratch: String::new(),
        })
    }
}

impl Tables for CsvSink {
    fn metric_row(&mut self, cells: &[Cell]) -> Result<()> {
        write_row(&mut self.metrics, cells, &mut self.scratch)
    }

    fn document_row(&mut self, cells: &[Cell]) -> Result<()> {
        write_row(&mut self.documents, cells, &mut self.scratch)
    }

    fn finish(self: Box<Self>) -> Result<Vec<AtomicFile>> {
        let mut files = Vec::new();
        for w in [self.metrics, self.documents] {
            files.push(
                w.into_inner()
                    .map_err(|e| anyhow::anyhow!("{}", e.error()))?,
            );
        }
        Ok(files)
    }
}
