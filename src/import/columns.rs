//! Column headers as budget documents print them: `TP 2022`, `TA 2024`, `TS 2026`,
//! `Tilinpäätös 2024`, `Talousarvio 2025`, `Toteuma 2025`, `TP2024`, `Toteuma 1- 12`,
//! `Ennuste 2025`, `TA+m 2025`, `Muutettu talousarvio 2025`, and the derived columns
//! `Poikkeama` and `Toteuma %`, which are checked, never stored.

use rust_decimal::Decimal;

use super::WarningKind;
use crate::analysis::derived::{ratio_pct_tolerance, toteuma_pct};
use crate::i18n::Lang;
use crate::model::ColumnKind;
use crate::numfmt::{format_amount, rounding_half_unit};

/// One column of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum HeaderColumn {
    Value {
        kind: ColumnKind,
        year: i32,
    },
    Poikkeama,
    ToteumaPct,
    /// A printed column computed from the others (`Muutos €`, `Muutos-%`, `Käyttö %`,
    /// `Talousarviomuutokset`): read past, never stored.
    Derived(DerivedColumn),
}

/// The printed columns that are computed from the value columns and are not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DerivedColumn {
    /// `Muutos €`, `Erotus`: the change between two columns in euros.
    ChangeEur,
    /// `Muutos %`, `Muutos-%`, `Kasvu %`: the change in per cent.
    ChangePct,
    /// `Käyttö %`, `Käyttö-%`: the share of the budget used (a Toteuma %).
    UsePct,
    /// `Talousarviomuutokset`: TA+m − TA.
    BudgetChanges,
    /// A column the user's mapping says to leave out.
    Ignored,
    /// `Ehdotus 2023`, `Talousarvioehdotus`: the board's proposal, beside the budget the
    /// council decided; Raami keeps no column of that kind.
    Proposal,
}

impl HeaderColumn {
    /// The column as the import summary names it: `TA 2023`, `Poikkeama`, `Muutos %`.
    pub fn label(self, lang: Lang) -> String {
        use crate::i18n::{Msg, t};
        match self {
            HeaderColumn::Value { kind, year } => format!("{} {year}", kind.code(lang)),
            HeaderColumn::Poikkeama => t(lang, Msg::Poikkeama).to_string(),
            HeaderColumn::ToteumaPct => t(lang, Msg::ToteumaPct).to_string(),
            HeaderColumn::Derived(derived) => derived.name(lang).to_string(),
        }
    }
}

impl DerivedColumn {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DerivedColumn::ChangeEur, Lang::Fi) => "Muutos €",
            (DerivedColumn::ChangeEur, Lang::Sv) => "Förändring €",
            (DerivedColumn::ChangeEur, Lang::En) => "Change €",
            (DerivedColumn::ChangePct, Lang::Fi) => "Muutos %",
            (DerivedColumn::ChangePct, Lang::Sv) => "Förändring %",
            (DerivedColumn::ChangePct, Lang::En) => "Change %",
            (DerivedColumn::UsePct, Lang::Fi) => "Käyttö %",
            (DerivedColumn::UsePct, Lang::Sv) => "Användning %",
            (DerivedColumn::UsePct, Lang::En) => "Use %",
            (DerivedColumn::BudgetChanges, Lang::Fi) => "Talousarviomuutokset",
            (DerivedColumn::BudgetChanges, Lang::Sv) => "Budgetändringar",
            (DerivedColumn::BudgetChanges, Lang::En) => "Budget changes",
            (DerivedColumn::Ignored, Lang::Fi) => "ohitettu sarake",
            (DerivedColumn::Ignored, Lang::Sv) => "utelämnad kolumn",
            (DerivedColumn::Ignored, Lang::En) => "ignored column",
            (DerivedColumn::Proposal, Lang::Fi) => "Ehdotus",
            (DerivedColumn::Proposal, Lang::Sv) => "Förslag",
            (DerivedColumn::Proposal, Lang::En) => "Proposal",
        }
    }
}

/// What one header cell says, before the years and kinds it leaves open are settled by the
/// document around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// A value column. `kind` is `None` for a bare year (`2024`); `year` is `None` for a kind
    /// printed without its year (`Talousarvio €`, `Toteutuma`).
    Value {
        kind: Option<ColumnKind>,
        year: Option<i32>,
    },
    Poikkeama,
    ToteumaPct,
    Derived(DerivedColumn),
}

