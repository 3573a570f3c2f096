//! The Parquet tables read back with polars with the contract's names and types.

use crate::common::extract_ok;
use polars::prelude::*;
use zhibiao::model::schema::{ColumnType, DOCUMENT_COLUMNS, EXACT_VALUE_COLUMNS, METRIC_COLUMNS};

fn read(path: &std::path::Path) -> DataFrame {
    let file = std::fs::File::open(path).unwrap();
    ParquetReader::new(file).finish().unwrap()
}

fn expected(kind: ColumnType) -> DataType {
    match kind {
        ColumnType::Str => DataType::String,
        ColumnType::U32 => DataType::UInt32,
        ColumnType::U64 => DataType::UInt64,
        ColumnType::F64 => DataType::Float64,
    }
}

#[test]
fn parquet_tables_have_the_contract_columns_and_values() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("d.txt"),
        "返还资金1.4亿余元，办理时间三四天，增长5.4%。",
    )
    .unwrap();
    let out = extract_ok(docs.path(), "csv,parquet");
    let metrics = read(&out.path().join("metrics.parquet"));
    let names: Vec<&str> = metrics
        .get_column_names()
        .iter()
        .map(|n| n.as_str())
        .collect();
    let contract: Vec<&str> = METRIC_COLUMNS
        .iter()
        .chain(&EXACT_VALUE_COLUMNS)
        .map(|c| c.name)
        .collect();
    assert_eq!(names, contract);
    for c in METRIC_COLUMNS.iter().chain(&EXACT_VALUE_COLUMNS) {
        assert_eq!(
            metrics.column(c.name).unwrap().dtype(),
            &expected(c.kind),
            "column {}",
            c.name
        );
    }
    assert_eq!(metrics.height(), 3);
    let value = metrics.column("value").unwrap().f64().unwrap();
    assert_eq!(value.get(0), Some(140000000.0));
    let high = metrics.column("value_high").unwrap().f64().unwrap();
    assert_eq!((high.get(0), high.get(1)), (None, Some(4.0)));
    let documents = read(&out.path().join("documents.parquet"));
    let names: Vec<&str> = documents
        .get_column_names()
        .iter()
        .map(|n| n.as_str())
        .collect();
    let contract: Vec<&str> = DOCUMENT_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(names, contract);
    assert_eq!(
        documents.column("metrics").unwrap().u64().unwrap().get(0),
        Some(3)
    );
}

#[test]
fn parquet_keeps_every_digit_of_a_value_beside_the_double() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("d.txt"),
        "账面余额12345678901234567.89元，电价每千瓦时下调1.5分，耗时3-4天。",
    )
    .unwrap();
    let out = extract_ok(docs.path(), "parquet");
    let metrics = read(&out.path().join("metrics.parquet"));
    let exact = metrics.column("value_exact").unwrap().str().unwrap();
    let high = metrics.column("value_high_exact").unwrap().str().unwrap();
    let rows: Vec<(Option<&str>, Option<&str>)> = (0..metrics.height())
        .map(|i| (exact.get(i), high.get(i)))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("12345678901234567.89"), None),
            (Some("0.015"), None),
            (Some("3"), Some("4")),
        ]
    );
    // The double cannot hold the first value: that is why the text is there.
    let value = metrics.column("value").unwrap().f64().unwrap();
    assert_ne!(value.get(0).unwrap().to_string(), "12345678901234567.89");
}
