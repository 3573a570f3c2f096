//! The command line: the default job, `extract` on folders, broken rules, `check`, `explain`.

use crate::common::{
    extract_cmd, extract_input_with_rules, extract_ok, read_csv, root, rules_copy, rules_copy_with,
    zhibiao,
};
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
fn check_reports_rules_and_examples() {
    zhibiao()
        .current_dir(root())
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::is_match(r"^\d+ rules, \d+ examples passed\n$").unwrap());
}

#[test]
fn check_names_a_failing_example() {
    let rules = rules_copy_with("money.toml", "value = 2240000,", "value = 2240001,");
    zhibiao()
        .arg("check")
        .arg("--rules")
        .arg(rules.path())
        .assert()
        .code(1)
        .stdout(contains("money.toml:"))
        .stdout(contains(
            "example `224万元`: value 2240001 expected, got 2240000",
        ));
}

#[test]
fn explain_shows_rule_value_and_subject() {
    zhibiao()
        .current_dir(root())
        .args([
            "explain",
            "--text",
            "刑事案件发案同比下降35.5%，挽损14.3亿元。",
        ])
        .assert()
        .success()
        .stdout(contains("35.5% [10..15]  percent.sign rules/percent.toml:"))
        .stdout(contains(
            "percent 35.5 %  qualifier exact  direction down  comparison yoy",
        ))
        .stdout(contains("subject 刑事案件发案"))
        .stdout(contains("money 1430000000 CNY"))
        .stdout(contains("2 rows"));
}

#[test]
fn explain_reads_a_file_as_extract_does() {
    let docs = tempfile::tempdir().unwrap();
    let page = docs.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><script>var a='增长99%';</script></head><body><p>破案率提升<b>17.8</b>个百分点</p></body></html>",
    )
    .unwrap();
    let out = zhibiao()
        .arg("explain")
        .arg(&page)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("17.8个百分点 [5..13]"), "{out}");
    assert!(!out.contains("99%"), "{out}");
    assert!(out.contains("1 rows"), "{out}");
}

#[test]
fn explain_lists_lost_overlaps() {
    zhibiao()
        .current_dir(root())
        .args(["explain", "--text", "共100亿人民币"])
        .assert()
        .success()
        .stdout(contains("lost overlaps:"))
        .stdout(contains(
            "100亿人 [1] count.arabic lost to 100亿人民币 money: shorter span",
        ));
}

#[test]
fn explain_says_why_a_match_gave_no_row() {
    zhibiao()
        .current_dir(root())
        .args(["explain", "--text", "第5名，2024年增长"])
        .assert()
        .success()
        .stdout(contains("turned away:"))
        .stdout(contains(
            "5名 [1] count.arabic: after a not_after word (lexicon)",
        ))
        .stdout(contains("2024年 [4] duration.years: a year (not_year)"))
        .stdout(contains("0 rows"));
}

#[test]
fn diff_shows_rows_lost_when_a_rule_file_is_removed() {
    let rules = rules_copy();
    let (full, reduced) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let run = |out: &std::path::Path| {
        extract_input_with_rules(rules.path(), out)
            .args(["--format", "csv"])
            .assert()
            .success();
    };
    run(full.path());
    zhibiao()
        .arg("diff")
        .arg(full.path())
        .arg(full.path())
        .assert()
        .code(0)
        .stdout("0 added, 0 removed, 0 changed\n");
    std::fs::remove_file(rules.path().join("duration.toml")).unwrap();
    run(reduced.path());
    zhibiao()
        .arg("diff")
        .arg(full.path())
        .arg(reduced.path())
        .assert()
        .code(1)
        .stdout(contains("- cq_police_2024 [1119..1122] 三四天"))
        .stdout(contains("- cq_police_2024 [769..771] 3年"))
        .stdout(contains("+ cq_police_2024 [1744..1746] 4个"))
        .stdout(contains("1 added, 5 removed, 0 changed"));
}

#[test]
fn jsonl_stream_gives_the_rows_of_batch_mode() {
    let texts = [
        ("a", "刑事案件发案同比下降35.5%，挽损14.3亿元。"),
        (
            "b",
            "新能源装机518万千瓦，其中风电233万千瓦、光伏发电285万千瓦。",
        ),
    ];
    let docs = tempfile::tempdir().unwrap();
    let mut stdin = String::new();
    for (id, text) in texts {
        std::fs::write(docs.path().join(format!("{id}.txt")), text).unwrap();
        stdin.push_str(&serde_json::json!({"doc_id": id, "text": text}).to_string());
        stdin.push('\n');
    }
    let out = extract_ok(docs.path(), "jsonl");
    let batch = std::fs::read_to_string(out.path().join("metrics.jsonl")).unwrap();
    let streamed = zhibiao()
        .args(["extract", "--jsonl-in", "-", "--jsonl-out", "-"])
        .write_stdin(stdin)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let streamed = String::from_utf8(streamed).unwrap();
    assert_eq!(streamed.lines().count(), 5);
    assert_eq!(streamed, batch);
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
fn stream_mode_refuses_a_format_it_would_ignore() {
    zhibiao()
        .args([
            "extract",
            "--jsonl-in",
            "-",
            "--jsonl-out",
            "-",
            "--format",
            "csv",
        ])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("--format"));
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
