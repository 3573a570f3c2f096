//! `examples/spark_job.py` in Spark's local mode: on the documents `zhibiao
//! docs` writes, its rows equal batch mode's (`tests/python/spark_matches_batch.py`).
//! The Python with pyspark is `ZHIBIAO_PYTHON`, with Java on the PATH, which
//! `.ci/run` sets up; without them the test says so and checks nothing, except
//! under `CI`, where they must be there.

use crate::common::{extract_cmd, root, run_python_check, test_python, zhibiao};

#[test]
fn the_spark_job_gives_the_rows_of_batch_mode() {
    let Some(python) = test_python("the Spark job") else {
        return;
    };
    let docs = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("input/cq_police_2024.txt"),
        docs.path().join("cq_police_2024.txt"),
    )
    .unwrap();
    for name in ["communique.txt", "releases.txt", "meaning.txt"] {
        std::fs::copy(
            root().join("tests/golden/cases").join(name),
            docs.path().join(name),
        )
        .unwrap();
    }
    let work = tempfile::tempdir().unwrap();
    let lines = zhibiao()
        .arg("docs")
        .arg(docs.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs_jsonl = work.path().join("docs.jsonl");
    std::fs::write(&docs_jsonl, lines).unwrap();
    let batch = work.path().join("batch");
    extract_cmd(docs.path(), &batch, "csv").assert().success();
    let binary = assert_cmd::cargo::cargo_bin("zhibiao");
    let batch_csv = batch.join("metrics.csv");
    run_python_check(
        &python,
        "spark_matches_batch.py",
        &[
            binary.as_os_str(),
            docs_jsonl.as_os_str(),
            batch_csv.as_os_str(),
            work.path().as_os_str(),
        ],
    );
}
