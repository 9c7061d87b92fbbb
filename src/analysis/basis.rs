//! Per resident and in real terms: every figure divided by the population of its year
//! and/or brought to the prices of a chosen year with a price index. The result is a
//! dataset like any other, so every view shows it; validation stays on the figures as
//! stated. The user (or a file) gives the population and the index per year.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{Amount, Dataset};

/// What the figures are expressed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    /// Divide by the population of the figure's year.
    #[serde(default)]
    pub per_resident: bool,
    /// Bring to the prices of this year.
    #[serde(default)]
    pub real_year: Option<i32>,
    /// Residents per year (31 December).
    #[serde(default)]
    pub population: BTreeMap<i32, Decimal>,
    /// A price index per year (any base; the ratio of two years is what counts).
    #[serde(default)]
    pub price_index: BTreeMap<i32, Decimal>,
}

/// A year whose figures could not be expressed on the basis, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Population(i32),
    PriceIndex(i32),
    /// The year's index and population are there, but the factor they give, or a figure
    /// multiplied by it, is beyond what a decimal holds.
    BeyondRange(i32),
}

impl Basis {
    /// Plain euros: nothing to do.
    pub fn is_plain(&self) -> bool {
        !self.per_resident && self.real_year.is_none()
    }

    /// The factor a figure of `year` is multiplied by, or what is missing for it.
    pub fn factor(&self, year: i32) -> Result<Decimal, Missing> {
        let mut factor = Decimal::ONE;
        if let Some(real_year) = self.real_year {
            let target = self
                .price_index
                .get(&real_year)
                .filter(|v| !v.is_zero())
                .ok_or(Missing::PriceIndex(real_year))?;
            let own = self
                .price_index
                .get(&year)
                .filter(|v| !v.is_zero())
                .ok_or(Missing::PriceIndex(year))?;
            factor = target.checked_div(*own).ok_or(Missing::BeyondRange(year))?;
        }
        if self.per_resident {
            let residents = self
                .population
                .get(&year)
                .filter(|v| v.is_sign_positive() && !v.is_zero())
                .ok_or(Missing::Population(year))?;
            factor = factor
                .checked_div(*residents)
                .ok_or(Missing::BeyondRange(year))?;
        }
        Ok(factor)
    }

    /// Decimals a figure on this basis is kept to: cents per resident, euros otherwise.
    pub fn decimals(&self) -> u32 {
        if self.per_resident { 2 } else { 0 }
    }
}

/// The dataset on `basis`; figures of years without the needed population or index are
/// left out, and those years are returned, each once.
pub fn apply(dataset: &Dataset, basis: &Basis) -> (Dataset, Vec<Missing>) {
    if basis.is_plain() {
        return (dataset.clone(), Vec::new());
    }
    let mut missing = Vec::new();
    let factors: BTreeMap<String, Option<Decimal>> = dataset
        .columns
        .iter()
        .map(|c| {
            let factor = basis.factor(c.year).map_err(|m| {
                if !missing.contains(&m) {
                    missing.push(m);
                }
            });
            (c.id.clone(), factor.ok())
        })
        .collect();
    let beyond = std::cell::RefCell::new(Vec::new());
    let scale = |column: &str, value: Amount| -> Option<Amount> {
        let factor = (*factors.get(column)?)?;
        let scaled = value
            .checked_mul(factor)
            .map(|v| crate::numfmt::round_half_away(v, basis.decimals().saturating_add(2)));
        if let (None, Some(year)) = (scaled, dataset.column(column).map(|c| c.year)) {
            let mut beyond = beyond.borrow_mut();
            if !beyond.contains(&Missing::BeyondRange(year)) {
                beyond.push(Missing::BeyondRange(year));
            }
        }
        scaled
    };
    let mut out = dataset.clone();
    for figures in out.figures.values_mut() {
        for by_col in figures.values_mut() {
            *by_col = by_col
                .iter()
                .filter_map(|(c, v)| scale(c, *v).map(|s| (c.clone(), s)))
                .collect();
        }
    }
    for investment in &mut out.investments {
        for by_col in investment.figures.values_mut() {
            *by_col = by_col
                .iter()
                .filter_map(|(c, v)| scale(c, *v).map(|s| (c.clone(), s)))
                .collect();
        }
    }
    for m in beyond.into_inner() {
        if !missing.contains(&m) {
            missing.push(m);
        }
    }
    (out, missing)
}

