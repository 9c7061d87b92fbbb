//! The investments tables of a node as they are shown: the columns the table has figures
//! in, and each line's figures with Poikkeama and Toteuma % where the table has a budget and
//! a Toteuma of the same year.

use rust_decimal::Decimal;

use super::derived::{poikkeama, toteuma_pct};
use super::table::{FollowUp, follow_ups};
use crate::model::{Amount, Column, Dataset, InvestmentLine};

/// One line of an investments table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvestmentRow {
    pub line: InvestmentLine,
    /// One per column of the table.
    pub amounts: Vec<Option<Amount>>,
    /// One per follow-up pair: Poikkeama and Toteuma %.
    pub follow_ups: Vec<(Option<Amount>, Option<Decimal>)>,
}

/// One investments table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvestmentTable {
    pub name: String,
    pub columns: Vec<Column>,
    pub follow_ups: Vec<FollowUp>,
    pub rows: Vec<InvestmentRow>,
    pub note: Option<String>,
}

/// The investments tables of `org`.
pub fn investment_tables(dataset: &Dataset, org: &str) -> Vec<InvestmentTable> {
    dataset
        .investments_of(org)
        .map(|inv| {
            let columns: Vec<Column> = dataset
                .columns_in_order()
                .into_iter()
                .filter(|c| inv.figures.values().any(|by| by.contains_key(&c.id)))
                .cloned()
                .collect();
            let pairs = follow_ups(&columns);
            let rows = inv
                .figures
                .iter()
                .map(|(line, by_column)| InvestmentRow {
                    line: *line,
                    amounts: columns
                        .iter()
                        .map(|c| by_column.get(&c.id).copied())
                        .collect(),
                    follow_ups: pairs
                        .iter()
                        .map(|pair| {
                            match (
                                by_column.get(&pair.budget.id),
                                by_column.get(&pair.actual.id),
                            ) {
                                (Some(b), Some(a)) => (poikkeama(*b, *a), toteuma_pct(*b, *a)),
                                _ => (None, None),
                            }
                        })
                        .collect(),
                })
                .collect();
            InvestmentTable {
                name: inv.name.clone(),
                columns,
                follow_ups: pairs,
                rows,
                note: inv.note.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_investments_table_has_its_printed_figures() {
        // Seed 004's investments of Hyvinvointitoimiala: Menot TA 2024 −270 000, Netto
        // TS 2026 −235 000 (as printed).
        let sample = crate::sample::heinola().unwrap_or_default();
        let tables = investment_tables(&sample, "hyvinvointitoimiala");
        let table = &tables[0];
        let at = |line: InvestmentLine, column: &str| {
            let i = table.columns.iter().position(|c| c.id == column)?;
            table.rows.iter().find(|r| r.line == line)?.amounts[i]
        };
        assert_eq!(
            at(InvestmentLine::Menot, "TA2024"),
            Some(Decimal::from(-270_000))
        );
        assert_eq!(
            at(InvestmentLine::Netto, "TS2026"),
            Some(Decimal::from(-235_000))
        );
        assert!(table.follow_ups.is_empty(), "no Toteuma in a budget");
    }
}
