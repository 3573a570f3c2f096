//! `zhibiao explain`: every match in a text, with the rule, the resolved value,
//! the attributes and how they were decided, the matches that lost an overlap
//! and the matches a guard turned away, with the reason.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Result};
use zhibiao::engine::Extraction;
use zhibiao::input::reader::read_document;
use zhibiao::model::published::Published;

use super::{extractor_or_exit, EXIT_OK};

/// Arguments of `zhibiao explain`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A file to explain, read as `extract` reads it (text, HTML, DOCX, PDF).
    file: Option<PathBuf>,
    /// Explain this text instead of a file.
    #[arg(long, conflicts_with = "file")]
    text: Option<String>,
    /// Folder of rule files (default: ./rules if present, else the built-in rules).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// When the text was published (2025, 2025-01 or 2025-01-15): dates what it leaves relative.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Published>,
}

/// Reads `--published`.
fn parse_published(text: &str) -> Result<Published, String> {
    Published::parse(text)
        .ok_or_else(|| format!("not a date: `{text}` (write 2025, 2025-01 or 2025-01-15)"))
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Prints the trace of one text.
pub fn run(args: Args) -> Result<u8> {
    let mut published = args.published;
    let text = match (&args.text, &args.file) {
        (Some(t), _) => t.clone(),
        (None, Some(path)) => {
            let read = read_document(path)
                .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.reason))?;
            published = published.or(read.document.published.map(|(d, _)| d));
            read.document.text
        }
        (None, None) => bail!("give a FILE or --text"),
    };
    let extractor = match extractor_or_exit(args.rules.as_deref()) {
        Ok(e) => e,
        Err(code) => return Ok(code),
    };
    let trace = extractor.extract_traced("explain", &text, published);
    let style = Style {
        on: std::io::stdout().is_terminal(),
    };
    print!("{}", render(&extractor, &trace, &style));
    Ok(EXIT_OK)
}

fn render(extractor: &zhibiao::engine::Extractor, trace: &Extraction, style: &Style) -> String {
    let mut out = String::new();
    let rules = &extractor.rules().rules;
    for (m, decided) in trace.metrics.iter().zip(&trace.decisions) {
        let origin = rules
            .iter()
            .find(|r| r.id == m.rule_id)
            .map(|r| format!("{}:{}", r.file, r.line))
            .unwrap_or_default();
        let high = m.value_high.map(|h| format!("–{h}")).unwrap_or_default();
        out.push_str(&format!(
            "{} [{}..{}]  {} {}\n",
            style.paint("1;32", &m.text),
            m.start,
            m.end,
            style.paint("36", &m.rule_id),
            style.paint("2", &origin)
        ));
        out.push_str(&format!(
            "    {} {}{} {}  qualifier {}  direction {}  comparison {}\n",
            m.kind,
            m.value,
            high,
            m.unit,
            m.qualifier,
            m.direction.map_or("-", |d| d.as_str()),
            m.comparison.map_or("-", |c| c.as_str()),
        ));
        out.push_str(&format!(
            "    subject {} ({})\n    period {} ({})\n",
            style.paint(
                "33",
                if m.subject.is_empty() {
                    "-"
                } else {
                    &m.subject
                }
            ),
            decided.subject,
            m.period.as_deref().unwrap_or("-"),
            decided.period,
        ));
    }
    if !trace.losers.is_empty() {
        out.push_str(&style.paint("1", "lost overlaps:\n"));
        for l in &trace.losers {
            out.push_str(&format!(
                "  {} [{}] {} lost to {} {}: {}\n",
                style.paint("31", &l.text),
                l.start,
                l.rule_id,
                l.winner_text,
                l.winner_rule_id,
                l.reason
            ));
        }
    }
    if !trace.rejected.is_empty() {
        out.push_str(&style.paint("1", "turned away:\n"));
        for r in &trace.rejected {
            out.push_str(&format!(
                "  {} [{}] {}: {}\n",
                style.paint("31", &r.text),
                r.start,
                r.rule_id,
                r.why.reason()
            ));
        }
    }
    out.push_str(&format!("{} rows\n", trace.metrics.len()));
    out
}
