//! `report.html`: a self-contained review page (inline CSS, JS and SVG).
//!
//! A summary with bar charts of rows per kind and per document, then each
//! document's text with every metric highlighted by kind. Hovering or focusing
//! a highlight shows its value and attributes; checkboxes filter by kind.
//! Document text is kept up to a budget so that huge batches stay usable in a
//! browser; documents past it are listed by name and row count only (their
//! rows are in the tables).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::Path;

use anyhow::Result;

use super::{AtomicFile, Sink};
use crate::model::document::DocumentRecord;
use crate::model::metric::{Kind, Metric};

/// Characters of document text the page shows at most: a few hundred
/// bulletins, a page of some 10 MB that a browser opens at once.
const TEXT_BUDGET: usize = 2_000_000;

/// Documents shown in the per-document chart.
const CHART_DOCUMENTS: usize = 25;

/// Writes `report.html`.
pub struct ReportSink {
    file: AtomicFile,
    /// The documents' sections, spooled to a temporary file until the summary
    /// above them is known: memory stays flat however large the batch.
    sections: BufWriter<File>,
    /// Characters of text the page may still show.
    text_left: usize,
    by_kind: BTreeMap<Kind, usize>,
    by_document: Vec<(String, usize)>,
    skipped: Vec<(String, String)>,
    rows: usize,
}

impl ReportSink {
    /// Starts `report.html` in `dir`.
    pub fn create(dir: &Path) -> Result<ReportSink> {
        Ok(ReportSink {
            file: AtomicFile::create(&dir.join("report.html"))?,
            sections: BufWriter::new(tempfile::tempfile_in(dir)?),
            text_left: TEXT_BUDGET,
            by_kind: BTreeMap::new(),
            by_document: Vec::new(),
            skipped: Vec::new(),
            rows: 0,
        })
    }
}

/// Escapes text for HTML content and quoted attribute values (& < > " ').
pub fn escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

/// The tooltip of a highlight.
fn tip(m: &Metric) -> String {
    let high = m
        .quantity
        .value_high
        .map(|h| format!("–{h}"))
        .unwrap_or_default();
    let mut tip = format!(
        "{} {}{} {} · {}",
        m.quantity.kind, m.quantity.value, high, m.quantity.unit, m.quantity.qualifier
    );
    if let Some(d) = m.direction {
        let _ = write!(tip, " · {d}");
    }
    if let Some(c) = m.comparison {
        let _ = write!(tip, " · {c}");
    }
    let _ = write!(
        tip,
        "\n指标: {}",
        if m.subject.is_empty() {
            "-"
        } else {
            &m.subject
        }
    );
    if let Some(p) = &m.period {
        let _ = write!(tip, "\n时期: {p}");
    }
    let _ = write!(tip, "\nrule: {}", m.rule_id);
    tip
}

/// A document's text with its metrics wrapped in highlights.
fn highlighted(text: &str, metrics: &[Metric]) -> String {
    let mut page = PageText::with_capacity(text.len() * 2);
    let mut offsets = ByteOffsets::new(text);
    let mut at = 0;
    for m in metrics {
        let (s, e) = (offsets.byte(m.start), offsets.byte(m.end));
        if s < at || e < s {
            continue;
        }
        page.text(&text[at..s]);
        let out = page.markup();
        let kind = m.quantity.kind;
        let _ = write!(out, r#"<mark class="m k-{kind}" tabindex="0" data-rule=""#);
        html_escape::encode_quoted_attribute_to_string(&m.rule_id, out);
        let _ = write!(
            out,
            r#"" data-kind="{kind}" data-value="{}" data-tip=""#,
            m.quantity.value
        );
        html_escape::encode_quoted_attribute_to_string(tip(m), out);
        out.push_str("\">");
        html_escape::encode_quoted_attribute_to_string(&text[s..e], out);
        out.push_str("</mark>");
        at = e;
    }
    page.text(&text[at..]);
    page.out
}

/// Character offsets, mostly ascending, as byte offsets, walking the text once.
struct ByteOffsets<'t> {
    text: &'t str,
    chars: usize,
    bytes: usize,
}

