#![deny(clippy::arithmetic_side_effects)]
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

/// How a kind of column is filled, so that actuals, budgets and plans differ by more than
/// colour: actuals solid, budgets hatched, plans and forecasts dotted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    Solid,
    Hatched,
    Dotted,
}

pub fn pattern(kind: ColumnKind) -> Pattern {
    match kind {
        ColumnKind::Tp | ColumnKind::Toteuma => Pattern::Solid,
        ColumnKind::Ta | ColumnKind::TaMuutettu => Pattern::Hatched,
        ColumnKind::Ts | ColumnKind::Ennuste => Pattern::Dotted,
    }
}

/// Colours for series that are not kinds of column (the units of a stacked chart), from the
/// same colour-blind-safe palette, in an order that keeps neighbours apart.
pub const SERIES: [(u8, u8, u8); 7] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (0, 0, 0),
];

pub fn series_colour(index: usize) -> (u8, u8, u8) {
    SERIES[index.checked_rem(SERIES.len()).unwrap_or(0)]
}

/// A darker tone of a colour for the outline, hatching and dots of its bars, so that every
/// bar stands out from the white page by at least 3:1 (WCAG 2.1, 1.4.11) even where its
/// fill (orange, sky blue) is light.
pub fn shade(colour: (u8, u8, u8)) -> (u8, u8, u8) {
    let dark = |c: u8| (f64::from(c) * 0.55).round() as u8;
    (dark(colour.0), dark(colour.1), dark(colour.2))
}

/// The contrast ratio of a colour against white (WCAG 2.1 relative luminance).
pub fn contrast_on_white(colour: (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(colour.0) + 0.7152 * channel(colour.1) + 0.0722 * channel(colour.2);
    1.05 / (l + 0.05)
}

/// Revenue, or a deviation for the better, in a waterfall or deviation chart.
pub const UP: (u8, u8, u8) = (0, 114, 178);
/// Expense, or a deviation for the worse.
pub const DOWN: (u8, u8, u8) = (213, 94, 0);
/// A total (Toimintakate, Vuosikate, Tilikauden tulos).
pub const TOTAL: (u8, u8, u8) = (60, 66, 74);

/// One rectangle of a chart in figures: it stands in slot `slot` (a column, a step, a line)
/// from `lo` to `hi`, belongs to series `series`, and shows `value` when hovered.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub slot: usize,
    pub series: usize,
    pub lo: Amount,
    pub hi: Amount,
    pub value: Amount,
    pub colour: (u8, u8, u8),
    pub pattern: Pattern,
    /// What the mark is, for the hover text: `Toimintakate · TP 2022`.
    pub label: String,
}

/// A bar from zero to `value`.
fn bar(slot: usize, value: Amount, colour: (u8, u8, u8), pattern: Pattern, label: String) -> Mark {
    Mark {
        slot,
        series: 0,
        lo: value.min(Decimal::ZERO),
        hi: value.max(Decimal::ZERO),
        value,
        colour,
        pattern,
        label,
    }
}

/// One bar per value from zero, in its column's colour and pattern.
pub fn bar_marks(
    values: &[Option<Amount>],
    columns: &[Column],
    subject: &str,
    lang: Lang,
) -> Vec<Mark> {
    values
        .iter()
        .zip(columns)
        .enumerate()
        .filter_map(|(slot, (value, column))| {
            let label = format!("{subject} · {}", column.label(lang));
            Some(bar(
                slot,
                (*value)?,
                colour(column.kind),
                pattern(column.kind),
                label,
            ))
        })
        .collect()
}

/// Bars of one colour and pattern, one per value, labelled by `labels`.
pub fn plain_marks(
    values: &[Option<Amount>],
    labels: &[String],
    colour: (u8, u8, u8),
    pattern: Pattern,
    subject: &str,
) -> Vec<Mark> {
    values
        .iter()
        .zip(labels)
        .enumerate()
        .filter_map(|(slot, (value, label))| {
            Some(bar(
                slot,
                (*value)?,
                colour,
                pattern,
                format!("{subject} · {label}"),
            ))
        })
        .collect()
}

