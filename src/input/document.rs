//! Reading input documents: finding files, decoding bytes, recording each one.

use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, GB18030, UTF_8};
use sha2::{Digest, Sha256};

use super::doc_ids::{unique_ids, Found};

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name (UTF-8, GB18030, UTF-16LE…).
    pub encoding: &'static str,
    /// Set when invalid byte sequences were replaced.
    pub warning: Option<String>,
}

/// Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or a
/// detected legacy encoding (GB18030/GBK and others). Fails on empty or binary
/// input. A stray NUL character (in a damaged or legacy-encoded text) is
/// removed, with a warning, so that no table holds one.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut decoded = decode_text(bytes)?;
    let nuls = decoded.text.matches('\0').count();
    if nuls > 0 {
        decoded.text.retain(|c| c != '\0');
        let removed = format!("{nuls} NUL character(s) removed");
        decoded.warning = Some(match decoded.warning.take() {
            Some(w) => format!("{w}; {removed}"),
            None => removed,
        });
    }
    Ok(decoded)
}

/// [`decode`] of bytes the caller no longer needs: plain UTF-8, the common
/// case, becomes the text without a copy, so a long file is not held twice.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, String> {
    if bytes.is_empty() || Encoding::for_bom(&bytes).is_some() || bytes.contains(&0) {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            warning: None,
        }),
        Err(not_utf8) => decode(not_utf8.as_bytes()),
    }
}

/// The decoding of [`decode`], NUL characters kept.
fn decode_text(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom..]));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.contains('\0') {
            return Err("binary content (NUL bytes)".into());
        }
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            warning: None,
        });
    }
    if looks_binary(bytes) {
        return Err("binary content (not text in any supported encoding)".into());
    }
    if let Some(decoded) = mixed_utf8_and_gb18030(bytes) {
        return Ok(decoded);
    }
    if let Some(decoded) = damaged_utf8(bytes) {
        return Ok(decoded);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    let encoding = if guess == UTF_8 || guess.name().starts_with("GB") || guess.name() == "GBK" {
        if guess == UTF_8 {
            UTF_8
        } else {
            GB18030
        }
    } else {
        guess
    };
    Ok(decode_with(encoding, bytes))
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let replaced = if had_errors {
        text.chars().filter(|&c| c == '\u{FFFD}').count()
    } else {
        0
    };
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warning: (replaced > 0).then(|| format!("{replaced} invalid byte sequence(s) replaced")),
    }
}

/// UTF-8 with a few invalid sequences (a damaged file, not another encoding):
/// decoded with replacements and a warning.
fn damaged_utf8(bytes: &[u8]) -> Option<Decoded> {
    let text = String::from_utf8_lossy(bytes);
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let multibyte = text
        .chars()
        .filter(|c| c.len_utf8() > 1 && *c != '\u{FFFD}')
        .count();
    // Legacy encodings read as UTF-8 give mostly replacements; a damaged
    // UTF-8 file gives mostly valid characters.
    (replaced > 0 && multibyte >= 4 * replaced).then(|| Decoded {
        encoding: UTF_8.name(),
        warning: Some(format!("{replaced} invalid byte sequence(s) replaced")),
        text: text.into_owned(),
    })
}

/// Text pasted together from UTF-8 and GB18030/GBK sources: each line is
/// decoded on its own, with a warning that says how many lines were read
/// which way. `None` unless both encodings show: a line valid as UTF-8 with at
/// least four characters beyond ASCII (a GBK line is that only by rare
/// chance), and a line that is not UTF-8 but decodes as GB18030 without error.
fn mixed_utf8_and_gb18030(bytes: &[u8]) -> Option<Decoded> {
    let mut text = String::with_capacity(bytes.len());
    let (mut utf8_lines, mut gb_lines, mut damaged) = (0usize, 0usize, 0usize);
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if let Ok(valid) = std::str::from_utf8(line) {
            if valid.chars().filter(|c| !c.is_ascii()).count() >= 4 {
                utf8_lines += 1;
            }
            text.push_str(valid);
            continue;
        }
        let (gb, _, gb_errors) = GB18030.decode(line);
        if gb_errors {
            let lossy = String::from_utf8_lossy(line);
            damaged += lossy.chars().filter(|&c| c == '\u{FFFD}').count();
            text.push_str(&lossy);
        } else {
            gb_lines += 1;
            text.push_str(&gb);
        }
    }
    if utf8_lines == 0 || gb_lines == 0 {
        return None;
    }
    let mut warning =
        format!("mixed encodings: {gb_lines} line(s) read as GB18030, the rest as UTF-8");
    if damaged > 0 {
        warning.push_str(&format!("; {damaged} invalid byte sequence(s) replaced"));
    }
    Some(Decoded {
        text,
        encoding: "UTF-8+GB18030",
        warning: Some(warning),
    })
}

/// Control bytes other than whitespace in the first 8 KiB mark a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b) && b != 0x1b)
        .count();
    controls * 100 > head.len().max(1)
}

/// SHA-256 of `bytes` in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The title of a text for the documents table: its first line, at most 200
/// characters.
pub fn title_of(text: &str) -> String {
    crate::text::first_line(text).chars().take(200).collect()
}

/// An input that could not be used, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The path as found.
    pub path: PathBuf,
    /// Why it was skipped.
    pub reason: String,
}

/// File extensions read as documents when a folder is walked.
pub const DOCUMENT_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "html", "htm", "pdf", "docx"];

