//! PDF and Word inputs, on fixtures the tests generate.

use std::io::Write;
use std::path::Path;

use crate::common::{extract_cmd, extract_ok, note_missing_tool, read_csv};

/// A minimal `.docx` holding these paragraphs.
fn write_docx(path: &Path, paragraphs: &[&str]) {
    write_docx_created(path, paragraphs, None);
}

/// A minimal `.docx` holding these paragraphs, with a creation date in its
/// core properties when one is given.
fn write_docx_created(path: &Path, paragraphs: &[&str], created: Option<&str>) {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
        .collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    if let Some(created) = created {
        zip.start_file("docProps/core.xml", options).unwrap();
        zip.write_all(format!(
            r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>"#
        ).as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// A minimal PDF with lines of ASCII text (split at `\n`) on each page.
fn write_pdf(path: &Path, pages: &[&str]) {
    write_pdf_created(path, pages, None);
}

/// A minimal PDF as [`write_pdf`] makes, with a creation date
/// (`D:20250115083000`) in its info dictionary when one is given.
fn write_pdf_created(path: &Path, pages: &[&str], created: Option<&str>) {
    let n = pages.len();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            (0..n)
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    for (i, text) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        let lines: Vec<String> = text.split('\n').map(|l| format!("({l}) Tj")).collect();
        let stream = format!("BT /F1 12 Tf 72 720 Td 14 TL {} ET", lines.join(" T* "));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    let info = created.map(|date| {
        objects.push(format!("<< /CreationDate ({date}) >>"));
        format!(" /Info {} 0 R", objects.len())
    });
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1,
            info.unwrap_or_default()
        )
        .as_bytes(),
    );
    std::fs::write(path, pdf).unwrap();
}

#[test]
fn docx_paragraphs_are_read() {
    let docs = tempfile::tempdir().unwrap();
    write_docx(
        &docs.path().join("report.docx"),
        &[
            "全市刑事案件发案同比下降35.5%。",
            "挽损14.3亿元 &amp; 抓获嫌疑人28名。",
        ],
    );
    let out = extract_ok(docs.path(), "csv");
    let (_, rows) = read_csv(&out.path().join("metrics.csv"));
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[3].as_str(), r[11].as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("35.5%", "刑事案件发案"),
            ("14.3亿元", "挽损"),
            ("28名", "抓获嫌疑人")
        ]
    );
}

/// The CSV output of a run over one PDF of these pages, when pdftotext is
/// installed.
fn extract_pdf(pages: &[&str]) -> Option<tempfile::TempDir> {
    if which_pdftotext().is_none() {
        note_missing_tool("pdftotext", "poppler-utils", "the PDF check");
        return None;
    }
    let docs = tempfile::tempdir().unwrap();
    write_pdf(&docs.path().join("bulletin.pdf"), pages);
    Some(extract_ok(docs.path(), "csv"))
}

#[test]
fn pdf_text_and_page_count_are_read() {
    let Some(out) = extract_pdf(&["GDP grew 5.4% in 2024", "Exports rose 12%"]) else {
        return;
    };
    let (_, rows) = read_csv(&out.path().join("metrics.csv"));
    let values: Vec<&str> = rows.iter().map(|r| r[5].as_str()).collect();
    assert_eq!(values, vec!["5.4", "12"]);
    let (header, docs_rows) = read_csv(&out.path().join("documents.csv"));
    let pages = header.iter().position(|h| h == "pages").unwrap();
    assert_eq!(docs_rows[0][pages], "2");
}

#[test]
fn pdf_lines_broken_inside_a_sentence_are_joined() {
    let Some(out) = extract_pdf(&[
        "Sales in the city rose by a total of 5.\n4% on the year before and more later\nEnd",
    ]) else {
        return;
    };
    let (_, rows) = read_csv(&out.path().join("metrics.csv"));
    let texts: Vec<&str> = rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(texts, vec!["5.4%"]);
}

#[test]
fn a_broken_docx_is_skipped_with_its_reason() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("broken.docx"), "not a zip").unwrap();
    std::fs::write(docs.path().join("good.txt"), "增长5%").unwrap();
    let out = tempfile::tempdir().unwrap();
    extract_cmd(docs.path(), out.path(), "csv")
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "broken.docx: not a .docx (zip) file",
        ));
}

/// The `published` and `published_source` cells of the one document in `out`.
fn published_of(out: &Path) -> (String, String) {
    let (header, rows) = read_csv(&out.join("documents.csv"));
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    (
        rows[0][column("published")].clone(),
        rows[0][column("published_source")].clone(),
    )
}

#[test]
fn a_docx_is_dated_by_its_core_properties() {
    let docs = tempfile::tempdir().unwrap();
    write_docx_created(
        &docs.path().join("report.docx"),
        &["全省财政收入快报", "全省收入增长5%。"],
        Some("2024-04-10T08:00:00Z"),
    );
    let out = extract_ok(docs.path(), "csv");
    assert_eq!(
        published_of(out.path()),
        ("2024-04-10".to_string(), "docx".to_string())
    );
    let (_, rows) = read_csv(&out.path().join("metrics.csv"));
    assert_eq!(rows[0][12], "2024-04");
}

#[test]
fn a_pdf_is_dated_by_its_info_dictionary() {
    if which_pdftotext().is_none() {
        note_missing_tool("pdftotext", "poppler-utils", "the PDF date check");
        return;
    }
    let docs = tempfile::tempdir().unwrap();
    write_pdf_created(
        &docs.path().join("bulletin.pdf"),
        &["Exports rose 12%"],
        Some("D:20250115083000+08'00'"),
    );
    let out = extract_ok(docs.path(), "csv");
    assert_eq!(
        published_of(out.path()),
        ("2025-01-15".to_string(), "pdf".to_string())
    );
}

fn which_pdftotext() -> Option<()> {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .ok()
        .map(|_| ())
}
