//! The goals and investments view: for the node and every unit under it, its goals tables
//! (the council's and the operating plan's) with each goal's status marked by a symbol and
//! words, not colour alone, and its investments; above them, how many goals came out as
//! Toteutuu, Toteutuu osittain and Ei toteudu under each strategic aim.

use std::rc::Rc;

use yew::prelude::*;

use super::grid_export::GridExport;
use super::investments::Investments;
use crate::analysis::goals::{goals_under, status_by_aim, units_shown};
use crate::i18n::{Lang, Msg, t};
use crate::model::{Dataset, Goal, GoalLevel, GoalStatus, OrgNode, Project, Risk};
use crate::numfmt::{format_eur, format_percent};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the investments' figures are in.
    #[prop_or(AttrValue::Static("€"))]
    pub unit: AttrValue,
    pub dataset: Rc<Dataset>,
    pub dataset_index: usize,
    pub node: String,
    pub lang: Lang,
    pub on_select: Callback<(usize, String)>,
    /// What an export states beside the figures (made when the user exports).
    pub about: Callback<(), crate::export::About>,
    /// Has a workbook made (in the worker) and offered for download under the name given.
    pub on_workbook: Callback<(crate::protocol::WorkbookRequest, String)>,
}

fn status_class(status: Option<GoalStatus>) -> &'static str {
    match status {
        Some(GoalStatus::Toteutuu) => "met",
        Some(GoalStatus::Osittain) => "partly",
        Some(GoalStatus::EiToteudu) => "not-met",
        None => "no-status",
    }
}

fn status_cell(status: Option<GoalStatus>, lang: Lang) -> Html {
    match status {
        Some(s) => html! {
            <td class={classes!("status", status_class(Some(s)))} data-col="status">
                <span class="mark" aria-hidden="true">{ s.mark() }</span>{ s.name(lang) }
            </td>
        },
        None => {
            html! { <td class="status no-status" data-col="status">{ t(lang, Msg::NoStatus) }</td> }
        }
    }
}

fn list(items: &[String]) -> Html {
    match items {
        [] => html! {},
        [one] => html! { { one } },
        many => html! { <ul>{ for many.iter().map(|i| html! { <li>{ i }</li> }) }</ul> },
    }
}

