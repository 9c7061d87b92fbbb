//! Exports of a view's table that a finance officer opens in Excel: CSV (in
//! [`crate::report::table_csv`]) and an XLSX workbook. Both are safe to open: a text cell that
//! a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
//! first) is neutralised as OWASP recommends, and numbers stay numbers.
//!
//! The workbook has one sheet per exported table, with the amounts as numbers in a Finnish
//! number format, every subtotal as a live formula of its parts where the parts add up to
//! it (a stated subtotal that differs from its parts keeps the document's figure, with a note
//! saying so), and Poikkeama, Toteuma % and the change columns as formulas of their cells; a
//! sheet with the scenario's edits and the notes; and a sheet stating the source and the
//! basis. Every formula carries its result, so a reader that does not recompute (or a test)
//! sees the same figures.

use std::borrow::Cow;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, Formula, Note, Workbook, Worksheet, XlsxError};

use crate::analysis::table::{Difference, NodeTable};
use crate::i18n::{Lang, Msg, pick, t};
use crate::model::Dataset;
use crate::numfmt::format_eur;

pub mod goals;

/// Whether a text cell would be read as a formula (OWASP's list).
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Whether a CSV cell is a number as the export writes one (`-1009492`, `88,12`, `1.5`).
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits
        .split_once([',', '.'])
        .map_or((digits, None), |(w, f)| (w, Some(f)));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A CSV cell made safe to open: a text a spreadsheet would take for a formula gets a `'`
/// in front; a number is left as it is.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if looks_like_formula(cell) && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// What the workbook says about where its figures come from and what was done to them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct About {
    /// The unit and basis of the figures (`€`, `€/asukas, vuoden 2024 hinnoin`).
    pub unit: String,
    /// What the basis rests on: the population and price index used, told.
    pub basis: Vec<String>,
    /// The scenario shown, if any: its name and its edits as numbered sentences.
    pub scenario: Option<(String, Vec<String>)>,
    /// Notes: where (a node, a line, a scenario) and what.
    pub notes: Vec<(String, String)>,
    /// The link that opens the view again.
    pub link: Option<String>,
}

/// One exported table: the dataset it is of, and the node's computed table.
pub struct Exported<'a> {
    pub dataset: &'a Dataset,
    pub table: &'a NodeTable,
}

/// Why a workbook could not be made (a limit of the format; never the data's fault).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ExportError(pub String);

impl From<XlsxError> for ExportError {
    fn from(error: XlsxError) -> ExportError {
        ExportError(error.to_string())
    }
}

/// The column letters of a 0-based column (`0` → `A`, `27` → `AB`).
fn letters(mut column: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(column % 26).unwrap_or(0));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The A1 name of a 0-based cell.
fn a1(row: u32, column: u16) -> String {
    format!("{}{}", letters(column), row + 1)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'');
    let base: String = clean.chars().take(28).collect();
    let base = if base.is_empty() {
        "Taulukko".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// A decimal as the double a spreadsheet stores; budget figures (at most 15 significant
/// digits) come back exactly.
fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The formats of the workbook.
struct Formats {
    title: Format,
    header: Format,
    line: Format,
    subtotal_line: Format,
    euros: Format,
    cents: Format,
    subtotal_euros: Format,
    subtotal_cents: Format,
    percent: Format,
    count: Format,
    text: Format,
    quoted: Format,
}

impl Formats {
    fn new() -> Formats {
        // The codes are the workbook's own: Excel shows them in the reader's locale, as
        // `1 009 492` and `64,92 %` in Finnish.
        let euros = Format::new().set_num_format("#,##0");
        let cents = Format::new().set_num_format("#,##0.00");
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
            line: Format::new(),
            subtotal_line: Format::new().set_bold(),
            subtotal_euros: euros.clone().set_bold(),
            subtotal_cents: cents.clone().set_bold(),
            euros,
            cents,
            percent: Format::new().set_num_format("0.00 %"),
            count: Format::new().set_num_format("0"),
            text: Format::new().set_text_wrap(),
            quoted: Format::new().set_text_wrap().set_quote_prefix(),
        }
    }

    fn amount(&self, value: Decimal, subtotal: bool) -> &Format {
        match (value.fract().is_zero(), subtotal) {
            (true, false) => &self.euros,
            (false, false) => &self.cents,
            (true, true) => &self.subtotal_euros,
            (false, true) => &self.subtotal_cents,
        }
    }
}

