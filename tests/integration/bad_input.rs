//! Bad input and faults: nothing crashes, nothing is lost, every skipped file is named.

use std::os::unix::fs::symlink;
use std::path::Path;

use crate::common::{
    extract_cmd, extract_input_with_rules, extract_ok, read_csv, root, rule_line, rules_copy_with,
    zhibiao,
};
use predicates::str::contains;

fn rows_of<'r>(rows: &'r [Vec<String>], doc: &str) -> Vec<(&'r str, &'r str)> {
    rows.iter()
        .filter(|r| r[0] == doc)
        .map(|r| (r[3].as_str(), r[5].as_str()))
        .collect()
}

/// A folder holding each kind of bad input next to good documents.
fn messy_folder(dir: &Path) {
    std::fs::write(
        dir.join("good.txt"),
        "刑事案件发案同比下降35.5%，挽损14.3亿元。",
    )
    .unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode("全市破案率提升17.8个百分点，抓获嫌疑人28名。");
    std::fs::write(dir.join("legacy_gbk.txt"), &gbk).unwrap();
    std::fs::write(
        dir.join("page.html"),
        "<html><head><title>通报</title><script>var a='增长99%';</script></head>\
         <body><!-- 下降50% --><p>新能源装机<b>518万千瓦</b></p><p>增长5.4%</p></body></html>",
    )
    .unwrap();
    let mut damaged = "前文增长5.4%，".as_bytes().to_vec();
    damaged.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    damaged.extend_from_slice("后文挽损224万元。".as_bytes());
    std::fs::write(dir.join("damaged.txt"), &damaged).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 7, 8],
    )
    .unwrap();
    symlink(dir.join("nowhere.txt"), dir.join("dangling.txt")).unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    symlink(dir, dir.join("sub/loop")).unwrap();
}

