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
            { if dataset.notes.is_empty() { html! {} } else { html! {
                <ul class="dataset-notes">{ for dataset.notes.iter().map(|n| html! { <li lang="fi">{ n }</li> }) }</ul>
            } } }
        </section>
    }
}
