//! `zhibiao explain`: every match in a text, with the rule, the resolved value,
//! the attributes and how they were decided, the matches that lost an overlap
//! and the matches a guard turned away, with the reason.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Result};
use zhibiao::input::reader::read_document;
use zhibiao::model::published::Published;
use zhibiao::sink::trace::render_trace;

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
    let color = std::io::stdout().is_terminal();
    print!("{}", render_trace(extractor.rules(), &trace, color));
    Ok(EXIT_OK)
}
