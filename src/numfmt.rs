#![deny(clippy::arithmetic_side_effects)]
//! Numbers as Finnish documents print them, read and written exactly.
//!
//! Budget books print `1 120 517` (groups separated by a space, often U+00A0 or U+202F),
//! `138,71` (decimal comma), negatives as `-`, U+2212 `−` or `–`, sometimes followed by a
//! space (`- 382 928`), or in parentheses (`(123)`). Missing values are printed as nothing,
//! `.`, `..` or a lone dash, and missing is not zero. This module turns such text into a
//! [`Decimal`] without ever going through floating point, and prints amounts back in the
//! convention of the reader's language.

use rust_decimal::Decimal;
use std::str::FromStr;

use crate::i18n::Lang;

/// Why a piece of text is not a number. The text itself is kept so that a caller can say
/// what was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("'{0}' is not a number: it contains '{1}'")]
    UnexpectedChar(String, char),
    #[error("'{0}' is not a number: digit groups after the first must have exactly three digits")]
    BadGrouping(String),
    #[error("'{0}' is not a number: it has no digits")]
    NoDigits(String),
    #[error("'{0}' is too large to be an amount")]
    OutOfRange(String),
}

/// Characters that separate digit groups in Finnish print: space, no-break space, narrow
/// no-break space and thin space.
pub fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Characters printed as a minus sign: hyphen-minus, the minus sign U+2212, the en dash.
pub fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{2013}')
}

/// Reads one number as a Finnish document prints it. `Ok(None)` is a missing value
/// (empty, `.`, `..` or a lone dash); a number is returned exactly as written, with its
/// scale kept (`138,71` has two decimals, which tells how it was rounded).
pub fn parse_fi_number(text: &str) -> Result<Option<Decimal>, NumberError> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || is_group_separator(c));
    if trimmed.is_empty() || trimmed == "." || trimmed == ".." {
        return Ok(None);
    }
    if trimmed.chars().count() == 1 && trimmed.chars().all(is_minus) {
        return Ok(None);
    }

    let (negative_parens, inner) = match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')'))
    {
        Some(inner) => (true, inner.trim()),
        None => (false, trimmed),
    };

    let mut chars = inner.chars().peekable();
    let mut negative = negative_parens;
    if let Some(&c) = chars.peek() {
        if is_minus(c) {
            negative = !negative;
            chars.next();
        } else if c == '+' {
            chars.next();
        }
    }
    // A sign may be followed by spaces in PDF text (`- 382 928`).
    while chars.peek().is_some_and(|&c| is_group_separator(c)) {
        chars.next();
    }

    let mut groups: Vec<String> = vec![String::new()];
    let mut fraction: Option<String> = None;
    for c in chars {
        match (c, fraction.as_mut()) {
            (d, None) if d.is_ascii_digit() => {
                if let Some(last) = groups.last_mut() {
                    last.push(d);
                }
            }
            (d, Some(frac)) if d.is_ascii_digit() => frac.push(d),
            (s, None) if is_group_separator(s) => groups.push(String::new()),
            (',' | '.', None) => fraction = Some(String::new()),
            (other, _) => return Err(NumberError::UnexpectedChar(text.to_string(), other)),
        }
    }

    if groups.iter().all(String::is_empty) && fraction.as_deref().is_none_or(str::is_empty) {
        return Err(NumberError::NoDigits(text.to_string()));
    }
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(NumberError::BadGrouping(text.to_string()));
        }
    }

    let mut literal = String::new();
    if negative {
        literal.push('-');
    }
    let integer: String = groups.concat();
    literal.push_str(if integer.is_empty() { "0" } else { &integer });
    if let Some(frac) = fraction.filter(|f| !f.is_empty()) {
        literal.push('.');
        literal.push_str(&frac);
    }
    Decimal::from_str(&literal)
        .map(Some)
        .map_err(|_| NumberError::OutOfRange(text.to_string()))
}

/// How a file writes numbers: its decimal separator and its digit-group separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal: char,
    /// A group separator besides spaces (which are always accepted), if any.
    pub group: Option<char>,
}

impl NumberStyle {
    /// Finnish print: decimal comma, space groups.
    pub const FINNISH: NumberStyle = NumberStyle {
        decimal: ',',
        group: None,
    };
    /// Decimal point, no groups (`1234.5`), as machine exports write.
    pub const POINT: NumberStyle = NumberStyle {
        decimal: '.',
        group: None,
    };
    /// Decimal comma with point groups (`1.234,56`).
    pub const COMMA_POINT_GROUPS: NumberStyle = NumberStyle {
        decimal: ',',
        group: Some('.'),
    };
    /// Decimal point with comma groups (`1,234.56`).
    pub const POINT_COMMA_GROUPS: NumberStyle = NumberStyle {
        decimal: '.',
        group: Some(','),
    };
}

