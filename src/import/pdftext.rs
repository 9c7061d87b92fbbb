//! Text copied from a PDF budget book or financial statement, pasted or loaded as `.txt`.
//! The seeds `003_…` and `004_…` are exactly this.
//!
//! The reader finds every financial table (a header line with year columns, then rows of a
//! label and numbers), names it after its heading, reads its columns, and splits each row's
//! numbers although their thousands separators are spaces: by the column count and the
//! digit-group rules first, then by the subtotals the table must satisfy. A row that stays
//! ambiguous is reported, not guessed. Tables with the same name are merged into one node;
//! tables whose figures add up to an earlier table become its units. Printed Poikkeama and
//! Toteuma % are checked against the figures, never stored.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::columns::{
    Header, HeaderColumn, derived_mismatches, join_two_line_header, parse_header,
};
use super::goals::{Contents, read_cell_tables, strip_tags};
use super::mapping::{LineTarget, Mapping};
use super::split::splits;
use super::{Detection, ImportError, Imported, Place, Warning, WarningKind, slug};
use crate::analysis::validate::{CheckKind, Severity, validate};
use crate::model::{
    Amount, Column, Dataset, Figures, Investment, InvestmentLine, Line, OrgLevel, OrgNode,
};
use crate::numfmt::{format_eur, parse_fi_number, rounding_half_unit};

/// At most this many splits of one row are considered.
const SPLIT_CAP: usize = 2_000;
/// At most this many combinations of ambiguous rows are tried against one subtotal.
const COMBINATION_CAP: usize = 2_000_000;

/// A line of the text with markup removed.
struct TextLine {
    number: usize,
    text: String,
    /// A markdown heading (`## Talouspalvelut`, `**Vaalit**`).
    heading: Option<String>,
}

fn strip_markup(raw: &str) -> String {
    strip_tags(raw, "").replace("**", "")
}

