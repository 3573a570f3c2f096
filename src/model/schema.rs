//! The columns of the output tables: names, types and meanings, defined once.
//!
//! The CSV header, the Parquet schema and the descriptions all come from here,
//! and [`metric_cells`] / [`document_cells`] are the one place where a row is
//! laid out as column values.

use std::fmt::Write;

use crate::model::decimal::Decimal;
use crate::model::document::DocumentRecord;
use crate::model::metric::Metric;

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Str,
    /// Unsigned 32-bit integer.
    U32,
    /// Unsigned 64-bit integer.
    U64,
    /// 64-bit float.
    F64,
}

/// One column of an output table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The column name (a public interface).
    pub name: &'static str,
    /// The value type.
    pub kind: ColumnType,
    /// True when the column may be empty (null).
    pub nullable: bool,
    /// What the column holds, in English.
    pub description: &'static str,
    /// The column's Chinese label.
    pub label_zh: &'static str,
}

const fn col(
    name: &'static str,
    kind: ColumnType,
    nullable: bool,
    description: &'static str,
    label_zh: &'static str,
) -> Column {
    Column {
        name,
        kind,
        nullable,
        description,
        label_zh,
    }
}

/// The metrics table, in column order.
pub const METRIC_COLUMNS: [Column; 15] = [
    col("doc_id", ColumnType::Str, false, "The input file's stem; when inputs of a run share one, the path below the folder given.", "文档编号"),
    col("start", ColumnType::U32, false, "Character (code point) offset where the span starts in the decoded document.", "起始位置"),
    col("end", ColumnType::U32, false, "Character offset just past the span's end: doc[start:end] == text.", "结束位置"),
    col("text", ColumnType::Str, false, "The span as written: number, multiplier, qualifier and unit.", "原文"),
    col("kind", ColumnType::Str, false, "percent, percentage_point, multiple, money, count, measure or duration.", "类型"),
    col("value", ColumnType::F64, false, "The number in the canonical unit (1.4亿元 -> 140000000), as written: a change stays positive and its direction says which way (下降5% -> 5, down); only a minus sign written in the text makes it negative (增长-2.1% -> -2.1, up). The low end of a range.", "数值"),
    col("value_high", ColumnType::F64, true, "The upper end of a range, else empty.", "数值上限"),
    col("unit", ColumnType::Str, false, "Canonical unit: %, pp, x, an ISO currency code, the measure word, or a physical or time unit.", "单位"),
    col("qualifier", ColumnType::Str, false, "exact, approx, more_than or less_than.", "限定"),
    col("direction", ColumnType::Str, true, "up or down when the number is the amount of a change, else empty.", "变化方向"),
    col("comparison", ColumnType::Str, true, "yoy (同比) or mom (环比) when stated, else empty.", "比较基准"),
    col("subject", ColumnType::Str, true, "The phrase naming what is measured; empty when nothing names it.", "指标名称"),
    col("period", ColumnType::Str, true, "The time the figure refers to: 2024, 2024-05, 2024-01/2024-05, 2024-Q1/2024-Q3.", "时期"),
    col("sentence", ColumnType::Str, false, "The sentence around the span (at most 100 characters on each side).", "所在句子"),
    col("rule_id", ColumnType::Str, false, "The rule that produced the row.", "规则"),
];

/// Columns that the Parquet and SQLite metrics tables add after the
/// contract's: the exact decimal text of `value` and `value_high`, which a
/// double may not hold (12345678901234567.89 → 1.2345678901234568e16). The
/// double columns stay for tools to compare and sum.
pub const EXACT_VALUE_COLUMNS: [Column; 2] = [
    col(
        "value_exact",
        ColumnType::Str,
        false,
        "value as written in decimal, every digit kept.",
        "精确数值",
    ),
    col(
        "value_high_exact",
        ColumnType::Str,
        true,
        "value_high as written in decimal, every digit kept; empty when value_high is.",
        "精确数值上限",
    ),
];

/// The exact decimal text of the number cells of a metrics row, in
/// [`EXACT_VALUE_COLUMNS`] order (`None` where the number is null).
pub fn exact_values(cells: &[Cell]) -> Vec<Option<String>> {
    cells
        .iter()
        .filter_map(|cell| match cell {
            Cell::Num(d) => Some(Some(d.to_string())),
            Cell::OptNum(d) => Some(d.map(|d| d.to_string())),
            _ => None,
        })
        .collect()
}

