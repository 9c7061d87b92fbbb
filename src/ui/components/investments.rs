//! The investments tables of the selected node, with Poikkeama and Toteuma % where the
//! table has a budget and a Toteuma of the same year.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::derived::{poikkeama, toteuma_pct};
use crate::analysis::table::follow_ups;
use crate::i18n::{Lang, Msg, t};
use crate::model::{Column, Dataset, InvestmentLine};
use crate::numfmt::{format_eur, format_percent};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the figures are in: `€`, `€/asukas`, `€, vuoden 2024 hinnoin`.
    #[prop_or(AttrValue::Static("€"))]
    pub unit: AttrValue,
    pub dataset: Rc<Dataset>,
    pub node: String,
    pub lang: Lang,
    /// Shown under a unit's heading (the goals view): the heading is one level lower.
    #[prop_or_default]
    pub nested: bool,
}

fn line_name(line: InvestmentLine, lang: Lang) -> &'static str {
    match line {
        InvestmentLine::Menot => t(lang, Msg::InvestMenot),
        InvestmentLine::Tulot => t(lang, Msg::InvestTulot),
        InvestmentLine::Netto => t(lang, Msg::InvestNetto),
    }
}

#[component]
pub fn Investments(props: &Props) -> Html {
    let lang = props.lang;
    let dataset = &props.dataset;
    let tables: Vec<_> = dataset.investments_of(&props.node).collect();
    if tables.is_empty() {
        return html! {};
    }
    let heading_id = format!("investments-{}", props.node);
    let heading = if props.nested {
        html! { <h3 id={heading_id.clone()}>{ t(lang, Msg::Investments) }</h3> }
    } else {
        html! { <h2 id={heading_id.clone()}>{ t(lang, Msg::Investments) }</h2> }
    };
    html! {
        <section class="investments" aria-labelledby={heading_id}>
            { heading }
            { for tables.into_iter().map(|inv| {
                let columns: Vec<Column> = dataset
                    .columns_in_order()
                    .into_iter()
                    .filter(|c| inv.figures.values().any(|by_col| by_col.contains_key(&c.id)))
                    .cloned()
                    .collect();
                let pairs = follow_ups(&columns);
                html! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{}: {}", t(lang, Msg::Investments), inv.name)}>
                    <table class="investments-table">
                        <caption>{ format!("{}: {} ({})", t(lang, Msg::Investments), inv.name, props.unit) }</caption>
                        <thead><tr>
                            <th scope="col">{ t(lang, Msg::Line) }</th>
                            { for columns.iter().map(|c| html! { <th scope="col" class="num">{ c.label(lang) }</th> }) }
                            { for pairs.iter().map(|_| html! { <>
                                <th scope="col" class="num derived">{ t(lang, Msg::Poikkeama) }</th>
                                <th scope="col" class="num derived">{ t(lang, Msg::ToteumaPct) }</th>
                            </> }) }
                        </tr></thead>
                        <tbody>
                            { for inv.figures.iter().map(|(line, by_col)| html! {
                                <tr>
                                    <th scope="row">{ line_name(*line, lang) }</th>
                                    { for columns.iter().map(|c| html! {
                                        <td class="num">{ by_col.get(&c.id).map(|v| format_eur(*v, lang)).unwrap_or_default() }</td>
                                    }) }
                                    { for pairs.iter().map(|pair| {
                                        let budget = by_col.get(&pair.budget.id).copied();
                                        let actual = by_col.get(&pair.actual.id).copied();
                                        let (p, pct) = match (budget, actual) {
                                            (Some(b), Some(a)) => (poikkeama(b, a), toteuma_pct(b, a)),
                                            _ => (None, None),
                                        };
                                        html! { <>
                                            <td class="num derived">{ p.map(|v| format_eur(v, lang)).unwrap_or_default() }</td>
                                            <td class="num derived">{ pct.map(|v| format_percent(v, lang)).unwrap_or_default() }</td>
                                        </> }
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                }
            }) }
            { for dataset.investments_of(&props.node).filter_map(|inv| inv.note.clone()).map(|note| html! { <p class="note">{ note }</p> }) }
        </section>
    }
}
