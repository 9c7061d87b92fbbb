//! The mapping step of an import: every column header and row label a file has that the
//! importers did not recognise, each with a choice of what it means (a year and kind, a
//! derived column, a line of the statement, or "ignore"). A choice applies at once: the
//! files are read again with it, and it is kept on this machine for the next files.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, Msg, t};
use crate::import::mapping::{ColumnTarget, LineTarget, Mapping, TableRole, year_in};
use crate::import::{ImportError, WarningKind};
use crate::model::{ColumnKind, Line};
use crate::session::ReadFile;

const KINDS: [ColumnKind; 6] = [
    ColumnKind::Tp,
    ColumnKind::Ta,
    ColumnKind::TaMuutettu,
    ColumnKind::Toteuma,
    ColumnKind::Ennuste,
    ColumnKind::Ts,
];

/// The headers and labels of a file that were not recognised, each once.
pub fn unknowns(file: &ReadFile) -> (Vec<String>, Vec<String>) {
    let mut headers = Vec::new();
    let mut labels = Vec::new();
    let datasets = match &file.outcome {
        Ok(datasets) => datasets,
        // No header found: the cells of the first row with several of them are the header
        // to map, as a wide table's years and kinds or a long table's roles (the first
        // cell too: a long table's unit or line).
        Err(ImportError::NoHeader { preview, .. }) => {
            if let Some(row) = preview
                .iter()
                .find(|row| row.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
            {
                for cell in row.iter().filter(|c| !c.trim().is_empty()) {
                    if !headers.contains(cell) {
                        headers.push(cell.clone());
                    }
                }
            }
            return (headers, labels);
        }
        // A header cell whose year or kind nothing tells: that cell is the one to map.
        Err(ImportError::OpenHeader { cell, .. }) => {
            headers.push(cell.clone());
            return (headers, labels);
        }
        Err(_) => return (headers, labels),
    };
    for warning in datasets.iter().flat_map(|d| d.warnings.iter()) {
        match &warning.kind {
            WarningKind::SkippedColumn { header } if !headers.contains(header) => {
                headers.push(header.clone())
            }
            WarningKind::UnknownColumn { found, .. } if !headers.contains(found) => {
                headers.push(found.clone())
            }
            WarningKind::UnknownLine { label } if !labels.contains(label) => {
                labels.push(label.clone())
            }
            WarningKind::Book(crate::import::findings::TableWarning::OpenHeader {
                cell, ..
            }) if !headers.contains(cell) => headers.push(cell.clone()),
            _ => {}
        }
    }
    (headers, labels)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub headers: Vec<String>,
    pub labels: Vec<String>,
    pub mapping: Rc<Mapping>,
    pub on_map: Callback<Mapping>,
}

fn input_value(id: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component]
pub fn MappingStep(props: &Props) -> Html {
    let lang = props.lang;
    if props.headers.is_empty() && props.labels.is_empty() {
        return html! {};
    }
    let header_rows = props.headers.iter().enumerate().map(|(index, header)| {
        let select_id = format!("map-column-{index}");
        let year_id = format!("map-year-{index}");
        let apply = {
            let (mapping, on_map, header, select_id, year_id) = (props.mapping.clone(), props.on_map.clone(), header.clone(), select_id.clone(), year_id.clone());
            move || {
                let choice = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&select_id))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .map(|s| s.value())
                    .unwrap_or_default();
                let year: Option<i32> = input_value(&year_id).trim().parse().ok();
                if let Some(role) = choice
                    .strip_prefix("role:")
                    .and_then(|key| TableRole::ALL.into_iter().find(|r| r.key() == key))
                {
                    let mut next = (*mapping).clone();
                    next.set_role(&header, role);
                    on_map.emit(next);
                    return;
                }
                let target = match (choice.as_str(), year) {
                    ("ignore", _) => Some(ColumnTarget::Ignore),
                    ("poikkeama", _) => Some(ColumnTarget::Poikkeama),
                    ("toteuma_pct", _) => Some(ColumnTarget::ToteumaPct),
                    (kind, Some(year)) => KINDS.iter().find(|k| k.id_prefix() == kind).map(|k| ColumnTarget::Column { kind: *k, year }),
                    _ => None,
                };
                if let Some(target) = target {
                    let mut next = (*mapping).clone();
                    next.set_column(&header, target);
                    on_map.emit(next);
                }
            }
        };
        let on_select = {
            let apply = apply.clone();
            Callback::from(move |_: Event| apply())
        };
        let on_year = Callback::from(move |_: Event| apply());
        let current = props.mapping.column(header);
        let role = props.mapping.role(header);
        let selected = |value: &str| match (role, current) {
            (Some(role), _) => value.strip_prefix("role:") == Some(role.key()),
            (None, current) => match current {
            Some(ColumnTarget::Ignore) => value == "ignore",
            Some(ColumnTarget::Poikkeama) => value == "poikkeama",
            Some(ColumnTarget::ToteumaPct) => value == "toteuma_pct",
            Some(ColumnTarget::Column { kind, .. }) => value == kind.id_prefix(),
            None => value.is_empty(),
            },
        };
        let year = match current {
            Some(ColumnTarget::Column { year, .. }) => Some(year),
            _ => year_in(header),
        };
        html! {
            <tr key={format!("c{index}")}>
                <th scope="row">{ header }</th>
                <td>
                    <label class="sr-only" for={select_id.clone()}>{ format!("{}: {header}", t(lang, Msg::MapMeaning)) }</label>
                    <select id={select_id} onchange={on_select}>
                        <option value="" selected={selected("")}>{ t(lang, Msg::MapChoose) }</option>
                        <option value="ignore" selected={selected("ignore")}>{ t(lang, Msg::MapIgnore) }</option>
                        { for KINDS.iter().map(|k| html! { <option value={k.id_prefix()} selected={selected(k.id_prefix())}>{ format!("{} ({})", k.code(lang), k.long_name(lang)) }</option> }) }
                        <option value="poikkeama" selected={selected("poikkeama")}>{ t(lang, Msg::Poikkeama) }</option>
                        <option value="toteuma_pct" selected={selected("toteuma_pct")}>{ t(lang, Msg::ToteumaPct) }</option>
                        <optgroup label={t(lang, Msg::MapLongTable)}>
                            { for TableRole::ALL.iter().map(|r| {
                                let value = format!("role:{}", r.key());
                                let is_selected = selected(&value);
                                html! { <option selected={is_selected} value={value}>{ r.name(lang) }</option> }
                            }) }
                        </optgroup>
                    </select>
                    <label for={year_id.clone()} class="year-label">{ t(lang, Msg::MapYear) }</label>
                    <input id={year_id} type="number" min="1990" max="2100" class="year" value={year.map(|y| y.to_string()).unwrap_or_default()} onchange={on_year} />
                </td>
            </tr>
        }
    });
    let label_rows = props.labels.iter().enumerate().map(|(index, label)| {
        let select_id = format!("map-line-{index}");
        let on_select = {
            let (mapping, on_map, label) = (props.mapping.clone(), props.on_map.clone(), label.clone());
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let target = match select.value().as_str() {
                    "" => None,
                    "ignore" => Some(LineTarget::Ignore),
                    key => Line::all().find(|l| l.key() == key).map(|line| LineTarget::Line { line }),
                };
                if let Some(target) = target {
                    let mut next = (*mapping).clone();
                    next.set_line(&label, target);
                    on_map.emit(next);
                }
            })
        };
        let current = props.mapping.line(label);
        html! {
            <tr key={format!("l{index}")}>
                <th scope="row">{ label }</th>
                <td>
                    <label class="sr-only" for={select_id.clone()}>{ format!("{}: {label}", t(lang, Msg::MapMeaning)) }</label>
                    <select id={select_id} onchange={on_select}>
                        <option value="" selected={current.is_none()}>{ t(lang, Msg::MapChoose) }</option>
                        <option value="ignore" selected={current == Some(LineTarget::Ignore)}>{ t(lang, Msg::MapIgnore) }</option>
                        { for Line::all().map(|line| html! {
                            <option value={line.key()} selected={current == Some(LineTarget::Line { line })}>{ line.name(lang) }</option>
                        }) }
                    </select>
                </td>
            </tr>
        }
    });
    html! {
        <div class="mapping-step">
            <h4>{ t(lang, Msg::MapHeading) }</h4>
            <p class="hint">{ t(lang, Msg::MapExplain) }</p>
            <table class="mapping-table">
                <thead><tr><th scope="col">{ t(lang, Msg::MapFound) }</th><th scope="col">{ t(lang, Msg::MapMeaning) }</th></tr></thead>
                <tbody>
                    { for header_rows }
                    { for label_rows }
                </tbody>
            </table>
        </div>
    }
}
