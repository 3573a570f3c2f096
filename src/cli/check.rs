//! `zhibiao check`: validate the rules and run every example.

use std::path::PathBuf;

use anyhow::Result;
use zhibiao::app::check::check_examples;

use super::{extractor_or_exit, EXIT_OK, EXIT_SOME_FAILED};

/// Arguments of `zhibiao check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of rule files (default: ./rules if present, else the built-in rules).
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// Prints `N rules, M examples passed`, or every failure; exits 1 on failures.
pub fn run(args: Args) -> Result<u8> {
    let extractor = match extractor_or_exit(args.rules.as_deref()) {
        Ok(e) => e,
        Err(code) => return Ok(code),
    };
    let report = check_examples(&extractor);
    let rules = extractor.rules().rules.len();
    if report.failures.is_empty() {
        println!("{rules} rules, {} examples passed", report.passed);
        return Ok(EXIT_OK);
    }
    for f in &report.failures {
        println!("FAIL {f}");
    }
    println!(
        "{rules} rules, {} examples passed, {} failed",
        report.passed,
        report.failures.len()
    );
    Ok(EXIT_SOME_FAILED)
}