impl From<HeaderColumn> for Cell {
    fn from(column: HeaderColumn) -> Cell {
        match column {
            HeaderColumn::Value { kind, year } => Cell::Value {
                kind: Some(kind),
                year: Some(year),
            },
            HeaderColumn::Poikkeama => Cell::Poikkeama,
            HeaderColumn::ToteumaPct => Cell::ToteumaPct,
            HeaderColumn::Derived(d) => Cell::Derived(d),
        }
    }
}

/// The scale a unit marker states: `1 000 €`, `1000e`, `t€`, `1 000 euroa` → 1 000;
/// `milj. €`, `M€` → 1 000 000; `€`, `euroa`, `EUR` → 1.
pub fn unit_scale(text: &str) -> Option<u32> {
    let squeezed: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !crate::numfmt::is_group_separator(*c))
        .collect();
    let squeezed = squeezed.trim_matches(|c| c == '(' || c == ')' || c == ':');
    match squeezed {
        "1000e" | "1000€" | "t€" | "1000euroa" | "1000euro" | "1000eur" | "teur" | "keur"
        | "k€" => Some(1000),
        "milj.€" | "milj€" | "m€" | "milj.euroa" | "miljoonaaeuroa" | "meur" => {
            Some(1_000_000)
        }
        "€" | "e" | "euroa" | "eur" | "euro" => Some(1),
        _ => None,
    }
}

/// A header cell's words joined as printed over several lines: a word broken with a hyphen
/// is joined (`Talous-` + `arvio` → `Talousarvio`), a compound's hyphen kept where the next
/// part starts a word of its own (`Talousarvio-` + `muutokset` → `Talousarviomuutokset`).
pub fn join_broken_words(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if out.ends_with('-') && part.starts_with(|c: char| c.is_lowercase()) {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// `1.1.-31.12.2024`, `1.1.–31.12.2024`: a financial year's period, read as its year.
fn period_year(word: &str) -> Option<i32> {
    let rest = word
        .strip_prefix("1.1.")
        .or_else(|| word.strip_prefix("01.01."))?;
    let rest = rest.trim_start_matches(|c: char| crate::numfmt::is_minus(c) || c == ' ');
    let rest = rest.strip_prefix("31.12.")?;
    year(rest)
}

/// Reads one header cell (a spreadsheet cell, or the words a layout header prints over one
/// column). The unit words (`€`, `1 000 €`) are left out of what the cell means; the
/// caller reads them with [`unit_scale`].
pub fn parse_cell(text: &str) -> Option<Cell> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = joined.to_lowercase();
    // Unit words and the caption's sign markers carry no meaning of their own here.
    let words: Vec<&str> = lower
        .split(' ')
        .filter(|w| !matches!(*w, "€" | "eur" | "euroa" | "(€)" | "+" | "-" | "/"))
        .collect();
    let text = words.join(" ");
    let compact = text.replace([' ', '-'], "");
    let derived = match compact.as_str() {
        "muutos€" | "muutos" | "erotus" | "erotus€" | "muutoseuroa" => {
            Some(DerivedColumn::ChangeEur)
        }
        "muutos%" | "kasvu%" | "muutos,%" | "erotus%" => Some(DerivedColumn::ChangePct),
        "käyttö%" | "käyttöaste%" | "tot%" | "tot.%" => Some(DerivedColumn::UsePct),
        "talousarviomuutokset" | "tamuutokset" | "talousarvionmuutokset" | "muutokset" => {
            Some(DerivedColumn::BudgetChanges)
        }
        _ => None,
    };
    // `Ehdotus 2023`: the proposal, read past like a computed column.
    let proposal = words
        .iter()
        .filter(|w| year(w).is_none())
        .map(|w| w.replace('-', ""))
        .collect::<Vec<_>>();
    if matches!(
        proposal
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["ehdotus"] | ["talousarvioehdotus"] | ["taehdotus"] | ["förslag"] | ["proposal"]
    ) {
        return Some(Cell::Derived(DerivedColumn::Proposal));
    }
    if let Some(derived) = derived {
        return Some(
            if derived == DerivedColumn::UsePct && compact.starts_with("tot") {
                Cell::ToteumaPct
            } else {
                Cell::Derived(derived)
            },
        );
    }
    if compact.starts_with("poikkeama") || compact == "avvikelse" || compact == "variance" {
        return Some(Cell::Poikkeama);
    }
    if matches!(
        compact.as_str(),
        "toteuma%" | "toteutuma%" | "toteumaprosentti" | "toteutumaprosentti"
    ) {
        return Some(Cell::ToteumaPct);
    }
    // `Talousarvio muutosten jälkeen`, `Muutettu talousarvio`, `TA+muutokset`.
    let amended = text.contains("muutosten jälkeen")
        || text.starts_with("muutettu")
        || compact.starts_with("ta+m");
    let year_word = words
        .iter()
        .rev()
        .find_map(|w| year(w).or_else(|| period_year(w)));
    if words.len() == 1 {
        if let Some(y) = period_year(words[0]) {
            return Some(Cell::Value {
                kind: Some(ColumnKind::Tp),
                year: Some(y),
            });
        }
        if let Some(y) = year(words[0]) {
            return Some(Cell::Value {
                kind: None,
                year: Some(y),
            });
        }
        // `TP2024`, `TP-2020`.
        let glued = words[0].replace('-', "");
        if let Some((kind, y)) = kind_with_year(&glued) {
            return Some(Cell::Value {
                kind: Some(kind),
                year: Some(y),
            });
        }
    }
    let kind_words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| year(w).is_none() && period_year(w).is_none())
        .collect();
    let kind = match kind_words.as_slice() {
        _ if amended => Some(ColumnKind::TaMuutettu),
        ["alkuperäinen", "talousarvio"] | ["alkuperäinen", "ta"] => Some(ColumnKind::Ta),
        // `Käyttö 2020`: what was used in a closed year, its financial statement.
        ["käyttö"] | ["käyttö", "tp"] => Some(ColumnKind::Tp),
        [one] => kind_word(one),
        ["talous", "arvio"] => Some(ColumnKind::Ta),
        ["talous", "suunnitelma"] => Some(ColumnKind::Ts),
        ["toteuma", "1"] | ["toteutuma", "1"] => Some(ColumnKind::Toteuma),
        _ => None,
    }?;
    if kind_words.is_empty() {
        return None;
    }
    Some(Cell::Value {
        kind: Some(kind),
        year: year_word,
    })
}

