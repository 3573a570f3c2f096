//! Visible text of an HTML page: no scripts, styles, comments or attributes.
//!
//! The page is streamed through an HTML rewriter (`lol_html`) that drops hidden
//! elements, comments and the doctype, removes every tag while keeping its
//! content, and ends block elements with a line break; entities are then
//! decoded. Streaming keeps time and memory linear however deep the nesting.

use std::cell::RefCell;

use lol_html::html_content::ContentType;
use lol_html::{comments, doctype, element, HtmlRewriter, Settings};

use crate::model::published::Published;

/// Elements whose content is never shown.
const HIDDEN: &str = "script, style, noscript, template, iframe, svg, head > :not(title)";

/// Elements that end a line.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "title",
    "hr",
];

/// The visible text of an HTML document (the title, if any, first).
pub fn visible_text(html: &str) -> Result<String, String> {
    let mut out = Vec::with_capacity(html.len() / 2);
    let blocks = BLOCKS.join(", ");
    let settings = Settings::new()
        .append_element_content_handler(element!(HIDDEN, |el| {
            el.remove();
            Ok(())
        }))
        .append_element_content_handler(element!(blocks.as_str(), |el| {
            el.after("\n", ContentType::Text);
            Ok(())
        }))
        .append_element_content_handler(element!("*", |el| {
            el.remove_and_keep_content();
            Ok(())
        }))
        .append_element_content_handler(comments!("*", |c| {
            c.remove();
            Ok(())
        }))
        .append_document_content_handler(doctype!(|d| {
            d.remove();
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| out.extend_from_slice(chunk));
    rewriter
        .write(html.as_bytes())
        .map_err(|e| format!("HTML: {e}"))?;
    rewriter.end().map_err(|e| format!("HTML: {e}"))?;
    let raw = String::from_utf8_lossy(&out);
    let decoded = html_escape::decode_html_entities(&raw);
    Ok(tidy(&decoded))
}

/// The `<meta>` names and properties that carry a page's publication date,
/// as news sites and Chinese government sites write them.
const DATE_METAS: [&str; 8] = [
    "article:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "firstpublishedtime",
    "dc.date",
    "dcterms.issued",
    "date",
];

/// When a page says it was published: the first of its date `<meta>`
/// elements (in [`DATE_METAS`] order) or `<time datetime>` that holds a date.
pub fn html_published(html: &str) -> Option<Published> {
    let found: RefCell<Vec<(usize, String)>> = RefCell::new(Vec::new());
    let settings = Settings::new()
        .append_element_content_handler(element!("meta[content]", |el| {
            let key = el
                .get_attribute("property")
                .or_else(|| el.get_attribute("name"))
                .or_else(|| el.get_attribute("itemprop"))
                .unwrap_or_default()
                .to_ascii_lowercase();
            if let (Some(rank), Some(content)) = (
                DATE_METAS.iter().position(|m| *m == key),
                el.get_attribute("content"),
            ) {
                found.borrow_mut().push((rank, content));
            }
            Ok(())
        }))
        .append_element_content_handler(element!("time[datetime]", |el| {
            if let Some(when) = el.get_attribute("datetime") {
                found.borrow_mut().push((DATE_METAS.len(), when));
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html.as_bytes()).ok()?;
    rewriter.end().ok()?;
    let mut found = found.into_inner();
    found.sort_by_key(|(rank, _)| *rank);
    found.iter().find_map(|(_, when)| Published::parse(when))
}

/// Collapses runs of spaces and blank lines left by markup.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_visible_text_only() {
        let html = r#"<!DOCTYPE html><html><head><title>通报</title><style>p{color:red}</style>
            <script>var x = "增长99%";</script><meta content="下降7%"></head>
            <body><!-- 下降50% --><p class="增长1%">破案率提升<b>17.8</b>个百分点</p><div>挽损14.3亿元 &amp; 其他</div></body></html>"#;
        assert_eq!(
            visible_text(html).unwrap(),
            "通报\n破案率提升17.8个百分点\n挽损14.3亿元 & 其他"
        );
    }

    #[test]
    fn the_publication_date_comes_from_meta_or_time() {
        let page = r#"<html><head><meta name="keywords" content="2020-01-01">
            <meta property="article:published_time" content="2025-03-18T10:00:00+08:00">
            </head><body>正文</body></html>"#;
        assert_eq!(html_published(page).unwrap().iso(), "2025-03-18");
        let page = r#"<html><head><meta name="PubDate" content="2024-11-02 09:30"></head></html>"#;
        assert_eq!(html_published(page).unwrap().iso(), "2024-11-02");
        let page = r#"<body><time datetime="2023-10-24">10月24日</time></body>"#;
        assert_eq!(html_published(page).unwrap().iso(), "2023-10-24");
        assert_eq!(html_published("<p>2025年</p>"), None);
    }

    #[test]
    fn deep_nesting_stays_linear() {
        let html = "<div>".repeat(100_000) + "共79名" + &"</div>".repeat(100_000);
        assert_eq!(visible_text(&html).unwrap(), "共79名");
    }
}
