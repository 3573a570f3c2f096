//! Throughput and memory benchmark: `cargo bench --bench throughput` (or `just bench`).
//!
//! Builds a corpus by copying the dev-corpus documents (`../shared/dev-corpus/docs`,
//! else `input/`) with their digits varied per copy, to 10 MB and 40 MB. Then, in
//! one run, it measures:
//! - the whole extraction with CSV and Parquet writing, on one core and on all cores;
//! - where one core's time goes: extraction alone (text in memory, no output)
//!   and CSV and Parquet writing alone (rows in memory);
//! - a plain regex scan of the same text finding every match of 20 metric
//!   patterns (the baseline);
//! - `rg --count-matches -j1` with one metric regex, when ripgrep is installed;
//! - the peak memory of `zhibiao extract` on the 10 MB and the 40 MB corpus.
//!
//! It prints MB/s and ratios. Nothing is asserted: timings depend on the machine.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use regex::Regex;
use zhibiao::app::batch::{self, BatchOptions};
use zhibiao::engine::Extractor;
use zhibiao::model::document::DocumentRecord;
use zhibiao::model::metric::Metric;
use zhibiao::sink::{open_sinks, Format, SinkOptions};

const MB: usize = 1_000_000;

fn sources() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/dev-corpus/docs");
    let dir = if shared.is_dir() {
        shared
    } else {
        root.join("input")
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8 text"))
        .collect()
}

/// Writes copies of the sources with varied digits into `dir` until `size` bytes.
fn build_corpus(dir: &Path, sources: &[String], size: usize) -> Vec<String> {
    std::fs::create_dir_all(dir).expect("corpus dir");
    let mut seed: u64 = 0x5eed;
    let mut texts = Vec::new();
    let mut total = 0;
    while total < size {
        let source = &sources[texts.len() % sources.len()];
        let varied: String = source
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    char::from(b'1' + ((seed >> 33) % 9) as u8)
                } else {
                    c
                }
            })
            .collect();
        std::fs::write(dir.join(format!("doc{:05}.txt", texts.len())), &varied)
            .expect("write corpus");
        total += varied.len();
        texts.push(varied);
    }
    texts
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / MB as f64 / time.as_secs_f64()
}

fn extract(extractor: &Extractor, corpus: &Path, out: &Path, jobs: usize) -> Duration {
    let options = BatchOptions {
        inputs: vec![corpus.to_path_buf()],
        out_dir: out.to_path_buf(),
        formats: vec![Format::Csv, Format::Parquet],
        jobs,
        csv_bom: true,
        meta: Default::default(),
    };
    let start = Instant::now();
    batch::run(extractor, &options, &mut |_| {}).expect("batch runs");
    start.elapsed()
}

/// Extraction alone, one core: every text to rows, nothing written.
fn extract_only(extractor: &Extractor, texts: &[String]) -> (Duration, Vec<Vec<Metric>>) {
    let start = Instant::now();
    let rows: Vec<Vec<Metric>> = texts.iter().map(|t| extractor.extract("d", t)).collect();
    (start.elapsed(), rows)
}

/// CSV and Parquet writing alone: rows already extracted, one core.
fn write_only(rows: &[Vec<Metric>], out: &Path) -> Duration {
    std::fs::create_dir_all(out).expect("output dir");
    let options = SinkOptions {
        csv_bom: true,
        metadata: Vec::new(),
        units: Vec::new(),
    };
    let start = Instant::now();
    let sinks = open_sinks(&[Format::Csv, Format::Parquet], out, &options).expect("sinks");
    let record = DocumentRecord::default();
    for mut sink in sinks {
        for metrics in rows {
            sink.write_rows(metrics).expect("write");
            sink.write_document(&record, "", Some(metrics))
                .expect("write");
        }
        for file in sink.finish().expect("finish") {
            file.commit().expect("commit");
        }
    }
    start.elapsed()
}

/// 20 plain metric patterns in one alternation, the scan a simple extractor makes.
fn baseline() -> Regex {
    let n = r"[0-9]+(?:\.[0-9]+)?";
    let units = [
        "%",
        "个百分点",
        "倍",
        "元",
        "万元",
        "亿元",
        "美元",
        "名",
        "起",
        "项",
        "个",
        "家",
        "人次",
        "户",
        "辆",
        "千瓦",
        "吨",
        "公里",
        "亩",
        "小时",
    ];
    let alternatives: Vec<String> = units
        .iter()
        .map(|u| format!("{n}(?:万|亿)?{}", regex::escape(u)))
        .collect();
    Regex::new(&alternatives.join("|")).expect("baseline patterns")
}

