//! The README's "Reading the tables" block, run in pandas and polars on a run's
//! tables, and `frictionless validate` on its data package
//! (`tests/python/read_tables.py`). The Python with those libraries is
//! `ZHIBIAO_PYTHON`, which `.ci/run` sets up; without it the test says so and
//! checks nothing, except under `CI`, where it must be there.

use crate::common::{extract_ok, root, run_python_check, test_python};

#[test]
fn the_readme_reads_the_tables_with_their_types_and_the_package_is_valid() {
    let Some(python) = test_python("the README's table readers") else {
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
    let readme = root().join("README.md");
    run_python_check(
        &python,
        "read_tables.py",
        &[readme.as_os_str(), out.path().as_os_str()],
    );
}
