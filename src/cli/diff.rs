//! `zhibiao diff OLD NEW`: what changed between two runs' metrics tables.

use std::path::{Path, PathBuf};

use anyhow::Result;
use zhibiao::app::diff::{counts, diff_tables, read_metrics_table};

use super::{EXIT_OK, EXIT_SOME_FAILED};

/// Arguments of `zhibiao diff`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The earlier run: an output folder or a metrics.csv file.
    old: PathBuf,
    /// The later run: an output folder or a metrics.csv file.
    new: PathBuf,
}

fn metrics_csv(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join("metrics.csv")
    } else {
        path.to_path_buf()
    }
}

/// Prints the changed rows and counts; exits 0 when identical, 1 when not.
pub fn run(args: Args) -> Result<u8> {
    let old = read_metrics_table(&metrics_csv(&args.old))?;
    let new = read_metrics_table(&metrics_csv(&args.new))?;
    let changes = diff_tables(&old, &new);
    for c in &changes {
        println!("{c}");
    }
    let (added, removed, changed) = counts(&changes);
    println!("{added} added, {removed} removed, {changed} changed");
    Ok(if changes.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}
