//! Charts as plain geometry: where each bar of a chart stands, which bar a pointer is over,
//! the colour of each kind of column, and the one-sentence summary a screen reader hears.
//! The browser layer only paints what this computes (with plotters), so a chart and its
//! table show the same numbers and the geometry is tested natively.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::Lang;
use crate::model::{Amount, Column, ColumnKind, Line};
use crate::numfmt::format_eur;

/// Colours that colour-blind readers tell apart (Okabe and Ito), one per kind of column:
/// actuals dark blue, budgets orange, plans sky blue, forecasts purple.
pub fn colour(kind: ColumnKind) -> (u8, u8, u8) {
    match kind {
        ColumnKind::Tp | ColumnKind::Toteuma => (0, 114, 178),
        ColumnKind::Ta | ColumnKind::TaMuutettu => (230, 159, 0),
        ColumnKind::Ts => (86, 180, 233),
        ColumnKind::Ennuste => (204, 121, 167),
    }
}

/// A bar placed on the drawing, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedBar {
    pub index: usize,
    pub x0: f64,
    pub x1: f64,
    /// Top and bottom; a negative value hangs down from the zero line.
    pub y0: f64,
    pub y1: f64,
}

/// Room around the plot, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub pad: f64,
}

/// Where the bars stand and where zero is.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub bars: Vec<PlacedBar>,
    pub zero_y: f64,
    pub slot: f64,
}

/// Lays out one bar per value (missing values leave their slot empty), scaled to the
/// largest size, with zero where the signs need it.
pub fn layout(values: &[Option<Amount>], frame: Frame) -> Layout {
    let n = values.len().max(1) as f64;
    let slot = (frame.width - 2.0 * frame.pad).max(1.0) / n;
    let as_f64 = |v: &Amount| v.to_f64().unwrap_or(0.0);
    let max = values.iter().flatten().map(as_f64).fold(0.0_f64, f64::max);
    let min = values.iter().flatten().map(as_f64).fold(0.0_f64, f64::min);
    let span = (max - min).max(1.0);
    let plot_height = (frame.height - 2.0 * frame.pad).max(1.0);
    let y_of = |v: f64| frame.pad + (max - v) / span * plot_height;
    let zero_y = y_of(0.0);
    let bars = values
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            let v = as_f64(value.as_ref()?);
            let x0 = frame.pad + slot * index as f64 + slot * 0.15;
            let x1 = frame.pad + slot * (index as f64 + 1.0) - slot * 0.15;
            let (y0, y1) = if v >= 0.0 {
                (y_of(v), zero_y)
            } else {
                (zero_y, y_of(v))
            };
            Some(PlacedBar {
                index,
                x0,
                x1,
                y0,
                y1,
            })
        })
        .collect();
    Layout { bars, zero_y, slot }
}

/// The bar whose slot a pointer at `x` is over.
pub fn hit(layout: &Layout, x: f64) -> Option<usize> {
    layout
        .bars
        .iter()
        .find(|b| x >= b.x0 - layout.slot * 0.15 && x <= b.x1 + layout.slot * 0.15)
        .map(|b| b.index)
}

/// One sentence for screen readers: the line, its first and last figure, the change.
pub fn summary(
    line: Line,
    columns: &[Column],
    values: &[Option<Amount>],
    unit: &str,
    lang: Lang,
) -> String {
    let known: Vec<(&Column, Amount)> = columns
        .iter()
        .zip(values)
        .filter_map(|(c, v)| v.map(|v| (c, v)))
        .collect();
    let (Some((first_col, first)), Some((last_col, last))) = (known.first(), known.last()) else {
        return line.name(lang).to_string();
    };
    let difference = *last - *first;
    let name = line.name(lang);
    let (a, b, d) = (
        format_eur(*first, lang),
        format_eur(*last, lang),
        format_eur(difference.abs(), lang),
    );
    let direction = match (difference.cmp(&Decimal::ZERO), lang) {
        (std::cmp::Ordering::Greater, Lang::Fi) => "nousee",
        (std::cmp::Ordering::Less, Lang::Fi) => "laskee",
        (std::cmp::Ordering::Equal, Lang::Fi) => "pysyy ennallaan",
        (std::cmp::Ordering::Greater, Lang::Sv) => "stiger",
        (std::cmp::Ordering::Less, Lang::Sv) => "sjunker",
        (std::cmp::Ordering::Equal, Lang::Sv) => "är oförändrad",
        (std::cmp::Ordering::Greater, Lang::En) => "rises",
        (std::cmp::Ordering::Less, Lang::En) => "falls",
        (std::cmp::Ordering::Equal, Lang::En) => "stays the same",
    };
    let (from, to) = (first_col.label(lang), last_col.label(lang));
    match lang {
        Lang::Fi => format!("{name} {direction} {d} ({unit}): {from} {a}, {to} {b}."),
        Lang::Sv => format!("{name} {direction} med {d} ({unit}): {from} {a}, {to} {b}."),
        Lang::En => format!("{name} {direction} by {d} ({unit}): {from} {a}, {to} {b}."),
    }
}

