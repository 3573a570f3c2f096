//! Visible text of an HTML page: no scripts, styles, comments or attributes.
//!
//! The page is streamed through an HTML rewriter (`lol_html`) that drops hidden
//! elements, comments and the doctype, removes every tag while keeping its
//! content, and ends block elements with a line break; entities are then
//! decoded. Streaming keeps time and memory linear however deep the nesting.

use lol_html::html_content::ContentType;
use lol_html::{comments, doctype, element, HtmlRewriter, Settings};

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
    fn deep_nesting_stays_linear() {
        let html = "<div>".repeat(100_000) + "共79名" + &"</div>".repeat(100_000);
        assert_eq!(visible_text(&html).unwrap(), "共79名");
    }
}
