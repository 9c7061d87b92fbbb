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

use super::cell_tables::{Contents, read_cell_tables};
use super::cells::strip_tags;
use super::columns::{Cell, DerivedColumn, DocumentContext, parse_cell, settle};
use super::columns::{
    Header, HeaderColumn, derived_mismatches, join_two_line_header, parse_header,
};
use super::findings::{TableDetection, TableWarning};
use super::glued;
use super::layout;
use super::mapping::{LineTarget, Mapping};
use super::split::{glued as split_glued, splits};
use super::{ApartReason, Detection, ImportError, Imported, Place, Warning, WarningKind, slug};
use crate::analysis::validate::{CheckKind, Severity, validate};
use crate::model::{
    Amount, Column, Dataset, Figures, Investment, InvestmentLine, Line, OrgLevel, OrgNode,
    UnreadRow,
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
    /// A laid-out row with two figures under one header column.
    Unplaced { column: String },
    /// A web page's row whose figures ran together: its possible splits placed in the
    /// columns, or none (and the count of figures its spaces leave room for).
    Split {
        candidates: Vec<Vec<Option<Decimal>>>,
        expected: usize,
    },
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
    /// Header cells whose kind or year came from the document: (cell, column, source).
    settled: Vec<(String, String, String)>,
    /// Minus signs joined from the line above their figures, and labels joined over lines.
    signs: usize,
    joined: usize,
    /// Rows of a web page's table split where their figures ran together, and those of
    /// them placed by the spaces of their empty cells.
    glued: (usize, usize),
}

/// A header whose cells name columns, but one of them leaves its year or kind open and the
/// document does not tell it.
struct OpenHeader {
    line: usize,
    cell: String,
    open: super::columns::OpenCell,
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

/// Finds the tables of a text: laid-out tables first (figures placed under their columns),
/// then tables whose header prints its columns word by word.
fn find_tables(
    lines: &[TextLine],
    context: &DocumentContext,
    mapping: &Mapping,
    open: &mut Vec<OpenHeader>,
) -> Vec<RawTable> {
    let mut tables = Vec::new();
    let mut i = 0;
    // Where the text since the previous table starts: headings there name the next table.
    let mut since = 0;
    while i < lines.len() {
        let found = glued_table(lines, i, since, context, mapping).or_else(|| {
            layout_table(lines, i, since, context, mapping)
                .map(|found| found.map(|(table, end)| (vec![table], end)))
        });
        match found {
            Some(Ok((found, end))) => {
                tables.extend(found);
                since = end;
                i = end.max(i + 1);
                continue;
            }
            Some(Err(header)) => {
                open.push(header);
                i += 1;
                continue;
            }
            None => {}
        }
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
        // Blank lines between the header and its first row do not end the table.
        while j < lines.len() && is_blank(&lines[j].text) {
            j += 1;
        }
        while j < lines.len() && !is_blank(&lines[j].text) {
            if parse_header(&lines[j].text).is_some() {
                break;
            }
            if let Some(row) = parse_row(&lines[j]) {
                rows.push(row);
            }
            j += 1;
        }

        let (name, level_hint, investment_above, note_after) =
            table_context(lines, since, i, j, &header.label);
        investment |= investment_above;

        tables.push(RawTable {
            header_line: lines[i].number,
            name,
            header,
            unit,
            investment,
            level_hint,
            rows,
            note_after,
            settled: Vec::new(),
            signs: 0,
            joined: 0,
            glued: (0, 0),
        });
        since = j;
        i = j.max(i + 1);
    }
    tables
}

/// A page number as a page prints it (`139`, `115/157`).
fn is_page_number(text: &str) -> bool {
    let lone = text.trim();
    !lone.is_empty() && lone.len() <= 3 && lone.chars().all(|c| c.is_ascii_digit())
        || lone.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 4
                && b.len() <= 4
                && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
        })
}

/// Where a table goes on after the page break at `at`: the first line of the next page that
/// is a row of the table (its figures under the table's columns, its name a statement line),
/// past the page's running head (a few short lines: the book's title, the chapter, the page
/// number). None where the page starts another table (a header) or prose, or where no row
/// comes within its first lines.
fn continued_at(
    lines: &[TextLine],
    at: usize,
    spans: &[layout::Segment],
    mapping: &Mapping,
) -> Option<usize> {
    for (k, line) in lines.iter().enumerate().skip(at).take(8) {
        let text = line.text.trim_start_matches('\u{c}');
        if is_blank(text) {
            continue;
        }
        // The running head's page number (`Talousarvio 2025      13`) is no column.
        let text = match text.trim_end().rsplit_once("  ") {
            Some((head, number)) if is_page_number(number) => head,
            _ => text,
        };
        // A header of two or more columns starts another table; the book's running head
        // (`Talousarvio 2025`) names one at most.
        if parse_header(text).is_some_and(|h| h.columns.len() >= 2)
            || layout::find_header(&[text], 0).is_some_and(|h| h.columns.len() >= 2)
        {
            return None;
        }
        match layout::place_row(text, spans, &[], is_layout_figure) {
            Some(Ok(row)) => {
                let known =
                    Line::from_label(&row.label).is_some() || mapping.line(&row.label).is_some();
                if known && row.cells.iter().any(|c| !c.trim().is_empty()) {
                    return Some(k);
                }
            }
            Some(Err(_)) => return None,
            None => {
                // Prose: the page goes on with something else.
                let trimmed = text.trim();
                if trimmed.chars().count() > 70 || trimmed.ends_with('.') {
                    return None;
                }
            }
        }
    }
    None
}

/// A figure as a laid-out row prints it, without a trailing `%` or `€`.
fn clean_figure(text: &str) -> &str {
    text.trim().trim_end_matches(['%', '€']).trim()
}

fn is_layout_figure(text: &str) -> bool {
    matches!(parse_fi_number(clean_figure(text)), Ok(Some(_)))
}

/// A header's settled columns, and for each cell settled from the document: (cell, column,
/// source).
type HeaderColumns = (Vec<HeaderColumn>, Vec<(String, String, String)>);

/// What the cells of a header mean (the user's mapping of a cell first, `2024` → TP 2024,
/// then the grammar), their kinds and years settled with the document. `None` unless every
/// cell means something and two of them are value columns; the cell left open, if any.
fn header_columns(
    texts: &[String],
    context: &DocumentContext,
    mapping: &Mapping,
    header_line: usize,
) -> Option<Result<HeaderColumns, OpenHeader>> {
    let mut cells: Vec<Cell> = Vec::new();
    for text in texts {
        let meaning = match mapping.column(text) {
            Some(target) => target.header_column().map_or(
                Cell::Derived(super::columns::DerivedColumn::Ignored),
                Cell::from,
            ),
            None => parse_cell(text)?,
        };
        cells.push(meaning);
    }
    if cells
        .iter()
        .filter(|c| matches!(c, Cell::Value { .. }))
        .count()
        < 2
    {
        return None;
    }
    let (columns, settled) = match settle(&cells, context) {
        Ok(settled) => settled,
        Err((index, open)) => {
            return Some(Err(OpenHeader {
                line: header_line,
                cell: texts[index].clone(),
                open,
            }));
        }
    };
    let settled = settled
        .into_iter()
        .map(|(index, source)| {
            let column = match columns[index] {
                HeaderColumn::Value { kind, year } => {
                    Column::new(kind, year).label(crate::i18n::Lang::Fi)
                }
                _ => String::new(),
            };
            (texts[index].clone(), column, source)
        })
        .collect();
    Some(Ok((columns, settled)))
}