/// The unit and prices of the figures, as every table's caption states them (`€`,
/// `€/asukas, vuoden 2024 hinnoin`).
pub fn unit_label(basis: &Basis, lang: Lang) -> String {
    let unit = match (basis.per_resident, lang) {
        (false, _) => "€",
        (true, Lang::Fi) => "€/asukas",
        (true, Lang::Sv) => "€/invånare",
        (true, Lang::En) => "€/resident",
    };
    match (basis.real_year, lang) {
        (None, _) => unit.to_string(),
        (Some(y), Lang::Fi) => format!("{unit}, vuoden {y} hinnoin"),
        (Some(y), Lang::Sv) => format!("{unit}, i {y} års priser"),
        (Some(y), Lang::En) => format!("{unit}, at {y} prices"),
    }
}

/// What the basis rests on, told line by line for an export: the population and the price
/// index of each year, where they are used.
pub fn described(basis: &Basis, lang: Lang) -> Vec<String> {
    let list = |values: &BTreeMap<i32, Decimal>| {
        values
            .iter()
            .map(|(year, value)| {
                format!(
                    "{year}: {}",
                    crate::numfmt::format_amount(*value, value.scale(), lang)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = Vec::new();
    if basis.per_resident {
        out.push(format!(
            "{}: {}",
            crate::i18n::pick(lang, "Väkiluku", "Folkmängd", "Population"),
            list(&basis.population)
        ));
    }
    if basis.real_year.is_some() {
        out.push(format!(
            "{}: {}",
            crate::i18n::pick(lang, "Hintaindeksi", "Prisindex", "Price index"),
            list(&basis.price_index)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::node_table;
    use crate::model::Line;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn per_resident_and_at_fixed_prices() {
        let dataset = crate::sample::heinola().unwrap();
        // An invented population and index, round enough to check by hand.
        let basis = Basis {
            per_resident: true,
            real_year: Some(2024),
            population: [
                (2022, dec("18500")),
                (2023, dec("18400")),
                (2024, dec("18300")),
                (2025, dec("18200")),
                (2026, dec("18100")),
            ]
            .into(),
            price_index: [
                (2022, dec("100")),
                (2023, dec("105")),
                (2024, dec("110")),
                (2025, dec("112")),
                (2026, dec("114")),
            ]
            .into(),
        };
        let (scaled, missing) = apply(&dataset, &basis);
        assert!(missing.is_empty(), "{missing:?}");
        let table = node_table(&scaled, "hyvinvointitoimiala", None);
        // Toimintakate TP 2022: −28 726 249 × 110 / 100 / 18 500 = −1 708,047 €/resident.
        assert_eq!(
            table
                .amount(Line::Toimintakate, "TP2022")
                .unwrap()
                .round_dp(2),
            dec("-1708.05")
        );
        // TA 2024 is in its own prices: −29 922 850 / 18 300 = −1 635,13.
        assert_eq!(
            table
                .amount(Line::Toimintakate, "TA2024")
                .unwrap()
                .round_dp(2),
            dec("-1635.13")
        );
    }

    #[test]
    fn years_without_data_are_named() {
        let dataset = crate::sample::heinola().unwrap();
        let basis = Basis {
            per_resident: true,
            population: [(2022, dec("18500"))].into(),
            ..Basis::default()
        };
        let (scaled, missing) = apply(&dataset, &basis);
        assert!(missing.contains(&Missing::Population(2023)));
        assert!(!missing.contains(&Missing::Population(2022)));
        assert_eq!(
            scaled.stated("hyvinvointitoimiala", Line::Toimintakate, "TA2023"),
            None
        );
        assert!(
            scaled
                .stated("hyvinvointitoimiala", Line::Toimintakate, "TP2022")
                .is_some()
        );
        assert_eq!(Basis::default().factor(2024), Ok(Decimal::ONE));
    }
}