/// One goals table: the goals of one level and year of one unit.
fn goals_table(unit: &str, level: GoalLevel, year: i32, goals: &[&Goal], lang: Lang) -> Html {
    let metrics = goals.iter().any(|g| !g.metrics.is_empty());
    let responsible = goals.iter().any(|g| g.responsible.is_some());
    let outcome = goals.iter().any(|g| !g.outcome.is_empty());
    let caption = if year > 0 {
        format!("{unit}: {} {year}", level.name(lang))
    } else {
        format!("{unit}: {}", level.name(lang))
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
            <table class="goals-table" data-level={format!("{level:?}").to_lowercase()}>
                <caption>{ caption }</caption>
                <thead><tr>
                    <th scope="col" class="c-aim">{ t(lang, Msg::Aim) }</th>
                    <th scope="col" class="c-goal">{ t(lang, Msg::GoalCol) }</th>
                    { if metrics { html! { <th scope="col" class="c-metric">{ t(lang, Msg::Metric) }</th> } } else { html! {} } }
                    { if responsible { html! { <th scope="col" class="c-responsible">{ t(lang, Msg::Responsible) }</th> } } else { html! {} } }
                    { if outcome { html! { <th scope="col" class="c-outcome">{ t(lang, Msg::Outcome) }</th> } } else { html! {} } }
                    <th scope="col" class="c-status">{ t(lang, Msg::Status) }</th>
                </tr></thead>
                <tbody>
                    { for goals.iter().map(|g| html! {
                        <tr>
                            <th scope="row" class="aim">
                                <strong>{ &g.aim }</strong>
                                { list(&g.sub_aims) }
                            </th>
                            <td>{ list(&g.goals) }</td>
                            { if metrics { html! { <td>{ list(&g.metrics) }</td> } } else { html! {} } }
                            { if responsible { html! { <td>{ g.responsible.clone().unwrap_or_default() }</td> } } else { html! {} } }
                            { if outcome { html! { <td class="outcome">{ list(&g.outcome) }</td> } } else { html! {} } }
                            { status_cell(g.status, lang) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The projects table of one unit, with the total of their funding.
fn projects_table(unit: &str, projects: &[&Project], lang: Lang) -> Html {
    let caption = format!("{unit}: {}", t(lang, Msg::Projects));
    let total = crate::analysis::goals::total_funding(projects.iter().copied());
    let heading_id = format!("projects-{}", crate::import::slug(unit));
    html! {
        <section class="projects" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ t(lang, Msg::Projects) }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
                <table class="projects-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col" class="c-name">{ t(lang, Msg::ProjectName) }</th>
                        <th scope="col" class="c-aim">{ t(lang, Msg::Aim) }</th>
                        <th scope="col" class="c-description">{ t(lang, Msg::ProjectDescription) }</th>
                        <th scope="col" class="num c-funding">{ t(lang, Msg::TotalFunding) }</th>
                        <th scope="col" class="num c-share">{ t(lang, Msg::CityShare) }</th>
                        <th scope="col" class="num c-spent">{ t(lang, Msg::SpentPct) }</th>
                        <th scope="col" class="c-outcome">{ t(lang, Msg::Outcome) }</th>
                    </tr></thead>
                    <tbody>
                        { for projects.iter().map(|p| html! {
                            <tr data-project={crate::import::slug(&p.name)}>
                                <th scope="row">{ &p.name }</th>
                                <td><strong>{ &p.aim }</strong>{ list(&p.sub_aims) }</td>
                                <td>{ list(&p.description) }</td>
                                <td class="num" data-col="funding">{ p.total_funding.map(|a| format_eur(a, lang)).unwrap_or_default() }</td>
                                <td class="num" data-col="share">{ match (p.city_share_pct, &p.city_share) {
                                    (Some(pct), _) => format_percent(pct, lang),
                                    (None, Some(text)) => text.clone(),
                                    (None, None) => String::new(),
                                } }</td>
                                <td class="num" data-col="spent">{ p.spent_pct.map(|s| format_percent(s, lang)).unwrap_or_default() }</td>
                                <td class="outcome">{ list(&p.outcome) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr class="subtotal">
                            <th scope="row">{ t(lang, Msg::Total) }</th>
                            <td></td><td></td>
                            <td class="num" data-col="funding-total">{ total.map(|t| format_eur(t, lang)).unwrap_or_default() }</td>
                            <td></td><td></td><td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

/// The risks table of one unit: each risk's ratings and score, and its control.
fn risks_table(unit: &str, risks: &[&Risk], lang: Lang) -> Html {
    let caption = format!("{unit}: {}", t(lang, Msg::Risks));
    let classes = risks.iter().any(|r| r.class.is_some());
    let heading_id = format!("risks-{}", crate::import::slug(unit));
    let rating = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    html! {
        <section class="risks" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ t(lang, Msg::Risks) }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
                <table class="risks-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Risk) }</th>
                        { if classes { html! { <th scope="col">{ t(lang, Msg::RiskClass) }</th> } } else { html! {} } }
                        <th scope="col" class="num">{ t(lang, Msg::Probability) }</th>
                        <th scope="col" class="num">{ t(lang, Msg::Significance) }</th>
                        <th scope="col" class="num">{ t(lang, Msg::RiskScore) }</th>
                        <th scope="col">{ t(lang, Msg::Control) }</th>
                        <th scope="col">{ t(lang, Msg::ControlStatus) }</th>
                    </tr></thead>
                    <tbody>
                        { for risks.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ &r.risk }</th>
                                { if classes { html! { <td>{ r.class.clone().unwrap_or_default() }</td> } } else { html! {} } }
                                <td class="num" data-col="probability">{ rating(r.probability) }</td>
                                <td class="num" data-col="significance">{ rating(r.significance) }</td>
                                <td class="num" data-col="score">{ rating(r.score()) }</td>
                                <td>{ r.control.clone().unwrap_or_default() }</td>
                                <td>{ r.control_status.clone().unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn GoalsView(props: &Props) -> Html {
    let lang = props.lang;
    let dataset = &props.dataset;
    let Some(node) = dataset.node(&props.node) else {
        return html! {};
    };
    let by_unit = goals_under(dataset, &node.id);
    // The node and the units under it, in tree order, that have anything to show here.
    let units: Vec<&OrgNode> = units_shown(dataset, &node.id);
    let heading = html! { <h1 id="goals-heading">{ &node.name }</h1> };
    if units.is_empty() {
        return html! { <section class="goals" aria-labelledby="goals-heading">{ heading }<p>{ t(lang, Msg::NoGoals) }</p></section> };
    }
    let all_goals: Vec<&Goal> = by_unit
        .iter()
        .flat_map(|(_, g)| g.iter().copied())
        .collect();
    let counts = status_by_aim(all_goals.iter().copied());
    let any_without = counts.iter().any(|c| c.without > 0);
    let count_caption = format!("{}: {}", t(lang, Msg::StatusByAim), node.name);
    // The view's tables as shown, for Excel: CSV, or a workbook made in the worker.
    let grids = Rc::new(crate::export::goals::goals_grids(
        dataset,
        &node.id,
        &props.unit,
        lang,
    ));
    let file = format!("raami-{}-{}-tavoitteet", dataset.id, node.id);
    html! {
        <section class="goals" aria-labelledby="goals-heading">
            { heading }
            <GridExport lang={lang} grids={grids} file={file} dataset={dataset.clone()} about={props.about.clone()} on_workbook={props.on_workbook.clone()} />
            { if counts.is_empty() { html! {} } else { html! {
                <section aria-labelledby="status-heading">
                    <h2 id="status-heading">{ t(lang, Msg::StatusByAim) }</h2>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={count_caption.clone()}>
                        <table class="status-table">
                            <caption>{ count_caption }</caption>
                            <thead><tr>
                                <th scope="col">{ t(lang, Msg::Aim) }</th>
                                { for GoalStatus::ALL.iter().map(|s| html! {
                                    <th scope="col" class={classes!("num", status_class(Some(*s)))}><span class="mark" aria-hidden="true">{ s.mark() }</span>{ s.name(lang) }</th>
                                }) }
                                { if any_without { html! { <th scope="col" class="num">{ t(lang, Msg::NoStatus) }</th> } } else { html! {} } }
                                <th scope="col" class="num">{ t(lang, Msg::Total) }</th>
                            </tr></thead>
                            <tbody>
                                { for counts.iter().map(|c| html! {
                                    <tr>
                                        <th scope="row">{ &c.aim }</th>
                                        { for GoalStatus::ALL.iter().map(|s| html! {
                                            <td class="num" data-status={status_class(Some(*s))}>{ c.count(*s) }</td>
                                        }) }
                                        { if any_without { html! { <td class="num" data-status="no-status">{ c.without }</td> } } else { html! {} } }
                                        <td class="num" data-col="total">{ c.total() }</td>
                                    </tr>
                                }) }
                            </tbody>
                            <tfoot>
                                <tr class="subtotal">
                                    <th scope="row">{ t(lang, Msg::Total) }</th>
                                    { for GoalStatus::ALL.iter().map(|s| html! {
                                        <td class="num" data-status={status_class(Some(*s))}>{ counts.iter().map(|c| c.count(*s)).sum::<usize>() }</td>
                                    }) }
                                    { if any_without { html! { <td class="num">{ counts.iter().map(|c| c.without).sum::<usize>() }</td> } } else { html! {} } }
                                    <td class="num" data-col="total">{ counts.iter().map(|c| c.total()).sum::<usize>() }</td>
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                </section>
            } } }
            { for units.iter().map(|unit| {
                let goals: Vec<&Goal> = dataset.goals_of(&unit.id).collect();
                // One table per level and year, in the order they first appear.
                let mut groups: Vec<(GoalLevel, i32)> = Vec::new();
                for g in &goals {
                    if !groups.contains(&(g.level, g.year)) {
                        groups.push((g.level, g.year));
                    }
                }
                let heading_id = format!("unit-{}", unit.id);
                let (on_select, index, id) = (props.on_select.clone(), props.dataset_index, unit.id.clone());
                let title = if unit.id == node.id {
                    html! { { &unit.name } }
                } else {
                    html! { <button type="button" class="link" onclick={move |_| on_select.emit((index, id.clone()))}>{ &unit.name }</button> }
                };
                html! {
                    <section class="goal-unit" aria-labelledby={heading_id.clone()} data-org={unit.id.clone()}>
                        <h2 id={heading_id}>{ title }</h2>
                        { for groups.iter().map(|(level, year)| {
                            let rows: Vec<&Goal> = goals.iter().copied().filter(|g| g.level == *level && g.year == *year).collect();
                            goals_table(&unit.name, *level, *year, &rows, lang)
                        }) }
                        { {
                            let projects: Vec<&Project> = dataset.projects_of(&unit.id).collect();
                            if projects.is_empty() { html! {} } else { projects_table(&unit.name, &projects, lang) }
                        } }
                        <Investments unit={props.unit.clone()} dataset={dataset.clone()} node={unit.id.clone()} lang={lang} nested={true} />
                        { {
                            let risks: Vec<&Risk> = dataset.risks_of(&unit.id).collect();
                            if risks.is_empty() { html! {} } else { risks_table(&unit.name, &risks, lang) }
                        } }
                    </section>
                }
            }) }
        </section>
    }
}
