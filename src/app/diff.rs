//! Row-level comparison of two metrics tables, keyed by document and span.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// A table read from CSV: its header and rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

/// Reads a CSV table (a leading byte order mark is ignored).
pub fn read_table(path: &Path) -> Result<Table> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .with_context(|| format!("{}: no header", path.display()))?
        .iter()
        .map(String::from)
        .collect();
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: row {}", path.display(), n + 2))?;
        rows.push(record.iter().map(String::from).collect());
    }
    Ok(Table { header, rows })
}

/// Reads a metrics table: a CSV table keyed by `doc_id`, `start` and `end`.
pub fn read_metrics_table(path: &Path) -> Result<Table> {
    let table = read_table(path)?;
    for needed in ["doc_id", "start", "end"] {
        if !table.header.iter().any(|h| h == needed) {
            bail!(
                "{}: not a metrics table (no `{needed}` column)",
                path.display()
            );
        }
    }
    Ok(table)
}

/// The key of a row: document and span.
pub type RowKey = (String, u64, u64);

/// One difference between two tables.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A row only in the new table (its key and text).
    Added(RowKey, String),
    /// A row only in the old table.
    Removed(RowKey, String),
    /// A row in both whose columns differ: (column, old, new).
    Changed(RowKey, String, Vec<(String, String, String)>),
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added((d, s, e), t) => write!(f, "+ {d} [{s}..{e}] {t}"),
            Change::Removed((d, s, e), t) => write!(f, "- {d} [{s}..{e}] {t}"),
            Change::Changed((d, s, e), t, cols) => {
                let cols: Vec<String> = cols
                    .iter()
                    .map(|(c, o, n)| format!("{c}: {o:?} → {n:?}"))
                    .collect();
                write!(f, "~ {d} [{s}..{e}] {t}: {}", cols.join(", "))
            }
        }
    }
}

fn keyed(table: &Table) -> BTreeMap<RowKey, BTreeMap<&str, &str>> {
    let col = |name: &str| table.header.iter().position(|h| h == name);
    let (doc, start, end) = (col("doc_id"), col("start"), col("end"));
    table
        .rows
        .iter()
        .map(|r| {
            let get = |i: Option<usize>| i.and_then(|i| r.get(i)).map_or("", String::as_str);
            let key = (
                get(doc).to_string(),
                get(start).parse().unwrap_or(0),
                get(end).parse().unwrap_or(0),
            );
            let cells = table
                .header
                .iter()
                .map(String::as_str)
                .zip(r.iter().map(String::as_str))
                .collect();
            (key, cells)
        })
        .collect()
}

/// Differences from `old` to `new`, in key order. Columns only in one table are ignored.
pub fn diff_tables(old: &Table, new: &Table) -> Vec<Change> {
    let (old, new) = (keyed(old), keyed(new));
    let text = |cells: &BTreeMap<&str, &str>| cells.get("text").copied().unwrap_or("").to_string();
    let mut changes = Vec::new();
    for (key, o) in &old {
        match new.get(key) {
            None => changes.push(Change::Removed(key.clone(), text(o))),
            Some(n) => {
                let cols: Vec<(String, String, String)> = o
                    .iter()
                    .filter_map(|(c, ov)| {
                        n.get(c)
                            .filter(|nv| *nv != ov)
                            .map(|nv| (c.to_string(), ov.to_string(), nv.to_string()))
                    })
                    .collect();
                if !cols.is_empty() {
                    changes.push(Change::Changed(key.clone(), text(n), cols));
                }
            }
        }
    }
    for (key, n) in &new {
        if !old.contains_key(key) {
            changes.push(Change::Added(key.clone(), text(n)));
        }
    }
    changes.sort_by(|a, b| key_of(a).cmp(key_of(b)));
    changes
}

fn key_of(c: &Change) -> &RowKey {
    match c {
        Change::Added(k, _) | Change::Removed(k, _) | Change::Changed(k, _, _) => k,
    }
}

/// Counts of added, removed and changed rows.
pub fn counts(changes: &[Change]) -> (usize, usize, usize) {
    changes.iter().fold((0, 0, 0), |(a, r, c), ch| match ch {
        Change::Added(..) => (a + 1, r, c),
        Change::Removed(..) => (a, r + 1, c),
        Change::Changed(..) => (a, r, c + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            header: ["doc_id", "start", "end", "text", "value"]
                .map(String::from)
                .to_vec(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn finds_added_removed_and_changed_rows() {
        let old = table(&[&["a", "0", "3", "5%", "5"], &["a", "9", "12", "3个", "3"]]);
        let new = table(&[&["a", "0", "3", "5%", "6"], &["b", "1", "2", "7名", "7"]]);
        let changes = diff_tables(&old, &new);
        let text: Vec<String> = changes.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec![
                "~ a [0..3] 5%: value: \"5\" → \"6\"".to_string(),
                "- a [9..12] 3个".to_string(),
                "+ b [1..2] 7名".to_string(),
            ]
        );
        assert_eq!(counts(&changes), (1, 1, 1));
        assert!(diff_tables(&old, &old).is_empty());
    }
}
