//! `zhibiao docs`: the inputs as JSON Lines, which stream mode turns into the
//! batch's rows.

use crate::common::{extract_cmd, zhibiao};

#[test]
fn documents_as_json_lines_stream_into_the_rows_of_batch_mode() {
    let docs = tempfile::tempdir().unwrap();
    for year in ["2023", "2024"] {
        std::fs::create_dir(docs.path().join(year)).unwrap();
    }
    std::fs::write(
        docs.path().join("2023/公报.txt"),
        "2023年全市出口增长3.1%。\n今年以来，利润增长9%。",
    )
    .unwrap();
    std::fs::write(docs.path().join("2024/公报.txt"), "出口增长4.2%。").unwrap();
    std::fs::write(
        docs.path().join("page.html"),
        "<html><head><meta name=\"pubdate\" content=\"2025-03-18\"></head><body><p>今年以来，进口下降1.5%。</p></body></html>",
    )
    .unwrap();
    std::fs::write(docs.path().join("broken.txt"), [0u8, 159, 146, 150, 0, 0]).unwrap();

    let lines = zhibiao()
        .arg("docs")
        .arg(docs.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let lines = String::from_utf8(lines).unwrap();
    let records: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2023/公报.txt", "2024/公报.txt", "broken", "page"]);
    // The decoded text, the markup gone; the date the page carries.
    assert_eq!(records[3]["text"], "今年以来，进口下降1.5%。");
    assert_eq!(records[3]["published"], "2025-03-18");
    assert!(records[2]["error"].is_string() && records[2]["text"].is_null());

    // Stream mode reads them into the rows batch mode writes.
    let out = tempfile::tempdir().unwrap();
    extract_cmd(docs.path(), out.path(), "jsonl")
        .assert()
        .code(1);
    let batch = std::fs::read_to_string(out.path().join("metrics.jsonl")).unwrap();
    let streamed = zhibiao()
        .args(["extract", "--jsonl-in", "-", "--jsonl-out", "-"])
        .write_stdin(lines)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let streamed = String::from_utf8(streamed).unwrap();
    let rows: Vec<&str> = streamed
        .lines()
        .filter(|l| !l.contains("\"error\""))
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows.join("\n") + "\n", batch);
}
