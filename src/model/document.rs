//! The documents table's row: what was read, how, and what came of it.

use crate::model::published::PublishedSource;

/// One row of the documents table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentRecord {
    /// The file's stem.
    pub doc_id: String,
    /// The path as given.
    pub path: String,
    /// First non-empty line.
    pub title: String,
    /// Characters in the decoded text.
    pub chars: u64,
    /// Rows extracted.
    pub metrics: u64,
    /// Pages, for a PDF.
    pub pages: Option<u64>,
    /// The encoding decoded from.
    pub encoding: String,
    /// SHA-256 of the bytes.
    pub sha256: String,
    /// `ok` or `skipped`.
    pub status: String,
    /// Why it was skipped, or a warning.
    pub error: String,
    /// When it was published (`2025-01-15`, `2025-01`, `2025`), if known.
    pub published: Option<String>,
    /// Where the publication date came from.
    pub published_source: PublishedSource,
    /// The metadata file's other fields for this document, as a JSON object.
    pub meta: Option<String>,
}
