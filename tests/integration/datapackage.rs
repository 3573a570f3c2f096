//! `datapackage.json` describes exactly the tables written next to it.

use crate::common::{extract_ok, read_csv, root};
use polars::prelude::*;
use serde_json::Value;

#[test]
fn datapackage_matches_the_written_tables() {
    let out = extract_ok(&root().join("input"), "csv,parquet,datapackage,report");
    let text = std::fs::read_to_string(out.path().join("datapackage.json")).unwrap();
    let package: Value = serde_json::from_str(&text).unwrap();
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(
        resources.len(),
        4,
        "metrics and documents, as CSV and Parquet"
    );
    for resource in resources {
        let path = out.path().join(resource["path"].as_str().unwrap());
        let fields = resource["schema"]["fields"].as_array().unwrap();
        let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        match resource["format"].as_str().unwrap() {
            "csv" => {
                let (header, rows) = read_csv(&path);
                assert_eq!(header, names, "{}", path.display());
                assert!(!rows.is_empty());
                for row in &rows {
                    for (field, cell) in fields.iter().zip(row) {
                        let name = field["name"].as_str().unwrap();
                        let required = field["constraints"]["required"].as_bool().unwrap();
                        if cell.is_empty() {
                            assert!(!required, "{name} is required");
                            continue;
                        }
                        match field["type"].as_str().unwrap() {
                            "integer" => assert!(cell.parse::<i64>().is_ok(), "{name}: {cell}"),
                            "number" => assert!(
                                cell.parse::<f64>().is_ok() && !cell.contains('e'),
                                "{name}: {cell}"
                            ),
                            _ => {}
                        }
                        if let Some(values) = field["categories"].as_array() {
                            assert!(
                                values.iter().any(|v| v == cell.as_str()),
                                "{name}: {cell} not a category"
                            );
                        }
                    }
                }
            }
            "parquet" => {
                let frame = ParquetReader::new(std::fs::File::open(&path).unwrap())
                    .finish()
                    .unwrap();
                let columns: Vec<&str> = frame
                    .get_column_names()
                    .iter()
                    .map(|n| n.as_str())
                    .collect();
                assert_eq!(columns, names);
                for field in fields {
                    let dtype = frame
                        .column(field["name"].as_str().unwrap())
                        .unwrap()
                        .dtype()
                        .clone();
                    let ok = match field["type"].as_str().unwrap() {
                        "integer" => dtype.is_integer(),
                        "number" => dtype.is_float(),
                        _ => dtype == DataType::String,
                    };
                    assert!(ok, "{}: {dtype}", field["name"]);
                }
            }
            other => panic!("unexpected format {other}"),
        }
    }
}
