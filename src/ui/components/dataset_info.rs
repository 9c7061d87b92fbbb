//! Where the data comes from: the dataset's name, source and notes.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Msg, t};
use crate::model::Dataset;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dataset: Rc<Dataset>,
    pub lang: Lang,
}

#[component]
pub fn DatasetInfo(props: &Props) -> Html {
    let lang = props.lang;
    let dataset = &props.dataset;
    html! {
        <section class="dataset-info" aria-labelledby="dataset-heading">
            <h2 id="dataset-heading">{ format!("{}: {}", t(lang, Msg::Dataset), dataset.name) }</h2>
            { for dataset.source.iter().map(|s| html! { <p><strong>{ format!("{}: ", t(lang, Msg::Source)) }</strong>{ s }</p> }) }
            { if dataset.extract { html! { <p class="dataset-extract">{ extract_note(lang) }</p> } } else { html! {} } }
            { if dataset.notes.is_empty() { html! {} } else { html! {
                <ul class="dataset-notes">{ for dataset.notes.iter().map(|n| html! { <li lang="fi">{ n }</li> }) }</ul>
            } } }
        </section>
    }
}

/// What an extract of a filing's cells means for the figures shown.
fn extract_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => {
            "Aineisto on poiminta ilmoituksen soluista (KTAS): rivi, jota siinä ei ole, on tuntematon eikä nolla, eikä välisummaa lasketa, jos sen osia puuttuu."
        }
        Lang::Sv => {
            "Materialet är ett urval av rapportens celler (KTAS): en post som saknas är okänd och inte noll, och en delsumma räknas inte ut om delar av den saknas."
        }
        Lang::En => {
            "The data is a selection of a filing's cells (KTAS): a line it lacks is unknown, not zero, and a subtotal is not computed when parts of it are missing."
        }
    }
}