/// Writes text, with the quote prefix where a spreadsheet would take it for a formula.
fn write_text(
    sheet: &mut Worksheet,
    formats: &Formats,
    row: u32,
    column: u16,
    text: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let format = if looks_like_formula(text) {
        &formats.quoted
    } else {
        format.unwrap_or(&formats.text)
    };
    sheet.write_string_with_format(row, column, text, format)?;
    Ok(())
}

/// The first row of the table's lines on its sheet.
const FIRST_LINE_ROW: u32 = 5;

/// The statement sheet of one table.
fn statement_sheet(
    sheet: &mut Worksheet,
    formats: &Formats,
    exported: &Exported,
    about: &About,
    lang: Lang,
) -> Result<(), ExportError> {
    let Exported { dataset, table } = exported;
    let node = dataset
        .node(&table.org)
        .map_or(table.org.clone(), |n| n.name.clone());
    write_text(
        sheet,
        formats,
        0,
        0,
        &format!(
            "{}: {node} ({})",
            t(lang, Msg::StatementCaption),
            about.unit
        ),
        Some(&formats.title),
    )?;
    write_text(
        sheet,
        formats,
        1,
        0,
        &format!(
            "{}: {}",
            pick(lang, "Lähde", "Källa", "Source"),
            dataset.source.as_deref().unwrap_or(&dataset.name)
        ),
        Some(&formats.line),
    )?;
    let shown = match &about.scenario {
        Some((name, _)) => format!(
            "{}: {name}",
            pick(lang, "Skenaario", "Scenario", "Scenario")
        ),
        None => pick(
            lang,
            "Perusluvut (ei skenaariota)",
            "Grundsiffror (inget scenario)",
            "Base figures (no scenario)",
        )
        .to_string(),
    };
    write_text(sheet, formats, 2, 0, &shown, Some(&formats.line))?;

    // The header: line, columns, then Poikkeama and Toteuma % of each follow-up, and the
    // change pair.
    let mut headers = vec![t(lang, Msg::Line).to_string()];
    headers.extend(table.columns.iter().map(|c| c.label(lang)));
    for pair in &table.follow_ups {
        let of = format!("{}–{}", pair.budget.label(lang), pair.actual.label(lang));
        headers.push(format!("{} {of}", t(lang, Msg::Poikkeama)));
        headers.push(format!("{} {of}", t(lang, Msg::ToteumaPct)));
    }
    if let Some((base, target)) = &table.change_between {
        let of = format!("{} → {}", base.label(lang), target.label(lang));
        headers.push(format!("{} {of}", t(lang, Msg::Change)));
        headers.push(format!("{} {of}", t(lang, Msg::ChangePct)));
        headers.push(format!("{} {of}", t(lang, Msg::YearlyPct)));
    }
    frame_sheet(sheet, formats, &headers, 15.0)?;

    // Where each line and column is, for the formulas.
    let row_of = |line| {
        table
            .rows
            .iter()
            .position(|r| r.line == line)
            .and_then(|i| u32::try_from(i).ok())
            .map(|i| FIRST_LINE_ROW + i)
    };
    let column_of = |index: usize| u16::try_from(index + 1).unwrap_or(u16::MAX);
    let mut notes = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let at = FIRST_LINE_ROW + u32::try_from(r).map_err(|_| ExportError("rows".into()))?;
        let subtotal = row.line.is_subtotal();
        let line_format = if subtotal {
            &formats.subtotal_line
        } else {
            &formats.line
        };
        write_text(
            sheet,
            formats,
            at,
            0,
            row.line.name(lang),
            Some(line_format),
        )?;
        for (c, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let column = column_of(c);
            let value = cell.amount();
            let format = formats.amount(value, subtotal);
            // A subtotal whose parts on this sheet add up to it exactly is their sum.
            let parts: Vec<(u32, Decimal)> = row
                .line
                .parts()
                .iter()
                .filter_map(|part| {
                    let part_row = row_of(*part)?;
                    let amount = table.amount(*part, &table.columns.get(c)?.id)?;
                    Some((part_row, amount))
                })
                .collect();
            let sum = parts
                .iter()
                .try_fold(Decimal::ZERO, |sum, (_, v)| sum.checked_add(*v));
            if subtotal && !parts.is_empty() && sum == Some(value) {
                let terms: Vec<String> = parts.iter().map(|(r, _)| a1(*r, column)).collect();
                let formula =
                    Formula::new(format!("={}", terms.join("+"))).set_result(value.to_string());
                sheet.write_formula_with_format(at, column, formula, format)?;
            } else {
                sheet.write_number_with_format(at, column, number(value), format)?;
                if let (Some(parts_sum), Some(difference)) = (cell.parts_sum, cell.difference) {
                    let why = match difference {
                        Difference::Rounding => pick(
                            lang,
                            "pyöristysero",
                            "avrundningsskillnad",
                            "a rounding difference",
                        ),
                        Difference::Contradiction => {
                            pick(lang, "ristiriita", "en motsägelse", "a contradiction")
                        }
                        Difference::NotCompared => pick(
                            lang,
                            "osia puuttuu, ei verrattu",
                            "delar saknas, inte jämfört",
                            "parts missing, not compared",
                        ),
                    };
                    notes.push((
                        at,
                        column,
                        format!(
                            "{}: {}; {} {} ({why}).",
                            pick(lang, "Asiakirjassa", "I dokumentet", "The document prints"),
                            format_eur(value, lang),
                            pick(lang, "osien summa", "delarnas summa", "its parts sum to"),
                            format_eur(parts_sum, lang)
                        ),
                    ));
                }
            }
        }
        let mut column = column_of(table.columns.len());
        let cell_of = |id: &str| {
            table
                .column_index(id)
                .map(|i| a1(at, column_of(i)))
                .unwrap_or_default()
        };
        for (pair, follow_up) in table.follow_ups.iter().zip(&row.follow_ups) {
            if let Some(f) = follow_up {
                let (budget, actual) = (cell_of(&pair.budget.id), cell_of(&pair.actual.id));
                let poikkeama =
                    Formula::new(format!("={budget}-{actual}")).set_result(f.poikkeama.to_string());
                sheet.write_formula_with_format(
                    at,
                    column,
                    poikkeama,
                    formats.amount(f.poikkeama, subtotal),
                )?;
                if let Some(pct) = f.toteuma_pct {
                    let share = pct / Decimal::ONE_HUNDRED;
                    let formula = Formula::new(format!("={actual}/{budget}"))
                        .set_result(share.normalize().to_string());
                    sheet.write_formula_with_format(at, column + 1, formula, &formats.percent)?;
                }
            }
            column += 2;
        }
        if let (Some((base, target)), Some(change)) = (&table.change_between, row.change) {
            let (b, t) = (cell_of(&base.id), cell_of(&target.id));
            let formula = Formula::new(format!("={t}-{b}")).set_result(change.change.to_string());
            sheet.write_formula_with_format(
                at,
                column,
                formula,
                formats.amount(change.change, subtotal),
            )?;
            if let Some(pct) = change.change_pct {
                let formula = Formula::new(format!("={t}/{b}-1"))
                    .set_result((pct / Decimal::ONE_HUNDRED).normalize().to_string());
                sheet.write_formula_with_format(at, column + 1, formula, &formats.percent)?;
            }
            let years = target.year.saturating_sub(base.year);
            if let Some(pct) = change.yearly_pct {
                let formula = Formula::new(format!("=({t}/{b})^(1/{years})-1"))
                    .set_result((pct / Decimal::ONE_HUNDRED).normalize().to_string());
                sheet.write_formula_with_format(at, column + 2, formula, &formats.percent)?;
            }
        }
    }
    for (row, column, text) in notes {
        sheet.insert_note(row, column, &Note::new(text).set_author("Raami"))?;
    }
    let after = FIRST_LINE_ROW
        .saturating_add(u32::try_from(table.rows.len()).unwrap_or(0))
        .saturating_add(1);
    for ((column, note), row) in table.column_notes().into_iter().zip(after..) {
        write_text(
            sheet,
            formats,
            row,
            0,
            &format!("{} {}: {note}", t(lang, Msg::Notes), column.label(lang)),
            Some(&formats.line),
        )?;
    }
    Ok(())
}

