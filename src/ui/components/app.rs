//! The app: the reducer at the top, the header with the language switch, loading of files,
//! the organisation tree, and the views of the selected node. Files dropped anywhere on the
//! page are read like picked ones.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::across::AcrossView;
use super::basis::{BasisEditor, unit_label};
use super::breakdown::BreakdownView;
use super::compare::CompareView;
use super::dataset_info::DatasetInfo;
use super::follow_up::FollowUpView;
use super::goals::GoalsView;
use super::importer::{ImportBar, ImportSummary};
use super::investments::Investments;
use super::lang_switch::LangSwitch;
use super::notes::UserNotes;
use super::org_tree::OrgTree;
use super::scenarios::{ScenarioBanner, ScenarioPanel};
use super::share::ShareBar;
use super::statement::Statement;
use super::validation::ValidationPanel;
use crate::i18n::{Lang, Msg, t};
use std::cell::RefCell;
use std::rc::Rc;

use crate::analysis::basis::{Basis, apply as apply_basis};
use crate::import::mapping::Mapping;
use crate::import::{ImportError, Options, Place};
use crate::model::Line;
use crate::route::View;
use crate::scenario::apply as apply_scenario;
use crate::session::{Action, Loaded, Pending, ReadFile, Series};
use crate::ui::io::{file_list, read_bytes};
use crate::ui::worker::ImportWorker;

/// How long after the last change autosave writes.
const AUTOSAVE_DELAY_MS: i32 = 150;

/// Where autosave stands.
#[derive(Clone, PartialEq)]
enum Autosave {
    /// The kept workspace is being read back.
    Reading,
    On,
    /// The browser gives no storage, or it is full.
    Off,
    /// A kept workspace that could not be read: its text, kept for the user to download.
    Unreadable(Rc<(String, crate::package::PackageError)>),
}

/// Files to import: their bytes, the files refused before reading, and the mapping to apply.
struct ImportRequest {
    sources: Vec<(String, Rc<Vec<u8>>)>,
    refused: Vec<ReadFile>,
    mapping: Mapping,
    /// The workbook sheet to read, where the user chose one.
    sheet: Option<String>,
    /// Whether the files are read again into the pending import (another sheet) rather
    /// than making a new one.
    again: bool,
}

/// A view's name on its button and in the phone's choice of views.
fn view_label(view: View, lang: Lang) -> &'static str {
    match view {
        View::Statement => t(lang, Msg::ViewStatement),
        View::FollowUp => t(lang, Msg::ViewFollowUp),
        View::Breakdown => t(lang, Msg::ViewBreakdown),
        View::Across => t(lang, Msg::ViewAcross),
        View::Goals => t(lang, Msg::ViewGoals),
        View::Compare => t(lang, Msg::ViewCompare),
    }
}