/// True when a file found in a folder is a document by its extension.
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A document to read and the id its rows carry.
#[derive(Debug, Clone, PartialEq)]
pub struct InputFile {
    /// The file.
    pub path: PathBuf,
    /// Its id, unique within the run (see [`doc_ids`](super::doc_ids)).
    pub doc_id: String,
}

/// The inputs of a batch.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Documents to read, in order.
    pub files: Vec<InputFile>,
    /// Paths that could not be walked or opened, each with its id.
    pub unreadable: Vec<(String, Unreadable)>,
    /// Files in folders passed over because their extension is not a document's.
    pub ignored: usize,
}

/// Documents under the given paths, in sorted order. A file named directly is
/// always read; in folders (walked recursively, hidden entries skipped) only
/// files with a [`DOCUMENT_EXTENSIONS`] extension are, the others are counted.
/// Each input, readable or not, gets an id no other input of the run has.
pub fn collect_inputs(paths: &[PathBuf]) -> Inputs {
    let mut ignored = 0;
    // (index of the root, path, why it cannot be read)
    let mut found: Vec<(usize, PathBuf, Option<String>)> = Vec::new();
    for (r, root) in paths.iter().enumerate() {
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                // A path named directly is read whatever it is but a folder
                // (a pipe such as `<(cat file)` or /dev/stdin too).
                Ok(e) if e.file_type().is_file() || e.depth() == 0 && !e.file_type().is_dir() => {
                    if e.depth() == 0 || is_document(e.path()) {
                        found.push((r, e.into_path(), None));
                    } else {
                        ignored += 1;
                    }
                }
                Ok(_) => {}
                Err(err) => found.push((
                    r,
                    err.path().map_or_else(|| root.clone(), Path::to_path_buf),
                    Some(walk_reason(&err)),
                )),
            }
        }
    }
    let named: Vec<Found> = found
        .iter()
        .map(|(r, path, _)| Found {
            root: &paths[*r],
            path,
        })
        .collect();
    let ids = unique_ids(&named);
    let mut inputs = Inputs {
        ignored,
        ..Inputs::default()
    };
    for ((_, path, unreadable), doc_id) in found.into_iter().zip(ids) {
        match unreadable {
            None => inputs.files.push(InputFile { path, doc_id }),
            Some(reason) => inputs
                .unreadable
                .push((doc_id, Unreadable { path, reason })),
        }
    }
    inputs
}

fn walk_reason(err: &walkdir::Error) -> String {
    if err.loop_ancestor().is_some() {
        return "directory loop".into();
    }
    match err.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "not found (missing path or dangling link)".into()
        }
        Some(io) if io.kind() == std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        Some(io) => io.to_string(),
        None => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom() {
        let d = decode("\u{feff}增长5%".as_bytes()).unwrap();
        assert_eq!(d.text, "增长5%");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones_do() {
        let gbk = GB18030.encode("增长5.4%，挽损14.3亿元").0.into_owned();
        for bytes in [
            "增长5%".as_bytes().to_vec(),
            "\u{feff}增长5%".as_bytes().to_vec(),
            gbk,
            b"a\0b".to_vec(),
            Vec::new(),
        ] {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
    }

    #[test]
    fn decodes_gbk() {
        let (bytes, _, _) = GB18030.encode("刑事案件发案同比下降35.5%，破案率提升17.8个百分点。");
        let d = decode(&bytes).unwrap();
        assert_eq!(
            d.text,
            "刑事案件发案同比下降35.5%，破案率提升17.8个百分点。"
        );
        assert_eq!(d.encoding, "gb18030");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "共79名".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "共79名");
        assert_eq!(decode(&bytes).unwrap().encoding, "UTF-16LE");
    }

    #[test]
    fn damaged_utf8_is_utf8_with_a_warning() {
        let mut bytes = "前文增长5.4%，".repeat(20).into_bytes();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice("后文挽损224万元。".as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.ends_with("\u{FFFD}\u{FFFD}后文挽损224万元。"));
        assert_eq!(
            d.warning.as_deref(),
            Some("2 invalid byte sequence(s) replaced")
        );
    }

    #[test]
    fn lines_in_utf8_and_gbk_are_each_read_in_their_own_encoding() {
        for (utf8_lines, gbk_lines) in [(5, 5), (1, 9), (9, 1)] {
            let mut bytes = Vec::new();
            let mut expected = String::new();
            for i in 0..utf8_lines + gbk_lines {
                let line = format!("第{i}段：全市刑事案件发案同比下降35.5%。\n");
                if i < utf8_lines {
                    bytes.extend_from_slice(line.as_bytes());
                } else {
                    bytes.extend_from_slice(&GB18030.encode(&line).0);
                }
                expected.push_str(&line);
            }
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, expected, "{utf8_lines}/{gbk_lines}");
            assert_eq!(d.encoding, "UTF-8+GB18030");
            assert!(d
                .warning
                .unwrap()
                .contains(&format!("{gbk_lines} line(s) read as GB18030")));
        }
    }

    #[test]
    fn a_stray_nul_is_removed_with_a_warning() {
        let mut bytes = "前文增长5.4%，".repeat(20).into_bytes();
        bytes.extend_from_slice(&[0xff, 0x00]);
        bytes.extend_from_slice("后文挽损224万元。".as_bytes());
        let d = decode(&bytes).unwrap();
        assert!(!d.text.contains('\0'));
        assert!(d.warning.unwrap().contains("1 NUL character(s) removed"));
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 0xff, 0x00]).is_err());
    }
}
