#![deny(clippy::arithmetic_side_effects)]
//! Reports in words and in files: the validation report and a node's table as text, CSV or
//! JSON, in the reader's language. The command-line tool prints these; the web view uses the
//! same sentences for findings.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::analysis::table::NodeTable;
use crate::analysis::validate::{CheckKind, Finding, Incomplete, NotChecked, Report};
use crate::analysis::values::Origin;
use crate::i18n::{Lang, Msg, t};
use crate::model::Dataset;
use crate::numfmt::{format_amount, format_eur, format_percent, round_half_away};

fn node_name<'a>(dataset: &'a Dataset, id: &'a str) -> &'a str {
    dataset.node(id).map_or(id, |node| node.name.as_str())
}

fn column_label(dataset: &Dataset, id: &str, lang: Lang) -> String {
    dataset
        .column(id)
        .map_or_else(|| id.to_string(), |column| column.label(lang))
}

/// One finding as a sentence: where, what is stated, what the parts add up to, the
/// difference and what was compared.
pub fn describe_finding(dataset: &Dataset, finding: &Finding, lang: Lang) -> String {
    let kind = match finding.kind {
        CheckKind::Subtotal => t(lang, Msg::SubtotalCheck),
        CheckKind::OrgSum => t(lang, Msg::OrgSumCheck),
    };
    let computed_word = match finding.kind {
        CheckKind::Subtotal => t(lang, Msg::SumOfParts),
        CheckKind::OrgSum => match lang {
            Lang::Fi => "alayksiköiden summa",
            Lang::Sv => "underenheternas summa",
            Lang::En => "sum of units",
        },
    };
    format!(
        "{} · {} · {}: {} {}, {} {}, {} {} ({})",
        node_name(dataset, &finding.org),
        finding.line.name(lang),
        column_label(dataset, &finding.column, lang),
        t(lang, Msg::Stated),
        format_amount(finding.stated, finding.stated.scale(), lang),
        computed_word,
        format_amount(finding.computed, finding.computed.scale(), lang),
        t(lang, Msg::Difference),
        format_amount(finding.difference, finding.difference.scale(), lang),
        kind
    )
}

/// A comparison that was not made, as a sentence.
pub fn describe_not_checked(dataset: &Dataset, item: &NotChecked, lang: Lang) -> String {
    let units: Vec<&str> = item
        .units_outside
        .iter()
        .map(|id| node_name(dataset, id))
        .collect();
    format!(
        "{} · {}: {} ({})",
        node_name(dataset, &item.org),
        column_label(dataset, &item.column, lang),
        t(lang, Msg::ValidationNotChecked),
        units.join(", ")
    )
}

/// A subtotal not compared because parts of it are missing, as a sentence.
pub fn describe_incomplete(dataset: &Dataset, item: &Incomplete, lang: Lang) -> String {
    let mut missing: Vec<String> = item
        .missing
        .iter()
        .map(|line| line.name(lang).to_string())
        .collect();
    missing.extend(item.unread.iter().map(|label| format!("”{label}”")));
    let (stated, parts, reason) = match lang {
        Lang::Fi => (
            "ilmoitettu",
            "saatujen osien summa",
            "ei verrattu, koska osia puuttuu tai jäi lukematta",
        ),
        Lang::Sv => (
            "angivet",
            "summan av delarna som finns",
            "inte jämfört, eftersom delar saknas eller inte lästes",
        ),
        Lang::En => (
            "stated",
            "sum of the parts there",
            "not compared, because parts are missing or were not read",
        ),
    };
    format!(
        "{} · {} · {}: {stated} {}, {parts} {}; {reason}: {}",
        node_name(dataset, &item.org),
        item.line.name(lang),
        column_label(dataset, &item.column, lang),
        format_amount(item.stated, item.stated.scale(), lang),
        format_amount(item.parts, item.parts.scale(), lang),
        missing.join(", ")
    )
}

/// What a validation report comes to, in one sentence: consistent only where something was
/// compared and nothing differs beyond rounding; subtotals left uncompared are counted.
pub fn verdict(report: &Report, lang: Lang) -> String {
    verdict_of(
        report.checks,
        report.inconsistencies().count(),
        report.incomplete.len(),
        lang,
    )
}

