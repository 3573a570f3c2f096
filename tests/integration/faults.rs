//! Faults that used to lose data: runs into one folder at once, a run killed
//! while publishing, a stream with bad lines, inputs that are not regular files.

use std::path::Path;
use std::process::{Command, Stdio};

use polars::prelude::{ParquetReader, SerReader};
use std::time::Duration;

use crate::common::{read_csv, zhibiao};
use predicates::str::contains;

/// A folder of `n` small documents whose names start with `prefix`.
fn documents(dir: &Path, prefix: &str, n: usize) {
    for i in 0..n {
        std::fs::write(
            dir.join(format!("{prefix}{i:04}.txt")),
            format!("全市刑事案件发案同比下降{i}.5%，挽损{i}亿元，抓获嫌疑人{i}名。\n").repeat(20),
        )
        .unwrap();
    }
}

/// The document ids of a table: the first column's distinct values.
fn doc_ids(path: &Path) -> std::collections::BTreeSet<String> {
    read_csv(path).1.into_iter().map(|r| r[0].clone()).collect()
}

/// Every table of `out` names documents of one run only: all from `a…` or all from `b…`.
fn assert_one_run(out: &Path) -> char {
    let metrics = doc_ids(&out.join("metrics.csv"));
    let documents = doc_ids(&out.join("documents.csv"));
    assert_eq!(metrics, documents, "metrics.csv and documents.csv differ");
    let first = metrics
        .iter()
        .next()
        .and_then(|d| d.chars().next())
        .unwrap();
    assert!(metrics.iter().all(|d| d.starts_with(first)), "{metrics:?}");
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    let other = if first == 'a' { "b0000" } else { "a0000" };
    assert!(!report.contains(other), "report.html is from the other run");
    first
}

/// `zhibiao extract INPUT --out OUT --format FORMATS` started as a process of its own.
fn spawn_extract(input: &Path, out: &Path, formats: &str, stderr: Stdio) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("zhibiao"))
        .arg("extract")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(["--format", formats])
        .stderr(stderr)
        .spawn()
        .unwrap()
}

#[test]
fn two_runs_into_one_folder_at_once_leave_one_whole_set() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    documents(a.path(), "a", 300);
    documents(b.path(), "b", 5);
    let out = tempfile::tempdir().unwrap();
    let start =
        |input: &Path| spawn_extract(input, out.path(), "csv,parquet,report", Stdio::piped());
    let big = start(a.path());
    std::thread::sleep(Duration::from_millis(100));
    let small = start(b.path());
    let big = big.wait_with_output().unwrap();
    let small = small.wait_with_output().unwrap();
    assert!(big.status.success() && small.status.success());
    // Both finished in turn; the tables are one run's, and the Parquet file reads.
    assert_one_run(out.path());
    let parquet = std::fs::File::open(out.path().join("metrics.parquet")).unwrap();
    ParquetReader::new(parquet).finish().unwrap();
}

#[test]
fn a_run_killed_at_any_moment_leaves_the_old_set_or_the_new_one() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    documents(a.path(), "a", 3);
    documents(b.path(), "b", 200);
    let mut seen = std::collections::BTreeSet::new();
    for delay_ms in [20, 80, 150, 250, 400, 600, 900, 1400] {
        let out = tempfile::tempdir().unwrap();
        let run = |input: &Path| spawn_extract(input, out.path(), "csv,report", Stdio::null());
        assert!(run(a.path()).wait().unwrap().success());
        let mut second = run(b.path());
        std::thread::sleep(Duration::from_millis(delay_ms));
        second.kill().unwrap();
        second.wait().unwrap();
        seen.insert(assert_one_run(out.path()));
    }
    assert!(seen.contains(&'a'), "no kill came before publication");
}

#[test]
fn a_folder_with_a_table_name_stops_the_run_before_any_table_changes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    documents(a.path(), "a", 2);
    documents(b.path(), "b", 2);
    let out = tempfile::tempdir().unwrap();
    let run = |input: &Path| {
        zhibiao()
            .arg("extract")
            .arg(input)
            .arg("--out")
            .arg(out.path())
            .args(["--format", "csv,parquet,report"])
            .assert()
    };
    run(a.path()).success();
    std::fs::remove_file(out.path().join("report.html")).unwrap();
    std::fs::create_dir(out.path().join("report.html")).unwrap();
    run(b.path()).code(2).stderr(contains("report.html"));
    assert_eq!(
        doc_ids(&out.path().join("metrics.csv"))
            .into_iter()
            .next()
            .as_deref(),
        Some("a0000")
    );
}

#[test]
fn stream_goes_on_after_a_line_that_is_not_utf8_and_says_some_failed() {
    let mut input = "{\"doc_id\":\"a\",\"text\":\"增长5%\"}\n"
        .as_bytes()
        .to_vec();
    input.extend_from_slice(b"{\"doc_id\":\"b\",\"text\":\"\xff\"}\n");
    input.extend_from_slice("{\"doc_id\":\"c\",\"text\":\"增长6%\"}\n".as_bytes());
    let out = zhibiao()
        .args(["extract", "--jsonl-in", "-", "--jsonl-out", "-"])
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["doc_id"], "c");
}