/// Stacked bars: one bar per column, one segment per series (a unit), positive values
/// stacked up from zero and negative ones down. `series` is (name, value per column).
pub fn stacked_marks(
    series: &[(String, Vec<Option<Amount>>)],
    columns: &[Column],
    lang: Lang,
) -> Vec<Mark> {
    let mut up = vec![Decimal::ZERO; columns.len()];
    let mut down = vec![Decimal::ZERO; columns.len()];
    let mut marks = Vec::new();
    for (index, (name, values)) in series.iter().enumerate() {
        for (slot, (value, column)) in values.iter().zip(columns).enumerate() {
            let Some(v) = *value else { continue };
            if v.is_zero() {
                continue;
            }
            // A stack that would overflow `Decimal` has no place on a drawing: its part is
            // left out of the chart (the table still holds the figure).
            let (lo, hi) = if v > Decimal::ZERO {
                let lo = up[slot];
                let Some(top) = lo.checked_add(v) else {
                    continue;
                };
                up[slot] = top;
                (lo, top)
            } else {
                let hi = down[slot];
                let Some(bottom) = hi.checked_add(v) else {
                    continue;
                };
                down[slot] = bottom;
                (bottom, hi)
            };
            marks.push(Mark {
                slot,
                series: index,
                lo,
                hi,
                value: v,
                colour: series_colour(index),
                pattern: pattern(column.kind),
                label: format!("{name} · {}", column.label(lang)),
            });
        }
    }
    marks
}

/// One step of a waterfall: a line that moves the running total, or a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub line: Line,
    pub total: bool,
    /// Where the step starts and ends (a total starts at zero).
    pub from: Amount,
    pub to: Amount,
}

impl Step {
    /// The step's own amount: a total's value, or how much the line moved the running total
    /// (the chart's bar and its table's figure are this one amount).
    pub fn amount(&self) -> Amount {
        if self.total {
            self.to
        } else {
            self.to.checked_sub(self.from).unwrap_or_default()
        }
    }
}

/// The totals a waterfall stops at, in order.
const WATERFALL_TOTALS: [Line; 4] = [
    Line::Toimintakate,
    Line::Vuosikate,
    Line::TilikaudenTulos,
    Line::TilikaudenYlijaama,
];

/// The waterfall of one column of a node's statement: Toimintatuotot, then each cost line
/// (Toimintakulut split into its parts where the table has them), to Toimintakate; then the
/// lines to Vuosikate and to Tilikauden tulos, as far as the table goes. Each total is shown
/// as the table gives it, and the running total starts again from it, so that rounding in
/// the document does not build up.
pub fn waterfall(table: &crate::analysis::NodeTable, column: &str) -> Vec<Step> {
    let amount = |line: Line| table.amount(line, column);
    let mut steps = Vec::new();
    let mut running = Decimal::ZERO;
    for total in WATERFALL_TOTALS {
        let Some(total_value) = amount(total) else {
            continue;
        };
        // The steps to this total: each part's figure, a part split into its own parts
        // (Toimintakulut into the cost lines) where they add up to it exactly. A part that
        // statements print and that has no figure (not printed, or not computable because
        // rows were not read) leaves the way to the total unknown: the total stands alone.
        let mut parts: Vec<(Line, Amount)> = Vec::new();
        let mut complete = true;
        // In an extract a part that statements leave out where it is zero is unknown when
        // missing: the steps stand only if the parts there reach the total exactly.
        let mut unknown_part = false;
        for part in total.parts() {
            // The total before (Toimintakate inside Vuosikate): the running total stands on it.
            if WATERFALL_TOTALS.contains(part) {
                continue;
            }
            let Some(value) = amount(*part) else {
                if !part.may_be_omitted() {
                    complete = false;
                } else if table.extract {
                    unknown_part = true;
                }
                continue;
            };
            let split: Vec<(Line, Amount)> =
                if *part != Line::Toimintatuotot && !part.parts().is_empty() {
                    part.parts()
                        .iter()
                        .filter_map(|p| amount(*p).map(|v| (*p, v)))
                        .collect()
                } else {
                    Vec::new()
                };
            let split_sum = split
                .iter()
                .try_fold(Decimal::ZERO, |acc, (_, v)| acc.checked_add(*v));
            if !split.is_empty() && split_sum == Some(value) {
                parts.extend(split);
            } else {
                parts.push((*part, value));
            }
        }
        if unknown_part {
            let reached = parts
                .iter()
                .try_fold(running, |acc, (_, v)| acc.checked_add(*v));
            complete = complete && reached == Some(total_value);
        }
        if complete {
            for (part, value) in parts {
                if value.is_zero() {
                    continue;
                }
                let Some(to) = running.checked_add(value) else {
                    break;
                };
                steps.push(Step {
                    line: part,
                    total: false,
                    from: running,
                    to,
                });
                running = to;
            }
        }
        steps.push(Step {
            line: total,
            total: true,
            from: Decimal::ZERO,
            to: total_value,
        });
        running = total_value;
    }
    steps
}