/// The most lines a web table's header takes: one column a line, two lines a column.
const GLUED_HEADER_LINES: usize = 24;

/// The text of up to `count` lines from `at`.
fn texts(lines: &[TextLine], at: usize, count: usize) -> Vec<&str> {
    lines[at..(at + count).min(lines.len())]
        .iter()
        .map(|l| l.text.as_str())
        .collect()
}

/// One unit's rows of a web page's table: the caption naming it and where it stands.
struct Section {
    name: String,
    line: usize,
    rows: Vec<RawRow>,
    /// Rows split where their figures ran together, and of them placed by their spaces.
    glued: (usize, usize),
}

/// A table copied from a web page, its cells run together (see [`glued`]): its header as
/// [`glued::find_header`] reads it, then its rows, each split where its figures ran
/// together. When a row has fewer figures than columns, the one space a browser prints
/// for each empty cell tells which columns are empty: the table's captions (rows without
/// figures) show how many spaces stand after a name with every cell empty, and a row whose
/// spaces do not account for its columns is reported, not placed. The table ends at a
/// blank line, a different header, or prose; its header printed again over a section
/// (`Rahoitustuotot ja -kulut, 1 000 euroa01.01.-…`) does not end it, nor does a row of
/// empty cells. A table that names the same line twice holds units: each caption that is
/// no line of the statement (`Henkilöstöpalvelut`) begins a unit's table of that name.
fn glued_table(
    lines: &[TextLine],
    at: usize,
    since: usize,
    context: &DocumentContext,
    mapping: &Mapping,
) -> Option<Result<(Vec<RawTable>, usize), OpenHeader>> {
    let found = glued::find_header(&texts(lines, at, GLUED_HEADER_LINES))?;
    let header_line = lines[at + found.last].number;
    let (columns, settled) = match header_columns(&found.cells, context, mapping, header_line)? {
        Ok(found) => found,
        Err(open) => return Some(Err(open)),
    };
    let width = columns.len();
    let mut body: Vec<(usize, glued::GluedRow)> = Vec::new();
    let mut j = at + found.last + 1;
    while j < lines.len() {
        let text = lines[j].text.as_str();
        if is_blank(text) {
            // A row of empty cells (a space for each) is part of the table; an empty line
            // ends it.
            if text.chars().count() >= width {
                j += 1;
                continue;
            }
            break;
        }
        if let Some(again) = glued::find_header(&texts(lines, j, GLUED_HEADER_LINES)) {
            // The header printed again over a section of the table (its caption a line of
            // the statement, or none) goes on with it; any other ends it.
            let caption = again.label.trim_end_matches([',', ' ']);
            if again.cells != found.cells
                || !(caption.is_empty() || Line::from_label(caption).is_some())
            {
                break;
            }
            j += again.last + 1;
            continue;
        }
        match glued::split_row(text) {
            Some(row) if row.figures.is_empty() => {
                // A caption, or prose after the table; `Muutos, %` begins the rows of
                // percentages that follow a table's figures.
                let words: String = row
                    .label
                    .to_lowercase()
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == '%')
                    .collect();
                if row.label.chars().count() > 70 || row.label.ends_with('.') || words == "muutos%"
                {
                    break;
                }
                body.push((j, row));
            }
            Some(row) => body.push((j, row)),
            None => {
                // Figures without a name: a section's total printed under its parts.
                let trimmed = text.trim();
                if !trimmed.chars().all(glued::is_figure_char) {
                    break;
                }
                body.push((
                    j,
                    glued::GluedRow {
                        label: trimmed.to_string(),
                        figures: trimmed.to_string(),
                        before: 0,
                        after: 0,
                    },
                ));
            }
        }
        j += 1;
    }
    let end = j;
    // Spaces after a caption's name: one for each empty cell, and the gap after the name.
    let gaps: Vec<usize> = body
        .iter()
        .filter(|(_, r)| r.figures.is_empty() && r.before >= width)
        .map(|(_, r)| r.before - width)
        .collect();
    let gap = gaps
        .first()
        .copied()
        .filter(|g| gaps.iter().all(|x| x == g));
    // Units: a line named twice, and captions that are no lines to part them.
    let mut named = std::collections::BTreeSet::new();
    let repeats = body
        .iter()
        .filter(|(_, r)| !r.figures.is_empty())
        .filter_map(|(_, r)| Line::from_label(&r.label))
        .any(|line| !named.insert(line));
    let (name, level_hint, investment, note_after) =
        table_context(lines, since, at, end, &found.label);
    let mut sections = vec![Section {
        name,
        line: header_line,
        rows: Vec::new(),
        glued: (0, 0),
    }];
    for (index, row) in body {
        if row.figures.is_empty() {
            let starts_unit = repeats
                && Line::from_label(&row.label).is_none()
                && mapping.line(&row.label).is_none();
            if starts_unit {
                if sections.last().is_some_and(|s| s.rows.is_empty()) && sections.len() > 1 {
                    sections.pop();
                }
                sections.push(Section {
                    name: row.label.clone(),
                    line: lines[index].number,
                    rows: Vec::new(),
                    glued: (0, 0),
                });
            }
            continue;
        }
        // How many figures the row's spaces leave room for, and from which column.
        let room = gap.and_then(|gap| {
            let before = row.before.checked_sub(gap)?;
            let count = width.checked_sub(before + row.after)?;
            (count > 0).then_some((before, count))
        });
        let (before, count) = match room {
            Some(room) => room,
            None if gap.is_none() => (0, width),
            None => (0, 0),
        };
        let candidates: Vec<Vec<Option<Decimal>>> = if count == 0 {
            Vec::new()
        } else {
            split_glued(&row.figures, count, SPLIT_CAP)
                .into_iter()
                .map(|values| {
                    let mut cells = vec![None; width];
                    for (k, value) in values.into_iter().enumerate() {
                        cells[before + k] = Some(value);
                    }
                    cells
                })
                .collect()
        };
        let section = sections.last_mut()?;
        if !candidates.is_empty() {
            section.glued.0 += 1;
            if count < width {
                section.glued.1 += 1;
            }
        }
        section.rows.push(RawRow {
            line: lines[index].number,
            label: row.label,
            cells: Cells::Split {
                candidates,
                expected: count.max(1),
            },
        });
    }
    // The rows above the first unit's caption, if none, make no table of their own.
    if sections.len() > 1 && sections[0].rows.is_empty() {
        sections.remove(0);
    }
    let last = sections.len().saturating_sub(1);
    let tables = sections
        .into_iter()
        .enumerate()
        .map(|(k, section)| RawTable {
            header_line: section.line,
            name: section.name,
            header: Header {
                label: found.label.clone(),
                columns: columns.clone(),
            },
            unit: found.unit.clone(),
            investment,
            level_hint: if k == 0 { level_hint } else { None },
            rows: section.rows,
            note_after: if k == last { note_after.clone() } else { None },
            settled: if k == 0 { settled.clone() } else { Vec::new() },
            signs: 0,
            joined: 0,
            glued: section.glued,
        })
        .collect();
    Some(Ok((tables, end)))
}

