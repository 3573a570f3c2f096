//! `datapackage.json`: a Frictionless Data Package (v2) describing the tables.
//!
//! Generated from the column definitions in [`crate::model::schema`], the same ones
//! the CSV and Parquet writers use, so the description cannot drift from the
//! files.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::{json, Value};

use super::{AtomicFile, Format, Sink};
use crate::model::document::DocumentRecord;
use crate::model::metric::{Comparison, Direction, Kind, Metric, Qualifier};
use crate::model::schema::{
    Column, ColumnType, DOCUMENT_COLUMNS, EXACT_VALUE_COLUMNS, METRIC_COLUMNS,
};

/// Writes `datapackage.json` when the run finishes.
pub struct DataPackageSink {
    file: AtomicFile,
    formats: Vec<Format>,
    units: Vec<(String, Vec<String>)>,
}

impl DataPackageSink {
    /// Starts `datapackage.json` in `dir`, describing the tables of `formats`;
    /// `units` is the canonical unit vocabulary per kind.
    pub fn create(
        dir: &Path,
        formats: &[Format],
        units: Vec<(String, Vec<String>)>,
    ) -> Result<DataPackageSink> {
        Ok(DataPackageSink {
            file: AtomicFile::create(&dir.join("datapackage.json"))?,
            formats: formats.to_vec(),
            units,
        })
    }
}

fn field_type(kind: ColumnType) -> &'static str {
    match kind {
        ColumnType::Str => "string",
        ColumnType::U32 | ColumnType::U64 => "integer",
        ColumnType::F64 => "number",
    }
}

/// The closed vocabularies of the metrics table's coded columns.
fn categories(column: &str) -> Option<Vec<&'static str>> {
    Some(match column {
        "kind" => Kind::ALL.iter().map(|k| k.as_str()).collect(),
        "qualifier" => Qualifier::ALL.iter().map(|q| q.as_str()).collect(),
        "direction" => Direction::ALL.iter().map(|d| d.as_str()).collect(),
        "comparison" => Comparison::ALL.iter().map(|c| c.as_str()).collect(),
        _ => return None,
    })
}

fn fields(columns: &[Column]) -> Vec<Value> {
    columns
        .iter()
        .map(|c| {
            let mut f = json!({
                "name": c.name,
                "type": field_type(c.kind),
                "title": c.label_zh,
                "description": c.description,
                "constraints": { "required": !c.nullable },
            });
            if let Some(values) = categories(c.name) {
                f["categories"] = json!(values);
            }
            f
        })
        .collect()
}

fn resource(name: &str, format: Format, columns: &[Column], key: &[&str]) -> Value {
    let (path, format_name, mediatype) = match format {
        Format::Parquet => (
            format!("{name}.parquet"),
            "parquet",
            "application/vnd.apache.parquet",
        ),
        _ => (format!("{name}.csv"), "csv", "text/csv"),
    };
    // Frictionless reads Parquet through pandas, which turns a null integer
    // (a text's `pages`) into NaN: "nan" is declared missing there too.
    let missing = match format {
        Format::Parquet => json!(["", "nan"]),
        _ => json!([""]),
    };
    let mut r = json!({
        "name": format!("{name}-{format_name}"),
        "type": "table",
        "path": path,
        "format": format_name,
        "mediatype": mediatype,
        "schema": {
            "fields": fields(columns),
            "missingValues": missing,
            "primaryKey": key,
        },
    });
    if format == Format::Csv {
        r["encoding"] = json!("utf-8");
        r["dialect"] = json!({ "header": true, "delimiter": ",", "quoteChar": "\"" });
    }
    r
}

impl DataPackageSink {
    fn package(&self) -> Value {
        let mut resources = Vec::new();
        for format in self
            .formats
            .iter()
            .filter(|f| matches!(f, Format::Csv | Format::Parquet))
        {
            // Parquet, like SQLite, adds the exact decimal text of the values.
            let metric_columns: Vec<Column> = match format {
                Format::Parquet => METRIC_COLUMNS
                    .iter()
                    .chain(&EXACT_VALUE_COLUMNS)
                    .copied()
                    .collect(),
                _ => METRIC_COLUMNS.to_vec(),
            };
            resources.push(resource(
                "metrics",
                *format,
                &metric_columns,
                &["doc_id", "start", "end"],
            ));
            resources.push(resource("documents", *format, &DOCUMENT_COLUMNS, &["path"]));
        }
        let units: serde_json::Map<String, Value> = self
            .units
            .iter()
            .map(|(k, u)| (k.clone(), json!(u)))
            .collect();
        json!({
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
            "name": "zhibiao-metrics",
            "title": "Metrics extracted by zhibiao",
            "description": "One row per number that measures something in the input documents, and one row per input document.",
            "version": env!("CARGO_PKG_VERSION"),
            "resources": resources,
            "zhibiao:units": units,
        })
    }
}

impl Sink for DataPackageSink {
    fn write_rows(&mut self, _metrics: &[Metric]) -> Result<()> {
        Ok(())
    }

    fn write_document(
        &mut self,
        _doc: &DocumentRecord,
        _text: &str,
        _rows: Option<&[Metric]>,
    ) -> Result<()> {
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<AtomicFile>> {
        let package = self.package();
        serde_json::to_writer_pretty(&mut self.file, &package)?;
        self.file.write_all(b"\n")?;
        Ok(vec![self.file])
    }
}
