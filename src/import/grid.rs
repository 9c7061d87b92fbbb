//! Tables of cells, from CSV or a spreadsheet, in either layout:
//!
//! - wide: one column per year and kind (`TP 2022`, `Talousarvio 2025`, `Toteuma 2025`,
//!   `TS 2026`), rows of lines, optionally an org column before the line column; printed
//!   `Poikkeama` and `Toteuma %` columns are checked, not stored;
//! - long: one row per figure (org, line, year, kind, value), as ledgers and open-data
//!   extracts come; the line may be a name, a JHS 192 account number (accounts of the same
//!   line are added up), or a KTAS cell code, which names the column too.
//!
//! Expenses are stored negative. Sources that print them positive (KTAS filings, ledgers)
//! are recognised by the sign of their expense lines, normalised, and the decision is stated.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::columns::{
    HeaderColumn, PoikkeamaSign, derived_mismatches, kind_word, parse_column_cell, poikkeama_sign,
};
use super::ktas;
// A long table's columns have the mapping's roles; an ignored column has none (`None`).
use super::mapping::{LineTarget, Mapping, TableRole as Role};
use super::{Detection, ImportError, Imported, Place, Warning, WarningKind, file_stem, slug};
use crate::model::{Column, ColumnKind, Dataset, Figures, Line, OrgLevel, OrgNode};
use crate::numfmt::{NumberStyle, format_amount, parse_number};

/// At most this many warnings are listed one by one; the rest are counted.
pub const WARNING_LIMIT: usize = 200;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    /// A number the source stores as a number (a spreadsheet's numeric cell).
    Number(Decimal),
}

impl CellValue {
    pub fn text(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(t) => t.trim().to_string(),
            CellValue::Number(n) => n.to_string(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(t) => t.trim().is_empty(),
            CellValue::Number(_) => false,
        }
    }
}

/// A table of cells and how its numbers are written.
pub struct Grid {
    pub file: String,
    pub sheet: Option<String>,
    /// Rows of cells; `line_numbers[i]` is the 1-based line or row of `rows[i]` in the file.
    pub rows: Vec<Vec<CellValue>>,
    pub line_numbers: Vec<usize>,
    pub style: NumberStyle,
    /// The user's mapping of headers and labels, consulted before the built-in names.
    pub mapping: Mapping,
}

/// What a header or a label was found to mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup<T> {
    Found(T),
    /// The user mapped it to "ignore".
    Ignored,
    Unknown,
}

/// A header cell: the user's mapping first, then the built-in header names (a unit in the
/// cell, `TP 2024 (1 000 €)`, is no part of its name).
fn header_cell(mapping: &Mapping, text: &str) -> Lookup<HeaderColumn> {
    match mapping.column(text) {
        Some(target) => target
            .header_column()
            .map_or(Lookup::Ignored, Lookup::Found),
        None => {
            let (rest, _) = super::layout::strip_unit(text);
            parse_column_cell(&rest).map_or(Lookup::Unknown, Lookup::Found)
        }
    }
}

/// A wide header's columns by the index of their cell.
type WideHeader = Vec<(usize, HeaderColumn)>;

/// A wide header read with the grammar every reader shares: each cell's meaning, with the
/// years and kinds it leaves open (`Talousarvio €`, a bare `2024`) settled from the file's
/// name or title rows, or the first cell nothing settles. `None` for a row with fewer than
/// two value cells.
fn wide_header(
    grid: &Grid,
    row: &[CellValue],
    context: &super::columns::DocumentContext,
) -> Option<Result<WideHeader, (usize, super::columns::OpenCell)>> {
    use super::columns::{Cell, parse_cell, settle};
    let mut found: Vec<(usize, Cell)> = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        let text = cell.text();
        match grid.mapping.column(&text) {
            Some(target) => {
                if let Some(column) = target.header_column() {
                    found.push((i, Cell::from(column)));
                }
            }
            None => {
                let (rest, _) = super::layout::strip_unit(&text);
                // The cell grammar, else the word-by-word one (`TA 2025 muutettu`,
                // `Toteuma 1- 12` after a budget column).
                if let Some(meaning) =
                    parse_cell(&rest).or_else(|| parse_column_cell(&rest).map(Cell::from))
                {
                    found.push((i, meaning));
                }
            }
        }
    }
    // Two year columns make a header; one does when it prints both its kind and year and a
    // label stands before it in the first cell (`Selite;TA 2025`). A lone `Talousarvio 2025`
    // is a title, and a bare `2024` on its own is a figure's year in a row of data.
    let values: Vec<&Cell> = found
        .iter()
        .filter(|(_, c)| matches!(c, Cell::Value { .. }))
        .map(|(_, c)| c)
        .collect();
    let single = matches!(
        values.as_slice(),
        [Cell::Value {
            kind: Some(_),
            year: Some(_)
        }]
    ) && row.first().is_some_and(|c| !c.is_empty())
        && found.first().is_some_and(|(i, _)| *i > 0);
    if values.len() < 2 && !single {
        return None;
    }
    let cells: Vec<Cell> = found.iter().map(|(_, c)| *c).collect();
    Some(match settle(&cells, context) {
        Ok((columns, _)) => Ok(found.iter().map(|(i, _)| *i).zip(columns).collect()),
        Err((index, open)) => Err((found[index].0, open)),
    })
}