/// Peak resident memory (kB) of a child process, polled from /proc.
fn peak_memory_kb(binary: &str, corpus: &Path, out: &Path) -> Option<u64> {
    let mut child = Command::new(binary)
        .args(["extract", "--jobs", "1", "--out"])
        .arg(out)
        .arg(corpus)
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status) {
            for line in text.lines().filter(|l| l.starts_with("VmHWM:")) {
                let kb = line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                peak = peak.max(kb);
            }
        }
        if child.try_wait().ok()?.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Some(peak)
}

fn ripgrep(corpus: &Path) -> Option<Duration> {
    let start = Instant::now();
    let out = Command::new("rg")
        .args([
            "--count-matches",
            "-j1",
            r"[0-9]+(?:\.[0-9]+)?(?:万|亿)?(?:%|元|个|名|家)",
        ])
        .arg(corpus)
        .output()
        .ok()?;
    out.status.success().then(|| start.elapsed())
}

fn main() {
    let work = tempfile::tempdir().expect("temp dir");
    let sources = sources();
    let small = work.path().join("corpus10");
    let large = work.path().join("corpus40");
    build_corpus(&small, &sources, 10 * MB);
    let texts = build_corpus(&large, &sources, 40 * MB);
    let bytes: usize = texts.iter().map(String::len).sum();

    let extractor = Extractor::bundled().expect("bundled rules");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let one = extract(&extractor, &large, &work.path().join("out1"), 1);
    let all = extract(&extractor, &large, &work.path().join("outn"), 0);
    let (extraction, rows) = extract_only(&extractor, &texts);
    let writing = write_only(&rows, &work.path().join("outw"));
    let row_count: usize = rows.iter().map(Vec::len).sum();
    drop(rows);

    let plain = baseline();
    let start = Instant::now();
    let hits: usize = texts.iter().map(|t| plain.find_iter(t).count()).sum();
    let scan = start.elapsed();
    std::hint::black_box(hits);

    let (one_mb, all_mb, scan_mb) = (
        mb_per_s(bytes, one),
        mb_per_s(bytes, all),
        mb_per_s(bytes, scan),
    );
    println!(
        "corpus: {} documents, {:.1} MB",
        texts.len(),
        bytes as f64 / MB as f64
    );
    println!(
        "zhibiao extract, 1 core (CSV + Parquet):  {one_mb:8.1} MB/s  ({:.2} s)",
        one.as_secs_f64()
    );
    println!(
        "  of which extraction alone (no output):   {:8.1} MB/s  ({:.2} s)",
        mb_per_s(bytes, extraction),
        extraction.as_secs_f64()
    );
    println!(
        "  of which CSV + Parquet writing alone:     {:8.1} MB/s  ({:.2} s for {row_count} rows)",
        mb_per_s(bytes, writing),
        writing.as_secs_f64()
    );
    println!(
        "zhibiao extract, {cores} cores:               {all_mb:8.1} MB/s  ({:.2}x one core)",
        all_mb / one_mb
    );
    println!(
        "baseline regex scan, 20 patterns:          {scan_mb:8.1} MB/s  (zhibiao is {:.1}x slower)",
        scan_mb / one_mb
    );
    match ripgrep(&large) {
        Some(t) => println!(
            "ripgrep --count-matches -j1:               {:8.1} MB/s  (zhibiao is {:.1}x slower)",
            mb_per_s(bytes, t),
            mb_per_s(bytes, t) / one_mb
        ),
        None => println!("ripgrep: not installed, skipped"),
    }
    let binary = env!("CARGO_BIN_EXE_zhibiao");
    let m10 = peak_memory_kb(binary, &small, &work.path().join("mem10"));
    let m40 = peak_memory_kb(binary, &large, &work.path().join("mem40"));
    match (m10, m40) {
        (Some(a), Some(b)) => println!(
            "peak memory: 10 MB corpus {:.1} MB, 40 MB corpus {:.1} MB (ratio {:.2})",
            a as f64 / 1e3,
            b as f64 / 1e3,
            b as f64 / a as f64
        ),
        _ => println!("peak memory: /proc not available, skipped"),
    }
}
