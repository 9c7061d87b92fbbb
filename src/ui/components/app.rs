//! The app: the reducer at the top, the header with the language switch, loading of files,
//! the organisation tree, and the views of the selected node. Files dropped anywhere on the
//! page are read like picked ones.

use yew::prelude::*;

use super::dataset_info::DatasetInfo;
use super::importer::{ImportBar, ImportSummary, read_and_report};
use super::investments::Investments;
use super::lang_switch::LangSwitch;
use super::org_tree::OrgTree;
use super::statement::Statement;
use super::validation::ValidationPanel;
use crate::i18n::{Msg, t};
use crate::ui::io::file_list;
use crate::ui::state::{Action, AppState, Pending};

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::initial);
    let lang = state.lang;
    let dragging = use_state(|| false);

    use_effect_with(lang, |lang| crate::ui::set_document_lang(*lang));

    let dispatch = |make: fn(Pending) -> Action| {
        let state = state.clone();
        Callback::from(move |pending| state.dispatch(make(pending)))
    };
    let on_read = dispatch(Action::Read);
    let on_start = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::StartReading))
    };
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
    let on_accept = {
        let state = state.clone();
        Callback::from(move |replace| state.dispatch(Action::Accept { replace }))
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Cancel))
    };

    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (dragging, on_start, on_read) = (dragging.clone(), on_start.clone(), on_read.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = file_list(e.data_transfer().and_then(|d| d.files()));
            read_and_report(files, on_start.clone(), on_read.clone());
        })
    };

    let views = match state.current() {
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
        <div class={classes!("app", dragging.then_some("dragging"))}
            ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <a class="skip-link" href="#main">{ t(lang, Msg::SkipToContent) }</a>
            <header class="app-header">
                <div class="brand">
                    <span class="brand-name">{ "Raami" }</span>
                    <span class="brand-subtitle">{ t(lang, Msg::AppSubtitle) }</span>
                </div>
                <LangSwitch lang={lang} on_select={on_lang} />
            </header>
            { if *dragging { html! { <div class="drop-overlay" aria-hidden="true">{ t(lang, Msg::DropHere) }</div> } } else { html! {} } }
            <div class="layout">
                <nav class="sidebar" aria-label={t(lang, Msg::Organisation)}>
                    <OrgTree loaded={state.loaded.clone()} dataset={state.dataset} node={state.node.clone()} lang={lang} on_select={on_select} />
                </nav>
                <main id="main" class="content" tabindex="-1">
                    <ImportBar lang={lang} reading={state.reading} on_start={on_start} on_read={on_read} />
                    { match &state.pending {
                        Some(pending) => html! { <ImportSummary lang={lang} pending={pending.clone()} on_accept={on_accept} on_cancel={on_cancel} /> },
                        None => html! {},
                    } }
                    { views }
                </main>
            </div>
            <footer class="app-footer"><p>{ t(lang, Msg::PrivacyNote) }</p></footer>
        </div>
    }
}
