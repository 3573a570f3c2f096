//! `metrics.xlsx`: the two tables as Excel sheets.
//!
//! Header row frozen, a filter on every column, columns sized for their
//! content, numbers stored as numbers and shown in full (5,200,000,000,000
//! rather than 5.2E+12). Worksheets use constant-memory mode, so memory stays
//! flat; a table longer than Excel's row limit continues on a second sheet.

use std::path::Path;

use anyhow::{anyhow, Result};
use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet};

use super::{AtomicFile, Tables};
use crate::model::decimal::Decimal;
use crate::model::schema::{Cell, Column, DOCUMENT_COLUMNS, METRIC_COLUMNS};

/// Data rows per sheet: Excel's limit less the header.
const ROWS_PER_SHEET: u32 = 1_048_575;

/// One table being written across one or more sheets.
struct SheetTable {
    name: &'static str,
    columns: &'static [Column],
    sheet: Option<usize>,
    sheets: usize,
    row: u32,
}

/// How cells look: the header, and numbers written in full.
struct Formats {
    header: CellFormat,
    whole: CellFormat,
    fraction: CellFormat,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: CellFormat::new().set_bold(),
            whole: CellFormat::new().set_num_format("#,##0"),
            fraction: CellFormat::new().set_num_format("#,##0.0#########"),
        }
    }

    /// Writes a value with every digit Excel keeps, never in scientific notation.
    fn write_value(&self, sheet: &mut Worksheet, row: u32, col: u16, d: Decimal) -> Result<()> {
        let format = if d.to_integer().is_some() {
            &self.whole
        } else {
            &self.fraction
        };
        sheet.write_number_with_format(row, col, d.to_f64(), format)?;
        Ok(())
    }
}

/// Writes `metrics.xlsx`.
pub struct XlsxSink {
    file: AtomicFile,
    workbook: Workbook,
    formats: Formats,
    metrics: SheetTable,
    documents: SheetTable,
}

fn width(column: &Column) -> f64 {
    match column.name {
        "sentence" => 60.0,
        "subject" | "title" | "path" => 28.0,
        "text" | "rule_id" | "sha256" => 18.0,
        "doc_id" | "period" | "kind" | "qualifier" | "error" => 14.0,
        _ => 10.0,
    }
}

impl SheetTable {
    fn new(name: &'static str, columns: &'static [Column]) -> SheetTable {
        SheetTable {
            name,
            columns,
            sheet: None,
            sheets: 0,
            row: 0,
        }
    }

    /// The sheet the next row goes to, starting a new one when needed.
    fn sheet<'w>(
        &mut self,
        workbook: &'w mut Workbook,
        header: &CellFormat,
    ) -> Result<&'w mut Worksheet> {
        if self.row > ROWS_PER_SHEET {
            self.close(workbook)?;
        }
        if self.sheet.is_none() || self.row > ROWS_PER_SHEET {
            self.sheets += 1;
            let name = if self.sheets == 1 {
                self.name.to_string()
            } else {
                format!("{} ({})", self.name, self.sheets)
            };
            let sheet = workbook.add_worksheet_with_constant_memory();
            sheet.set_name(&name)?;
            for (i, c) in self.columns.iter().enumerate() {
                let col = i as u16;
                sheet.set_column_width(col, width(c))?;
                sheet.write_string_with_format(0, col, c.name, header)?;
            }
            sheet.set_freeze_panes(1, 0)?;
            self.sheet = Some(workbook.worksheets().len() - 1);
            self.row = 1;
        }
        let index = self.sheet.ok_or_else(|| anyhow!("no sheet"))?;
        Ok(workbook.worksheet_from_index(index)?)
    }

    /// Puts a filter on the header of the current sheet, over the rows written.
    fn close(&mut self, workbook: &mut Workbook) -> Result<()> {
        if let Some(index) = self.sheet {
            let last_col = self.columns.len().saturating_sub(1) as u16;
            let last_row = self.row.saturating_sub(1);
            workbook
                .worksheet_from_index(index)?
                .autofilter(0, 0, last_row, last_col)?;
        }
        Ok(())
    }

    fn push(&mut self, workbook: &mut Workbook, formats: &Formats, cells: &[Cell]) -> Result<()> {
        let sheet = self.sheet(workbook, &formats.header)?;
        let row = self.row;
        for (i, cell) in cells.iter().enumerate() {
            let col = i as u16;
            match *cell {
                Cell::U32(n) => sheet.write_number(row, col, f64::from(n))?,
                Cell::U64(n) | Cell::OptU64(Some(n)) => sheet.write_number(row, col, n as f64)?,
                Cell::Num(d) | Cell::OptNum(Some(d)) => {
                    formats.write_value(sheet, row, col, d)?;
                    continue;
                }
                Cell::OptNum(None) | Cell::OptStr(None) | Cell::OptU64(None) => continue,
                Cell::Str(s) | Cell::OptStr(Some(s)) => {
                    if s.is_empty() {
                        continue;
                    }
                    sheet.write_string(row, col, s)?
                }
            };
        }
        self.row += 1;
        Ok(())
    }
}

impl XlsxSink {
    /// Starts `metrics.xlsx` in `dir`.
    pub fn create(dir: &Path) -> Result<XlsxSink> {
        Ok(XlsxSink {
            file: AtomicFile::create(&dir.join("metrics.xlsx"))?,
            workbook: Workbook::new(),
            formats: Formats::new(),
            metrics: SheetTable::new("metrics", &METRIC_COLUMNS),
            documents: SheetTable::new("documents", &DOCUMENT_COLUMNS),
        })
    }
}

impl Tables for XlsxSink {
    fn metric_row(&mut self, cells: &[Cell]) -> Result<()> {
        self.metrics.push(&mut self.workbook, &self.formats, cells)
    }

    fn document_row(&mut self, cells: &[Cell]) -> Result<()> {
        self.documents
            .push(&mut self.workbook, &self.formats, cells)
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<AtomicFile>> {
        // Empty tables still get their sheet with a header.
        for table in [&mut self.metrics, &mut self.documents] {
            table.sheet(&mut self.workbook, &self.formats.header)?;
            table.close(&mut self.workbook)?;
        }
        self.workbook.save(self.file.temp_path())?;
        Ok(vec![self.file])
    }
}