/// A financial table in laid-out text (`pdftotext -layout`): a header read by
/// [`layout::find_header`] over up to four lines, its columns settled with the document's
/// title, then rows whose figures go to the column they stand under. Blank lines inside the
/// table do not end it; a line of prose after them does.
fn layout_table(
    lines: &[TextLine],
    at: usize,
    since: usize,
    context: &DocumentContext,
    mapping: &Mapping,
) -> Option<Result<(RawTable, usize), OpenHeader>> {
    if lines[at].text.contains('\t') {
        return None;
    }
    let found = layout::find_header(&texts(lines, at, 4), 0)?;
    let mut unit = None;
    let mut spans = Vec::new();
    for column in &found.columns {
        let (rest, marker) = layout::strip_unit(&column.text);
        if marker.is_some() {
            unit = unit.or(marker);
        }
        if rest.is_empty() {
            continue;
        }
        spans.push(layout::Segment {
            text: rest,
            ..column.clone()
        });
    }
    let (label, label_unit) = layout::strip_unit(&found.label);
    unit = unit.or(label_unit);
    let header_line = lines[at + found.last].number;
    let texts: Vec<String> = spans.iter().map(|s| s.text.clone()).collect();
    let (columns, settled) = match header_columns(&texts, context, mapping, header_line)? {
        Ok(found) => found,
        Err(open) => return Some(Err(open)),
    };

    let mut rows = Vec::new();
    let mut minus_at: Vec<usize> = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    let (mut signs, mut joined) = (0, 0);
    let mut blank_run = 0;
    let mut j = at + found.last + 1;
    let mut end = j;
    while j < lines.len() {
        let line = &lines[j];
        // A page break (`\f` before a page's first line, as `pdftotext` and the PDF reader
        // mark it): the table goes on where the next page's first rows are its own rows,
        // under the page's running head and without its header again.
        let text = match line.text.strip_prefix('\u{c}') {
            Some(rest) => {
                match continued_at(lines, j, &spans, mapping) {
                    Some(next) if next > j => {
                        j = next;
                        blank_run = 0;
                        pending = None;
                        minus_at.clear();
                        continue;
                    }
                    // The page's first line is the table's next row.
                    Some(_) => {
                        blank_run = 0;
                        pending = None;
                        minus_at.clear();
                    }
                    None => break,
                }
                rest
            }
            None => line.text.as_str(),
        };
        if is_blank(text) {
            blank_run += 1;
            if blank_run > 3 {
                break;
            }
            j += 1;
            continue;
        }
        // The unit under the header's cells, a blank line between them (`1 000 €   1 000 €`).
        let segments = layout::segments(text);
        let units: Vec<Option<String>> = segments
            .iter()
            .map(|s| match layout::strip_unit(&s.text) {
                (rest, Some(marker)) if rest.is_empty() => Some(marker),
                _ => None,
            })
            .collect();
        if rows.is_empty() && !units.is_empty() && units.iter().all(Option::is_some) {
            unit = unit.or_else(|| units.into_iter().flatten().next());
            j += 1;
            continue;
        }
        if parse_header(text).is_some()
            || layout::find_header(&[text], 0).is_some_and(|h| h.columns.len() >= 2)
        {
            break;
        }
        if let Some(positions) = layout::detached_minus_signs(text) {
            minus_at = positions;
            j += 1;
            continue;
        }
        // A page number (`139`, `115/157`) alone on its line ends the table's page.
        let page_number = is_page_number(text);
        if page_number && pending.is_none() {
            // The page's number at its foot, the next page just after it: the page ends,
            // the table may not.
            let next_page = lines
                .iter()
                .skip(j + 1)
                .take(4)
                .find(|l| !is_blank(&l.text) || l.text.starts_with('\u{c}'))
                .is_some_and(|l| l.text.starts_with('\u{c}'));
            if next_page {
                j += 1;
                continue;
            }
            break;
        }
        match layout::place_row(text, &spans, &minus_at, is_layout_figure) {
            Some(placed) => {
                let (label, cells) = match placed {
                    Ok(row) => {
                        signs += row.signs;
                        (
                            row.label,
                            Cells::Tabbed(
                                row.cells
                                    .iter()
                                    .map(|c| clean_figure(c).to_string())
                                    .collect(),
                            ),
                        )
                    }
                    Err(layout::PlaceError::TwoUnderOne { column }) => {
                        let label = text
                            .split_whitespace()
                            .take_while(|t| !is_number_start(t))
                            .collect::<Vec<_>>()
                            .join(" ");
                        (
                            label,
                            Cells::Unplaced {
                                column: spans[column].text.clone(),
                            },
                        )
                    }
                };
                let label = match pending.take() {
                    Some((_, above))
                        if label.is_empty() || label.starts_with(|c: char| c.is_lowercase()) =>
                    {
                        joined += 1;
                        super::columns::join_broken_words(&[&above, &label])
                    }
                    _ if label.is_empty() => {
                        // Figures without a label (the rest of a row broken over lines): they
                        // belong to no line that can be named, and are reported as printed.
                        text.trim().to_string()
                    }
                    _ => label,
                };
                rows.push(RawRow {
                    line: line.number,
                    label,
                    cells,
                });
            }
            None => {
                let trimmed = text.trim();
                let tokens: Vec<&str> = trimmed.split_whitespace().collect();
                let first_number = tokens.iter().position(|t| is_number_start(t));
                // A row's tokens after its first figure are all figures (or `%`, `€`);
                // prose that mentions a date or a sum is no row, and ends the table.
                let figures_only = first_number.is_some_and(|f| {
                    tokens[f..].iter().all(|t| {
                        is_number_start(t)
                            || t.chars().all(|c| c.is_ascii_digit() || ",.%€".contains(c))
                    })
                });
                if first_number.is_some() && !figures_only {
                    break;
                }
                if figures_only && let Some(row) = parse_row(line) {
                    // Figures the layout does not place (one space between them): split
                    // as copied text is.
                    pending = None;
                    rows.push(row);
                } else {
                    let caption = Line::from_label(trimmed).is_some()
                        || trimmed.ends_with('-')
                        || trimmed.starts_with(|c: char| c.is_lowercase());
                    if blank_run > 0 && !caption && pending.is_none() {
                        break;
                    }
                    if trimmed.chars().count() > 70 || trimmed.ends_with('.') {
                        break;
                    }
                    pending = match pending.take() {
                        Some((n, above)) if trimmed.starts_with(|c: char| c.is_lowercase()) => {
                            Some((n, super::columns::join_broken_words(&[&above, trimmed])))
                        }
                        _ => Some((line.number, trimmed.to_string())),
                    };
                }
            }
        }
        minus_at.clear();
        blank_run = 0;
        j += 1;
        end = j;
    }

    let (name, level_hint, investment, note_after) = table_context(lines, since, at, end, &label);
    Some(Ok((
        RawTable {
            header_line,
            name,
            header: Header { label, columns },
            unit,
            investment,
            level_hint,
            rows,
            note_after,
            settled,
            signs,
            joined,
            glued: (0, 0),
        },
        end,
    )))
}

