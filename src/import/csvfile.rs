//! CSV and TSV: the encoding, the delimiter and the way numbers are written are detected
//! and reported, then the cells go to [`super::grid`]. Excel in Finland writes `;` with
//! decimal commas, in cp1252 unless the file starts with a UTF-8 BOM.

use super::decode::decode;
use super::grid::{CellValue, Grid};
use super::mapping::Mapping;
use super::{Detection, ImportError, Imported, Place};
use crate::numfmt::NumberStyle;

/// The delimiter that splits the most sample lines into the same number of fields.
fn detect_delimiter(text: &str) -> char {
    let sample: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (';', 0usize, 0usize);
    for candidate in [';', '\t', ',', '|'] {
        let counts: Vec<usize> = sample
            .iter()
            .map(|line| {
                let mut quoted = false;
                line.chars()
                    .filter(|c| {
                        if *c == '"' {
                            quoted = !quoted;
                        }
                        !quoted && *c == candidate
                    })
                    .count()
            })
            .collect();
        let mut frequency = std::collections::HashMap::new();
        for count in counts.iter().filter(|c| **c > 0) {
            *frequency.entry(*count).or_insert(0usize) += 1;
        }
        let (modal, lines) = frequency
            .into_iter()
            .max_by_key(|(count, lines)| (*lines, *count))
            .unwrap_or((0, 0));
        if (lines, modal) > (best.1, best.2) {
            best = (candidate, lines, modal);
        }
    }
    best.0
}

/// Decides how numbers are written from the numeric-looking cells.
fn detect_style(cells: &[&str], delimiter: char) -> NumberStyle {
    let mut comma_decimal = 0;
    let mut point_decimal = 0;
    let mut point_groups = 0;
    let mut comma_groups = 0;
    for cell in cells {
        let t = cell.trim();
        if t.is_empty()
            || !t.chars().any(|c| c.is_ascii_digit())
            || t.chars().any(char::is_alphabetic)
        {
            continue;
        }
        if let Some((_, after)) = t.rsplit_once(',') {
            if after.len() != 3 && after.chars().all(|c| c.is_ascii_digit()) {
                comma_decimal += 1;
            } else if after.len() == 3 {
                comma_groups += 1;
            }
        }
        if let Some((_, after)) = t.rsplit_once('.') {
            let after: String = after.chars().take_while(char::is_ascii_digit).collect();
            if after.len() == 3 && t.matches('.').count() >= 1 && t.contains(',')
                || t.matches('.').count() > 1
            {
                point_groups += 1;
            } else if after.len() != 3 {
                point_decimal += 1;
            }
        }
    }
    if comma_decimal > 0 && point_groups > 0 {
        NumberStyle::COMMA_POINT_GROUPS
    } else if comma_decimal > 0 && delimiter != ',' {
        NumberStyle::FINNISH
    } else if point_decimal > 0 && comma_groups > 0 {
        NumberStyle::POINT_COMMA_GROUPS
    } else if point_decimal > 0 || delimiter == ',' {
        NumberStyle::POINT
    } else {
        NumberStyle::FINNISH
    }
}

/// Reads a CSV or TSV file.
/// The most cells a line may have.
pub const CELLS_PER_ROW: usize = 10_000;

/// The line of the first NUL character, if the text has one.
pub(crate) fn nul_line(text: &str) -> Option<usize> {
    let at = text.find('\0')?;
    Some(text[..at].matches('\n').count().saturating_add(1))
}

/// The line where a quoted field opens that is never closed, as the CSV reader reads
/// quotes: a quote opens a field only at its start, and `""` inside it is a quote.
fn unclosed_quote(text: &str, delimiter: char) -> Option<usize> {
    let (mut line, mut opened) = (1usize, 0usize);
    let (mut in_quote, mut at_start) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line = line.saturating_add(1);
        }
        if in_quote {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quote = false;
                }
            }
            continue;
        }
        match c {
            '"' if at_start => {
                in_quote = true;
                opened = line;
                at_start = false;
            }
            '\n' | '\r' => at_start = true,
            c if c == delimiter => at_start = true,
            _ => at_start = false,
        }
    }
    in_quote.then_some(opened)
}

