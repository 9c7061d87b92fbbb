//! One line across the organisation and the years: every node (indented by its place in
//! the tree) by every column that has the line, as amounts, as change from the node's first
//! column, or as share of its parent. A node's name opens it.

use std::rc::Rc;

use yew::prelude::*;

use super::grid_export::GridExport;

use super::scenarios::changed_mark;
use super::statement::kind_class;
use crate::analysis::across::{Measure, across};
use crate::i18n::{Lang, Msg, t};
use crate::model::{Dataset, Line};
use crate::numfmt::{format_eur, format_percent};
use crate::scenario::changed_at;

#[derive(Properties, PartialEq)]
pub struct Props {
    #[prop_or(AttrValue::Static("€"))]
    pub unit: AttrValue,
    pub dataset: Rc<Dataset>,
    pub dataset_index: usize,
    pub line: Option<Line>,
    pub measure: Measure,
    pub lang: Lang,
    pub on_line: Callback<Line>,
    pub on_measure: Callback<Measure>,
    pub on_select: Callback<(usize, String)>,
    /// The loaded figures, when `dataset` is a scenario over them: changed amounts are marked.
    #[prop_or_default]
    pub base: Option<Rc<Dataset>>,
    /// What an export states beside the figures (made when the user exports).
    pub about: Callback<(), crate::export::About>,
    /// Has a workbook made (in the worker) and offered for download under the name given.
    pub on_workbook: Callback<(crate::protocol::WorkbookRequest, String)>,
}

#[component]
pub fn AcrossView(props: &Props) -> Html {
    let lang = props.lang;
    let line = props.line.unwrap_or(Line::Toimintakate);
    let (columns, rows) = across(&props.dataset, line, props.measure);
    let base_values = props
        .base
        .as_ref()
        .map(|base| crate::analysis::values::Values::new(base));
    let on_line = {
        let cb = props.on_line.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(line) = Line::all().find(|l| l.key() == select.value()) {
                cb.emit(line);
            }
        })
    };
    let unit = match props.measure {
        Measure::Share => "%".to_string(),
        Measure::Amount | Measure::Change => props.unit.to_string(),
    };
    // The table as shown, for Excel.
    let grids = Rc::new(vec![crate::export::across_grid(
        &props.dataset.name,
        line,
        props.measure,
        &columns,
        &rows,
        &props.unit,
        lang,
    )]);
    let file = format!(
        "raami-{}-{}-{}",
        props.dataset.id,
        line.key(),
        props.measure.slug()
    );
    html! {
        <section class="across" aria-labelledby="across-heading">
            <h1 id="across-heading">{ format!("{}: {}", line.name(lang), props.dataset.name) }</h1>
            <div class="controls">
                <label class="field" for="across-line"><span>{ t(lang, Msg::ChooseLine) }</span>
                    <select id="across-line" onchange={on_line}>
                        { for Line::all().map(|l| html! { <option value={l.key()} selected={l == line}>{ l.name(lang) }</option> }) }
                    </select>
                </label>
            </div>
            <div class="controls" role="group" aria-label={t(lang, Msg::ViewAcross)}>
                { for Measure::ALL.into_iter().map(|measure| {
                    let cb = props.on_measure.clone();
                    let label = match measure {
                        Measure::Amount => t(lang, Msg::MeasureAmount),
                        Measure::Change => t(lang, Msg::MeasureChange),
                        Measure::Share => t(lang, Msg::MeasureShare),
                    };
                    html! { <button type="button" class="button" id={format!("measure-{}", measure.slug())} aria-pressed={(props.measure == measure).to_string()} onclick={move |_| cb.emit(measure)}>{ label }</button> }
                }) }
            </div>
            <GridExport lang={lang} grids={grids} file={file} dataset={props.dataset.clone()} about={props.about.clone()} on_workbook={props.on_workbook.clone()} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={t(lang, Msg::AcrossCaption)}>
            <table class="across-table">
                <caption>{ format!("{}: {} ({unit})", t(lang, Msg::AcrossCaption), line.name(lang)) }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, Msg::Unit) }</th>
                    { for columns.iter().map(|c| {
                        html! { <th scope="col" class={classes!("num", kind_class(c.kind))}>{ c.label(lang) }</th> }
                    }) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|row| {
                        let (cb, index, id) = (props.on_select.clone(), props.dataset_index, row.org.clone());
                        html! {
                            <tr data-org={row.org.clone()}>
                                <th scope="row" style={format!("padding-left: {}rem", 0.5 + row.depth as f64 * 1.2)}>
                                    <button type="button" class="link" onclick={move |_| cb.emit((index, id.clone()))}>{ &row.name }</button>
                                </th>
                                { for columns.iter().zip(&row.cells).map(|(column, cell)| html! {
                                    <td class="num" data-col={column.id.clone()}>{ match (props.measure, base_values.as_ref()) {
                                        (Measure::Amount, Some(base)) => changed_mark(changed_at(base, &row.org, line, &column.id, *cell), lang),
                                        _ => html! {},
                                    } }{ match (cell, props.measure) {
                                        (Some(v), Measure::Share) => format_percent(*v, lang),
                                        (Some(v), _) => format_eur(*v, lang),
                                        (None, _) => String::new(),
                                    } }</td>
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
