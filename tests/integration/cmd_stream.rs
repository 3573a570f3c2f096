//! `zhibiao extract --jsonl-in`: the JSON Lines stream.

use crate::common::{extract_ok, zhibiao};
use predicates::str::contains;

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
