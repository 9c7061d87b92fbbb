//! The breakdown view: one line in one column by the node's units, each unit's amount,
//! share and change from the comparison column; a unit's name drills into it, the
//! breadcrumbs lead back up. Sortable by organisation, amount or change.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::chart::{BarChart, StackedChart};
use super::grid_export::GridExport;
use super::scenarios::changed_mark;
use crate::analysis::breakdown::{SortBy, breakdown, sorted};
use crate::analysis::table::{node_columns, node_table};
use crate::chart::{Pattern, breakdown_summary, colour, pattern, plain_marks};
use crate::i18n::{Lang, Msg, t};
use crate::model::{Dataset, Line};
use crate::numfmt::{format_eur, format_percent};
use crate::scenario::changed_at;
use crate::session::Series;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the figures are in: `€`, `€/asukas`, `€, vuoden 2024 hinnoin`.
    #[prop_or(AttrValue::Static("€"))]
    pub unit: AttrValue,
    pub dataset: Rc<Dataset>,
    pub dataset_index: usize,
    pub node: String,
    pub lang: Lang,
    pub line: Option<Line>,
    pub column: Option<String>,
    /// The change is measured from this column, where the node has it.
    pub compare: Option<String>,
    pub on_choose: Callback<(Line, String)>,
    /// The order of the table, kept in the link.
    #[prop_or_default]
    pub order: SortBy,
    #[prop_or_default]
    pub on_order: Callback<SortBy>,
    pub on_select: Callback<(usize, String)>,
    /// The units the stacked chart hides, and the toggle of one.
    pub hidden: BTreeSet<String>,
    pub on_series: Callback<Series>,
    /// The loaded figures, when `dataset` is a scenario over them: changed figures are marked.
    #[prop_or_default]
    pub base: Option<Rc<Dataset>>,
    /// What an export states beside the figures (made when the user exports).
    pub about: Callback<(), crate::export::About>,
    /// Has a workbook made (in the worker) and offered for download under the name given.
    pub on_workbook: Callback<(crate::protocol::WorkbookRequest, String)>,
}

