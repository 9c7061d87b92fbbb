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

/// The most cells a sheet may fill, and the most its rows (those with a cell) times its
/// width may be: a sheet of two cells, A1 and XFD1048576, is two rows 16 384 wide, not a
/// billion cells.
pub const CELL_LIMIT: usize = 4_000_000;
pub const GRID_LIMIT: usize = 32_000_000;

fn check_unpacked_size(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    // An old XLS is no zip. Anything else that is read as a workbook is one, whatever bytes
    // come before its first entry: the archive's directory is found from its end.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
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
    check_cell_references(file, &mut archive)
}

/// The last column and row a sheet can have (XFD1048576).
const LAST_COLUMN: u32 = 16_384;
const LAST_ROW: u32 = 1_048_576;

/// Whether `reference` (`B12`, `$B$12`, `12`, `B`) names a place inside a sheet; `None`
/// when it is no cell reference at all (the reader then says what it is). The workbook
/// reader adds up the letters and the digits it meets first before it looks at what follows
/// them, so those are what must fit: `F91385699678</8B2` is past the last row, whatever
/// comes after its digits (found by fuzzing).
fn within_sheet(reference: &str) -> Option<bool> {
    let plain: String = reference.chars().filter(|c| *c != '$').collect();
    let letters = plain.chars().take_while(char::is_ascii_alphabetic).count();
    let (column, rest) = plain.split_at(letters);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let (row, after) = rest.split_at(digits);
    if column.is_empty() && row.is_empty() {
        return None;
    }
    let column_ok = column.len() <= 3
        && column
            .chars()
            .try_fold(0u32, |n, c| {
                let digit = u32::from(c.to_ascii_uppercase()) - u32::from('A') + 1;
                n.checked_mul(26)?.checked_add(digit)
            })
            .is_some_and(|n| n <= LAST_COLUMN);
    let row_ok = row.is_empty()
        || (row.len() <= 7
            && row
                .parse::<u32>()
                .is_ok_and(|n| (1..=LAST_ROW).contains(&n)));
    if !(column_ok && row_ok) {
        return Some(false);
    }
    // Inside the sheet as far as it goes; anything after it makes it no reference.
    after.is_empty().then_some(true)
}

/// Refuses a sheet whose cells, rows or ranges are referred to past the last cell a sheet
/// can have: the workbook reader adds up such a reference in 32 bits, and past them it
/// would wrap round and put the cell somewhere else (a figure in the wrong place).
fn check_cell_references<R: std::io::Read + std::io::Seek>(
    file: &str,
    archive: &mut zip::ZipArchive<R>,
) -> Result<(), ImportError> {
    use std::io::Read;
    for index in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(index) else {
            // A broken entry is the reader's to report, with its reason.
            continue;
        };
        let Ok(part) = entry.name().map(|n| n.to_string()) else {
            continue;
        };
        if !(part.starts_with("xl/worksheets/") && part.ends_with(".xml")) {
            continue;
        }
        let mut xml = Vec::new();
        // The sizes were checked as declared; the reading is bounded as well. A part that
        // cannot be read to its end (a bad checksum) is scanned as far as it was read: the
        // workbook reader does not check it, and reads on.
        let _ = (&mut entry).take(UNPACKED_LIMIT).read_to_end(&mut xml);
        if let Some(reference) = reference_beyond_sheet(&xml) {
            return Err(ImportError::CellBeyondSheet {
                place: Place::file(file),
                part,
                reference,
            });
        }
    }
    Ok(())
}