impl<'t> ByteOffsets<'t> {
    fn new(text: &'t str) -> Self {
        ByteOffsets {
            text,
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset of character `offset` (the text's end past it).
    fn byte(&mut self, offset: u32) -> usize {
        let offset = offset as usize;
        if offset < self.chars {
            (self.chars, self.bytes) = (0, 0);
        }
        let rest = &self.text[self.bytes..];
        self.bytes += rest
            .char_indices()
            .nth(offset - self.chars)
            .map_or(rest.len(), |(i, _)| i);
        self.chars = offset;
        self.bytes
    }
}

/// A document's text as HTML: escaped, leading blank space dropped and runs of
/// blank lines shown as one (display only: highlights hold no newline).
struct PageText {
    out: String,
    newlines: usize,
    started: bool,
}

impl PageText {
    fn with_capacity(bytes: usize) -> Self {
        PageText {
            out: String::with_capacity(bytes),
            newlines: 0,
            started: false,
        }
    }

    /// Appends plain text, escaped in runs between the characters left out.
    fn text(&mut self, text: &str) {
        let mut run = 0;
        for (i, c) in text.char_indices() {
            let keep = if !self.started {
                self.started = !matches!(c, '\n' | '\r' | ' ');
                self.started
            } else if c == '\n' {
                self.newlines += 1;
                self.newlines <= 2
            } else {
                if !(c.is_whitespace() && self.newlines > 0) {
                    self.newlines = 0;
                }
                true
            };
            if !keep {
                html_escape::encode_quoted_attribute_to_string(&text[run..i], &mut self.out);
                run = i + c.len_utf8();
            }
        }
        html_escape::encode_quoted_attribute_to_string(&text[run..], &mut self.out);
    }

    /// The page, to append markup to as it is.
    fn markup(&mut self) -> &mut String {
        self.started = true;
        self.newlines = 0;
        &mut self.out
    }
}

/// Horizontal bars as an inline SVG.
fn bar_chart(title: &str, bars: &[(String, usize, &str)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(1).max(1);
    let row = 22;
    let height = bars.len() * row + 8;
    let mut svg = format!(
        r#"<figure><figcaption>{}</figcaption><svg role="img" aria-label="{}" viewBox="0 0 640 {height}" width="640" height="{height}">"#,
        escape(title),
        escape(title)
    );
    for (i, (label, n, class)) in bars.iter().enumerate() {
        let y = i * row + 4;
        let w = (*n as f64 / max as f64 * 380.0).max(1.0);
        let _ = write!(
            svg,
            r#"<text x="200" y="{ty}" text-anchor="end">{label}</text><rect class="bar {class}" x="208" y="{y}" width="{w:.1}" height="16" rx="3"/><text x="{tx:.1}" y="{ty}">{n}</text>"#,
            ty = y + 13,
            label = escape(label),
            tx = 214.0 + w,
        );
    }
    svg.push_str("</svg></figure>");
    svg
}

const STYLE: &str = r#"
:root { --ink:#1f2328; --muted:#656d76; --line:#d0d7de; --bg:#fbfbfa;
  --percent:#fde68a; --percentage_point:#fcd34d; --multiple:#fdba74; --money:#bbf7d0;
  --count:#bfdbfe; --measure:#ddd6fe; --duration:#fbcfe8; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font:16px/1.8 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",system-ui,sans-serif; }
header, main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
header h1 { font-size:1.6rem; margin:0 0 .5rem; }
.stats { display:flex; gap:1.5rem; flex-wrap:wrap; color:var(--muted); }
.stats b { color:var(--ink); font-size:1.3rem; }
figure { margin:1rem 0; } figcaption { font-weight:600; margin-bottom:.3rem; }
svg text { font-size:12px; fill:var(--ink); }
.bar { fill:#94a3b8; } .bar.percent{fill:#f59e0b} .bar.percentage_point{fill:#d97706} .bar.multiple{fill:#ea580c}
.bar.money{fill:#16a34a} .bar.count{fill:#2563eb} .bar.measure{fill:#7c3aed} .bar.duration{fill:#db2777}
.filters { position:sticky; top:0; background:var(--bg); padding:.6rem 0; border-bottom:1px solid var(--line); z-index:2; }
.filters label { margin-right:1rem; white-space:nowrap; cursor:pointer; }
.swatch { display:inline-block; width:.9em; height:.9em; border-radius:2px; vertical-align:-.1em; margin-right:.25em; }
article { background:#fff; border:1px solid var(--line); border-radius:8px; padding:1rem 1.4rem; margin:1.2rem 0; }
article h2 { font-size:1.1rem; margin:0 0 .3rem; } article .meta { color:var(--muted); font-size:.85rem; }
.text { white-space:pre-wrap; word-break:break-word; }
mark.m { border-radius:3px; padding:0 .1em; color:inherit; position:relative; cursor:help; }
mark.m:focus { outline:2px solid #0969da; }
.k-percent{background:var(--percent)} .k-percentage_point{background:var(--percentage_point)} .k-multiple{background:var(--multiple)}
.k-money{background:var(--money)} .k-count{background:var(--count)} .k-measure{background:var(--measure)} .k-duration{background:var(--duration)}
mark.m:hover::after, mark.m:focus::after { content:attr(data-tip); white-space:pre; position:absolute; left:0; top:1.9em; z-index:5;
  background:#1f2328; color:#fff; font-size:.8rem; line-height:1.5; padding:.4rem .6rem; border-radius:6px; min-width:14rem; box-shadow:0 4px 12px rgba(0,0,0,.2); }
body.hide-percent .k-percent, body.hide-percentage_point .k-percentage_point, body.hide-multiple .k-multiple,
body.hide-money .k-money, body.hide-count .k-count, body.hide-measure .k-measure, body.hide-duration .k-duration { background:none; }
.skipped { color:#b42318; }
"#;

const SCRIPT: &str = r#"
document.body.dataset.kinds = document.querySelectorAll('.filters input').length;
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.body.classList.toggle('hide-' + box.value, !box.checked);
  });
});
document.body.dataset.ready = 'yes';
"#;

impl Sink for ReportSink {
    fn write_rows(&mut self, metrics: &[Metric]) -> Result<()> {
        self.rows += metrics.len();
        for m in metrics {
            *self.by_kind.entry(m.quantity.kind).or_default() += 1;
        }
        Ok(())
    }

    fn write_document(
        &mut self,
        doc: &DocumentRecord,
        text: &str,
        rows: Option<&[Metric]>,
    ) -> Result<()> {
        if doc.status != "ok" {
            self.skipped.push((doc.path.clone(), doc.error.clone()));
            return Ok(());
        }
        let count = usize::try_from(doc.metrics).unwrap_or(usize::MAX);
        self.by_document.push((doc.doc_id.clone(), count));
        let chars = doc.chars as usize;
        let body = match rows.filter(|_| chars <= self.text_left) {
            Some(metrics) => {
                self.text_left -= chars;
                format!(r#"<div class="text">{}</div>"#, highlighted(text, metrics))
            }
            None => {
                self.text_left = 0;
                format!("<p class=\"meta\">Text left out: the page shows the first {TEXT_BUDGET} characters of a batch; this document's rows are in the metrics table.</p>")
            }
        };
        write!(
            self.sections,
            r#"<article id="doc-{id}"><h2>{title}</h2><p class="meta">{id} · {path} · {n} metrics · {chars} characters</p>{body}</article>"#,
            id = escape(&doc.doc_id),
            title = escape(if doc.title.is_empty() {
                &doc.doc_id
            } else {
                &doc.title
            }),
            path = escape(&doc.path),
            n = count,
        )?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<AtomicFile>> {
        let kinds: Vec<(String, usize, &str)> = Kind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_string(),
                    self.by_kind.get(k).copied().unwrap_or(0),
                    k.as_str(),
                )
            })
            .collect();
        let mut documents = self.by_document.clone();
        documents.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        documents.truncate(CHART_DOCUMENTS);
        let doc_bars: Vec<(String, usize, &str)> =
            documents.into_iter().map(|(d, n)| (d, n, "")).collect();
        let filters: String = Kind::ALL
            .iter()
            .map(|k| format!(r#"<label><input type="checkbox" value="{k}" checked><span class="swatch k-{k}"></span>{k}</label>"#))
            .collect();
        let skipped: String = self
            .skipped
            .iter()
            .map(|(p, e)| format!("<li>{} — {}</li>", escape(p), escape(e)))
            .collect();
        let skipped = if skipped.is_empty() {
            String::new()
        } else {
            format!(
                r#"<section class="skipped"><h2>Skipped inputs</h2><ul>{skipped}</ul></section>"#
            )
        };
        let head = format!(
            r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>zhibiao report</title><style>{STYLE}</style></head>
<body><header><h1>指标 zhibiao · review</h1>
<div class="stats"><span><b>{docs}</b> documents</span><span><b>{rows}</b> metrics</span><span><b>{skipped_n}</b> skipped</span></div>
{kind_chart}{doc_chart}</header>
<main><div class="filters">{filters}</div>{skipped}"#,
            docs = self.by_document.len(),
            rows = self.rows,
            skipped_n = self.skipped.len(),
            kind_chart = bar_chart("Rows per kind", &kinds),
            doc_chart = bar_chart("Rows per document (most first)", &doc_bars),
        );
        self.file.write_all(head.as_bytes())?;
        let mut sections = self.sections.into_inner().map_err(|e| e.into_error())?;
        sections.seek(SeekFrom::Start(0))?;
        std::io::copy(&mut sections, &mut self.file)?;
        write!(
            self.file,
            "</main>\n<script>{SCRIPT}</script></body></html>\n"
        )?;
        Ok(vec![self.file])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Extractor;

    /// `text` with the bundled rules' metrics highlighted.
    fn highlight(text: &str) -> String {
        let extractor = Extractor::bundled().unwrap();
        highlighted(text, &extractor.extract("d", text))
    }

    #[test]
    fn highlights_every_metric_and_escapes_text() {
        let html = highlight("<b>挽损14.3亿元</b>，增长5.4%");
        assert_eq!(html.matches("data-rule=").count(), 2);
        assert!(html.starts_with("&lt;b&gt;挽损<mark class=\"m k-money\""));
        assert!(html.contains("data-value=\"1430000000\""));
        assert!(html.contains(">5.4%</mark>"));
    }

    #[test]
    fn blank_lines_collapse_around_highlights() {
        let html = highlight("\n\n  标题\n\n\n\n挽损14.3亿元\n \n \n增长5.4%<");
        assert!(html.starts_with("标题\n\n挽损<mark"), "{html}");
        assert!(html.contains(">14.3亿元</mark>\n \n 增长<mark"), "{html}");
        assert!(html.ends_with(">5.4%</mark>&lt;"), "{html}");
    }

    #[test]
    fn text_past_the_budget_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let mut sink = ReportSink::create(dir.path()).unwrap();
        sink.text_left = 10;
        let extractor = Extractor::bundled().unwrap();
        for (id, text) in [
            ("a", "挽损14.3亿元"),
            ("b", "增长5.4%，又增长6.1%"),
            ("c", "增长1%"),
        ] {
            let metrics = extractor.extract(id, text);
            let doc = DocumentRecord {
                doc_id: id.to_string(),
                path: format!("{id}.txt"),
                title: String::new(),
                chars: text.chars().count() as u64,
                metrics: metrics.len() as u64,
                pages: None,
                encoding: "UTF-8".to_string(),
                sha256: String::new(),
                status: "ok".to_string(),
                ..DocumentRecord::default()
            };
            sink.write_rows(&metrics).unwrap();
            sink.write_document(&doc, text, Some(&metrics)).unwrap();
        }
        let file = Box::new(sink).finish().unwrap().remove(0);
        let html = std::fs::read_to_string(file.commit().unwrap()).unwrap();
        assert_eq!(html.matches("<mark").count(), 1, "only a's text fits");
        assert_eq!(
            html.matches("Text left out").count(),
            2,
            "b does not fit, nor c after it"
        );
        assert!(
            html.contains("<b>4</b> metrics"),
            "the summary counts every row"
        );
    }

    #[test]
    fn character_offsets_map_to_bytes_in_one_walk() {
        let mut offsets = ByteOffsets::new("甲a乙");
        assert_eq!(offsets.byte(1), 3);
        assert_eq!(offsets.byte(2), 4);
        assert_eq!(offsets.byte(3), 7);
        assert_eq!(offsets.byte(9), 7);
        assert_eq!(offsets.byte(0), 0);
    }
}
