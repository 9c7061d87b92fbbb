//! The computed table of one org node: every line its statement covers by every column it
//! has, subtotals included, with Poikkeama and Toteuma % for each Toteuma column that has a
//! budget of the same year, and a change between two chosen columns. This is what the web
//! view and `raami table` show; they only format it.

use rust_decimal::Decimal;

use super::derived;
use super::values::{Origin, Value, Values};
use crate::model::{Amount, Column, ColumnKind, Dataset, Line};

/// How a stated subtotal stands against the sum of its parts, where they differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// Within the rounding of the printed figures.
    Rounding,
    /// Beyond what rounding explains, with every part there.
    Contradiction,
    /// Parts are missing or rows of the source were not read: not compared.
    NotCompared,
}

/// One cell of the statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The figure shown: the stated one where the document states it.
    pub value: Value,
    /// For a stated subtotal whose parts do not add up to it exactly: the sum of the parts.
    pub parts_sum: Option<Amount>,
    /// What the difference from `parts_sum` is, by validation's rule.
    pub difference: Option<Difference>,
}

impl Cell {
    pub fn amount(&self) -> Amount {
        self.value.amount
    }

    pub fn is_computed(&self) -> bool {
        self.value.origin != Origin::Stated
    }

    /// Stated − sum of parts, where they differ.
    pub fn rounding_difference(&self) -> Option<Amount> {
        self.parts_sum
            .and_then(|sum| self.value.amount.checked_sub(sum))
    }
}

/// A Toteuma column and the budget it is compared against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub budget: Column,
    pub actual: Column,
}

/// Poikkeama and Toteuma % of one line for one [`FollowUp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpCell {
    pub poikkeama: Amount,
    pub toteuma_pct: Option<Decimal>,
}

/// Change of one line between the two chosen columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeCell {
    pub change: Amount,
    pub change_pct: Option<Decimal>,
    /// Average yearly change (compound) over the years between the two columns; none when
    /// they are of the same year or the signs differ.
    pub yearly_pct: Option<Decimal>,
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: Line,
    pub cells: Vec<Option<Cell>>,
    /// One per [`NodeTable::follow_ups`].
    pub follow_ups: Vec<Option<FollowUpCell>>,
    pub change: Option<ChangeCell>,
}

/// The table of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeTable {
    pub org: String,
    pub columns: Vec<Column>,
    pub follow_ups: Vec<FollowUp>,
    /// The two columns the change is computed between (base, target), if chosen and present.
    pub change_between: Option<(Column, Column)>,
    pub rows: Vec<Row>,
    /// The dataset is an extract of a filing's cells: a line without a figure is unknown,
    /// even one that statements leave out where it is zero.
    pub extract: bool,
}

impl NodeTable {
    /// The columns whose notes qualify the table, with their notes.
    pub fn column_notes(&self) -> Vec<(&Column, &str)> {
        self.columns
            .iter()
            .filter_map(|c| c.note.as_deref().map(|note| (c, note)))
            .collect()
    }

    pub fn row(&self, line: Line) -> Option<&Row> {
        self.rows.iter().find(|row| row.line == line)
    }

    pub fn column_index(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    /// The amount shown for (line, column), if any.
    pub fn amount(&self, line: Line, column: &str) -> Option<Amount> {
        let index = self.column_index(column)?;
        self.row(line)?.cells.get(index)?.as_ref().map(Cell::amount)
    }
}

/// The columns the node has figures in, in display order.
pub fn node_columns(dataset: &Dataset, org: &str) -> Vec<Column> {
    let values = Values::new(dataset);
    dataset
        .columns_in_order()
        .into_iter()
        .filter(|c| values.has_column(org, &c.id))
        .cloned()
        .collect()
}

/// Pairs every Toteuma column with the amended budget of the same year, or the budget.
pub fn follow_ups(columns: &[Column]) -> Vec<FollowUp> {
    columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Toteuma)
        .filter_map(|actual| {
            let same_year = |kind| {
                columns
                    .iter()
                    .find(|c| c.year == actual.year && c.kind == kind)
            };
            same_year(ColumnKind::TaMuutettu)
                .or_else(|| same_year(ColumnKind::Ta))
                .map(|budget| FollowUp {
                    budget: budget.clone(),
                    actual: actual.clone(),
                })
        })
        .collect()
}

/// The default pair for the change column: the first column against the last.
pub fn default_change_pair(columns: &[Column]) -> Option<(String, String)> {
    match (columns.first(), columns.last()) {
        (Some(first), Some(last)) if first.id != last.id => {
            Some((first.id.clone(), last.id.clone()))
        }
        _ => None,
    }
}

