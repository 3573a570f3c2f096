//! `zhibiao docs`: the decoded text of every input as JSON Lines on standard
//! output, ready for `zhibiao extract --jsonl-in -` or a Spark job.

use std::path::PathBuf;

use anyhow::Result;
use zhibiao::app::docs::write_documents;
use zhibiao::input::meta_file::MetaTable;

use super::{EXIT_OK, EXIT_SOME_FAILED};

/// Arguments of `zhibiao docs`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Each line is {\"doc_id\", \"path\", \"text\", \"published\"}, with the ids, decoding and
publication dates of `zhibiao extract`; an input that cannot be read gives
{\"doc_id\", \"path\", \"error\"} and exit status 1.

Example:
  zhibiao docs bulletins/ > docs.jsonl
  zhibiao extract --jsonl-in docs.jsonl --jsonl-out metrics.jsonl")]
pub struct Args {
    /// Files and folders, read as `extract` reads them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Publication dates: a CSV or JSON Lines file with a `published` column
    /// and a `doc_id` or `path` column.
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
}

/// Writes the documents to standard output.
pub fn run(args: Args) -> Result<u8> {
    let meta = MetaTable::load_given(args.meta.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let unreadable = write_documents(&args.paths, &meta, &mut out)?;
    for bad in &unreadable {
        eprintln!("skipped {}: {}", bad.path.display(), bad.reason);
    }
    Ok(if unreadable.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}
