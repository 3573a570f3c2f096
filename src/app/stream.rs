//! JSON Lines streaming: one document per input line, its metrics out as lines.
//!
//! For cluster engines that pipe records through a command (Spark `RDD.pipe`,
//! Hadoop Streaming): each input line is `{"doc_id": …, "text": …}`, with
//! `"published": "2025-01-15"` when known (else a dateline dates it); each output
//! line is one metric with the table's column names, or an error record
//! `{"doc_id": …, "error": …}` for a line that cannot be used. Output is flushed
//! after every document, so a consumer sees results as they come.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::engine::Extractor;
use crate::model::published::{dateline, Published};
use crate::sink::jsonl::JsonLines;

#[derive(Deserialize)]
struct InputDocument {
    doc_id: String,
    text: String,
    /// When the document was published (an ISO date, the day optional).
    #[serde(default)]
    published: Option<String>,
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
///
/// A line that cannot be used — not UTF-8, not JSON, missing a field — is
/// answered with an error record naming its line, and the stream goes on. A
/// byte order mark before the first line is ignored. Failing to read input or
/// to write output stops the stream with an error.
pub fn run_stream(
    extractor: &Extractor,
    mut input: impl BufRead,
    output: impl Write,
) -> Result<StreamSummary> {
    let mut output = JsonLines::new(output);
    let mut summary = StreamSummary::default();
    let mut bytes = Vec::new();
    for n in 1.. {
        bytes.clear();
        let read = input
            .read_until(b'\n', &mut bytes)
            .with_context(|| format!("cannot read input line {n}"))?;
        if read == 0 {
            break;
        }
        let line = match std::str::from_utf8(&bytes) {
            Ok(line) if n == 1 => line.trim_start_matches('\u{feff}'),
            Ok(line) => line,
            Err(e) => {
                let error = format!("line is not UTF-8 (invalid byte at {})", e.valid_up_to());
                write_error(&mut output, None, n, &error)?;
                summary.errors += 1;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<InputDocument>(line) {
            Ok(doc) => {
                let published = match doc.published.as_deref().map(|p| (p, Published::parse(p))) {
                    Some((written, None)) if !written.trim().is_empty() => {
                        let error = format!("`published` is not a date: `{written}`");
                        write_error(&mut output, Some(&doc.doc_id), n, &error)?;
                        summary.errors += 1;
                        continue;
                    }
                    Some((_, date)) => date,
                    None => None,
                };
                let published = published.or_else(|| dateline(&doc.text));
                let metrics = extractor.extract_published(&doc.doc_id, &doc.text, published);
                output.write_metrics(&metrics)?;
                summary.rows += metrics.len();
                summary.documents += 1;
            }
            Err(e) => {
                let doc_id = serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v.get("doc_id").and_then(|d| d.as_str()).map(String::from));
                let error = format!("not a {{\"doc_id\", \"text\"}} record: {e}");
                write_error(&mut output, doc_id.as_deref(), n, &error)?;
                summary.errors += 1;
            }
        }
        output.flush().context("cannot write output")?;
    }
    Ok(summary)
}

/// Writes the error record of input line `line` and flushes it.
fn write_error(
    output: &mut JsonLines<impl Write>,
    doc_id: Option<&str>,
    line: usize,
    error: &str,
) -> Result<()> {
    output.write_error(doc_id, line, error)?;
    output.flush().context("cannot write output")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_metrics_and_error_records() {
        let extractor = Extractor::bundled().unwrap();
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

    fn stream_lines(input: &[u8]) -> (StreamSummary, Vec<serde_json::Value>) {
        let extractor = Extractor::bundled().unwrap();
        let mut out = Vec::new();
        let summary = run_stream(&extractor, input, &mut out).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (summary, lines)
    }

    #[test]
    fn a_line_that_is_not_utf8_is_an_error_record_and_the_stream_goes_on() {
        let mut input = b"{\"doc_id\":\"a\",\"text\":\"\xe5\xa2\x9e\xe9\x95\xbf5%\"}\n".to_vec();
        input.extend_from_slice(b"{\"doc_id\":\"b\",\"text\":\"\xff\"}\n");
        input.extend_from_slice("{\"doc_id\":\"c\",\"text\":\"增长6%\"}\n".as_bytes());
        let (summary, lines) = stream_lines(&input);
        assert_eq!(summary.errors, 1);
        assert_eq!(summary.documents, 2);
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].as_str().unwrap().contains("not UTF-8"));
        assert_eq!(lines[2]["doc_id"], "c");
        assert_eq!(lines[2]["text"], "6%");
    }

    #[test]
    fn input_cut_inside_a_character_ends_with_an_error_record() {
        let mut input = "{\"doc_id\":\"a\",\"text\":\"增长5%\"}\n"
            .as_bytes()
            .to_vec();
        input.extend_from_slice(&"{\"doc_id\":\"b\",\"text\":\"增".as_bytes()[..24]);
        let (summary, lines) = stream_lines(&input);
        assert_eq!((summary.documents, summary.errors), (1, 1));
        assert_eq!(lines.last().unwrap()["line"], 2);
    }

    #[test]
    fn the_published_field_dates_what_the_text_leaves_relative() {
        let input = concat!(
            "{\"doc_id\":\"a\",\"text\":\"今年以来，销售额增长5%。\",\"published\":\"2025-03-02\"}\n",
            "{\"doc_id\":\"b\",\"text\":\"销售额增长5%。\",\"published\":\"2024-11\"}\n",
            "{\"doc_id\":\"c\",\"text\":\"销售额增长5%。\",\"published\":\"someday\"}\n",
        );
        let (summary, lines) = stream_lines(input.as_bytes());
        assert_eq!(lines[0]["period"], "2025");
        assert_eq!(lines[1]["period"], "2024-11");
        assert_eq!(summary.errors, 1);
        assert!(lines[2]["error"].as_str().unwrap().contains("someday"));
    }

    #[test]
    fn a_byte_order_mark_before_the_first_line_is_ignored() {
        let input = "\u{feff}{\"doc_id\":\"a\",\"text\":\"增长5%\"}\n";
        let (summary, lines) = stream_lines(input.as_bytes());
        assert_eq!((summary.documents, summary.errors), (1, 0));
        assert_eq!(lines[0]["doc_id"], "a");
    }
}
