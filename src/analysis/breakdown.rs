//! Breakdown by organisation: for a chosen line and column, each unit's amount and share of
//! its parent, with the change against another column, and what the units leave unexplained.

use rust_decimal::Decimal;

use super::derived::{change, change_pct, share_pct};
use super::values::Values;
use crate::model::{Amount, Column, Dataset, Line};

/// One unit of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownRow {
    pub org: String,
    pub name: String,
    pub amount: Option<Amount>,
    /// Share of the parent's amount, in per cent.
    pub share_pct: Option<Decimal>,
    /// Change from the comparison column, in euros and per cent.
    pub change: Option<Amount>,
    pub change_pct: Option<Decimal>,
    pub has_units: bool,
}

/// A node's units for one line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub parent: Option<Amount>,
    pub rows: Vec<BreakdownRow>,
    /// Parent − the units' sum, where both are known: rounding, or what the units do not cover.
    pub unallocated: Option<Amount>,
}

/// The units of `org` (those that belong under it in the column's year) for `line` in
/// `column`, with the change from `compare` where given.
pub fn breakdown(
    dataset: &Dataset,
    org: &str,
    line: Line,
    column: &str,
    compare: Option<&str>,
) -> Breakdown {
    let values = Values::new(dataset);
    let amount = |id: &str, col: &str| values.value(id, line, col).map(|v| v.amount);
    let parent = amount(org, column);
    let year = dataset.column(column).map(|c| c.year);
    let rows: Vec<BreakdownRow> = dataset
        .children(org)
        .filter(|child| year.is_none_or(|y| child.belongs_in(y)))
        .map(|child| {
            let value = amount(&child.id, column);
            let before = compare.and_then(|c| amount(&child.id, c));
            BreakdownRow {
                org: child.id.clone(),
                name: child.name.clone(),
                amount: value,
                share_pct: value.zip(parent).and_then(|(v, p)| share_pct(v, p)),
                change: value.zip(before).and_then(|(v, b)| change(b, v)),
                change_pct: value.zip(before).and_then(|(v, b)| change_pct(b, v)),
                has_units: dataset.children(&child.id).next().is_some(),
            }
        })
        .collect();
    let known: Vec<Amount> = rows.iter().filter_map(|r| r.amount).collect();
    let unallocated = parent.filter(|_| !known.is_empty()).and_then(|p| {
        known
            .iter()
            .try_fold(Amount::ZERO, |sum, v| sum.checked_add(*v))
            .and_then(|sum| p.checked_sub(sum))
    });
    Breakdown {
        parent,
        rows,
        unallocated,
    }
}

/// One unit's amounts of a line in every column of its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSeries {
    pub org: String,
    pub name: String,
    /// One per column; empty in the years the unit does not belong under the parent.
    pub amounts: Vec<Option<Amount>>,
}

/// The units of `org` for `line` in each of `columns` (the stacked chart of the breakdown). A
/// unit counts only in the years it belongs under `org`, as in [`breakdown`].
pub fn units_over(dataset: &Dataset, org: &str, line: Line, columns: &[Column]) -> Vec<UnitSeries> {
    let values = Values::new(dataset);
    dataset
        .children(org)
        .map(|unit| UnitSeries {
            org: unit.id.clone(),
            name: unit.name.clone(),
            amounts: columns
                .iter()
                .map(|c| {
                    unit.belongs_in(c.year)
                        .then(|| values.value(&unit.id, line, &c.id).map(|v| v.amount))
                        .flatten()
                })
                .collect(),
        })
        .collect()
}

/// How a breakdown (and the follow-up, where "largest" is the largest deviation) is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// As the organisation lists the units.
    #[default]
    Organisation,
    /// Largest amount (in size) first.
    Amount,
    /// Largest change (in size) first.
    Change,
}

// The organisation's order is the default and is not written in a link.
crate::slugs!(SortBy {
    Organisation => "organisaatio",
    Amount => "suurin",
    Change => "muutos",
});