/// A parsed header: the label before the columns (the table's name) and its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub label: String,
    pub columns: Vec<HeaderColumn>,
}

impl Header {
    pub fn value_columns(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| matches!(c, HeaderColumn::Value { .. }))
            .count()
    }
}

/// The kind a header word names (`TP`, `Talousarvio`, `Toteuma`, `Utfall`), any case.
pub fn kind_word(word: &str) -> Option<ColumnKind> {
    match word.to_lowercase().trim_end_matches([':', '.', ',']) {
        "tp" | "tilinpäätös" | "bs" | "bokslut" => Some(ColumnKind::Tp),
        "ta" | "talousarvio" | "budjetti" | "budget" => Some(ColumnKind::Ta),
        "ta+m" | "tam" | "ta+muutokset" => Some(ColumnKind::TaMuutettu),
        "ts" | "taloussuunnitelma" | "suunnitelma" | "ep" | "ekonomiplan" => Some(ColumnKind::Ts),
        "toteuma" | "toteutuma" | "tot" | "utfall" => Some(ColumnKind::Toteuma),
        "ennuste" | "enn" | "prognos" => Some(ColumnKind::Ennuste),
        _ => None,
    }
}

fn year(word: &str) -> Option<i32> {
    let digits = word.trim_end_matches([':', '.', ',', ')']);
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| crate::model::column::PLAUSIBLE_YEARS.contains(y))
}

/// `TP2024` → (TP, 2024).
fn kind_with_year(word: &str) -> Option<(ColumnKind, i32)> {
    let split = word.find(|c: char| c.is_ascii_digit())?;
    let (kind, rest) = word.split_at(split);
    Some((kind_word(kind)?, year(rest)?))
}

/// `1-12`, `1-`, `12`, `1–12/2025`: the month span of an in-year Toteuma.
fn is_month_span(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || crate::numfmt::is_minus(c) || c == '/')
}

