//! Budget follow-up (toteumavertailu): each line's budget against its actual, the variance
//! and the share used, whether the line came out better or worse than budgeted, and the
//! order that shows which lines drive the deviation.

use rust_decimal::Decimal;

use super::table::NodeTable;
use crate::model::{Amount, Line};

/// How a line came out against its budget, for the operating result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// More revenue or less expense than budgeted.
    Better,
    /// Less revenue or more expense than budgeted.
    Worse,
    OnBudget,
}

/// One line of a follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpRow {
    pub line: Line,
    pub budget: Amount,
    pub actual: Amount,
    /// Budget − actual, as books print it.
    pub poikkeama: Amount,
    pub toteuma_pct: Option<Decimal>,
    pub effect: Effect,
    /// What the line did to the result against the budget: actual − budget (+ better on
    /// any line, in stored signs).
    pub effect_amount: Amount,
}

/// The rows of follow-up `pair` (an index into the table's follow-ups), in statement order.
pub fn follow_up_rows(table: &NodeTable, pair: usize) -> Vec<FollowUpRow> {
    let Some(follow_up) = table.follow_ups.get(pair) else {
        return Vec::new();
    };
    let (Some(b), Some(a)) = (
        table.column_index(&follow_up.budget.id),
        table.column_index(&follow_up.actual.id),
    ) else {
        return Vec::new();
    };
    table
        .rows
        .iter()
        .filter_map(|row| {
            let budget = row.cells[b].as_ref()?.amount();
            let actual = row.cells[a].as_ref()?.amount();
            let cell = row.follow_ups.get(pair).copied().flatten()?;
            // Stored signs make "actual above budget" better for every line: more revenue,
            // or an expense closer to zero.
            let effect = match actual.checked_sub(budget)?.cmp(&Decimal::ZERO) {
                std::cmp::Ordering::Greater => Effect::Better,
                std::cmp::Ordering::Less => Effect::Worse,
                std::cmp::Ordering::Equal => Effect::OnBudget,
            };
            Some(FollowUpRow {
                line: row.line,
                budget,
                actual,
                poikkeama: cell.poikkeama,
                toteuma_pct: cell.toteuma_pct,
                effect,
                effect_amount: actual.checked_sub(budget).unwrap_or_default(),
            })
        })
        .collect()
}

/// The lines that drive the deviation first: lines that are not subtotals by the size of
/// their variance, largest first; then the subtotals in statement order.
pub fn by_deviation(rows: &[FollowUpRow]) -> Vec<FollowUpRow> {
    let mut parts: Vec<FollowUpRow> = rows
        .iter()
        .filter(|r| !is_sum(r.line, rows))
        .cloned()
        .collect();
    parts.sort_by(|x, y| {
        y.poikkeama
            .abs()
            .cmp(&x.poikkeama.abs())
            .then(x.line.cmp(&y.line))
    });
    parts.extend(rows.iter().filter(|r| is_sum(r.line, rows)).cloned());
    parts
}

/// A subtotal whose parts are among the rows (Henkilöstökulut alone is a part, not a sum).
pub fn is_sum(line: Line, rows: &[FollowUpRow]) -> bool {
    line.is_subtotal()
        && line
            .parts()
            .iter()
            .any(|p| rows.iter().any(|r| r.line == *p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::node_table;

    #[test]
    fn yhteiset_palvelut_2025_against_its_budget() {
        let dataset = crate::sample::heinola().unwrap();
        let table = node_table(&dataset, "yhteiset_palvelut", None);
        let rows = follow_up_rows(&table, 0);
        let kate = rows.iter().find(|r| r.line == Line::Toimintakate).unwrap();
        assert_eq!(
            (kate.budget, kate.actual, kate.poikkeama),
            (
                (-8_494_000).into(),
                (-7_484_508).into(),
                (-1_009_492).into()
            )
        );
        assert_eq!(kate.effect, Effect::Better);
        let poistot = rows
            .iter()
            .find(|r| r.line == Line::PoistotJaArvonalentumiset)
            .unwrap();
        assert_eq!(poistot.effect, Effect::Worse);
        // Palvelujen ostot (−582 747) drives the deviation most, then Poistot (372 507).
        let sorted: Vec<Line> = by_deviation(&rows).iter().map(|r| r.line).take(3).collect();
        assert_eq!(
            sorted,
            [
                Line::PalvelujenOstot,
                Line::PoistotJaArvonalentumiset,
                Line::Myyntituotot
            ]
        );
        let last: Vec<Line> = by_deviation(&rows)
            .iter()
            .rev()
            .take(2)
            .map(|r| r.line)
            .collect();
        assert_eq!(last, [Line::TilikaudenTulos, Line::Vuosikate]);
    }
}
