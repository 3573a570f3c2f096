//! Parquet tables through polars: `metrics.parquet` and `documents.parquet`.
//!
//! The only module that uses polars. Rows are buffered in column vectors and
//! written in batches (row groups), so memory does not grow with the corpus.

use std::path::Path;

use anyhow::Result;
use polars::prelude::*;

use super::{AtomicFile, Tables};
use crate::model::schema::{self, Cell, ColumnType};

/// Rows buffered before a batch is written.
const BATCH_ROWS: usize = 65_536;

/// One column's buffered values. Strings are copied once, into the column's
/// own buffer.
enum Buffer {
    Str(StringChunkedBuilder),
    U32(Vec<u32>),
    U64(Vec<Option<u64>>),
    F64(Vec<Option<f64>>),
}

impl Buffer {
    fn new(column: &schema::Column) -> Buffer {
        match column.kind {
            ColumnType::Str => Buffer::Str(StringChunkedBuilder::new(column.name.into(), 0)),
            ColumnType::U32 => Buffer::U32(Vec::new()),
            ColumnType::U64 => Buffer::U64(Vec::new()),
            ColumnType::F64 => Buffer::F64(Vec::new()),
        }
    }

    fn push(&mut self, cell: Cell) {
        match (self, cell) {
            (Buffer::Str(v), Cell::Str(s)) => v.append_value(s),
            (Buffer::Str(v), Cell::OptStr(s)) => v.append_option(s),
            (Buffer::U32(v), Cell::U32(n)) => v.push(n),
            (Buffer::U64(v), Cell::U64(n)) => v.push(Some(n)),
            (Buffer::U64(v), Cell::OptU64(n)) => v.push(n),
            (Buffer::F64(v), Cell::Num(d)) => v.push(Some(d.to_f64())),
            (Buffer::F64(v), Cell::OptNum(d)) => v.push(d.map(|d| d.to_f64())),
            (buffer, cell) => unreachable!("cell {cell:?} does not fit column {}", buffer.name()),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Buffer::Str(_) => "string",
            Buffer::U32(_) => "u32",
            Buffer::U64(_) => "u64",
            Buffer::F64(_) => "f64",
        }
    }

    fn take(&mut self, name: &str) -> Column {
        let name: PlSmallStr = name.into();
        match self {
            Buffer::Str(v) => std::mem::replace(v, StringChunkedBuilder::new(name, 0))
                .finish()
                .into_column(),
            Buffer::U32(v) => Series::new(name, std::mem::take(v)).into_column(),
            Buffer::U64(v) => Series::new(name, std::mem::take(v)).into_column(),
            Buffer::F64(v) => Series::new(name, std::mem::take(v)).into_column(),
        }
    }
}

/// One Parquet table being written.
struct Table {
    columns: Vec<&'static schema::Column>,
    buffers: Vec<Buffer>,
    rows: usize,
    writer: polars::io::parquet::write::BatchedWriter<std::fs::File>,
    file: AtomicFile,
}

impl Table {
    fn create(
        path: &Path,
        columns: Vec<&'static schema::Column>,
        metadata: &[(String, String)],
    ) -> Result<Table> {
        let file = AtomicFile::create(path)?;
        let schema: Schema = columns
            .iter()
            .map(|c| Field::new(c.name.into(), dtype(c.kind)))
            .collect();
        let metadata = KeyValueMetadata::from_static(metadata.to_vec());
        let writer = ParquetWriter::new(file.file_handle()?)
            .with_compression(ParquetCompression::Zstd(None))
            .with_key_value_metadata(Some(metadata))
            .batched(&schema)
            .map_err(|e| anyhow::anyhow!("cannot start {}: {e}", path.display()))?;
        Ok(Table {
            buffers: columns.iter().map(|c| Buffer::new(c)).collect(),
            columns,
            rows: 0,
            writer,
            file,
        })
    }

    fn push<'c>(&mut self, cells: impl IntoIterator<Item = Cell<'c>>) -> Result<()> {
        for (buffer, cell) in self.buffers.iter_mut().zip(cells) {
            buffer.push(cell);
        }
        self.rows += 1;
        if self.rows >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let columns = self
            .buffers
            .iter_mut()
            .zip(&self.columns)
            .map(|(b, c)| b.take(c.name))
            .collect();
        let frame = DataFrame::new(self.rows, columns)?;
        self.writer.write_batch(&frame)?;
        self.rows = 0;
        Ok(())
    }

    fn finish(mut self) -> Result<AtomicFile> {
        self.flush()?;
        self.writer.finish()?;
        drop(self.writer);
        Ok(self.file)
    }
}

fn dtype(kind: ColumnType) -> DataType {
    match kind {
        ColumnType::Str => DataType::String,
        ColumnType::U32 => DataType::UInt32,
        ColumnType::U64 => DataType::UInt64,
        ColumnType::F64 => DataType::Float64,
    }
}

/// Writes the two Parquet tables.
pub struct ParquetSink {
    metrics: Table,
    documents: Table,
}

impl ParquetSink {
    /// Starts `metrics.parquet` and `documents.parquet` in `dir`, tagged with `metadata`.
    pub fn create(dir: &Path, metadata: Vec<(String, String)>) -> Result<ParquetSink> {
        Ok(ParquetSink {
            metrics: Table::create(
                &dir.join("metrics.parquet"),
                schema::METRIC_COLUMNS
                    .iter()
                    .chain(&schema::EXACT_VALUE_COLUMNS)
                    .collect(),
                &metadata,
            )?,
            documents: Table::create(
                &dir.join("documents.parquet"),
                schema::DOCUMENT_COLUMNS.iter().collect(),
                &metadata,
            )?,
        })
    }
}

impl Tables for ParquetSink {
    fn metric_row(&mut self, cells: &[Cell]) -> Result<()> {
        let exact = schema::exact_values(cells);
        let texts = exact.iter().map(|text| Cell::OptStr(text.as_deref()));
        self.metrics.push(cells.iter().copied().chain(texts))
    }

    fn document_row(&mut self, cells: &[Cell]) -> Result<()> {
        self.documents.push(cells.iter().copied())
    }

    fn finish(self: Box<Self>) -> Result<Vec<AtomicFile>> {
        Ok(vec![self.metrics.finish()?, self.documents.finish()?])
    }
}