/// Parses a header line (tabs or spaces). `None` unless at least two value columns follow
/// the label and nothing unrecognised follows the first column.
pub fn parse_header(text: &str) -> Option<Header> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut columns = Vec::new();
    let mut label_end = None;
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let lower = word.to_lowercase();
        let next = words.get(i + 1).copied();
        let (column, used) = if lower == "poikkeama" || lower == "avvikelse" || lower == "variance"
        {
            (Some(HeaderColumn::Poikkeama), 1)
        } else if lower == "toteuma%"
            || lower == "toteuma-%"
            || lower == "tot.%"
            || lower == "toteutuma-%"
        {
            (Some(HeaderColumn::ToteumaPct), 1)
        } else if let Some((kind, y)) = kind_with_year(word) {
            (Some(HeaderColumn::Value { kind, year: y }), 1)
        } else if let Some(y) = period_year(word) {
            // `1.1.-31.12.2024`: a financial year's actuals.
            (
                Some(HeaderColumn::Value {
                    kind: ColumnKind::Tp,
                    year: y,
                }),
                1,
            )
        } else if lower == "muutettu" && next.is_some_and(|n| kind_word(n) == Some(ColumnKind::Ta))
        {
            match words.get(i + 2).and_then(|w| year(w)) {
                Some(y) => (
                    Some(HeaderColumn::Value {
                        kind: ColumnKind::TaMuutettu,
                        year: y,
                    }),
                    3,
                ),
                None => (None, 0),
            }
        } else if let Some(kind) = kind_word(word) {
            match next {
                Some("%") if kind == ColumnKind::Toteuma => (Some(HeaderColumn::ToteumaPct), 2),
                Some(n) if year(n).is_some() => {
                    let y = year(n).unwrap_or_default();
                    // `TA 2025 muutettu` is the amended budget.
                    if kind == ColumnKind::Ta
                        && words
                            .get(i + 2)
                            .is_some_and(|w| w.to_lowercase().starts_with("muutet"))
                    {
                        (
                            Some(HeaderColumn::Value {
                                kind: ColumnKind::TaMuutettu,
                                year: y,
                            }),
                            3,
                        )
                    } else {
                        (Some(HeaderColumn::Value { kind, year: y }), 2)
                    }
                }
                Some(n) if kind == ColumnKind::Toteuma && is_month_span(n) => {
                    // The year of an in-year Toteuma is that of the budget before it.
                    let budget_year = columns.iter().rev().find_map(|c| match c {
                        HeaderColumn::Value {
                            kind: ColumnKind::Ta | ColumnKind::TaMuutettu,
                            year,
                        } => Some(*year),
                        _ => None,
                    });
                    let mut used = 2;
                    while words
                        .get(i + used)
                        .is_some_and(|w| is_month_span(w) && year(w).is_none())
                    {
                        used += 1;
                    }
                    match budget_year {
                        Some(y) => (Some(HeaderColumn::Value { kind, year: y }), used),
                        None => (None, 0),
                    }
                }
                _ => (None, 0),
            }
        } else {
            (None, 0)
        };
        match column {
            Some(column) => {
                label_end.get_or_insert(i);
                columns.push(column);
                i += used;
            }
            None if label_end.is_some() => return None,
            None => i += 1,
        }
    }
    let header = Header {
        label: clean_label(&words[..label_end.unwrap_or(words.len())].join(" ")),
        columns,
    };
    (header.value_columns() >= 2).then_some(header)
}

/// What a document is, as its title or file name says: a financial statement or a budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DocumentKind {
    /// Tilinpäätös (and its toimintakertomus): a closed year's actuals.
    Statement,
    /// Talousarvio ja taloussuunnitelma.
    Budget,
}

/// What the document says of itself, for headers that leave their kind or year open: a
/// bare `2024` in a tilinpäätös is TP 2024; `Talousarvio €` in the statement of 2024 is TA 2024.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentContext {
    pub kind: Option<DocumentKind>,
    pub year: Option<i32>,
    /// Where it was read: the title line as printed, or the file name.
    pub source: String,
}

fn title_kind(text: &str) -> Option<DocumentKind> {
    let lower = text.to_lowercase();
    if lower.contains("tilinpäätös") || lower.contains("tilinpaatos") || lower.contains("bokslut")
    {
        Some(DocumentKind::Statement)
    } else if lower.contains("talousarvio") || lower.contains("budget") {
        Some(DocumentKind::Budget)
    } else {
        None
    }
}

/// Reads the document's kind and year from its first short title-like line that names both
/// (`Tilinpäätös 2024`, `Talousarvio 2025 ja taloussuunnitelma 2025–2027`), else from the
/// file name (`kauhava-tilinpaatos-2024.txt`).
pub fn document_context<'a>(
    file: &str,
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> DocumentContext {
    for (number, line) in lines {
        let text = line.trim();
        if text.chars().count() > 70 || text.ends_with('.') {
            continue;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let Some(first) = words.first() else { continue };
        let Some(kind) = title_kind(first) else {
            continue;
        };
        if let Some(y) = words.get(1).and_then(|w| year(w)) {
            return DocumentContext {
                kind: Some(kind),
                year: Some(y),
                source: format!("”{text}” (rivi {number})"),
            };
        }
    }
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let year = name.split(|c: char| !c.is_ascii_digit()).find_map(year);
    DocumentContext {
        kind: title_kind(name),
        year,
        source: name.to_string(),
    }
}

/// A header cell whose kind or year neither it nor the document tells.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OpenCell {
    /// A bare year in a document that is not a financial statement.
    NoKind { year: i32 },
    /// A kind without a year, and no title or sibling column to take it from.
    NoYear { kind: ColumnKind },
}