/// The workbook of `tables`, with the scenario's edits and the notes, and the source and
/// basis stated.
pub fn workbook(tables: &[Exported], about: &About, lang: Lang) -> Result<Vec<u8>, ExportError> {
    workbook_with(tables, &[], about, lang)
}

/// The workbook of statement `tables` and of other views' `grids`, one sheet each, with the
/// scenario's edits and the notes, and the source and basis stated.
pub fn workbook_with(
    tables: &[Exported],
    grids: &[Grid],
    about: &About,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    let mut taken = Vec::new();
    for exported in tables {
        let node = exported
            .dataset
            .node(&exported.table.org)
            .map_or(exported.table.org.as_str(), |n| n.name.as_str());
        let name = sheet_name(node, &mut taken);
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        statement_sheet(sheet, &formats, exported, about, lang)?;
    }
    for grid in grids {
        let name = sheet_name(&grid.sheet, &mut taken);
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        grid_sheet(sheet, &formats, grid)?;
    }

    // The scenario's edits and the notes.
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(
        pick(
            lang,
            "Muutokset ja huomautukset",
            "Ändringar och anteckningar",
            "Edits and notes",
        ),
        &mut taken,
    ))?;
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 90)?;
    let mut row = 0;
    match &about.scenario {
        Some((name, edits)) => {
            write_text(
                sheet,
                &formats,
                row,
                0,
                &format!(
                    "{}: {name}",
                    pick(lang, "Skenaario", "Scenario", "Scenario")
                ),
                Some(&formats.title),
            )?;
            row += 1;
            for (i, edit) in edits.iter().enumerate() {
                sheet.write_number(row, 0, f64::from(u32::try_from(i).unwrap_or(0) + 1))?;
                write_text(sheet, &formats, row, 1, edit, None)?;
                row += 1;
            }
            if edits.is_empty() {
                write_text(
                    sheet,
                    &formats,
                    row,
                    1,
                    pick(lang, "Ei muutoksia.", "Inga ändringar.", "No edits."),
                    None,
                )?;
                row += 1;
            }
        }
        None => {
            write_text(
                sheet,
                &formats,
                row,
                0,
                pick(
                    lang,
                    "Ei skenaariota: luvut ovat asiakirjojen.",
                    "Inget scenario: siffrorna är dokumentens.",
                    "No scenario: the figures are the documents'.",
                ),
                Some(&formats.title),
            )?;
            row += 1;
        }
    }
    row += 1;
    write_text(
        sheet,
        &formats,
        row,
        0,
        pick(lang, "Huomautukset", "Anteckningar", "Notes"),
        Some(&formats.title),
    )?;
    row += 1;
    if about.notes.is_empty() {
        write_text(
            sheet,
            &formats,
            row,
            1,
            pick(lang, "Ei huomautuksia.", "Inga anteckningar.", "No notes."),
            None,
        )?;
    }
    for (place, note) in &about.notes {
        write_text(sheet, &formats, row, 0, place, None)?;
        write_text(sheet, &formats, row, 1, note, None)?;
        row += 1;
    }

    // Where the figures come from, and on what basis.
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(
        pick(
            lang,
            "Lähde ja perusta",
            "Källa och grund",
            "Source and basis",
        ),
        &mut taken,
    ))?;
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 90)?;
    let mut row = 0;
    let mut pair = |sheet: &mut Worksheet, key: &str, value: &str| -> Result<(), XlsxError> {
        write_text(sheet, &formats, row, 0, key, Some(&formats.subtotal_line))?;
        write_text(sheet, &formats, row, 1, value, None)?;
        row += 1;
        Ok(())
    };
    let mut seen = Vec::new();
    for exported in tables {
        let dataset = exported.dataset;
        if seen.contains(&dataset.id) {
            continue;
        }
        seen.push(dataset.id.clone());
        pair(
            sheet,
            pick(lang, "Aineisto", "Material", "Dataset"),
            &dataset.name,
        )?;
        if let Some(source) = &dataset.source {
            pair(sheet, pick(lang, "Lähde", "Källa", "Source"), source)?;
        }
        if let Some(municipality) = &dataset.municipality {
            pair(
                sheet,
                pick(lang, "Kunta", "Kommun", "Municipality"),
                municipality,
            )?;
        }
        for note in &dataset.notes {
            pair(sheet, pick(lang, "Huomautus", "Anmärkning", "Note"), note)?;
        }
    }
    pair(
        sheet,
        pick(
            lang,
            "Yksikkö ja hintataso",
            "Enhet och prisnivå",
            "Unit and prices",
        ),
        &about.unit,
    )?;
    for line in &about.basis {
        pair(sheet, pick(lang, "Perusta", "Grund", "Basis"), line)?;
    }
    if let Some(link) = &about.link {
        pair(
            sheet,
            pick(lang, "Näkymän linkki", "Vyns länk", "The view's link"),
            link,
        )?;
    }
    pair(
        sheet,
        pick(lang, "Tehty", "Gjord med", "Made with"),
        &format!("Raami {}", env!("CARGO_PKG_VERSION")),
    )?;
    Ok(book.save_to_buffer()?)
}

