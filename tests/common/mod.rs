//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a CSV file (BOM tolerated) into a header and rows.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// A row-level diff of two metrics tables keyed by (doc_id, start, end):
/// lines for rows added, removed and changed (column: old → new).
pub fn row_diff(header: &[String], old: &[Vec<String>], new: &[Vec<String>]) -> Vec<String> {
    let key = |r: &Vec<String>| {
        (
            r[0].clone(),
            r[1].parse::<u64>().unwrap_or(0),
            r[2].parse::<u64>().unwrap_or(0),
        )
    };
    let old: BTreeMap<_, _> = old.iter().map(|r| (key(r), r)).collect();
    let new: BTreeMap<_, _> = new.iter().map(|r| (key(r), r)).collect();
    let mut out = Vec::new();
    for (k, o) in &old {
        match new.get(k) {
            None => out.push(format!("removed {k:?} {}", o[3])),
            Some(n) => {
                for (i, col) in header.iter().enumerate() {
                    if o[i] != n[i] {
                        out.push(format!(
                            "changed {k:?} {} {col}: {:?} → {:?}",
                            o[3], o[i], n[i]
                        ));
                    }
                }
            }
        }
    }
    for (k, n) in &new {
        if !old.contains_key(k) {
            out.push(format!("added {k:?} {}", n[3]));
        }
    }
    out
}