/// A header's settled columns, and for each cell settled from the document (by index) where
/// its year or kind came from.
pub type Settled = (Vec<HeaderColumn>, Vec<(usize, String)>);

/// Settles the kinds and years a header's cells leave open, from the document and from the
/// header's own TP column: a Toteuma beside `TP 2023` is of 2024. Returns the columns and, for
/// each settled cell, where its year or kind came from; or the first cell that stays open.
pub fn settle(cells: &[Cell], context: &DocumentContext) -> Result<Settled, (usize, OpenCell)> {
    let sibling_tp = cells
        .iter()
        .filter_map(|c| match c {
            Cell::Value {
                kind: Some(ColumnKind::Tp),
                year: Some(y),
            } => Some(*y),
            _ => None,
        })
        .max();
    let mut columns = Vec::with_capacity(cells.len());
    let mut settled = Vec::new();
    for (index, cell) in cells.iter().enumerate() {
        let column = match *cell {
            Cell::Poikkeama => HeaderColumn::Poikkeama,
            Cell::ToteumaPct => HeaderColumn::ToteumaPct,
            Cell::Derived(d) => HeaderColumn::Derived(d),
            Cell::Value {
                kind: Some(kind),
                year: Some(year),
            } => HeaderColumn::Value { kind, year },
            Cell::Value {
                kind: None,
                year: Some(year),
            } => {
                if context.kind != Some(DocumentKind::Statement) {
                    return Err((index, OpenCell::NoKind { year }));
                }
                settled.push((index, context.source.clone()));
                HeaderColumn::Value {
                    kind: ColumnKind::Tp,
                    year,
                }
            }
            Cell::Value {
                kind: Some(kind),
                year: None,
            } => {
                let of_the_year = match context.kind {
                    Some(DocumentKind::Statement) => {
                        kind != ColumnKind::Tp && kind != ColumnKind::Ts
                    }
                    Some(DocumentKind::Budget) => kind == ColumnKind::Ta,
                    None => false,
                };
                let from_title = context.year.filter(|_| of_the_year);
                let from_sibling = sibling_tp
                    .filter(|_| kind != ColumnKind::Tp && kind != ColumnKind::Ts)
                    .map(|y| y + 1);
                let (year, source) = match (from_title, from_sibling) {
                    (Some(t), Some(s)) if t != s => {
                        return Err((index, OpenCell::NoYear { kind }));
                    }
                    (Some(t), _) => (t, context.source.clone()),
                    (None, Some(s)) => (s, format!("TP {}", s - 1)),
                    (None, None) => return Err((index, OpenCell::NoYear { kind })),
                };
                settled.push((index, source));
                HeaderColumn::Value { kind, year }
            }
            Cell::Value {
                kind: None,
                year: None,
            } => {
                return Err((
                    index,
                    OpenCell::NoYear {
                        kind: ColumnKind::Tp,
                    },
                ));
            }
        };
        columns.push(column);
    }
    Ok((columns, settled))
}

/// Which way a table prints Poikkeama. Raami's is TA − Toteuma (seed 003); many statements
/// print Toteuma − TA+m (Kauhava, Seinäjoki 2024).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PoikkeamaSign {
    #[default]
    BudgetMinusActual,
    ActualMinusBudget,
}

/// The budget a table's Poikkeama is measured against, as the detection names it: `TA+m`
/// where the table has an amended budget (see `follow_up_pair`), else `TA`.
pub fn poikkeama_budget<'a>(columns: impl IntoIterator<Item = &'a HeaderColumn>) -> &'static str {
    let amended = columns.into_iter().any(|c| {
        matches!(
            c,
            HeaderColumn::Value {
                kind: ColumnKind::TaMuutettu,
                ..
            }
        )
    });
    if amended { "TA+m" } else { "TA" }
}