/// The marks of a waterfall: rises in blue, falls in vermillion, totals in grey, all in the
/// column's pattern.
pub fn waterfall_marks(steps: &[Step], column: &Column, lang: Lang) -> Vec<Mark> {
    steps
        .iter()
        .enumerate()
        .map(|(slot, step)| {
            let colour = if step.total {
                TOTAL
            } else if step.to >= step.from {
                UP
            } else {
                DOWN
            };
            Mark {
                slot,
                series: 0,
                lo: step.from.min(step.to),
                hi: step.from.max(step.to),
                value: step.amount(),
                colour,
                pattern: pattern(column.kind),
                label: format!("{} · {}", step.line.name(lang), column.label(lang)),
            }
        })
        .collect()
}

/// One sentence on a waterfall: revenue, costs, and each total.
pub fn waterfall_summary(steps: &[Step], column: &Column, unit: &str, lang: Lang) -> String {
    let mut parts = Vec::new();
    // The rises and falls before the first total (each `to − from` is a step's own figure).
    let before_total = || steps.iter().take_while(|s| !s.total);
    let revenue: Option<Amount> = before_total()
        .filter(|s| s.to > s.from)
        .try_fold(Amount::ZERO, |sum, s| {
            sum.checked_add(s.to.checked_sub(s.from)?)
        });
    let costs: Option<Amount> = before_total()
        .filter(|s| s.to < s.from)
        .try_fold(Amount::ZERO, |sum, s| {
            sum.checked_add(s.to.checked_sub(s.from)?)
        });
    let (income_word, cost_word) = match lang {
        Lang::Fi => ("tuotot", "kulut"),
        Lang::Sv => ("intäkter", "kostnader"),
        Lang::En => ("revenue", "costs"),
    };
    // Revenue and costs only where the steps to the first total are shown.
    if let (Some(revenue), Some(costs), true) =
        (revenue, costs, steps.first().is_some_and(|s| !s.total))
    {
        parts.push(format!("{income_word} {}", format_eur(revenue, lang)));
        parts.push(format!("{cost_word} {}", format_eur(costs, lang)));
    }
    for step in steps.iter().filter(|s| s.total) {
        parts.push(format!(
            "{} {}",
            step.line.name(lang),
            format_eur(step.to, lang)
        ));
    }
    format!("{} ({unit}): {}.", column.label(lang), parts.join(", "))
}

/// The bars of a deviation chart: each line's actual minus its budget, so that a bar above
/// zero is for the better (more revenue, less expense) and below it for the worse; better
/// in blue and solid, worse in vermillion and hatched.
pub fn deviation_marks(
    rows: &[crate::analysis::followup::FollowUpRow],
    pair: &str,
    lang: Lang,
) -> Vec<Mark> {
    rows.iter()
        .enumerate()
        .filter_map(|(slot, row)| {
            let v = row.actual.checked_sub(row.budget)?;
            let label = format!("{} · {pair}", row.line.name(lang));
            Some(if v >= Decimal::ZERO {
                bar(slot, v, UP, Pattern::Solid, label)
            } else {
                bar(slot, v, DOWN, Pattern::Hatched, label)
            })
        })
        .collect()
}

/// One sentence on a deviation chart: how many lines came out better and worse, and the
/// largest deviation.
pub fn deviation_summary(
    rows: &[crate::analysis::followup::FollowUpRow],
    pair: &str,
    unit: &str,
    lang: Lang,
) -> String {
    use crate::analysis::followup::Effect;
    let better = rows.iter().filter(|r| r.effect == Effect::Better).count();
    let worse = rows.iter().filter(|r| r.effect == Effect::Worse).count();
    let largest = rows
        .iter()
        .filter_map(|r| Some((r, r.actual.checked_sub(r.budget)?)))
        .max_by_key(|(_, d)| d.abs());
    let tail = largest
        .map(|(r, d)| {
            let v = format_eur(d, lang);
            match lang {
                Lang::Fi => format!("; suurin poikkeama {} {v} {unit}", r.line.name(lang)),
                Lang::Sv => format!("; största avvikelsen {} {v} {unit}", r.line.name(lang)),
                Lang::En => format!("; the largest is {} {v} {unit}", r.line.name(lang)),
            }
        })
        .unwrap_or_default();
    match lang {
        Lang::Fi => {
            format!("{pair}: {better} riviä talousarviota paremmin, {worse} heikommin{tail}.")
        }
        Lang::Sv => format!("{pair}: {better} poster bättre än budgeten, {worse} sämre{tail}."),
        Lang::En => format!("{pair}: {better} lines better than budget, {worse} worse{tail}."),
    }
}

