//! Workbooks: XLSX (and XLS, XLSB, ODS, which the same reader handles). The user picks the
//! sheet; without a choice the first sheet with a table is read, and the sheets are listed.
//! Before anything is unpacked, the sizes the archive declares are added up, so that a zip
//! bomb in XLSX clothing is refused with the limit in the message.

use std::io::Cursor;
use std::str::FromStr;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use rust_decimal::Decimal;

use super::grid::{CellValue, Grid, import_grid};
use super::{Detection, ImportError, Imported, Place};
use crate::numfmt::NumberStyle;

/// The most a workbook may unpack to.
pub const UNPACKED_LIMIT: u64 = 256 * 1024 * 1024;

fn check_unpacked_size(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError::Workbook {
            place: Place::file(file),
            reason: e.to_string(),
        })?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| ImportError::Workbook {
                place: Place::file(file),
                reason: e.to_string(),
            })?;
        total = total.saturating_add(entry.size());
    }
    if total > UNPACKED_LIMIT {
        return Err(ImportError::Unpacks {
            place: Place::file(file),
            size: total,
            limit: UNPACKED_LIMIT,
        });
    }
    Ok(())
}

fn cell(data: &Data) -> CellValue {
    match data {
        Data::Empty => CellValue::Empty,
        Data::Int(i) => CellValue::Number(Decimal::from(*i)),
        // The shortest decimal that reads back as the stored double: what the user typed.
        Data::Float(f) => Decimal::from_str(&f.to_string())
            .map(|d| CellValue::Number(d.normalize()))
            .unwrap_or_else(|_| CellValue::Text(f.to_string())),
        Data::String(s) => CellValue::Text(s.clone()),
        Data::Bool(b) => CellValue::Text(b.to_string()),
        Data::DateTime(d) => CellValue::Text(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => CellValue::Text(s.clone()),
        Data::Error(e) => CellValue::Text(format!("#{e:?}")),
    }
}

/// Reads a workbook: the sheet named, or the first sheet that holds a table.
pub fn import_workbook(
    file: &str,
    bytes: &[u8],
    options: &super::Options,
) -> Result<Imported, ImportError> {
    let sheet = options.sheet.as_deref();
    check_unpacked_size(file, bytes)?;
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
        ImportError::Workbook {
            place: Place::file(file),
            reason: e.to_string(),
        }
    })?;
    let sheets = workbook.sheet_names();
    if sheets.is_empty() {
        return Err(ImportError::Workbook {
            place: Place::file(file),
            reason: "no sheets".to_string(),
        });
    }
    let candidates: Vec<String> = match sheet {
        Some(wanted) => match sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted)) {
            Some(found) => vec![found.clone()],
            None => {
                return Err(ImportError::NoSuchSheet {
                    place: Place::file(file),
                    sheet: wanted.to_string(),
                    sheets,
                });
            }
        },
        None => sheets.clone(),
    };
    let mut first_error = None;
    for name in candidates {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ImportError::Workbook {
                place: Place {
                    sheet: Some(name.clone()),
                    ..Place::file(file)
                },
                reason: e.to_string(),
            })?;
        let (first_row, first_column) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let rows: Vec<Vec<CellValue>> = range
            .rows()
            .map(|row| {
                std::iter::repeat_n(CellValue::Empty, first_column)
                    .chain(row.iter().map(cell))
                    .collect()
            })
            .collect();
        let line_numbers = (0..rows.len()).map(|i| first_row + i + 1).collect();
        let grid = Grid {
            mapping: options.mapping.clone(),
            file: file.to_string(),
            sheet: Some(name.clone()),
            rows,
            line_numbers,
            style: NumberStyle::FINNISH,
        };
        let detections = vec![Detection::Sheet {
            name: name.clone(),
            sheets: sheets.clone(),
        }];
        match import_grid(&grid, detections) {
            Ok(imported) => return Ok(imported),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or(ImportError::NoTables {
        place: Place::file(file),
    }))
}
