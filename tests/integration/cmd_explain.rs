//! `zhibiao explain`: the trace of one text or file.

use crate::common::{root, zhibiao};
use predicates::str::contains;

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
