//! Loading data: a file picker (several files at once), a box for text pasted from a PDF
//! budget book, and the summary of what was read, which the user accepts (beside the
//! loaded data or in its place) or cancels. Dropping files anywhere on the page is handled
//! by the app.

use std::rc::Rc;

use yew::prelude::*;

use super::mapping::{MappingStep, unknowns};
use crate::analysis::validate::Severity;
use crate::i18n::{Lang, Msg, t};
use crate::import::mapping::Mapping;
use crate::report::describe_finding;
use crate::session::{Pending, ReadFile};
use crate::ui::io::file_list;

#[derive(Properties, PartialEq)]
pub struct BarProps {
    pub lang: Lang,
    /// How far the files being read are, while they are.
    pub reading: Option<f64>,
    /// Files picked.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Text pasted, under a name for the summary.
    pub on_text: Callback<(String, String)>,
    /// Cancel the reading.
    pub on_cancel: Callback<()>,
}

#[component]
pub fn ImportBar(props: &BarProps) -> Html {
    let lang = props.lang;
    let pasted = use_state(String::new);
    let on_files = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = file_list(input.files());
            // Clearing the input lets the same file be chosen again.
            input.set_value("");
            on_files.emit(files);
        })
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_read_pasted = {
        let (pasted, on_text) = (pasted.clone(), props.on_text.clone());
        let name = match lang {
            Lang::Fi => "liitetty teksti",
            Lang::Sv => "inklistrad text",
            Lang::En => "pasted text",
        };
        Callback::from(move |_| {
            if !pasted.trim().is_empty() {
                on_text.emit((name.to_string(), (*pasted).clone()));
            }
        })
    };
    let on_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let busy = props.reading.is_some();
    html! {
        <section class="import-bar" aria-label={t(lang, Msg::OpenFiles)}>
            <label class="button file-button">
                { t(lang, Msg::OpenFiles) }
                <input id="file-input" type="file" multiple=true class="sr-only" disabled={busy}
                    accept=".raami,.json,.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,.pdf"
                    onchange={on_files} />
            </label>
            <details class="paste">
                <summary>{ t(lang, Msg::PasteHeading) }</summary>
                <label for="paste-area">{ t(lang, Msg::PasteLabel) }</label>
                <textarea id="paste-area" rows="8" value={(*pasted).clone()} oninput={on_paste_input} />
                <button type="button" class="button" disabled={busy} onclick={on_read_pasted}>{ t(lang, Msg::ReadPasted) }</button>
            </details>
            <p class="hint">{ t(lang, Msg::DropHint) }</p>
            { match props.reading {
                Some(done) => {
                    let percent = (done.clamp(0.0, 1.0) * 100.0).round() as u32;
                    html! {
                        <div class="reading" role="status">
                            <label for="import-progress">{ t(lang, Msg::Reading) }</label>
                            <progress id="import-progress" max="100" value={percent.to_string()}>{ format!("{percent} %") }</progress>
                            <span class="percent">{ format!("{percent}\u{a0}%") }</span>
                            <button type="button" class="button" id="import-stop" onclick={on_cancel}>{ t(lang, Msg::Cancel) }</button>
                        </div>
                    }
                }
                None => html! {},
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub pending: Rc<Pending>,
    pub mapping: Rc<Mapping>,
    pub on_map: Callback<Mapping>,
    /// Read a workbook file again from another sheet: (file name, sheet).
    pub on_sheet: Callback<(String, String)>,
    /// Name a pending dataset: (file index, dataset index, name).
    pub on_rename: Callback<(usize, usize, String)>,
    pub on_accept: Callback<bool>,
    pub on_cancel: Callback<()>,
}

/// A workbook's sheets as a choice: the one read is selected, another is read instead.
fn sheet_choice(
    file: &ReadFile,
    index: usize,
    detections: &[crate::import::Detection],
    lang: Lang,
    on_sheet: &Callback<(String, String)>,
) -> Html {
    let Some((current, sheets)) = detections.iter().find_map(|d| match d {
        crate::import::Detection::Sheet { name, sheets } if sheets.len() > 1 => {
            Some((name.clone(), sheets.clone()))
        }
        _ => None,
    }) else {
        return html! {};
    };
    let onchange = {
        let (on_sheet, name) = (on_sheet.clone(), file.name.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_sheet.emit((name.clone(), select.value()));
        })
    };
    let id = format!("import-sheet-{index}");
    html! {
        <label class="field" for={id.clone()}>
            <span>{ match lang { Lang::Fi => "Luettava taulukko", Lang::Sv => "Blad att läsa", Lang::En => "Sheet to read" } }</span>
            <select id={id} class="import-sheet" onchange={onchange}>
                { for sheets.iter().map(|s| html! { <option value={s.clone()} selected={*s == current}>{ s }</option> }) }
            </select>
        </label>
    }
}

/// The name the dataset will have, to be changed before it is added.
fn name_field(
    file: usize,
    dataset: usize,
    name: &str,
    lang: Lang,
    on_rename: &Callback<(usize, usize, String)>,
) -> Html {
    let onchange = {
        let on_rename = on_rename.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_rename.emit((file, dataset, input.value()));
        })
    };
    let id = format!("import-name-{file}-{dataset}");
    html! {
        <label class="field" for={id.clone()}>
            <span>{ match lang { Lang::Fi => "Aineiston nimi", Lang::Sv => "Materialets namn", Lang::En => "Name of the dataset" } }</span>
            <input id={id} class="import-name" type="text" value={name.to_string()} onchange={onchange} />
        </label>
    }
}