/// The verdict from counts: comparisons made, contradictions, and subtotals not compared.
pub fn verdict_of(checks: usize, inconsistent: usize, uncompared: usize, lang: Lang) -> String {
    if inconsistent > 0 {
        return format!("{}: {inconsistent}", t(lang, Msg::ValidationInconsistent));
    }
    match (checks, uncompared, lang) {
        (0, 0, Lang::Fi) => "Mitään ei voitu verrata: aineistossa ei ole välisummia osineen eikä yksiköitä, joiden summaa verrata.".to_string(),
        (0, 0, Lang::Sv) => "Inget kunde jämföras: materialet har inga delsummor med sina delar och inga enheter att summera.".to_string(),
        (0, 0, Lang::En) => "Nothing could be compared: the data has no subtotals with their parts and no units to add up.".to_string(),
        (_, 0, _) => t(lang, Msg::ValidationAllConsistent).to_string(),
        (0, n, Lang::Fi) => format!("Mitään ei voitu verrata: {n} välisummaa jäi vertaamatta, koska niiden osia puuttuu."),
        (0, n, Lang::Sv) => format!("Inget kunde jämföras: {n} delsummor jämfördes inte, eftersom delar saknas."),
        (0, n, Lang::En) => format!("Nothing could be compared: {n} subtotals were not compared, because parts of them are missing."),
        (_, n, Lang::Fi) => format!("Luvut ovat johdonmukaiset siltä osin kuin ne voitiin verrata; {n} välisummaa jäi vertaamatta, koska niiden osia puuttuu."),
        (_, n, Lang::Sv) => format!("Talen är konsekventa så långt de kunde jämföras; {n} delsummor jämfördes inte, eftersom delar saknas."),
        (_, n, Lang::En) => format!("The figures are consistent as far as they could be compared; {n} subtotals were not compared, because parts of them are missing."),
    }
}

/// The validation report as text.
pub fn check_text(dataset: &Dataset, report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let verdict = verdict(report, lang);
    let checks = match lang {
        Lang::Fi => format!("{} vertailua", report.checks),
        Lang::Sv => format!("{} jämförelser", report.checks),
        Lang::En => format!("{} comparisons", report.checks),
    };
    out.push_str(&format!("{} ({checks}): {verdict}\n", dataset.name));
    let inconsistent: Vec<&Finding> = report.inconsistencies().collect();
    if !inconsistent.is_empty() {
        out.push_str(&format!(
            "\n{} ({}):\n",
            t(lang, Msg::ValidationInconsistent),
            inconsistent.len()
        ));
        for finding in inconsistent {
            out.push_str(&format!("  {}\n", describe_finding(dataset, finding, lang)));
        }
    }
    let rounding: Vec<&Finding> = report.rounding().collect();
    if !rounding.is_empty() {
        out.push_str(&format!(
            "\n{} ({}):\n",
            t(lang, Msg::ValidationRounding),
            rounding.len()
        ));
        for finding in rounding {
            out.push_str(&format!("  {}\n", describe_finding(dataset, finding, lang)));
        }
    }
    if !report.incomplete.is_empty() {
        out.push_str(&format!(
            "\n{} ({}):\n",
            match lang {
                Lang::Fi => "Ei verrattu",
                Lang::Sv => "Inte jämfört",
                Lang::En => "Not compared",
            },
            report.incomplete.len()
        ));
        for item in &report.incomplete {
            out.push_str(&format!("  {}\n", describe_incomplete(dataset, item, lang)));
        }
    }
    if !report.not_checked.is_empty() {
        out.push('\n');
        for item in &report.not_checked {
            out.push_str(&format!(
                "  {}\n",
                describe_not_checked(dataset, item, lang)
            ));
        }
    }
    out
}

/// The header cells of a table: line, every column, then Poikkeama and Toteuma % of each
/// follow-up and the change pair.
fn header(table: &NodeTable, lang: Lang) -> Vec<String> {
    let mut cells = vec![t(lang, Msg::Line).to_string()];
    cells.extend(table.columns.iter().map(|c| c.label(lang)));
    for pair in &table.follow_ups {
        let suffix = if table.follow_ups.len() > 1 {
            format!(" {}", pair.actual.year)
        } else {
            String::new()
        };
        cells.push(format!("{}{suffix}", t(lang, Msg::Poikkeama)));
        cells.push(format!("{}{suffix}", t(lang, Msg::ToteumaPct)));
    }
    if let Some((base, target)) = &table.change_between {
        cells.push(format!(
            "{} {} → {}",
            t(lang, Msg::Change),
            base.label(lang),
            target.label(lang)
        ));
        cells.push(format!(
            "{} {} → {}",
            t(lang, Msg::ChangePct),
            base.label(lang),
            target.label(lang)
        ));
        cells.push(format!(
            "{} {} → {}",
            t(lang, Msg::YearlyPct),
            base.label(lang),
            target.label(lang)
        ));
    }
    cells
}

/// The body cells of a table, formatted by `amount` and `percent`.
fn body(
    table: &NodeTable,
    lang: Lang,
    amount: &dyn Fn(Decimal) -> String,
    percent: &dyn Fn(Decimal) -> String,
) -> Vec<Vec<String>> {
    let opt =
        |value: Option<Decimal>, f: &dyn Fn(Decimal) -> String| value.map(f).unwrap_or_default();
    table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.line.name(lang).to_string()];
            cells.extend(
                row.cells
                    .iter()
                    .map(|cell| opt(cell.as_ref().map(|c| c.amount()), amount)),
            );
            for follow_up in &row.follow_ups {
                cells.push(opt(follow_up.map(|f| f.poikkeama), amount));
                cells.push(opt(follow_up.and_then(|f| f.toteuma_pct), percent));
            }
            if table.change_between.is_some() {
                cells.push(opt(row.change.map(|c| c.change), amount));
                cells.push(opt(row.change.and_then(|c| c.change_pct), percent));
                cells.push(opt(row.change.and_then(|c| c.yearly_pct), percent));
            }
            cells
        })
        .collect()
}

