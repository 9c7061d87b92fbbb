//! The investments tables of the selected node, with Poikkeama and Toteuma % where the
//! table has a budget and a Toteuma of the same year.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::investments::investment_tables;
use crate::i18n::{Lang, Msg, t};
use crate::model::{Dataset, InvestmentLine};
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
    let tables = investment_tables(&props.dataset, &props.node);
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
            { for tables.iter().map(|table| html! {
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{}: {}", t(lang, Msg::Investments), table.name)}>
                <table class="investments-table">
                    <caption>{ format!("{}: {} ({})", t(lang, Msg::Investments), table.name, props.unit) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Line) }</th>
                        { for table.columns.iter().map(|c| html! { <th scope="col" class="num">{ c.label(lang) }</th> }) }
                        { for table.follow_ups.iter().map(|_| html! { <>
                            <th scope="col" class="num derived">{ t(lang, Msg::Poikkeama) }</th>
                            <th scope="col" class="num derived">{ t(lang, Msg::ToteumaPct) }</th>
                        </> }) }
                    </tr></thead>
                    <tbody>
                        { for table.rows.iter().map(|row| html! {
                            <tr>
                                <th scope="row">{ line_name(row.line, lang) }</th>
                                { for row.amounts.iter().map(|v| html! {
                                    <td class="num">{ v.map(|v| format_eur(v, lang)).unwrap_or_default() }</td>
                                }) }
                                { for row.follow_ups.iter().map(|(p, pct)| html! { <>
                                    <td class="num derived">{ p.map(|v| format_eur(v, lang)).unwrap_or_default() }</td>
                                    <td class="num derived">{ pct.map(|v| format_percent(v, lang)).unwrap_or_default() }</td>
                                </> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            }) }
            { for tables.iter().filter_map(|table| table.note.clone()).map(|note| html! { <p class="note">{ note }</p> }) }
        </section>
    }
}
