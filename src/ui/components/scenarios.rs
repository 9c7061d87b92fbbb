//! The what-if panel: the scenarios of this visit (new, rename, duplicate, delete, show one
//! or the base), the form that adds an edit, the shown scenario's edits as numbered
//! sentences with their effect (each removable), undo and redo, and the summary to copy.
//! Every change is a session action; the sentences and figures come from the core.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::table::node_columns;
use crate::i18n::{Lang, pick};
use crate::model::{Dataset, Line};
use crate::numfmt::parse_fi_number;
use crate::scenario::summary::sentences;
use crate::scenario::{Change, Columns, Edit, NotApplied, Outcome, Scenario, Target, lines_of};
use crate::session::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The loaded figures (the scenario's base).
    pub dataset: Rc<Dataset>,
    /// The selected node: the edit form's node.
    pub node: String,
    pub scenarios: Rc<Vec<Scenario>>,
    pub shown: Option<usize>,
    /// What each edit of the shown scenario did.
    pub outcomes: Option<Rc<Vec<Result<Outcome, NotApplied>>>>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_action: Callback<Action>,
}

/// How the value of an edit is meant.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Percent,
    Euros,
    Set,
}

fn value_of(e: &Event) -> String {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    input.value()
}

fn select_value(e: &Event) -> String {
    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
    select.value()
}

fn checked(e: &Event) -> bool {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    input.checked()
}

/// A name for a new scenario that no scenario has: "Skenaario 2".
fn fresh_name(scenarios: &[Scenario], lang: Lang) -> String {
    let word = pick(lang, "Skenaario", "Scenario", "Scenario");
    (1..)
        .map(|n: usize| format!("{word} {n}"))
        .find(|name| scenarios.iter().all(|s| &s.name != name))
        .unwrap_or_else(|| word.to_string())
}

