//! `zhibiao diff`: comparing two runs row by row.

use crate::common::{extract_input_with_rules, rules_copy, zhibiao};
use predicates::str::contains;

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