/// The largest figure of a table's rows.
fn largest_figure(rows: &[ReadRow]) -> Decimal {
    rows.iter()
        .flat_map(|r| r.candidates.first().into_iter().flatten())
        .filter_map(|v| *v)
        .map(|v| v.abs())
        .max()
        .unwrap_or_default()
}

/// The scales the units of a document's tables state: `1 000 €` multiplies by 1 000 and
/// `milj. €` by 1 000 000, unless the figures are plainly whole euros already. One marker
/// means one thing within a document: seed 004 prints `1000e` over every table, the sector's
/// `34 378 200` among them, which scaled would be 34 billion euros, more than any Finnish city
/// spends; so none of its `1000e` tables is scaled. Each decision is a detection.
fn table_scales(
    tables: &[RawTable],
    read: &[(usize, Vec<ReadRow>)],
    detections: &mut Vec<Detection>,
) -> Vec<u32> {
    // Ten billion euros: more than the whole budget of Helsinki.
    let implausible = Decimal::from(10_000_000_000u64);
    let marker_of = |t: &RawTable| {
        t.unit.as_ref().and_then(|stated| {
            let scale = super::columns::unit_scale(stated)?;
            Some((stated.clone(), scale))
        })
    };
    let key = |stated: &str| {
        stated
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace() && !crate::numfmt::is_group_separator(*c))
            .collect::<String>()
    };
    // For each marker, the largest figure of any table under it.
    let mut largest: BTreeMap<String, Decimal> = BTreeMap::new();
    for (t, rows) in read {
        if let Some((stated, _)) = marker_of(&tables[*t]) {
            let entry = largest.entry(key(&stated)).or_default();
            *entry = (*entry).max(largest_figure(rows));
        }
    }
    let mut said: Vec<String> = Vec::new();
    read.iter()
        .map(|(t, _)| {
            let table = &tables[*t];
            let Some((stated, scale)) = marker_of(table) else {
                return 1;
            };
            let most = largest.get(&key(&stated)).copied().unwrap_or_default();
            // (Figures are then all below ten billion divided by the scale, so scaling them
            // cannot overflow.)
            if scale > 1
                && most
                    .checked_mul(Decimal::from(scale))
                    .is_none_or(|scaled| scaled >= implausible)
            {
                if !said.contains(&key(&stated)) {
                    said.push(key(&stated));
                    detections.push(Detection::UnitStatedButEuros {
                        stated: stated.clone(),
                        largest: most,
                    });
                }
                return 1;
            }
            detections.push(Detection::Book(TableDetection::Unit {
                table: table.name.clone(),
                stated,
                scale,
            }));
            scale
        })
        .collect()
}

/// Turns a table's expenses negative where it prints them unsigned: every expense line's
/// figure is zero or positive, at least one is positive, and, with them negative, each stated
/// Toimintakate, Vuosikate and Tilikauden tulos of the table adds up where its parts are
/// printed (Kauhava's key figures: Toimintakulut 46 217 beside Toimintakate −38 396).
/// Returns the number of expense lines turned.
fn unsigned_expenses(rows: &mut [ReadRow], columns: &[HeaderColumn]) -> Option<usize> {
    let value_columns: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, HeaderColumn::Value { .. }))
        .map(|(i, _)| i)
        .collect();
    let expense_rows: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.target, RowTarget::Line(l) if l.is_expense_like()))
        .filter(|(_, r)| r.candidates.len() == 1)
        .map(|(i, _)| i)
        .collect();
    let figures: Vec<Decimal> = {
        let shared: &[ReadRow] = rows;
        expense_rows
            .iter()
            .flat_map(|&r| {
                value_columns
                    .iter()
                    .filter_map(move |&c| shared[r].candidates[0][c])
            })
            .collect()
    };
    if figures.iter().any(|v| v.is_sign_negative() && !v.is_zero())
        || !figures.iter().any(|v| *v > Decimal::ZERO)
    {
        return None;
    }
    // The evidence: a stated total of the table that holds only with the expenses negative.
    let value_of = |rows: &[ReadRow], line: Line, column: usize, flip: bool| {
        rows.iter()
            .find(|r| r.target == RowTarget::Line(line) && r.candidates.len() == 1)
            .and_then(|r| r.candidates[0][column])
            .map(|v| {
                if flip && line.is_expense_like() {
                    -v
                } else {
                    v
                }
            })
    };
    let holds = |flip: bool, total: Line, column: usize| -> Option<bool> {
        let stated = value_of(rows, total, column, false)?;
        let mut sum = Decimal::ZERO;
        let mut tolerance = rounding_half_unit(stated);
        for part in total.parts() {
            let value = value_of(rows, *part, column, flip).or_else(|| {
                // A part not printed but its own parts are (Rahoitustuotot ja -kulut).
                let inner: Option<Vec<Decimal>> = part
                    .parts()
                    .iter()
                    .map(|p| value_of(rows, *p, column, flip))
                    .filter(Option::is_some)
                    .collect();
                inner.filter(|v| !v.is_empty()).map(|v| v.into_iter().sum())
            });
            if let Some(value) = value {
                sum = sum.checked_add(value)?;
                tolerance = tolerance
                    .checked_add(rounding_half_unit(value).checked_mul(Decimal::from(4))?)?;
            }
        }
        Some(stated.checked_sub(sum)?.abs() <= tolerance)
    };
    let evidence = [Line::Toimintakate, Line::Vuosikate, Line::TilikaudenTulos]
        .into_iter()
        .flat_map(|total| value_columns.iter().map(move |&c| (total, c)))
        .filter_map(|(total, c)| Some((holds(true, total, c)?, holds(false, total, c)?)))
        .collect::<Vec<_>>();
    if evidence.is_empty()
        || !evidence.iter().all(|(negative, _)| *negative)
        || evidence.iter().all(|(_, printed)| *printed)
    {
        return None;
    }
    for &r in &expense_rows {
        for value in rows[r].candidates[0].iter_mut().flatten() {
            *value = -*value;
        }
    }
    Some(expense_rows.len())
}