#[component]
pub fn ScenarioPanel(props: &Props) -> Html {
    let lang = props.lang;
    let dataset = &props.dataset;
    let act = |action: fn(&Props) -> Option<Action>| {
        let on_action = props.on_action.clone();
        let action = action(props);
        Callback::from(move |_: MouseEvent| {
            if let Some(action) = action.clone() {
                on_action.emit(action);
            }
        })
    };

    // The edit form's fields, kept while the user fills them in.
    let all_units = use_state(|| false);
    let line = use_state(|| None::<Line>);
    let column = use_state(|| None::<String>);
    let later = use_state(|| false);
    let kind = use_state(|| Kind::Percent);
    let amount = use_state(String::new);
    let problem = use_state(|| None::<&'static str>);

    let lines = lines_of(dataset, &props.node);
    let columns = node_columns(dataset, &props.node);
    let chosen_line = (*line)
        .filter(|l| lines.contains(l))
        .or_else(|| lines.iter().copied().find(|l| *l == Line::Henkilostokulut))
        .or_else(|| lines.first().copied());
    let chosen_column = (*column)
        .clone()
        .filter(|c| columns.iter().any(|k| &k.id == c))
        .or_else(|| columns.last().map(|c| c.id.clone()));

    let on_add = {
        let (on_action, amount, problem) =
            (props.on_action.clone(), amount.clone(), problem.clone());
        let (all_units, later, kind) = (*all_units, *later, *kind);
        let (node, line, column) = (props.node.clone(), chosen_line, chosen_column.clone());
        let name = fresh_name(&props.scenarios, lang);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(line), Some(column)) = (line, column.clone()) else {
                problem.set(Some(pick(
                    lang,
                    "Valitse rivi ja sarake.",
                    "Välj rad och kolumn.",
                    "Choose a line and a column.",
                )));
                return;
            };
            let value = match parse_fi_number(&amount) {
                Ok(Some(value)) => value,
                _ => {
                    problem.set(Some(pick(
                        lang,
                        "Anna muutos lukuna, esimerkiksi 3, −2,5 tai −150 000.",
                        "Ange ändringen som ett tal, till exempel 3, −2,5 eller −150 000.",
                        "Give the change as a number, for example 3, −2.5 or −150 000.",
                    )));
                    return;
                }
            };
            problem.set(None);
            amount.set(String::new());
            let change = match kind {
                Kind::Percent => Change::Percent(value),
                Kind::Euros => Change::Euros(value),
                Kind::Set => Change::Set(value),
            };
            let edit = Edit::Line {
                target: if all_units {
                    Target::UnitsUnder(node.clone())
                } else {
                    Target::Node(node.clone())
                },
                line,
                columns: if later {
                    Columns::FromOn(column)
                } else {
                    Columns::One(column)
                },
                change,
            };
            on_action.emit(Action::AddEdit {
                edit,
                name: name.clone(),
            });
        })
    };

    let shown = props.shown.and_then(|i| props.scenarios.get(i));
    let told: Vec<String> = match (shown, props.outcomes.as_ref()) {
        (Some(scenario), Some(outcomes)) => sentences(dataset, &scenario.edits, outcomes, lang),
        _ => Vec::new(),
    };
    let summary_text = match shown {
        Some(scenario) => format!("{}\n{}", scenario.name, told.join("\n")),
        None => String::new(),
    };
    let copied = use_state(|| None::<bool>);
    let on_copy = {
        let (copied, text) = (copied.clone(), summary_text.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            crate::ui::copy_text(text.clone(), Callback::from(move |ok| copied.set(Some(ok))));
        })
    };

    let on_pick = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::ShowScenario(select_value(&e).parse().ok()));
        })
    };
    let on_rename = {
        let (on_action, index) = (props.on_action.clone(), props.shown);
        Callback::from(move |e: Event| {
            if let Some(index) = index {
                on_action.emit(Action::RenameScenario {
                    index,
                    name: value_of(&e),
                });
            }
        })
    };
    let node_name = dataset
        .node(&props.node)
        .map_or_else(|| props.node.clone(), |n| n.name.clone());

    html! {
        <details class="scenarios" open={!props.scenarios.is_empty()}>
            <summary id="scenarios-heading"><h2>{ pick(lang, "Mitä jos: skenaariot", "Tänk om: scenarier", "What if: scenarios") }</h2></summary>
            <div class="controls scenario-controls">
                <label class="field" for="scenario-pick">
                    <span>{ pick(lang, "Näytettävä", "Visas", "Shown") }</span>
                    <select id="scenario-pick" onchange={on_pick}>
                        <option value="" selected={props.shown.is_none()}>{ pick(lang, "Perustiedot (ladatut luvut)", "Grunddata (inlästa siffror)", "Base (the loaded figures)") }</option>
                        { for props.scenarios.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={props.shown == Some(i)}>{ format!("{} ({})", s.name, s.edits.len()) }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="button" id="scenario-new" onclick={act(|p| Some(Action::NewScenario { name: fresh_name(&p.scenarios, p.lang) }))}>
                    { pick(lang, "Uusi skenaario", "Nytt scenario", "New scenario") }</button>
                { if let Some(scenario) = shown { html! {
                    <>
                        <label class="field" for="scenario-name">
                            <span>{ pick(lang, "Nimi", "Namn", "Name") }</span>
                            <input type="text" id="scenario-name" value={scenario.name.clone()} onchange={on_rename} />
                        </label>
                        <button type="button" class="button" id="scenario-duplicate" onclick={act(|p| p.shown.map(|index| {
                            let name = p.scenarios.get(index).map(|s| format!("{} ({})", s.name, pick(p.lang, "kopio", "kopia", "copy"))).unwrap_or_default();
                            Action::DuplicateScenario { index, name }
                        }))}>{ pick(lang, "Kopioi", "Kopiera", "Duplicate") }</button>
                        <button type="button" class="button" id="scenario-delete" onclick={act(|p| p.shown.map(Action::DeleteScenario))}>
                            { pick(lang, "Poista skenaario", "Ta bort scenariot", "Delete scenario") }</button>
                    </>
                } } else { html! {} } }
                <button type="button" class="button" id="scenario-undo" disabled={!props.can_undo} onclick={act(|_| Some(Action::Undo))}
                    aria-keyshortcuts="Control+Z">{ pick(lang, "Kumoa", "Ångra", "Undo") }</button>
                <button type="button" class="button" id="scenario-redo" disabled={!props.can_redo} onclick={act(|_| Some(Action::Redo))}
                    aria-keyshortcuts="Control+Y">{ pick(lang, "Tee uudelleen", "Gör om", "Redo") }</button>
            </div>

            <form class="edit-form" onsubmit={on_add} aria-labelledby="edit-heading">
                <h3 id="edit-heading">{ format!("{}: {node_name}", pick(lang, "Lisää muutos", "Lägg till ändring", "Add an edit")) }</h3>
                <label class="check"><input type="checkbox" id="edit-all-units" checked={*all_units}
                    onchange={{ let s = all_units.clone(); Callback::from(move |e: Event| s.set(checked(&e))) }} />
                    { pick(lang, " kaikkiin alayksiköihin", " i alla underenheter", " in every unit under it") }</label>
                <label class="field" for="edit-line"><span>{ pick(lang, "Rivi", "Rad", "Line") }</span>
                    <select id="edit-line" onchange={{ let s = line.clone(); Callback::from(move |e: Event| s.set(Line::all().find(|l| l.key() == select_value(&e)))) }}>
                        { for lines.iter().map(|l| html! { <option value={l.key()} selected={Some(*l) == chosen_line}>{ l.name(lang) }</option> }) }
                    </select></label>
                <label class="field" for="edit-column"><span>{ pick(lang, "Sarake", "Kolumn", "Column") }</span>
                    <select id="edit-column" onchange={{ let s = column.clone(); Callback::from(move |e: Event| s.set(Some(select_value(&e)))) }}>
                        { for columns.iter().map(|c| html! { <option value={c.id.clone()} selected={Some(&c.id) == chosen_column.as_ref()}>{ c.label(lang) }</option> }) }
                    </select></label>
                <label class="check"><input type="checkbox" id="edit-later" checked={*later}
                    onchange={{ let s = later.clone(); Callback::from(move |e: Event| s.set(checked(&e))) }} />
                    { pick(lang, " ja saman lajin myöhemmät sarakkeet", " och senare kolumner av samma slag", " and later columns of its kind") }</label>
                <label class="field" for="edit-kind"><span>{ pick(lang, "Muutoksen laji", "Typ av ändring", "Kind of change") }</span>
                    <select id="edit-kind" onchange={{ let s = kind.clone(); Callback::from(move |e: Event| s.set(match select_value(&e).as_str() {
                        "euro" => Kind::Euros, "summa" => Kind::Set, _ => Kind::Percent })) }}>
                        <option value="prosentti" selected={*kind == Kind::Percent}>{ pick(lang, "prosenttia (+ enemmän, − vähemmän)", "procent (+ mer, − mindre)", "per cent (+ more, − less)") }</option>
                        <option value="euro" selected={*kind == Kind::Euros}>{ pick(lang, "euroa (+ enemmän, − vähemmän)", "euro (+ mer, − mindre)", "euros (+ more, − less)") }</option>
                        <option value="summa" selected={*kind == Kind::Set}>{ pick(lang, "uusi summa, euroa", "nytt belopp, euro", "new amount, euros") }</option>
                    </select></label>
                <label class="field" for="edit-value"><span>{ pick(lang, "Muutos", "Ändring", "Change") }</span>
                    <input type="text" inputmode="decimal" id="edit-value" value={(*amount).clone()}
                        aria-describedby="edit-sign-note"
                        oninput={{ let s = amount.clone(); Callback::from(move |e: InputEvent| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            s.set(input.value());
                        }) }} /></label>
                <p id="edit-sign-note" class="note">{ pick(lang,
                    "Menorivillä + tarkoittaa enemmän menoja, tulorivillä enemmän tuloja.",
                    "På en kostnadsrad betyder + mer kostnader, på en intäktsrad mer intäkter.",
                    "On an expense line + means more spending, on a revenue line more revenue.") }</p>
                <button type="submit" class="button" id="edit-add">{ pick(lang, "Lisää muutos", "Lägg till ändring", "Add edit") }</button>
                { match *problem { Some(text) => html! { <p role="alert" class="problem">{ text }</p> }, None => html! {} } }
            </form>

            { if let Some(scenario) = shown { html! {
                <div class="scenario-edits">
                    <h3 id="edits-heading">{ format!("{}: {}", scenario.name, pick(lang, "muutokset", "ändringar", "edits")) }</h3>
                    { if told.is_empty() { html! { <p>{ pick(lang, "Ei vielä muutoksia.", "Inga ändringar ännu.", "No edits yet.") }</p> } } else { html! {
                        <ol class="edit-list" aria-labelledby="edits-heading">
                            { for told.iter().enumerate().map(|(i, sentence)| {
                                let on_action = props.on_action.clone();
                                let number = i.saturating_add(1);
                                // The sentence starts with its number; the list numbers it.
                                let text = sentence.split_once(". ").map_or(sentence.as_str(), |(_, rest)| rest).to_string();
                                html! {
                                    <li>
                                        <span class="edit-text">{ text }</span>
                                        <button type="button" class="button remove-edit" id={format!("remove-edit-{number}")}
                                            aria-label={format!("{} {number}", pick(lang, "Poista muutos", "Ta bort ändring", "Remove edit"))}
                                            onclick={Callback::from(move |_: MouseEvent| on_action.emit(Action::RemoveEdit(i)))}>{ "×" }</button>
                                    </li>
                                }
                            }) }
                        </ol>
                    } } }
                    <button type="button" class="button" id="copy-summary" onclick={on_copy}>{ pick(lang, "Kopioi yhteenveto", "Kopiera sammandraget", "Copy the summary") }</button>
                    <span class="copy-status" role="status">{ match *copied {
                        Some(true) => pick(lang, "Yhteenveto kopioitu.", "Sammandraget kopierat.", "Summary copied."),
                        Some(false) => pick(lang, "Kopiointi ei onnistunut: valitse teksti ja kopioi se.", "Kopieringen misslyckades: markera texten och kopiera den.", "Copying failed: select the text and copy it."),
                        None => "",
                    } }</span>
                    <pre class="scenario-summary" id="scenario-summary">{ summary_text }</pre>
                </div>
            } } else { html! {} } }
        </details>
    }
}

