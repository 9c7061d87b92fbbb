//! The user's own notes on what is shown: the selected node, its lines and the scenario
//! shown, listed with their places (they print with the view), and a form that writes,
//! changes or removes the note of a place.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, pick};
use crate::model::Line;
use crate::notes::{MAX_NOTE_CHARS, NoteOn};
use crate::session::Action;

#[derive(Properties, PartialEq)]
pub struct NotesProps {
    pub lang: Lang,
    /// The notes concerning what is shown: place, where told by name, and text.
    pub notes: Rc<Vec<(NoteOn, String, String)>>,
    pub dataset: String,
    pub node: String,
    pub node_name: String,
    /// The lines the node has figures for, in the statement's order.
    pub lines: Rc<Vec<Line>>,
    /// The scenario shown, if any.
    pub scenario: Option<String>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn UserNotes(props: &NotesProps) -> Html {
    let lang = props.lang;
    // The places a note can go: the node, each of its lines, the scenario shown.
    let mut places = vec![(
        NoteOn::Node {
            dataset: props.dataset.clone(),
            node: props.node.clone(),
        },
        props.node_name.clone(),
    )];
    places.extend(props.lines.iter().map(|line| {
        (
            NoteOn::Line {
                dataset: props.dataset.clone(),
                node: props.node.clone(),
                line: *line,
            },
            format!("{}: {}", props.node_name, line.name(lang)),
        )
    }));
    if let Some(name) = &props.scenario {
        places.push((
            NoteOn::Scenario { name: name.clone() },
            format!(
                "{}: {name}",
                pick(lang, "Skenaario", "Scenario", "Scenario")
            ),
        ));
    }
    let chosen = use_state(|| 0usize);
    let index = (*chosen).min(places.len().saturating_sub(1));
    let written = |on: &NoteOn| {
        props
            .notes
            .iter()
            .find(|(o, _, _)| o == on)
            .map(|(_, _, text)| text.clone())
            .unwrap_or_default()
    };
    // The text being written, for the place chosen (reset when another place is chosen).
    let draft = use_state(|| None::<(usize, String)>);
    let text = match &*draft {
        Some((at, text)) if *at == index => text.clone(),
        _ => places
            .get(index)
            .map(|(on, _)| written(on))
            .unwrap_or_default(),
    };
    let on_place = {
        let (chosen, draft) = (chosen.clone(), draft.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            chosen.set(select.value().parse().unwrap_or(0));
            draft.set(None);
        })
    };
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            draft.set(Some((index, area.value())));
        })
    };
    let on_save = {
        let (on_action, draft) = (props.on_action.clone(), draft.clone());
        let (place, text) = (places.get(index).map(|(on, _)| on.clone()), text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(on) = place.clone() {
                on_action.emit(Action::SetNote {
                    on,
                    text: text.clone(),
                });
                draft.set(None);
            }
        })
    };
    let remove = |on: &NoteOn| {
        let (on_action, on) = (props.on_action.clone(), on.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::SetNote {
                on: on.clone(),
                text: String::new(),
            })
        })
    };
    let edit = |on: &NoteOn| {
        let (chosen, draft) = (chosen.clone(), draft.clone());
        let at = places.iter().position(|(o, _)| o == on).unwrap_or(0);
        Callback::from(move |_: MouseEvent| {
            chosen.set(at);
            draft.set(None);
        })
    };
    html! {
        <section class="user-notes" aria-labelledby="user-notes-heading">
            <h2 id="user-notes-heading">{ pick(lang, "Omat muistiinpanot", "Egna anteckningar", "Your notes") }</h2>
            { if props.notes.is_empty() { html! {
                <p class="muted">{ pick(lang, "Tähän näkymään ei ole muistiinpanoja.", "Inga anteckningar för denna vy.", "No notes on this view.") }</p>
            } } else { html! {
                <ul class="note-list">
                    { for props.notes.iter().map(|(on, place, note)| html! {
                        <li>
                            <strong>{ format!("{place}: ") }</strong><span class="note-text">{ note.clone() }</span>
                            <span class="note-actions">
                                <button type="button" class="button link-like" onclick={edit(on)}
                                    aria-label={format!("{} {place}", pick(lang, "Muokkaa muistiinpanoa:", "Redigera anteckningen:", "Edit the note:"))}>{ pick(lang, "Muokkaa", "Redigera", "Edit") }</button>
                                <button type="button" class="button link-like" onclick={remove(on)}
                                    aria-label={format!("{} {place}", pick(lang, "Poista muistiinpano:", "Ta bort anteckningen:", "Remove the note:"))}>{ pick(lang, "Poista", "Ta bort", "Remove") }</button>
                            </span>
                        </li>
                    }) }
                </ul>
            } } }
            <form class="note-form" onsubmit={on_save}>
                <label class="field" for="note-place">
                    <span>{ pick(lang, "Kohde", "Plats", "On") }</span>
                    <select id="note-place" onchange={on_place}>
                        { for places.iter().enumerate().map(|(i, (_, label))| html! {
                            <option value={i.to_string()} selected={i == index}>{ label.clone() }</option>
                        }) }
                    </select>
                </label>
                <label class="field note-text-field" for="note-text">
                    <span>{ pick(lang, "Muistiinpano (tyhjä poistaa)", "Anteckning (tom tar bort)", "Note (empty removes it)") }</span>
                    <textarea id="note-text" rows="2" maxlength={MAX_NOTE_CHARS.to_string()} value={text} oninput={on_input}
                        placeholder={pick(lang, "esim. kysy tästä lautakunnassa", "t.ex. fråga om detta i nämnden", "e.g. ask about this in the committee")} />
                </label>
                <button type="submit" class="button" id="note-save">{ pick(lang, "Tallenna muistiinpano", "Spara anteckningen", "Save the note") }</button>
            </form>
        </section>
    }
}