/// The unit a grid states for its figures: in a title row above the header, in a header
/// cell (`Selite, 1 000 €`, `TP 2024 (1 000 €)`), or on a row of units under it.
fn grid_unit(grid: &Grid, header_row: usize) -> Option<(String, u32)> {
    let rows = grid.rows.iter().take(header_row + 2);
    for row in rows {
        for cell in row {
            let text = cell.text();
            if let (_, Some(marker)) = super::layout::strip_unit(&text)
                && let Some(scale) = super::columns::unit_scale(&marker)
            {
                return Some((marker, scale));
            }
        }
    }
    None
}

/// `C12`: the spreadsheet name of a cell (0-based column, 1-based row).
pub fn cell_name(column: usize, row: usize) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{row}")
}

impl Grid {
    /// The 1-based line or row in the file of `rows[row]`.
    fn line_of(&self, row: usize) -> usize {
        self.line_numbers.get(row).copied().unwrap_or(row + 1)
    }

    fn place(&self, row: usize, column: Option<usize>) -> Place {
        let line = self.line_of(row);
        Place {
            file: self.file.clone(),
            page: None,
            line: Some(line),
            sheet: self.sheet.clone(),
            cell: column.map(|c| cell_name(c, line)),
        }
    }

    fn number(&self, cell: &CellValue) -> Result<Option<Decimal>, String> {
        match cell {
            CellValue::Empty => Ok(None),
            CellValue::Number(n) => Ok(Some(*n)),
            CellValue::Text(t) => parse_number(t, self.style).map_err(|_| t.trim().to_string()),
        }
    }
}

fn role_of(header: &str) -> Option<Role> {
    let h = crate::model::line::normalise_label(header);
    let h = h.as_str();
    Some(match h {
        "org" | "organisaatio" | "yksikkö" | "kunta" | "kunnan nimi" | "kuntanimi"
        | "municipality" | "toimiala" | "palvelualue" | "vastuualue" | "kustannuspaikka"
        // The State Treasury's published extracts name the filer by business id.
        | "business_id" | "business id" | "y-tunnus" | "ytunnus" | "y_tunnus"
        | "municipality_name" | "organisation_name" => Role::Org,
        "line" | "rivi" | "selite" | "erä" | "tili" | "tilinumero" | "account" | "tunnusluku"
        | "indicator" | "nimi" | "tunnusluvun nimi" | "indicator_name" => Role::Line,
        "code" | "koodi" | "solukoodi" | "tunnusluvun koodi" | "tunnus" | "indicator_code"
        | "cell_code" => Role::Code,
        "year" | "vuosi" | "tilikausi" | "talousarviovuosi" | "reporting_year"
        | "raportointivuosi" | "raportointikausi" => Role::Year,
        "kind" | "laji" | "tyyppi" | "vaihe" | "stage" => Role::Kind,
        "column" | "sarake" => Role::Column,
        "value" | "arvo" | "euroa" | "summa" | "määrä" | "eur" | "€" | "value_raw"
        | "numeric_value" => Role::Value,
        _ => return None,
    })
}

/// A long table's column: the user's mapping first (`ignore` leaves the column out), then
/// the built-in names.
fn role_in(mapping: &Mapping, header: &str) -> Option<Role> {
    match mapping.role(header) {
        Some(Role::Ignore) => None,
        Some(role) => Some(role),
        None => role_of(header),
    }
}

fn kind_of(text: &str) -> Option<ColumnKind> {
    // The kind column of a long table holds the words a header uses (one word), or the
    // amended budget spelt out.
    match crate::model::line::normalise_label(text).as_str() {
        "muutettu talousarvio" | "ta muutoksineen" => Some(ColumnKind::TaMuutettu),
        word => kind_word(word),
    }
}

/// How a row names its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineSource {
    Label,
    Account,
}

fn line_of(label: &str) -> Option<(Line, LineSource)> {
    if let Some(line) = Line::from_label(label) {
        return Some((line, LineSource::Label));
    }
    // `4300`, `4300 Palvelujen ostot`, `4300-4499`.
    let digits: String = label
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() == 4 {
        return digits
            .parse()
            .ok()
            .and_then(Line::from_account)
            .map(|l| (l, LineSource::Account));
    }
    None
}

