//! Every output format read back and compared with the CSV row for row.

use crate::common::{extract_ok, read_csv, root};
use calamine::{open_workbook, Data, Reader, Xlsx};

/// Runs the reference article into every format; returns the output folder.
/// Every format from the reference article and a note whose one row names
/// no subject (a null to check in each format).
fn extract_all() -> tempfile::TempDir {
    let docs = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("input/cq_police_2024.txt"),
        docs.path().join("cq_police_2024.txt"),
    )
    .unwrap();
    std::fs::write(docs.path().join("note.txt"), "增长5%。").unwrap();
    extract_ok(
        docs.path(),
        "csv,parquet,jsonl,datapackage,report,xlsx,sqlite",
    )
}

/// A cell as the CSV writes it.
fn xlsx_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

#[test]
fn every_format_holds_the_csv_rows() {
    let out = extract_all();
    let (header, csv_rows) = read_csv(&out.path().join("metrics.csv"));
    assert!(!csv_rows.is_empty());

    // xlsx: same header, same cells; numbers stored as numbers.
    let mut book: Xlsx<_> = open_workbook(out.path().join("metrics.xlsx")).unwrap();
    let sheet = book.worksheet_range("metrics").unwrap();
    let mut rows = sheet.rows();
    let xlsx_header: Vec<String> = rows.next().unwrap().iter().map(xlsx_text).collect();
    assert_eq!(xlsx_header, header);
    let value = header.iter().position(|h| h == "value").unwrap();
    let xlsx_rows: Vec<Vec<String>> = rows.map(|r| r.iter().map(xlsx_text).collect()).collect();
    assert_eq!(xlsx_rows.len(), csv_rows.len());
    for (x, c) in xlsx_rows.iter().zip(&csv_rows) {
        assert_eq!(x, c);
    }
    let first_value = sheet.get((1, value)).unwrap();
    assert!(
        matches!(first_value, Data::Float(_)),
        "value is stored as a number"
    );
    assert!(book.worksheet_range("documents").is_ok());

    // sqlite: same rows in order, typed columns, an index on doc_id.
    let db = rusqlite::Connection::open(out.path().join("metrics.sqlite")).unwrap();
    let mut stmt = db.prepare("SELECT * FROM metrics ORDER BY rowid").unwrap();
    let sqlite_rows: Vec<Vec<String>> = stmt
        .query_map([], |r| {
            Ok((0..header.len())
                .map(|i| match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => String::new(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    rusqlite::types::ValueRef::Real(f) => format!("{f}"),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(_) => "blob".into(),
                })
                .collect())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(sqlite_rows, csv_rows);
    // Exact values beside the REAL ones, and nulls where the CSV is empty.
    let subject = header.iter().position(|h| h == "subject").unwrap();
    let mut stmt = db
        .prepare("SELECT value_exact, subject IS NULL FROM metrics ORDER BY rowid")
        .unwrap();
    let exact: Vec<(String, bool)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for ((text, null), c) in exact.iter().zip(&csv_rows) {
        assert_eq!(text, &c[value]);
        assert_eq!(*null, c[subject].is_empty(), "{c:?}");
    }
    assert!(
        csv_rows.iter().any(|c| c[subject].is_empty()),
        "a row without subject is checked"
    );
    let index: String = db
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'metrics_doc_id'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(index.contains("(doc_id)"));

    // jsonl: one object per row with the same values.
    let jsonl = std::fs::read_to_string(out.path().join("metrics.jsonl")).unwrap();
    let objects: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), csv_rows.len());
    for (o, c) in objects.iter().zip(&csv_rows) {
        assert_eq!(o["text"], c[3].as_str());
        assert_eq!(o["value"].to_string(), c[value], "values keep every digit");
        assert_eq!(o["subject"].is_null(), c[subject].is_empty(), "{c:?}");
    }

    // report: one highlight per row, self-contained.
    let report = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert_eq!(report.matches("data-rule=").count(), csv_rows.len());
    assert!(!report.contains("src=\"http") && !report.contains("href=\"http"));
}

#[test]
fn parquet_records_version_and_rule_hash() {
    let out = extract_all();
    let bytes = std::fs::read(out.path().join("metrics.parquet")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("zhibiao_version"));
    assert!(text.contains("zhibiao_rules_sha256"));
}

/// One part of an xlsx file (a zip archive), as text.
fn xlsx_part(xlsx: &std::path::Path, part: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(part).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn xlsx_sheets_filter_every_column_and_show_big_amounts_in_full() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("d.txt"),
        "全年财政收入5.2万亿元，电价每千瓦时下调1.5分，增长5%。",
    )
    .unwrap();
    let out = extract_ok(docs.path(), "xlsx");
    let xlsx = out.path().join("metrics.xlsx");
    let metrics = xlsx_part(&xlsx, "xl/worksheets/sheet1.xml");
    let documents = xlsx_part(&xlsx, "xl/worksheets/sheet2.xml");
    // Three rows under a header, fifteen columns (A to O); one document, thirteen (A to M).
    assert!(
        metrics.contains(r#"<autoFilter ref="A1:O4"/>"#),
        "{metrics}"
    );
    assert!(
        documents.contains(r#"<autoFilter ref="A1:M2"/>"#),
        "{documents}"
    );
    let styles = xlsx_part(&xlsx, "xl/styles.xml");
    assert!(styles.contains(r##"formatCode="#,##0""##), "{styles}");
    assert!(
        styles.contains(r##"formatCode="#,##0.0#########""##),
        "{styles}"
    );
    // The value cells (column F) carry a number format rather than General.
    for cell in ["F2", "F3", "F4"] {
        let at = metrics.find(&format!(r#"<c r="{cell}""#)).unwrap();
        let tag = &metrics[at..at + metrics[at..].find('>').unwrap()];
        assert!(tag.contains(" s=\""), "{cell} has no style: {tag}");
    }
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("metrics").unwrap();
    assert_eq!(range.get((1, 5)), Some(&Data::Float(5.2e12)));
}
