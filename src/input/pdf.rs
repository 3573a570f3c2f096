//! Text of a PDF, through poppler's `pdftotext -enc UTF-8` (pages end with a
//! form feed). When the tool is missing, the file is skipped with that reason.
//!
//! pdftotext breaks every line where the page does, inside sentences and even
//! inside words (同比增\n长5.2%). Lines that run the page's full width and end
//! in no sentence-final sign are joined to the next, so that a paragraph reads
//! as one line again; short lines (titles, headings) and page ends stay.

use std::path::Path;
use std::process::Command;

use crate::model::published::Published;

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
        return Err(format!("pdftotext failed: {}", pdftotext_error(&err)));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let pages = text.trim_end_matches('\u{c}').matches('\u{c}').count() as u64 + 1;
    let text: Vec<String> = text.split('\u{c}').map(unwrap_lines).collect();
    Ok((text.join("\n"), pages))
}

/// The line of pdftotext's messages that says why it failed: the last one
/// that reports an error (its first lines are often warnings about the
/// file's structure), else its last line.
fn pdftotext_error(messages: &str) -> &str {
    let lines = || messages.lines().map(str::trim).filter(|l| !l.is_empty());
    lines()
        .rfind(|l| l.starts_with("Error") || l.starts_with("Syntax Error"))
        .or_else(|| lines().next_back())
        .unwrap_or("")
}

/// When a PDF says it was made: the creation date of its info dictionary,
/// through poppler's `pdfinfo -isodates`. `None` when the tool or the date is missing.
pub fn pdf_published(path: &Path) -> Option<Published> {
    let output = Command::new("pdfinfo")
        .arg("-isodates")
        .arg(path)
        .output()
        .ok()?;
    let info = String::from_utf8_lossy(&output.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("CreationDate:"))
        .and_then(|d| Published::parse(d.trim()))
}

/// Share of the page's line width from which a line counts as wrapped.
const FULL_LINE_PERCENT: usize = 85;

/// `page` with the line breaks inside its paragraphs removed: a line at
/// least [`FULL_LINE_PERCENT`] of the page's width (its widest lines but a
/// tenth) that ends in no sentence-final sign is joined to the next line.
/// Between two Latin letters or digits the break becomes a space.
fn unwrap_lines(page: &str) -> String {
    let lines: Vec<&str> = page.split('\n').collect();
    let widths: Vec<usize> = lines.iter().map(|l| display_width(l.trim())).collect();
    let mut sorted: Vec<usize> = widths.iter().copied().filter(|&w| w > 0).collect();
    sorted.sort_unstable();
    let Some(&full) = sorted.get(sorted.len() * 9 / 10) else {
        return page.to_string();
    };
    let wrapped = |i: usize| {
        widths[i] * 100 >= full * FULL_LINE_PERCENT
            && widths.get(i + 1).is_some_and(|&w| w > 0)
            && !ends_sentence(lines[i].trim_end())
    };
    let mut out = String::with_capacity(page.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            if !wrapped(i - 1) {
                out.push('\n');
            } else if ends_in_word(&out)
                && line
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
        }
        if wrapped(i) {
            out.push_str(line.trim_end());
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The width a line takes: Chinese characters and full-width signs count two.
fn display_width(line: &str) -> usize {
    line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// True when `line` ends a sentence (。！？；：), perhaps inside a closing
/// quote or bracket.
fn ends_sentence(line: &str) -> bool {
    let body = line.trim_end_matches(['”', '’', '」', '』', '）', ')', '"', '\'']);
    body.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':'])
}

/// True when `text` ends in a Latin letter or a digit.
fn ends_in_word(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_line_is_reported_rather_than_a_warning() {
        let messages = "Syntax Warning: May not be a PDF file (continuing anyway)\nSyntax Error: Couldn't find trailer dictionary\nSyntax Error: Couldn't read xref table\n";
        assert_eq!(
            pdftotext_error(messages),
            "Syntax Error: Couldn't read xref table"
        );
        assert_eq!(pdftotext_error("Something odd\n"), "Something odd");
    }

    #[test]
    fn wrapped_lines_join_and_short_ones_stay() {
        let page = "2025年经济运行情况\n\
                    全年全市规模以上工业企业实现利润总额1356.2亿元，同比增\n\
                    长5.2%；营业收入2.85万亿元，增长3.1%，营业收入利润率为\n\
                    4.76%。\n\
                    一、农业\n\
                    全年粮食总产量1095.9万吨，比上年增长0.5%，生猪出栏1798\n\
                    万头。";
        assert_eq!(
            unwrap_lines(page),
            "2025年经济运行情况\n\
             全年全市规模以上工业企业实现利润总额1356.2亿元，同比增长5.2%；营业收入2.85万亿元，增长3.1%，营业收入利润率为4.76%。\n\
             一、农业\n\
             全年粮食总产量1095.9万吨，比上年增长0.5%，生猪出栏1798万头。"
        );
    }

    #[test]
    fn a_full_line_that_ends_a_sentence_stays() {
        let page = "全年全市地区生产总值增长6.1%，一般公共预算收入增长3.2%。\n\
                    全年全市规模以上工业增加值增长6.6%，建筑业总产值下降2.3%，\n\
                    固定资产投资增长4.0%。";
        let out = unwrap_lines(page);
        assert_eq!(out.lines().count(), 2, "{out}");
        assert!(out.contains("下降2.3%，固定资产"), "{out}");
    }

    #[test]
    fn latin_words_keep_a_space() {
        let page = "The fund invested 12 billion yuan in the new port and the\n\
                    railway, up 5 percent on the year before, and more in 2025\nend";
        assert!(unwrap_lines(page)
            .starts_with("The fund invested 12 billion yuan in the new port and the railway,"));
    }
}
