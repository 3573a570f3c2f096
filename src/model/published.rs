//! When a document was published, and where that date came from.
//!
//! The date dates what the prose leaves relative (今年, 本月, 目前) and, when
//! nothing else does, every figure of the document. It comes from a metadata
//! file (`--meta`), the stream's `published` field, the document's own
//! metadata (HTML `<meta>`, DOCX core properties, PDF info) or a dateline near
//! the top of the text.

use once_cell::sync::Lazy;
use regex::Regex;

/// A publication date: a year, with the month and day when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Published {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: Option<u32>,
    /// The day of the month.
    pub day: Option<u32>,
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PublishedSource {
    /// A `--meta` file.
    Meta,
    /// The `published` field of a stream line.
    Stream,
    /// An HTML `<meta>` or `<time>` element.
    Html,
    /// A DOCX file's core properties.
    Docx,
    /// A PDF file's info dictionary.
    Pdf,
    /// A dateline near the top of the text.
    Text,
    /// No date was found.
    #[default]
    None,
}

impl PublishedSource {
    /// The name written in the documents table.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::Meta => "meta",
            PublishedSource::Stream => "stream",
            PublishedSource::Html => "html",
            PublishedSource::Docx => "docx",
            PublishedSource::Pdf => "pdf",
            PublishedSource::Text => "text",
            PublishedSource::None => "none",
        }
    }
}

/// An ISO date with the month and day optional, possibly followed by a time
/// (`2025`, `2025-01`, `2025-01-15`, `2025-01-15T08:00:00+08:00`), or the
/// same with `/` or `.` (`2025/1/15`).
static ISO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\s*((?:19|20)[0-9]{2})(?:[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?)?(?:[T ].*)?\s*$",
    )
    .expect("valid ISO date pattern")
});

/// A date written in Chinese: 2025年1月15日, 2025年1月.
static WRITTEN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?")
        .expect("valid written date pattern")
});

/// A PDF date: `D:20250115083000+08'00'`.
static PDF_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:D:)?((?:19|20)[0-9]{2})([0-9]{2})?([0-9]{2})?")
        .expect("valid PDF date pattern")
});

impl Published {
    /// Reads an ISO date (day and month optional, a time after it ignored) or
    /// a PDF date (`D:20250115…`). `None` for anything else or an impossible date.
    pub fn parse(text: &str) -> Option<Published> {
        let caps = ISO
            .captures(text)
            .or_else(|| PDF_DATE.captures(text.trim()))?;
        Published::from_parts(
            caps.get(1)?.as_str(),
            caps.get(2).map(|m| m.as_str()),
            caps.get(3).map(|m| m.as_str()),
        )
    }

    /// The first date written in Chinese with at least its month (2025年1月15日).
    pub fn find_written(text: &str) -> Option<Published> {
        WRITTEN.captures_iter(text).find_map(|caps| {
            Published::from_parts(
                caps.get(1)?.as_str(),
                caps.get(2).map(|m| m.as_str()),
                caps.get(3).map(|m| m.as_str()),
            )
        })
    }

    fn from_parts(year: &str, month: Option<&str>, day: Option<&str>) -> Option<Published> {
        let year = year.parse().ok()?;
        let month = match month {
            Some(m) => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match day {
            Some(d) => Some(d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        Some(Published { year, month, day })
    }

    /// The date at its own grain: `2025`, `2025-01` or `2025-01-15`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{}-{m:02}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// The period a figure dated only by publication gets: the month when
    /// known (`2025-01`), else the year.
    pub fn period(&self) -> String {
        match self.month {
            Some(m) => format!("{}-{m:02}", self.year),
            None => self.year.to_string(),
        }
    }
}

/// How many characters from the top of a text a dateline is looked for in.
const DATELINE_WINDOW: usize = 300;

/// A dateline near the top of a text: a full date (year, month and day) in the
/// first lines, as news and releases print one under the headline
/// (发布时间：2025年1月15日, 2025-01-15 10:30 来源：…). A date inside a sentence
/// (2024年1月8日，警察节…) dates an event, not the text, and is not taken.
pub fn dateline(text: &str) -> Option<Published> {
    let head: String = text.chars().take(DATELINE_WINDOW).collect();
    head.lines().find_map(|line| {
        let line = line.trim();
        let written = WRITTEN.captures(line).filter(|c| c.get(3).is_some());
        let (m, date) = match written {
            Some(c) => {
                let m = c.get(0)?;
                (m, Published::find_written(m.as_str())?)
            }
            None => {
                let m = ISO_IN_LINE.find(line)?;
                (m, Published::parse(m.as_str())?)
            }
        };
        let after = line[m.end()..].trim_start();
        let is_sentence = after.starts_with(['，', ',', '、']);
        (!is_sentence).then_some(date)
    })
}

/// A full ISO date inside a line (2025-01-15).
static ISO_IN_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}").expect("valid date pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: Option<u32>, day: Option<u32>) -> Option<Published> {
        Some(Published { year, month, day })
    }

    #[test]
    fn iso_dates_at_every_grain() {
        assert_eq!(Published::parse("2025"), date(2025, None, None));
        assert_eq!(Published::parse("2025-01"), date(2025, Some(1), None));
        assert_eq!(
            Published::parse("2025-01-15"),
            date(2025, Some(1), Some(15))
        );
        assert_eq!(
            Published::parse("2025-01-15T08:00:00+08:00"),
            date(2025, Some(1), Some(15))
        );
        assert_eq!(Published::parse("2025/1/5"), date(2025, Some(1), Some(5)));
        assert_eq!(
            Published::parse("D:20250115083000+08'00'"),
            date(2025, Some(1), Some(15))
        );
        assert_eq!(Published::parse("2025-13-01"), None);
        assert_eq!(Published::parse("soon"), None);
        assert_eq!(Published::parse(""), None);
    }

    #[test]
    fn a_date_is_written_back_at_its_grain() {
        assert_eq!(Published::parse("2025-01-15").unwrap().iso(), "2025-01-15");
        assert_eq!(Published::parse("2025-01").unwrap().iso(), "2025-01");
        assert_eq!(Published::parse("2025-01-15").unwrap().period(), "2025-01");
        assert_eq!(Published::parse("2025").unwrap().period(), "2025");
    }

    #[test]
    fn a_dateline_under_the_headline_is_the_publication_date() {
        let text = "全市经济运行情况\n发布时间：2025年3月18日 来源：市统计局\n1-2月，全市…";
        assert_eq!(dateline(text), date(2025, Some(3), Some(18)));
        let text = "标题\n2024-11-02 09:30  来源：新华网\n正文";
        assert_eq!(dateline(text), date(2024, Some(11), Some(2)));
    }

    #[test]
    fn a_date_opening_a_sentence_is_no_dateline() {
        assert_eq!(dateline("警察节\n2024年1月8日，警察节到来。"), None);
        assert_eq!(dateline("标题\n2024年全市增长5%"), None);
    }
}