/// A cell of a plain exported table (a view other than the statement).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GridCell {
    Text(String),
    Amount(Decimal),
    /// A percentage as printed (`64.92` for 64,92 %).
    Percent(Decimal),
    /// A whole number that is not money: a count of goals, a year, a risk's rating.
    Count(u64),
    Empty,
}

/// A view's table as it is shown: a title, the header, and the rows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Grid {
    pub title: String,
    /// The sheet's name (the node).
    pub sheet: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<GridCell>>,
}

/// The breakdown view's table: each unit's amount, share and change, in the order shown,
/// then what the units leave unallocated and the node's total. `column` and `compare` are
/// the columns' labels (`TS 2026`).
#[allow(clippy::too_many_arguments)]
pub fn breakdown_grid(
    node: &str,
    line: crate::model::Line,
    column: &str,
    compare: Option<&str>,
    result: &crate::analysis::breakdown::Breakdown,
    rows: &[crate::analysis::breakdown::BreakdownRow],
    unit: &str,
    lang: Lang,
) -> Grid {
    let amount = |v: Option<Decimal>| v.map_or(GridCell::Empty, GridCell::Amount);
    let percent = |v: Option<Decimal>| v.map_or(GridCell::Empty, GridCell::Percent);
    let mut header = vec![
        t(lang, Msg::Unit).to_string(),
        column.to_string(),
        t(lang, Msg::Share).to_string(),
    ];
    if let Some(c) = compare {
        header.push(format!("{} {c} → {column}", t(lang, Msg::Change)));
        header.push(format!("{} {c} → {column}", t(lang, Msg::ChangePct)));
    }
    let mut out: Vec<Vec<GridCell>> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                GridCell::Text(row.name.clone()),
                amount(row.amount),
                percent(row.share_pct),
            ];
            if compare.is_some() {
                cells.push(amount(row.change));
                cells.push(percent(row.change_pct));
            }
            cells
        })
        .collect();
    if let Some(u) = result.unallocated.filter(|u| !u.is_zero()) {
        out.push(vec![
            GridCell::Text(t(lang, Msg::Unallocated).to_string()),
            GridCell::Amount(u),
        ]);
    }
    out.push(vec![
        GridCell::Text(format!("{}: {node}", t(lang, Msg::Total))),
        amount(result.parent),
        percent(result.parent.map(|_| Decimal::ONE_HUNDRED)),
    ]);
    Grid {
        title: format!(
            "{}: {node}, {} {column} ({unit})",
            t(lang, Msg::BreakdownCaption),
            line.name(lang)
        ),
        sheet: node.to_string(),
        header,
        rows: out,
    }
}

