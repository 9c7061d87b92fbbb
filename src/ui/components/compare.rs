//! The comparison view: for the selected node in one column, the base and up to four
//! scenarios side by side with each one's difference to the base in € and %, the key figures
//! set apart, and what drives each difference (its edits ranked by their effect on the
//! result) as a chart with its table. Everything shown comes from `scenario::compare`.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::grid_export::GridExport;

use super::chart::BarChart;
use crate::analysis::table::node_columns;
use crate::chart::{Pattern, plain_marks};
use crate::i18n::{Lang, pick};
use crate::model::Dataset;
use crate::numfmt::{format_amount, format_eur, format_percent};
use crate::scenario::Scenario;
use crate::scenario::compare::{Comparison, MAX_COMPARED, Measure, Row, compare};
use crate::scenario::summary::{sentences, signed_euros};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dataset: Rc<Dataset>,
    pub scenarios: Rc<Vec<Scenario>>,
    pub node: String,
    /// The column compared; `None` for the node's last column.
    pub column: Option<String>,
    /// The residents of each year, where the user gave them.
    pub population: Rc<std::collections::BTreeMap<i32, Decimal>>,
    pub on_column: Callback<String>,
    /// What an export states beside the figures (made when the user exports).
    pub about: Callback<(), crate::export::About>,
    /// Has a workbook made (in the worker) and offered for download under the name given.
    pub on_workbook: Callback<(crate::protocol::WorkbookRequest, String)>,
}

/// A row's figure: euros, or a percentage, or euros per resident with cents.
fn figure(measure: Measure, value: Option<Decimal>, lang: Lang) -> String {
    match (measure, value) {
        (_, None) => String::new(),
        (Measure::VuosikatePoistoista, Some(v)) => format_percent(v, lang),
        (Measure::ResultPerResident, Some(v)) => format_amount(v, 2, lang),
        (Measure::Line(_), Some(v)) => format_eur(v, lang),
    }
}

fn difference(measure: Measure, value: Option<Decimal>, lang: Lang) -> String {
    match (measure, value) {
        (_, None) => String::new(),
        (Measure::VuosikatePoistoista, Some(v)) => {
            let points = format_amount(v, 2, lang);
            let sign = if v > Decimal::ZERO { "+" } else { "" };
            format!("{sign}{points} {}", pick(lang, "%-yks.", "%-enh.", "pp"))
        }
        (Measure::ResultPerResident, Some(v)) => {
            let sign = if v > Decimal::ZERO { "+" } else { "" };
            format!("{sign}{}", format_amount(v, 2, lang))
        }
        (Measure::Line(_), Some(v)) => crate::numfmt::format_signed(v, lang),
    }
}

fn rows_html(rows: &[Row], comparison: &Comparison, class: &'static str, lang: Lang) -> Html {
    html! {
        { for rows.iter().map(|row| html! {
            <tr class={class}>
                <th scope="row">{ row.measure.name(lang) }</th>
                <td class="num">{ figure(row.measure, row.base, lang) }</td>
                { for row.scenarios.iter().take(comparison.names.len()).map(|v| {
                    let moved = v.difference.is_some_and(|d| !d.is_zero());
                    html! {
                        <>
                            <td class={classes!("num", moved.then_some("scenario-changed"))}>{ figure(row.measure, v.amount, lang) }</td>
                            <td class="num derived">{ difference(row.measure, v.difference, lang) }</td>
                            <td class="num derived">{ match row.measure {
                                Measure::Line(_) => v.percent.map(|p| format_percent(p, lang)).unwrap_or_default(),
                                _ => String::new(),
                            } }</td>
                        </>
                    }
                }) }
            </tr>
        }) }
    }
}