/// A node's table as aligned text, with the column notes below it.
pub fn table_text(dataset: &Dataset, table: &NodeTable, lang: Lang) -> String {
    let header = header(table, lang);
    let body = body(table, lang, &|v| format_eur(v, lang), &|v| {
        format_percent(v, lang)
    });
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            std::iter::once(&header)
                .chain(body.iter())
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let render = |cells: &[String]| {
        cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = widths[i].saturating_sub(cell.chars().count());
                if i == 0 {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = format!("{}\n", node_name(dataset, &table.org));
    out.push_str(&render(&header));
    out.push('\n');
    for cells in &body {
        out.push_str(&render(cells));
        out.push('\n');
    }
    for (column, note) in table.column_notes() {
        out.push_str(&format!(
            "\n{} {}: {note}\n",
            t(lang, Msg::Notes),
            column.label(lang)
        ));
    }
    out
}

/// A node's table as CSV: `;` and decimal comma for Finnish and Swedish (as Excel in
/// Finland reads it), `,` and decimal point for English; amounts without digit grouping.
pub fn table_csv(table: &NodeTable, lang: Lang) -> String {
    // Amounts as the source has them (its cents kept); percentages to two decimals.
    let mut rows = vec![header(table, lang)];
    rows.extend(body(
        table,
        lang,
        &|v| crate::export::csv_number(v, None, lang),
        &|v| crate::export::csv_number(v, Some(2), lang),
    ));
    crate::export::csv_rows(rows, lang)
}

#[derive(Serialize)]
struct JsonCell {
    column: String,
    amount: Decimal,
    origin: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sum_of_parts: Option<Decimal>,
    /// What the difference from the sum of the parts is: `rounding`, `contradiction` or
    /// `not_compared`.
    #[serde(skip_serializing_if = "Option::is_none")]
    difference: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonFollowUp {
    budget: String,
    actual: String,
    poikkeama: Decimal,
    toteuma_pct: Option<Decimal>,
}

#[derive(Serialize)]
struct JsonRow {
    line: String,
    name: String,
    subtotal: bool,
    values: Vec<JsonCell>,
    follow_ups: Vec<JsonFollowUp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<(Decimal, Option<Decimal>)>,
    /// Average yearly change in per cent between the change columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    yearly_pct: Option<Decimal>,
}

#[derive(Serialize)]
struct JsonTable {
    org: String,
    name: String,
    columns: Vec<crate::model::Column>,
    #[serde(skip_serializing_if = "Option::is_none")]
    change_between: Option<(String, String)>,
    rows: Vec<JsonRow>,
}

/// A node's table as JSON: exact decimals as strings, the origin of every value.
pub fn table_json(dataset: &Dataset, table: &NodeTable, lang: Lang) -> String {
    let rows = table
        .rows
        .iter()
        .map(|row| JsonRow {
            line: row.line.key(),
            name: row.line.name(lang).to_string(),
            subtotal: row.line.is_subtotal(),
            values: table
                .columns
                .iter()
                .zip(&row.cells)
                .filter_map(|(column, cell)| {
                    cell.as_ref().map(|cell| JsonCell {
                        column: column.id.clone(),
                        amount: cell.amount(),
                        origin: match cell.value.origin {
                            Origin::Stated => "stated",
                            Origin::FromParts => "computed_from_parts",
                            Origin::FromChildren => "computed_from_units",
                        },
                        sum_of_parts: cell.parts_sum,
                        difference: cell.difference.map(|d| match d {
                            crate::analysis::table::Difference::Rounding => "rounding",
                            crate::analysis::table::Difference::Contradiction => "contradiction",
                            crate::analysis::table::Difference::NotCompared => "not_compared",
                        }),
                    })
                })
                .collect(),
            follow_ups: table
                .follow_ups
                .iter()
                .zip(&row.follow_ups)
                .filter_map(|(pair, cell)| {
                    cell.map(|cell| JsonFollowUp {
                        budget: pair.budget.id.clone(),
                        actual: pair.actual.id.clone(),
                        poikkeama: cell.poikkeama,
                        toteuma_pct: cell.toteuma_pct.map(|p| round_half_away(p, 4)),
                    })
                })
                .collect(),
            change: row
                .change
                .map(|c| (c.change, c.change_pct.map(|p| round_half_away(p, 4)))),
            yearly_pct: row
                .change
                .and_then(|c| c.yearly_pct)
                .map(|p| round_half_away(p, 4)),
        })
        .collect();
    let json = JsonTable {
        org: table.org.clone(),
        name: node_name(dataset, &table.org).to_string(),
        columns: table.columns.clone(),
        change_between: table
            .change_between
            .as_ref()
            .map(|(a, b)| (a.id.clone(), b.id.clone())),
        rows,
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}
