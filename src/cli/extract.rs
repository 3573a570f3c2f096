//! `zhibiao extract`: files and folders in, tables out. Also the default job.

use std::path::PathBuf;

use anyhow::Result;
use zhibiao::batch::{self, BatchOptions, Summary};
use zhibiao::sink::Format;

use super::{extractor_or_exit, EXIT_OK, EXIT_SOME_FAILED};

/// Arguments of `zhibiao extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files and folders to read (folders recursively, in sorted order).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Folder of rule files (default: ./rules if present, else the built-in rules).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Output folder.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// Output formats, comma-separated: csv, parquet, jsonl.
    #[arg(long, default_value = "csv,parquet")]
    format: String,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    /// Write CSV without the UTF-8 byte order mark.
    #[arg(long)]
    no_bom: bool,
}

impl Args {
    /// The main job: `input/` with the rules into `output/`.
    pub fn default_job() -> Args {
        Args {
            paths: vec![PathBuf::from("input")],
            rules: None,
            out: PathBuf::from("output"),
            format: "csv,parquet".into(),
            jobs: 0,
            no_bom: false,
        }
    }
}

/// Runs the extraction and prints the summary.
pub fn run(args: Args) -> Result<u8> {
    let formats = Format::parse_list(&args.format)?;
    let extractor = match extractor_or_exit(args.rules.as_deref()) {
        Ok(e) => e,
        Err(code) => return Ok(code),
    };
    let options = BatchOptions {
        inputs: args.paths,
        out_dir: args.out,
        formats,
        jobs: args.jobs,
        csv_bom: !args.no_bom,
    };
    let summary = batch::run(&extractor, &options)?;
    print_summary(&summary);
    Ok(if summary.skipped.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}

fn print_summary(s: &Summary) {
    let secs = s.elapsed.as_secs_f64();
    let mb = s.bytes as f64 / 1e6;
    eprintln!(
        "{} documents, {} rows in {:.2}s ({:.1} MB/s)",
        s.documents,
        s.rows,
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 }
    );
    let kinds: Vec<String> = s.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    if !kinds.is_empty() {
        eprintln!("  rows by kind: {}", kinds.join(", "));
    }
    if s.ignored > 0 {
        eprintln!(
            "  {} file(s) in folders passed over (not .txt/.md/.html)",
            s.ignored
        );
    }
    for w in &s.warnings {
        eprintln!("  warning: {}: {}", w.path.display(), w.reason);
    }
    if !s.skipped.is_empty() {
        eprintln!("  {} input(s) skipped:", s.skipped.len());
        for k in &s.skipped {
            eprintln!("    {}: {}", k.path.display(), k.reason);
        }
    }
    for o in &s.outputs {
        eprintln!("  wrote {}", o.display());
    }
}
