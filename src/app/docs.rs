//! `zhibiao docs`: the decoded text of every input as JSON Lines, one
//! document per line (`{"doc_id", "path", "text", "published"}`), the input
//! that stream mode and a Spark job read. Ids, decoding and publication dates
//! are the batch's, so rows from the stream equal the batch's rows; and the
//! text is the one a row's offsets count in, for HTML, PDF and DOCX inputs too.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::batch::publication;
use crate::input::document::{collect_inputs, Unreadable};
use crate::input::meta_file::MetaTable;
use crate::input::reader::read_document;

/// One line of the output: a document, or an input that could not be read.
#[derive(Serialize)]
struct DocumentLine<'a> {
    doc_id: &'a str,
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Writes one line per input under `paths` to `out`, in the batch's order;
/// returns the inputs that could not be read (each has an `error` line).
pub fn write_documents(
    paths: &[PathBuf],
    meta: &MetaTable,
    out: &mut impl Write,
) -> Result<Vec<Unreadable>> {
    let inputs = collect_inputs(paths);
    let mut unreadable = Vec::new();
    for (doc_id, bad) in &inputs.unreadable {
        write_error(out, doc_id, &bad.path, &bad.reason)?;
        unreadable.push(bad.clone());
    }
    for input in &inputs.files {
        match read_document(&input.path) {
            Ok(read) => {
                let published = publication(meta, input, read.document.published);
                let line = DocumentLine {
                    doc_id: &input.doc_id,
                    path: input.path.display().to_string(),
                    text: Some(&read.document.text),
                    published: published.map(|(d, _)| d.iso()),
                    error: None,
                };
                write_line(out, &line)?;
            }
            Err(unusable) => {
                write_error(out, &input.doc_id, &input.path, &unusable.reason)?;
                unreadable.push(Unreadable {
                    path: input.path.clone(),
                    reason: unusable.reason,
                });
            }
        }
    }
    out.flush()?;
    Ok(unreadable)
}

/// Writes the line of an input that could not be read.
fn write_error(
    out: &mut impl Write,
    doc_id: &str,
    path: &std::path::Path,
    reason: &str,
) -> Result<()> {
    let line = DocumentLine {
        doc_id,
        path: path.display().to_string(),
        text: None,
        published: None,
        error: Some(reason),
    };
    write_line(out, &line)
}

/// Writes one line.
fn write_line(out: &mut impl Write, line: &DocumentLine) -> Result<()> {
    serde_json::to_writer(&mut *out, line)?;
    out.write_all(b"\n")?;
    Ok(())
}