/// The first value of an `r`, `ref` or `sqref` attribute in a sheet's XML that refers past
/// the sheet's last cell (at most 40 characters of it).
fn reference_beyond_sheet(xml: &[u8]) -> Option<String> {
    let mut at = 0;
    while let Some(found) = xml[at..].iter().position(|b| *b == b'=') {
        let equals = at + found;
        at = equals + 1;
        let name_start = xml[..equals]
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        let name = &xml[name_start..equals];
        let quote = xml.get(equals + 1).copied();
        if !(matches!(name, b"r" | b"ref" | b"sqref") && matches!(quote, Some(b'"' | b'\''))) {
            continue;
        }
        // An attribute: whitespace before its name.
        if name_start == 0 || !xml[name_start - 1].is_ascii_whitespace() {
            continue;
        }
        let value_start = equals + 2;
        let length = xml
            .get(value_start..)?
            .iter()
            .position(|b| Some(*b) == quote)?;
        let value = String::from_utf8_lossy(&xml[value_start..value_start + length]);
        for reference in value.split(|c: char| c == ':' || c.is_whitespace()) {
            if within_sheet(reference) == Some(false) {
                return Some(reference.chars().take(40).collect());
            }
        }
        at = value_start + length;
    }
    None
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

/// The rows of a sheet that hold a cell (with their 1-based row numbers), each as wide as
/// the widest. An XLSX sheet is read cell by cell, so that only the cells it has are held.
fn sheet_rows<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Sheets<RS>,
    name: &str,
    place: &Place,
) -> Result<(Vec<Vec<CellValue>>, Vec<usize>), ImportError> {
    let broken = |e: &dyn std::fmt::Display| ImportError::Workbook {
        place: place.clone(),
        reason: e.to_string(),
    };
    let too_large = |cells: usize, limit: usize| ImportError::SheetTooLarge {
        place: place.clone(),
        cells,
        limit,
    };
    let mut by_row: std::collections::BTreeMap<u32, Vec<(u32, CellValue)>> =
        std::collections::BTreeMap::new();
    let mut count = 0usize;
    match workbook {
        calamine::Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx.worksheet_cells_reader(name).map_err(|e| broken(&e))?;
            while let Some(found) = reader.next_cell().map_err(|e| broken(&e))? {
                let value = cell(&Data::from(found.get_value().clone()));
                if value.is_empty() {
                    continue;
                }
                count = count.saturating_add(1);
                if count > CELL_LIMIT {
                    return Err(too_large(count, CELL_LIMIT));
                }
                let (row, column) = found.get_position();
                by_row.entry(row).or_default().push((column, value));
            }
        }
        other => {
            let range = other.worksheet_range(name).map_err(|e| broken(&e))?;
            for (row, column, data) in range.used_cells() {
                let value = cell(data);
                if value.is_empty() {
                    continue;
                }
                count = count.saturating_add(1);
                if count > CELL_LIMIT {
                    return Err(too_large(count, CELL_LIMIT));
                }
                let (first_row, first_column) = range.start().unwrap_or((0, 0));
                let row = u32::try_from(row)
                    .unwrap_or(u32::MAX)
                    .saturating_add(first_row);
                let column = u32::try_from(column)
                    .unwrap_or(u32::MAX)
                    .saturating_add(first_column);
                by_row.entry(row).or_default().push((column, value));
            }
        }
    }
    let width = by_row
        .values()
        .flatten()
        .map(|(c, _)| *c as usize)
        .max()
        .map_or(0, |c| c.saturating_add(1));
    let cells = width.saturating_mul(by_row.len());
    if cells > GRID_LIMIT {
        return Err(too_large(cells, GRID_LIMIT));
    }
    let mut rows = Vec::with_capacity(by_row.len());
    let mut line_numbers = Vec::with_capacity(by_row.len());
    for (row, found) in by_row {
        let mut cells = vec![CellValue::Empty; width];
        for (column, value) in found {
            if let Some(slot) = cells.get_mut(column as usize) {
                *slot = value;
            }
        }
        rows.push(cells);
        line_numbers.push((row as usize).saturating_add(1));
    }
    Ok((rows, line_numbers))
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
        let place = Place {
            sheet: Some(name.clone()),
            ..Place::file(file)
        };
        let (rows, line_numbers) = sheet_rows(&mut workbook, &name, &place)?;
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
