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
use crate::scenario::seek::{Goal, Lever, SeekError, Solution, seek};
use crate::scenario::summary::sentences;
use crate::scenario::summary::{euros, signed_euros};
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
    /// Person-years more or fewer, at a cost each, into Henkilöstökulut.
    Staff,
    /// Percentage points of the income tax rate, into Verotulot.
    TaxRate,
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

    // The panel opens by itself when scenarios appear (a link with one, a restored
    // workspace); otherwise it stays as the user left it, undo or not.
    let opened = use_state(|| !props.scenarios.is_empty());
    {
        let opened = opened.clone();
        use_effect_with(props.scenarios.is_empty(), move |empty| {
            if !*empty {
                opened.set(true);
            }
        });
    }
    let on_toggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            opened.set(details.open());
        })
    };
    // The edit form's fields, kept while the user fills them in.
    let all_units = use_state(|| false);
    let line = use_state(|| None::<Line>);
    let column = use_state(|| None::<String>);
    let later = use_state(|| false);
    let kind = use_state(|| Kind::Percent);
    let amount = use_state(String::new);
    let cost = use_state(String::new);
    let rate = use_state(String::new);
    let revenue = use_state(|| None::<String>);
    let problem = use_state(|| None::<&'static str>);
    // Goal seek: what should come true, and what was found.
    let goal_kind = use_state(|| "tulos-nolla".to_string());
    let goal_line = use_state(|| None::<Line>);
    let goal_value = use_state(String::new);
    let sought = use_state(|| None::<Result<Solution, SeekError>>);

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

    // The income tax revenue the tax rate's change is worked from: the node's Verotulot in
    // the column, unless the user gives another.
    let data_revenue = chosen_column
        .as_ref()
        .and_then(|c| crate::scenario::figure(dataset, &props.node, Line::Verotulot, c));
    let revenue_text = (*revenue).clone().unwrap_or_else(|| {
        data_revenue
            .map(|r| crate::numfmt::format_amount(r, r.scale().min(2), lang))
            .unwrap_or_default()
    });
    let on_add = {
        let (on_action, amount, problem) =
            (props.on_action.clone(), amount.clone(), problem.clone());
        let (cost_text, rate_text) = ((*cost).clone(), (*rate).clone());
        let revenue_given = (*revenue).clone();
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
            let positive = |text: &str| match parse_fi_number(text) {
                Ok(Some(v)) if v > rust_decimal::Decimal::ZERO => Some(v),
                _ => None,
            };
            let target = if all_units {
                Target::UnitsUnder(node.clone())
            } else {
                Target::Node(node.clone())
            };
            let columns = if later {
                Columns::FromOn(column)
            } else {
                Columns::One(column)
            };
            let edit = match kind {
                Kind::Percent | Kind::Euros | Kind::Set => Edit::Line {
                    target,
                    line,
                    columns,
                    change: match kind {
                        Kind::Percent => Change::Percent(value),
                        Kind::Euros => Change::Euros(value),
                        _ => Change::Set(value),
                    },
                },
                Kind::Staff => {
                    let Some(cost) = positive(&cost_text) else {
                        problem.set(Some(pick(
                            lang,
                            "Anna henkilötyövuoden keskimääräinen hinta euroina.",
                            "Ange den genomsnittliga kostnaden för ett årsverke i euro.",
                            "Give the average cost of a person-year in euros.",
                        )));
                        return;
                    };
                    Edit::Staff {
                        target,
                        columns,
                        person_years: value,
                        cost,
                    }
                }
                Kind::TaxRate => {
                    let Some(rate) = positive(&rate_text) else {
                        problem.set(Some(pick(
                            lang,
                            "Anna nykyinen tuloveroprosentti, esimerkiksi 8,00.",
                            "Ange den nuvarande skattesatsen, till exempel 8,00.",
                            "Give the current income tax rate, for example 8.00.",
                        )));
                        return;
                    };
                    let revenue = match revenue_given.as_deref() {
                        Some(text) => match positive(text) {
                            Some(r) => Some(r),
                            None => {
                                problem.set(Some(pick(
                                    lang,
                                    "Anna tuloveron tuotto euroina.",
                                    "Ange skatteintäkten i euro.",
                                    "Give the income tax revenue in euros.",
                                )));
                                return;
                            }
                        },
                        None => None,
                    };
                    Edit::TaxRate {
                        org: node.clone(),
                        columns,
                        rate,
                        revenue,
                        points: value,
                    }
                }
            };
            problem.set(None);
            amount.set(String::new());
            on_action.emit(Action::AddEdit {
                edit,
                name: name.clone(),
            });
        })
    };

    let shown = props.shown.and_then(|i| props.scenarios.get(i));
    let chosen_goal_line = (*goal_line)
        .filter(|l| lines.contains(l))
        .or_else(|| lines.iter().copied().find(|l| *l == Line::TilikaudenTulos))
        .or_else(|| lines.last().copied());
    let on_seek = {
        let (sought, problem) = (sought.clone(), problem.clone());
        let dataset = dataset.clone();
        let scenario = shown.cloned().unwrap_or_default();
        let (node, all_units) = (props.node.clone(), *all_units);
        let (lever_line, column) = (chosen_line, chosen_column.clone());
        let (kind, line, value) = (
            (*goal_kind).clone(),
            chosen_goal_line,
            (*goal_value).clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(lever_line), Some(column)) = (lever_line, column.clone()) else {
                return;
            };
            let goal = match kind.as_str() {
                "kattaa-poistot" => Goal::CoversDepreciation {
                    org: node.clone(),
                    column: column.clone(),
                },
                "tulos-nolla" => Goal::ResultNotNegative {
                    org: node.clone(),
                    column: column.clone(),
                },
                _ => match (line, parse_fi_number(&value)) {
                    (Some(line), Ok(Some(value))) => Goal::Reach {
                        org: node.clone(),
                        line,
                        column: column.clone(),
                        value,
                    },
                    _ => {
                        problem.set(Some(pick(
                            lang,
                            "Anna tavoitteen arvo lukuna.",
                            "Ange målets värde som ett tal.",
                            "Give the goal's value as a number.",
                        )));
                        return;
                    }
                },
            };
            problem.set(None);
            let lever = Lever::Line {
                target: if all_units {
                    Target::UnitsUnder(node.clone())
                } else {
                    Target::Node(node.clone())
                },
                line: lever_line,
                column,
            };
            sought.set(Some(seek(&dataset, &scenario, &lever, &goal)));
        })
    };
    let seek_result = match (*sought).as_ref() {
        None => html! {},
        Some(Ok(solution)) => match &solution.edit {
            None => {
                html! { <p role="status" id="seek-result">{ pick(lang, "Tavoite täyttyy jo ilman muutosta.", "Målet nås redan utan ändring.", "The goal is met already, with no change.") }</p> }
            }
            Some(edit) => {
                let percent = solution
                    .percent
                    .map(|p| format!(" ({})", crate::numfmt::format_percent(p, lang)))
                    .unwrap_or_default();
                let text = format!(
                    "{}: {}, {}{percent}; {} {}",
                    pick(
                        lang,
                        "Tarvittava muutos",
                        "Ändring som behövs",
                        "Change needed"
                    ),
                    edit.line().name(lang),
                    signed_euros(solution.euros, lang),
                    pick(
                        lang,
                        "tavoitteen rivi olisi",
                        "målets rad blir",
                        "the goal's line would be"
                    ),
                    euros(solution.reached, lang),
                );
                let (on_action, edit, name) = (
                    props.on_action.clone(),
                    edit.clone(),
                    fresh_name(&props.scenarios, lang),
                );
                html! {
                    <p role="status" id="seek-result">{ text }{ " " }
                        <button type="button" class="button" id="seek-add" onclick={Callback::from(move |_: MouseEvent| on_action.emit(Action::AddEdit { edit: edit.clone(), name: name.clone() }))}>
                            { pick(lang, "Lisää muutokseksi", "Lägg till som ändring", "Add as an edit") }</button></p>
                }
            }
        },
        Some(Err(SeekError::Unreachable)) => html! { <p role="status" id="seek-result">{ pick(lang,
        "Valittu rivi ei vaikuta tavoitteeseen: tavoitetta ei saavuteta sitä muuttamalla.",
        "Den valda raden påverkar inte målet: målet nås inte genom att ändra den.",
        "The chosen line does not move the goal: changing it cannot reach the goal.") }</p> },
        Some(Err(SeekError::NotApplied(why))) => {
            html! { <p role="status" id="seek-result">{ crate::scenario::summary::reason(dataset, why, lang) }</p> }
        }
        Some(Err(SeekError::NoGoalFigure)) => {
            html! { <p role="status" id="seek-result">{ pick(lang,
            "Tavoitteen riviä ei ole tällä yksiköllä tässä sarakkeessa.",
            "Målets rad finns inte för denna enhet i denna kolumn.",
            "The goal's line is not there for this unit in this column.") }</p> }
        }
    };
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
        <details class="scenarios" open={*opened} ontoggle={on_toggle}>
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
                        "euro" => Kind::Euros, "summa" => Kind::Set, "htv" => Kind::Staff, "vero" => Kind::TaxRate, _ => Kind::Percent })) }}>
                        <option value="prosentti" selected={*kind == Kind::Percent}>{ pick(lang, "prosenttia (+ enemmän, − vähemmän)", "procent (+ mer, − mindre)", "per cent (+ more, − less)") }</option>
                        <option value="euro" selected={*kind == Kind::Euros}>{ pick(lang, "euroa (+ enemmän, − vähemmän)", "euro (+ mer, − mindre)", "euros (+ more, − less)") }</option>
                        <option value="summa" selected={*kind == Kind::Set}>{ pick(lang, "uusi summa, euroa", "nytt belopp, euro", "new amount, euros") }</option>
                        <option value="htv" selected={*kind == Kind::Staff}>{ pick(lang, "henkilötyövuotta (henkilöstökuluihin)", "årsverken (till personalkostnader)", "person-years (into staff costs)") }</option>
                        <option value="vero" selected={*kind == Kind::TaxRate}>{ pick(lang, "tuloveroprosenttiyksikköä (verotuloihin)", "procentenheter skattesats (till skatteintäkter)", "income tax rate points (into tax revenue)") }</option>
                    </select></label>
                { match *kind {
                    Kind::Staff => html! {
                        <label class="field" for="edit-cost"><span>{ pick(lang, "Hinta / henkilötyövuosi, €", "Kostnad / årsverke, €", "Cost / person-year, €") }</span>
                            <input type="text" inputmode="decimal" id="edit-cost" value={(*cost).clone()}
                                oninput={{ let s = cost.clone(); Callback::from(move |e: InputEvent| { let i: web_sys::HtmlInputElement = e.target_unchecked_into(); s.set(i.value()); }) }} /></label>
                    },
                    Kind::TaxRate => html! {
                        <>
                            <label class="field" for="edit-rate"><span>{ pick(lang, "Nykyinen veroprosentti", "Nuvarande skattesats", "Current tax rate") }</span>
                                <input type="text" inputmode="decimal" id="edit-rate" value={(*rate).clone()}
                                    oninput={{ let s = rate.clone(); Callback::from(move |e: InputEvent| { let i: web_sys::HtmlInputElement = e.target_unchecked_into(); s.set(i.value()); }) }} /></label>
                            <label class="field" for="edit-revenue"><span>{ pick(lang, "Tuloveron tuotto sarakkeessa, €", "Skatteintäkt i kolumnen, €", "Income tax revenue in the column, €") }</span>
                                <input type="text" inputmode="decimal" id="edit-revenue" value={revenue_text.clone()}
                                    oninput={{ let s = revenue.clone(); Callback::from(move |e: InputEvent| { let i: web_sys::HtmlInputElement = e.target_unchecked_into(); s.set(Some(i.value())); }) }} /></label>
                            <p class="note">{ match data_revenue {
                                Some(_) => pick(lang, "Tuotto on esitäytetty aineiston verotuloista; muuta se tuloveron osuudeksi tarvittaessa. Muutos = tuotto × muutos / veroprosentti.",
                                    "Intäkten är förifylld från materialets skatteintäkter; ändra den till kommunalskattens andel vid behov. Ändring = intäkt × ändring / skattesats.",
                                    "The revenue is prefilled from the data's tax revenue; change it to the income tax's share if need be. Change = revenue × change / rate."),
                                None => pick(lang, "Aineistossa ei ole tämän yksikön verotuloja: anna tuloveron tuotto.", "Materialet har inga skatteintäkter för denna enhet: ange skatteintäkten.", "The data has no tax revenue for this unit: give the income tax revenue."),
                            } }</p>
                        </>
                    },
                    _ => html! {},
                } }
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

            <form class="edit-form seek-form" onsubmit={on_seek} aria-labelledby="seek-heading">
                <h3 id="seek-heading">{ pick(lang, "Mitä tavoite vaatii: tavoitehaku", "Vad målet kräver: målsökning", "What a goal takes: goal seek") }</h3>
                <p class="note">{ pick(lang,
                    "Muutettava rivi, sarake ja yksiköt ovat yllä valitut; tavoite on tämän yksikön samassa sarakkeessa.",
                    "Raden, kolumnen och enheterna som ändras är de som valts ovan; målet gäller denna enhet i samma kolumn.",
                    "The line, column and units changed are those chosen above; the goal is this unit's, in the same column.") }</p>
                <label class="field" for="seek-goal"><span>{ pick(lang, "Tavoite", "Mål", "Goal") }</span>
                    <select id="seek-goal" onchange={{ let s = goal_kind.clone(); Callback::from(move |e: Event| s.set(select_value(&e))) }}>
                        <option value="tulos-nolla" selected={*goal_kind == "tulos-nolla"}>{ pick(lang, "Tilikauden tulos vähintään 0", "Räkenskapsperiodens resultat minst 0", "Result for the year at least 0") }</option>
                        <option value="kattaa-poistot" selected={*goal_kind == "kattaa-poistot"}>{ pick(lang, "Vuosikate kattaa poistot", "Årsbidraget täcker avskrivningarna", "Annual margin covers depreciation") }</option>
                        <option value="arvo" selected={*goal_kind == "arvo"}>{ pick(lang, "Rivi saavuttaa arvon", "En rad når ett värde", "A line reaches a value") }</option>
                    </select></label>
                { if *goal_kind == "arvo" { html! {
                    <>
                        <label class="field" for="seek-line"><span>{ pick(lang, "Tavoitteen rivi", "Målets rad", "Goal's line") }</span>
                            <select id="seek-line" onchange={{ let s = goal_line.clone(); Callback::from(move |e: Event| s.set(Line::all().find(|l| l.key() == select_value(&e)))) }}>
                                { for lines.iter().map(|l| html! { <option value={l.key()} selected={Some(*l) == chosen_goal_line}>{ l.name(lang) }</option> }) }
                            </select></label>
                        <label class="field" for="seek-value"><span>{ pick(lang, "Arvo, €", "Värde, €", "Value, €") }</span>
                            <input type="text" inputmode="decimal" id="seek-value" value={(*goal_value).clone()}
                                oninput={{ let s = goal_value.clone(); Callback::from(move |e: InputEvent| { let i: web_sys::HtmlInputElement = e.target_unchecked_into(); s.set(i.value()); }) }} /></label>
                    </>
                } } else { html! {} } }
                <button type="submit" class="button" id="seek-run">{ pick(lang, "Etsi muutos", "Sök ändringen", "Find the change") }</button>
                { seek_result }
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

/// The mark of a figure a scenario changed: ◆, and for screen readers and on hover the base
/// figure and the difference (never colour alone).
pub fn changed_mark(change: Option<crate::scenario::Changed>, lang: Lang) -> Html {
    let Some(change) = change else {
        return html! {};
    };
    let text = format!(
        "{}: {} {}, {} {}",
        pick(
            lang,
            "muutettu skenaariossa",
            "ändrad i scenariot",
            "changed in the scenario"
        ),
        pick(lang, "perustiedoissa", "i grunddata", "base"),
        crate::numfmt::format_eur(change.base, lang),
        pick(lang, "ero", "skillnad", "difference"),
        signed_euros(change.difference, lang)
    );
    html! {
        <>
            <span class="mark scenario" aria-hidden="true" title={text.clone()}>{ "◆" }</span>
            <span class="sr-only">{ format!(" ({text})") }</span>
        </>
    }
}
