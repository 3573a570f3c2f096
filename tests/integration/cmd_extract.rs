//! `zhibiao extract` and the main job: tables, formats, order, workers, help.

use crate::common::{extract_cmd, extract_ok, read_csv, root, zhibiao};
use predicates::str::contains;

#[test]
fn default_run_writes_four_tables_from_input() {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir(work.path().join("input")).unwrap();
    std::fs::copy(
        root().join("input/cq_police_2024.txt"),
        work.path().join("input/cq_police_2024.txt"),
    )
    .unwrap();
    zhibiao()
        .current_dir(work.path())
        .assert()
        .success()
        .stderr(contains("1 document read, 0 skipped"))
        .stderr(contains("rows by kind"));
    for name in [
        "metrics.csv",
        "metrics.parquet",
        "documents.csv",
        "documents.parquet",
    ] {
        assert!(
            work.path().join("output").join(name).is_file(),
            "{name} missing"
        );
    }
    let (header, rows) = read_csv(&work.path().join("output/documents.csv"));
    assert_eq!(
        header[..7],
        ["doc_id", "path", "title", "chars", "metrics", "encoding", "sha256"]
    );
    assert_eq!(rows[0][0], "cq_police_2024");
    assert_eq!(rows[0][5], "UTF-8");
    let (_, metrics) = read_csv(&work.path().join("output/metrics.csv"));
    assert_eq!(rows[0][4], metrics.len().to_string());
}

#[test]
fn csv_starts_with_bom_unless_asked_not_to() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("a.txt"), "增长5.4%").unwrap();
    for (flag, bom) in [(None, true), (Some("--no-bom"), false)] {
        let out = tempfile::tempdir().unwrap();
        let mut cmd = zhibiao();
        cmd.arg("extract")
            .arg(docs.path())
            .arg("--out")
            .arg(out.path());
        if let Some(f) = flag {
            cmd.arg(f);
        }
        cmd.assert().success();
        let bytes = std::fs::read(out.path().join("metrics.csv")).unwrap();
        assert_eq!(bytes.starts_with("\u{feff}".as_bytes()), bom);
    }
}

#[test]
fn extract_walks_folders_in_sorted_order() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::create_dir(docs.path().join("sub")).unwrap();
    std::fs::write(docs.path().join("b.txt"), "出口增长13.4%。").unwrap();
    std::fs::write(docs.path().join("sub/a.txt"), "挽损14.3亿元。").unwrap();
    std::fs::write(docs.path().join("notes.source"), "增长99%").unwrap();
    let out = tempfile::tempdir().unwrap();
    extract_cmd(docs.path(), out.path(), "csv,jsonl")
        .assert()
        .success()
        .stderr(contains("1 file(s) in folders passed over"));
    let (_, rows) = read_csv(&out.path().join("metrics.csv"));
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[3].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        got,
        vec![("b", "13.4%", "13.4"), ("a", "14.3亿元", "1430000000")]
    );
    let jsonl = std::fs::read_to_string(out.path().join("metrics.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 2);
}

#[test]
fn inputs_sharing_a_file_name_keep_apart_by_their_path() {
    let archive = tempfile::tempdir().unwrap();
    for year in ["2023", "2024"] {
        std::fs::create_dir(archive.path().join(year)).unwrap();
    }
    std::fs::write(archive.path().join("2023/公报.txt"), "出口增长3.1%。").unwrap();
    std::fs::write(archive.path().join("2024/公报.txt"), "出口增长4.2%。").unwrap();
    std::fs::write(archive.path().join("page.htm"), "<p>进口下降1.5%。</p>").unwrap();
    std::fs::write(archive.path().join("page.html"), "<p>进口下降2.5%。</p>").unwrap();
    std::fs::write(archive.path().join("other.txt"), "利润增长9%。").unwrap();
    let out = extract_ok(archive.path(), "csv");
    let (header, documents) = read_csv(&out.path().join("documents.csv"));
    assert_eq!(header[..2], ["doc_id", "path"]);
    let ids: Vec<&str> = documents.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        [
            "2023/公报.txt",
            "2024/公报.txt",
            "other",
            "page.htm",
            "page.html"
        ]
    );
    let paths: Vec<String> = documents.iter().map(|r| r[1].clone()).collect();
    let expected: Vec<String> = [
        "2023/公报.txt",
        "2024/公报.txt",
        "other.txt",
        "page.htm",
        "page.html",
    ]
    .iter()
    .map(|p| archive.path().join(p).display().to_string())
    .collect();
    assert_eq!(paths, expected);
    let (_, metrics) = read_csv(&out.path().join("metrics.csv"));
    let rows: Vec<(&str, &str)> = metrics
        .iter()
        .map(|r| (r[0].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("2023/公报.txt", "3.1%"),
            ("2024/公报.txt", "4.2%"),
            ("other", "9%"),
            ("page.htm", "1.5%"),
            ("page.html", "2.5%"),
        ]
    );
}

#[test]
fn tables_are_the_same_whatever_the_number_of_workers() {
    // More files than one chunk of work, of very different lengths, so that
    // workers finish out of order.
    let docs = tempfile::tempdir().unwrap();
    for i in 0..700 {
        let text = "全市地区生产总值增长5.4%，新增企业132家。".repeat(1 + i % 37);
        std::fs::write(docs.path().join(format!("doc{i:04}.txt")), text).unwrap();
    }
    let tables = |jobs: &str| {
        let out = tempfile::tempdir().unwrap();
        extract_cmd(docs.path(), out.path(), "csv")
            .args(["--jobs", jobs])
            .assert()
            .success();
        let read = |name: &str| std::fs::read(out.path().join(name)).unwrap();
        (read("metrics.csv"), read("documents.csv"))
    };
    let one = tables("1");
    let rows: usize = (0..700).map(|i| 2 * (1 + i % 37)).sum();
    assert_eq!(one.0.iter().filter(|&&b| b == b'\n').count(), 1 + rows);
    assert!(
        one == tables("3"),
        "three workers wrote other tables than one"
    );
}

#[test]
fn the_main_job_without_an_input_folder_says_what_to_do_and_writes_nothing() {
    let here = tempfile::tempdir().unwrap();
    zhibiao()
        .current_dir(here.path())
        .assert()
        .code(2)
        .stderr(contains("Run `zhibiao extract PATHS…`"));
    assert!(!here.path().join("output").exists());
}

#[test]
fn extract_help_gives_examples_file_types_and_exit_codes() {
    zhibiao()
        .args(["extract", "--help"])
        .assert()
        .success()
        .stdout(contains("Examples:"))
        .stdout(contains(".docx"))
        .stdout(contains("replaces the default"))
        .stdout(contains("Exit status: 0"));
}