/// Why a text has no table, told as precisely as the text allows: statement lines whose
/// figures run together, statement lines without figures, or rows of figures without a
/// header; else that no table was found.
fn why_no_tables(file: &str, lines: &[TextLine]) -> ImportError {
    use super::findings::NoTableCause;
    let sample = |text: &str| text.trim().chars().take(60).collect::<String>();
    // The statement line a text line starts with, and what follows its name.
    let line_start = |text: &str| -> Option<(Line, String)> {
        let trimmed = text.trim().trim_start_matches(['•', '-', '*']).trim();
        let name_end = trimmed
            .find(|c: char| c.is_ascii_digit() || crate::numfmt::is_minus(c))
            .unwrap_or(trimmed.len());
        let name = trimmed[..name_end].trim().trim_end_matches(':');
        Some((Line::from_label(name)?, trimmed[name_end..].to_string()))
    };
    let mut labels = Vec::new();
    for line in lines {
        let Some((statement_line, rest)) = line_start(&line.text) else {
            continue;
        };
        labels.push(statement_line.name(crate::i18n::Lang::Fi).to_string());
        if !rest.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let name_glued = line
            .text
            .trim()
            .chars()
            .zip(line.text.trim().chars().skip(1))
            .any(|(a, b)| a.is_alphabetic() && (b.is_ascii_digit() || crate::numfmt::is_minus(b)));
        let tokens: Vec<&str> = rest
            .split_whitespace()
            .filter(|t| !matches!(*t, "€" | "%" | "e" | "eur" | "euroa"))
            .collect();
        let unsplittable = splits(&tokens, 1, SPLIT_CAP).is_none_or(|s| s.is_empty())
            && (2..=8).all(|n| splits(&tokens, n, SPLIT_CAP).is_none_or(|s| s.is_empty()));
        let place = Place::line(file, line.number);
        let cause = if name_glued || unsplittable {
            NoTableCause::RunTogether {
                sample: sample(&line.text),
            }
        } else {
            NoTableCause::RowsWithoutHeader {
                sample: sample(&line.text),
            }
        };
        return ImportError::TextWithoutTables { place, cause };
    }
    // Statement lines named in running text (a table's names without its figures).
    if labels.is_empty() {
        let upper: String = lines
            .iter()
            .map(|l| l.text.to_uppercase())
            .collect::<Vec<_>>()
            .join(" ");
        for line in [
            Line::Toimintatuotot,
            Line::Toimintakulut,
            Line::Toimintakate,
            Line::Vuosikate,
            Line::TilikaudenTulos,
        ] {
            if upper.contains(&line.name(crate::i18n::Lang::Fi).to_uppercase()) {
                labels.push(line.name(crate::i18n::Lang::Fi).to_string());
            }
        }
    }
    labels.dedup();
    if labels.len() >= 2 {
        return ImportError::TextWithoutTables {
            place: Place::file(file),
            cause: NoTableCause::LabelsOnly { labels },
        };
    }
    ImportError::NoTables {
        place: Place::file(file),
    }
}

/// What the text around a table says of it: its name (a heading between the previous table
/// and this one, else its header's caption, else the title line just above it), its level, whether it
/// is an investments table, and the paragraph printed right under it.
fn table_context(
    lines: &[TextLine],
    since: usize,
    header_index: usize,
    end: usize,
    label: &str,
) -> (String, Option<OrgLevel>, bool, Option<String>) {
    let context = &lines[since.min(header_index)..header_index];
    let heading = context.iter().rev().find_map(|l| l.heading.clone());
    let investment = context
        .iter()
        .rev()
        .take(4)
        .any(|l| l.text.to_lowercase().contains("investoinnit"));
    // The level: from the table's own name, or a heading just above it.
    let level_hint = OrgLevel::from_name(label).or_else(|| {
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
            .find_map(|l| OrgLevel::from_name(&l.text))
    });
    let title_above = || {
        context
            .iter()
            .rev()
            .take(4)
            .map(|l| l.text.trim())
            .find(|t| !t.is_empty())
            // `3.1 Tuloslaskelma`: the section number is no part of the name, nor is the
            // plan period after it (`… tuloslaskelma 2021–2025`).
            .map(|t| {
                let t = t
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .trim();
                match t.rsplit_once(' ') {
                    Some((name, period)) if is_plan_period(period) => name.trim(),
                    _ => t,
                }
            })
            .filter(|t| {
                t.chars().count() <= 70
                    && t.chars().any(char::is_alphabetic)
                    && !t.split_whitespace().any(is_number_start)
            })
            .map(str::to_string)
    };
    let name = match heading {
        Some(h) if !investment && OrgLevel::from_name(&h).is_none() => h,
        _ if !label.trim().is_empty() => label.to_string(),
        _ => match title_above() {
            // `Talousarvion toteutuminen` under each unit's name, unit after unit: the
            // caption says what the table is, the line above it whose it is.
            Some(caption) if is_generic_caption(&caption) => {
                unit_above_caption(context).unwrap_or(caption)
            }
            Some(title) => title,
            None => "Tuloslaskelma".to_string(),
        },
    };

    // The paragraph right under the table.
    let mut k = end;
    while k < lines.len() && is_blank(&lines[k].text) {
        k += 1;
    }
    let note_after = lines
        .get(k)
        .filter(|l| parse_header(&l.text).is_none() && l.heading.is_none())
        .map(|l| l.text.trim().to_string());
    (name, level_hint, investment, note_after)
}

/// A caption a book prints over every unit's table alike.
fn is_generic_caption(text: &str) -> bool {
    let lower = text.trim().trim_end_matches(':').to_lowercase();
    [
        "talousarvion toteutuminen",
        "käyttötalouden toteutuminen",
        "toteutumisvertailu",
        "käyttötalous",
        "määrärahojen toteutuminen",
        "budgetens utfall",
        "driftsekonomins utfall",
    ]
    .contains(&lower.as_str())
}

/// The unit's name printed just above a generic caption: the next short, title-like line
/// above it (not the document's title, not a numbered section).
fn unit_above_caption(context: &[TextLine]) -> Option<String> {
    let mut titles = context
        .iter()
        .rev()
        .take(8)
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty());
    titles.next()?;
    let above = titles.next()?;
    let section = above.starts_with(|c: char| c.is_ascii_digit());
    let title = super::columns::document_context("", std::iter::once((1, above)))
        .year
        .is_some();
    (above.chars().count() <= 60
        && above.chars().any(char::is_alphabetic)
        && !above.ends_with('.')
        && !section
        && !title
        && !above.split_whitespace().any(is_number_start))
    .then(|| above.to_string())
}

