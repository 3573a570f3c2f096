//! Golden regression: the binary's tables for every document in `input/` and
//! for the small documents in `tests/golden/cases/` must equal the blessed
//! files in `tests/golden/`. A failure prints a row-level diff. After a person
//! has checked a change against the source text, `just bless` rewrites them.

use zhibiao::app::diff::{diff_tables, read_metrics_table};

use crate::common::{root, zhibiao};

fn run_and_compare(input: &str, golden: &str) {
    let out = tempfile::tempdir().unwrap();
    zhibiao()
        .current_dir(root())
        .args(["extract", input, "--out"])
        .arg(out.path())
        .args(["--format", "csv"])
        .assert()
        .success();
    let produced = out.path().join("metrics.csv");
    let golden = root().join(golden);
    if std::env::var_os("ZHIBIAO_BLESS").is_some() {
        std::fs::copy(&produced, &golden).unwrap();
        return;
    }
    let new = read_metrics_table(&produced).unwrap();
    let old = read_metrics_table(&golden).unwrap();
    assert_eq!(new.header, old.header, "column names changed");
    let diff: Vec<String> = diff_tables(&old, &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        diff.is_empty(),
        "{} differs from the golden file ({} changes):\n{}\nIf the change is right, check it against the source and run `just bless`.",
        golden.display(),
        diff.len(),
        diff.join("\n")
    );
}

#[test]
fn reference_article_matches_golden() {
    run_and_compare("input", "tests/golden/cq_police_2024.metrics.csv");
}

#[test]
fn tricky_cases_match_golden() {
    run_and_compare("tests/golden/cases", "tests/golden/cases.metrics.csv");
}
