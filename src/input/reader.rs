//! Reading one input file into text: the one place that knows file types.
//!
//! Plain text is decoded ([`crate::input::document::decode`]); `.html`/`.htm` keep
//! their visible text; `.docx` and `.pdf` are converted. Each type also says
//! when it was published, where its metadata does. `extract` and `explain`
//! both read through here, so a file gives the same text to each.

use std::path::Path;

use crate::input::document::{decode, decode_owned, sha256_hex};
use crate::model::published::{dateline, Published, PublishedSource};

/// A file read as a document.
#[derive(Debug, Clone, Default)]
pub struct ReadDocument {
    /// The text the rows' offsets refer to.
    pub text: String,
    /// The encoding decoded from (`UTF-8` for converted formats).
    pub encoding: String,
    /// A warning about the reading (replaced bytes, a cut-off document).
    pub warning: Option<String>,
    /// Pages, for a PDF.
    pub pages: Option<u64>,
    /// The publication date the file itself carries, and where it was found:
    /// its metadata, else a dateline at the top of its text.
    pub published: Option<(Published, PublishedSource)>,
}

/// A file that could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    /// Why.
    pub reason: String,
    /// The bytes read before giving up (0 when none could be).
    pub bytes: u64,
    /// SHA-256 of those bytes, when there were any.
    pub sha256: Option<String>,
}

/// The bytes of a file and their hash, for the documents table.
#[derive(Debug, Clone)]
pub struct Read {
    /// The document.
    pub document: ReadDocument,
    /// Bytes in the file.
    pub bytes: u64,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
}

/// Reads the file at `path` as a document, by its extension.
pub fn read_document(path: &Path) -> Result<Read, Unusable> {
    let bytes = std::fs::read(path).map_err(|e| Unusable {
        reason: format!("cannot read: {e}"),
        bytes: 0,
        sha256: None,
    })?;
    let sha256 = sha256_hex(&bytes);
    let length = bytes.len() as u64;
    let unusable = |reason: String| Unusable {
        reason,
        bytes: length,
        sha256: Some(sha256.clone()),
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let mut document = match extension.as_deref() {
        Some("pdf") => {
            let (text, pages) = crate::input::pdf::pdf_text(path).map_err(unusable)?;
            ReadDocument {
                text,
                encoding: "UTF-8".into(),
                pages: Some(pages),
                published: crate::input::pdf::pdf_published(path)
                    .map(|d| (d, PublishedSource::Pdf)),
                ..ReadDocument::default()
            }
        }
        Some("docx") => {
            let (text, warning) = crate::input::docx::docx_text(&bytes).map_err(unusable)?;
            ReadDocument {
                text,
                encoding: "UTF-8".into(),
                warning,
                published: crate::input::docx::docx_published(&bytes)
                    .map(|d| (d, PublishedSource::Docx)),
                ..ReadDocument::default()
            }
        }
        Some("html" | "htm") => {
            let decoded = decode(&bytes).map_err(unusable)?;
            ReadDocument {
                text: crate::input::html::visible_text(&decoded.text).map_err(unusable)?,
                encoding: decoded.encoding.to_string(),
                warning: decoded.warning,
                published: crate::input::html::html_published(&decoded.text)
                    .map(|d| (d, PublishedSource::Html)),
                ..ReadDocument::default()
            }
        }
        _ => {
            let decoded = decode_owned(bytes).map_err(unusable)?;
            ReadDocument {
                text: decoded.text,
                encoding: decoded.encoding.to_string(),
                warning: decoded.warning,
                ..ReadDocument::default()
            }
        }
    };
    if document.published.is_none() {
        document.published = dateline(&document.text).map(|d| (d, PublishedSource::Text));
    }
    Ok(Read {
        document,
        bytes: length,
        sha256,
    })
}