/// The change columns' pair the node shows: the base and the target asked for, each where
/// the node has that column, and the default's base or target for one it lacks or one not
/// asked for. The statement on screen and the command line's table both use this rule.
pub fn change_pair(
    columns: &[Column],
    base: Option<&str>,
    target: Option<&str>,
) -> Option<(String, String)> {
    let (default_base, default_target) = default_change_pair(columns)?;
    let known = |id: Option<&str>| {
        id.filter(|id| columns.iter().any(|c| c.id == *id))
            .map(str::to_string)
    };
    Some((
        known(base).unwrap_or(default_base),
        known(target).unwrap_or(default_target),
    ))
}

/// The table of `org` as a view shows it: with the change columns between `base` and
/// `target` where the node has them, else by [`change_pair`]'s default. The statement's
/// exports, the command line's table and its export all build it so.
pub fn node_table_as_shown(
    dataset: &Dataset,
    org: &str,
    base: Option<&str>,
    target: Option<&str>,
) -> NodeTable {
    let columns = node_columns(dataset, org);
    let pair = change_pair(&columns, base, target);
    node_table(
        dataset,
        org,
        pair.as_ref().map(|(b, t)| (b.as_str(), t.as_str())),
    )
}

/// Builds the table of `org`. `change_between` names (base, target) column ids; a pair
/// naming a column the node does not have gives no change column.
pub fn node_table(dataset: &Dataset, org: &str, change_between: Option<(&str, &str)>) -> NodeTable {
    let values = Values::new(dataset);
    let columns = node_columns(dataset, org);
    let follow_ups = follow_ups(&columns);
    let change_between = change_between.and_then(|(base, target)| {
        let find = |id: &str| columns.iter().find(|c| c.id == id).cloned();
        Some((find(base)?, find(target)?))
    });

    let rows = Line::all()
        .filter_map(|line| {
            let cells: Vec<Option<Cell>> = columns
                .iter()
                .map(|column| {
                    values.value(org, line, &column.id).map(|value| {
                        use super::validate::{Severity, SubtotalCheck, subtotal_check};
                        let (parts_sum, difference) =
                            match subtotal_check(dataset, &values, org, line, &column.id) {
                                Some(SubtotalCheck::Compared(Some(finding))) => (
                                    Some(finding.computed),
                                    Some(match finding.severity {
                                        Severity::Rounding => Difference::Rounding,
                                        Severity::Inconsistent => Difference::Contradiction,
                                    }),
                                ),
                                Some(SubtotalCheck::NotCompared(incomplete)) => {
                                    (Some(incomplete.parts), Some(Difference::NotCompared))
                                }
                                _ => (None, None),
                            };
                        Cell {
                            value,
                            parts_sum,
                            difference,
                        }
                    })
                })
                .collect();
            if cells.iter().all(Option::is_none) {
                return None;
            }
            let amount_in = |id: &str| {
                columns
                    .iter()
                    .position(|c| c.id == id)
                    .and_then(|i| cells[i].as_ref().map(Cell::amount))
            };
            let follow_up_cells = follow_ups
                .iter()
                .map(|pair| {
                    let budget = amount_in(&pair.budget.id)?;
                    let actual = amount_in(&pair.actual.id)?;
                    Some(FollowUpCell {
                        poikkeama: derived::poikkeama(budget, actual)?,
                        toteuma_pct: derived::toteuma_pct(budget, actual),
                    })
                })
                .collect();
            let change = change_between.as_ref().and_then(|(base_col, target_col)| {
                let base = amount_in(&base_col.id)?;
                let target = amount_in(&target_col.id)?;
                let years = target_col
                    .year
                    .checked_sub(base_col.year)
                    .and_then(|y| u32::try_from(y).ok())
                    .unwrap_or(0);
                Some(ChangeCell {
                    change: derived::change(base, target)?,
                    change_pct: derived::change_pct(base, target),
                    yearly_pct: derived::cagr_pct(base, target, years),
                })
            });
            Some(Row {
                line,
                cells,
                follow_ups: follow_up_cells,
                change,
            })
        })
        .collect();

    NodeTable {
        org: org.to_string(),
        columns,
        follow_ups,
        change_between,
        rows,
        extract: dataset.extract,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_change_pair_keeps_what_the_node_has_and_defaults_the_rest() {
        let columns = [
            Column::new(ColumnKind::Tp, 2022),
            Column::new(ColumnKind::Ta, 2024),
            Column::new(ColumnKind::Ts, 2026),
        ];
        let pair = |b: &str, t: &str| Some((b.to_string(), t.to_string()));
        assert_eq!(change_pair(&columns, None, None), pair("TP2022", "TS2026"));
        assert_eq!(
            change_pair(&columns, Some("TA2024"), None),
            pair("TA2024", "TS2026")
        );
        // A column this node lacks is its default's; one it has is kept.
        assert_eq!(
            change_pair(&columns, Some("TP2019"), Some("TA2024")),
            pair("TP2022", "TA2024")
        );
        assert_eq!(change_pair(&columns[..1], Some("TP2022"), None), None);
    }
}
