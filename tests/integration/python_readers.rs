//! The README's "Reading the tables" block, run in pandas and polars on a run's
//! tables, and `frictionless validate` on its data package
//! (`tests/python/read_tables.py`). The Python with those libraries is
//! `ZHIBIAO_PYTHON`, which `.ci/run` sets up; without it the test says so and
//! checks nothing, except under `CI`, where it must be there.

use std::process::Command;

use crate::common::{extract_ok, root};

#[test]
fn the_readme_reads_the_tables_with_their_types_and_the_package_is_valid() {
    let Some(python) = std::env::var_os("ZHIBIAO_PYTHON") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "under CI, ZHIBIAO_PYTHON must name a Python with tests/python/requirements.txt"
        );
        eprintln!("ZHIBIAO_PYTHON is not set: the README's readers are not checked");
        return;
    };
    let docs = tempfile::tempdir().unwrap();
    // An id and a period that look like numbers, whole values for far more
    // than a hundred rows before a decimal one, and a row with no subject.
    let counts: String = (1..=150).map(|i| format!("新建项目{i}个。")).collect();
    std::fs::write(
        docs.path().join("2023.txt"),
        format!("{counts}利润增长2.5%。"),
    )
    .unwrap();
    std::fs::write(
        docs.path().join("b.txt"),
        "2024年全市出口增长5%。\n增长5%。",
    )
    .unwrap();
    let out = extract_ok(docs.path(), "csv,parquet,datapackage");
    let run = Command::new(python)
        .arg(root().join("tests/python/read_tables.py"))
        .arg(root().join("README.md"))
        .arg(out.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    eprintln!("{said}");
    assert!(
        run.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