/// The budget and actual a row's printed Poikkeama and Toteuma % refer to: the amended
/// budget where the table has one (a printed TA+m is what the actual is measured against),
/// else the budget; and the Toteuma.
fn follow_up_pair(cells: &[(HeaderColumn, Option<Decimal>)]) -> Option<(Decimal, Decimal)> {
    let find = |want: fn(ColumnKind) -> bool| {
        cells.iter().find_map(|(h, v)| match h {
            HeaderColumn::Value { kind, .. } if want(*kind) => *v,
            _ => None,
        })
    };
    let budget = find(|k| k == ColumnKind::TaMuutettu).or_else(|| find(ColumnKind::is_budget))?;
    Some((budget, find(|k| k == ColumnKind::Toteuma)?))
}

/// The way a table prints Poikkeama, decided once from all its rows: Toteuma − budget when
/// every row with a printed, non-zero Poikkeama gives it that way and none gives TA − Toteuma.
pub fn poikkeama_sign(rows: &[Vec<(HeaderColumn, Option<Decimal>)>]) -> PoikkeamaSign {
    let (mut budget_first, mut actual_first) = (0usize, 0usize);
    for cells in rows {
        let Some((b, a)) = follow_up_pair(cells) else {
            continue;
        };
        let Some(printed) = cells
            .iter()
            .find_map(|(h, v)| (*h == HeaderColumn::Poikkeama).then_some(*v).flatten())
        else {
            continue;
        };
        if printed.is_zero() {
            continue;
        }
        let tolerance = rounding_half_unit(b) + rounding_half_unit(a) + rounding_half_unit(printed);
        let near = |c: Option<Decimal>| {
            c.and_then(|c| printed.checked_sub(c))
                .is_some_and(|gap| gap.abs() <= tolerance)
        };
        if near(b.checked_sub(a)) {
            budget_first += 1;
        } else if near(a.checked_sub(b)) {
            actual_first += 1;
        }
    }
    if actual_first > 0 && budget_first == 0 {
        PoikkeamaSign::ActualMinusBudget
    } else {
        PoikkeamaSign::BudgetMinusActual
    }
}

/// The printed derived figures of one row (Poikkeama, Toteuma %) that its budget and actual
/// do not give within the rounding of printed figures, as warnings. `cells` pairs each header
/// column with the row's figure in it. Books print Toteuma % as 0,00 where the budget is 0
/// and the percentage is undefined; that is accepted.
pub fn derived_mismatches(
    label: &str,
    cells: &[(HeaderColumn, Option<Decimal>)],
    sign: PoikkeamaSign,
) -> Vec<WarningKind> {
    let Some((b, a)) = follow_up_pair(cells) else {
        return Vec::new();
    };
    cells
        .iter()
        .filter_map(|(header, printed)| {
            let printed = (*printed)?;
            let (computed, tolerance, name) = match header {
                HeaderColumn::Poikkeama => (
                    match sign {
                        PoikkeamaSign::BudgetMinusActual => b.checked_sub(a),
                        PoikkeamaSign::ActualMinusBudget => a.checked_sub(b),
                    },
                    rounding_half_unit(b) + rounding_half_unit(a),
                    "Poikkeama",
                ),
                HeaderColumn::ToteumaPct => (
                    toteuma_pct(b, a),
                    ratio_pct_tolerance(a, b, rounding_half_unit(a), rounding_half_unit(b))
                        .unwrap_or_default(),
                    "Toteuma %",
                ),
                HeaderColumn::Value { .. } | HeaderColumn::Derived(_) => return None,
            };
            let agrees = match computed {
                None => printed.is_zero(),
                Some(c) => printed
                    .checked_sub(c)
                    .zip(rounding_half_unit(printed).checked_add(tolerance))
                    .is_some_and(|(gap, allowed)| gap.abs() <= allowed),
            };
            (!agrees).then(|| WarningKind::DerivedMismatch {
                label: label.to_string(),
                column: name.to_string(),
                printed: format_amount(printed, printed.scale(), Lang::Fi),
                computed: computed.map_or_else(
                    || "–".to_string(),
                    |c| format_amount(c, printed.scale(), Lang::Fi),
                ),
            })
        })
        .collect()
}

/// Parses one header cell of a spreadsheet (`TP 2022`, `Talousarvio 2025`, `Poikkeama`):
/// exactly one column, nothing else.
pub fn parse_column_cell(cell: &str) -> Option<HeaderColumn> {
    let header = parse_header(&format!("x {cell} TP 1990 TP 1990"))?;
    (header.label == "x" && header.columns.len() == 3).then(|| header.columns[0])
}

/// The table's name without the `Selite` column caption.
fn clean_label(label: &str) -> String {
    let trimmed = label.trim();
    let without = trimmed
        .strip_suffix("Selite")
        .or_else(|| trimmed.strip_suffix("selite"))
        .unwrap_or(trimmed);
    without.trim().to_string()
}

