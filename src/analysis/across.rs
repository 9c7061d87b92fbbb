//! One line across the organisation and the years: every node of the tree (in tree order)
//! by every column that has the line, as amounts, as change from a base column, or as
//! share of the parent — e.g. Henkilöstökulut of every service area from TP 2022 to TS 2026.

use rust_decimal::Decimal;

use super::derived::{change, share_pct};
use super::values::Values;
use crate::model::{Amount, Column, Dataset, Line};

/// What the cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Amount,
    /// Change in euros from the first column.
    Change,
    /// Share of the parent node, in per cent.
    Share,
}

crate::slugs!(Measure {
    Amount => "euro",
    Change => "muutos",
    Share => "osuus",
});

/// One node's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcrossRow {
    pub org: String,
    pub name: String,
    /// 0 for a top node.
    pub depth: usize,
    pub cells: Vec<Option<Decimal>>,
}

/// The nodes in tree order, each with its depth.
fn tree_order(dataset: &Dataset) -> Vec<(String, usize)> {
    dataset
        .roots()
        .flat_map(|root| dataset.subtree(&root.id))
        .map(|(node, depth)| (node.id.clone(), depth))
        .collect()
}

/// The columns that have the line somewhere, and a row per node.
pub fn across(dataset: &Dataset, line: Line, measure: Measure) -> (Vec<Column>, Vec<AcrossRow>) {
    let values = Values::new(dataset);
    let order = tree_order(dataset);
    let amount = |org: &str, column: &str| -> Option<Amount> {
        values.value(org, line, column).map(|v| v.amount)
    };
    let columns: Vec<Column> = dataset
        .columns_in_order()
        .into_iter()
        .filter(|c| order.iter().any(|(org, _)| amount(org, &c.id).is_some()))
        .cloned()
        .collect();
    let rows = order
        .iter()
        .map(|(org, depth)| {
            let node = dataset.node(org);
            let parent = node.and_then(|n| n.parent.clone());
            let cells = columns
                .iter()
                .map(|column| {
                    let own = amount(org, &column.id)?;
                    match measure {
                        Measure::Amount => Some(own),
                        Measure::Change => {
                            // From the first column where the node has the line.
                            let base = columns.iter().find_map(|c| amount(org, &c.id))?;
                            change(base, own)
                        }
                        Measure::Share => share_pct(own, amount(parent.as_deref()?, &column.id)?),
                    }
                })
                .collect();
            AcrossRow {
                org: org.clone(),
                name: node.map(|n| n.name.clone()).unwrap_or_default(),
                depth: *depth,
                cells,
            }
        })
        .filter(|row| row.cells.iter().any(Option::is_some) || measure == Measure::Share)
        .collect();
    (columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn henkilostokulut_across_the_service_areas() {
        let dataset = crate::sample::heinola().unwrap();
        let (columns, rows) = across(&dataset, Line::Henkilostokulut, Measure::Amount);
        let ids: Vec<&str> = columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "TP2022", "TA2023", "TP2024", "TA2024", "TA2025", "TOT2025", "TS2025", "TS2026"
            ]
        );
        let varhais = rows.iter().find(|r| r.org == "varhaiskasvatus").unwrap();
        assert_eq!(varhais.depth, 1);
        assert_eq!(varhais.cells[0], Some(dec("-5903322")));
        assert_eq!(varhais.cells[7], Some(dec("-6246500")));
        // Units of Yhteiset palvelut print no Henkilöstökulut: they have no row.
        assert!(rows.iter().all(|r| r.org != "vaalit"));

        let (_, shares) = across(&dataset, Line::Henkilostokulut, Measure::Share);
        let opetus = shares
            .iter()
            .find(|r| r.org == "opetus_ja_koulutuspalvelut")
            .unwrap();
        // TS 2026: −12 225 700 of −20 592 300.
        assert_eq!(opetus.cells[7].unwrap().round_dp(2), dec("59.37"));
        let (_, changes) = across(&dataset, Line::Henkilostokulut, Measure::Change);
        let sector = changes
            .iter()
            .find(|r| r.org == "hyvinvointitoimiala")
            .unwrap();
        assert_eq!(sector.cells[7], Some(dec("-1628088")));
        assert_eq!(sector.cells[0], Some(Decimal::ZERO));
    }
}
