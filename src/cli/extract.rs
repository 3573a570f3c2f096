//! `zhibiao extract`: files and folders in, tables out. Also the default job.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use zhibiao::app::batch::{self, BatchOptions, Progress, Summary};
use zhibiao::app::stream::run_stream;
use zhibiao::engine::Extractor;
use zhibiao::input::meta_file::MetaTable;
use zhibiao::sink::Format;

use super::{checked_extractor_or_exit, EXIT_OK, EXIT_SOME_FAILED};

/// The formats written when none are asked for.
const DEFAULT_FORMATS: &str = "csv,parquet,datapackage,report";

/// The folder the main job reads.
pub const DEFAULT_INPUT: &str = "input";

/// Examples and facts for `zhibiao extract --help`.
const EXTRACT_HELP: &str = "Files read: .txt .text .md .html .htm .pdf .docx in folders (walked \
recursively, in sorted order); a path named on the command line is read whatever its name. \
Text may be UTF-8, UTF-16 with a BOM or GB18030/GBK.

Examples:
  zhibiao extract bulletins/ --out tables/
  zhibiao extract a.txt b.html --format csv,xlsx --meta feed.csv
  zhibiao extract --jsonl-in docs.jsonl --jsonl-out metrics.jsonl

Exit status: 0 everything processed; 1 tables written but some inputs skipped, or some \
stream lines failed; 2 usage, rules or output error, nothing written.";

/// Arguments of `zhibiao extract`.
#[derive(clap::Args, Debug)]
#[command(after_help = EXTRACT_HELP)]
pub struct Args {
    /// Files and folders to read (folders recursively, in sorted order).
    #[arg(required_unless_present = "jsonl_in")]
    paths: Vec<PathBuf>,
    /// Stream mode: read `{"doc_id", "text"}` lines from this file (`-` for stdin)
    /// and write one JSON metric per line to --jsonl-out.
    #[arg(
        long,
        value_name = "FILE",
        requires = "jsonl_out",
        conflicts_with = "paths"
    )]
    jsonl_in: Option<PathBuf>,
    /// Stream mode: where metric lines go (`-` for stdout).
    #[arg(long, value_name = "FILE", requires = "jsonl_in")]
    jsonl_out: Option<PathBuf>,
    /// Folder of rule files (default: ./rules if present, else the built-in rules).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Output folder.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// Output formats, comma-separated: csv, parquet, jsonl, datapackage, report, xlsx,
    /// sqlite. The list replaces the default (csv,parquet,datapackage,report); stream
    /// mode writes JSON Lines only and refuses it.
    #[arg(long, conflicts_with = "jsonl_in")]
    format: Option<String>,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    /// Write CSV without the UTF-8 byte order mark.
    #[arg(long)]
    no_bom: bool,
    /// Publication dates: a CSV or JSON Lines file with a `published` column
    /// and a `doc_id` or `path` column.
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
}

impl Args {
    /// The main job: `input/` with the rules into `output/`.
    pub fn default_job() -> Args {
        Args {
            paths: vec![PathBuf::from(DEFAULT_INPUT)],
            jsonl_in: None,
            jsonl_out: None,
            rules: None,
            out: PathBuf::from("output"),
            format: None,
            jobs: 0,
            no_bom: false,
            meta: None,
        }
    }
}

/// Runs the extraction and prints the summary.
pub fn run(args: Args) -> Result<u8> {
    let formats = Format::parse_list(args.format.as_deref().unwrap_or(DEFAULT_FORMATS))?;
    let extractor = match checked_extractor_or_exit(args.rules.as_deref()) {
        Ok(e) => e,
        Err(code) => return Ok(code),
    };
    if let (Some(input), Some(output)) = (&args.jsonl_in, &args.jsonl_out) {
        return stream(&extractor, input, output);
    }
    let meta = MetaTable::load_given(args.meta.as_deref())?;
    let options = BatchOptions {
        meta,
        inputs: args.paths,
        out_dir: args.out,
        formats,
        jobs: worker_count(args.jobs),
        csv_bom: !args.no_bom,
    };
    let bar = progress_bar();
    let mut report = |p: Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total_files as u64);
            bar.set_position(p.files as u64);
            bar.set_message(format!("{:.1} MB, {} rows", p.bytes as f64 / 1e6, p.rows));
        }
    };
    let summary = batch::run(&extractor, &options, &mut report)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    print_summary(&summary);
    Ok(if summary.skipped.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}

/// Most worker threads per core: more only add memory and switching.
const MAX_JOBS_PER_CORE: usize = 4;

/// The worker count to use for `--jobs`: as asked (0 for one per core), but
/// at most [`MAX_JOBS_PER_CORE`] per core, with a message when capped.
fn worker_count(asked: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cap = cores * MAX_JOBS_PER_CORE;
    if asked > cap {
        eprintln!("--jobs {asked} is more than this machine can use; running {cap} workers ({cores} cores)");
        cap
    } else {
        asked
    }
}

/// A progress bar on stderr when it is a terminal; nothing on a pipe.
fn progress_bar() -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(0);
    let style =
        ProgressStyle::with_template("{bar:30} {pos}/{len} files · {msg} · ETA {eta}").ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Stream mode: JSON Lines in, JSON Lines out.
fn stream(extractor: &Extractor, input: &Path, output: &Path) -> Result<u8> {
    let reader: Box<dyn BufRead> = if input == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let file = File::open(input).with_context(|| format!("cannot read {}", input.display()))?;
        Box::new(BufReader::new(file))
    };
    let writer: Box<dyn Write> = if output == Path::new("-") {
        if stdout_was_closed() {
            anyhow::bail!("standard output is closed: nowhere to write the rows");
        }
        Box::new(std::io::stdout().lock())
    } else {
        let file =
            File::create(output).with_context(|| format!("cannot write {}", output.display()))?;
        Box::new(BufWriter::new(file))
    };
    let s = run_stream(extractor, reader, writer)?;
    eprintln!(
        "{}, {}, {}",
        counted(s.documents, "document"),
        counted(s.rows, "row"),
        counted(s.errors, "error record")
    );
    Ok(if s.errors == 0 {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}

/// True when standard output was closed when the program started (`>&-`):
/// the runtime then puts /dev/null, opened for reading and writing, in its
/// place, and every row would vanish. A redirection to /dev/null opens it
/// for writing only, so that one is still allowed.
#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    let read_write = std::fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            u32::from_str_radix(flags.trim(), 8).ok()
        })
        .is_some_and(|flags| flags & 0o3 == 0o2);
    is_null && read_write
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}

/// The most memory this process has held, in KiB, where the system says
/// (Linux's `VmHWM`): what a batch machine must have for a run like this one.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// `n` and the noun, plural unless one: `1 document`, `3 rows`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn print_summary(s: &Summary) {
    let secs = s.elapsed.as_secs_f64();
    let mb = s.bytes as f64 / 1e6;
    eprintln!(
        "{} read, {} skipped, {} in {:.2}s ({:.1} MB/s)",
        counted(s.documents, "document"),
        s.skipped.len(),
        counted(s.rows, "row"),
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 }
    );
    let kinds: Vec<String> = s.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    if !kinds.is_empty() {
        eprintln!("  rows by kind: {}", kinds.join(", "));
    }
    if let Some(kb) = peak_memory_kb() {
        eprintln!("  peak memory: {} MB", kb / 1024);
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