/// The follow-up view's table of one budget and Toteuma pair, in the order shown: budget,
/// actual, Poikkeama, Toteuma %, and the effect on the result in words and euros.
pub fn follow_up_grid(
    node: &str,
    budget: &str,
    actual: &str,
    rows: &[crate::analysis::followup::FollowUpRow],
    unit: &str,
    lang: Lang,
) -> Grid {
    use crate::analysis::followup::Effect;
    let header = vec![
        t(lang, Msg::Line).to_string(),
        budget.to_string(),
        actual.to_string(),
        t(lang, Msg::Poikkeama).to_string(),
        t(lang, Msg::ToteumaPct).to_string(),
        t(lang, Msg::Effect).to_string(),
        format!("{} €", t(lang, Msg::Effect)),
    ];
    let rows = rows
        .iter()
        .map(|row| {
            let words = match row.effect {
                Effect::Better => t(lang, Msg::EffectBetter),
                Effect::Worse => t(lang, Msg::EffectWorse),
                Effect::OnBudget => t(lang, Msg::EffectOnBudget),
            };
            vec![
                GridCell::Text(row.line.name(lang).to_string()),
                GridCell::Amount(row.budget),
                GridCell::Amount(row.actual),
                GridCell::Amount(row.poikkeama),
                row.toteuma_pct.map_or(GridCell::Empty, GridCell::Percent),
                GridCell::Text(words.to_string()),
                GridCell::Amount(row.effect_amount),
            ]
        })
        .collect();
    Grid {
        title: format!(
            "{}: {node} {budget} – {actual} ({unit})",
            t(lang, Msg::FollowUpCaption)
        ),
        // What tells the sheet from the node's statement first: a long name is cut short.
        sheet: format!("{actual} {node}"),
        header,
        rows,
    }
}

