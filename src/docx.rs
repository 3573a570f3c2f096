//! Text of a Word (`.docx`) document, read directly: the zip archive's
//! `word/document.xml`, one line per paragraph.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::published::Published;

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

/// The paragraphs of a `.docx` file's main document, one per line.
pub fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a .docx (zip) file: {e}"))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| format!("no word/document.xml: {e}"))?
        .read_to_string(&mut xml)
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    let mut reader = Reader::from_str(&xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    loop {
        match reader.read_event() {
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
    Ok(out.trim_end().to_string())
}