fn heading_of(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let text = if let Some(rest) = trimmed.strip_prefix('#') {
        rest.trim_start_matches('#').trim()
    } else if trimmed.len() > 4 && trimmed.starts_with("**") && trimmed.ends_with("**") {
        trimmed.trim_matches('*').trim()
    } else {
        return None;
    };
    let text = strip_markup(text).trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// How a row's numbers are given.
enum Cells {
    /// Tab-separated cells, one per column.
    Tabbed(Vec<String>),
    /// Space-separated tokens to be split into the columns.
    Spaced(Vec<String>),
}

struct RawRow {
    line: usize,
    label: String,
    cells: Cells,
}

/// A table as found in the text.
struct RawTable {
    header_line: usize,
    name: String,
    header: Header,
    unit: Option<String>,
    investment: bool,
    level_hint: Option<OrgLevel>,
    rows: Vec<RawRow>,
    /// The paragraph printed right under the table.
    note_after: Option<String>,
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn unit_marker(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    [
        "1000e",
        "1 000 €",
        "1000 €",
        "t€",
        "1000 eur",
        "milj. €",
        "milj.€",
    ]
    .into_iter()
    .find(|m| lower.contains(m))
    .map(str::to_string)
}

fn level_from(text: &str) -> Option<OrgLevel> {
    let lower = text.to_lowercase();
    if lower.contains("vastuualue") {
        Some(OrgLevel::Vastuualue)
    } else if lower.contains("palvelualue") {
        Some(OrgLevel::Palvelualue)
    } else if lower.contains("toimiala") {
        Some(OrgLevel::Toimiala)
    } else {
        None
    }
}

fn is_number_start(token: &str) -> bool {
    let mut chars = token.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if crate::numfmt::is_minus(c) => {
            let rest: String = chars.collect();
            rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit())
        }
        Some('(') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Splits a body line into a label and its cells, or `None` for a line that is no row.
fn parse_row(line: &TextLine) -> Option<RawRow> {
    let text = line.text.trim_end();
    if text.contains('\t') {
        let mut cells = text.split('\t').map(|c| c.trim().to_string());
        let label = cells.next()?.trim().to_string();
        let rest: Vec<String> = cells.collect();
        if label.is_empty() {
            return None;
        }
        return Some(RawRow {
            line: line.number,
            label,
            cells: Cells::Tabbed(rest),
        });
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let first_number = tokens
        .iter()
        .position(|t| is_number_start(t))
        .unwrap_or(tokens.len());
    let label = tokens[..first_number].join(" ");
    if label.is_empty() {
        return None;
    }
    let numbers = tokens[first_number..]
        .iter()
        .map(|t| t.to_string())
        .collect();
    Some(RawRow {
        line: line.number,
        label,
        cells: Cells::Spaced(numbers),
    })
}

/// Finds the tables of a text.
fn find_tables(lines: &[TextLine]) -> Vec<RawTable> {
    let mut tables = Vec::new();
    let mut i = 0;
    // Where the text since the previous table starts: headings there name the next table.
    let mut since = 0;
    while i < lines.len() {
        let text = &lines[i].text;
        let mut header = parse_header(text);
        let mut body_start = i + 1;
        // A header printed on two lines: kinds over years.
        if header.is_none()
            && text.contains('\t')
            && let Some(next) = lines
                .get(i + 1)
                .filter(|n| n.text.trim_start().to_lowercase().starts_with("selite"))
        {
            let first: Vec<&str> = text.split('\t').collect();
            let second: Vec<&str> = next.text.split('\t').collect();
            header = parse_header(&join_two_line_header(&first, &second));
            body_start = i + 2;
        }
        let Some(mut header) = header else {
            i += 1;
            continue;
        };
        // A table name wrapped onto the line above (`Hyvinvoinnin ja terveyden` over
        // `edistäminen TP 2022 …`); an all-capitals line above is a heading instead.
        if i > 0 {
            let above = lines[i - 1].text.trim();
            let wrapped = !above.is_empty()
                && above.chars().any(char::is_lowercase)
                && !above.chars().any(|c| c.is_ascii_digit())
                && above.chars().count() < 60
                && lines[i - 1].heading.is_none()
                && i > since;
            if wrapped {
                header.label = format!("{above} {}", header.label).trim().to_string();
            }
        }

        let mut unit = None;
        let mut investment = false;
        // Lines under the header that carry only the caption and the unit (`Selite 1000e`,
        // `Investoinnit 1000e`).
        while let Some(line) = lines.get(body_start) {
            let lower = line.text.trim().to_lowercase();
            let caption_only = lower.starts_with("selite") || lower.starts_with("investoinnit");
            if caption_only
                && !line
                    .text
                    .split_whitespace()
                    .skip(1)
                    .any(|t| is_number_start(t) && !t.ends_with('e'))
            {
                unit = unit.or_else(|| unit_marker(&line.text));
                investment |= lower.starts_with("investoinnit");
                body_start += 1;
            } else {
                break;
            }
        }

        let mut rows = Vec::new();
        let mut j = body_start;
        while j < lines.len() && !is_blank(&lines[j].text) {
            if parse_header(&lines[j].text).is_some() {
                break;
            }
            if let Some(row) = parse_row(&lines[j]) {
                rows.push(row);
            }
            j += 1;
        }

        // Headings between the previous table and this one name it and tell its level.
        let context = &lines[since..i];
        let heading = context.iter().rev().find_map(|l| l.heading.clone());
        investment |= context
            .iter()
            .rev()
            .take(4)
            .any(|l| l.text.to_lowercase().contains("investoinnit"));
        // The level: from the table's own name, or a heading just above it.
        let level_hint = level_from(&header.label).or_else(|| {
            context
                .iter()
                .rev()
                .filter(|l| !is_blank(&l.text))
                .take(6)
                .filter(|l| {
                    l.heading.is_some()
                        || l.text
                            .trim()
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase)
                })
                .find_map(|l| level_from(&l.text))
        });
        let name = match heading {
            Some(h) if !investment && level_from(&h).is_none() => h,
            _ => header.label.clone(),
        };

        // The paragraph right under the table.
        let mut k = j;
        while k < lines.len() && is_blank(&lines[k].text) {
            k += 1;
        }
        let note_after = lines
            .get(k)
            .filter(|l| parse_header(&l.text).is_none() && l.heading.is_none())
            .map(|l| l.text.trim().to_string());

        tables.push(RawTable {
            header_line: lines[i].number,
            name,
            header,
            unit,
            investment,
            level_hint,
            rows,
            note_after,
        });
        since = j;
        i = j.max(i + 1);
    }
    tables
}

/// A row whose numbers are read: one value per header column, or the candidate splits.
struct ReadRow {
    line: usize,
    label: String,
    target: RowTarget,
    candidates: Vec<Vec<Option<Decimal>>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowTarget {
    Line(Line),
    Investment(InvestmentLine),
}

fn investment_line(label: &str) -> Option<InvestmentLine> {
    match super::super::model::line::normalise_label(label).as_str() {
        "menot" | "investointimenot" | "utgifter" => Some(InvestmentLine::Menot),
        "tulot" | "investointitulot" | "rahoitusosuudet" | "inkomster" => {
            Some(InvestmentLine::Tulot)
        }
        "netto" | "nettoinvestoinnit" => Some(InvestmentLine::Netto),
        _ => None,
    }
}

/// Reads the rows of one table into candidates; rows that cannot be read become warnings.
fn read_rows(
    file: &str,
    table: &RawTable,
    mapping: &Mapping,
    warnings: &mut Vec<Warning>,
) -> Vec<ReadRow> {
    let width = table.header.columns.len();
    let mut out = Vec::new();
    for row in &table.rows {
        let target = if table.investment {
            investment_line(&row.label).map(RowTarget::Investment)
        } else {
            match mapping.line(&row.label) {
                Some(LineTarget::Line { line }) => Some(RowTarget::Line(line)),
                // The user said to leave the row out.
                Some(LineTarget::Ignore) => continue,
                None => Line::from_label(&row.label).map(RowTarget::Line),
            }
        };
        // A lone dash after a caption (`TOIMINTATUOTOT -`) is no figure.
        let is_figure =
            |c: &String| !c.trim().is_empty() && !c.trim().chars().all(crate::numfmt::is_minus);
        let has_numbers = match &row.cells {
            Cells::Tabbed(cells) => cells.iter().any(is_figure),
            Cells::Spaced(tokens) => tokens.iter().any(is_figure),
        };
        if !has_numbers {
            // A section caption such as `TOIMINTATUOTOT -`: no figures to take.
            continue;
        }
        let place = Place::line(file, row.line);
        let Some(target) = target else {
            warnings.push(Warning {
                place,
                kind: WarningKind::UnknownLine {
                    label: row.label.clone(),
                },
            });
            continue;
        };
        let candidates = match &row.cells {
            Cells::Tabbed(cells) => {
                let filled: Vec<&String> = cells.iter().collect();
                if filled.len() < width || filled[width..].iter().any(|c| !c.trim().is_empty()) {
                    warnings.push(Warning {
                        place,
                        kind: WarningKind::CellCount {
                            label: row.label.clone(),
                            found: filled.iter().filter(|c| !c.trim().is_empty()).count(),
                            expected: width,
                        },
                    });
                    continue;
                }
                let mut values = Vec::with_capacity(width);
                let mut bad = None;
                for cell in &filled[..width] {
                    match parse_fi_number(cell) {
                        Ok(value) => values.push(value),
                        Err(_) => {
                            bad = Some(cell.to_string());
                            break;
                        }
                    }
                }
                if let Some(found) = bad {
                    warnings.push(Warning {
                        place,
                        kind: WarningKind::NotANumber {
                            label: row.label.clone(),
                            found,
                        },
                    });
                    continue;
                }
                vec![values]
            }
            Cells::Spaced(tokens) => {
                let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
                match splits(&refs, width, SPLIT_CAP) {
                    None => {
                        warnings.push(Warning {
                            place,
                            kind: WarningKind::NotANumber {
                                label: row.label.clone(),
                                found: tokens.join(" "),
                            },
                        });
                        continue;
                    }
                    Some(found) if found.is_empty() => {
                        warnings.push(Warning {
                            place,
                            kind: WarningKind::Unsplittable {
                                label: row.label.clone(),
                                expected: width,
                            },
                        });
                        continue;
                    }
                    Some(found) => found
                        .into_iter()
                        .map(|v| v.into_iter().map(Some).collect())
                        .collect(),
                }
            }
        };
        out.push(ReadRow {
            line: row.line,
            label: row.label.clone(),
            target,
            candidates,
        });
    }
    out
}

/// Narrows the candidates of ambiguous rows with the subtotals of the table: a split stays
/// only if some choice of the other rows makes every value column of the subtotal add up.
fn narrow_by_subtotals(rows: &mut [ReadRow], value_columns: &[usize]) {
    loop {
        let mut changed = false;
        let mut updates: Vec<(usize, Vec<Vec<Option<Decimal>>>)> = Vec::new();
        for (index, row) in rows.iter().enumerate() {
            let RowTarget::Line(line) = row.target else {
                continue;
            };
            if !line.is_subtotal() {
                continue;
            }
            let members: Vec<usize> = std::iter::once(index)
                .chain(rows.iter().enumerate().filter(|(_, r)| matches!(r.target, RowTarget::Line(l) if line.parts().contains(&l))).map(|(i, _)| i))
                .collect();
            if members.len() < 2 || members.iter().all(|&m| rows[m].candidates.len() == 1) {
                continue;
            }
            let combinations = members
                .iter()
                .try_fold(1usize, |acc, &m| acc.checked_mul(rows[m].candidates.len()));
            if combinations.is_none_or(|c| c > COMBINATION_CAP) {
                continue;
            }
            let mut keep: Vec<Vec<bool>> = members
                .iter()
                .map(|&m| vec![false; rows[m].candidates.len()])
                .collect();
            let mut choice = vec![0usize; members.len()];
            loop {
                let holds = value_columns.iter().all(|&c| {
                    let total = rows[members[0]].candidates[choice[0]][c];
                    let parts: Option<Vec<Decimal>> = members[1..]
                        .iter()
                        .zip(&choice[1..])
                        .map(|(&m, &k)| rows[m].candidates[k][c])
                        .collect();
                    match (total, parts) {
                        (Some(total), Some(parts)) => {
                            let tolerance =
                                rounding_half_unit(total) * Decimal::from(parts.len() + 1);
                            (total - parts.iter().sum::<Decimal>()).abs() <= tolerance
                        }
                        _ => true,
                    }
                });
                if holds {
                    for (slot, &k) in choice.iter().enumerate() {
                        keep[slot][k] = true;
                    }
                }
                // Next combination.
                let mut slot = 0;
                loop {
                    if slot == members.len() {
                        break;
                    }
                    choice[slot] += 1;
                    if choice[slot] < rows[members[slot]].candidates.len() {
                        break;
                    }
                    choice[slot] = 0;
                    slot += 1;
                }
                if slot == members.len() {
                    break;
                }
            }
            // Only narrow when at least one combination holds; otherwise the table is
            // inconsistent and validation will say so.
            if keep.iter().all(|k| k.iter().any(|&b| b)) {
                for (slot, &m) in members.iter().enumerate() {
                    let before = rows[m].candidates.len();
                    let mut kept = Vec::new();
                    for (k, candidate) in rows[m].candidates.iter().enumerate() {
                        if keep[slot][k] {
                            kept.push(candidate.clone());
                        }
                    }
                    if kept.len() < before {
                        changed = true;
                    }
                    updates.push((m, kept));
                }
            }
        }
        for (index, candidates) in updates {
            if candidates.len() < rows[index].candidates.len() {
                rows[index].candidates = candidates;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The figures of an investments table: line → column → amount.
type InvestmentFigures = BTreeMap<InvestmentLine, BTreeMap<String, Amount>>;

/// One node's figures as read, before they are placed in the tree.
struct NodeDraft {
    name: String,
    level_hint: Option<OrgLevel>,
    figures: Figures,
    first_line: usize,
}

/// Reads a whole text.
pub fn import_text(
    file: &str,
    text: &str,
    encoding: Option<&str>,
) -> Result<Imported, ImportError> {
    import_text_with_mapping(file, text, encoding, &Mapping::default())
}

/// Reads a whole text, with the user's mapping of row labels.
pub fn import_text_with_mapping(
    file: &str,
    text: &str,
    encoding: Option<&str>,
    mapping: &Mapping,
) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            place: Place::file(file),
        });
    }
    let lines: Vec<TextLine> = text
        .lines()
        .enumerate()
        .map(|(n, raw)| TextLine {
            number: n + 1,
            text: strip_markup(raw),
            heading: heading_of(raw),
        })
        .collect();
    let tables = find_tables(&lines);
    if tables.is_empty() {
        return Err(ImportError::NoTables {
            place: Place::file(file),
        });
    }

    let mut detections = Vec::new();
    if let Some(encoding) = encoding {
        detections.push(Detection::Encoding(encoding.to_string()));
    }
    let mut warnings = Vec::new();

    // Read every table; split rows; narrow ambiguous rows by subtotals.
    let mut read: Vec<(usize, Vec<ReadRow>)> = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        let mut rows = read_rows(file, table, mapping, &mut warnings);
        let value_columns: Vec<usize> = table
            .header
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, HeaderColumn::Value { .. }))
            .map(|(i, _)| i)
            .collect();
        let ambiguous_before: Vec<bool> = rows.iter().map(|r| r.candidates.len() > 1).collect();
        narrow_by_subtotals(&mut rows, &value_columns);
        for (row, was_ambiguous) in rows.iter().zip(ambiguous_before) {
            if was_ambiguous && row.candidates.len() == 1 {
                detections.push(Detection::SplitBySubtotals {
                    row: row.label.clone(),
                    line: row.line,
                });
            }
        }
        rows.retain(|row| {
            if row.candidates.len() > 1 {
                warnings.push(Warning {
                    place: Place::line(file, row.line),
                    kind: WarningKind::Ambiguous {
                        label: row.label.clone(),
                        candidates: row.candidates.len(),
                    },
                });
                false
            } else {
                true
            }
        });
        detections.push(Detection::Table {
            name: table.name.clone(),
            columns: table
                .header
                .columns
                .iter()
                .map(|c| match c {
                    HeaderColumn::Value { kind, year } => {
                        format!("{} {year}", kind.code(crate::i18n::Lang::Fi))
                    }
                    HeaderColumn::Poikkeama => "Poikkeama".to_string(),
                    HeaderColumn::ToteumaPct => "Toteuma %".to_string(),
                })
                .collect(),
            rows: rows.len(),
            line: table.header_line,
        });
        read.push((t, rows));
    }

    // The unit: a header may say thousands while the figures are whole euros.
    let stated_unit = tables.iter().find_map(|t| t.unit.clone());
    let largest = read
        .iter()
        .flat_map(|(_, rows)| rows.iter())
        .flat_map(|r| r.candidates.first().into_iter().flatten())
        .flatten()
        .map(|v| v.abs())
        .max()
        .unwrap_or_default();
    let scale = match &stated_unit {
        Some(stated)
            if stated.contains("1000") || stated.contains("1 000") || stated.contains("t€") =>
        {
            if largest >= Decimal::from(10_000_000) {
                detections.push(Detection::UnitStatedButEuros {
                    stated: stated.clone(),
                    largest,
                });
                Decimal::ONE
            } else {
                detections.push(Detection::UnitThousands {
                    stated: stated.clone(),
                });
                Decimal::from(1000)
            }
        }
        _ => Decimal::ONE,
    };

    // Columns, figures per node, investments, derived checks.
    let mut columns: Vec<Column> = Vec::new();
    let mut drafts: Vec<NodeDraft> = Vec::new();
    // (table name, header label, figures) of each investments table.
    let mut investments: Vec<(String, String, InvestmentFigures)> = Vec::new();
    let mut merged: BTreeMap<String, usize> = BTreeMap::new();
    for (t, rows) in &read {
        let table = &tables[*t];
        let header_columns: Vec<Option<Column>> = table
            .header
            .columns
            .iter()
            .map(|c| match c {
                HeaderColumn::Value { kind, year } => Some(Column::new(*kind, *year)),
                _ => None,
            })
            .collect();
        for column in header_columns.iter().flatten() {
            if !columns.iter().any(|c| c.id == column.id) {
                columns.push(column.clone());
            }
        }
        check_derived(file, table, rows, &mut warnings);

        if table.investment {
            let mut figures: BTreeMap<InvestmentLine, BTreeMap<String, Amount>> = BTreeMap::new();
            for row in rows {
                let RowTarget::Investment(line) = row.target else {
                    continue;
                };
                for (column, value) in header_columns.iter().zip(&row.candidates[0]) {
                    if let (Some(column), Some(value)) = (column, value) {
                        figures
                            .entry(line)
                            .or_default()
                            .insert(column.id.clone(), *value * scale);
                    }
                }
            }
            investments.push((table.name.clone(), table.header.label.clone(), figures));
            continue;
        }

        let key = table.name.to_lowercase();
        let index = match merged.get(&key) {
            Some(&index) => index,
            None => {
                drafts.push(NodeDraft {
                    name: table.name.clone(),
                    level_hint: table.level_hint,
                    figures: Figures::new(),
                    first_line: table.header_line,
                });
                merged.insert(key.clone(), drafts.len() - 1);
                drafts.len() - 1
            }
        };
        let draft = &mut drafts[index];
        draft.level_hint = draft.level_hint.or(table.level_hint);
        for row in rows {
            let RowTarget::Line(line) = row.target else {
                continue;
            };
            for (column, value) in header_columns.iter().zip(&row.candidates[0]) {
                let (Some(column), Some(value)) = (column, value) else {
                    continue;
                };
                let value = *value * scale;
                let by_col = draft.figures.entry(line).or_default();
                match by_col.get(&column.id) {
                    Some(existing) if *existing != value => warnings.push(Warning {
                        place: Place::line(file, row.line),
                        kind: WarningKind::Conflict {
                            label: row.label.clone(),
                            column: column.label(crate::i18n::Lang::Fi),
                            kept: format_eur(*existing, crate::i18n::Lang::Fi),
                            other: format_eur(value, crate::i18n::Lang::Fi),
                        },
                    }),
                    Some(_) => {}
                    None => {
                        by_col.insert(column.id.clone(), value);
                    }
                }
            }
        }
    }
    for (name, count) in tables
        .iter()
        .filter(|t| !t.investment)
        .fold(BTreeMap::<String, (String, usize)>::new(), |mut acc, t| {
            acc.entry(t.name.to_lowercase())
                .or_insert((t.name.clone(), 0))
                .1 += 1;
            acc
        })
        .into_values()
    {
        if count > 1 {
            detections.push(Detection::Merged {
                name,
                tables: count,
            });
        }
    }

    // Column notes: a paragraph under a table that speaks of one of its years.
    for table in &tables {
        let Some(note) = &table.note_after else {
            continue;
        };
        let lower = note.to_lowercase();
        for column in columns.iter_mut() {
            let speaks_of_year = lower.starts_with(&format!("vuoden {}", column.year))
                || lower.starts_with(&format!("vuosien {}", column.year));
            let is_table_column = table.header.columns.iter().any(|c| matches!(c, HeaderColumn::Value { kind, year } if *year == column.year && Column::new(*kind, *year).id == column.id));
            if speaks_of_year
                && is_table_column
                && column.note.is_none()
                && (lower.contains("vertailukelpoi")
                    || lower.contains("ei ole")
                    || lower.contains("eivät"))
            {
                column.note = Some(note.clone());
                detections.push(Detection::ColumnNote {
                    kind: column.kind,
                    year: column.year,
                });
            }
        }
    }

    columns.sort_by_key(Column::sort_key);
    let mut dataset = Dataset {
        id: slug(
            file.rsplit('/')
                .next()
                .unwrap_or(file)
                .split('.')
                .next()
                .unwrap_or(file),
        ),
        name: file.rsplit('/').next().unwrap_or(file).to_string(),
        municipality: None,
        source: Some(file.to_string()),
        notes: Vec::new(),
        columns,
        org: drafts
            .iter()
            .map(|d| OrgNode {
                id: slug(&d.name),
                name: d.name.clone(),
                level: d.level_hint.unwrap_or(OrgLevel::Muu),
                parent: None,
                valid_from: None,
                valid_to: None,
                source: Some(format!("{file}, rivi {}", d.first_line)),
            })
            .collect(),
        figures: drafts
            .iter()
            .map(|d| (slug(&d.name), d.figures.clone()))
            .collect(),
        investments: Vec::new(),
        goals: Vec::new(),
        projects: Vec::new(),
        risks: Vec::new(),
    };
    if dataset.id.is_empty() {
        dataset.id = "tuotu".to_string();
    }

    infer_units(&mut dataset, &mut detections);

    // Investments belong to the node whose name their table's label starts with.
    for (name, label, figures) in investments {
        let lower = label.to_lowercase();
        let owner = dataset
            .org
            .iter()
            .filter(|n| lower.starts_with(&n.name.to_lowercase()))
            .max_by_key(|n| n.name.len())
            .or_else(|| dataset.org.first());
        let Some(owner) = owner else { continue };
        let rest = label[owner.name.len().min(label.len())..].trim();
        let item = if lower.starts_with(&owner.name.to_lowercase()) && !rest.is_empty() {
            let mut chars = rest.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase())
                .unwrap_or_default()
        } else if name.to_lowercase() == owner.name.to_lowercase() {
            "Investoinnit".to_string()
        } else {
            name
        };
        dataset.investments.push(Investment {
            org: owner.id.clone(),
            name: item,
            figures,
            note: None,
        });
    }

    let table_ends: Vec<usize> = tables
        .iter()
        .map(|t| t.rows.last().map_or(t.header_line, |r| r.line))
        .collect();
    read_cell_tables_into(
        file,
        text,
        &table_ends,
        &mut dataset,
        &mut detections,
        &mut warnings,
    );

    Ok(Imported {
        dataset,
        detections,
        warnings,
    })
}