/// The views of the node of `table` (its statement, as exported) that need no choice of a
/// line or a column, for the sheets after the statement's: the budget follow-up, a table
/// for each budget and its Toteuma, and the goals view's tables. `unit` is what the figures
/// are in.
pub fn node_views(dataset: &Dataset, table: &NodeTable, unit: &str, lang: Lang) -> Vec<Grid> {
    let node = table.org.as_str();
    let Some(org) = dataset.node(node) else {
        return Vec::new();
    };
    let mut grids: Vec<Grid> = (0..table.follow_ups.len())
        .filter_map(|i| {
            let rows = crate::analysis::followup::follow_up_rows(table, i);
            let pair = table.follow_ups.get(i)?;
            (!rows.is_empty()).then(|| {
                follow_up_grid(
                    &org.name,
                    &pair.budget.label(lang),
                    &pair.actual.label(lang),
                    &rows,
                    unit,
                    lang,
                )
            })
        })
        .collect();
    grids.extend(goals::goals_grids(dataset, node, unit, lang));
    grids
}

/// The line-across view's table: every node in tree order (indented by its depth) by every
/// column that has the line, as amounts, change, or share of the parent.
pub fn across_grid(
    dataset: &str,
    line: crate::model::Line,
    measure: crate::analysis::across::Measure,
    columns: &[crate::model::Column],
    rows: &[crate::analysis::across::AcrossRow],
    unit: &str,
    lang: Lang,
) -> Grid {
    use crate::analysis::across::Measure;
    let mut header = vec![t(lang, Msg::Unit).to_string()];
    header.extend(columns.iter().map(|c| c.label(lang)));
    let rows = rows
        .iter()
        .map(|row| {
            let mut cells = vec![GridCell::Text(format!(
                "{}{}",
                "  ".repeat(row.depth),
                row.name
            ))];
            cells.extend(row.cells.iter().map(|cell| match (cell, measure) {
                (Some(v), Measure::Share) => GridCell::Percent(*v),
                (Some(v), Measure::Amount | Measure::Change) => GridCell::Amount(*v),
                (None, _) => GridCell::Empty,
            }));
            cells
        })
        .collect();
    let unit = match measure {
        Measure::Share => "%",
        Measure::Amount | Measure::Change => unit,
    };
    Grid {
        title: format!(
            "{}: {} ({unit}), {dataset}",
            t(lang, Msg::AcrossCaption),
            line.name(lang)
        ),
        sheet: line.name(lang).to_string(),
        header,
        rows,
    }
}