/// The banner every view shows while a scenario is: its name, how many edits, and the way
/// back to the base.
#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub lang: Lang,
    pub name: String,
    pub edits: usize,
    pub not_applied: usize,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ScenarioBanner(props: &BannerProps) -> Html {
    let lang = props.lang;
    let on_base = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowScenario(None)))
    };
    let count = match (lang, props.edits) {
        (Lang::Fi, 1) => "1 muutos".to_string(),
        (Lang::Fi, n) => format!("{n} muutosta"),
        (Lang::Sv, 1) => "1 ändring".to_string(),
        (Lang::Sv, n) => format!("{n} ändringar"),
        (Lang::En, 1) => "1 edit".to_string(),
        (Lang::En, n) => format!("{n} edits"),
    };
    let not_applied = match (props.not_applied, lang) {
        (0, _) => String::new(),
        (n, Lang::Fi) => format!(", {n} ei sovellettu"),
        (n, Lang::Sv) => format!(", {n} inte tillämpade"),
        (n, Lang::En) => format!(", {n} not applied"),
    };
    html! {
        <div class="scenario-banner" role="status" id="scenario-banner">
            <span class="mark" aria-hidden="true">{ "◆" }</span>
            <span>
                { pick(lang, "Näytetään skenaario ", "Scenariot visas: ", "Showing the scenario ") }
                <strong>{ props.name.clone() }</strong>
                { format!(" ({count}{not_applied}). ") }
                { pick(lang, "Muutetut luvut on merkitty ◆.", "Ändrade tal är märkta ◆.", "Changed figures are marked ◆.") }
            </span>
            <button type="button" class="button" id="scenario-base" onclick={on_base}>{ pick(lang, "Näytä perustiedot", "Visa grunddata", "Show the base") }</button>
        </div>
    }
}