/// Collects figures and warnings while rows are read.
struct Collector {
    /// Labels and column texts repeat on every row of a large file: each is read once.
    line_memo: HashMap<String, Lookup<(Line, LineSource)>>,
    column_memo: HashMap<String, Lookup<HeaderColumn>>,
    mapping: Mapping,
    columns: Vec<Column>,
    org_order: Vec<String>,
    figures: HashMap<String, Figures>,
    warnings: Vec<Warning>,
    more_warnings: usize,
    account_rows: usize,
    rows_read: usize,
    /// Rows with figures that were skipped: (org, label, place, last line read above).
    unread: Vec<(String, String, Place, Option<Line>)>,
    last_line: HashMap<String, Line>,
    /// (org, line, column) whose accounts add up to more than a decimal holds: no figure.
    overflowed: std::collections::HashSet<(String, Line, String)>,
    /// Whether figures were read by their KTAS cell codes: the file is (a selection of) a
    /// filing's cells, and a line it lacks is unknown.
    coded: bool,
}

impl Collector {
    fn new(mapping: Mapping) -> Collector {
        Collector {
            line_memo: HashMap::new(),
            column_memo: HashMap::new(),
            mapping,
            columns: Vec::new(),
            org_order: Vec::new(),
            figures: HashMap::new(),
            warnings: Vec::new(),
            more_warnings: 0,
            account_rows: 0,
            rows_read: 0,
            unread: Vec::new(),
            last_line: HashMap::new(),
            overflowed: std::collections::HashSet::new(),
            coded: false,
        }
    }

    /// A row that carried figures and was skipped, with its warning.
    fn skip(&mut self, org: &str, place: Place, kind: WarningKind) {
        if let Some(label) = kind.skipped_row() {
            let after = self.last_line.get(org).copied().and_then(|line| {
                if line.is_subtotal() {
                    line.first_part().previous()
                } else {
                    Some(line)
                }
            });
            self.unread
                .push((org.to_string(), label.to_string(), place.clone(), after));
        }
        self.warn(place, kind);
    }

    fn warn(&mut self, place: Place, kind: WarningKind) {
        if self.warnings.len() < WARNING_LIMIT {
            self.warnings.push(Warning { place, kind });
        } else {
            self.more_warnings += 1;
        }
    }

    fn line_of(&mut self, label: &str) -> Lookup<(Line, LineSource)> {
        if let Some(known) = self.line_memo.get(label) {
            return *known;
        }
        let found = match self.mapping.line(label) {
            Some(LineTarget::Line { line }) => Lookup::Found((line, LineSource::Label)),
            Some(LineTarget::Ignore) => Lookup::Ignored,
            None => line_of(label).map_or(Lookup::Unknown, Lookup::Found),
        };
        self.line_memo.insert(label.to_string(), found);
        found
    }

    fn column_cell(&mut self, text: &str) -> Lookup<HeaderColumn> {
        if let Some(known) = self.column_memo.get(text) {
            return *known;
        }
        let found = header_cell(&self.mapping, text);
        self.column_memo.insert(text.to_string(), found);
        found
    }

    fn column(&mut self, kind: ColumnKind, year: i32) -> String {
        let column = Column::new(kind, year);
        let id = column.id.clone();
        if !self.columns.iter().any(|c| c.id == id) {
            self.columns.push(column);
        }
        id
    }

    /// Adds one figure; `at` is where the row is and what it is called, for warnings.
    fn add(
        &mut self,
        org: &str,
        (line, source): (Line, LineSource),
        column: &str,
        value: Decimal,
        at: (Place, &str),
    ) {
        let (place, label) = at;
        if !self.figures.contains_key(org) {
            self.org_order.push(org.to_string());
        }
        let key = (org.to_string(), line, column.to_string());
        if self.overflowed.contains(&key) {
            return;
        }
        self.last_line.insert(org.to_string(), line);
        let by_col = self
            .figures
            .entry(org.to_string())
            .or_default()
            .entry(line)
            .or_default();
        match (by_col.get_mut(column), source) {
            (Some(existing), LineSource::Account) => match existing.checked_add(value) {
                Some(sum) => *existing = sum,
                None => {
                    // The accounts add up to more than any figure can be: the line has no
                    // figure in this column, and the row is reported where it overflowed.
                    by_col.remove(column);
                    self.overflowed.insert(key);
                    let kind = WarningKind::NotANumber {
                        label: label.to_string(),
                        found: format!("Σ > {}", Decimal::MAX),
                    };
                    self.skip(org, place, kind);
                }
            },
            (Some(existing), LineSource::Label) => {
                if *existing != value {
                    let kind = WarningKind::Conflict {
                        label: label.to_string(),
                        column: column.to_string(),
                        kept: format_amount(*existing, existing.scale(), crate::i18n::Lang::Fi),
                        other: format_amount(value, value.scale(), crate::i18n::Lang::Fi),
                    };
                    self.warn(place, kind);
                }
            }
            (None, _) => {
                by_col.insert(column.to_string(), value);
            }
        }
        if source == LineSource::Account {
            self.account_rows += 1;
        }
        self.rows_read += 1;
    }
}

