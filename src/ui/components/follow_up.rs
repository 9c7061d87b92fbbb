//! The budget follow-up view (toteumavertailu): for each Toteuma column of the node, every
//! line's budget, actual, Poikkeama and Toteuma %, and whether it came out better or worse
//! than budgeted, marked with a symbol and words as well as colour. Sortable by the size of
//! the variance, to see which lines drive it.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{BarChart, LegendKey};
use super::grid_export::GridExport;
use super::scenarios::changed_mark;
use crate::analysis::breakdown::SortBy;
use crate::analysis::followup::{Effect, by_deviation, follow_up_rows, is_sum};
use crate::analysis::node_table;
use crate::chart::{DOWN, Pattern, UP, deviation_marks, deviation_summary};
use crate::i18n::{Lang, Msg, t};
use crate::model::{Amount, Dataset, Line};
use crate::numfmt::{format_eur, format_percent, format_signed};
use crate::scenario::changed_at;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the figures are in: `€`, `€/asukas`, `€, vuoden 2024 hinnoin`.
    #[prop_or(AttrValue::Static("€"))]
    pub unit: AttrValue,
    pub dataset: Rc<Dataset>,
    pub node: String,
    pub lang: Lang,
    /// Drill into a line in a column (the breakdown of that line by unit).
    #[prop_or_default]
    pub on_drill: Option<Callback<(Line, String)>>,
    /// The order of the tables (largest deviation first, or the statement's), kept in the link.
    #[prop_or_default]
    pub order: SortBy,
    #[prop_or_default]
    pub on_order: Callback<SortBy>,
    /// The loaded figures, when `dataset` is a scenario over them: changed figures are marked.
    #[prop_or_default]
    pub base: Option<Rc<Dataset>>,
    /// What an export states beside the figures (made when the user exports).
    pub about: Callback<(), crate::export::About>,
    /// Has a workbook made (in the worker) and offered for download under the name given.
    pub on_workbook: Callback<(crate::protocol::WorkbookRequest, String)>,
}