#[component]
pub fn BreakdownView(props: &Props) -> Html {
    let lang = props.lang;
    let sort = props.order;
    let dataset = &props.dataset;
    let Some(node) = dataset.node(&props.node) else {
        return html! {};
    };
    let columns = node_columns(dataset, &node.id);
    let lines: Vec<Line> = node_table(dataset, &node.id, None)
        .rows
        .iter()
        .map(|r| r.line)
        .collect();
    let line = props
        .line
        .filter(|l| lines.contains(l))
        .or_else(|| lines.iter().copied().find(|l| *l == Line::Toimintakate))
        .or_else(|| lines.last().copied());
    let column = props
        .column
        .clone()
        .filter(|c| columns.iter().any(|k| &k.id == c))
        .or_else(|| columns.last().map(|c| c.id.clone()));
    let compare = props
        .compare
        .clone()
        .filter(|c| columns.iter().any(|k| &k.id == c) && Some(c) != column.as_ref())
        .or_else(|| {
            columns
                .first()
                .map(|c| c.id.clone())
                .filter(|c| Some(c) != column.as_ref())
        });

    let crumbs = html! {
        <nav class="breadcrumbs" aria-label={t(lang, Msg::Organisation)}>
            { for dataset.ancestry(&node.id).into_iter().map(|a| {
                let (on_select, index, id) = (props.on_select.clone(), props.dataset_index, a.id.clone());
                html! { <><button type="button" class="link" onclick={move |_| on_select.emit((index, id.clone()))}>{ &a.name }</button>{ " › " }</> }
            }) }
        </nav>
    };
    let heading = html! { <><h1 id="breakdown-heading">{ &node.name }</h1>{ crumbs }</> };
    let (Some(line), Some(column)) = (line, column) else {
        return html! { <section aria-labelledby="breakdown-heading">{ heading }<p>{ t(lang, Msg::NoData) }</p></section> };
    };
    let result = breakdown(dataset, &node.id, line, &column, compare.as_deref());
    let base_values = props
        .base
        .as_ref()
        .map(|base| crate::analysis::values::Values::new(base));
    let column_label = dataset
        .column(&column)
        .map(|c| c.label(lang))
        .unwrap_or_default();
    let compare_label = compare
        .as_ref()
        .and_then(|c| dataset.column(c))
        .map(|c| c.label(lang));

    let on_line = {
        let (on_choose, column) = (props.on_choose.clone(), column.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(line) = Line::all().find(|l| l.key() == select.value()) {
                on_choose.emit((line, column.clone()));
            }
        })
    };
    let on_column = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_choose.emit((line, select.value()));
        })
    };
    let sort_button = |by: SortBy, id: &'static str, msg: Msg| {
        let on_order = props.on_order.clone();
        html! { <button type="button" class="button" id={id} aria-pressed={(sort == by).to_string()} onclick={move |_| on_order.emit(by)}>{ t(lang, msg) }</button> }
    };
    let rows = sorted(result.rows.clone(), sort);
    // The table as shown, for Excel: CSV, or a workbook made in the worker.
    let grids = Rc::new(vec![crate::export::breakdown_grid(
        &node.name,
        line,
        &column_label,
        compare_label.as_deref(),
        &result,
        &rows,
        &props.unit,
        lang,
    )]);
    let file = format!("raami-{}-{}-{}-{}", dataset.id, node.id, line.key(), column);
    html! {
        <section class="breakdown" aria-labelledby="breakdown-heading">
            { heading }
            <div class="controls">
                <label class="field" for="breakdown-line"><span>{ t(lang, Msg::ChooseLine) }</span>
                    <select id="breakdown-line" onchange={on_line}>
                        { for lines.iter().map(|l| html! { <option value={l.key()} selected={*l == line}>{ l.name(lang) }</option> }) }
                    </select>
                </label>
                <label class="field" for="breakdown-column"><span>{ t(lang, Msg::ChooseColumn) }</span>
                    <select id="breakdown-column" onchange={on_column}>
                        { for columns.iter().map(|c| html! { <option value={c.id.clone()} selected={c.id == column}>{ c.label(lang) }</option> }) }
                    </select>
                </label>
            </div>
            <div class="controls" role="group" aria-label={t(lang, Msg::SortAmount)}>
                { sort_button(SortBy::Organisation, "sort-organisation", Msg::SortOrganisation) }
                { sort_button(SortBy::Amount, "sort-amount", Msg::SortAmount) }
                { sort_button(SortBy::Change, "sort-change", Msg::SortChange) }
            </div>
            { if result.rows.is_empty() { html! {} } else {
                // Clicking a unit's bar drills into it; the table below is the chart's alternative.
                let (on_select, index) = (props.on_select.clone(), props.dataset_index);
                let orgs: Vec<String> = rows.iter().map(|r| r.org.clone()).collect();
                let on_bar = Callback::from(move |i: usize| {
                    if let Some(org) = orgs.get(i) {
                        on_select.emit((index, org.clone()));
                    }
                });
                let (kind_colour, kind_pattern) = dataset.column(&column).map_or(((0, 114, 178), Pattern::Solid), |c| (colour(c.kind), pattern(c.kind)));
                let units: Vec<_> = rows.iter().map(|r| (r.name.clone(), r.amount, r.share_pct)).collect();
                let labels: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
                let amounts: Vec<_> = rows.iter().map(|r| r.amount).collect();
                // Marks keep their slot, so a click maps back to the unit of that slot.
                let marks = plain_marks(&amounts, &labels, kind_colour, kind_pattern, &format!("{}, {column_label}", line.name(lang)));
                let slots: Vec<usize> = marks.iter().map(|m| m.slot).collect();
                let on_bar = Callback::from(move |i: usize| {
                    if let Some(slot) = slots.get(i) {
                        on_bar.emit(*slot);
                    }
                });
                html! {
                    <BarChart
                        labels={labels}
                        marks={marks}
                        summary={breakdown_summary(line, &column_label, &units, &props.unit, lang)}
                        unit={props.unit.clone()}
                        lang={lang}
                        on_click={on_bar} />
                }
            } }

            { if result.rows.is_empty() { html! { <p>{ t(lang, Msg::NoUnits) }</p> } } else { html! { <>
                <GridExport lang={lang} grids={grids} file={file} dataset={dataset.clone()} about={props.about.clone()} on_workbook={props.on_workbook.clone()} />
                <div class="table-scroll" tabindex="0" role="region" aria-label={t(lang, Msg::BreakdownCaption)}>
                <table class="breakdown-table">
                    <caption>{ format!("{}: {}, {} {} ({})", t(lang, Msg::BreakdownCaption), node.name, line.name(lang), column_label, props.unit) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Unit) }</th>
                        <th scope="col" class="num">{ column_label.clone() }</th>
                        <th scope="col" class="num">{ t(lang, Msg::Share) }</th>
                        { match &compare_label { Some(c) => html! { <>
                            <th scope="col" class="num">{ format!("{} {c} → {column_label}", t(lang, Msg::Change)) }</th>
                            <th scope="col" class="num">{ format!("{} {c} → {column_label}", t(lang, Msg::ChangePct)) }</th>
                        </> }, None => html! {} } }
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|row| {
                            let (on_select, index, id) = (props.on_select.clone(), props.dataset_index, row.org.clone());
                            html! {
                                <tr data-org={row.org.clone()}>
                                    <th scope="row"><button type="button" class="link" onclick={move |_| on_select.emit((index, id.clone()))}>{ &row.name }</button></th>
                                    <td class="num" data-col="amount">{ changed_mark(base_values.as_ref().and_then(|v| changed_at(v, &row.org, line, &column, row.amount)), lang) }{ row.amount.map(|a| format_eur(a, lang)).unwrap_or_default() }</td>
                                    <td class="num" data-col="share">{ row.share_pct.map(|p| format_percent(p, lang)).unwrap_or_default() }</td>
                                    { if compare_label.is_some() { html! { <>
                                        <td class="num" data-col="change">{ row.change.map(|a| format_eur(a, lang)).unwrap_or_default() }</td>
                                        <td class="num" data-col="change-pct">{ row.change_pct.map(|p| format_percent(p, lang)).unwrap_or_default() }</td>
                                    </> } } else { html! {} } }
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        { match result.unallocated.filter(|u| !u.is_zero()) { Some(u) => html! {
                            <tr><th scope="row">{ t(lang, Msg::Unallocated) }</th><td class="num" data-col="unallocated">{ format_eur(u, lang) }</td><td></td></tr>
                        }, None => html! {} } }
                        <tr class="subtotal"><th scope="row">{ format!("{}: {}", t(lang, Msg::Total), node.name) }</th><td class="num" data-col="total">{ result.parent.map(|p| format_eur(p, lang)).unwrap_or_default() }</td><td class="num">{ if result.parent.is_some() { "100,00\u{a0}%" } else { "" } }</td></tr>
                    </tfoot>
                </table>
                </div></>
            } } }
            { if result.rows.is_empty() { html! {} } else { html! {
                <StackedChart dataset={dataset.clone()} dataset_index={props.dataset_index} node={node.id.clone()} line={line} lang={lang} unit={props.unit.clone()} on_select={props.on_select.clone()} hidden={props.hidden.clone()} on_series={props.on_series.clone()} />
            } } }
        </section>
    }
}
