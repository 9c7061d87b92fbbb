//! The organisation tree of every loaded dataset: nested lists of buttons, the selected
//! node marked with `aria-current`. Every node is reachable with Tab and opens with Enter.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::Dataset;
use crate::session::Loaded;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub loaded: Rc<Vec<Loaded>>,
    pub dataset: usize,
    pub node: String,
    pub lang: Lang,
    pub on_select: Callback<(usize, String)>,
}

fn branch(dataset: &Dataset, index: usize, ids: Vec<String>, props: &Props) -> Html {
    html! {
        <ul>
            { for ids.into_iter().map(|id| {
                let Some(node) = dataset.node(&id) else { return html! {} };
                let selected = index == props.dataset && id == props.node;
                let children: Vec<String> = dataset.children(&id).map(|c| c.id.clone()).collect();
                let on_select = props.on_select.clone();
                let target = id.clone();
                html! {
                    <li key={id.clone()}>
                        <button type="button" class={classes!("org-node", selected.then_some("selected"))}
                            aria-current={selected.then_some("true")}
                            data-node={id.clone()}
                            data-dataset={index.to_string()}
                            onclick={move |_| on_select.emit((index, target.clone()))}>
                            <span class="org-name">{ &node.name }</span>
                            <span class="org-level">{ node.level.name(props.lang) }</span>
                        </button>
                        { if children.is_empty() { html! {} } else { branch(dataset, index, children, props) } }
                    </li>
                }
            }) }
        </ul>
    }
}

#[component]
pub fn OrgTree(props: &Props) -> Html {
    html! {
        <div class="org-tree">
            { for props.loaded.iter().enumerate().map(|(index, loaded)| {
                let roots: Vec<String> = loaded.dataset.roots().map(|n| n.id.clone()).collect();
                html! {
                    <section class="org-dataset">
                        <h2 class="org-dataset-name">{ &loaded.dataset.name }</h2>
                        { branch(&loaded.dataset, index, roots, props) }
                    </section>
                }
            }) }
        </div>
    }
}