/// Reads a grid in whichever layout it has.
pub fn import_grid(grid: &Grid, detections: Vec<Detection>) -> Result<Imported, ImportError> {
    import_grid_with_progress(grid, detections, &mut |_| {})
}

/// Reads a grid, telling `progress` how far it is (0 to 1) now and then.
pub fn import_grid_with_progress(
    grid: &Grid,
    mut detections: Vec<Detection>,
    progress: &mut dyn FnMut(f64),
) -> Result<Imported, ImportError> {
    if grid.rows.iter().all(|r| r.iter().all(CellValue::is_empty)) {
        return Err(ImportError::Empty {
            place: Place::file(&grid.file),
        });
    }
    let stem = grid.sheet.clone().unwrap_or_else(|| file_stem(&grid.file));
    let mut collector = Collector::new(grid.mapping.clone());
    let mut ktas = false;

    // What the file says of itself (its name, its title rows), for header cells that leave
    // their year or kind open.
    let title_rows: Vec<(usize, String)> = grid
        .rows
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, row)| {
            let text: Vec<String> = row
                .iter()
                .map(CellValue::text)
                .filter(|t| !t.is_empty())
                .collect();
            (grid.line_of(i), text.join(" "))
        })
        .collect();
    let context = super::columns::document_context(
        &format!("{} {}", grid.sheet.clone().unwrap_or_default(), grid.file),
        title_rows.iter().map(|(n, t)| (*n, t.as_str())),
    );
    let mut open_header = None;
    let header = grid
        .rows
        .iter()
        .take(50)
        .enumerate()
        .find_map(|(index, row)| {
            match wide_header(grid, row, &context) {
                Some(Ok(wide)) => return Some((index, Layout::Wide(wide))),
                Some(Err((column, open))) => {
                    open_header.get_or_insert((index, column, row[column].text(), open));
                }
                None => {}
            }
            let roles: Vec<Option<Role>> = row
                .iter()
                .map(|c| role_in(&grid.mapping, &c.text()))
                .collect();
            let has = |r: Role| roles.contains(&Some(r));
            if has(Role::Value)
                && (has(Role::Line) || has(Role::Code))
                && (has(Role::Column) || has(Role::Code) || (has(Role::Year) && has(Role::Kind)))
            {
                return Some((index, Layout::Long(roles)));
            }
            None
        });
    let Some((header_row, layout)) = header else {
        // No table of figures: a table of goals, perhaps.
        if let Some(imported) = read_goals(grid, &stem, &mut detections) {
            return Ok(imported);
        }
        if let Some((row, column, cell, open)) = open_header {
            return Err(ImportError::OpenHeader {
                place: grid.place(row, Some(column)),
                cell,
                open,
            });
        }
        return Err(ImportError::NoHeader {
            place: grid.place(0, None).without_line(),
            preview: preview(grid),
        });
    };
    detections.push(Detection::HeaderRow {
        line: grid.line_of(header_row),
    });

    match layout {
        Layout::Wide(columns) => {
            detections.push(Detection::Layout { long: false });
            if let Some(budget) =
                read_wide(grid, header_row, &columns, &stem, &mut collector, progress)
            {
                detections.push(Detection::Book(
                    super::findings::TableDetection::PoikkeamaActualMinusBudget {
                        table: grid.sheet.clone().unwrap_or_else(|| stem.clone()),
                        budget: budget.to_string(),
                    },
                ));
            }
        }
        Layout::Long(roles) => {
            ktas = roles.contains(&Some(Role::Code));
            detections.push(Detection::Layout { long: true });
            read_long(grid, header_row, &roles, &stem, &mut collector, progress);
        }
    }
    if collector.figures.is_empty() {
        return Err(ImportError::NoFigures {
            place: Place {
                sheet: grid.sheet.clone(),
                ..Place::file(&grid.file)
            },
            skipped: collector
                .warnings
                .iter()
                .take(SKIPPED_SHOWN)
                .cloned()
                .collect(),
        });
    }
    if collector.account_rows > 0 {
        detections.push(Detection::Accounts {
            rows: collector.account_rows,
        });
    }

    // Expenses printed positive: decided from the expense lines' signs, then normalised.
    let (positive, negative) = collector
        .figures
        .values()
        .flat_map(|f| f.iter())
        .filter(|(line, _)| line.is_expense_like())
        .flat_map(|(_, by_col)| by_col.values())
        .fold((0usize, 0usize), |(p, n), v| {
            if v.is_sign_positive() && !v.is_zero() {
                (p + 1, n)
            } else if v.is_sign_negative() {
                (p, n + 1)
            } else {
                (p, n)
            }
        });
    if positive > negative {
        for figures in collector.figures.values_mut() {
            for (line, by_col) in figures.iter_mut() {
                if line.is_expense_like() {
                    for value in by_col.values_mut() {
                        *value = -*value;
                    }
                }
            }
        }
        detections.push(Detection::ExpensesPositive { positive, negative });
    }

    // The unit the file states, unless its figures are plainly euros already.
    let mut print_unit = 1;
    if let Some((stated, scale)) = grid_unit(grid, header_row).filter(|(_, s)| *s > 1) {
        let largest = collector
            .figures
            .values()
            .flat_map(|f| f.values())
            .flat_map(|by_col| by_col.values())
            .map(|v| v.abs())
            .max()
            .unwrap_or_default();
        let implausible = Decimal::from(10_000_000_000u64);
        if largest
            .checked_mul(Decimal::from(scale))
            .is_none_or(|scaled| scaled >= implausible)
        {
            detections.push(Detection::UnitStatedButEuros { stated, largest });
        } else {
            // Below ten billion divided by the scale, so no figure overflows.
            for figures in collector.figures.values_mut() {
                for by_col in figures.values_mut() {
                    for value in by_col.values_mut() {
                        *value *= Decimal::from(scale);
                    }
                }
            }
            print_unit = scale;
            detections.push(Detection::Book(super::findings::TableDetection::Unit {
                table: grid.sheet.clone().unwrap_or_else(|| file_stem(&grid.file)),
                stated,
                scale,
            }));
        }
    }

    let mut columns = collector.columns.clone();
    columns.sort_by_key(Column::sort_key);
    let level = if ktas {
        OrgLevel::Kaupunki
    } else {
        OrgLevel::Muu
    };
    let org: Vec<OrgNode> = collector
        .org_order
        .iter()
        .map(|name| OrgNode {
            id: slug(name),
            name: name.clone(),
            level: OrgLevel::from_name(name).unwrap_or(level),
            parent: None,
            valid_from: None,
            valid_to: None,
            source: Some(grid.file.clone()),
        })
        .collect();
    let figures: BTreeMap<String, Figures> = collector
        .figures
        .into_iter()
        .map(|(name, f)| (slug(&name), f))
        .collect();
    let mut warnings = collector.warnings;
    if collector.more_warnings > 0 {
        warnings.push(Warning {
            place: Place::file(&grid.file),
            kind: WarningKind::More {
                count: collector.more_warnings,
            },
        });
    }
    let dataset = Dataset {
        id: super::dataset_id(&grid.file),
        name: file_stem(&grid.file),
        municipality: None,
        source: Some(grid.file.clone()),
        notes: Vec::new(),
        columns,
        org,
        figures,
        investments: Vec::new(),
        goals: Vec::new(),
        projects: Vec::new(),
        risks: Vec::new(),
        unread: collector
            .unread
            .iter()
            .map(|(org, label, place, after)| crate::model::UnreadRow {
                org: slug(org),
                label: label.clone(),
                place: place.describe(crate::i18n::Lang::Fi),
                after: *after,
            })
            .collect(),
        print_unit: if print_unit > 1 {
            collector
                .org_order
                .iter()
                .map(|name| (slug(name), print_unit))
                .collect()
        } else {
            BTreeMap::new()
        },
        moved: BTreeMap::new(),
        extract: collector.coded,
    };
    if dataset.extract {
        detections.push(Detection::Extract {
            not_computed: not_computed(&dataset),
        });
    }
    Ok(Imported {
        saved: None,
        dataset,
        detections,
        warnings,
    })
}