#[component]
pub fn App() -> Html {
    // A link with data the page was opened with, taken out of the address before anything
    // else reads it (the route is written into the address once the page has rendered).
    let opened_link = use_mut_ref(crate::ui::take_data_link);
    let state = use_reducer(crate::ui::state::from_location);
    let lang = state.lang;
    let selection = &state.selection;
    let dragging = use_state(|| false);

    use_effect_with(lang, |lang| crate::ui::set_document_lang(*lang));
    // What the session keeps on this machine is saved when it changes, in one place; a
    // browser that refuses storage keeps it for this visit, and says so.
    let unsaved = use_state(|| false);
    {
        let unsaved = unsaved.clone();
        use_effect_with(state.kept(), move |kept| {
            let saved = crate::ui::storage::save(kept);
            if *unsaved == saved {
                unsaved.set(!saved);
            }
        });
    }

    // Autosave: the workspace kept on this machine is read back once, then kept after every
    // change of the data or the scenarios (never before it was read back, so that opening
    // does not overwrite it).
    let autosave = use_state(|| Autosave::Reading);
    {
        let (state, autosave) = (state.clone(), autosave.clone());
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                match crate::ui::autosave::load().await {
                    Ok(Some(text)) => match crate::package::read_package(&text) {
                        Ok(package) => {
                            state.dispatch(Action::Restore {
                                package: Box::new(package),
                                route: crate::ui::location_route(),
                            });
                            autosave.set(Autosave::On);
                        }
                        Err(error) => autosave.set(Autosave::Unreadable(Rc::new((text, error)))),
                    },
                    Ok(None) => autosave.set(Autosave::On),
                    Err(_) => autosave.set(Autosave::Off),
                }
            });
        });
    }
    {
        let autosave = autosave.clone();
        let work = (
            Rc::as_ptr(&state.loaded) as usize,
            Rc::as_ptr(&state.scenarios) as usize,
            Rc::as_ptr(&state.notes) as usize,
            state.mapping.clone(),
            state.basis.clone(),
            matches!(*autosave, Autosave::On),
        );
        // Written a moment after the last change, so that typing and clicking never wait
        // for the serialisation; a newer change supersedes a write not yet made.
        let generation = use_mut_ref(|| 0u32);
        let state = state.clone();
        use_effect_with(work, move |(_, _, _, _, _, on)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            if *on {
                crate::ui::after(AUTOSAVE_DELAY_MS, move || {
                    if *generation.borrow() != mine {
                        return;
                    }
                    let text = (!state.is_only_the_sample())
                        .then(|| crate::package::write_package(&state.autosaved()));
                    wasm_bindgen_futures::spawn_local(async move {
                        let current = move || *generation.borrow() == mine;
                        if crate::ui::autosave::write(text, current).await.is_err() {
                            autosave.set(Autosave::Off);
                        }
                    });
                });
            }
        });
    }
    let on_forget = {
        let (state, autosave) = (state.clone(), autosave.clone());
        Callback::from(move |_: MouseEvent| {
            crate::ui::storage::forget();
            let autosave = autosave.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if crate::ui::autosave::clear().await.is_ok() {
                    autosave.set(Autosave::On);
                }
            });
            state.dispatch(Action::Forget);
        })
    };
    let autosave_note = match &*autosave {
        Autosave::Off => {
            html! { <p role="status" class="storage-note" id="autosave-off">{ crate::i18n::pick(lang,
            "Automaattinen tallennus ei ole käytössä tässä selaimessa (esimerkiksi yksityinen ikkuna tai tallennustila täynnä): tallenna työtila tiedostoon, jotta se säilyy.",
            "Automatisk sparning är inte i bruk i denna webbläsare (till exempel ett privat fönster eller fullt lagringsutrymme): spara arbetsytan i en fil så att den bevaras.",
            "Autosave is off in this browser (a private window, or the storage is full): save the workspace to a file to keep it.") }</p> }
        }
        Autosave::Unreadable(kept) => {
            let (text, error) = (kept.0.clone(), kept.1.message(lang, "raami-tyotila.raami"));
            let on_download = Callback::from(move |_: MouseEvent| {
                crate::ui::io::download("raami-lukukelvoton.raami", &text, "application/json");
            });
            html! { <div role="alert" class="storage-note" id="autosave-unreadable">
                <p>{ format!("{} {error}", crate::i18n::pick(lang,
                    "Tälle laitteelle tallennettua työtilaa ei voitu lukea, joten avattiin esimerkkiaineisto:",
                    "Arbetsytan som sparats på denna enhet kunde inte läsas, så exempeldata öppnades:",
                    "The workspace kept on this machine could not be read, so the sample opened:")) }</p>
                <button type="button" class="button" id="autosave-download" onclick={on_download}>{ crate::i18n::pick(lang,
                    "Lataa lukukelvoton kopio", "Ladda ner den oläsbara kopian", "Download the unreadable copy") }</button>
            </div> }
        }
        _ => html! {},
    };

    // The view state lives in the URL fragment: every change is a history entry, and back,
    // forward or an edited link move the app.
    let route = state.route();
    use_effect_with(route.clone(), crate::ui::show_route);
    let on_breakdown = {
        let state = state.clone();
        Callback::from(move |(line, column): (Line, String)| {
            state.dispatch(Action::SetBreakdown { line, column })
        })
    };
    let on_drill = {
        let state = state.clone();
        Callback::from(move |(line, column): (Line, String)| {
            state.dispatch(Action::OpenBreakdown { line, column })
        })
    };
    let on_column = {
        let state = state.clone();
        Callback::from(move |column: String| state.dispatch(Action::SetColumn(column)))
    };
    let on_line = {
        let state = state.clone();
        Callback::from(move |line: Line| state.dispatch(Action::SetLine(line)))
    };
    let on_order = {
        let state = state.clone();
        Callback::from(move |order| state.dispatch(Action::SetOrder(order)))
    };
    let on_measure = {
        let state = state.clone();
        Callback::from(move |measure| state.dispatch(Action::SetMeasure(measure)))
    };
    let on_series = {
        let state = state.clone();
        Callback::from(move |series: Series| state.dispatch(Action::ToggleSeries(series)))
    };
    // One dispatcher for the components that act on the session directly.
    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    // Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) undo and redo scenario edits, except while typing in
    // a field, where they are the field's own.
    {
        let on_action = on_action.clone();
        crate::ui::use_window_keys(Callback::from(move |e: web_sys::KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) || crate::ui::typing_in_field(&e) {
                return;
            }
            let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                ("z", false) => Action::Undo,
                ("z", true) | ("y", _) => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        }));
    }
    let on_view = |view: View| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetView(view)))
    };

    // The import worker, started with the page; dropping it terminates it.
    let job = use_mut_ref(|| None::<ImportWorker>);
    {
        let job = job.clone();
        use_effect_with((), move |()| {
            *job.borrow_mut() = ImportWorker::spawn().ok();
        });
    }

    // Sends files to the import worker with a mapping; files refused before reading join
    // the result, and the bytes are kept in the summary to be read again after mapping.
    let start_bytes = {
        let (state, job) = (state.clone(), job.clone());
        Callback::from(
            move |ImportRequest {
                      sources,
                      refused,
                      mapping,
                      sheet,
                      again,
                  }: ImportRequest| {
                if sources.is_empty() {
                    state.dispatch(Action::Read(Pending {
                        files: refused,
                        sources,
                    }));
                    return;
                }
                state.dispatch(if again {
                    Action::StartReadingAgain
                } else {
                    Action::StartReading
                });
                let on_progress = {
                    let state = state.clone();
                    Callback::from(move |done| state.dispatch(Action::Progress(done)))
                };
                let files: Vec<(String, Vec<u8>)> = sources
                    .iter()
                    .map(|(name, bytes)| (name.clone(), bytes.as_ref().clone()))
                    .collect();
                let kept = RefCell::new(Some((refused, sources)));
                let on_done = {
                    let state = state.clone();
                    Callback::from(move |mut pending: Pending| {
                        let (mut refused, sources) = kept.borrow_mut().take().unwrap_or_default();
                        pending.files.append(&mut refused);
                        if again {
                            state.dispatch(Action::ReadAgain(pending));
                        } else {
                            pending.sources = sources;
                            state.dispatch(Action::ReadDone(pending));
                        }
                    })
                };
                let mut slot = job.borrow_mut();
                match ImportWorker::in_slot(&mut slot) {
                    Some(worker) => {
                        worker.run(files, &Options { sheet, mapping }, on_progress, on_done)
                    }
                    None => {
                        let failed = ReadFile {
                            name: "Raami".to_string(),
                            outcome: Err(ImportError::Malformed {
                                place: Place::file("Raami"),
                                reason: "Web Worker".to_string(),
                            }),
                        };
                        state.dispatch(Action::Read(Pending {
                            files: vec![failed],
                            sources: Vec::new(),
                        }));
                    }
                }
            },
        )
    };
    // A link with data (in the address the page opened with, or pasted into it later) is
    // read like a file: what it holds is shown, and the user chooses to open it beside,
    // instead of what is loaded, or not at all.
    let open_link = {
        let (start_bytes, mapping) = (start_bytes.clone(), state.mapping.clone());
        Callback::from(move |link: String| {
            start_bytes.emit(ImportRequest {
                sources: vec![(
                    crate::i18n::pick(lang, "linkki", "länk", "link").to_string(),
                    Rc::new(link.into_bytes()),
                )],
                refused: Vec::new(),
                mapping: (*mapping).clone(),
                sheet: None,
                again: false,
            })
        })
    };
    {
        let open_link = open_link.clone();
        use_effect_with((), move |()| {
            if let Some(link) = opened_link.borrow_mut().take() {
                open_link.emit(link);
            }
        });
    }
    {
        let state = state.clone();
        crate::ui::use_window_events(
            &["popstate", "hashchange"],
            Callback::from(move |()| {
                if let Some(link) = crate::ui::take_data_link() {
                    open_link.emit(link);
                } else if let Some(route) = crate::ui::location_route() {
                    state.dispatch(Action::Navigate(route));
                }
            }),
        );
    }
    // One import at a time: files dropped while one is read wait for the user to drop them again.
    let busy = state.import.reading.is_some();
    let on_files = {
        let (start_bytes, mapping) = (start_bytes.clone(), state.mapping.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            if files.is_empty() || busy {
                return;
            }
            let (start_bytes, mapping) = (start_bytes.clone(), (*mapping).clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_bytes(files).await;
                let sources = read
                    .bytes
                    .into_iter()
                    .map(|(name, bytes)| (name, Rc::new(bytes)))
                    .collect();
                start_bytes.emit(ImportRequest {
                    sources,
                    refused: read.refused,
                    mapping,
                    sheet: None,
                    again: false,
                });
            });
        })
    };
    let on_text = {
        let (start_bytes, mapping) = (start_bytes.clone(), state.mapping.clone());
        Callback::from(move |(name, text): (String, String)| {
            if busy {
                return;
            }
            start_bytes.emit(ImportRequest {
                sources: vec![(name, Rc::new(text.into_bytes()))],
                refused: Vec::new(),
                mapping: (*mapping).clone(),
                sheet: None,
                again: false,
            })
        })
    };
    // The user mapped a header or a label: remember it, and read the summary's files again.
    let on_map = {
        let (state, start_bytes) = (state.clone(), start_bytes.clone());
        Callback::from(move |mapping: Mapping| {
            let sources = state
                .import
                .pending
                .as_ref()
                .map(|p| p.sources.clone())
                .unwrap_or_default();
            state.dispatch(Action::SetMapping(mapping.clone()));
            if !sources.is_empty() {
                start_bytes.emit(ImportRequest {
                    sources,
                    refused: Vec::new(),
                    mapping,
                    sheet: None,
                    again: false,
                });
            }
        })
    };
    // The user chose another sheet of a workbook: that file alone is read again.
    let on_sheet = {
        let (state, start_bytes) = (state.clone(), start_bytes.clone());
        Callback::from(move |(file, sheet): (String, String)| {
            let sources = state
                .import
                .pending
                .as_ref()
                .map(|p| p.source(&file))
                .unwrap_or_default();
            if !sources.is_empty() {
                start_bytes.emit(ImportRequest {
                    sources,
                    refused: Vec::new(),
                    mapping: (*state.mapping).clone(),
                    sheet: Some(sheet),
                    again: true,
                });
            }
        })
    };
    let on_rename = {
        let state = state.clone();
        Callback::from(move |(file, dataset, name): (usize, usize, String)| {
            state.dispatch(Action::RenamePending {
                file,
                dataset,
                name,
            });
        })
    };
    let on_stop = {
        let (state, job) = (state.clone(), job.clone());
        Callback::from(move |()| {
            // Terminating the worker drops what it was reading; a fresh one takes its place.
            let fresh = ImportWorker::spawn().ok();
            *job.borrow_mut() = fresh;
            state.dispatch(Action::Cancel);
        })
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
    // On a phone the organisation tree is a drawer, closed at first and once a node is
    // picked, so that the node's figures come first; on wider screens it stays open.
    let (tree_open, on_tree_toggle) = crate::ui::use_drawer();
    let on_tree_select = {
        let (on_select, tree_open) = (on_select.clone(), tree_open.clone());
        Callback::from(move |choice: (usize, String)| {
            if crate::ui::narrow_screen() {
                tree_open.set(false);
            }
            on_select.emit(choice);
        })
    };
    let on_view_select = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(view) = View::ALL.into_iter().find(|v| v.slug() == select.value()) {
                state.dispatch(Action::SetView(view));
            }
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
        let (dragging, on_files) = (dragging.clone(), on_files.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            on_files.emit(file_list(e.data_transfer().and_then(|d| d.files())));
        })
    };

    // The scenario shown laid over the loaded figures: what every view shows, with what each
    // edit did for the panel.
    let plain = state.current().map(|l| l.dataset.clone());
    let scenario = state.scenario().cloned();
    let applied = use_memo(
        (plain.clone(), scenario.clone()),
        |(plain, scenario)| match (plain, scenario) {
            (Some(dataset), Some(scenario)) => {
                let applied = apply_scenario(dataset, scenario);
                let report = Rc::new(crate::analysis::validate::validate(&applied.dataset));
                Some((Rc::new(applied.dataset), Rc::new(applied.outcomes), report))
            }
            _ => None,
        },
    );
    let with_scenario = applied
        .as_ref()
        .as_ref()
        .map(|(dataset, _, _)| dataset.clone())
        .or(plain.clone());
    // The validation of what is shown: the scenario's figures are checked like a document's.
    let checked = |loaded: &Loaded| match applied.as_ref() {
        Some((dataset, _, report)) => (dataset.clone(), report.clone()),
        None => (loaded.dataset.clone(), loaded.report.clone()),
    };
    // The figures on the chosen basis (per resident, fixed prices): a dataset like any other;
    // with a scenario shown, the base on the same basis, for the changed figures' marks.
    let shown = use_memo(
        (
            with_scenario,
            plain.clone(),
            scenario.is_some(),
            state.basis.clone(),
        ),
        |(figures, plain, scenario_shown, basis)| {
            figures.as_ref().map(|dataset| {
                let (scaled, missing) = apply_basis(dataset, basis);
                let base = match (scenario_shown, plain) {
                    (true, Some(plain)) => Some(Rc::new(apply_basis(plain, basis).0)),
                    _ => None,
                };
                (Rc::new(scaled), Rc::new(missing), base)
            })
        },
    );
    let unit: AttrValue = unit_label(&state.basis, lang).into();
    let on_basis = {
        let state = state.clone();
        Callback::from(move |basis: Basis| state.dispatch(Action::SetBasis(basis)))
    };
    let basis_editor = match (state.current(), shown.as_ref()) {
        (Some(loaded), Some((_, missing, _))) => html! {
            <BasisEditor lang={lang} dataset={loaded.dataset.clone()} basis={state.basis.clone()} missing={missing.clone()} on_change={on_basis} />
        },
        _ => html! {},
    };
    // The figures the views show: on the chosen basis, else as loaded.
    let scaled = shown.as_ref().as_ref().map(|(d, _, _)| d.clone());
    let scaled_base = shown
        .as_ref()
        .as_ref()
        .and_then(|(_, _, base)| base.clone());
    let figures_of = |loaded: &Loaded| scaled.clone().unwrap_or_else(|| loaded.dataset.clone());
    // A printed view says where it came from: the link that opens it again.
    let printed_link = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            format!(
                "{}{}",
                href.split('#').next().unwrap_or_default(),
                route.to_fragment()
            )
        })
        .unwrap_or_default();
    // An export names the link that opens its view again.
    let about = {
        let (state, link) = (state.clone(), printed_link.clone());
        Callback::from(move |()| state.export_about(&link))
    };
    // Workbooks are made in the worker (the page carries no XLSX writer), then downloaded.
    let export_failed = use_state(|| None::<String>);
    let on_workbook = {
        let (job, export_failed) = (job.clone(), export_failed.clone());
        Callback::from(
            move |(request, name): (crate::protocol::WorkbookRequest, String)| {
                let mut slot = job.borrow_mut();
                let export_failed = export_failed.clone();
                let done = Callback::from(move |made: Result<Vec<u8>, String>| match made {
                    Ok(bytes) => {
                        export_failed.set(None);
                        crate::ui::io::download_bytes(
                            &name,
                            &bytes,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        );
                    }
                    Err(reason) => export_failed.set(Some(reason)),
                });
                match ImportWorker::in_slot(&mut slot) {
                    Some(worker) => worker.workbook(request, done),
                    None => done.emit(Err("Web Worker".to_string())),
                }
            },
        )
    };
    let export_note = match &*export_failed {
        Some(reason) => {
            html! { <p role="alert" class="storage-note" id="export-failed">{ format!("{} ({reason})", crate::i18n::pick(lang,
            "Excel-työkirjaa ei voitu tehdä; lataa taulukko CSV-tiedostona.",
            "Excel-arbetsboken kunde inte göras; ladda ner tabellen som CSV.",
            "The Excel workbook could not be made; download the table as CSV.")) }</p> }
        }
        None => html! {},
    };
    // The user's notes on what is shown, and the lines of the statement that have one.
    let notes_here: Rc<Vec<(crate::notes::NoteOn, String, String)>> = Rc::new(
        state
            .notes_shown()
            .into_iter()
            .map(|note| {
                (
                    note.on.clone(),
                    state.describe_note(&note.on),
                    note.text.clone(),
                )
            })
            .collect(),
    );
    let noted_lines: Rc<std::collections::BTreeMap<Line, String>> = Rc::new(
        notes_here
            .iter()
            .filter_map(|(on, _, text)| match on {
                crate::notes::NoteOn::Line { line, .. } => Some((*line, text.clone())),
                _ => None,
            })
            .collect(),
    );
    let user_notes = match state.current() {
        Some(loaded) => {
            let dataset = &loaded.dataset;
            let figures = dataset.figures.get(&selection.node);
            let lines: Vec<Line> = Line::all()
                .filter(|line| figures.is_some_and(|f| f.contains_key(line)))
                .collect();
            let node_name = dataset
                .node(&selection.node)
                .map_or(selection.node.clone(), |n| n.name.clone());
            html! {
                <UserNotes lang={lang} notes={notes_here.clone()} dataset={dataset.id.clone()} node={selection.node.clone()}
                    node_name={node_name} lines={Rc::new(lines)} scenario={state.scenario().map(|s| s.name.clone())} on_action={on_action.clone()} />
            }
        }
        None => html! {},
    };
    let views = match state.current() {
        Some(loaded) if selection.view == View::Compare => html! {
            <CompareView lang={lang} dataset={loaded.dataset.clone()} scenarios={state.scenarios.clone()} node={selection.node.clone()}
                column={selection.column.clone()} population={Rc::new(state.basis.population.clone())} on_column={on_column.clone()}
                about={about.clone()} on_workbook={on_workbook.clone()} />
        },
        Some(loaded) if selection.view == View::Across => html! {
            <AcrossView unit={unit.clone()} dataset={figures_of(loaded)} dataset_index={selection.dataset} line={selection.line}
                measure={selection.measure} lang={lang} on_line={on_line} on_measure={on_measure} on_select={on_select.clone()} base={scaled_base.clone()}
                about={about.clone()} on_workbook={on_workbook.clone()} />
        },
        Some(loaded) if selection.view == View::Goals => html! {
            <GoalsView unit={unit.clone()} dataset={figures_of(loaded)} dataset_index={selection.dataset} node={selection.node.clone()} lang={lang} on_select={on_select.clone()}
                about={about.clone()} on_workbook={on_workbook.clone()} />
        },
        Some(loaded) if selection.view == View::Breakdown => html! {
            <BreakdownView unit={unit.clone()} dataset={figures_of(loaded)} dataset_index={selection.dataset} node={selection.node.clone()} lang={lang}
                line={selection.line} column={selection.column.clone()} compare={selection.change.as_ref().map(|c| c.0.clone())}
                on_choose={on_breakdown} on_select={on_select.clone()} order={selection.order} on_order={on_order.clone()}
                hidden={selection.hidden_units.clone()} on_series={on_series.clone()} base={scaled_base.clone()}
                about={about.clone()} on_workbook={on_workbook.clone()} />
        },
        Some(loaded) if selection.view == View::FollowUp => html! {
            <>
                <FollowUpView unit={unit.clone()} dataset={figures_of(loaded)} node={selection.node.clone()} lang={lang} on_drill={on_drill.clone()} order={selection.order} on_order={on_order.clone()} base={scaled_base.clone()}
                    about={about.clone()} on_workbook={on_workbook.clone()} />
                <ValidationPanel dataset={checked(loaded).0} report={checked(loaded).1} node={selection.node.clone()} lang={lang} />
            </>
        },
        Some(loaded) => html! {
            <>
                <Statement
                    unit={unit.clone()}
                    dataset={figures_of(loaded)}
                    node={selection.node.clone()}
                    lang={lang}
                    change={selection.change.clone()}
                    base={scaled_base.clone()}
                    on_change_pair={on_change_pair}
                    on_drill={on_drill.clone()}
                    line={selection.line}
                    column={selection.column.clone()}
                    hidden={selection.hidden_kinds.clone()}
                    on_series={on_series}
                    on_line={on_line.clone()}
                    on_column={on_column}
                    about={about.clone()}
                    on_workbook={on_workbook.clone()}
                    noted={noted_lines.clone()}
                />
                <Investments unit={unit.clone()} dataset={figures_of(loaded)} node={selection.node.clone()} lang={lang} />
                <ValidationPanel dataset={checked(loaded).0} report={checked(loaded).1} node={selection.node.clone()} lang={lang} />
                <DatasetInfo dataset={loaded.dataset.clone()} lang={lang} />
            </>
        },
        None => html! { <p role="alert">{ state.load_error_message().unwrap_or_default() }</p> },
    };

    // The whole workspace to a file (`.raami`), which opens again like any file: where the
    // browser lets the page write a file the user picks, the next save writes the same file;
    // elsewhere a download.
    let save_file = use_mut_ref(|| None::<crate::ui::io::SaveFile>);
    let saved_in = use_state(|| None::<Result<String, String>>);
    let on_save = {
        let (state, save_file, saved_in) = (state.clone(), save_file.clone(), saved_in.clone());
        Callback::from(move |_: MouseEvent| {
            let text = crate::package::write_package(&state.workspace());
            let (save_file, saved_in) = (save_file.clone(), saved_in.clone());
            let description =
                crate::i18n::pick(lang, "Raami-työtila", "Raami-arbetsyta", "Raami workspace");
            wasm_bindgen_futures::spawn_local(async move {
                let known = save_file.borrow().clone();
                let file = match known {
                    Some(file) => file,
                    None => match crate::ui::io::pick_save_file("raami-tyotila.raami", description)
                        .await
                    {
                        crate::ui::io::Picked::File(file) => file,
                        crate::ui::io::Picked::Cancelled => return,
                        crate::ui::io::Picked::Unavailable => {
                            crate::ui::io::download(
                                "raami-tyotila.raami",
                                &text,
                                "application/json",
                            );
                            return;
                        }
                    },
                };
                match file.write(&text).await {
                    Ok(()) => {
                        saved_in.set(Some(Ok(file.name())));
                        *save_file.borrow_mut() = Some(file);
                    }
                    Err(error) => {
                        // The file cannot be written (moved, no permission): the next save asks again.
                        *save_file.borrow_mut() = None;
                        saved_in.set(Some(Err(error
                            .dyn_ref::<js_sys::Error>()
                            .map(|e| String::from(e.message()))
                            .unwrap_or_default())));
                    }
                }
            });
        })
    };
    let save_status = match &*saved_in {
        Some(Ok(name)) => html! { <p role="status" class="copy-status" id="saved-in">{ match lang {
            Lang::Fi => format!("Työtila tallennettu tiedostoon {name}; seuraava tallennus kirjoittaa saman tiedoston."),
            Lang::Sv => format!("Arbetsytan sparades i filen {name}; nästa sparning skriver samma fil."),
            Lang::En => format!("The workspace was saved in {name}; the next save writes the same file."),
        } }</p> },
        Some(Err(reason)) => {
            html! { <p role="alert" class="storage-note" id="saved-in">{ format!("{} ({reason})", crate::i18n::pick(lang,
            "Työtilaa ei voitu tallentaa tiedostoon; yritä uudelleen, niin Raami kysyy tiedoston.",
            "Arbetsytan kunde inte sparas i filen; försök igen, så frågar Raami efter en fil.",
            "The workspace could not be saved in the file; try again and Raami asks for a file.")) }</p> }
        }
        None => html! {},
    };
    let payload = {
        let state = state.clone();
        Callback::from(move |()| crate::share::payload(&state.workspace()))
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
                    <details class="org-drawer" id="org-drawer" open={*tree_open} ontoggle={on_tree_toggle}>
                        <summary>{ format!("{}: {}", t(lang, Msg::Organisation), state.current().and_then(|l| l.dataset.node(&selection.node)).map_or(String::new(), |n| n.name.clone())) }</summary>
                        <OrgTree loaded={state.loaded.clone()} dataset={selection.dataset} node={selection.node.clone()} lang={lang} on_select={on_tree_select} />
                    </details>
                </nav>
                <main id="main" class="content" tabindex="-1">
                    <ImportBar lang={lang} reading={state.import.reading} on_files={on_files} on_text={on_text} on_cancel={on_stop} />
                    { match &state.missing_dataset {
                        Some(link) => html! { <p role="alert" class="storage-note" id="missing-dataset">{ match lang {
                            Lang::Fi => format!("Linkki näyttää aineistoa ”{}”, jota ei ole avattu tällä laitteella: avaa tiedosto tai työtila, jossa se on (yllä), niin linkin näkymä avautuu. Sillä välin näytetään {}.", link.dataset, state.current().map_or(String::new(), |l| l.dataset.name.clone())),
                            Lang::Sv => format!("Länken visar materialet ”{}”, som inte har öppnats på denna enhet: öppna filen eller arbetsytan där det finns (ovan), så öppnas länkens vy. Under tiden visas {}.", link.dataset, state.current().map_or(String::new(), |l| l.dataset.name.clone())),
                            Lang::En => format!("The link shows the data ”{}”, which has not been opened on this device: open the file or workspace that holds it (above) and the link's view opens. Meanwhile {} is shown.", link.dataset, state.current().map_or(String::new(), |l| l.dataset.name.clone())),
                        } }</p> },
                        None => html! {},
                    } }
                    { match &state.import.pending {
                        Some(pending) => html! { <ImportSummary lang={lang} pending={pending.clone()} mapping={state.mapping.clone()} on_map={on_map} on_sheet={on_sheet} on_rename={on_rename} on_accept={on_accept} on_cancel={on_cancel} /> },
                        None => html! {},
                    } }
                    <nav class="view-switch" aria-label={t(lang, Msg::ViewsLabel)}>
                        { for View::ALL.into_iter().map(|view| {
                            html! {
                                <button type="button" class="button" id={format!("view-{}", view.slug())}
                                    aria-pressed={(selection.view == view).to_string()} onclick={on_view(view)}>{ view_label(view, lang) }</button>
                            }
                        }) }
                        // On a phone the six views are one choice.
                        <label class="field view-select">
                            <span>{ t(lang, Msg::ViewsLabel) }</span>
                            <select id="view-select" onchange={on_view_select}>
                                { for View::ALL.into_iter().map(|view| html! {
                                    <option value={view.slug()} selected={selection.view == view}>{ view_label(view, lang) }</option>
                                }) }
                            </select>
                        </label>
                    </nav>
                    <ShareBar lang={lang} page_link={AttrValue::from(printed_link.clone())} payload={payload} on_save={on_save} />
                    { save_status }
                    { match (state.scenario(), state.current()) {
                        (Some(scenario), Some(_)) => html! {
                            <ScenarioBanner lang={lang} name={scenario.name.clone()} edits={scenario.edits.len()}
                                not_applied={applied.as_ref().as_ref().map_or(0, |(_, o, _)| o.iter().filter(|o| o.is_err()).count())}
                                on_action={on_action.clone()} />
                        },
                        _ => html! {},
                    } }
                    { basis_editor }
                    { match state.current() {
                        Some(loaded) => html! {
                            <ScenarioPanel lang={lang} dataset={loaded.dataset.clone()} node={selection.node.clone()}
                                scenarios={state.scenarios.clone()} shown={selection.scenario}
                                outcomes={applied.as_ref().as_ref().map(|(_, o, _)| o.clone())}
                                can_undo={state.can_undo()} can_redo={state.can_redo()} on_action={on_action.clone()} />
                        },
                        None => html! {},
                    } }
                    { export_note }
                    <p class="print-only">{ format!("{} {printed_link}", t(lang, Msg::PrintedFrom)) }</p>
                    { views }
                    { user_notes }
                </main>
            </div>
            <footer class="app-footer">
                <p>{ t(lang, Msg::PrivacyNote) }</p>
                { autosave_note }
                <button type="button" class="button" id="forget-device" onclick={on_forget}>{ crate::i18n::pick(lang,
                    "Tyhjennä tiedot tältä laitteelta", "Töm uppgifterna från denna enhet", "Clear the data from this device") }</button>
                { if *unsaved { html! { <p role="status" class="storage-note">{ t(lang, Msg::NotSaved) }</p> } } else { html! {} } }
            </footer>
        </div>
    }
}