pub fn sorted(mut rows: Vec<BreakdownRow>, by: SortBy) -> Vec<BreakdownRow> {
    let size = |v: Option<Amount>| v.map(|a| a.abs()).unwrap_or_default();
    match by {
        SortBy::Organisation => {}
        SortBy::Amount => rows.sort_by_key(|r| std::cmp::Reverse(size(r.amount))),
        SortBy::Change => rows.sort_by_key(|r| std::cmp::Reverse(size(r.change))),
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn units_over_the_columns_count_only_where_they_belong() {
        let dataset = crate::sample::heinola().unwrap();
        let columns = crate::analysis::table::node_columns(&dataset, "hyvinvointitoimiala");
        let series = units_over(
            &dataset,
            "hyvinvointitoimiala",
            Line::Henkilostokulut,
            &columns,
        );
        let vaka = series.iter().find(|s| s.org == "varhaiskasvatus").unwrap();
        // Seed 004: Varhaiskasvatus, Henkilöstökulut TP 2022 … TS 2026.
        assert_eq!(vaka.amounts.first(), Some(&Some(dec("-5903322"))));
        assert_eq!(vaka.amounts.last(), Some(&Some(dec("-6246500"))));
        // Yhteiset palvelut's units belong to it from 2025: TP 2024 is left empty for them.
        let columns = crate::analysis::table::node_columns(&dataset, "yhteiset_palvelut");
        let series = units_over(&dataset, "yhteiset_palvelut", Line::Toimintakate, &columns);
        assert_eq!(series.len(), 7);
        assert_eq!(columns[0].id, "TP2024");
        assert!(series.iter().all(|s| s.amounts[0].is_none()));
        let vaalit = series.iter().find(|s| s.org == "vaalit").unwrap();
        assert_eq!(vaalit.amounts[2], Some(dec("-57385")));
    }

    #[test]
    fn the_sector_by_service_area() {
        let dataset = crate::sample::heinola().unwrap();
        let b = breakdown(
            &dataset,
            "hyvinvointitoimiala",
            Line::Toimintakate,
            "TP2022",
            Some("TA2024"),
        );
        assert_eq!(b.parent, Some(dec("-28726249")));
        let names: Vec<&str> = b.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Hyvinvoinnin ja terveyden edistäminen",
                "Opetus- ja koulutuspalvelut",
                "Varhaiskasvatus",
                "Virikkeellinen elämä"
            ]
        );
        // Seed 004: −425 730 − 16 806 178 − 7 493 498 − 4 000 843 = −28 726 249.
        assert_eq!(b.unallocated, Some(Decimal::ZERO));
        let opetus = &b.rows[1];
        assert_eq!(opetus.share_pct.unwrap().round_dp(2), dec("58.50"));
        // From TA 2024 (−17 056 250) to TP 2022 (−16 806 178).
        assert_eq!(opetus.change, Some(dec("250072")));
        let by_amount: Vec<String> = sorted(b.rows.clone(), SortBy::Amount)
            .into_iter()
            .map(|r| r.org)
            .collect();
        assert_eq!(by_amount[0], "opetus_ja_koulutuspalvelut");
        assert_eq!(by_amount[3], "hyvinvoinnin_ja_terveyden_edistaminen");
    }

    #[test]
    fn units_outside_their_years_are_left_out() {
        let dataset = crate::sample::heinola().unwrap();
        assert!(
            breakdown(
                &dataset,
                "yhteiset_palvelut",
                Line::Toimintakate,
                "TP2024",
                None
            )
            .rows
            .is_empty()
        );
        let b = breakdown(
            &dataset,
            "yhteiset_palvelut",
            Line::Toimintakate,
            "TOT2025",
            None,
        );
        assert_eq!(b.rows.len(), 7);
        // The units add up to −7 484 507 against the printed −7 484 508.
        assert_eq!(b.unallocated, Some(dec("-1")));
    }
}