/// The documents table, in column order.
pub const DOCUMENT_COLUMNS: [Column; 13] = [
    col(
        "doc_id",
        ColumnType::Str,
        false,
        "The input file's stem; when inputs of a run share one, the path below the folder given.",
        "文档编号",
    ),
    col(
        "path",
        ColumnType::Str,
        false,
        "The input path as given.",
        "路径",
    ),
    col(
        "title",
        ColumnType::Str,
        true,
        "The first non-empty line of the text.",
        "标题",
    ),
    col(
        "chars",
        ColumnType::U64,
        false,
        "Characters (code points) in the decoded text.",
        "字符数",
    ),
    col(
        "metrics",
        ColumnType::U64,
        false,
        "Rows extracted from the document.",
        "指标数",
    ),
    col(
        "encoding",
        ColumnType::Str,
        true,
        "The encoding the file was decoded from.",
        "编码",
    ),
    col(
        "sha256",
        ColumnType::Str,
        true,
        "SHA-256 of the file's bytes.",
        "哈希",
    ),
    col(
        "status",
        ColumnType::Str,
        false,
        "ok, or skipped when the file could not be used.",
        "状态",
    ),
    col(
        "error",
        ColumnType::Str,
        true,
        "Why the file was skipped, or a warning about it; empty otherwise.",
        "错误",
    ),
    col(
        "pages",
        ColumnType::U64,
        true,
        "Pages of a PDF input; empty for other inputs.",
        "页数",
    ),
    col(
        "published",
        ColumnType::Str,
        true,
        "When the document was published (2025-01-15, 2025-01 or 2025), if known: it dates what the text leaves relative or undated.",
        "发布日期",
    ),
    col(
        "published_source",
        ColumnType::Str,
        false,
        "Where the publication date came from: meta (--meta file), stream, html, docx, pdf, text (a dateline) or none.",
        "发布日期来源",
    ),
    col(
        "meta",
        ColumnType::Str,
        true,
        "The --meta file's other fields for the document (source, URL …), as one JSON object; empty without them.",
        "元数据",
    ),
];

/// One value of a row, typed as its column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Text (possibly empty).
    Str(&'a str),
    /// Optional text: `None` is null.
    OptStr(Option<&'a str>),
    /// A 32-bit count or offset.
    U32(u32),
    /// A 64-bit count.
    U64(u64),
    /// An optional 64-bit count.
    OptU64(Option<u64>),
    /// An exact number.
    Num(Decimal),
    /// An optional exact number.
    OptNum(Option<Decimal>),
}

impl<'a> Cell<'a> {
    /// The value as CSV text: empty for null, numbers in plain notation.
    /// Strings are borrowed; a number is written into `scratch`, which the
    /// caller reuses from cell to cell.
    pub fn text<'s>(self, scratch: &'s mut String) -> &'s str
    where
        'a: 's,
    {
        scratch.clear();
        let number: &dyn std::fmt::Display = match self {
            Cell::Str(s) | Cell::OptStr(Some(s)) => return s,
            Cell::OptStr(None) | Cell::OptU64(None) | Cell::OptNum(None) => return "",
            Cell::U32(ref n) => n,
            Cell::U64(ref n) | Cell::OptU64(Some(ref n)) => n,
            Cell::Num(ref d) | Cell::OptNum(Some(ref d)) => d,
        };
        // Writing into a String cannot fail.
        let _ = write!(scratch, "{number}");
        scratch
    }
}

/// A text that may be missing: empty is null, in every format alike.
fn missing_if_empty(s: &str) -> Cell<'_> {
    Cell::OptStr((!s.is_empty()).then_some(s))
}

/// A metric's values, in [`METRIC_COLUMNS`] order.
pub fn metric_cells(m: &Metric) -> [Cell<'_>; 15] {
    [
        Cell::Str(&m.doc_id),
        Cell::U32(m.start),
        Cell::U32(m.end),
        Cell::Str(&m.text),
        Cell::Str(m.quantity.kind.as_str()),
        Cell::Num(m.quantity.value),
        Cell::OptNum(m.quantity.value_high),
        Cell::Str(&m.quantity.unit),
        Cell::Str(m.quantity.qualifier.as_str()),
        Cell::OptStr(m.direction.map(|d| d.as_str())),
        Cell::OptStr(m.comparison.map(|c| c.as_str())),
        missing_if_empty(&m.subject),
        Cell::OptStr(m.period.as_deref()),
        Cell::Str(&m.sentence),
        Cell::Str(&m.rule_id),
    ]
}

/// A document's values, in [`DOCUMENT_COLUMNS`] order.
pub fn document_cells(d: &DocumentRecord) -> [Cell<'_>; 13] {
    [
        Cell::Str(&d.doc_id),
        Cell::Str(&d.path),
        missing_if_empty(&d.title),
        Cell::U64(d.chars),
        Cell::U64(d.metrics),
        missing_if_empty(&d.encoding),
        missing_if_empty(&d.sha256),
        Cell::Str(&d.status),
        missing_if_empty(&d.error),
        Cell::OptU64(d.pages),
        Cell::OptStr(d.published.as_deref()),
        Cell::Str(d.published_source.as_str()),
        Cell::OptStr(d.meta.as_deref()),
    ]
}
