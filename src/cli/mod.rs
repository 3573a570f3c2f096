//! Command-line parsing and dispatch: one file per subcommand.

mod check;
mod diff;
mod docs;
mod explain;
mod extract;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};
use zhibiao::engine::Extractor;
use zhibiao::rules::{RuleErrors, RuleSet};

/// Turn Chinese prose reports into tidy metrics tables.
///
/// With no command, extracts every document in `input/` with the rules in
/// `rules/` into `output/`.
#[derive(Parser, Debug)]
#[command(name = "zhibiao", version, about, long_about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract metrics from files and folders into tables.
    Extract(extract::Args),
    /// Validate the rules and run their examples.
    Check(check::Args),
    /// Show every match in a text with its rule, value and attributes.
    Explain(explain::Args),
    /// Compare two runs' metrics tables row by row (exit 1 when they differ).
    Diff(diff::Args),
    /// Write the decoded text of every input as JSON Lines, for stream mode or Spark.
    Docs(docs::Args),
}

/// The exit codes, for `--help`.
const EXIT_CODES: &str =
    "Exit status: 0 everything processed; 1 done, but some inputs were skipped \
(extract), some stream lines failed, examples failed (check) or tables differ (diff); \
2 usage, rules or output error, nothing written.";

/// Exit status: everything processed.
pub const EXIT_OK: u8 = 0;
/// Exit status: done, but something failed: inputs skipped (extract), examples
/// failed (check), tables differ (diff).
pub const EXIT_SOME_FAILED: u8 = 1;
/// Exit status: usage, rules or output error; nothing written.
pub const EXIT_ERROR: u8 = 2;

/// Parses the command line, runs the command and returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None if !Path::new(extract::DEFAULT_INPUT).is_dir() => {
            eprintln!(
                "error: no `{}` folder here, so the main job has nothing to read.\n\
                 Run `zhibiao extract PATHS…` on your documents (files or folders), \
                 or run zhibiao where an `{0}` folder holds them.",
                extract::DEFAULT_INPUT
            );
            return ExitCode::from(EXIT_ERROR);
        }
        None => extract::run(extract::Args::default_job()),
        Some(Command::Extract(args)) => extract::run(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Explain(args)) => explain::run(args),
        Some(Command::Diff(args)) => diff::run(args),
        Some(Command::Docs(args)) => docs::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The rules folder to use: the one given, else `./rules` when it exists, else
/// `None` for the rule set compiled into the binary.
fn rules_dir(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(dir) => Some(dir.to_path_buf()),
        None => {
            let local = PathBuf::from("rules");
            local.is_dir().then_some(local)
        }
    }
}

/// Loads the rule set and builds the extractor.
fn load_extractor(given: Option<&Path>) -> Result<Extractor, RuleErrors> {
    let rules = match rules_dir(given) {
        Some(dir) => RuleSet::from_dir(&dir)?,
        None => RuleSet::bundled()?,
    };
    Extractor::new(rules)
}

/// Loads the extractor, printing rule errors; `Err` carries the exit status.
fn extractor_or_exit(given: Option<&Path>) -> Result<Extractor, u8> {
    load_extractor(given).map_err(|errors| {
        eprintln!("error: the rules have problems:");
        for e in &errors.0 {
            eprintln!("  {e}");
        }
        EXIT_ERROR
    })
}

/// Loads the extractor and runs every rule example; a failing example stops
/// the run like any other rule error, before a document is read.
fn checked_extractor_or_exit(given: Option<&Path>) -> Result<Extractor, u8> {
    let extractor = extractor_or_exit(given)?;
    let report = zhibiao::app::check::check_examples(&extractor);
    if report.failures.is_empty() {
        return Ok(extractor);
    }
    eprintln!("error: rule examples fail (run `zhibiao check`):");
    for f in &report.failures {
        eprintln!("  {f}");
    }
    Err(EXIT_ERROR)
}
