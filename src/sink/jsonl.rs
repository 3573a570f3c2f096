//! JSON Lines: one metric per line, in `metrics.jsonl` or on a stream.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::{Map, Number, Value};

use super::{AtomicFile, Sink};
use crate::model::document::DocumentRecord;
use crate::model::metric::Metric;
use crate::model::schema::{metric_cells, Cell, METRIC_COLUMNS};

/// A metric as a JSON object with the table's column names.
pub fn metric_json(m: &Metric) -> Value {
    let mut obj = Map::new();
    for (col, cell) in METRIC_COLUMNS.iter().zip(metric_cells(m)) {
        obj.insert(col.name.to_string(), cell_json(cell));
    }
    Value::Object(obj)
}

/// A value as a JSON number written with exactly its decimal digits
/// (`23000`, `12345678901234567.89`), not through a double.
fn number(d: crate::model::decimal::Decimal) -> Value {
    d.to_string()
        .parse::<Number>()
        .map_or(Value::Null, Value::Number)
}

fn cell_json(cell: Cell) -> Value {
    match cell {
        Cell::Str(s) => Value::String(s.to_string()),
        Cell::OptStr(s) => s.map_or(Value::Null, |s| Value::String(s.to_string())),
        Cell::U32(n) => Value::from(n),
        Cell::U64(n) => Value::from(n),
        Cell::OptU64(n) => n.map_or(Value::Null, Value::from),
        Cell::Num(d) => number(d),
        Cell::OptNum(d) => d.map_or(Value::Null, number),
    }
}

/// Writes metrics as JSON lines to any writer: a file or a stream.
pub struct JsonLines<W: Write> {
    out: W,
}

impl<W: Write> JsonLines<W> {
    /// Lines written to `out`.
    pub fn new(out: W) -> JsonLines<W> {
        JsonLines { out }
    }

    /// One line per metric.
    pub fn write_metrics(&mut self, metrics: &[Metric]) -> Result<()> {
        for m in metrics {
            serde_json::to_writer(&mut self.out, &metric_json(m))?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// The error record of input line `line` of a stream, in place of its metrics.
    pub fn write_error(&mut self, doc_id: Option<&str>, line: usize, error: &str) -> Result<()> {
        let record = serde_json::json!({ "doc_id": doc_id, "line": line, "error": error });
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Flushes what was written, so a reader of a stream sees it now.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// The writer.
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Writes `metrics.jsonl`.
pub struct JsonlSink {
    lines: JsonLines<AtomicFile>,
}

impl JsonlSink {
    /// Starts `metrics.jsonl` in `dir`.
    pub fn create(dir: &Path) -> Result<JsonlSink> {
        Ok(JsonlSink {
            lines: JsonLines::new(AtomicFile::create(&dir.join("metrics.jsonl"))?),
        })
    }
}

impl Sink for JsonlSink {
    fn write_rows(&mut self, metrics: &[Metric]) -> Result<()> {
        self.lines.write_metrics(metrics)
    }

    fn write_document(
        &mut self,
        _doc: &DocumentRecord,
        _text: &str,
        _rows: Option<&[Metric]>,
    ) -> Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<Vec<AtomicFile>> {
        Ok(vec![self.lines.into_inner()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::Decimal;

    #[test]
    fn values_are_written_with_exactly_their_digits() {
        for written in ["23000", "12345678901234567.89", "0.015", "-2.1"] {
            let value = number(Decimal::parse(written).unwrap());
            assert_eq!(serde_json::to_string(&value).unwrap(), written);
        }
    }
}
