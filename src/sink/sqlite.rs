//! `metrics.sqlite`: both tables in one SQLite database, indexed on doc_id,
//! ready for `datasette output/metrics.sqlite`.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::Connection;

use super::{AtomicFile, Tables};
use crate::model::schema::{
    exact_values, Cell, Column, ColumnType, DOCUMENT_COLUMNS, EXACT_VALUE_COLUMNS, METRIC_COLUMNS,
};

/// Writes `metrics.sqlite`.
pub struct SqliteSink {
    file: AtomicFile,
    db: Connection,
}

fn create_table<'c>(name: &str, columns: impl Iterator<Item = &'c Column>) -> String {
    let cols: Vec<String> = columns
        .map(|c| {
            let ty = match c.kind {
                ColumnType::Str => "TEXT",
                ColumnType::U32 | ColumnType::U64 => "INTEGER",
                ColumnType::F64 => "REAL",
            };
            let null = if c.nullable { "" } else { " NOT NULL" };
            format!("\"{}\" {ty}{null}", c.name)
        })
        .collect();
    format!("CREATE TABLE {name} ({});", cols.join(", "))
}

fn insert(name: &str, count: usize) -> String {
    let marks = vec!["?"; count].join(", ");
    format!("INSERT INTO {name} VALUES ({marks})")
}

/// A value as SQLite holds it best: an INTEGER when it is a whole number that
/// fits, else a REAL.
fn number(d: crate::model::decimal::Decimal) -> Value {
    match d.to_integer().and_then(|n| i64::try_from(n).ok()) {
        Some(n) => Value::Integer(n),
        None => Value::Real(d.to_f64()),
    }
}

fn value(cell: Cell) -> Value {
    match cell {
        Cell::Str(s) => Value::Text(s.to_string()),
        Cell::OptStr(s) => s.map_or(Value::Null, |s| Value::Text(s.to_string())),
        Cell::U32(n) => Value::Integer(i64::from(n)),
        Cell::U64(n) => i64::try_from(n).map_or(Value::Null, Value::Integer),
        Cell::OptU64(n) => n
            .and_then(|n| i64::try_from(n).ok())
            .map_or(Value::Null, Value::Integer),
        Cell::Num(d) => number(d),
        Cell::OptNum(d) => d.map_or(Value::Null, number),
    }
}

impl SqliteSink {
    /// Starts `metrics.sqlite` in `dir`.
    pub fn create(dir: &Path) -> Result<SqliteSink> {
        let file = AtomicFile::create(&dir.join("metrics.sqlite"))?;
        let db = Connection::open(file.temp_path())?;
        db.execute_batch(&format!(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; {} {} BEGIN;",
            create_table("metrics", METRIC_COLUMNS.iter().chain(&EXACT_VALUE_COLUMNS)),
            create_table("documents", DOCUMENT_COLUMNS.iter()),
        ))?;
        Ok(SqliteSink { file, db })
    }
}

impl Tables for SqliteSink {
    fn metric_row(&mut self, cells: &[Cell]) -> Result<()> {
        let mut rows = self.db.prepare_cached(&insert(
            "metrics",
            METRIC_COLUMNS.len() + EXACT_VALUE_COLUMNS.len(),
        ))?;
        let exact = exact_values(cells)
            .into_iter()
            .map(|text| text.map_or(Value::Null, Value::Text));
        rows.execute(rusqlite::params_from_iter(
            cells.iter().copied().map(value).chain(exact),
        ))?;
        Ok(())
    }

    fn document_row(&mut self, cells: &[Cell]) -> Result<()> {
        let mut rows = self
            .db
            .prepare_cached(&insert("documents", DOCUMENT_COLUMNS.len()))?;
        rows.execute(rusqlite::params_from_iter(cells.iter().copied().map(value)))?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<Vec<AtomicFile>> {
        self.db
            .execute_batch("COMMIT; CREATE INDEX metrics_doc_id ON metrics (doc_id); CREATE INDEX documents_doc_id ON documents (doc_id);")?;
        self.db.close().map_err(|(_, e)| e)?;
        Ok(vec![self.file])
    }
}