#[test]
fn a_batch_of_bad_inputs_keeps_every_good_row_and_names_every_skip() {
    let docs = tempfile::tempdir().unwrap();
    messy_folder(docs.path());
    let out = tempfile::tempdir().unwrap();
    let missing = docs.path().join("missing-folder");
    zhibiao()
        .arg("extract")
        .arg(docs.path())
        .arg(&missing)
        .arg("--out")
        .arg(out.path())
        .args(["--format", "csv"])
        .assert()
        .code(1)
        .stderr(contains("4 documents read, 5 skipped"))
        .stderr(contains("empty.txt: empty file"))
        .stderr(contains("binary.txt: binary content"))
        .stderr(contains("dangling.txt: not found"))
        .stderr(contains("directory loop"))
        .stderr(contains("missing-folder: not found"))
        .stderr(contains("damaged.txt: 3 invalid byte sequence(s) replaced"));

    let (_, metrics) = read_csv(&out.path().join("metrics.csv"));
    assert_eq!(
        rows_of(&metrics, "good"),
        vec![("35.5%", "35.5"), ("14.3亿元", "1430000000")]
    );
    assert_eq!(
        rows_of(&metrics, "legacy_gbk"),
        vec![("17.8个百分点", "17.8"), ("28名", "28")]
    );
    assert_eq!(
        rows_of(&metrics, "page"),
        vec![("518万千瓦", "5180000"), ("5.4%", "5.4")]
    );
    assert_eq!(
        rows_of(&metrics, "damaged"),
        vec![("5.4%", "5.4"), ("224万元", "2240000")]
    );

    let (header, documents) = read_csv(&out.path().join("documents.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let status = |doc: &str| {
        documents
            .iter()
            .find(|r| r[col("doc_id")] == doc)
            .map(|r| {
                (
                    r[col("status")].clone(),
                    r[col("encoding")].clone(),
                    r[col("error")].clone(),
                )
            })
            .unwrap_or_else(|| panic!("{doc} not in documents.csv"))
    };
    assert_eq!(status("legacy_gbk").1, "gb18030");
    assert_eq!(status("good").0, "ok");
    for skipped in ["empty", "binary", "dangling", "missing-folder"] {
        assert_eq!(status(skipped).0, "skipped", "{skipped}");
        assert!(!status(skipped).2.is_empty(), "{skipped} has no reason");
    }
    assert_eq!(status("damaged").0, "ok");
}

#[test]
fn a_failed_run_leaves_the_previous_tables_intact() {
    let out = tempfile::tempdir().unwrap();
    let run = || {
        zhibiao()
            .arg("extract")
            .arg(root().join("input"))
            .arg("--out")
            .arg(out.path())
            .assert()
    };
    run().success();
    let before = std::fs::read(out.path().join("metrics.csv")).unwrap();
    // The Parquet table cannot be published: a folder has its name.
    std::fs::remove_file(out.path().join("documents.parquet")).unwrap();
    std::fs::create_dir(out.path().join("documents.parquet")).unwrap();
    run().code(2).stderr(contains("documents.parquet"));
    assert_eq!(
        std::fs::read(out.path().join("metrics.csv")).unwrap(),
        before
    );
    // Only the published run's folder is left, and no temporary file.
    let runs = std::fs::read_dir(out.path().join(".zhibiao/runs")).unwrap();
    let run_dirs: Vec<_> = runs.map(|e| e.unwrap().path()).collect();
    assert_eq!(run_dirs.len(), 1, "{run_dirs:?}");
    let leftovers: Vec<String> = std::fs::read_dir(&run_dirs[0])
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

/// Each class of broken rule: exit 2, file and line on stderr, no table written.
#[test]
fn every_class_of_broken_rule_stops_the_run() {
    let money = rule_line("money.toml", "pattern = ");
    let cases: [(&str, &str, &str, String); 7] = [
        (
            "units.toml",
            "[[unit]]",
            "[[unit]",
            format!("units.toml:{}:", rule_line("units.toml", "[[unit]]")),
        ),
        (
            "money.toml",
            "{range_sep}",
            "{range_sep}(",
            format!("money.toml:{money}: rule money: invalid regex"),
        ),
        (
            "money.toml",
            "{range_sep}",
            "{range_seq}",
            format!("money.toml:{money}: rule money: unknown fragment {{range_seq}}"),
        ),
        (
            "fragments.toml",
            "over = '[{numeral_over}]'",
            "over = '{number}'",
            "cyclic fragments".to_string(),
        ),
        (
            "percent.toml",
            "unit = \"%\"",
            "unit = \"percent\"",
            format!(
                "percent.toml:{}: rule percent.sign: unknown unit `percent`",
                rule_line("percent.toml", "id = \"percent.sign\"")
            ),
        ),
        (
            "count.toml",
            "id = \"count.chinese\"",
            "id = \"count.arabic\"",
            "duplicate rule id `count.arabic`".to_string(),
        ),
        (
            "money.toml",
            "value = 2240000,",
            "value = 2240001,",
            format!(
                "money.toml:{}: rule money: example `224万元`",
                rule_line("money.toml", "value = 2240000,")
            ),
        ),
    ];
    for (file, from, to, message) in cases {
        let rules = rules_copy_with(file, from, to);
        let out = tempfile::tempdir().unwrap();
        extract_input_with_rules(rules.path(), &out.path().join("tables"))
            .assert()
            .code(2)
            .stderr(contains(message.as_str()));
        assert!(
            !out.path().join("tables").exists(),
            "{message}: a table was written"
        );
    }
}

#[test]
fn a_long_line_without_punctuation_keeps_sentences_bounded() {
    let filler = "的".repeat(997);
    let text: String = (0..2000)
        .map(|i| format!("{filler}增长{}%", i % 90 + 1))
        .collect();
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("long.txt"), &text).unwrap();
    let out = extract_ok(docs.path(), "csv");
    let (header, rows) = read_csv(&out.path().join("metrics.csv"));
    assert_eq!(rows.len(), 2000);
    let sentence = header.iter().position(|h| h == "sentence").unwrap();
    let subject = header.iter().position(|h| h == "subject").unwrap();
    let text_col = header.iter().position(|h| h == "text").unwrap();
    for r in &rows {
        let limit = 100 + r[text_col].chars().count() + 100;
        assert!(
            r[sentence].chars().count() <= limit,
            "sentence of {} chars",
            r[sentence].chars().count()
        );
        assert!(r[subject].chars().count() <= 80);
    }
}

#[test]
fn a_document_of_200000_metrics_is_processed() {
    let text = "增长1%、".repeat(200_000);
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("dense.txt"), &text).unwrap();
    let out = tempfile::tempdir().unwrap();
    extract_cmd(docs.path(), out.path(), "csv")
        .assert()
        .success()
        .stderr(contains("200000 rows"));
}