/// Joins the cells of a header printed on two lines (`Tilinpäätös | Talousarvio` over
/// `2024 | 2025`), cell by cell.
pub fn join_two_line_header(first: &[&str], second: &[&str]) -> String {
    let width = first.len().max(second.len());
    (0..width)
        .map(|i| {
            format!(
                "{} {}",
                first.get(i).copied().unwrap_or(""),
                second.get(i).copied().unwrap_or("")
            )
            .trim()
            .to_string()
        })
        .collect::<Vec<_>>()
        .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnKind::*;
    use HeaderColumn::*;

    fn v(kind: ColumnKind, year: i32) -> HeaderColumn {
        Value { kind, year }
    }

    #[test]
    fn reads_the_headers_of_the_seeds() {
        let h = parse_header(
            "Hyvinvointilautakunnan toimiala TP 2022 TA 2023 TA 2024 TS 2025 TS 2026 ",
        )
        .unwrap();
        assert_eq!(h.label, "Hyvinvointilautakunnan toimiala");
        assert_eq!(
            h.columns,
            [
                v(Tp, 2022),
                v(Ta, 2023),
                v(Ta, 2024),
                v(Ts, 2025),
                v(Ts, 2026)
            ]
        );

        let h = parse_header("Yhteiset palvelut Selite\tTilinpäätös 2024\tTalousarvio 2025\tToteuma 2025\tPoikkeama\tToteuma %").unwrap();
        assert_eq!(h.label, "Yhteiset palvelut");
        assert_eq!(
            h.columns,
            [
                v(Tp, 2024),
                v(Ta, 2025),
                v(Toteuma, 2025),
                Poikkeama,
                ToteumaPct
            ]
        );

        let h = parse_header("YHTEISET PALVELUT IRTAIN OMAISUUS\tTP2024\tTA 2025\tToteuma 1- 12\tPoikkeama\tToteuma %").unwrap();
        assert_eq!(h.label, "YHTEISET PALVELUT IRTAIN OMAISUUS");
        assert_eq!(
            h.columns,
            [
                v(Tp, 2024),
                v(Ta, 2025),
                v(Toteuma, 2025),
                Poikkeama,
                ToteumaPct
            ]
        );

        let joined = join_two_line_header(
            &[
                "Vaalit",
                "Tilinpäätös",
                "Talousarvio",
                "Toteuma",
                "Poikkeama",
                "Toteuma",
            ],
            &["Selite", "2024", "2025", "2025", "", "%"],
        );
        let h = parse_header(&joined).unwrap();
        assert_eq!(h.label, "Vaalit");
        assert_eq!(
            h.columns,
            [
                v(Tp, 2024),
                v(Ta, 2025),
                v(Toteuma, 2025),
                Poikkeama,
                ToteumaPct
            ]
        );

        let h = parse_header("Kunta TA 2025 muutettu Ennuste 2025").unwrap();
        assert_eq!(h.columns, [v(TaMuutettu, 2025), v(Ennuste, 2025)]);
    }

    #[test]
    fn reads_single_cells() {
        assert_eq!(parse_column_cell("Tilinpäätös 2024"), Some(v(Tp, 2024)));
        assert_eq!(parse_column_cell("TS2026"), Some(v(Ts, 2026)));
        assert_eq!(parse_column_cell("Toteuma %"), Some(ToteumaPct));
        assert_eq!(parse_column_cell("Poikkeama"), Some(Poikkeama));
        assert_eq!(parse_column_cell("Selite"), None);
        assert_eq!(parse_column_cell("TP 2022 TA 2023"), None);
    }

    #[test]
    fn header_cells_as_real_books_print_them() {
        let value = |kind, year| Some(Cell::Value { kind, year });
        assert_eq!(parse_cell("2024"), value(None, Some(2024)));
        assert_eq!(parse_cell("1.1.-31.12.2024"), value(Some(Tp), Some(2024)));
        assert_eq!(parse_cell("Käyttö 2020"), value(Some(Tp), Some(2020)));
        assert_eq!(parse_cell("TP-2020"), value(Some(Tp), Some(2020)));
        assert_eq!(parse_cell("Talous arvio 2021"), value(Some(Ta), Some(2021)));
        assert_eq!(parse_cell("Talousarvio"), value(Some(Ta), None));
        assert_eq!(
            parse_cell("Alkuperäinen talousarvio"),
            value(Some(Ta), None)
        );
        assert_eq!(
            parse_cell("Talousarvio muutosten jälkeen"),
            value(Some(TaMuutettu), None)
        );
        assert_eq!(parse_cell("Toteutuma"), value(Some(Toteuma), None));
        assert_eq!(parse_cell("Toteuma %"), Some(Cell::ToteumaPct));
        assert_eq!(parse_cell("Poikkeama + yli / -alle"), Some(Cell::Poikkeama));
        assert_eq!(
            parse_cell("Muutos €"),
            Some(Cell::Derived(DerivedColumn::ChangeEur))
        );
        assert_eq!(
            parse_cell("Muutos-%"),
            Some(Cell::Derived(DerivedColumn::ChangePct))
        );
        assert_eq!(
            parse_cell("Käyttö %"),
            Some(Cell::Derived(DerivedColumn::UsePct))
        );
        assert_eq!(
            parse_cell("Talousarviomuutokset"),
            Some(Cell::Derived(DerivedColumn::BudgetChanges))
        );
        assert_eq!(
            parse_cell("Ehdotus 2022"),
            Some(Cell::Derived(DerivedColumn::Proposal))
        );
        assert_eq!(parse_cell("Ehdotus lautakunta"), None);
        assert_eq!(parse_cell("Selite"), None);
        assert_eq!(join_broken_words(&["Talous-", "arvio"]), "Talousarvio");
        assert_eq!(
            join_broken_words(&["Talousarvio", "muutosten", "jäl-", "keen"]),
            "Talousarvio muutosten jälkeen"
        );
        assert_eq!(unit_scale("1 000 €"), Some(1000));
        assert_eq!(unit_scale("1000e"), Some(1000));
        assert_eq!(unit_scale("milj. €"), Some(1_000_000));
        assert_eq!(unit_scale("€"), Some(1));
        assert_eq!(unit_scale("1 500 €"), None);
    }

    #[test]
    fn open_cells_are_settled_from_the_document_or_refused() {
        let statement = DocumentContext {
            kind: Some(DocumentKind::Statement),
            year: Some(2024),
            source: "Tilinpäätös 2024".into(),
        };
        let cells = [
            Cell::Value {
                kind: Some(Ta),
                year: None,
            },
            Cell::Value {
                kind: Some(Toteuma),
                year: None,
            },
            Cell::Value {
                kind: Some(Tp),
                year: Some(2023),
            },
        ];
        let (columns, settled) = settle(&cells, &statement).unwrap();
        assert_eq!(columns, [v(Ta, 2024), v(Toteuma, 2024), v(Tp, 2023)]);
        assert_eq!(settled.len(), 2);
        // Without a title the TP column beside them gives the year.
        let (columns, _) = settle(&cells, &DocumentContext::default()).unwrap();
        assert_eq!(columns[0], v(Ta, 2024));
        // A title and a sibling that disagree: asked, not guessed.
        let other_year = DocumentContext {
            year: Some(2025),
            ..statement.clone()
        };
        assert_eq!(
            settle(&cells, &other_year).unwrap_err(),
            (0, OpenCell::NoYear { kind: Ta })
        );
        // A bare year is TP only in a financial statement.
        let bare = [Cell::Value {
            kind: None,
            year: Some(2024),
        }];
        assert_eq!(settle(&bare, &statement).unwrap().0, [v(Tp, 2024)]);
        assert_eq!(
            settle(&bare, &DocumentContext::default()).unwrap_err(),
            (0, OpenCell::NoKind { year: 2024 })
        );
        let context = document_context(
            "x.txt",
            ["Sisällys", "Tilinpäätös 2024", "Talousarvio 2025"]
                .into_iter()
                .enumerate(),
        );
        assert_eq!(
            (context.kind, context.year),
            (Some(DocumentKind::Statement), Some(2024))
        );
        let context = document_context("kauhava-talousarvio-2025.txt", std::iter::empty());
        assert_eq!(
            (context.kind, context.year),
            (Some(DocumentKind::Budget), Some(2025))
        );
    }

    #[test]
    fn prose_is_not_a_header() {
        assert_eq!(
            parse_header(
                "Vuoden 2024 vertailutiedot on organisaatiouudistuksesta johtuen yhdistelty"
            ),
            None
        );
        assert_eq!(
            parse_header("Vaalit\tTilinpäätös\tTalousarvio\tToteuma\tPoikkeama\tToteuma"),
            None
        );
        assert_eq!(parse_header("Toimintakate TP 2022 ja muuta tekstiä"), None);
    }
}