/// One sentence on a stacked chart: the line, the number of units, and the largest unit in
/// the last column.
pub fn stacked_summary(
    line: Line,
    series: &[(String, Vec<Option<Amount>>)],
    columns: &[Column],
    unit: &str,
    lang: Lang,
) -> String {
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
        return line.name(lang).to_string();
    };
    let last_index = columns.len().saturating_sub(1);
    let largest = series
        .iter()
        .filter_map(|(name, values)| Some((name, values.get(last_index).copied().flatten()?)))
        .max_by_key(|(_, v)| v.abs());
    let (name, count) = (line.name(lang), series.len());
    let (from, to) = (first.label(lang), last.label(lang));
    match (largest, lang) {
        (Some((unit_name, v)), Lang::Fi) => format!(
            "{name} {count} yksikön mukaan, {from}–{to}: {to} suurin {unit_name} {} {unit}.",
            format_eur(v, lang)
        ),
        (Some((unit_name, v)), Lang::Sv) => format!(
            "{name} per {count} enheter, {from}–{to}: {to} störst {unit_name} {} {unit}.",
            format_eur(v, lang)
        ),
        (Some((unit_name, v)), Lang::En) => format!(
            "{name} by {count} units, {from}–{to}: in {to} the largest is {unit_name}, {} {unit}.",
            format_eur(v, lang)
        ),
        (None, _) => format!("{name}, {from}–{to}"),
    }
}

/// A mark placed on the drawing, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedBar {
    /// Index into the marks.
    pub mark: usize,
    pub slot: usize,
    pub x0: f64,
    pub x1: f64,
    /// Top and bottom.
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

/// Where the marks stand and where zero is.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub bars: Vec<PlacedBar>,
    pub zero_y: f64,
    pub slot: f64,
}

/// Lays out marks in `slots` slots across the frame, scaled so that the highest and the
/// lowest end fit, with zero where the signs need it.
pub fn layout(marks: &[Mark], slots: usize, frame: Frame) -> Layout {
    let n = slots.max(1) as f64;
    let slot = (frame.width - 2.0 * frame.pad).max(1.0) / n;
    let f = |v: Amount| v.to_f64().unwrap_or(0.0);
    let max = marks.iter().map(|m| f(m.hi)).fold(0.0_f64, f64::max);
    let min = marks.iter().map(|m| f(m.lo)).fold(0.0_f64, f64::min);
    let span = (max - min).max(1.0);
    let plot_height = (frame.height - 2.0 * frame.pad).max(1.0);
    let y_of = |v: f64| frame.pad + (max - v) / span * plot_height;
    let bars = marks
        .iter()
        .enumerate()
        .map(|(index, m)| PlacedBar {
            mark: index,
            slot: m.slot,
            x0: frame.pad + slot * m.slot as f64 + slot * 0.15,
            x1: frame.pad + slot * (m.slot as f64 + 1.0) - slot * 0.15,
            y0: y_of(f(m.hi)),
            y1: y_of(f(m.lo)),
        })
        .collect();
    Layout {
        bars,
        zero_y: y_of(0.0),
        slot,
    }
}

/// The mark a pointer at (`x`, `y`) is over: of the marks in the slot under `x`, the one
/// that holds `y`, else the nearest.
pub fn hit(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    let margin = layout.slot * 0.15;
    layout
        .bars
        .iter()
        .filter(|b| x >= b.x0 - margin && x <= b.x1 + margin)
        .min_by(|a, b| {
            let distance = |bar: &PlacedBar| {
                if y < bar.y0 {
                    bar.y0 - y
                } else if y > bar.y1 {
                    y - bar.y1
                } else {
                    0.0
                }
            };
            distance(a).total_cmp(&distance(b))
        })
        .map(|b| b.mark)
}