/// One sentence on a breakdown: the line and column, how many units, and the largest.
pub fn breakdown_summary(
    line: Line,
    column: &str,
    units: &[(String, Option<Amount>, Option<Decimal>)],
    unit: &str,
    lang: Lang,
) -> String {
    let largest = units
        .iter()
        .filter_map(|(name, amount, share)| Some((name, (*amount)?, *share)))
        .max_by_key(|(_, a, _)| a.abs());
    let name = line.name(lang);
    let count = units.len();
    match (largest, lang) {
        (None, _) => format!("{name}, {column}"),
        (Some((unit_name, amount, share)), Lang::Fi) => format!(
            "{name}, {column}, {count} yksikköä: suurin {unit_name} {} {unit}{}.",
            format_eur(amount, lang),
            share
                .map(|s| format!(" ({})", crate::numfmt::format_percent(s, lang)))
                .unwrap_or_default()
        ),
        (Some((unit_name, amount, share)), Lang::Sv) => format!(
            "{name}, {column}, {count} enheter: störst {unit_name} {} {unit}{}.",
            format_eur(amount, lang),
            share
                .map(|s| format!(" ({})", crate::numfmt::format_percent(s, lang)))
                .unwrap_or_default()
        ),
        (Some((unit_name, amount, share)), Lang::En) => format!(
            "{name}, {column}, {count} units: the largest is {unit_name}, {} {unit}{}.",
            format_eur(amount, lang),
            share
                .map(|s| format!(" ({})", crate::numfmt::format_percent(s, lang)))
                .unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn bars_hang_from_zero_and_fill_their_slots() {
        let values = [Some(dec("100")), None, Some(dec("-50"))];
        let frame = Frame {
            width: 320.0,
            height: 170.0,
            pad: 10.0,
        };
        let layout = layout(&values, frame);
        assert_eq!(layout.bars.len(), 2);
        assert_eq!(layout.slot, 100.0);
        // 150 units over 150 px: zero 100 px below the top pad.
        assert_eq!(layout.zero_y, 110.0);
        assert_eq!((layout.bars[0].y0, layout.bars[0].y1), (10.0, 110.0));
        assert_eq!((layout.bars[1].y0, layout.bars[1].y1), (110.0, 160.0));
        assert_eq!(hit(&layout, 60.0), Some(0));
        assert_eq!(hit(&layout, 160.0), None);
        assert_eq!(hit(&layout, 250.0), Some(2));
    }

    #[test]
    fn the_breakdown_summary_names_the_largest_unit() {
        let dataset = crate::sample::heinola().unwrap();
        let b = crate::analysis::breakdown::breakdown(
            &dataset,
            "hyvinvointitoimiala",
            Line::Henkilostokulut,
            "TS2026",
            None,
        );
        let units: Vec<_> = b
            .rows
            .iter()
            .map(|r| (r.name.clone(), r.amount, r.share_pct))
            .collect();
        assert_eq!(
            breakdown_summary(Line::Henkilostokulut, "TS 2026", &units, "€", Lang::Fi),
            "Henkilöstökulut, TS 2026, 4 yksikköä: suurin Opetus- ja koulutuspalvelut \u{2212}12\u{a0}225\u{a0}700 € (59,37\u{a0}%)."
        );
    }

    #[test]
    fn the_summary_says_where_the_line_goes() {
        let dataset = crate::sample::heinola().unwrap();
        let table = crate::analysis::node_table(&dataset, "hyvinvointitoimiala", None);
        let values: Vec<Option<Amount>> = table
            .columns
            .iter()
            .map(|c| table.amount(Line::Toimintakate, &c.id))
            .collect();
        assert_eq!(
            summary(Line::Toimintakate, &table.columns, &values, "€", Lang::Fi),
            "Toimintakate laskee 3\u{a0}377\u{a0}551 (€): TP 2022 \u{2212}28\u{a0}726\u{a0}249, TS 2026 \u{2212}32\u{a0}103\u{a0}800."
        );
        assert_eq!(colour(ColumnKind::Ts), (86, 180, 233));
    }
}
