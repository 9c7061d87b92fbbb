//! Column headers as budget documents print them: `TP 2022`, `TA 2024`, `TS 2026`,
//! `Tilinpäätös 2024`, `Talousarvio 2025`, `Toteuma 2025`, `TP2024`, `Toteuma 1- 12`,
//! `Ennuste 2025`, `TA+m 2025`, `Muutettu talousarvio 2025`, and the derived columns
//! `Poikkeama` and `Toteuma %`, which are checked, never stored.

use rust_decimal::Decimal;

use super::WarningKind;
use crate::analysis::derived::{poikkeama, ratio_pct_tolerance, toteuma_pct};
use crate::i18n::Lang;
use crate::model::ColumnKind;
use crate::numfmt::{format_amount, rounding_half_unit};

/// One column of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderColumn {
    Value { kind: ColumnKind, year: i32 },
    Poikkeama,
    ToteumaPct,
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
        .filter(|y| (1990..=2100).contains(y))
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

/// The printed derived figures of one row (Poikkeama, Toteuma %) that its budget and actual
/// do not give within the rounding of printed figures, as warnings. `cells` pairs each header
/// column with the row's figure in it. Books print Toteuma % as 0,00 where the budget is 0
/// and the percentage is undefined; that is accepted.
pub fn derived_mismatches(
    label: &str,
    cells: &[(HeaderColumn, Option<Decimal>)],
) -> Vec<WarningKind> {
    let find = |want: fn(ColumnKind) -> bool| {
        cells.iter().find_map(|(h, v)| match h {
            HeaderColumn::Value { kind, .. } if want(*kind) => *v,
            _ => None,
        })
    };
    let (Some(b), Some(a)) = (
        find(ColumnKind::is_budget),
        find(|k| k == ColumnKind::Toteuma),
    ) else {
        return Vec::new();
    };
    cells
        .iter()
        .filter_map(|(header, printed)| {
            let printed = (*printed)?;
            let (computed, tolerance, name) = match header {
                HeaderColumn::Poikkeama => (
                    Some(poikkeama(b, a)),
                    rounding_half_unit(b) + rounding_half_unit(a),
                    "Poikkeama",
                ),
                HeaderColumn::ToteumaPct => (
                    toteuma_pct(b, a),
                    ratio_pct_tolerance(a, b, rounding_half_unit(a), rounding_half_unit(b))
                        .unwrap_or_default(),
                    "Toteuma %",
                ),
                HeaderColumn::Value { .. } => return None,
            };
            let agrees = match computed {
                None => printed.is_zero(),
                Some(c) => (printed - c).abs() <= rounding_half_unit(printed) + tolerance,
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
