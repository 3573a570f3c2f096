//! Batch runs: every input file through the extractor into the sinks.
//!
//! Files are read and extracted in parallel, a chunk at a time, and pushed to
//! the sinks in input order, so output is deterministic whatever the thread
//! count and memory holds one chunk, not the corpus.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::engine::{Extractor, PART_BYTES};
use crate::input::document::{collect_inputs, title_of, InputFile, Unreadable};
use crate::input::meta_file::MetaTable;
use crate::input::reader::read_document;
use crate::model::document::DocumentRecord;
use crate::model::metric::{Kind, Metric};
use crate::model::published::{Published, PublishedSource};
use crate::sink::{open_sinks, Format, OutputSet, Sink, SinkOptions};

/// Documents extracted in parallel before their rows are written.
const CHUNK: usize = 256;

/// What a batch run reads and writes.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Files and folders to read.
    pub inputs: Vec<PathBuf>,
    /// Where the tables go.
    pub out_dir: PathBuf,
    /// Which tables to write.
    pub formats: Vec<Format>,
    /// Worker threads (0: one per core).
    pub jobs: usize,
    /// Write a byte order mark in CSV files.
    pub csv_bom: bool,
    /// Publication dates from a `--meta` file.
    pub meta: MetaTable,
}

/// What a batch run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Documents extracted.
    pub documents: usize,
    /// Inputs that could not be used, with reasons.
    pub skipped: Vec<Unreadable>,
    /// Files in folders passed over for their extension.
    pub ignored: usize,
    /// Documents processed with a warning (replaced bytes).
    pub warnings: Vec<Unreadable>,
    /// Rows written.
    pub rows: usize,
    /// Rows per kind.
    pub by_kind: BTreeMap<Kind, usize>,
    /// Bytes of input read.
    pub bytes: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Files written.
    pub outputs: Vec<PathBuf>,
}

/// Documents longer than this many bytes of text are extracted as their rows
/// are written, not ahead of time, so that their rows are never held together.
const WRITTEN_AS_READ_BYTES: usize = 4 * PART_BYTES;

/// Rows of a long document handed to the sinks at a time.
const ROWS_PER_WRITE: usize = 4096;

/// The result of reading and extracting one file.
struct Processed {
    record: DocumentRecord,
    text: String,
    rows: Rows,
    bytes: u64,
}

/// A document's rows: extracted, or left to extract while they are written.
enum Rows {
    Extracted(Vec<Metric>),
    /// A long document, with the date its periods are read against.
    WrittenAsRead(Option<Published>),
}

/// Reads and extracts one file; failures become a skipped record. A date
/// from the metadata file comes before the one the file carries.
fn process(extractor: &Extractor, meta: &MetaTable, input: &InputFile) -> Processed {
    let path = input.path.as_path();
    let mut record = DocumentRecord {
        doc_id: input.doc_id.clone(),
        path: path.display().to_string(),
        status: "ok".into(),
        ..DocumentRecord::default()
    };
    let read = match read_document(path) {
        Ok(read) => read,
        Err(unusable) => {
            record.status = "skipped".into();
            record.error = unusable.reason;
            record.sha256 = unusable.sha256.unwrap_or_default();
            return Processed {
                record,
                text: String::new(),
                rows: Rows::Extracted(Vec::new()),
                bytes: unusable.bytes,
            };
        }
    };
    let document = read.document;
    let from_meta = meta.get(path, &record.doc_id);
    record.meta = from_meta.and_then(|m| m.extra.clone());
    let dated = publication(meta, input, document.published);
    if let Some((date, source)) = dated {
        record.published = Some(date.iso());
        record.published_source = source;
    }
    record.sha256 = read.sha256;
    record.encoding = document.encoding;
    record.error = document.warning.unwrap_or_default();
    record.pages = document.pages;
    record.title = title_of(&document.text);
    record.chars = document.text.chars().count() as u64;
    let published = dated.map(|(d, _)| d);
    let rows = if document.text.len() > WRITTEN_AS_READ_BYTES {
        Rows::WrittenAsRead(published)
    } else {
        let metrics = extractor.extract_published(&record.doc_id, &document.text, published);
        record.metrics = metrics.len() as u64;
        Rows::Extracted(metrics)
    };
    Processed {
        record,
        text: document.text,
        rows,
        bytes: read.bytes,
    }
}

/// When a document was published: the date the metadata file gives it, else
/// the one it carries itself (`carried`).
pub fn publication(
    meta: &MetaTable,
    input: &InputFile,
    carried: Option<(Published, PublishedSource)>,
) -> Option<(Published, PublishedSource)> {
    meta.get(&input.path, &input.doc_id)
        .and_then(|m| m.published)
        .map(|d| (d, PublishedSource::Meta))
        .or(carried)
}

/// Hands rows to every sink and counts them in the summary.
fn write_rows(sinks: &mut [Box<dyn Sink>], summary: &mut Summary, rows: &[Metric]) -> Result<()> {
    for sink in sinks.iter_mut() {
        sink.write_rows(rows)?;
    }
    summary.rows += rows.len();
    for m in rows {
        *summary.by_kind.entry(m.quantity.kind).or_default() += 1;
    }
    Ok(())
}

