//! The unit of the figures: euros or euros per resident, at current prices or at the prices
//! of a chosen year, with the population and price index per year the user gives. What the
//! figures are expressed in is stated on every view.

use std::collections::BTreeSet;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::analysis::basis::{Basis, Missing};
use crate::i18n::Lang;
use crate::model::Dataset;

pub use crate::analysis::basis::unit_label;

fn text(lang: Lang, fi: &'static str, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fi => fi,
        Lang::Sv => sv,
        Lang::En => en,
    }
}

fn missing_text(missing: &Missing, lang: Lang) -> String {
    match (missing, lang) {
        (Missing::Population(y), Lang::Fi) => {
            format!("Vuoden {y} väkiluku puuttuu: sen luvut jätetään pois.")
        }
        (Missing::Population(y), Lang::Sv) => {
            format!("Folkmängden för {y} saknas: årets tal lämnas bort.")
        }
        (Missing::Population(y), Lang::En) => {
            format!("The population of {y} is missing: its figures are left out.")
        }
        (Missing::PriceIndex(y), Lang::Fi) => {
            format!("Vuoden {y} hintaindeksi puuttuu: sen luvut jätetään pois.")
        }
        (Missing::PriceIndex(y), Lang::Sv) => {
            format!("Prisindexet för {y} saknas: årets tal lämnas bort.")
        }
        (Missing::PriceIndex(y), Lang::En) => {
            format!("The price index of {y} is missing: its figures are left out.")
        }
        (Missing::BeyondRange(y), Lang::Fi) => format!(
            "Vuoden {y} lukuja ei voi laskea: hintaindeksin tai väkiluvun antama kerroin on liian suuri; ne jätetään pois."
        ),
        (Missing::BeyondRange(y), Lang::Sv) => format!(
            "Siffrorna för {y} kan inte räknas: prisindexet eller folkmängden ger en för stor faktor; de utelämnas."
        ),
        (Missing::BeyondRange(y), Lang::En) => format!(
            "The figures of {y} cannot be computed: the price index or population gives a factor too large; they are left out."
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dataset: Rc<Dataset>,
    pub basis: Rc<Basis>,
    pub missing: Rc<Vec<Missing>>,
    pub on_change: Callback<Basis>,
}

/// A change to the basis from an input's event.
type Edit = Rc<dyn Fn(&mut Basis, &Event)>;

fn read(e: &Event) -> String {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    input.value()
}

#[component]
pub fn BasisEditor(props: &Props) -> Html {
    let lang = props.lang;
    let years: BTreeSet<i32> = props.dataset.columns.iter().map(|c| c.year).collect();
    let basis = &props.basis;
    let update = |change: Edit| {
        let (basis, on_change) = (props.basis.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let mut next = Basis::clone(&basis);
            change(&mut next, &e);
            on_change.emit(next);
        })
    };
    let on_euros = update(Rc::new(|b, _| b.per_resident = false));
    let on_per_resident = update(Rc::new(|b, _| b.per_resident = true));
    let on_real = update(Rc::new(|b, e| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        b.real_year = select.value().parse().ok();
    }));
    html! {
        <details class="basis" open={!basis.is_plain()}>
            <summary>{ format!("{}: {}", text(lang, "Yksikkö ja hintataso", "Enhet och prisnivå", "Unit and price level"), unit_label(basis, lang)) }</summary>
            <fieldset>
                <legend>{ text(lang, "Yksikkö", "Enhet", "Unit") }</legend>
                <label><input type="radio" name="basis-unit" id="basis-euros" checked={!basis.per_resident} onchange={on_euros} />{ text(lang, " euroa", " euro", " euros") }</label>
                <label><input type="radio" name="basis-unit" id="basis-per-resident" checked={basis.per_resident} onchange={on_per_resident} />{ text(lang, " euroa asukasta kohden", " euro per invånare", " euros per resident") }</label>
            </fieldset>
            <label class="field" for="basis-prices">
                <span>{ text(lang, "Hintataso", "Prisnivå", "Price level") }</span>
                <select id="basis-prices" onchange={on_real}>
                    <option value="" selected={basis.real_year.is_none()}>{ text(lang, "käyvin hinnoin", "löpande priser", "current prices") }</option>
                    { for years.iter().map(|y| html! {
                        <option value={y.to_string()} selected={basis.real_year == Some(*y)}>{ match lang {
                            Lang::Fi => format!("vuoden {y} hinnoin"),
                            Lang::Sv => format!("i {y} års priser"),
                            Lang::En => format!("at {y} prices"),
                        } }</option>
                    }) }
                </select>
            </label>
            <table class="basis-table">
                <caption>{ text(lang, "Väkiluku ja hintaindeksi vuosittain", "Folkmängd och prisindex per år", "Population and price index by year") }</caption>
                <thead><tr>
                    <th scope="col">{ text(lang, "Vuosi", "År", "Year") }</th>
                    <th scope="col">{ text(lang, "Väkiluku 31.12.", "Folkmängd 31.12", "Population 31 Dec") }</th>
                    <th scope="col">{ text(lang, "Hintaindeksi", "Prisindex", "Price index") }</th>
                </tr></thead>
                <tbody>
                    { for years.iter().map(|&year| {
                        let on_population = update(Rc::new(move |b, e| {
                            match crate::numfmt::parse_fi_number(&read(e)) {
                                Ok(Some(v)) if v > Decimal::ZERO => { b.population.insert(year, v); }
                                _ => { b.population.remove(&year); }
                            }
                        }));
                        let on_index = update(Rc::new(move |b, e| {
                            match crate::numfmt::parse_fi_number(&read(e)) {
                                Ok(Some(v)) if v > Decimal::ZERO => { b.price_index.insert(year, v); }
                                _ => { b.price_index.remove(&year); }
                            }
                        }));
                        let shown = |v: Option<&Decimal>| v.map(|v| crate::numfmt::format_amount(*v, v.scale(), lang)).unwrap_or_default();
                        html! {
                            <tr>
                                <th scope="row">{ year }</th>
                                <td><input type="text" inputmode="decimal" id={format!("population-{year}")} aria-label={format!("{} {year}", text(lang, "Väkiluku", "Folkmängd", "Population"))}
                                    value={shown(basis.population.get(&year))} onchange={on_population} /></td>
                                <td><input type="text" inputmode="decimal" id={format!("index-{year}")} aria-label={format!("{} {year}", text(lang, "Hintaindeksi", "Prisindex", "Price index"))}
                                    value={shown(basis.price_index.get(&year))} onchange={on_index} /></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            { if props.missing.is_empty() { html! {} } else { html! {
                <ul class="basis-missing" role="status">{ for props.missing.iter().map(|m| html! { <li>{ missing_text(m, lang) }</li> }) }</ul>
            } } }
        </details>
    }
}
