//! Text of a Word (`.docx`) document, read directly: the zip archive's
//! `word/document.xml`, one line per paragraph.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::model::published::Published;

/// The most `word/document.xml` may inflate to: a real report's is a few
/// megabytes; a zip bomb's is gigabytes.
pub const MAX_INFLATED: u64 = 256 << 20;

/// The skip reason of a document whose text inflates past `cap` bytes.
fn inflates_too_far(bytes: u64, cap: u64) -> String {
    format!("word/document.xml inflates to more than {bytes} bytes (limit {cap}): not read")
}

/// When a `.docx` file says it was made: `dcterms:created` in its core
/// properties (`docProps/core.xml`).
pub fn docx_published(bytes: &[u8]) -> Option<Published> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut xml = String::new();
    archive
        .by_name("docProps/core.xml")
        .ok()?
        .take(MAX_CORE_PROPERTIES)
        .read_to_string(&mut xml)
        .ok()?;
    let mut reader = Reader::from_str(&xml);
    let mut in_created = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => in_created = e.name().as_ref() == b"dcterms:created",
            Ok(Event::Text(t)) if in_created => return Published::parse(&t.decode().ok()?),
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// The most of `docProps/core.xml` read: core properties are a few hundred bytes.
const MAX_CORE_PROPERTIES: u64 = 1 << 20;

/// The paragraphs of a `.docx` file's main document, one per line, and a
/// warning when the document's XML is cut off (elements left open at its end).
/// A document that inflates past [`MAX_INFLATED`] is refused.
pub fn docx_text(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    docx_text_within(bytes, MAX_INFLATED)
}

/// [`docx_text`] with the inflated size capped at `cap` bytes.
fn docx_text_within(bytes: &[u8], cap: u64) -> Result<(String, Option<String>), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a .docx (zip) file: {e}"))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|e| format!("no word/document.xml: {e}"))?;
    if entry.size() > cap {
        return Err(inflates_too_far(entry.size(), cap));
    }
    let mut xml = String::new();
    // The size in the archive's header may lie: read one byte past the cap to tell.
    (&mut entry)
        .take(cap + 1)
        .read_to_string(&mut xml)
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    if xml.len() as u64 > cap {
        return Err(inflates_too_far(xml.len() as u64, cap));
    }
    let mut reader = Reader::from_str(&xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    let mut open = 0usize;
    loop {
        let event = reader.read_event();
        match &event {
            Ok(Event::Start(_)) => open += 1,
            Ok(Event::End(_)) => open = open.saturating_sub(1),
            _ => {}
        }
        match event {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:t" => in_text = true,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:t" => in_text = false,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Ok(Event::Empty(e)) if e.name().as_ref() == b"w:tab" => out.push('\t'),
            Ok(Event::Empty(e)) if e.name().as_ref() == b"w:br" => out.push('\n'),
            Ok(Event::Text(t)) if in_text => {
                let text = t.decode().map_err(|e| format!("word/document.xml: {e}"))?;
                out.push_str(
                    &quick_xml::escape::unescape(&text)
                        .map_err(|e| format!("word/document.xml: {e}"))?,
                );
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let name = r.decode().map_err(|e| format!("word/document.xml: {e}"))?;
                let entity = format!("&{name};");
                out.push_str(
                    &quick_xml::escape::unescape(&entity)
                        .map_err(|e| format!("word/document.xml: {e}"))?,
                );
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("word/document.xml: {e}")),
        }
    }
    let warning = (open > 0).then(|| {
        format!("word/document.xml is cut off ({open} element(s) left open): the text may be incomplete")
    });
    Ok((out.trim_end().to_string(), warning))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A `.docx` archive whose `word/document.xml` is `xml`.
    fn docx(xml: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    const PARAGRAPH: &str = "<w:p><w:r><w:t>增长5%</w:t></w:r></w:p>";

    #[test]
    fn a_document_that_inflates_past_the_cap_is_refused() {
        let xml = format!(
            "<w:document><w:body>{}</w:body></w:document>",
            PARAGRAPH.repeat(1000)
        );
        let bytes = docx(&xml);
        assert!(bytes.len() < xml.len() / 10, "the archive compresses");
        let err = docx_text_within(&bytes, 4096).unwrap_err();
        assert!(err.contains("limit 4096"), "{err}");
        assert!(docx_text_within(&bytes, 1 << 20).is_ok());
    }

    #[test]
    fn a_cut_off_document_is_read_with_a_warning() {
        let whole = format!("<w:document><w:body>{PARAGRAPH}{PARAGRAPH}</w:body></w:document>");
        let (text, warning) = docx_text(&docx(&whole)).unwrap();
        assert_eq!(text, "增长5%\n增长5%");
        assert_eq!(warning, None);
        let cut = &whole[..whole.len() - "</w:body></w:document>".len()];
        let (text, warning) = docx_text(&docx(cut)).unwrap();
        assert_eq!(text, "增长5%\n增长5%");
        assert!(warning.unwrap().contains("cut off"));
    }
}