/// `2021–2025`, `2020-2024`: the years a budget and its plan cover.
fn is_plan_period(text: &str) -> bool {
    let years: Vec<&str> = text.split(crate::numfmt::is_minus).collect();
    years.len() == 2
        && years.iter().all(|y| {
            y.len() == 4
                && y.chars().all(|c| c.is_ascii_digit())
                && crate::model::column::year_in(y).is_some()
        })
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
                None => {
                    let words = crate::model::line::normalise_label(&row.label);
                    if ["josta ", "varav ", "of which "]
                        .iter()
                        .any(|w| words.starts_with(w))
                    {
                        warnings.push(Warning {
                            place: Place::line(file, row.line),
                            kind: WarningKind::Book(TableWarning::OfWhich {
                                label: row.label.clone(),
                            }),
                        });
                        continue;
                    }
                    let part = table.name.to_lowercase();
                    let part_table = ["tuloslaskelmaosa", "rahoitusosa", "investointiosa"]
                        .iter()
                        .any(|p| part.contains(p));
                    if part_table && matches!(words.as_str(), "tulot" | "menot" | "netto") {
                        warnings.push(Warning {
                            place: Place::line(file, row.line),
                            kind: WarningKind::Book(TableWarning::PartTotal {
                                label: row.label.clone(),
                                table: table.name.clone(),
                            }),
                        });
                        continue;
                    }
                    Line::from_label(&row.label).map(RowTarget::Line)
                }
            }
        };
        // A lone dash after a caption (`TOIMINTATUOTOT -`) is no figure.
        let is_figure =
            |c: &String| !c.trim().is_empty() && !c.trim().chars().all(crate::numfmt::is_minus);
        let has_numbers = match &row.cells {
            Cells::Tabbed(cells) => cells.iter().any(is_figure),
            Cells::Spaced(tokens) => tokens.iter().any(is_figure),
            Cells::Unplaced { .. } | Cells::Split { .. } => true,
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
            Cells::Unplaced { column } => {
                warnings.push(Warning {
                    place,
                    kind: WarningKind::Book(TableWarning::TwoUnderOne {
                        label: row.label.clone(),
                        column: column.clone(),
                    }),
                });
                continue;
            }
            Cells::Split {
                candidates,
                expected,
            } => {
                if candidates.is_empty() {
                    warnings.push(Warning {
                        place,
                        kind: WarningKind::Unsplittable {
                            label: row.label.clone(),
                            expected: *expected,
                        },
                    });
                    continue;
                }
                candidates.clone()
            }
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
                            let tolerance = rounding_half_unit(total)
                                .checked_mul(Decimal::from(parts.len().saturating_add(1)));
                            let sum = parts
                                .iter()
                                .try_fold(Decimal::ZERO, |s, p| s.checked_add(*p));
                            match (tolerance, sum.and_then(|s| total.checked_sub(s))) {
                                (Some(tolerance), Some(gap)) => gap.abs() <= tolerance,
                                // Too large to add up: this choice does not hold.
                                _ => false,
                            }
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

/// An investments table: its name, its header's label (which names the node it belongs to)
/// and its figures.
type InvestmentTable = (String, String, InvestmentFigures);

/// One node's figures as read, before they are placed in the tree.
struct NodeDraft {
    name: String,
    level_hint: Option<OrgLevel>,
    figures: Figures,
    first_line: usize,
    /// Rows of its tables that carried figures and were skipped: (line, label, the last
    /// line read above it).
    unread: Vec<(usize, String, Option<Line>)>,
    /// The unit its figures were printed in (1 000 for `1 000 €`).
    print_unit: u32,
}

/// A row of a table that carried figures and was skipped: its line in the file, its label,
/// and the last statement line read above it (what it can be a part of comes after that).
type SkippedRow = (usize, String, Option<Line>);

/// Reads one table's rows: split, narrowed by the subtotals (said), an ambiguous row skipped
/// with its warning; the table said with its columns; and the rows skipped, each with the
/// last line read above it.
fn read_table(
    file: &str,
    table: &RawTable,
    mapping: &Mapping,
    warnings: &mut Vec<Warning>,
    detections: &mut Vec<Detection>,
) -> (Vec<ReadRow>, Vec<SkippedRow>) {
    let first_warning = warnings.len();
    let mut rows = read_rows(file, table, mapping, warnings);
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
                page: None,
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
        columns: table.header.columns.clone(),
        rows: rows.len(),
        line: table.header_line,
        page: None,
    });
    // Each skipped row with the last line read above it.
    let skipped = warnings[first_warning..]
        .iter()
        .filter_map(|w| {
            let at = w.place.line?;
            let label = w.kind.skipped_row()?.to_string();
            // A subtotal printed above its parts (TOIMINTATUOTOT, then
            // Myyntituotot…) may have the row among them: count from its first part.
            let read_above: Vec<Line> = rows
                .iter()
                .filter(|r| r.line < at)
                .filter_map(|r| match r.target {
                    RowTarget::Line(line) => Some(line),
                    RowTarget::Investment(_) => None,
                })
                .collect();
            // A subtotal printed under its parts (Toimintakate after Toimintakulut)
            // is complete there.
            let after = read_above.last().copied().and_then(|line| {
                let parts_above = read_above[..read_above.len() - 1]
                    .iter()
                    .any(|l| l.parent() == Some(line));
                if line.is_subtotal() && !parts_above {
                    line.first_part().previous()
                } else {
                    Some(line)
                }
            });
            Some((at, label, after))
        })
        .collect();
    (rows, skipped)
}

/// Settles one table's signs and says what was decided about it as it was read (columns
/// settled from the title, columns read past, detached signs, cells run together, the
/// proposal, joined labels): expenses printed unsigned are turned negative here where only
/// then do its subtotals add up; a table none of whose rows was read is warned of.
fn settle_table(
    file: &str,
    table: &RawTable,
    rows: &mut [ReadRow],
    detections: &mut Vec<Detection>,
    warnings: &mut Vec<Warning>,
) {
    for (cell, column, source) in &table.settled {
        detections.push(Detection::Book(TableDetection::Settled {
            cell: cell.clone(),
            column: column.clone(),
            source: source.clone(),
        }));
    }
    let derived: Vec<String> = table
        .header
        .columns
        .iter()
        .filter_map(|c| match c {
            HeaderColumn::Derived(DerivedColumn::Proposal) => None,
            HeaderColumn::Derived(d) => Some(d.name(crate::i18n::Lang::Fi).to_string()),
            _ => None,
        })
        .collect();
    if !derived.is_empty() {
        detections.push(Detection::Book(TableDetection::DerivedColumns {
            table: table.name.clone(),
            names: derived,
        }));
    }
    if table.signs > 0 {
        detections.push(Detection::Book(TableDetection::DetachedMinus {
            table: table.name.clone(),
            signs: table.signs,
        }));
    }
    if table.glued.0 > 0 {
        detections.push(Detection::Book(TableDetection::GluedCells {
            table: table.name.clone(),
            rows: table.glued.0,
            placed: table.glued.1,
        }));
    }
    if table
        .header
        .columns
        .contains(&HeaderColumn::Derived(DerivedColumn::Proposal))
    {
        detections.push(Detection::Book(TableDetection::ProposalColumn {
            table: table.name.clone(),
        }));
    }
    if table.joined > 0 {
        detections.push(Detection::Book(TableDetection::JoinedLabels {
            table: table.name.clone(),
            rows: table.joined,
        }));
    }
    if rows.is_empty() && !table.investment {
        // Its rows that name no statement line are said once, with the table.
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        let mut unknown = 0;
        let mut first = None;
        warnings.retain(|w| match &w.kind {
            WarningKind::UnknownLine { label }
                if w.place.line.is_some_and(|l| lines.contains(&l)) =>
            {
                unknown += 1;
                first.get_or_insert_with(|| label.clone());
                false
            }
            _ => true,
        });
        warnings.push(Warning {
            place: Place::line(file, table.header_line),
            kind: WarningKind::Book(TableWarning::NoRowsRead {
                table: table.name.clone(),
                unknown,
                first,
            }),
        });
    }
    if let Some(lines) = unsigned_expenses(rows, &table.header.columns) {
        detections.push(Detection::Book(TableDetection::ExpensesUnsigned {
            table: table.name.clone(),
            lines,
        }));
    }
}

