//! Goal seek: the change of one lever that makes a goal come true. Every lever here moves
//! figures linearly (a split in proportion is weighed by the loaded figures), so the change
//! is solved directly from the effect of a probe, to the cent, and checked by applying it.

use rust_decimal::Decimal;

use super::{Change, Columns, Edit, NotApplied, Scenario, Target, apply, figure as value, negated};
use crate::model::{Amount, Dataset, Line, OrgId};

/// What is to come true, in one column of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    /// A line reaches a value (budget-book signs).
    Reach {
        org: OrgId,
        line: Line,
        column: String,
        value: Amount,
    },
    /// Vuosikate covers Poistot ja arvonalentumiset: Vuosikate ≥ −Poistot.
    CoversDepreciation { org: OrgId, column: String },
    /// Tilikauden tulos ≥ 0.
    ResultNotNegative { org: OrgId, column: String },
}

/// What may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lever {
    /// A line of a node in euros, or of every unit under a node by the same percentage.
    Line {
        target: Target,
        line: Line,
        column: String,
    },
    /// The income tax rate, with the column's income tax revenue at that rate (`None`: the
    /// node's Verotulot).
    TaxRate {
        org: OrgId,
        column: String,
        rate: Decimal,
        revenue: Option<Decimal>,
    },
}

/// The change found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// The edit that makes the goal come true (no edit where it already is).
    pub edit: Option<Edit>,
    /// How much the varied line moves, in the council's sense (+ more of the line), €.
    pub euros: Amount,
    /// The same as a percentage of the varied line, two decimals; for the tax rate, the
    /// percentage points.
    pub percent: Option<Decimal>,
    /// The goal's line after the change.
    pub reached: Amount,
}

/// Why no change was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeekError {
    /// The lever does not move the goal's line.
    Unreachable,
    /// The goal's line has no figure in its node and column.
    NoGoalFigure,
    /// The lever's edit does not match the data.
    NotApplied(NotApplied),
}

/// How far the goal is: the amount its line must still rise (≤ 0 when it is met), and the
/// line that is measured.
fn gap(dataset: &Dataset, goal: &Goal) -> Result<(Amount, Line, OrgId, String), SeekError> {
    let figure = |org: &str, line: Line, column: &str| {
        value(dataset, org, line, column).ok_or(SeekError::NoGoalFigure)
    };
    let too_large = || SeekError::NotApplied(NotApplied::TooLarge);
    match goal {
        Goal::Reach {
            org,
            line,
            column,
            value: wanted,
        } => {
            let now = figure(org, *line, column)?;
            let short = wanted.checked_sub(now).ok_or_else(too_large)?;
            Ok((short, *line, org.clone(), column.clone()))
        }
        Goal::CoversDepreciation { org, column } => {
            let vuosikate = figure(org, Line::Vuosikate, column)?;
            let poistot = figure(org, Line::PoistotJaArvonalentumiset, column)?;
            let short = negated(vuosikate.checked_add(poistot).ok_or_else(too_large)?);
            Ok((short, Line::Vuosikate, org.clone(), column.clone()))
        }
        Goal::ResultNotNegative { org, column } => {
            let result = figure(org, Line::TilikaudenTulos, column)?;
            let short = negated(result);
            Ok((short, Line::TilikaudenTulos, org.clone(), column.clone()))
        }
    }
}

fn lever_edit(lever: &Lever, amount: Decimal) -> Edit {
    match lever {
        // The same percentage in every unit; euros for one node.
        Lever::Line {
            target,
            line,
            column,
        } => Edit::Line {
            target: target.clone(),
            line: *line,
            columns: Columns::One(column.clone()),
            change: match target {
                Target::UnitsUnder(_) => Change::Percent(amount),
                Target::Node(_) => Change::Euros(amount),
            },
        },
        Lever::TaxRate {
            org,
            column,
            rate,
            revenue,
        } => Edit::TaxRate {
            org: org.clone(),
            columns: Columns::One(column.clone()),
            rate: *rate,
            revenue: *revenue,
            points: amount,
        },
    }
}

/// The probe: a change large enough that cents of rounding do not matter.
fn probe(lever: &Lever) -> Decimal {
    match lever {
        Lever::Line {
            target: Target::UnitsUnder(_),
            ..
        } => Decimal::ONE_HUNDRED,
        Lever::Line { .. } => Decimal::from(1_000_000),
        Lever::TaxRate { .. } => Decimal::ONE,
    }
}