#[component]
pub fn CompareView(props: &Props) -> Html {
    let lang = props.lang;
    let dataset = &props.dataset;
    let Some(node) = dataset.node(&props.node) else {
        return html! {};
    };
    let columns = node_columns(dataset, &node.id);
    let column = props
        .column
        .clone()
        .filter(|c| columns.iter().any(|k| &k.id == c))
        .or_else(|| columns.last().map(|c| c.id.clone()));
    let heading = pick(
        lang,
        "Skenaarioiden vertailu",
        "Jämförelse av scenarier",
        "Scenario comparison",
    );
    let Some(column) = column else {
        return html! { <section><h1>{ heading }</h1></section> };
    };
    let column_label = dataset
        .column(&column)
        .map_or_else(|| column.clone(), |c| c.label(lang));
    let on_column = {
        let on_column = props.on_column.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_column.emit(select.value());
        })
    };
    let compared: Vec<&Scenario> = props.scenarios.iter().take(MAX_COMPARED).collect();
    let year = dataset.column(&column).map(|c| c.year);
    let population = year.and_then(|y| props.population.get(&y).copied());
    let comparison = compare(dataset, &compared, &node.id, &column, population);

    let controls = html! {
        <div class="controls">
            <label class="field" for="compare-column"><span>{ pick(lang, "Sarake", "Kolumn", "Column") }</span>
                <select id="compare-column" onchange={on_column}>
                    { for columns.iter().map(|c| html! { <option value={c.id.clone()} selected={c.id == column}>{ c.label(lang) }</option> }) }
                </select>
            </label>
        </div>
    };
    if compared.is_empty() {
        return html! {
            <section aria-labelledby="compare-heading">
                <h1 id="compare-heading">{ format!("{heading}: {}", node.name) }</h1>
                { controls }
                <p>{ pick(lang,
                    "Skenaarioita ei vielä ole: lisää muutos yllä, niin se näkyy tässä perustietojen rinnalla.",
                    "Det finns inga scenarier ännu: lägg till en ändring ovan, så visas den här bredvid grunddata.",
                    "There are no scenarios yet: add an edit above and it is shown here beside the base.") }</p>
            </section>
        };
    }
    let head = html! {
        <thead>
            <tr>
                <th scope="col" rowspan="2">{ pick(lang, "Rivi", "Rad", "Line") }</th>
                <th scope="col" rowspan="2" class="num">{ pick(lang, "Perustiedot", "Grunddata", "Base") }</th>
                { for comparison.names.iter().map(|name| html! { <th scope="colgroup" colspan="3" class="num">{ name.clone() }</th> }) }
            </tr>
            <tr>
                { for comparison.names.iter().map(|_| html! {
                    <>
                        <th scope="col" class="num">{ "€" }</th>
                        <th scope="col" class="num">{ pick(lang, "ero €", "skillnad €", "difference €") }</th>
                        <th scope="col" class="num">{ pick(lang, "ero %", "skillnad %", "difference %") }</th>
                    </>
                }) }
            </tr>
        </thead>
    };
    let grids = Rc::new(vec![crate::export::compare_grid(
        &node.name,
        &column_label,
        &comparison,
        lang,
    )]);
    let file = format!("raami-{}-{}-vertailu-{column}", dataset.id, node.id);
    let result_name = comparison
        .result_line
        .map(|l| l.name(lang))
        .unwrap_or_default();
    html! {
        <section aria-labelledby="compare-heading" class="compare">
            <h1 id="compare-heading">{ format!("{heading}: {}, {column_label}", node.name) }</h1>
            { controls }
            <GridExport lang={lang} grids={grids} file={file} dataset={dataset.clone()} about={props.about.clone()} on_workbook={props.on_workbook.clone()} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={pick(lang, "Avainluvut", "Nyckeltal", "Key figures")}>
                <table class="compare-table compare-key">
                    <caption>{ format!("{}: {}, {column_label} (€)", pick(lang, "Avainluvut", "Nyckeltal", "Key figures"), node.name) }</caption>
                    { head.clone() }
                    <tbody>{ rows_html(&comparison.key, &comparison, "key", lang) }</tbody>
                </table>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label={pick(lang, "Kaikki rivit", "Alla rader", "Every line")}>
                <table class="compare-table">
                    <caption>{ format!("{}: {}, {column_label} (€)", pick(lang, "Kaikki rivit", "Alla rader", "Every line"), node.name) }</caption>
                    { head }
                    <tbody>{ rows_html(&comparison.rows, &comparison, "", lang) }</tbody>
                </table>
            </div>
            { for compared.iter().zip(&comparison.drivers).zip(&comparison.outcomes).enumerate().map(|(index, ((scenario, drivers), outcomes))| {
                let told = sentences(dataset, &scenario.edits, outcomes, lang);
                let labels: Vec<String> = drivers.iter().map(|d| format!("{}. {}", d.edit.saturating_add(1), scenario.edits.get(d.edit).map(|e| e.line().name(lang)).unwrap_or_default())).collect();
                let values: Vec<Option<Decimal>> = drivers.iter().map(|d| Some(d.effect)).collect();
                let marks = plain_marks(&values, &labels, (0, 114, 178), Pattern::Solid, result_name);
                let caption = format!("{}: {}, {} ({column_label})", pick(lang, "Mikä muutoksen selittää", "Vad förklarar skillnaden", "What drives the difference"), scenario.name, result_name);
                let summary = match drivers.first() {
                    Some(first) => format!("{caption}. {} {}: {}", pick(lang, "Suurin vaikutus", "Störst effekt", "Largest effect"), first.edit.saturating_add(1), signed_euros(first.effect, lang)),
                    None => format!("{caption}. {}", pick(lang, "Muutokset eivät vaikuta tähän lukuun.", "Ändringarna påverkar inte detta tal.", "The edits do not move this figure.")),
                };
                html! {
                    <div class="drivers" id={format!("drivers-{index}")}>
                        <h2>{ caption.clone() }</h2>
                        { if drivers.is_empty() { html! { <p>{ summary }</p> } } else { html! {
                            <>
                                <BarChart labels={labels.clone()} marks={marks} summary={summary} unit={AttrValue::from("€")} lang={lang} class={classes!("deviation")} />
                                <div class="table-scroll chart-table" tabindex="0" role="region" aria-label={caption.clone()}>
                                    <table class="drivers-table">
                                        <caption>{ caption.clone() }</caption>
                                        <thead><tr>
                                            <th scope="col">{ pick(lang, "Muutos", "Ändring", "Edit") }</th>
                                            <th scope="col" class="num">{ format!("{} €", pick(lang, "Vaikutus", "Effekt", "Effect")) }</th>
                                        </tr></thead>
                                        <tbody>
                                            { for drivers.iter().map(|d| html! {
                                                <tr>
                                                    <th scope="row">{ told.get(d.edit).cloned().unwrap_or_default() }</th>
                                                    <td class="num">{ signed_euros(d.effect, lang) }</td>
                                                </tr>
                                            }) }
                                        </tbody>
                                    </table>
                                </div>
                            </>
                        } } }
                    </div>
                }
            }) }
        </section>
    }
}
