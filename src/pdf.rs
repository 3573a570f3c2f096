//! Text of a PDF, through poppler's `pdftotext -enc UTF-8` (pages end with a
//! form feed). When the tool is missing, the file is skipped with that reason.

use std::path::Path;
use std::process::Command;

/// The text of a PDF and its page count.
pub fn pdf_text(path: &Path) -> Result<(String, u64), String> {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                "pdftotext not installed (Debian: apt-get install poppler-utils)".to_string()
            }
            _ => format!("cannot run pdftotext: {e}"),
        })?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "pdftotext failed: {}",
            err.lines().next().unwrap_or("").trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let pages = text.trim_end_matches('\u{c}').matches('\u{c}').count() as u64 + 1;
    Ok((text.replace('\u{c}', "\n"), pages))
}