/// Diagonal lines that hatch a rectangle, `spacing` apart, clipped to it.
pub fn hatch(bar: &PlacedBar, spacing: f64) -> Vec<((f64, f64), (f64, f64))> {
    let (w, h) = (bar.x1 - bar.x0, bar.y1 - bar.y0);
    if w <= 0.0 || h <= 0.0 || spacing <= 0.0 {
        return Vec::new();
    }
    // Lines x − y = c, from the bottom-left corner to the top-right one.
    let mut lines = Vec::new();
    let mut c = -h + spacing / 2.0;
    while c < w {
        // Points on the line within the box, in box coordinates (y down).
        let (start_x, start_y) = if c >= 0.0 { (c, 0.0) } else { (0.0, -c) };
        let run = (w - start_x).min(h - start_y);
        lines.push((
            (bar.x0 + start_x, bar.y0 + start_y),
            (bar.x0 + start_x + run, bar.y0 + start_y + run),
        ));
        c += spacing;
    }
    lines
}

/// Dots on a grid `spacing` apart inside a rectangle.
pub fn dots(bar: &PlacedBar, spacing: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    if spacing <= 0.0 {
        return out;
    }
    let mut y = bar.y0 + spacing / 2.0;
    let mut row: u32 = 0;
    while y < bar.y1 {
        let mut x = bar.x0 + spacing / 2.0 + if row % 2 == 1 { spacing / 2.0 } else { 0.0 };
        while x < bar.x1 {
            out.push((x, y));
            x += spacing;
        }
        y += spacing;
        row = row.wrapping_add(1);
    }
    out
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
    let name = line.name(lang);
    if known.len() == 1 {
        // One column: its figure, no change to tell.
        return format!(
            "{name}, {} ({unit}): {}.",
            first_col.label(lang),
            format_eur(*first, lang)
        );
    }
    let Some(difference) = last.checked_sub(*first) else {
        return name.to_string();
    };
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

/// A chart as a picture to take away: its title, its legend, the bars in their patterns
/// over the slot labels, and the unit. The page draws the same geometry on its canvas; this
/// is what "Lataa kaavio (SVG)" saves, and what the PNG is drawn from.
pub struct Picture<'a> {
    pub title: &'a str,
    pub unit: &'a str,
    pub marks: &'a [Mark],
    /// One label per slot.
    pub labels: &'a [String],
    /// Legend entries: text, colour, pattern.
    pub legend: &'a [(String, (u8, u8, u8), Pattern)],
    /// The width in CSS pixels (the chart's own on the page).
    pub width: f64,
    /// The sentence a screen reader hears of the chart, kept as the picture's description.
    pub summary: &'a str,
    pub lang: Lang,
}

/// The height of the bars' area in a picture.
const PICTURE_PLOT: f64 = 220.0;