/// The org node a table of cells belongs to: the one a heading names between the financial
/// table before it and itself, else the document's first node. (The headings' levels in text
/// copied from a PDF are not to be trusted, so only their place counts.)
fn owner_of(
    dataset: &Dataset,
    headings: &[(usize, String)],
    since: usize,
) -> Option<(String, String)> {
    headings
        .iter()
        .filter(|(line, _)| *line > since)
        .find_map(|(_, h)| {
            let h = h.to_lowercase();
            dataset.org.iter().find(|n| n.name.to_lowercase() == h)
        })
        .or_else(|| dataset.org.first())
        .map(|n| (n.id.clone(), n.name.clone()))
}

/// Reads the goals, projects and risks tables of the text and gives each to its org node (see
/// [`owner_of`]). A table without a year takes the latest year of the figures.
/// `table_ends` are the lines where the financial tables end.
fn read_cell_tables_into(
    file: &str,
    text: &str,
    table_ends: &[usize],
    dataset: &mut Dataset,
    detections: &mut Vec<Detection>,
    warnings: &mut Vec<Warning>,
) {
    let raw: Vec<(usize, &str)> = text.lines().enumerate().map(|(n, l)| (n + 1, l)).collect();
    let latest = dataset
        .columns
        .iter()
        .map(|c| c.year)
        .max()
        .unwrap_or_default();
    let since = |line: usize| {
        table_ends
            .iter()
            .copied()
            .filter(|end| *end < line)
            .max()
            .unwrap_or(0)
    };
    for table in read_cell_tables(&raw, heading_of) {
        let Some((id, name)) = owner_of(dataset, &table.headings, since(table.line)) else {
            continue;
        };
        let (kind, count) = table.contents.kind_and_count();
        if count == 0 {
            continue;
        }
        detections.push(Detection::CellTable {
            kind,
            count,
            org: name,
            line: table.line,
        });
        match table.contents {
            Contents::Goals(goals) => {
                for found in goals {
                    if let Some(status) = found.unread_status {
                        warnings.push(Warning {
                            place: Place::line(file, found.line),
                            kind: WarningKind::UnknownStatus {
                                aim: found.goal.aim.clone(),
                                found: status,
                            },
                        });
                    }
                    let mut goal = found.goal;
                    goal.org = id.clone();
                    if found.year.is_none() {
                        goal.year = latest;
                    }
                    dataset.goals.push(goal);
                }
            }
            Contents::Projects(read) => {
                // A printed total is checked against the projects' funding, never stored.
                if let Some((line, printed)) = read.total {
                    let sum: Amount = read
                        .projects
                        .iter()
                        .filter_map(|p| p.project.total_funding)
                        .sum();
                    let tolerance = Decimal::new(5, 1) * Decimal::from(read.projects.len().max(1));
                    if (sum - printed).abs() > tolerance {
                        warnings.push(Warning {
                            place: Place::line(file, line),
                            kind: WarningKind::DerivedMismatch {
                                label: "Yhteensä".to_string(),
                                column: "Kokonaisrahoitus".to_string(),
                                printed: format_eur(printed, crate::i18n::Lang::Fi),
                                computed: format_eur(sum, crate::i18n::Lang::Fi),
                            },
                        });
                    }
                }
                for found in read.projects {
                    let mut project = found.project;
                    project.org = id.clone();
                    if found.year.is_none() {
                        project.year = latest;
                    }
                    dataset.projects.push(project);
                }
            }
            Contents::Risks(risks) => {
                for (_, mut risk) in risks {
                    risk.org = id.clone();
                    risk.year = latest;
                    dataset.risks.push(risk);
                }
            }
        }
    }
}