#[component]
pub fn FollowUpView(props: &Props) -> Html {
    let lang = props.lang;
    let sorted = props.order != SortBy::Organisation;
    let Some(node) = props.dataset.node(&props.node) else {
        return html! {};
    };
    let table = node_table(&props.dataset, &node.id, None);
    let base_values = props
        .base
        .as_ref()
        .map(|base| crate::analysis::values::Values::new(base));
    let scenario_mark = |line: Line, column: &str, amount: Amount| {
        changed_mark(
            base_values
                .as_ref()
                .and_then(|v| changed_at(v, &node.id, line, column, Some(amount))),
            lang,
        )
    };
    let toggle = |value: bool| {
        let on_order = props.on_order.clone();
        Callback::from(move |_| {
            on_order.emit(if value {
                SortBy::Amount
            } else {
                SortBy::Organisation
            })
        })
    };
    let heading = html! { <h1 id="followup-heading">{ &node.name }</h1> };
    if table.follow_ups.is_empty() {
        return html! { <section class="follow-up" aria-labelledby="followup-heading">{ heading }<p>{ t(lang, Msg::NoFollowUp) }</p></section> };
    }
    html! {
        <section class="follow-up" aria-labelledby="followup-heading">
            { heading }
            <div class="controls" role="group" aria-label={t(lang, Msg::SortDeviation)}>
                <button type="button" class="button" id="sort-statement" aria-pressed={(!sorted).to_string()} onclick={toggle(false)}>{ t(lang, Msg::SortStatement) }</button>
                <button type="button" class="button" id="sort-deviation" aria-pressed={sorted.to_string()} onclick={toggle(true)}>{ t(lang, Msg::SortDeviation) }</button>
            </div>
            { for table.follow_ups.iter().enumerate().map(|(index, pair)| {
                let rows = follow_up_rows(&table, index);
                let shown = if sorted { by_deviation(&rows) } else { rows.clone() };
                // The chart: the lines that are not subtotals, in the table's order.
                let parts: Vec<_> = shown.iter().filter(|r| !is_sum(r.line, &rows)).cloned().collect();
                let pair_label = format!("{} – {}", pair.budget.label(lang), pair.actual.label(lang));
                let marks = deviation_marks(&parts, &pair_label, lang);
                let on_bar = props.on_drill.clone().map(|drill| {
                    let (lines, column) = (parts.iter().map(|r| r.line).collect::<Vec<_>>(), pair.actual.id.clone());
                    Callback::from(move |i: usize| {
                        if let Some(line) = lines.get(i) {
                            drill.emit((*line, column.clone()));
                        }
                    })
                });
                // The table as shown, for Excel.
                let grids = Rc::new(vec![crate::export::follow_up_grid(&node.name, &pair.budget.label(lang), &pair.actual.label(lang), &shown, &props.unit, lang)]);
                let file = format!("raami-{}-{}-{}", props.dataset.id, node.id, pair.actual.id);
                let legend = vec![
                    LegendKey { label: t(lang, Msg::DeviationBetter).to_string(), colour: UP, pattern: Pattern::Solid, key: "better".into() },
                    LegendKey { label: t(lang, Msg::DeviationWorse).to_string(), colour: DOWN, pattern: Pattern::Hatched, key: "worse".into() },
                ];
                html! {
                    <>
                    <h2 class="chart-heading">{ format!("{}: {pair_label}", t(lang, Msg::ChartDeviation)) }</h2>
                    <p class="hint">{ t(lang, Msg::EffectOnResult) }</p>
                    <BarChart
                        class={classes!("deviation")}
                        labels={parts.iter().map(|r| r.line.name(lang).to_string()).collect::<Vec<_>>()}
                        summary={deviation_summary(&parts, &pair_label, &props.unit, lang)}
                        marks={marks}
                        unit={props.unit.clone()}
                        lang={lang}
                        legend={legend}
                        on_click={on_bar} />
                    <GridExport lang={lang} grids={grids} file={file} dataset={props.dataset.clone()} about={props.about.clone()}
                        on_workbook={props.on_workbook.clone()} suffix={format!("-{index}")} />
                    <div class="table-scroll" tabindex="0" role="region" aria-label={t(lang, Msg::FollowUpCaption)}>
                        <table class="follow-up-table">
                            <caption>{ format!("{}: {} {} – {} ({})", t(lang, Msg::FollowUpCaption), node.name, pair.budget.label(lang), pair.actual.label(lang), props.unit) }</caption>
                            <thead><tr>
                                <th scope="col">{ t(lang, Msg::Line) }</th>
                                <th scope="col" class="num">{ pair.budget.label(lang) }</th>
                                <th scope="col" class="num">{ pair.actual.label(lang) }</th>
                                <th scope="col" class="num">{ t(lang, Msg::Poikkeama) }</th>
                                <th scope="col" class="num">{ t(lang, Msg::ToteumaPct) }</th>
                                <th scope="col">{ t(lang, Msg::Effect) }</th>
                            </tr></thead>
                            <tbody>
                                { for shown.iter().map(|row| {
                                    let (class, mark, words) = match row.effect {
                                        Effect::Better => ("better", "▲", t(lang, Msg::EffectBetter)),
                                        Effect::Worse => ("worse", "▼", t(lang, Msg::EffectWorse)),
                                        Effect::OnBudget => ("on-budget", "=", t(lang, Msg::EffectOnBudget)),
                                    };
                                    html! {
                                        <tr data-line={row.line.key()} class={classes!(class, is_sum(row.line, &rows).then_some("subtotal"))}>
                                            <th scope="row" class="line-name">{ row.line.name(lang) }</th>
                                            <td class="num">{ scenario_mark(row.line, &pair.budget.id, row.budget) }{ format_eur(row.budget, lang) }</td>
                                            <td class="num">{ scenario_mark(row.line, &pair.actual.id, row.actual) }{ format_eur(row.actual, lang) }</td>
                                            <td class="num" data-col="poikkeama">{ format_eur(row.poikkeama, lang) }</td>
                                            <td class="num" data-col="toteuma-pct">{ row.toteuma_pct.map(|p| format_percent(p, lang)).unwrap_or_default() }</td>
                                            <td class="effect" data-col="effect"><span aria-hidden="true" class="mark">{ mark }</span>{ words }{ " " }<span class="effect-amount" data-col="effect-amount">{ format_signed(row.effect_amount, lang) }</span></td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                    </>
                }
            }) }
            <p class="hint">{ t(lang, Msg::DerivedExplain) }</p>
        </section>
    }
}