/// A sheet or CSV file of goals (`Strateginen päämäärä`, `Tavoite 2025`, …, `Tila`), with
/// an optional unit column (`Yksikkö`, `Palvelualue`): a dataset of those units and their
/// goals, without figures. Goals are the council's unless the file or sheet is named after
/// the operating plan (`käyttösuunnitelma`).
fn read_goals(grid: &Grid, stem: &str, detections: &mut Vec<Detection>) -> Option<Imported> {
    use super::cells::CellRow;
    use super::goals::{is_goal_header, read_goal_rows};
    use crate::model::GoalLevel;
    let text_of = |row: &[CellValue]| row.iter().map(CellValue::text).collect::<Vec<String>>();
    let (header_row, mut header) = grid.rows.iter().take(50).enumerate().find_map(|(i, row)| {
        let cells = text_of(row);
        is_goal_header(&cells).then_some((i, cells))
    })?;
    let org_column = header.iter().position(|h| role_of(h) == Some(Role::Org));
    // The unit column is not part of a goal (`Vastuualue` would read as `Vastuu`).
    if let Some(c) = org_column {
        header[c] = String::new();
    }
    let named = format!("{} {}", grid.file, grid.sheet.clone().unwrap_or_default()).to_lowercase();
    let level = if named.contains("käyttösuunnitelm") || named.contains("kayttosuunnitelm") {
        GoalLevel::Kayttosuunnitelma
    } else {
        GoalLevel::Valtuusto
    };
    // Rows by unit, in order; a row without a unit belongs to the one above it.
    let mut groups: Vec<(String, Vec<CellRow>)> = Vec::new();
    let mut current = stem.to_string();
    for (index, row) in grid.rows.iter().enumerate().skip(header_row + 1) {
        let mut cells = text_of(row);
        if let Some(c) = org_column
            && let Some(name) = cells.get_mut(c)
        {
            if !name.trim().is_empty() {
                current = name.trim().to_string();
            }
            name.clear();
        }
        let line = grid.line_of(index);
        match groups.last_mut() {
            Some((name, rows)) if *name == current => rows.push((line, cells)),
            _ => groups.push((current.clone(), vec![(line, cells)])),
        }
    }
    let mut org: Vec<OrgNode> = Vec::new();
    let mut goals = Vec::new();
    let mut warnings = Vec::new();
    for (name, rows) in groups {
        let first_line = rows.first().map_or(0, |(line, _)| *line);
        let found = read_goal_rows(&header, level, rows);
        if found.is_empty() {
            continue;
        }
        let id = slug(&name);
        if !org.iter().any(|n| n.id == id) {
            org.push(OrgNode {
                id: id.clone(),
                name: name.clone(),
                level: OrgLevel::from_name(&name).unwrap_or(OrgLevel::Muu),
                parent: None,
                valid_from: None,
                valid_to: None,
                source: Some(grid.file.clone()),
            });
        }
        detections.push(Detection::CellTable {
            kind: super::cell_tables::CellTableKind::Goals,
            count: found.len(),
            org: name.clone(),
            line: first_line,
            page: None,
        });
        for goal in found {
            if let Some(status) = goal.unread_status {
                warnings.push(Warning {
                    place: Place {
                        line: Some(goal.line),
                        ..grid.place(0, None)
                    },
                    kind: WarningKind::UnknownStatus {
                        aim: goal.goal.aim.clone(),
                        found: status,
                    },
                });
            }
            let year = goal
                .year
                .or_else(|| crate::model::column::year_in(&named))
                .unwrap_or_default();
            goals.push(crate::model::Goal {
                org: id.clone(),
                year,
                ..goal.goal
            });
        }
    }
    if goals.is_empty() {
        return None;
    }
    detections.push(Detection::HeaderRow {
        line: grid.line_of(header_row),
    });
    Some(Imported {
        saved: None,
        dataset: Dataset {
            id: super::dataset_id(&grid.file),
            name: file_stem(&grid.file),
            municipality: None,
            source: Some(grid.file.clone()),
            notes: Vec::new(),
            columns: Vec::new(),
            org,
            figures: BTreeMap::new(),
            investments: Vec::new(),
            goals,
            projects: Vec::new(),
            risks: Vec::new(),
            ..Dataset::default()
        },
        detections: std::mem::take(detections),
        warnings,
    })
}