/// The comparison view's tables as one: the key figures, then every line, each with the
/// base and, per scenario, its figure and its difference in euros and per cent.
pub fn compare_grid(
    node: &str,
    column: &str,
    comparison: &crate::scenario::compare::Comparison,
    lang: Lang,
) -> Grid {
    use crate::scenario::compare::Measure;
    let mut header = vec![
        pick(lang, "Rivi", "Rad", "Line").to_string(),
        pick(lang, "Perustiedot", "Grunddata", "Base").to_string(),
    ];
    for name in &comparison.names {
        header.push(name.clone());
        header.push(format!(
            "{name}: {}",
            pick(lang, "ero", "skillnad", "difference")
        ));
        header.push(format!(
            "{name}: {}",
            pick(lang, "ero %", "skillnad %", "difference %")
        ));
    }
    let figure = |measure: Measure, value: Option<Decimal>| match (measure, value) {
        (_, None) => GridCell::Empty,
        (Measure::VuosikatePoistoista, Some(v)) => GridCell::Percent(v),
        (_, Some(v)) => GridCell::Amount(v),
    };
    let row_cells = |row: &crate::scenario::compare::Row| {
        let mut cells = vec![
            GridCell::Text(row.measure.name(lang)),
            figure(row.measure, row.base),
        ];
        for versus in row.scenarios.iter().take(comparison.names.len()) {
            cells.push(figure(row.measure, versus.amount));
            // A percentage's difference is in percentage points, a plain number.
            cells.push(versus.difference.map_or(GridCell::Empty, GridCell::Amount));
            cells.push(match row.measure {
                Measure::Line(_) => versus.percent.map_or(GridCell::Empty, GridCell::Percent),
                _ => GridCell::Empty,
            });
        }
        cells
    };
    let mut rows: Vec<Vec<GridCell>> = comparison.key.iter().map(row_cells).collect();
    rows.push(vec![GridCell::Text(
        pick(lang, "Kaikki rivit", "Alla rader", "Every line").to_string(),
    )]);
    rows.extend(comparison.rows.iter().map(row_cells));
    Grid {
        title: format!(
            "{}: {node}, {column} (€)",
            pick(
                lang,
                "Skenaarioiden vertailu",
                "Jämförelse av scenarier",
                "Scenario comparison"
            )
        ),
        sheet: format!("{node} {column}"),
        header,
        rows,
    }
}

