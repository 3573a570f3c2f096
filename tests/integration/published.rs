//! Publication dates: from a `--meta` file, an HTML page's metadata or a
//! dateline, recorded in the documents table and dating the rows.

use std::path::Path;

use crate::common::{read_csv, zhibiao};
use predicates::str::contains;

/// The cell of `column` in every row of a table.
fn column(path: &Path, name: &str) -> Vec<String> {
    let (header, rows) = read_csv(path);
    let i = header.iter().position(|h| h == name).unwrap();
    rows.into_iter().map(|r| r[i].clone()).collect()
}

/// `zhibiao extract DOCS --out OUT --format csv` with more arguments.
fn extract(docs: &Path, out: &Path, more: &[&str]) -> assert_cmd::assert::Assert {
    zhibiao()
        .arg("extract")
        .arg(docs)
        .arg("--out")
        .arg(out)
        .args(["--format", "csv"])
        .args(more)
        .assert()
}

/// Two undated documents: a release that says 今年 and a note that says nothing.
fn undated_documents() -> tempfile::TempDir {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("release.txt"),
        "全省外贸快报\n今年3月份，出口增长12%。",
    )
    .unwrap();
    std::fs::write(
        docs.path().join("note.txt"),
        "警方通报\n近日，打掉团伙3个。",
    )
    .unwrap();
    docs
}

#[test]
fn a_meta_file_dates_documents_by_id_or_path() {
    let docs = undated_documents();
    let meta = docs.path().join("meta.csv");
    let note = docs.path().join("note.txt");
    std::fs::write(
        &meta,
        format!(
            "doc_id,path,published,source\nrelease,,2022-04-24,海关\n,{},2022-09-23,\n",
            note.display()
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    extract(docs.path(), out.path(), &["--meta", meta.to_str().unwrap()]).success();
    let documents = out.path().join("documents.csv");
    assert_eq!(column(&documents, "doc_id"), ["note", "release"]);
    assert_eq!(
        column(&documents, "published"),
        ["2022-09-23", "2022-04-24"]
    );
    assert_eq!(column(&documents, "published_source"), ["meta", "meta"]);
    // The file's other columns are kept, as one JSON object per document.
    assert_eq!(column(&documents, "meta"), ["", "{\"source\":\"海关\"}"]);
    let metrics = out.path().join("metrics.csv");
    assert_eq!(column(&metrics, "period"), ["2022-09", "2022-03"]);
}

#[test]
fn without_a_date_the_rows_are_undated_and_the_source_is_none() {
    let docs = undated_documents();
    let out = tempfile::tempdir().unwrap();
    extract(docs.path(), out.path(), &[]).success();
    let documents = out.path().join("documents.csv");
    assert_eq!(column(&documents, "published"), ["", ""]);
    assert_eq!(column(&documents, "published_source"), ["none", "none"]);
    assert_eq!(column(&out.path().join("metrics.csv"), "period"), ["", ""]);
}

#[test]
fn a_jsonl_meta_file_is_read_and_a_bad_date_names_its_line() {
    let docs = undated_documents();
    let meta = docs.path().join("meta.jsonl");
    std::fs::write(&meta, "{\"doc_id\":\"note\",\"published\":\"2022-09\"}\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    extract(docs.path(), out.path(), &["--meta", meta.to_str().unwrap()]).success();
    assert_eq!(
        column(&out.path().join("documents.csv"), "published"),
        ["2022-09", ""]
    );
    std::fs::write(&meta, "{\"doc_id\":\"note\",\"published\":\"2022-09\"}\n{\"doc_id\":\"release\",\"published\":\"April\"}\n").unwrap();
    extract(docs.path(), out.path(), &["--meta", meta.to_str().unwrap()])
        .code(2)
        .stderr(contains("meta.jsonl:2: `April` is not a date"));
}

#[test]
fn an_html_page_is_dated_by_its_metadata() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("page.html"),
        r#"<html><head><meta name="PubDate" content="2023-10-24 10:00"><title>金融运行</title></head>
        <body><p>前三季度，新增贷款1.5万亿元。</p><p>目前，贷款余额2.3万亿元。</p></body></html>"#,
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    extract(docs.path(), out.path(), &[]).success();
    let documents = out.path().join("documents.csv");
    assert_eq!(column(&documents, "published"), ["2023-10-24"]);
    assert_eq!(column(&documents, "published_source"), ["html"]);
    let metrics = out.path().join("metrics.csv");
    assert_eq!(column(&metrics, "period"), ["2023-Q1/2023-Q3", "2023-10"]);
}

#[test]
fn a_dateline_under_the_headline_dates_the_text() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("news.txt"),
        "全市经济运行情况\n发布时间：2025年3月18日 来源：市统计局\n1-2月，规上工业增加值增长6.1%。",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    extract(docs.path(), out.path(), &[]).success();
    let documents = out.path().join("documents.csv");
    assert_eq!(column(&documents, "published"), ["2025-03-18"]);
    assert_eq!(column(&documents, "published_source"), ["text"]);
    assert_eq!(
        column(&out.path().join("metrics.csv"), "period"),
        ["2025-01/2025-02"]
    );
}

#[test]
fn explain_names_the_step_that_dated_each_row() {
    zhibiao()
        .args(["explain", "--published", "2023-10-24", "--text"])
        .arg("金融运行\n截至9月末，贷款余额2.3万亿元。\n二、信贷结构\n新增贷款5000亿元。")
        .assert()
        .success()
        .stdout(contains(
            "period 2023-09 (the last date before it in its paragraph)",
        ))
        .stdout(contains("period 2023-10 (the publication date)"));
}