/// Makes later nodes the units of the first where their figures add up to it. Years in
/// which they do not add up, all before the years in which they do, are read as the years
/// before the units belonged to it (a reorganisation).
fn infer_units(dataset: &mut Dataset, detections: &mut Vec<Detection>) {
    if dataset.org.len() < 2 {
        return;
    }
    let parent_id = dataset.org[0].id.clone();
    let mut trial = dataset.clone();
    for node in trial.org.iter_mut().skip(1) {
        node.parent = Some(parent_id.clone());
    }
    let report = validate(&trial);
    let org_checks: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == CheckKind::OrgSum && f.org == parent_id)
        .collect();
    // Columns in which at least one line adds up and none fails.
    let mut consistent_years = Vec::new();
    let mut failing_years = Vec::new();
    for column in &trial.columns {
        let failing = org_checks
            .iter()
            .any(|f| f.column == column.id && f.severity == Severity::Inconsistent);
        let values = crate::analysis::Values::new(&trial);
        let checked = Line::all().any(|line| {
            values.units_sum(&parent_id, line, &column.id).is_some()
                && trial.stated(&parent_id, line, &column.id).is_some()
        });
        if !checked {
            continue;
        }
        if failing {
            failing_years.push(column.year)
        } else {
            consistent_years.push(column.year)
        }
    }
    let Some(&first_consistent) = consistent_years.iter().min() else {
        return;
    };
    let from_year = if failing_years.is_empty() {
        None
    } else if failing_years.iter().all(|y| *y < first_consistent)
        && consistent_years.iter().all(|y| *y >= first_consistent)
    {
        Some(first_consistent)
    } else {
        // Mixed years: the units are kept as units, and validation reports the differences.
        None
    };
    let parent_level = dataset.org[0].level;
    let child_level = match parent_level {
        OrgLevel::Kaupunki => OrgLevel::Toimiala,
        OrgLevel::Toimiala => OrgLevel::Palvelualue,
        OrgLevel::Palvelualue => OrgLevel::Vastuualue,
        OrgLevel::Vastuualue | OrgLevel::Muu => OrgLevel::Muu,
    };
    let units: Vec<String> = dataset.org.iter().skip(1).map(|n| n.name.clone()).collect();
    for node in dataset.org.iter_mut().skip(1) {
        node.parent = Some(parent_id.clone());
        node.valid_from = from_year;
        if node.level == OrgLevel::Muu || node.level == parent_level {
            node.level = child_level;
        }
    }
    detections.push(Detection::Units {
        parent: dataset.org[0].name.clone(),
        units,
        from_year,
    });
}

/// Compares printed Poikkeama and Toteuma % with what the figures give.
fn check_derived(file: &str, table: &RawTable, rows: &[ReadRow], warnings: &mut Vec<Warning>) {
    for row in rows {
        let cells: Vec<(HeaderColumn, Option<Decimal>)> = table
            .header
            .columns
            .iter()
            .copied()
            .zip(row.candidates[0].iter().copied())
            .collect();
        warnings.extend(
            derived_mismatches(&row.label, &cells)
                .into_iter()
                .map(|kind| Warning {
                    place: Place::line(file, row.line),
                    kind,
                }),
        );
    }
}
