//! A metadata file (`--meta`): a publication date for each document, as a
//! newsroom's feed or archive gives it.
//!
//! CSV (with a header) or JSON Lines (`.jsonl`, `.ndjson`), with a `doc_id`
//! or a `path` column, or both, and a `published` column (an ISO date, the
//! month and day optional). A document is looked up by its path first, then
//! by its id. Any other columns (source, section, URL …) are kept and copied
//! into the documents table's `meta` column as one JSON object.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::model::published::Published;

/// What the metadata file says of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentMeta {
    /// When it was published.
    pub published: Option<Published>,
    /// The record's other fields as a JSON object (`{"source":"feed"}`), if any.
    pub extra: Option<String>,
}

/// Metadata by document path and by document id.
#[derive(Debug, Clone, Default)]
pub struct MetaTable {
    by_path: HashMap<PathBuf, DocumentMeta>,
    by_id: HashMap<String, DocumentMeta>,
}

/// One record of the file: its keys, its date and its other fields.
struct Record {
    doc_id: Option<String>,
    path: Option<String>,
    published: Option<String>,
    extra: serde_json::Map<String, serde_json::Value>,
}

impl MetaTable {
    /// Reads the metadata file given, if one is; none gives an empty table.
    pub fn load_given(path: Option<&Path>) -> Result<MetaTable> {
        path.map_or_else(|| Ok(MetaTable::default()), MetaTable::load)
    }

    /// Reads a metadata file. A record without a key, or with a date that is
    /// not one, stops the run with the file and line.
    pub fn load(path: &Path) -> Result<MetaTable> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read metadata file {}", path.display()))?;
        let text = text.trim_start_matches('\u{feff}');
        let jsonl = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        let records = if jsonl {
            json_records(text, path)?
        } else {
            csv_records(text, path)?
        };
        let mut table = MetaTable::default();
        for (line, record) in records {
            let written = record.published.filter(|p| !p.trim().is_empty());
            let published = match written {
                Some(written) => Some(Published::parse(&written).with_context(|| {
                    format!(
                        "{}:{line}: `{written}` is not a date (write 2025, 2025-01 or 2025-01-15)",
                        path.display()
                    )
                })?),
                None => None,
            };
            if record.doc_id.is_none() && record.path.is_none() {
                bail!("{}:{line}: neither doc_id nor path given", path.display());
            }
            let meta = DocumentMeta {
                published,
                extra: (!record.extra.is_empty())
                    .then(|| serde_json::Value::Object(record.extra).to_string()),
            };
            if let Some(id) = record.doc_id {
                table.by_id.insert(id, meta.clone());
            }
            if let Some(p) = record.path {
                table.by_path.insert(PathBuf::from(p), meta);
            }
        }
        Ok(table)
    }

    /// What the file says of the document at `path` with id `doc_id`.
    pub fn get(&self, path: &Path, doc_id: &str) -> Option<&DocumentMeta> {
        self.by_path.get(path).or_else(|| self.by_id.get(doc_id))
    }

    /// The publication date of the document at `path` with id `doc_id`.
    pub fn published(&self, path: &Path, doc_id: &str) -> Option<Published> {
        self.get(path, doc_id).and_then(|m| m.published)
    }
}

/// The records of a CSV file, with their line numbers.
fn csv_records(text: &str, path: &Path) -> Result<Vec<(usize, Record)>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .with_context(|| format!("{}:1: cannot read the header", path.display()))?
        .clone();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let (id, file, published) = (column("doc_id"), column("path"), column("published"));
    if published.is_none() || (id.is_none() && file.is_none()) {
        bail!(
            "{}:1: the header needs a `published` column and a `doc_id` or `path` column",
            path.display()
        );
    }
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.with_context(|| format!("cannot read {}", path.display()))?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|s| s.trim().to_string());
        let keys = [id, file, published];
        let extra = header
            .iter()
            .enumerate()
            .filter(|(i, _)| !keys.contains(&Some(*i)))
            .filter_map(|(i, name)| {
                let value = row.get(i)?.trim();
                (!value.is_empty())
                    .then(|| (name.trim().to_string(), serde_json::Value::from(value)))
            })
            .collect();
        out.push((
            line,
            Record {
                doc_id: cell(id).filter(|s| !s.is_empty()),
                path: cell(file).filter(|s| !s.is_empty()),
                published: cell(published),
                extra,
            },
        ));
    }
    Ok(out)
}

/// The records of a JSON Lines file, with their line numbers.
fn json_records(text: &str, path: &Path) -> Result<Vec<(usize, Record)>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a JSON object", path.display(), n + 1))?;
        let field = |name: &str| value.get(name).and_then(|v| v.as_str()).map(String::from);
        let extra = value
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, v)| !["doc_id", "path", "published"].contains(&k.as_str()) && !v.is_null())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        out.push((
            n + 1,
            Record {
                doc_id: field("doc_id"),
                path: field("path"),
                published: field("published"),
                extra,
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, body: &str) -> Result<MetaTable> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        MetaTable::load(&path)
    }

    #[test]
    fn csv_by_id_and_by_path() {
        let t = table(
            "meta.csv",
            "\u{feff}doc_id,path,published,source\na,,2025-01-15,feed\n,docs/b.txt,2024-11,feed\n",
        )
        .unwrap();
        let a = t.published(Path::new("x/a.txt"), "a").unwrap();
        assert_eq!(a.iso(), "2025-01-15");
        let b = t.published(Path::new("docs/b.txt"), "b").unwrap();
        assert_eq!(b.iso(), "2024-11");
        assert!(t.published(Path::new("c.txt"), "c").is_none());
        let extra = t.get(Path::new("x/a.txt"), "a").unwrap().extra.as_deref();
        assert_eq!(extra, Some("{\"source\":\"feed\"}"));
    }

    #[test]
    fn jsonl_records() {
        let t = table(
            "meta.jsonl",
            "{\"doc_id\": \"a\", \"published\": \"2025-02-01T09:00:00+08:00\"}\n",
        )
        .unwrap();
        assert_eq!(
            t.published(Path::new("a.txt"), "a").unwrap().iso(),
            "2025-02-01"
        );
    }

    #[test]
    fn a_bad_date_names_file_and_line() {
        let err = table("meta.csv", "doc_id,published\na,2025-01\nb,last week\n").unwrap_err();
        assert!(
            format!("{err:#}").contains("meta.csv:3: `last week` is not a date"),
            "{err:#}"
        );
    }

    #[test]
    fn a_header_without_the_columns_is_refused() {
        let err = table("meta.csv", "id,date\na,2025\n").unwrap_err();
        assert!(
            format!("{err:#}").contains("needs a `published` column"),
            "{err:#}"
        );
    }
}