pub fn import_csv(file: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_csv_with_progress(file, bytes, &Mapping::default(), &mut |_| {})
}

/// Reads a CSV or TSV file, telling `progress` how far it is (0 to 1) now and then.
pub fn import_csv_with_progress(
    file: &str,
    bytes: &[u8],
    mapping: &Mapping,
    progress: &mut dyn FnMut(f64),
) -> Result<Imported, ImportError> {
    let decoded = decode(bytes);
    if decoded.text.trim().is_empty() {
        return Err(ImportError::Empty {
            place: Place::file(file),
        });
    }
    if let Some(line) = nul_line(&decoded.text) {
        return Err(ImportError::NulByte {
            place: Place {
                line: Some(line),
                ..Place::file(file)
            },
        });
    }
    let delimiter = detect_delimiter(&decoded.text);
    if let Some(line) = unclosed_quote(&decoded.text, delimiter) {
        return Err(ImportError::UnclosedQuote {
            place: Place {
                line: Some(line),
                ..Place::file(file)
            },
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let mut rows = Vec::new();
    let mut line_numbers = Vec::new();
    // Line numbers are counted from byte offsets: the reader's own count lags after CRLF,
    // where a record's offset may point at the previous line's final `\n`.
    let text_bytes = decoded.text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0usize);
    let mut line_at = |byte: usize| {
        let end = (byte + 1).min(text_bytes.len());
        if end > counted_to {
            newlines += text_bytes[counted_to..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted_to = end;
        }
        // The newlines up to and including the record's first byte end the lines before it.
        newlines + 1
    };
    let total = decoded.text.len().max(1) as f64;
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Malformed {
            place: Place {
                line: e.position().map(|p| p.line() as usize),
                ..Place::file(file)
            },
            reason: e.to_string(),
        })?;
        // No budget table is this wide: a line of millions of cells (a file without line
        // breaks) is refused at once rather than read cell by cell.
        if record.len() > CELLS_PER_ROW {
            return Err(ImportError::RowTooWide {
                place: Place {
                    line: record.position().map(|p| line_at(p.byte() as usize)),
                    ..Place::file(file)
                },
                cells: record.len(),
                limit: CELLS_PER_ROW,
            });
        }
        if rows.len() % 50_000 == 0 {
            progress(0.6 * record.position().map_or(0.0, |p| p.byte() as f64) / total);
        }
        line_numbers.push(
            record
                .position()
                .map_or(rows.len() + 1, |p| line_at(p.byte() as usize)),
        );
        rows.push(
            record
                .iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        CellValue::Empty
                    } else {
                        CellValue::Text(c.to_string())
                    }
                })
                .collect::<Vec<_>>(),
        );
    }
    let sample: Vec<&str> = rows
        .iter()
        .take(2000)
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            CellValue::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let style = detect_style(&sample, delimiter);
    let detections = vec![
        Detection::Encoding(decoded.encoding.to_string()),
        Detection::Delimiter(delimiter),
        Detection::Numbers {
            decimal: style.decimal,
            group: style.group,
        },
    ];
    let grid = Grid {
        mapping: mapping.clone(),
        file: file.to_string(),
        sheet: None,
        rows,
        line_numbers,
        style,
    };
    super::grid::import_grid_with_progress(&grid, detections, &mut |done| {
        progress(0.6 + 0.4 * done)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_number_styles() {
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), ';');
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), ',');
        assert_eq!(detect_delimiter("a\tb\n\"1;2\"\t3\n"), '\t');
        assert_eq!(
            detect_style(&["-1 009 492", "88,12"], ';'),
            NumberStyle::FINNISH
        );
        assert_eq!(
            detect_style(&["1.234.567,50", "12,5"], ';'),
            NumberStyle::COMMA_POINT_GROUPS
        );
        assert_eq!(
            detect_style(&["-1009492", "88.12"], ','),
            NumberStyle::POINT
        );
        assert_eq!(detect_style(&["1009492"], ';'), NumberStyle::FINNISH);
    }
}