/// The columns, the nodes' figures (tables of one name merged into one node, each figure
/// in euros) and the investments tables, from the tables read; the printed derived figures
/// checked on the way.
fn nodes_of(
    file: &str,
    tables: &[RawTable],
    read: &[(usize, Vec<ReadRow>)],
    scales: Vec<u32>,
    skipped: Vec<Vec<SkippedRow>>,
    warnings: &mut Vec<Warning>,
    detections: &mut Vec<Detection>,
) -> (Vec<Column>, Vec<NodeDraft>, Vec<InvestmentTable>, Vec<bool>) {
    // Columns, figures per node, investments, derived checks.
    let mut columns: Vec<Column> = Vec::new();
    let mut drafts: Vec<NodeDraft> = Vec::new();
    // (table name, header label, figures) of each investments table.
    let mut investments: Vec<InvestmentTable> = Vec::new();
    let mut merged: BTreeMap<String, usize> = BTreeMap::new();
    let mut apart = vec![false; tables.len()];
    for (((t, rows), unit), skipped) in read.iter().zip(scales).zip(skipped) {
        let table = &tables[*t];
        let scale = Decimal::from(unit);
        // A figure printed in thousands is exact to its printed digits only: 137 660,1
        // thousand is 137 660 100 €, not 137 660 100,0.
        let scaled = |value: Decimal| {
            let euros = value * scale;
            if unit > 1 { euros.normalize() } else { euros }
        };
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
        check_derived(file, table, rows, warnings, detections);

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
                            .insert(column.id.clone(), scaled(*value));
                    }
                }
            }
            investments.push((table.name.clone(), table.header.label.clone(), figures));
            continue;
        }

        // A table none of whose rows was read is said in the warnings; it makes no node.
        if rows.is_empty() {
            continue;
        }
        // The table's figures, to see whether they agree with a node of its name.
        let figures_of_table: Vec<(Line, String, Decimal)> =
            rows.iter()
                .filter_map(|row| match row.target {
                    RowTarget::Line(line) => Some((line, row)),
                    _ => None,
                })
                .flat_map(|(line, row)| {
                    header_columns.iter().zip(&row.candidates[0]).filter_map(
                        move |(column, value)| {
                            Some((line, column.as_ref()?.id.clone(), scaled((*value)?)))
                        },
                    )
                })
                .collect();
        // One unit's parts: no figure differs, and they share a figure or their columns (a
        // summary and its detail, or rows continued). Tables of one name with other columns
        // and no figure in common are two units' (a unit's Tuloslaskelma and the city's).
        let agrees = |draft: &NodeDraft| {
            let existing = |line: &Line, column: &String| {
                draft.figures.get(line).and_then(|by| by.get(column))
            };
            let differs = figures_of_table
                .iter()
                .any(|(line, column, value)| existing(line, column).is_some_and(|e| e != value));
            let shares = figures_of_table
                .iter()
                .any(|(line, column, value)| existing(line, column) == Some(value));
            let draft_columns: std::collections::BTreeSet<&String> =
                draft.figures.values().flat_map(|by| by.keys()).collect();
            let table_columns: std::collections::BTreeSet<&String> = figures_of_table
                .iter()
                .map(|(_, column, _)| column)
                .collect();
            let same_columns =
                table_columns.is_subset(&draft_columns) || draft_columns.is_subset(&table_columns);
            if differs {
                Some(ApartReason::Differ)
            } else if shares || same_columns {
                None
            } else {
                Some(ApartReason::NothingInCommon)
            }
        };
        // Tables of one name are one unit's parts where their figures agree; a table whose
        // figures differ from those already read under its name is another unit's (a
        // caption every unit's table carries), kept apart as the name's next number.
        let mut key = table.name.to_lowercase();
        let mut name = table.name.clone();
        let mut number = 1;
        let mut reason = None;
        while let Some(&index) = merged.get(&key) {
            match agrees(&drafts[index]) {
                None => break,
                Some(why) => reason = reason.or(Some(why)),
            }
            number += 1;
            key = format!("{}#{number}", table.name.to_lowercase());
            name = format!("{} {number}", table.name);
        }
        apart[*t] = number > 1;
        if number > 1 && !merged.contains_key(&key) {
            detections.push(Detection::KeptApart {
                name: table.name.clone(),
                as_name: name.clone(),
                reason: reason.unwrap_or(ApartReason::Differ),
                line: table.header_line,
                page: None,
            });
        }
        let index = match merged.get(&key) {
            Some(&index) => index,
            None => {
                drafts.push(NodeDraft {
                    name: name.clone(),
                    level_hint: table.level_hint,
                    figures: Figures::new(),
                    first_line: table.header_line,
                    unread: Vec::new(),
                    print_unit: 1,
                });
                merged.insert(key.clone(), drafts.len() - 1);
                drafts.len() - 1
            }
        };
        let draft = &mut drafts[index];
        draft.level_hint = draft.level_hint.or(table.level_hint);
        draft.unread.extend(skipped);
        draft.print_unit = draft.print_unit.max(unit);
        for row in rows {
            let RowTarget::Line(line) = row.target else {
                continue;
            };
            for (column, value) in header_columns.iter().zip(&row.candidates[0]) {
                let (Some(column), Some(value)) = (column, value) else {
                    continue;
                };
                let value = scaled(*value);
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
    (columns, drafts, investments, apart)
}

/// Tables of one name, merged into one node: said once a name (those kept apart, whose
/// figures differ, not counted).
fn say_merged(tables: &[RawTable], apart: &[bool], detections: &mut Vec<Detection>) {
    for (name, count) in tables
        .iter()
        .zip(apart)
        .filter(|(t, apart)| !t.investment && !**apart)
        .map(|(t, _)| t)
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
}

/// Column notes: a paragraph under a table that speaks of one of its years, and says the
/// year's figures are not comparable (or the like), is the note of that column.
fn attach_column_notes(
    tables: &[RawTable],
    columns: &mut [Column],
    detections: &mut Vec<Detection>,
) {
    for table in tables {
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
}

/// The dataset of the nodes read, before their units are found: one node a table name, with
/// its figures, its rows not read and the unit it was printed in.
fn dataset_of(file: &str, mut columns: Vec<Column>, drafts: &[NodeDraft]) -> Dataset {
    columns.sort_by_key(Column::sort_key);
    let mut dataset = Dataset {
        id: super::dataset_id(file),
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
        unread: drafts
            .iter()
            .flat_map(|d| {
                d.unread.iter().map(|(line, label, after)| UnreadRow {
                    org: slug(&d.name),
                    label: label.clone(),
                    place: format!("{file}, rivi {line}"),
                    after: *after,
                })
            })
            .collect(),
        print_unit: drafts
            .iter()
            .filter(|d| d.print_unit > 1)
            .map(|d| (slug(&d.name), d.print_unit))
            .collect(),
        moved: BTreeMap::new(),
        extract: false,
    };
    if dataset.id.is_empty() {
        dataset.id = "tuotu".to_string();
    }
    dataset
}

/// Investments belong to the node whose name their table's label starts with (else the
/// document's first node), named by the rest of the label.
fn attach_investments(dataset: &mut Dataset, investments: Vec<InvestmentTable>) {
    for (name, label, figures) in investments {
        let lower = label.to_lowercase();
        let owner = dataset
            .org
            .iter()
            .filter(|n| lower.starts_with(&n.name.to_lowercase()))
            .max_by_key(|n| n.name.len())
            .or_else(|| dataset.org.first());
        let Some(owner) = owner else { continue };
        // The name's length in the label: lower case can be longer or shorter than the text
        // (İ), so a cut that falls inside a character leaves no item name (found by fuzzing).
        let rest = label.get(owner.name.len()..).unwrap_or_default().trim();
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
    let context =
        super::columns::document_context(file, lines.iter().map(|l| (l.number, l.text.as_str())));
    let mut open = Vec::new();
    let tables = find_tables(&lines, &context, mapping, &mut open);
    if tables.is_empty() {
        return Err(match open.into_iter().next() {
            Some(header) => ImportError::OpenHeader {
                place: Place::line(file, header.line),
                cell: header.cell,
                open: header.open,
            },
            None => why_no_tables(file, &lines),
        });
    }

    let mut detections = Vec::new();
    if let Some(encoding) = encoding {
        detections.push(Detection::Encoding(encoding.to_string()));
    }
    let mut warnings: Vec<Warning> = open
        .into_iter()
        .map(|header| Warning {
            place: Place::line(file, header.line),
            kind: WarningKind::Book(TableWarning::OpenHeader {
                cell: header.cell,
                open: header.open,
            }),
        })
        .collect();

    // Read every table; split rows; narrow ambiguous rows by subtotals.
    let mut read: Vec<(usize, Vec<ReadRow>)> = Vec::new();
    // The rows of each table that carried figures and were skipped.
    let mut skipped: Vec<Vec<SkippedRow>> = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        let (rows, skipped_rows) = read_table(file, table, mapping, &mut warnings, &mut detections);
        skipped.push(skipped_rows);
        read.push((t, rows));
    }

    // Tables found, but not one row read from any: the file gives no figure to show.
    if read.iter().all(|(_, rows)| rows.is_empty()) {
        return Err(ImportError::NoFigures {
            place: Place::line(file, tables[0].header_line),
            skipped: warnings.into_iter().take(5).collect(),
        });
    }

    // Each table's unit, signs and settled columns.
    let scales = table_scales(&tables, &read, &mut detections);
    for (t, rows) in &mut read {
        settle_table(file, &tables[*t], rows, &mut detections, &mut warnings);
    }

    let (mut columns, drafts, investments, apart) = nodes_of(
        file,
        &tables,
        &read,
        scales,
        skipped,
        &mut warnings,
        &mut detections,
    );
    say_merged(&tables, &apart, &mut detections);

    attach_column_notes(&tables, &mut columns, &mut detections);

    let mut dataset = dataset_of(file, columns, &drafts);
    infer_units(&mut dataset, &mut detections);

    attach_investments(&mut dataset, investments);

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
        saved: None,
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
            page: None,
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
                    let sum: Option<Amount> = read
                        .projects
                        .iter()
                        .filter_map(|p| p.project.total_funding)
                        .try_fold(Amount::ZERO, |s, f| s.checked_add(f));
                    let tolerance = Decimal::new(5, 1)
                        .checked_mul(Decimal::from(read.projects.len().max(1)))
                        .unwrap_or(Decimal::MAX);
                    let gap = sum.and_then(|s| s.checked_sub(printed));
                    if let (Some(sum), true) = (sum, gap.is_none_or(|g| g.abs() > tolerance)) {
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

/// Whether the nodes after the first add up to it in some column: `None` if not; else the
/// year from which they do, where earlier years do not (`Some(None)` when they do in all).
fn units_add_up(dataset: &Dataset) -> Option<Option<i32>> {
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
        // Units add up only where two or more of them have figures: a column that one other
        // table alone carries is that table printed again (a book's statement beside its
        // key figures), not its units.
        let carriers = trial
            .org
            .iter()
            .skip(1)
            .filter(|n| Line::all().any(|line| trial.stated(&n.id, line, &column.id).is_some()))
            .count();
        let checked = carriers >= 2
            && Line::all().any(|line| {
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
    let first_consistent = *consistent_years.iter().min()?;
    Some(
        if failing_years.iter().all(|y| *y < first_consistent) && !failing_years.is_empty() {
            Some(first_consistent)
        } else {
            // Mixed years: the units are kept as units, and validation reports the
            // differences.
            None
        },
    )
}

/// Makes the other nodes the units of the first where their figures add up to it, or of the
/// last where they add up to that one instead (a `… yhteensä` printed under its units, which
/// is then put first). Years in which they do not add up, all before the years in which they
/// do, are read as the years before the units belonged to it (a reorganisation).
fn infer_units(dataset: &mut Dataset, detections: &mut Vec<Detection>) {
    // A parent and at least two units: one table equal to another is the same figures
    // printed twice (a book's key-figure table beside its statement), not its unit.
    if dataset.org.len() < 3 {
        return;
    }
    let Some(from_year) = units_add_up(dataset).or_else(|| {
        let total = dataset.org.pop()?;
        dataset.org.insert(0, total);
        let found = units_add_up(dataset);
        if found.is_none() {
            let total = dataset.org.remove(0);
            dataset.org.push(total);
        }
        found
    }) else {
        return;
    };
    let parent_id = dataset.org[0].id.clone();
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

/// Compares printed Poikkeama and Toteuma % with what the figures give, Poikkeama in the
/// way the table prints it (decided once for the table, and said).
fn check_derived(
    file: &str,
    table: &RawTable,
    rows: &[ReadRow],
    warnings: &mut Vec<Warning>,
    detections: &mut Vec<Detection>,
) {
    let cells: Vec<Vec<(HeaderColumn, Option<Decimal>)>> = rows
        .iter()
        .map(|row| {
            table
                .header
                .columns
                .iter()
                .copied()
                .zip(row.candidates[0].iter().copied())
                .collect()
        })
        .collect();
    let sign = super::columns::poikkeama_sign(&cells);
    if sign == super::columns::PoikkeamaSign::ActualMinusBudget {
        let budget = super::columns::poikkeama_budget(&table.header.columns);
        detections.push(Detection::Book(
            TableDetection::PoikkeamaActualMinusBudget {
                table: table.name.clone(),
                budget: budget.to_string(),
            },
        ));
    }
    for (row, cells) in rows.iter().zip(&cells) {
        warnings.extend(
            derived_mismatches(&row.label, cells, sign)
                .into_iter()
                .map(|kind| Warning {
                    place: Place::line(file, row.line),
                    kind,
                }),
        );
    }
}