/// Text made safe inside SVG.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as an SVG document (its size in CSS pixels).
pub fn svg(picture: &Picture) -> (String, f64, f64) {
    let width = picture.width.max(240.0);
    let pad = 12.0;
    let title_h = 28.0;
    let legend_h = if picture.legend.is_empty() { 0.0 } else { 22.0 };
    let top = title_h + legend_h;
    let labels_h = 34.0;
    let height = top + PICTURE_PLOT + labels_h;
    let slots = picture.labels.len();
    let placed = layout(
        picture.marks,
        slots,
        Frame {
            width,
            height: PICTURE_PLOT,
            pad,
        },
    );
    let rgb = |(r, g, b): (u8, u8, u8)| format!("rgb({r},{g},{b})");
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif">"#
    );
    out.push_str(&format!(
        "<title>{}</title><desc>{}</desc>",
        xml(picture.title),
        xml(picture.summary)
    ));
    // One pattern per colour and kind, as the canvas draws them.
    let mut defs = Vec::new();
    let mut fill_of = |colour: (u8, u8, u8), pattern: Pattern| -> String {
        let (r, g, b) = colour;
        let id = format!("p{r}-{g}-{b}-{pattern:?}");
        let ink = rgb(shade(colour));
        let body = match pattern {
            Pattern::Solid => return rgb(colour),
            Pattern::Hatched => format!(
                r#"<pattern id="{id}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="{}" fill-opacity="0.35"/><line x1="0" y1="0" x2="0" y2="5" stroke="{ink}" stroke-width="2"/></pattern>"#,
                rgb(colour)
            ),
            Pattern::Dotted => format!(
                r#"<pattern id="{id}" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="{}" fill-opacity="0.3"/><circle cx="2.5" cy="2.5" r="1.3" fill="{ink}"/></pattern>"#,
                rgb(colour)
            ),
        };
        if !defs.iter().any(|(d, _)| *d == id) {
            defs.push((id.clone(), body));
        }
        format!("url(#{id})")
    };
    let mut body = String::new();
    body.push_str(&format!(
        r##"<rect width="{width}" height="{height}" fill="#fff"/><text x="{pad}" y="19" font-size="14" font-weight="bold" fill="#1b1f24">{}</text>"##,
        xml(&format!("{} ({})", picture.title, picture.unit))
    ));
    let mut x = pad;
    for (label, colour, pattern) in picture.legend {
        let fill = fill_of(*colour, *pattern);
        body.push_str(&format!(
            r##"<rect x="{x}" y="{}" width="12" height="12" fill="{fill}" stroke="{}"/><text x="{}" y="{}" font-size="12" fill="#1b1f24">{}</text>"##,
            title_h + 2.0,
            rgb(shade(*colour)),
            x + 16.0,
            title_h + 12.5,
            xml(label)
        ));
        x += 16.0 + 7.0 * label.chars().count() as f64 + 14.0;
    }
    for bar in &placed.bars {
        let Some(mark) = picture.marks.get(bar.mark) else {
            continue;
        };
        let fill = fill_of(mark.colour, mark.pattern);
        body.push_str(&format!(
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="{}"><title>{}</title></rect>"#,
            bar.x0,
            top + bar.y0,
            (bar.x1 - bar.x0).max(0.5),
            (bar.y1 - bar.y0).max(0.5),
            rgb(shade(mark.colour)),
            xml(&format!(
                "{}: {} {}",
                mark.label,
                format_eur(mark.value, picture.lang),
                picture.unit
            ))
        ));
    }
    body.push_str(&format!(
        r##"<line x1="{pad}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#1b1f24"/>"##,
        width - pad,
        y = top + placed.zero_y
    ));
    for (i, label) in picture.labels.iter().enumerate() {
        body.push_str(&format!(
            r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#1b1f24">{}</text>"##,
            pad + placed.slot * (i as f64 + 0.5),
            top + PICTURE_PLOT + 16.0,
            xml(label)
        ));
    }
    if !defs.is_empty() {
        out.push_str("<defs>");
        for (_, def) in &defs {
            out.push_str(def);
        }
        out.push_str("</defs>");
    }
    out.push_str(&body);
    out.push_str("</svg>\n");
    (out, width, height)
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
        let labels: Vec<String> = ["a", "b", "c"].map(str::to_string).to_vec();
        let marks = plain_marks(&values, &labels, UP, Pattern::Solid, "x");
        let frame = Frame {
            width: 320.0,
            height: 170.0,
            pad: 10.0,
        };
        let layout = layout(&marks, values.len(), frame);
        assert_eq!(layout.bars.len(), 2);
        assert_eq!(layout.slot, 100.0);
        // 150 units over 150 px: zero 100 px below the top pad.
        assert_eq!(layout.zero_y, 110.0);
        assert_eq!((layout.bars[0].y0, layout.bars[0].y1), (10.0, 110.0));
        assert_eq!((layout.bars[1].y0, layout.bars[1].y1), (110.0, 160.0));
        assert_eq!(hit(&layout, 60.0, 50.0), Some(0));
        assert_eq!(hit(&layout, 160.0, 50.0), None);
        assert_eq!(hit(&layout, 250.0, 0.0), Some(1));
        assert_eq!(marks[1].label, "x · c");
    }

    #[test]
    fn a_stack_beyond_decimal_leaves_out_the_segment_that_would_overflow() {
        let dataset = crate::sample::heinola().unwrap();
        let columns: Vec<Column> = dataset.columns_in_order().into_iter().cloned().collect();
        let series = vec![
            ("A".to_string(), vec![Some(Decimal::MAX)]),
            ("B".to_string(), vec![Some(dec("1"))]),
            ("C".to_string(), vec![Some(dec("-7"))]),
        ];
        let marks = stacked_marks(&series, &columns[..1], Lang::Fi);
        let ends: Vec<(usize, Decimal, Decimal)> =
            marks.iter().map(|m| (m.series, m.lo, m.hi)).collect();
        assert_eq!(
            ends,
            vec![(0, dec("0"), Decimal::MAX), (2, dec("-7"), dec("0"))]
        );
        assert_eq!(
            summary(
                Line::Toimintakate,
                &columns[..2],
                &[Some(Decimal::MIN), Some(Decimal::MAX)],
                "€",
                Lang::Fi
            ),
            Line::Toimintakate.name(Lang::Fi)
        );
    }

    #[test]
    fn stacked_segments_go_up_and_down_from_zero_and_are_hit_by_height() {
        let dataset = crate::sample::heinola().unwrap();
        let columns: Vec<Column> = dataset.columns_in_order().into_iter().cloned().collect();
        let series = vec![
            ("A".to_string(), vec![Some(dec("10")), Some(dec("-5"))]),
            ("B".to_string(), vec![Some(dec("20")), Some(dec("-15"))]),
        ];
        let marks = stacked_marks(&series, &columns[..2], Lang::Fi);
        let ends: Vec<(Decimal, Decimal)> = marks.iter().map(|m| (m.lo, m.hi)).collect();
        assert_eq!(
            ends,
            vec![
                (dec("0"), dec("10")),
                (dec("-5"), dec("0")),
                (dec("10"), dec("30")),
                (dec("-20"), dec("-5")),
            ]
        );
        // 50 units over 100 px; zero 60 px from the top pad.
        let layout = layout(
            &marks,
            2,
            Frame {
                width: 220.0,
                height: 120.0,
                pad: 10.0,
            },
        );
        assert_eq!(layout.zero_y, 70.0);
        // In the first slot, 15 px below the top is B (10…30); just above zero is A.
        assert_eq!(hit(&layout, 50.0, 15.0), Some(2));
        assert_eq!(hit(&layout, 50.0, 65.0), Some(0));
        // Below everything in the second slot: the nearest, B's −20…−5.
        assert_eq!(hit(&layout, 160.0, 119.0), Some(3));
        assert_eq!(marks[3].pattern, pattern(columns[1].kind));
    }

    #[test]
    fn hatching_and_dots_stay_inside_their_bar() {
        let bar = PlacedBar {
            mark: 0,
            slot: 0,
            x0: 10.0,
            x1: 30.0,
            y0: 5.0,
            y1: 45.0,
        };
        let lines = hatch(&bar, 6.0);
        assert!(lines.len() >= 9);
        for ((ax, ay), (bx, by)) in &lines {
            for (x, y) in [(ax, ay), (bx, by)] {
                assert!(
                    (10.0..=30.0).contains(x) && (5.0..=45.0).contains(y),
                    "{x},{y}"
                );
            }
            // 45 degrees.
            assert!(((bx - ax) - (by - ay)).abs() < 1e-9);
        }
        let points = dots(&bar, 5.0);
        assert!(
            points
                .iter()
                .all(|(x, y)| (10.0..30.0).contains(x) && (5.0..45.0).contains(y))
        );
        assert_eq!(points.len(), 8 * 4 - 4);
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

    #[test]
    fn the_waterfall_of_the_sector_steps_through_its_statement() {
        let dataset = crate::sample::heinola().unwrap();
        let table = crate::analysis::node_table(&dataset, "hyvinvointitoimiala", None);
        let steps = waterfall(&table, "TS2026");
        let lines: Vec<(Line, bool)> = steps.iter().map(|s| (s.line, s.total)).collect();
        assert_eq!(lines.first(), Some(&(Line::Toimintatuotot, false)));
        let margin = steps.iter().find(|s| s.line == Line::Toimintakate).unwrap();
        // Seed 004, TS 2026: Toimintakate −32 103 800.
        assert_eq!(margin.to, dec("-32103800"));
        assert!(margin.total);
        // The steps before it run from zero to it, within the document's rounding.
        let before: Vec<&Step> = steps
            .iter()
            .take_while(|s| s.line != Line::Toimintakate)
            .collect();
        assert!(before.iter().any(|s| s.line == Line::Henkilostokulut));
        assert!(!before.iter().any(|s| s.line == Line::Toimintakulut));
        assert_eq!(before[0].from, Decimal::ZERO);
        for pair in before.windows(2) {
            assert_eq!(pair[0].to, pair[1].from);
        }
        assert!((before.last().unwrap().to - margin.to).abs() <= dec("5"));
        // It ends at Tilikauden tulos, after Poistot.
        let last = steps.last().unwrap();
        assert_eq!((last.line, last.total), (Line::TilikaudenTulos, true));
        assert!(
            steps
                .iter()
                .any(|s| s.line == Line::PoistotJaArvonalentumiset)
        );
        let column = dataset.column("TS2026").unwrap();
        let marks = waterfall_marks(&steps, column, Lang::Fi);
        assert_eq!(marks[0].colour, UP);
        assert_eq!(
            marks
                .iter()
                .find(|m| m.label.starts_with("Henkilöstökulut"))
                .unwrap()
                .colour,
            DOWN
        );
        assert_eq!(marks[0].pattern, Pattern::Dotted);
        let text = waterfall_summary(&steps, column, "€", Lang::Fi);
        assert!(text.starts_with("TS 2026 (€): tuotot "), "{text}");
        assert!(
            text.contains("Toimintakate \u{2212}32\u{a0}103\u{a0}800"),
            "{text}"
        );
    }

    #[test]
    fn the_deviation_chart_puts_better_above_zero() {
        let dataset = crate::sample::heinola().unwrap();
        let table = crate::analysis::node_table(&dataset, "yhteiset_palvelut", None);
        let rows = crate::analysis::followup::follow_up_rows(&table, 0);
        let marks = deviation_marks(&rows, "TA 2025 – Toteuma 2025", Lang::Fi);
        let margin = rows
            .iter()
            .position(|r| r.line == Line::Toimintakate)
            .unwrap();
        // Seed 003: Toimintakate came out 1 009 492 better than budgeted.
        assert_eq!(marks[margin].value, dec("1009492"));
        assert_eq!(
            (marks[margin].colour, marks[margin].pattern),
            (UP, Pattern::Solid)
        );
        let text = deviation_summary(&rows, "TA 2025 – Toteuma 2025", "€", Lang::Fi);
        assert!(text.starts_with("TA 2025 – Toteuma 2025: "), "{text}");
        assert!(text.contains("riviä talousarviota paremmin"), "{text}");
    }

    #[test]
    fn every_bar_outline_stands_out_from_the_page() {
        let kinds = [
            ColumnKind::Tp,
            ColumnKind::Ta,
            ColumnKind::Ts,
            ColumnKind::Ennuste,
        ];
        let colours = kinds
            .map(colour)
            .into_iter()
            .chain(SERIES)
            .chain([UP, DOWN, TOTAL]);
        for c in colours {
            assert!(
                contrast_on_white(shade(c)) >= 3.0,
                "{c:?}: {}",
                contrast_on_white(shade(c))
            );
        }
        // The light fills alone would not.
        assert!(contrast_on_white(colour(ColumnKind::Ts)) < 3.0);
    }

    #[test]
    fn a_chart_of_one_column_says_its_figure_and_no_change() {
        // Varhaiskasvatus' Toimintakate TA 2024 as seed 004 prints it: −7 913 900.
        let columns = [Column::new(crate::model::ColumnKind::Ta, 2024)];
        let values = [Some(Decimal::from(-7_913_900))];
        assert_eq!(
            summary(Line::Toimintakate, &columns, &values, "€", Lang::Fi),
            "Toimintakate, TA 2024 (€): \u{2212}7\u{a0}913\u{a0}900."
        );
    }

    #[test]
    fn a_chart_picture_has_its_bars_figures_labels_and_legend() {
        // Seed 004, Varhaiskasvatus: Toimintakate TP 2022 −7 493 498, TS 2026 −8 232 700.
        let dataset = crate::sample::heinola().unwrap();
        let table = crate::analysis::node_table(&dataset, "varhaiskasvatus", None);
        let values: Vec<Option<Amount>> = table
            .columns
            .iter()
            .map(|c| table.amount(Line::Toimintakate, &c.id))
            .collect();
        let marks = bar_marks(&values, &table.columns, "Toimintakate", Lang::Fi);
        let labels: Vec<String> = table.columns.iter().map(|c| c.label(Lang::Fi)).collect();
        let legend = vec![("TP".to_string(), colour(ColumnKind::Tp), Pattern::Solid)];
        let (text, width, height) = svg(&Picture {
            title: "Kehitys <vuosittain> & Toimintakate",
            unit: "€",
            marks: &marks,
            labels: &labels,
            legend: &legend,
            width: 600.0,
            summary: "Toimintakate",
            lang: Lang::Fi,
        });
        assert_eq!((width, height), (600.0, 304.0));
        assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(text.contains("Kehitys &lt;vuosittain&gt; &amp; Toimintakate (€)"));
        assert_eq!(text.matches("<title>").count(), 1 + marks.len());
        let nbsp = |s: &str| s.replace('\u{a0}', " ");
        assert!(
            nbsp(&text).contains("Toimintakate · TP 2022: −7 493 498 €</title>"),
            "{text}"
        );
        assert!(nbsp(&text).contains("−8 232 700"));
        assert!(text.contains(">TS 2026</text>"));
        assert!(text.contains(">TP</text>"));
    }
}
