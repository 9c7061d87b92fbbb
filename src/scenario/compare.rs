//! The comparison of a node's figures in one column: the base and up to four scenarios side
//! by side, with each scenario's difference to the base in € and %, the key figures set
//! apart, and what drives each difference (its edits ranked by their effect on the result).

use rust_decimal::Decimal;

use super::{NotApplied, Outcome, Scenario, apply, apply_edit};
use crate::analysis::values::Values;
use crate::model::{Amount, Dataset, Line};

/// The most scenarios compared at once, beside the base.
pub const MAX_COMPARED: usize = 4;

/// A scenario's figure beside the base's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versus {
    pub amount: Option<Amount>,
    /// Scenario − base.
    pub difference: Option<Amount>,
    /// The difference as a percentage of the base's size.
    pub percent: Option<Decimal>,
}

/// What a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Line(Line),
    /// Vuosikate as a percentage of Poistot ja arvonalentumiset.
    VuosikatePoistoista,
    /// Tilikauden tulos per resident, where the population of the column's year is given.
    ResultPerResident,
}

impl Measure {
    /// The row's name as the comparison shows it.
    pub fn name(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::pick;
        match self {
            Measure::Line(line) => line.name(lang).to_string(),
            Measure::VuosikatePoistoista => pick(
                lang,
                "Vuosikate, % poistoista",
                "Årsbidrag, % av avskrivningarna",
                "Annual margin, % of depreciation",
            )
            .to_string(),
            Measure::ResultPerResident => pick(
                lang,
                "Tilikauden tulos, €/asukas",
                "Räkenskapsperiodens resultat, €/invånare",
                "Result for the year, €/resident",
            )
            .to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub measure: Measure,
    pub base: Option<Decimal>,
    pub scenarios: Vec<Versus>,
}

/// One edit's part in a scenario's difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driver {
    /// The edit's place in its scenario.
    pub edit: usize,
    /// How much it moved the node's result line in the column.
    pub effect: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub org: String,
    pub column: String,
    /// The scenarios' names, in the order of each row's `scenarios`.
    pub names: Vec<String>,
    /// Every line the node has in the column, in statement order.
    pub rows: Vec<Row>,
    /// Toimintakate, Vuosikate, Poistot, Vuosikate % of Poistot, Tilikauden tulos, and
    /// Tilikauden tulos per resident where a population is given.
    pub key: Vec<Row>,
    /// The line the drivers are measured on: Tilikauden tulos, else the last key line the
    /// node has.
    pub result_line: Option<Line>,
    /// Per scenario, its edits by the size of their effect, largest first.
    pub drivers: Vec<Vec<Driver>>,
    /// Per scenario, what each of its edits did (for their sentences).
    pub outcomes: Vec<Vec<Result<Outcome, NotApplied>>>,
}

fn versus(base: Option<Decimal>, amount: Option<Decimal>) -> Versus {
    let difference = base.zip(amount).and_then(|(b, a)| a.checked_sub(b));
    let percent = base
        .zip(difference)
        .filter(|(b, _)| !b.is_zero())
        .and_then(|(b, d)| d.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(b.abs()));
    Versus {
        amount,
        difference,
        percent,
    }
}

fn measure(
    values: &Values,
    org: &str,
    column: &str,
    m: Measure,
    population: Option<Decimal>,
) -> Option<Decimal> {
    let line = |l| values.value(org, l, column).map(|v| v.amount);
    match m {
        Measure::Line(l) => line(l),
        Measure::VuosikatePoistoista => {
            let poistot = line(Line::PoistotJaArvonalentumiset)?;
            if poistot.is_zero() {
                return None;
            }
            line(Line::Vuosikate)?
                .checked_mul(Decimal::ONE_HUNDRED)?
                .checked_div(super::negated(poistot))
        }
        Measure::ResultPerResident => {
            let residents = population.filter(|p| *p > Decimal::ZERO)?;
            line(Line::TilikaudenTulos)?.checked_div(residents)
        }
    }
}

/// Compares `scenarios` (at most [`MAX_COMPARED`] are taken) with the base for `org` in
/// `column`; `population` is the residents of the column's year, where known.
pub fn compare(
    dataset: &Dataset,
    scenarios: &[&Scenario],
    org: &str,
    column: &str,
    population: Option<Decimal>,
) -> Comparison {
    let scenarios: Vec<&Scenario> = scenarios.iter().take(MAX_COMPARED).copied().collect();
    let (applied, outcomes): (Vec<Dataset>, Vec<_>) = scenarios
        .iter()
        .map(|s| {
            let applied = apply(dataset, s);
            (applied.dataset, applied.outcomes)
        })
        .unzip();
    let base_values = Values::new(dataset);
    let scenario_values: Vec<Values> = applied.iter().map(Values::new).collect();
    let row = |m: Measure| -> Option<Row> {
        let base = measure(&base_values, org, column, m, population);
        let scenarios: Vec<Versus> = scenario_values
            .iter()
            .map(|v| versus(base, measure(v, org, column, m, population)))
            .collect();
        (base.is_some() || scenarios.iter().any(|s| s.amount.is_some())).then_some(Row {
            measure: m,
            base,
            scenarios,
        })
    };
    let rows: Vec<Row> = Line::all().filter_map(|l| row(Measure::Line(l))).collect();
    let key: Vec<Row> = [
        Measure::Line(Line::Toimintakate),
        Measure::Line(Line::Vuosikate),
        Measure::Line(Line::PoistotJaArvonalentumiset),
        Measure::VuosikatePoistoista,
        Measure::Line(Line::TilikaudenTulos),
        Measure::ResultPerResident,
    ]
    .into_iter()
    .filter_map(row)
    .collect();
    let result_line = [Line::TilikaudenTulos, Line::Vuosikate, Line::Toimintakate]
        .into_iter()
        .find(|l| base_values.value(org, *l, column).is_some());
    let drivers = scenarios
        .iter()
        .map(|s| match result_line {
            Some(line) => drivers(dataset, s, org, line, column),
            None => Vec::new(),
        })
        .collect();
    Comparison {
        org: org.to_string(),
        column: column.to_string(),
        names: scenarios.iter().map(|s| s.name.clone()).collect(),
        rows,
        key,
        result_line,
        drivers,
        outcomes,
    }
}

/// Each edit's effect on `line` of `org` in `column`, applied in order, largest first; an
/// edit not applied, or one that does not move the line, is left out.
fn drivers(
    dataset: &Dataset,
    scenario: &Scenario,
    org: &str,
    line: Line,
    column: &str,
) -> Vec<Driver> {
    let mut data = dataset.clone();
    let weights = Values::new(dataset);
    let at = |d: &Dataset| Values::new(d).value(org, line, column).map(|v| v.amount);
    let mut before = at(&data);
    let mut out = Vec::new();
    // The same refusal as `apply`: figures changed since the scenario was made.
    let stale = scenario
        .made_on
        .iter()
        .any(|m| m.dataset == dataset.id && m.fingerprint != super::fingerprint(dataset));
    if stale {
        return out;
    }
    for (index, edit) in scenario.edits.iter().enumerate() {
        if apply_edit(&mut data, &weights, edit).is_err() {
            continue;
        }
        let after = at(&data);
        if let Some(effect) = after.zip(before).and_then(|(a, b)| a.checked_sub(b))
            && !effect.is_zero()
        {
            out.push(Driver {
                edit: index,
                effect,
            });
        }
        before = after;
    }
    out.sort_by_key(|d| std::cmp::Reverse(d.effect.abs()));
    out
}