/// A figure as a CSV cell: its cents kept, or rounded half away from zero to `decimals`
/// (percentages to two, as printed books round); decimal comma for Finnish and Swedish.
pub fn csv_number(value: Decimal, decimals: Option<u32>, lang: Lang) -> String {
    let value = match decimals {
        Some(decimals) => crate::numfmt::round_half_away(value, decimals),
        None => value.normalize(),
    };
    let text = value.to_string();
    match lang {
        Lang::Fi | Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Rows as CSV as Excel in Finland reads it: `;` for Finnish and Swedish, `,` for English;
/// every cell neutralised ([`neutralise`]), so numbers stay numbers and formula-like text
/// does not run.
pub fn csv_rows(rows: impl IntoIterator<Item = Vec<String>>, lang: Lang) -> String {
    let delimiter = match lang {
        Lang::Fi | Lang::Sv => b';',
        Lang::En => b',',
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row.iter().map(|cell| neutralise(cell).into_owned()));
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// A grid as CSV for Finnish Excel, the amounts with the cents they have, percentages to
/// two decimals; text neutralised.
pub fn grid_csv(grid: &Grid, lang: Lang) -> String {
    let body = grid.rows.iter().map(|row| {
        row.iter()
            .map(|cell| match cell {
                GridCell::Text(text) => text.clone(),
                GridCell::Amount(v) => csv_number(*v, None, lang),
                GridCell::Percent(v) => csv_number(*v, Some(2), lang),
                GridCell::Count(n) => n.to_string(),
                GridCell::Empty => String::new(),
            })
            .collect()
    });
    csv_rows(std::iter::once(grid.header.clone()).chain(body), lang)
}

/// A view of several tables as one CSV file: one table alone as [`grid_csv`] writes it;
/// several each under its title, with an empty line between them.
pub fn grids_csv(grids: &[Grid], lang: Lang) -> String {
    match grids {
        [one] => grid_csv(one, lang),
        many => many
            .iter()
            .map(|grid| {
                format!(
                    "{}{}",
                    csv_rows([vec![grid.title.clone()]], lang),
                    grid_csv(grid, lang)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The header row of a table's sheet, the columns' widths (the first, of names, wider),
/// and the panes frozen above the figures and left of them.
fn frame_sheet(
    sheet: &mut Worksheet,
    formats: &Formats,
    headers: &[String],
    width: f64,
) -> Result<(), ExportError> {
    let header_row = FIRST_LINE_ROW - 1;
    for (i, text) in headers.iter().enumerate() {
        let column = u16::try_from(i).map_err(|_| ExportError("columns".into()))?;
        write_text(
            sheet,
            formats,
            header_row,
            column,
            text,
            Some(&formats.header),
        )?;
    }
    sheet.set_column_width(0, 38)?;
    for i in 1..u16::try_from(headers.len()).unwrap_or(1) {
        sheet.set_column_width(i, width)?;
    }
    sheet.set_row_height(header_row, 45)?;
    sheet.set_freeze_panes(FIRST_LINE_ROW, 1)?;
    Ok(())
}

/// One sheet of a grid: its title, header and rows, amounts as numbers and percentages as
/// fractions in a percent format.
fn grid_sheet(sheet: &mut Worksheet, formats: &Formats, grid: &Grid) -> Result<(), ExportError> {
    write_text(sheet, formats, 0, 0, &grid.title, Some(&formats.title))?;
    frame_sheet(sheet, formats, &grid.header, 16.0)?;
    // A column of long text (a goal, a risk's control) is widened to its longest line, up
    // to 60 characters, and wraps beyond that.
    for c in 1..grid.header.len() {
        let longest = grid
            .rows
            .iter()
            .filter_map(|row| match row.get(c) {
                Some(GridCell::Text(text)) => text.lines().map(|l| l.chars().count()).max(),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        if longest > 16 {
            let column = u16::try_from(c).map_err(|_| ExportError("columns".into()))?;
            #[allow(clippy::cast_precision_loss)]
            sheet.set_column_width(column, longest.min(60) as f64)?;
        }
    }
    for (r, row) in grid.rows.iter().enumerate() {
        let at = FIRST_LINE_ROW + u32::try_from(r).map_err(|_| ExportError("rows".into()))?;
        for (c, cell) in row.iter().enumerate() {
            let column = u16::try_from(c).map_err(|_| ExportError("columns".into()))?;
            match cell {
                GridCell::Text(text) => {
                    let format = if text.contains('\n') || text.chars().count() > 60 {
                        &formats.text
                    } else {
                        &formats.line
                    };
                    write_text(sheet, formats, at, column, text, Some(format))?
                }
                GridCell::Count(n) => {
                    // Counts, years and ratings are far below 2^53: exact as a float.
                    #[allow(clippy::cast_precision_loss)]
                    let value = *n as f64;
                    sheet.write_number_with_format(at, column, value, &formats.count)?;
                }
                GridCell::Amount(v) => {
                    sheet.write_number_with_format(
                        at,
                        column,
                        number(*v),
                        formats.amount(*v, false),
                    )?;
                }
                GridCell::Percent(v) => {
                    sheet.write_number_with_format(
                        at,
                        column,
                        number(*v / Decimal::ONE_HUNDRED),
                        &formats.percent,
                    )?;
                }
                GridCell::Empty => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised_and_numbers_stay() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+358 40"), "'+358 40");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("-josta sisäiset"), "'-josta sisäiset");
        assert_eq!(neutralise("-1009492"), "-1009492");
        assert_eq!(neutralise("-64,92"), "-64,92");
        assert_eq!(neutralise("Toimintakate"), "Toimintakate");
    }

    #[test]
    fn column_letters_and_sheet_names() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(a1(4, 1), "B5");
        let mut taken = Vec::new();
        assert_eq!(
            sheet_name("Hallinto/talous [2025]", &mut taken),
            "Hallinto talous  2025"
        );
        assert_eq!(
            sheet_name("hallinto talous  2025", &mut taken),
            "hallinto talous  2025 2"
        );
        assert_eq!(sheet_name("", &mut taken), "Taulukko");
    }
}
