//! Input: finding documents, decoding their bytes, reading HTML, PDF and Word
//! files into text, and the metadata a newsroom supplies beside them.

pub mod doc_ids;
pub mod document;
pub mod docx;
pub mod html;
pub mod meta_file;
pub mod pdf;
pub mod reader;