#[test]
fn stream_to_a_closed_stdout_fails() {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "echo '{{\"doc_id\":\"a\",\"text\":\"增长5%\"}}' | {} extract --jsonl-in - --jsonl-out - >&-",
            assert_cmd::cargo::cargo_bin("zhibiao").display()
        ))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&status.stderr).contains("standard output is closed"));
}

#[test]
fn a_pipe_named_on_the_command_line_is_read() {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "{} extract <(printf '挽损14.3亿元。') --out {} --format csv",
            assert_cmd::cargo::cargo_bin("zhibiao").display(),
            out.path().display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    let (_, rows) = read_csv(&out.path().join("metrics.csv"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][3], "14.3亿元");
}

/// Seconds to extract `text`, the best of three runs.
fn best_time(extractor: &zhibiao::engine::Extractor, text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let started = std::time::Instant::now();
            extractor.extract("d", text);
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// A run of digits or numerals 16 times longer takes about 16 times as long,
/// not 256 times (each search used to read the run to its end again).
#[test]
fn long_runs_of_digits_and_numerals_take_linear_time() {
    let extractor = zhibiao::engine::Extractor::bundled().unwrap();
    for digit in ["9", "九"] {
        let doc = |n: usize| format!("全市财政收入{}元，同比增长5%。", digit.repeat(n));
        let short = best_time(&extractor, &doc(10_000));
        let long = best_time(&extractor, &doc(160_000));
        assert!(
            long < 64.0 * short,
            "{digit}: 10k in {short:.3}s, 160k in {long:.3}s"
        );
    }
}

/// A rule that needs a word before its number (单 after 订单) reads back no
/// further than a row's sentence reaches: a text of 32,000 such numbers with
/// no full stop takes about 16 times as long as one of 2,000, not 256 times.
#[test]
fn a_needed_word_is_looked_for_in_a_bounded_sentence() {
    let extractor = zhibiao::engine::Extractor::bundled().unwrap();
    let doc = |n: usize| format!("订单{}。", "，1单".repeat(n));
    let short = best_time(&extractor, &doc(2_000));
    let long = best_time(&extractor, &doc(32_000));
    assert!(long < 64.0 * short, "2k in {short:.3}s, 32k in {long:.3}s");
}

#[test]
fn a_huge_worker_count_is_capped_with_a_message() {
    let docs = tempfile::tempdir().unwrap();
    documents(docs.path(), "a", 2);
    let out = tempfile::tempdir().unwrap();
    zhibiao()
        .arg("extract")
        .arg(docs.path())
        .arg("--out")
        .arg(out.path())
        .args(["--format", "csv", "--jobs", "100000"])
        .assert()
        .success()
        .stderr(contains("--jobs 100000 is more than this machine can use"));
}

/// (text, value) of every row of `text`.
fn rows(text: &str) -> Vec<(String, String)> {
    let extractor = zhibiao::engine::Extractor::bundled().unwrap();
    extractor
        .extract("d", text)
        .into_iter()
        .map(|m| (m.text, m.quantity.value.to_string()))
        .collect()
}

#[test]
fn numbers_hold_together_across_invisible_characters() {
    assert_eq!(
        rows("收入1\u{200d}2\u{200c}3亿元。"),
        [(
            "1\u{200d}2\u{200c}3亿元".to_string(),
            "12300000000".to_string()
        )]
    );
}

#[test]
fn the_exponent_of_scientific_notation_is_no_amount() {
    assert_eq!(rows("参数为1e-999999亿元。"), []);
    assert_eq!(rows("COVID-19患者"), []);
}

/// The peak memory a run of `zhibiao extract` into `out` reports, in MB.
fn peak_memory_mb(input: &Path, out: &tempfile::TempDir) -> u64 {
    let run = zhibiao()
        .arg("extract")
        .arg(input)
        .arg("--out")
        .arg(out.path())
        .args(["--format", "csv", "--jobs", "1"])
        .output()
        .unwrap();
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    let line = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("peak memory: "))
        .unwrap_or_else(|| panic!("no peak memory in: {stderr}"));
    line.trim_end_matches(" MB").parse().unwrap()
}

/// A document three times longer needs little more memory than its text and
/// the text's normalised copy: rows are written as a long document is read, a
/// part at a time. (Memory was eleven times a document's size.)
#[test]
fn memory_grows_with_a_document_by_little_more_than_its_text() {
    let article =
        std::fs::read_to_string(crate::common::root().join("input/cq_police_2024.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let document = |name: &str, mb: usize| {
        let path = dir.path().join(name);
        let copies = mb * 1_000_000 / article.len() + 1;
        std::fs::write(&path, article.repeat(copies)).unwrap();
        path
    };
    let (small_out, large_out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let small = peak_memory_mb(&document("small.txt", 8), &small_out);
    let large = peak_memory_mb(&document("large.txt", 24), &large_out);
    assert!(
        large < small + 3 * 16,
        "8 MB peaked at {small} MB, 24 MB at {large} MB"
    );
    // Written as it was read, the long document has all its rows, in order,
    // and its record counts them.
    let (_, small_rows) = read_csv(&small_out.path().join("metrics.csv"));
    let (_, large_rows) = read_csv(&large_out.path().join("metrics.csv"));
    assert!(large_rows.len() > 2 * small_rows.len());
    let starts: Vec<u64> = large_rows.iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "rows in document order"
    );
    let (_, documents) = read_csv(&large_out.path().join("documents.csv"));
    assert_eq!(documents[0][4], large_rows.len().to_string());
}
