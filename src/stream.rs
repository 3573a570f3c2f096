//! JSON Lines streaming: one document per input line, its metrics out as lines.
//!
//! For cluster engines that pipe records through a command (Spark `RDD.pipe`,
//! Hadoop Streaming): each input line is `{"doc_id": …, "text": …}`; each output
//! line is one metric with the table's column names, or an error record
//! `{"doc_id": …, "error": …}` for a line that cannot be used. Output is flushed
//! after every document, so a consumer sees results as they come.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::json;

use crate::engine::Extractor;
use crate::sink::jsonl::metric_json;

#[derive(Deserialize)]
struct InputDocument {
    doc_id: String,
    text: String,
}

/// What a stream run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Documents extracted.
    pub documents: usize,
    /// Metric lines written.
    pub rows: usize,
    /// Input lines answered with an error record.
    pub errors: usize,
}

/// Reads documents from `input` and writes metrics to `output` until input ends.
pub fn run_stream(
    extractor: &Extractor,
    input: impl BufRead,
    mut output: impl Write,
) -> Result<StreamSummary> {
    let mut summary = StreamSummary::default();
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read input line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<InputDocument>(&line) {
            Ok(doc) => {
                for metric in extractor.extract(&doc.doc_id, &doc.text) {
                    serde_json::to_writer(&mut output, &metric_json(&metric))?;
                    output.write_all(b"\n")?;
                    summary.rows += 1;
                }
                summary.documents += 1;
            }
            Err(e) => {
                let doc_id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("doc_id").and_then(|d| d.as_str()).map(String::from));
                let record = json!({
                    "doc_id": doc_id,
                    "line": n + 1,
                    "error": format!("not a {{\"doc_id\", \"text\"}} record: {e}"),
                });
                serde_json::to_writer(&mut output, &record)?;
                output.write_all(b"\n")?;
                summary.errors += 1;
            }
        }
        output.flush().context("cannot write output")?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn writes_metrics_and_error_records() {
        let extractor = Extractor::new(RuleSet::bundled().unwrap());
        let input = "{\"doc_id\": \"a\", \"text\": \"增长5.4%，挽损14.3亿元\"}\nnot json\n{\"doc_id\": \"b\"}\n";
        let mut out = Vec::new();
        let summary = run_stream(&extractor, input.as_bytes(), &mut out).unwrap();
        assert_eq!(
            summary,
            StreamSummary {
                documents: 1,
                rows: 2,
                errors: 2
            }
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["text"], "5.4%");
        assert_eq!(lines[1]["value"], 1430000000.0);
        assert_eq!(lines[2]["line"], 2);
        assert_eq!(lines[3]["doc_id"], "b");
        assert!(lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("missing field `text`"));
    }
}
