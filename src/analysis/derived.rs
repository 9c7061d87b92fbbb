//! Derived figures, always computed and never stored: Poikkeama (variance), Toteuma %,
//! change between two columns in euros and per cent, average yearly growth (CAGR) and share
//! of the parent. Each takes exact decimals; a percentage is rounded only when printed.

use rust_decimal::{Decimal, MathematicalOps};

use crate::model::Amount;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Poikkeama = TA − Toteuma, in the sign convention of the line (seed 003: Toimintakulut
/// −9 483 100 − (−8 856 536) = −626 564).
/// `None` where the difference does not fit in a decimal (figures near its limit).
pub fn poikkeama(budget: Amount, actual: Amount) -> Option<Amount> {
    budget.checked_sub(actual)
}

/// Toteuma % = Toteuma / TA × 100; `None` when TA is zero (the percentage is undefined,
/// although some books print it as 0,00).
pub fn toteuma_pct(budget: Amount, actual: Amount) -> Option<Decimal> {
    ratio_pct(actual, budget)
}

/// `numerator / denominator × 100`, or `None` for a zero denominator.
pub fn ratio_pct(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    numerator
        .checked_div(denominator)
        .and_then(|r| r.checked_mul(HUNDRED))
}

/// Change from `base` to `target` in euros.
pub fn change(base: Amount, target: Amount) -> Option<Amount> {
    target.checked_sub(base)
}

/// Change from `base` to `target` in per cent of the base's size: (target / base − 1) × 100.
/// For expenses stored negative, growth of the expense is positive, as budget books print
/// it. `None` when the base is zero or the two have different signs, where a percentage
/// says nothing sensible.
pub fn change_pct(base: Amount, target: Amount) -> Option<Decimal> {
    if base.is_zero() || (target.is_sign_negative() != base.is_sign_negative() && !target.is_zero())
    {
        return None;
    }
    target
        .checked_div(base)?
        .checked_sub(Decimal::ONE)?
        .checked_mul(HUNDRED)
}

/// Average yearly growth in per cent from `first` to `last` over `years` years:
/// ((last / first)^(1/years) − 1) × 100. `None` for a zero span, a zero or sign-changing
/// start, where growth is undefined.
pub fn cagr_pct(first: Amount, last: Amount, years: u32) -> Option<Decimal> {
    if years == 0
        || first.is_zero()
        || last.is_zero()
        || first.is_sign_negative() != last.is_sign_negative()
    {
        return None;
    }
    let ratio = last.checked_div(first)?;
    let exponent = Decimal::ONE.checked_div(Decimal::from(years))?;
    let growth = ratio.checked_powd(exponent)?;
    growth.checked_sub(Decimal::ONE)?.checked_mul(HUNDRED)
}

/// A node's share of its parent in per cent.
pub fn share_pct(part: Amount, whole: Amount) -> Option<Decimal> {
    ratio_pct(part, whole)
}

/// How far `numerator / denominator × 100` can be from the exact ratio when both are printed
/// figures rounded by at most `numerator_tol` and `denominator_tol` (first-order bound).
pub fn ratio_pct_tolerance(
    numerator: Decimal,
    denominator: Decimal,
    numerator_tol: Decimal,
    denominator_tol: Decimal,
) -> Option<Decimal> {
    let d = denominator.abs();
    if d <= denominator_tol {
        return None;
    }
    let low = d.checked_sub(denominator_tol)?;
    let first = numerator_tol.checked_div(low)?;
    let second = numerator
        .abs()
        .checked_mul(denominator_tol)?
        .checked_div(low.checked_mul(low)?)?;
    first.checked_add(second)?.checked_mul(HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn poikkeama_and_toteuma_pct_as_seed_003_prints_them() {
        assert_eq!(
            poikkeama(dec("-9483100"), dec("-8856536")),
            Some(dec("-626564"))
        );
        assert_eq!(
            poikkeama(dec("989100"), dec("1372028")),
            Some(dec("-382928"))
        );
        let pct = toteuma_pct(dec("989100"), dec("1372028")).unwrap();
        assert_eq!(pct.round_dp(2), dec("138.71"));
        let pct = toteuma_pct(dec("-8494000"), dec("-7484508")).unwrap();
        assert_eq!(pct.round_dp(2), dec("88.12"));
        assert_eq!(toteuma_pct(Decimal::ZERO, dec("39235")), None);
    }

    #[test]
    fn change_in_percent_follows_the_size_of_the_line() {
        // Seed 004, Toimintakulut TA 2024 → TS 2026: expenses grow by 5,42 %.
        let pct = change_pct(dec("-32611450"), dec("-34378200")).unwrap();
        assert_eq!(pct.round_dp(2), dec("5.42"));
        assert_eq!(
            change(dec("-32611450"), dec("-34378200")),
            Some(dec("-1766750"))
        );
        assert_eq!(change_pct(Decimal::ZERO, dec("5")), None);
        assert_eq!(change_pct(dec("-11"), dec("5")), None);
        assert_eq!(
            change_pct(dec("-11"), Decimal::ZERO).map(|p| p.round_dp(2)),
            Some(dec("-100"))
        );
    }

    #[test]
    fn cagr_over_the_plan_period() {
        // Seed 004, sector Toimintakate TP 2022 −28 726 249 → TS 2026 −32 103 800 over 4 years.
        let growth = cagr_pct(dec("-28726249"), dec("-32103800"), 4).unwrap();
        assert_eq!(growth.round_dp(2), dec("2.82"));
        assert_eq!(
            cagr_pct(dec("100"), dec("121"), 2).unwrap().round_dp(6),
            dec("10")
        );
        assert_eq!(cagr_pct(dec("100"), dec("121"), 0), None);
        assert_eq!(cagr_pct(dec("-100"), dec("121"), 2), None);
    }

    #[test]
    fn ratio_tolerance_covers_seed_003_rahoitus() {
        // Rahoitustuotot ja -kulut: TA −2 000, Toteuma 157, printed Toteuma % −7,87 while the
        // rounded figures give −7,85: the unrounded figures explain the difference.
        let computed = toteuma_pct(dec("-2000"), dec("157")).unwrap();
        let tol = ratio_pct_tolerance(dec("157"), dec("-2000"), dec("0.5"), dec("0.5")).unwrap();
        assert!((computed - dec("-7.87")).abs() <= tol + dec("0.005"));
        assert!((computed - dec("-7.95")).abs() > tol + dec("0.005"));
    }
}
