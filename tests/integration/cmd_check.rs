//! `zhibiao check`: running the rule files' examples.

use crate::common::{root, rules_copy_with, zhibiao};
use predicates::str::contains;

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
