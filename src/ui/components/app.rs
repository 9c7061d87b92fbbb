//! The app: the reducer at the top, the header with the language switch, the organisation
//! tree, and the views of the selected node.

use yew::prelude::*;

use super::dataset_info::DatasetInfo;
use super::investments::Investments;
use super::lang_switch::LangSwitch;
use super::org_tree::OrgTree;
use super::statement::Statement;
use super::validation::ValidationPanel;
use crate::i18n::{Msg, t};
use crate::ui::state::{Action, AppState};

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::initial);
    let lang = state.lang;

    use_effect_with(lang, |lang| crate::ui::set_document_lang(*lang));

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |(dataset, node): (usize, String)| {
            state.dispatch(Action::SelectNode { dataset, node })
        })
    };
    let on_change_pair = {
        let state = state.clone();
        Callback::from(move |(base, target): (String, String)| {
            state.dispatch(Action::SetChange { base, target })
        })
    };

    let main = match state.current() {
        Some(loaded) => html! {
            <>
                <Statement
                    dataset={loaded.dataset.clone()}
                    node={state.node.clone()}
                    lang={lang}
                    change={state.change.clone()}
                    on_change_pair={on_change_pair}
                />
                <Investments dataset={loaded.dataset.clone()} node={state.node.clone()} lang={lang} />
                <ValidationPanel dataset={loaded.dataset.clone()} report={loaded.report.clone()} node={state.node.clone()} lang={lang} />
                <DatasetInfo dataset={loaded.dataset.clone()} lang={lang} />
            </>
        },
        None => html! { <p role="alert">{ state.load_error.clone().unwrap_or_default() }</p> },
    };

    html! {
        <div class="app">
            <a class="skip-link" href="#main">{ t(lang, Msg::SkipToContent) }</a>
            <header class="app-header">
                <div class="brand">
                    <span class="brand-name">{ "Raami" }</span>
                    <span class="brand-subtitle">{ t(lang, Msg::AppSubtitle) }</span>
                </div>
                <LangSwitch lang={lang} on_select={on_lang} />
            </header>
            <div class="layout">
                <nav class="sidebar" aria-label={t(lang, Msg::Organisation)}>
                    <OrgTree loaded={state.loaded.clone()} dataset={state.dataset} node={state.node.clone()} lang={lang} on_select={on_select} />
                </nav>
                <main id="main" class="content" tabindex="-1">
                    { main }
                </main>
            </div>
            <footer class="app-footer"><p>{ t(lang, Msg::PrivacyNote) }</p></footer>
        </div>
    }
}