fn places(lever: &Lever) -> u32 {
    match lever {
        // A percentage of every unit to four decimals gets each unit to the cent.
        Lever::Line {
            target: Target::UnitsUnder(_),
            ..
        } => 6,
        Lever::Line { .. } => 2,
        Lever::TaxRate { .. } => 4,
    }
}

fn rounded(amount: Decimal, lever: &Lever) -> Decimal {
    amount.round_dp_with_strategy(places(lever), rust_decimal::RoundingStrategy::AwayFromZero)
}

/// The change of `lever` that makes `goal` come true over `dataset` (with `scenario`'s
/// edits already laid over it, if any).
pub fn seek(
    dataset: &Dataset,
    scenario: &Scenario,
    lever: &Lever,
    goal: &Goal,
) -> Result<Solution, SeekError> {
    let base = apply(dataset, scenario).dataset;
    let (needed, line, org, column) = gap(&base, goal)?;
    let reached_now = value(&base, &org, line, &column).ok_or(SeekError::NoGoalFigure)?;
    let at_least = !matches!(goal, Goal::Reach { .. });
    if needed.is_zero() || (at_least && needed < Decimal::ZERO) {
        return Ok(Solution {
            edit: None,
            euros: Decimal::ZERO,
            percent: Some(Decimal::ZERO),
            reached: reached_now,
        });
    }
    let with = |amount: Decimal| -> Result<(Dataset, Amount), SeekError> {
        let mut trial = scenario.clone();
        trial.made_on.clear();
        trial.edits.push(lever_edit(lever, amount));
        let applied = apply(dataset, &trial);
        if let Some(Err(why)) = applied.outcomes.last() {
            return Err(SeekError::NotApplied(why.clone()));
        }
        let now = value(&applied.dataset, &org, line, &column).ok_or(SeekError::NoGoalFigure)?;
        Ok((applied.dataset, now))
    };
    let step = probe(lever);
    let (_, moved_to) = with(step)?;
    let too_large = || SeekError::NotApplied(NotApplied::TooLarge);
    let per_step = moved_to.checked_sub(reached_now).ok_or_else(too_large)?;
    if per_step.is_zero() {
        return Err(SeekError::Unreachable);
    }
    let solved = needed
        .checked_mul(step)
        .and_then(|n| n.checked_div(per_step))
        .ok_or_else(too_large)?;
    let mut amount = rounded(solved, lever);
    let (mut data, mut reached) = with(amount)?;
    // A split to the cent can leave the goal a cent short: a cent more of the lever.
    if at_least && gap(&data, goal).is_ok_and(|(g, ..)| g > Decimal::ZERO) {
        let smallest = Decimal::new(1, places(lever));
        let nudged = if per_step > Decimal::ZERO {
            amount.checked_add(smallest)
        } else {
            amount.checked_sub(smallest)
        };
        amount = nudged.ok_or_else(too_large)?;
        (data, reached) = with(amount)?;
    }
    let (euros, percent) = lever_effect(&base, &data, lever, amount).ok_or_else(too_large)?;
    Ok(Solution {
        edit: Some(lever_edit(lever, amount)),
        euros,
        percent,
        reached,
    })
}

/// How much the lever's line moved (council sense) and as a percentage of it; `None` where
/// that does not fit in a decimal.
fn lever_effect(
    base: &Dataset,
    after: &Dataset,
    lever: &Lever,
    amount: Decimal,
) -> Option<(Amount, Option<Decimal>)> {
    match lever {
        Lever::Line {
            target,
            line,
            column,
        } => {
            let org = target.org();
            let was = value(base, org, *line, column).unwrap_or_default();
            let now = value(after, org, *line, column).unwrap_or_default();
            let stored = now.checked_sub(was)?;
            let sense = |v: Decimal| {
                if line.is_expense_like() {
                    negated(v)
                } else {
                    v
                }
            };
            let percent = match target {
                Target::UnitsUnder(_) => Some(amount.round_dp(2)),
                Target::Node(_) => stored
                    .checked_div(was.abs())
                    .and_then(|p| p.checked_mul(Decimal::ONE_HUNDRED))
                    .map(|p| sense(p.round_dp(2))),
            };
            Some((sense(stored), percent))
        }
        Lever::TaxRate { org, column, .. } => {
            let was = value(base, org, Line::Verotulot, column).unwrap_or_default();
            let now = value(after, org, Line::Verotulot, column).unwrap_or_default();
            Some((now.checked_sub(was)?, Some(amount)))
        }
    }
}