/// Reads a number written in `style`: its group separators are turned into spaces (whose
/// grouping is checked) and its decimal separator into a comma, then [`parse_fi_number`]
/// reads it.
pub fn parse_number(text: &str, style: NumberStyle) -> Result<Option<Decimal>, NumberError> {
    let mut normalised = String::with_capacity(text.len());
    for c in text.chars() {
        if Some(c) == style.group {
            normalised.push(' ');
        } else if c == style.decimal {
            normalised.push(',');
        } else if c == ',' || c == '.' {
            // The other separator where the style has no such group: not a number.
            return Err(NumberError::UnexpectedChar(text.to_string(), c));
        } else {
            normalised.push(c);
        }
    }
    parse_fi_number(&normalised).map_err(|e| match e {
        NumberError::UnexpectedChar(_, c) => NumberError::UnexpectedChar(text.to_string(), c),
        NumberError::BadGrouping(_) => NumberError::BadGrouping(text.to_string()),
        NumberError::NoDigits(_) => NumberError::NoDigits(text.to_string()),
        NumberError::OutOfRange(_) => NumberError::OutOfRange(text.to_string()),
    })
}

/// Rounds to `decimals` places half away from zero, as printed books round (`0,125` →
/// `0,13`, `−2,5` → `−3`): the one rounding rule of every output.
pub fn round_half_away(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    )
}

/// Prints an amount rounded to `decimals` places in the reader's convention:
/// Finnish and Swedish `−1 009 492` and `138,71` (no-break space groups, U+2212 minus);
/// English `−1,009,492` and `138.71`.
pub fn format_amount(value: Decimal, decimals: u32, lang: Lang) -> String {
    // A decimal holds at most 28 decimals: more would be zeros.
    let decimals = decimals.min(28);
    let rounded = round_half_away(value, decimals);
    let (group_sep, decimal_sep) = match lang {
        Lang::Fi | Lang::Sv => ('\u{00A0}', ','),
        Lang::En => (',', '.'),
    };
    let abs = rounded.abs();
    // The decimal's printer is asked for the digits it holds only, and the rest are zeros
    // added here: asked for more than its buffer takes (a figure of 29 digits to 28
    // decimals), it panics (found by fuzzing).
    let held = decimals.min(abs.scale());
    let text = format!("{abs:.prec$}", prec = held as usize);
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let frac_part = (decimals > 0).then(|| {
        let mut frac = frac_part.unwrap_or_default();
        while frac.len() < decimals as usize {
            frac.push('0');
        }
        frac
    });
    let mut out = String::new();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('\u{2212}');
    }
    let digits: Vec<char> = int_part.chars().collect();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && digits.len().saturating_sub(i).is_multiple_of(3) {
            out.push(group_sep);
        }
        out.push(*d);
    }
    if let Some(frac) = frac_part {
        out.push(decimal_sep);
        out.push_str(&frac);
    }
    out
}

/// Prints a whole-euro amount: `−1 009 492`.
pub fn format_eur(value: Decimal, lang: Lang) -> String {
    format_amount(value, 0, lang)
}

