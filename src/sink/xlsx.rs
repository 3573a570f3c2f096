//! `metrics.xlsx`: the two tables as Excel sheets.
//!
//! Header row frozen, columns sized for their content, numbers stored as
//! numbers. Worksheets use constant-memory mode, so memory stays flat; a table
//! longer than Excel's row limit continues on a second sheet.

use std::path::Path;

use anyhow::{anyhow, Result};
use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet};

use super::{AtomicFile, Tables};
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

/// Writes `metrics.xlsx`.
pub struct XlsxSink {
    file: AtomicFile,
    workbook: Workbook,
    header: CellFormat,
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

    fn push(&mut self, workbook: &mut Workbook, header: &CellFormat, cells: &[Cell]) -> Result<()> {
        let sheet = self.sheet(workbook, header)?;
        let row = self.row;
        for (i, cell) in cells.iter().enumerate() {
            let col = i as u16;
            match *cell {
                Cell::U32(n) => sheet.write_number(row, col, f64::from(n))?,
                Cell::U64(n) | Cell::OptU64(Some(n)) => sheet.write_number(row, col, n as f64)?,
                Cell::Num(d) => sheet.write_number(row, col, d.to_f64())?,
                Cell::OptNum(Some(d)) => sheet.write_number(row, col, d.to_f64())?,
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
            header: CellFormat::new().set_bold(),
            metrics: SheetTable::new("metrics", &METRIC_COLUMNS),
            documents: SheetTable::new("documents", &DOCUMENT_COLUMNS),
        })
    }
}

impl Tables for XlsxSink {
    fn metric_row(&mut self, cells: &[Cell]) -> Result<()> {
        self.metrics.push(&mut self.workbook, &self.header, cells)
    }

    fn document_row(&mut self, cells: &[Cell]) -> Result<()> {
        self.documents.push(&mut self.workbook, &self.header, cells)
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<AtomicFile>> {
        // Empty tables still get their sheet with a header.
        self.metrics.sheet(&mut self.workbook, &self.header)?;
        self.documents.sheet(&mut self.workbook, &self.header)?;
        self.workbook.save(self.file.temp_path())?;
        Ok(vec![self.file])
    }
}