/// The first rows of a grid as text, for the user to map a header Raami did not find.
fn preview(grid: &Grid) -> Vec<Vec<String>> {
    grid.rows
        .iter()
        .filter(|row| row.iter().any(|c| !c.is_empty()))
        .take(8)
        .map(|row| {
            let width = row
                .iter()
                .rposition(|c| !c.is_empty())
                .map_or(0, |p| p + 1)
                .min(12);
            row[..width]
                .iter()
                .map(|c| c.text().chars().take(40).collect())
                .collect()
        })
        .collect()
}

/// The rows under the header that have any cell, with their index, telling `progress`
/// how far they are now and then.
fn body_rows<'a>(
    grid: &'a Grid,
    header_row: usize,
    progress: &'a mut dyn FnMut(f64),
) -> impl Iterator<Item = (usize, &'a [CellValue])> + 'a {
    let total = grid.rows.len().max(1) as f64;
    (header_row + 1..grid.rows.len()).filter_map(move |index| {
        if index % 50_000 == 0 {
            progress(index as f64 / total);
        }
        let row = &grid.rows[index];
        (!row.iter().all(CellValue::is_empty)).then_some((index, row.as_slice()))
    })
}

enum Layout {
    Wide(Vec<(usize, HeaderColumn)>),
    Long(Vec<Option<Role>>),
}

/// A row's figures by header column, for checking its printed Poikkeama and Toteuma %.
type DerivedCells = Vec<(HeaderColumn, Option<Decimal>)>;

/// Rows skipped that an empty table's error names.
const SKIPPED_SHOWN: usize = 3;

fn read_wide(
    grid: &Grid,
    header_row: usize,
    columns: &[(usize, HeaderColumn)],
    stem: &str,
    collector: &mut Collector,
    progress: &mut dyn FnMut(f64),
) -> Option<&'static str> {
    let first_value = columns.first().map_or(0, |(i, _)| *i);
    let header = &grid.rows[header_row];
    // The line column is the last text column before the figures; an org column before it.
    let line_column = first_value.checked_sub(1);
    let org_column = if first_value >= 2 {
        (0..first_value - 1)
            .find(|&i| role_in(&collector.mapping, &header[i].text()) == Some(Role::Org))
            .or(Some(0))
    } else {
        None
    };
    // A one-node table is named by a title above its header, or by the file.
    let title = grid.rows[..header_row]
        .iter()
        .flat_map(|r| r.iter())
        .find(|c| !c.is_empty())
        .map(CellValue::text)
        .filter(|t| Line::from_label(t).is_none());
    let default_org = title.unwrap_or_else(|| stem.to_string());
    for (i, cell) in header.iter().enumerate() {
        let text = cell.text();
        let ignored = header_cell(&collector.mapping, &text) == Lookup::Ignored;
        if i >= first_value && !text.is_empty() && !ignored && !columns.iter().any(|(c, _)| *c == i)
        {
            collector.warn(
                grid.place(header_row, Some(i)),
                WarningKind::SkippedColumn { header: text },
            );
        }
    }
    let column_ids: Vec<(usize, Option<String>, HeaderColumn)> = columns
        .iter()
        .map(|(i, h)| match h {
            HeaderColumn::Value { kind, year } => (*i, Some(collector.column(*kind, *year)), *h),
            _ => (*i, None, *h),
        })
        .collect();
    let line_column = line_column?;
    // Printed Poikkeama and Toteuma % are checked once the whole table is read, so that the
    // way it prints Poikkeama is decided once and not warned on every row.
    let derived = columns
        .iter()
        .any(|(_, h)| matches!(h, HeaderColumn::Poikkeama | HeaderColumn::ToteumaPct));
    let (mut derived_rows, mut derived_cells): (Vec<(Place, String)>, Vec<DerivedCells>) =
        (Vec::new(), Vec::new());
    let width = header
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |p| p + 1);
    let mut current_org = default_org;
    for (row_index, row) in body_rows(grid, header_row, progress) {
        let filled = row.iter().rposition(|c| !c.is_empty()).map_or(0, |p| p + 1);
        if let Some(org_column) = org_column {
            let org = row.get(org_column).map(CellValue::text).unwrap_or_default();
            if !org.is_empty() {
                current_org = org;
            }
        }
        let label = row
            .get(line_column)
            .map(CellValue::text)
            .unwrap_or_default();
        if filled > width {
            collector.skip(
                &current_org,
                grid.place(row_index, Some(filled - 1)),
                WarningKind::CellCount {
                    label: label.clone(),
                    found: filled,
                    expected: width,
                },
            );
            continue;
        }
        let has_figures = column_ids
            .iter()
            .any(|(i, _, _)| row.get(*i).is_some_and(|c| !c.is_empty()));
        if !has_figures {
            continue;
        }
        let (line, source) = match collector.line_of(&label) {
            Lookup::Found(found) => found,
            Lookup::Ignored => continue,
            Lookup::Unknown => {
                collector.skip(
                    &current_org,
                    grid.place(row_index, Some(line_column)),
                    WarningKind::UnknownLine { label },
                );
                continue;
            }
        };
        let mut values: Vec<(Option<String>, HeaderColumn, Option<Decimal>)> = Vec::new();
        let mut bad = false;
        for (i, id, h) in &column_ids {
            let cell = row.get(*i).cloned().unwrap_or(CellValue::Empty);
            match grid.number(&cell) {
                Ok(v) => values.push((id.clone(), *h, v)),
                Err(found) => {
                    collector.skip(
                        &current_org,
                        grid.place(row_index, Some(*i)),
                        WarningKind::NotANumber {
                            label: label.clone(),
                            found,
                        },
                    );
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        if derived {
            derived_rows.push((grid.place(row_index, None), label.clone()));
            derived_cells.push(values.iter().map(|(_, h, v)| (*h, *v)).collect());
        }
        for (id, _, value) in values {
            if let (Some(id), Some(value)) = (id, value) {
                collector.add(
                    &current_org,
                    (line, source),
                    &id,
                    value,
                    (grid.place(row_index, None), &label),
                );
            }
        }
    }
    let sign = poikkeama_sign(&derived_cells);
    for ((place, label), cells) in derived_rows.into_iter().zip(&derived_cells) {
        for kind in derived_mismatches(&label, cells, sign) {
            collector.warn(place.clone(), kind);
        }
    }
    (sign == PoikkeamaSign::ActualMinusBudget)
        .then(|| super::columns::poikkeama_budget(columns.iter().map(|(_, h)| h)))
}

/// The subtotals of an extract that no node states and that are not computed because a
/// part has no figure, though another has one: each with the parts missing anywhere, in
/// statement order.
fn not_computed(dataset: &Dataset) -> Vec<(Line, Vec<Line>)> {
    let values = crate::analysis::Values::new(dataset);
    let mut out: BTreeMap<Line, std::collections::BTreeSet<Line>> = BTreeMap::new();
    for node in &dataset.org {
        for column in &dataset.columns {
            for line in Line::all().filter(|l| l.is_subtotal()) {
                if values.value(&node.id, line, &column.id).is_some() {
                    continue;
                }
                let Some((_, missing)) = values.parts_detail(&node.id, line, &column.id) else {
                    continue;
                };
                out.entry(line).or_default().extend(missing);
            }
        }
    }
    out.into_iter()
        .map(|(line, missing)| (line, missing.into_iter().collect()))
        .collect()
}

fn read_long(
    grid: &Grid,
    header_row: usize,
    roles: &[Option<Role>],
    stem: &str,
    collector: &mut Collector,
    progress: &mut dyn FnMut(f64),
) {
    let at = |r: Role| roles.iter().position(|x| *x == Some(r));
    let (org_at, line_at, code_at, year_at, kind_at, column_at, value_at) = (
        at(Role::Org),
        at(Role::Line),
        at(Role::Code),
        at(Role::Year),
        at(Role::Kind),
        at(Role::Column),
        at(Role::Value),
    );
    let Some(value_at) = value_at else { return };
    let codes = ktas::codes();
    let others = ktas::other_codes();
    let width = roles.len();
    for (row_index, row) in body_rows(grid, header_row, progress) {
        let text = |i: Option<usize>| {
            i.and_then(|i| row.get(i))
                .map(CellValue::text)
                .unwrap_or_default()
        };
        let label = if line_at.is_some() {
            text(line_at)
        } else {
            text(code_at)
        };
        let filled = row.iter().rposition(|c| !c.is_empty()).map_or(0, |p| p + 1);
        if filled > width {
            collector.warn(
                grid.place(row_index, Some(filled - 1)),
                WarningKind::CellCount {
                    label,
                    found: filled,
                    expected: width,
                },
            );
            continue;
        }
        let org = Some(text(org_at))
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| stem.to_string());
        let year: Option<i32> = text(year_at).parse().ok();

        // The line and the column: from a KTAS code, or from the line's name and the kind.
        let number = text(code_at).parse::<u32>().ok();
        if let (Some(number), Some(year)) = (number, year)
            && let Some(other) = others.get(&number)
        {
            collector.warn(
                grid.place(row_index, code_at),
                WarningKind::OutsideStatement {
                    code: number,
                    kind: other.kind,
                    year: year + other.year_offset,
                },
            );
            continue;
        }
        let code = number.and_then(|c| codes.get(&c).copied());
        let (line, source, column_id) = if let (Some(code), Some(year)) = (code, year) {
            collector.coded = true;
            let id = collector.column(code.kind, year + code.year_offset);
            (code.line, LineSource::Label, id)
        } else {
            let (line, source) = match collector.line_of(&text(line_at)) {
                Lookup::Found(found) => found,
                Lookup::Ignored => continue,
                Lookup::Unknown => {
                    collector.warn(
                        grid.place(row_index, line_at.or(code_at)),
                        WarningKind::UnknownLine { label },
                    );
                    continue;
                }
            };
            let column = match (column_at, kind_of(&text(kind_at)), year) {
                (Some(_), _, _) => match collector.column_cell(&text(column_at)) {
                    Lookup::Found(HeaderColumn::Value { kind, year }) => Some((kind, year)),
                    Lookup::Ignored => continue,
                    Lookup::Found(_) | Lookup::Unknown => None,
                },
                (None, Some(kind), Some(year)) => Some((kind, year)),
                _ => None,
            };
            let Some((kind, year)) = column else {
                let found = if column_at.is_some() {
                    text(column_at)
                } else {
                    format!("{} {}", text(kind_at), text(year_at))
                };
                collector.warn(
                    grid.place(row_index, column_at.or(kind_at)),
                    WarningKind::UnknownColumn { label, found },
                );
                continue;
            };
            (line, source, collector.column(kind, year))
        };
        let cell = row.get(value_at).cloned().unwrap_or(CellValue::Empty);
        match grid.number(&cell) {
            Ok(Some(value)) => collector.add(
                &org,
                (line, source),
                &column_id,
                value,
                (grid.place(row_index, Some(value_at)), &label),
            ),
            Ok(None) => {}
            Err(found) => collector.warn(
                grid.place(row_index, Some(value_at)),
                WarningKind::NotANumber { label, found },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 1), "A1");
        assert_eq!(cell_name(2, 12), "C12");
        assert_eq!(cell_name(26, 3), "AA3");
    }
}