fn file_summary(
    (index, file): (usize, &ReadFile),
    lang: Lang,
    mapping: &Rc<Mapping>,
    on_map: &Callback<Mapping>,
    on_sheet: &Callback<(String, String)>,
    on_rename: &Callback<(usize, usize, String)>,
) -> Html {
    let (headers, labels) = unknowns(file);
    let step = html! { <MappingStep lang={lang} headers={headers} labels={labels} mapping={mapping.clone()} on_map={on_map.clone()} /> };
    match &file.outcome {
        Err(error) => {
            let preview = match error {
                crate::import::ImportError::NoHeader { preview, .. } if !preview.is_empty() => {
                    html! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label={t(lang, Msg::PreviewCaption)}>
                            <table class="preview-table">
                                <caption>{ t(lang, Msg::PreviewCaption) }</caption>
                                <tbody>
                                    { for preview.iter().map(|row| html! { <tr>{ for row.iter().map(|cell| html! { <td>{ cell }</td> }) }</tr> }) }
                                </tbody>
                            </table>
                        </div>
                    }
                }
                _ => html! {},
            };
            html! {
                <div class="import-file failed">
                    <h3>{ &file.name }</h3>
                    <p role="alert"><strong>{ format!("{}: ", t(lang, Msg::ImportFailed)) }</strong>{ error.message(lang) }</p>
                    { preview }
                    { step }
                </div>
            }
        }
        Ok(datasets) => html! {
            <div class="import-file">
                { for datasets.iter().enumerate().map(|(position, read)| {
                    let dataset = &read.loaded.dataset;
                    let report = &read.loaded.report;
                    let inconsistent: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Inconsistent).collect();
                    let rounding = report.rounding().count();
                    let verdict = if inconsistent.is_empty() && rounding > 0 {
                        format!("{} ({rounding} {})", crate::report::verdict(report, lang), t(lang, Msg::ValidationRounding).to_lowercase())
                    } else {
                        crate::report::verdict(report, lang)
                    };
                    html! {
                        <>
                            <h3>{ format!("{} → {}", file.name, dataset.name) }</h3>
                            <div class="import-choices">
                                { name_field(index, position, &dataset.name, lang, on_rename) }
                                { sheet_choice(file, index, &read.detections, lang, on_sheet) }
                            </div>
                            <p>{ format!("{}: {}", t(lang, Msg::Organisation), dataset.org.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ")) }</p>
                            <h4>{ t(lang, Msg::Detections) }</h4>
                            <ul class="detections">{ for crate::import::detection_messages(&read.detections, lang).into_iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                            { if read.warnings.is_empty() { html! {} } else { html! {
                                <>
                                    <h4>{ format!("{} ({})", t(lang, Msg::Warnings), read.warnings.len()) }</h4>
                                    <ul class="warnings">{ for read.warnings.iter().map(|w| html! { <li>{ w.message(lang) }</li> }) }</ul>
                                </>
                            } } }
                            { step.clone() }
                            <h4>{ t(lang, Msg::Validation) }</h4>
                            <p class={classes!("verdict", (!inconsistent.is_empty()).then_some("bad"))}>{ verdict }</p>
                            { if inconsistent.is_empty() { html! {} } else { html! {
                                <ul class="findings bad">{ for inconsistent.iter().map(|f| html! { <li>{ describe_finding(dataset, f, lang) }</li> }) }</ul>
                            } } }
                        </>
                    }
                }) }
            </div>
        },
    }
}

#[component]
pub fn ImportSummary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let heading_ref = use_node_ref();
    // Move focus to the summary when it appears, so keyboard and screen-reader users land on it.
    {
        let heading_ref = heading_ref.clone();
        use_effect_with(props.pending.clone(), move |_| {
            if let Some(heading) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let any = props.pending.datasets() > 0;
    // Nothing is left out without a word: the rows not read are named before either button,
    // and the buttons say how many go.
    let left_out = props.pending.left_out();
    let leaving = |label: &str| {
        if left_out.is_empty() {
            label.to_string()
        } else {
            match lang {
                Lang::Fi => format!("{label} ({} riviä jää pois)", left_out.len()),
                Lang::Sv => format!("{label} ({} rader utelämnas)", left_out.len()),
                Lang::En => format!("{label} ({} rows left out)", left_out.len()),
            }
        }
    };
    let accept = |replace: bool| {
        let cb = props.on_accept.clone();
        Callback::from(move |_| cb.emit(replace))
    };
    let cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="import-summary" aria-labelledby="import-heading">
            <h2 id="import-heading" tabindex="-1" ref={heading_ref}>{ t(lang, Msg::ImportHeading) }</h2>
            <p>{ t(lang, Msg::ImportNothingYet) }</p>
            { for props.pending.files.iter().enumerate().map(|f| file_summary(f, lang, &props.mapping, &props.on_map, &props.on_sheet, &props.on_rename)) }
            { for props.pending.saved().iter().map(|saved| {
                let scenarios = saved.scenarios.len();
                let names: Vec<&str> = saved.scenarios.iter().map(|s| s.name.as_str()).collect();
                let view = saved.workspace.as_ref().is_some_and(|w| w.view.is_some());
                html! {
                    <p class="saved-work" id="saved-work" role="note">{ match lang {
                        Lang::Fi => format!("Tallennettu työtila: {scenarios} skenaariota{}. Lisättäessä skenaariot tulevat nykyisten rinnalle; korvattaessa myös väkiluku, hintaindeksi{}.",
                            if names.is_empty() { String::new() } else { format!(" ({})", names.join(", ")) }, if view { " ja tallennettu näkymä" } else { "" }),
                        Lang::Sv => format!("Sparad arbetsyta: {scenarios} scenarier{}. Vid tillägg kommer scenarierna bredvid de nuvarande; vid ersättning även folkmängd, prisindex{}.",
                            if names.is_empty() { String::new() } else { format!(" ({})", names.join(", ")) }, if view { " och den sparade vyn" } else { "" }),
                        Lang::En => format!("A saved workspace: {scenarios} scenarios{}. Added beside, the scenarios join the present ones; in place of what is loaded, the population, price index{} come too.",
                            if names.is_empty() { String::new() } else { format!(" ({})", names.join(", ")) }, if view { " and the saved view" } else { "" }),
                    } }</p>
                }
            }) }
            { if left_out.is_empty() || !any { html! {} } else { html! {
                <div class="left-out" role="note">
                    <p><strong>{ match lang {
                        Lang::Fi => format!("{} riviä lukuineen jää pois, jos tiedot otetaan käyttöön näin: ", left_out.len()),
                        Lang::Sv => format!("{} rader med tal utelämnas om materialet tas i bruk så här: ", left_out.len()),
                        Lang::En => format!("{} rows with figures are left out if the data is taken as it is: ", left_out.len()),
                    } }</strong>{ match lang {
                        Lang::Fi => "kohdista ne yllä, tai hyväksy, että ne jäävät pois. Välisummia, joihin ne kuuluvat, ei lasketa eikä verrata.",
                        Lang::Sv => "mappa dem ovan, eller godkänn att de utelämnas. Delsummor de hör till räknas inte och jämförs inte.",
                        Lang::En => "map them above, or accept leaving them out. The subtotals they belong to are neither computed nor compared.",
                    } }</p>
                    <ul>{ for left_out.iter().map(|(label, place)| html! { <li>{ format!("”{label}” ({place})") }</li> }) }</ul>
                </div>
            } } }
            <div class="import-actions">
                { if any { html! {
                    <>
                        <button type="button" class="button primary" id="import-add" onclick={accept(false)}>{ leaving(t(lang, Msg::AddBeside)) }</button>
                        <button type="button" class="button" id="import-replace" onclick={accept(true)}>{ leaving(t(lang, Msg::ReplaceAll)) }</button>
                    </>
                } } else { html! {} } }
                <button type="button" class="button" id="import-cancel" onclick={cancel}>{ t(lang, Msg::Cancel) }</button>
            </div>
        </section>
    }
}