/// Prints an amount with its sign always shown, for a change: `+1 009 492`, `−3 518`, `0`;
/// cents where the amount has them.
pub fn format_signed(value: Decimal, lang: Lang) -> String {
    let decimals = if value.fract().is_zero() { 0 } else { 2 };
    let text = format_amount(value, decimals, lang);
    if value > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// Prints a percentage with two decimals: `88,12 %` in Finnish and Swedish (a no-break
/// space before the sign, as the languages write it), `88.12%` in English.
pub fn format_percent(value: Decimal, lang: Lang) -> String {
    let number = format_amount(value, 2, lang);
    match lang {
        Lang::Fi | Lang::Sv => format!("{number}\u{00A0}%"),
        Lang::En => format!("{number}%"),
    }
}

/// Half a unit of the last printed digit of a figure: the most its printed value can differ
/// from the exact one. `1120517` → 0,5; `138.71` → 0,005; `19.6` → 0,05.
pub fn rounding_half_unit(printed: Decimal) -> Decimal {
    Decimal::new(5, printed.scale().saturating_add(1).min(28))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_decimals_than_a_decimal_holds_are_not_asked_of_it() {
        assert_eq!(
            format_amount(dec("1.5"), 40, Lang::Fi),
            format!("1,5{}", "0".repeat(27))
        );
        // The largest decimal, to 28 decimals: its digits, then zeros.
        let text = format_amount(Decimal::MAX, 28, Lang::En);
        assert!(
            text.starts_with("79,228,162,514,264,337,593,543,950,335."),
            "{text}"
        );
        assert!(text.ends_with(&"0".repeat(28)), "{text}");
        assert_eq!(format_amount(dec("-2"), 2, Lang::Fi), "\u{2212}2,00");
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn check(input: &str, expected: Option<&str>) {
        let parsed = parse_fi_number(input).unwrap();
        assert_eq!(
            parsed.map(|d| d.to_string()),
            expected.map(str::to_string),
            "input {input:?}"
        );
    }

    #[test]
    fn reads_every_finnish_print_form() {
        check("1 120 517", Some("1120517"));
        check("1\u{00A0}120\u{00A0}517", Some("1120517"));
        check("1\u{202F}120\u{202F}517", Some("1120517"));
        check("138,71", Some("138.71"));
        check("- 382 928", Some("-382928"));
        check("\u{2212}1 009 492", Some("-1009492"));
        check("–91 598", Some("-91598"));
        check("(123)", Some("-123"));
        check("0,00", Some("0.00"));
        check("+5", Some("5"));
        check("-7,87", Some("-7.87"));
    }

    #[test]
    fn missing_is_not_zero() {
        for missing in ["", "  ", ".", "..", "-", "\u{2212}", "–"] {
            check(missing, None);
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        assert_eq!(
            parse_fi_number("12 34"),
            Err(NumberError::BadGrouping("12 34".to_string()))
        );
        assert_eq!(
            parse_fi_number("1 2345"),
            Err(NumberError::BadGrouping("1 2345".to_string()))
        );
        assert_eq!(
            parse_fi_number("12a"),
            Err(NumberError::UnexpectedChar("12a".to_string(), 'a'))
        );
        assert!(matches!(
            parse_fi_number("99999999999999999999999999999999"),
            Err(NumberError::OutOfRange(_))
        ));
    }

    #[test]
    fn prints_in_the_readers_convention() {
        assert_eq!(
            format_eur(dec("-1009492"), Lang::Fi),
            "\u{2212}1\u{00A0}009\u{00A0}492"
        );
        assert_eq!(format_eur(dec("-1009492"), Lang::En), "\u{2212}1,009,492");
        assert_eq!(format_percent(dec("88.1154"), Lang::Fi), "88,12\u{00A0}%");
        assert_eq!(format_percent(dec("88.1154"), Lang::En), "88.12%");
        assert_eq!(format_eur(dec("0"), Lang::Fi), "0");
        assert_eq!(format_eur(dec("-0.4"), Lang::Fi), "0");
        assert_eq!(format_eur(dec("999"), Lang::Fi), "999");
        assert_eq!(format_eur(dec("1000"), Lang::Fi), "1\u{00A0}000");
        assert_eq!(format_amount(dec("2.5"), 0, Lang::Fi), "3");
    }

    #[test]
    fn reads_other_styles() {
        let read = |t: &str, s| parse_number(t, s).unwrap().map(|d| d.to_string());
        assert_eq!(
            read("1.234.567,50", NumberStyle::COMMA_POINT_GROUPS),
            Some("1234567.50".into())
        );
        assert_eq!(
            read("-1,234.5", NumberStyle::POINT_COMMA_GROUPS),
            Some("-1234.5".into())
        );
        assert_eq!(read("1234.5", NumberStyle::POINT), Some("1234.5".into()));
        assert_eq!(
            read("\u{2212}1 009 492", NumberStyle::FINNISH),
            Some("-1009492".into())
        );
        assert!(parse_number("1.234,5", NumberStyle::POINT).is_err());
        assert!(parse_number("1.23.4", NumberStyle::COMMA_POINT_GROUPS).is_err());
    }

    #[test]
    fn half_unit_follows_the_printed_scale() {
        assert_eq!(rounding_half_unit(dec("1120517")), dec("0.5"));
        assert_eq!(rounding_half_unit(dec("138.71")), dec("0.005"));
        assert_eq!(rounding_half_unit(dec("19.6")), dec("0.05"));
        // A figure printed with all 28 decimals `Decimal` holds: the half unit is the
        // smallest step there is, not a panic.
        let finest = Decimal::new(1, 28);
        assert_eq!(rounding_half_unit(finest), Decimal::new(5, 28));
    }
}