/// Extracts a long document while its rows are written, a few thousand at a
/// time; returns how many there were. After a failed write the rest are not
/// held: the error ends the run.
fn write_as_read(
    extractor: &Extractor,
    sinks: &mut [Box<dyn Sink>],
    summary: &mut Summary,
    (doc_id, text): (&str, &str),
    published: Option<Published>,
) -> Result<u64> {
    let mut pending: Vec<Metric> = Vec::with_capacity(ROWS_PER_WRITE);
    let mut written: Result<()> = Ok(());
    let mut count = 0u64;
    extractor.extract_each(doc_id, text, published, |metric| {
        if written.is_err() {
            return;
        }
        count += 1;
        pending.push(metric);
        if pending.len() >= ROWS_PER_WRITE {
            written = write_rows(sinks, summary, &pending);
            pending.clear();
        }
    });
    written?;
    write_rows(sinks, summary, &pending)?;
    Ok(count)
}

/// Writes one processed file to every sink and counts it in the summary.
fn record(
    extractor: &Extractor,
    sinks: &mut [Box<dyn Sink>],
    summary: &mut Summary,
    p: Processed,
) -> Result<()> {
    let Processed {
        mut record,
        text,
        rows,
        bytes,
    } = p;
    match rows {
        Rows::Extracted(metrics) => {
            write_rows(sinks, summary, &metrics)?;
            for sink in sinks.iter_mut() {
                sink.write_document(&record, &text, Some(&metrics))?;
            }
        }
        Rows::WrittenAsRead(published) => {
            let document = (record.doc_id.as_str(), text.as_str());
            record.metrics = write_as_read(extractor, sinks, summary, document, published)?;
            for sink in sinks.iter_mut() {
                sink.write_document(&record, &text, None)?;
            }
        }
    }
    summary.bytes += bytes;
    let path = PathBuf::from(&record.path);
    if record.status == "ok" {
        summary.documents += 1;
        if !record.error.is_empty() {
            summary.warnings.push(Unreadable {
                path,
                reason: record.error.clone(),
            });
        }
    } else {
        summary.skipped.push(Unreadable {
            path,
            reason: record.error.clone(),
        });
    }
    Ok(())
}

/// How far a batch has got, reported after each chunk of documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Files done.
    pub files: usize,
    /// Files in the batch.
    pub total_files: usize,
    /// Bytes read so far.
    pub bytes: u64,
    /// Rows written so far.
    pub rows: usize,
}

/// Runs a batch and publishes its tables as one set in `options.out_dir`
/// (see [`OutputSet`]), telling `progress` how far it has got after each chunk.
pub fn run(
    extractor: &Extractor,
    options: &BatchOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    let started = Instant::now();
    let output = OutputSet::open(&options.out_dir, |out| {
        eprintln!(
            "another zhibiao run is writing to {}; waiting for it to finish",
            out.display()
        )
    })?;
    let inputs = collect_inputs(&options.inputs);
    let sink_options = SinkOptions {
        csv_bom: options.csv_bom,
        metadata: vec![
            ("zhibiao_version".into(), env!("CARGO_PKG_VERSION").into()),
            (
                "zhibiao_rules_sha256".into(),
                extractor.rules().fingerprint.clone(),
            ),
        ],
        units: Kind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_string(),
                    extractor.rules().canonical_units(*k),
                )
            })
            .collect(),
    };
    let mut sinks = open_sinks(&options.formats, output.staging(), &sink_options)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .context("cannot start worker threads")?;
    let mut summary = Summary {
        ignored: inputs.ignored,
        ..Summary::default()
    };

    for (doc_id, bad) in &inputs.unreadable {
        let record = DocumentRecord {
            doc_id: doc_id.clone(),
            path: bad.path.display().to_string(),
            status: "skipped".into(),
            error: bad.reason.clone(),
            ..DocumentRecord::default()
        };
        for sink in sinks.iter_mut() {
            sink.write_document(&record, "", Some(&[]))?;
        }
    }
    summary
        .skipped
        .extend(inputs.unreadable.into_iter().map(|(_, bad)| bad));

    let total_files = inputs.files.len();
    let mut files_done = 0;
    let extract_chunk = |chunk: &[InputFile]| -> Vec<Processed> {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|p| process(extractor, &options.meta, p))
                .collect()
        })
    };
    let mut write_chunk = |processed: Vec<Processed>, summary: &mut Summary| -> Result<()> {
        files_done += processed.len();
        for p in processed {
            record(extractor, &mut sinks, summary, p)?;
        }
        progress(Progress {
            files: files_done,
            total_files,
            bytes: summary.bytes,
            rows: summary.rows,
        });
        Ok(())
    };
    if pool.current_num_threads() == 1 {
        // One core: extract and write in turn on this thread.
        for chunk in inputs.files.chunks(CHUNK) {
            write_chunk(extract_chunk(chunk), &mut summary)?;
        }
    } else {
        // Several cores: the workers extract the next chunk while this thread
        // writes the last one; one chunk waits at most, so memory stays flat.
        std::thread::scope(|scope| -> Result<()> {
            let (sender, receiver) = std::sync::mpsc::sync_channel(1);
            let files = &inputs.files;
            scope.spawn(move || {
                for chunk in files.chunks(CHUNK) {
                    if sender.send(extract_chunk(chunk)).is_err() {
                        return;
                    }
                }
            });
            for processed in receiver {
                write_chunk(processed, &mut summary)?;
            }
            Ok(())
        })?;
    }
    let mut finished = Vec::new();
    for sink in sinks {
        finished.extend(sink.finish()?);
    }
    summary.outputs = output.publish(finished)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}
