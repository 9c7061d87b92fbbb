//! The income statement of the selected node: every line by every column it has, computed
//! subtotals set apart, Poikkeama and Toteuma % for each Toteuma column, and the change
//! between two columns the user picks. Column notes are shown with their columns.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use yew::prelude::*;

use super::chart::{TrendChart, WaterfallChart};
use super::scenarios::changed_mark;
use crate::analysis::table::{Difference, NodeTable, change_pair, node_columns, node_table};
use crate::analysis::values::Origin;
use crate::i18n::{Lang, Msg, pick, t};
use crate::model::{Column, ColumnKind, Dataset, Line};
use crate::numfmt::{format_eur, format_percent};
use crate::scenario::{Changed, changed_cells};
use crate::session::Series;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the figures are in: `€`, `€/asukas`, `€, vuoden 2024 hinnoin`.
    #[prop_or(AttrValue::Static("€"))]
    pub unit: AttrValue,
    pub dataset: Rc<Dataset>,
    pub node: String,
    pub lang: Lang,
    pub change: Option<(String, String)>,
    pub on_change_pair: Callback<(String, String)>,
    /// Drill into a line in a column (the breakdown of that line by unit).
    #[prop_or_default]
    pub on_drill: Option<Callback<(crate::model::Line, String)>>,
    /// The line of the trend chart and the column of the waterfall, kept in the link.
    #[prop_or_default]
    pub line: Option<crate::model::Line>,
    #[prop_or_default]
    pub column: Option<String>,
    #[prop_or_default]
    pub on_line: Callback<crate::model::Line>,
    #[prop_or_default]
    pub on_column: Callback<String>,
    /// The loaded figures, when `dataset` is a scenario over them: its changed figures are
    /// marked, with the base figure and the difference.
    #[prop_or_default]
    pub base: Option<Rc<Dataset>>,
    /// The column kinds the trend chart hides, and the toggle of one.
    pub hidden: BTreeSet<ColumnKind>,
    pub on_series: Callback<Series>,
    /// What an export states beside the figures (made when the user exports).
    pub about: Callback<(), crate::export::About>,
    /// The user's notes on lines of this node.
    pub noted: Rc<BTreeMap<Line, String>>,
    /// Has a workbook made (in the worker) and offered for download under the name given.
    pub on_workbook: Callback<(crate::protocol::WorkbookRequest, String)>,
}

/// The rows of the node's source that carried figures and were not read, and what that
/// means for the figures shown: nothing after them is computed from the parts that remain.
fn unread_note(dataset: &Dataset, node: &str, lang: Lang) -> Html {
    let rows: Vec<_> = dataset.unread_at(node).collect();
    if rows.is_empty() {
        return html! {};
    }
    let heading = match lang {
        Lang::Fi => format!("Lähteestä jäi lukematta {} riviä", rows.len()),
        Lang::Sv => format!("{} rader i källan lästes inte", rows.len()),
        Lang::En => format!("{} rows of the source were not read", rows.len()),
    };
    let consequence = match lang {
        Lang::Fi => {
            "Raami ei laske niiden jälkeen tulevia välisummia jäljelle jääneistä osista (solu jää tyhjäksi), eikä asiakirjan ilmoittamia välisummia verrata osiinsa."
        }
        Lang::Sv => {
            "Delsummor efter dem räknas inte ur de delar som finns kvar (cellen är tom), och dokumentets delsummor jämförs inte med sina delar."
        }
        Lang::En => {
            "Subtotals after them are not computed from the parts that remain (the cell is empty), and the document's subtotals are not compared with their parts."
        }
    };
    html! {
        <div class="unread-rows" role="note">
            <h2>{ heading }</h2>
            <p>{ consequence }</p>
            <ul>{ for rows.iter().map(|row| html! { <li>{ format!("”{}” ({})", row.label, row.place) }</li> }) }</ul>
        </div>
    }
}

/// The style of a column's kind: actuals, budgets and plans are told apart.
pub fn kind_class(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Tp | ColumnKind::Toteuma => "col-actual",
        ColumnKind::Ta | ColumnKind::TaMuutettu => "col-budget",
        ColumnKind::Ts | ColumnKind::Ennuste => "col-plan",
    }
}

/// A screen-reader text that is not shown.
fn sr(text: String) -> Html {
    html! { <span class="sr-only">{ text }</span> }
}

fn amount_cell(
    table: &NodeTable,
    row_index: usize,
    column_index: usize,
    changed: &BTreeMap<(Line, String), Changed>,
    lang: Lang,
) -> Html {
    let row = &table.rows[row_index];
    let column = &table.columns[column_index];
    let Some(cell) = &row.cells[column_index] else {
        return html! { <td class={classes!("num", kind_class(column.kind))}></td> };
    };
    let scenario = changed_mark(changed.get(&(row.line, column.id.clone())).copied(), lang);
    let computed = match cell.value.origin {
        Origin::Stated => html! {},
        Origin::FromParts => html! {
            <><span class="mark computed" aria-hidden="true" title={t(lang, Msg::ComputedMark)}>{ "Σ" }</span>
            { sr(format!(" ({})", t(lang, Msg::ComputedMark))) }</>
        },
        Origin::FromChildren => html! {
            <><span class="mark computed" aria-hidden="true" title={t(lang, Msg::FromChildrenExplain)}>{ "Σ" }</span>
            { sr(format!(" ({})", t(lang, Msg::FromChildrenExplain))) }</>
        },
    };
    // The mark says what validation says of the difference: ≈ a rounding difference only,
    // ≠ a contradiction, ? not compared (parts missing); never "rounding" for more.
    let rounding = match (cell.parts_sum, cell.rounding_difference(), cell.difference) {
        (Some(sum), Some(difference), Some(kind)) => {
            let (mark, class, word) = match kind {
                Difference::Rounding => ("≈", "rounding", t(lang, Msg::RoundingMark)),
                Difference::Contradiction => {
                    ("≠", "contradiction", t(lang, Msg::ContradictionMark))
                }
                Difference::NotCompared => ("?", "not-compared", t(lang, Msg::NotComparedMark)),
            };
            let text = format!(
                "{} {}, {} {}",
                t(lang, Msg::SumOfParts),
                format_eur(sum, lang),
                word,
                format_eur(difference, lang)
            );
            html! {
                <><span class={classes!("mark", class)} aria-hidden="true" title={text.clone()}>{ mark }</span>{ sr(format!(" ({text})")) }</>
            }
        }
        _ => html! {},
    };
    html! {
        <td class={classes!("num", kind_class(column.kind), cell.is_computed().then_some("is-computed"), changed.contains_key(&(row.line, column.id.clone())).then_some("scenario-changed"))}
            data-col={column.id.clone()}>
            { scenario }{ rounding }{ computed }<span class="amount">{ format_eur(cell.amount(), lang) }</span>
        </td>
    }
}

fn column_select(
    id: &'static str,
    label: &'static str,
    columns: &[Column],
    selected: &str,
    lang: Lang,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class="field" for={id}>
            <span>{ label }</span>
            <select id={id} onchange={onchange}>
                { for columns.iter().map(|c| html! {
                    <option value={c.id.clone()} selected={c.id == selected}>{ c.label(lang) }</option>
                }) }
            </select>
        </label>
    }
}

#[component]
pub fn Statement(props: &Props) -> Html {
    let lang = props.lang;
    let dataset = &props.dataset;
    let Some(node) = dataset.node(&props.node) else {
        return html! { <p>{ t(lang, Msg::NoData) }</p> };
    };
    let columns = node_columns(dataset, &node.id);
    let wanted = props.change.as_ref();
    let pair = change_pair(
        &columns,
        wanted.map(|c| c.0.as_str()),
        wanted.map(|c| c.1.as_str()),
    );
    // One table serves the statement and its charts.
    let table = Rc::new(node_table(
        dataset,
        &node.id,
        pair.as_ref().map(|(b, t)| (b.as_str(), t.as_str())),
    ));
    // The table as Finnish Excel reads it: `;`, decimal comma, UTF-8 with a byte-order mark,
    // the figures with the cents they have (the caption's unit is the file's name).
    let on_export = {
        let (table, name) = (
            table.clone(),
            format!("raami-{}-{}.csv", dataset.id, node.id),
        );
        Callback::from(move |_: MouseEvent| {
            let text = format!("\u{feff}{}", crate::report::table_csv(&table, lang));
            crate::ui::io::download(&name, &text, "text/csv;charset=utf-8");
        })
    };
    // The same table as an Excel workbook: numbers with a Finnish number format, subtotals
    // as formulas of their parts, the scenario's edits and the source on their own sheets.
    let on_export_xlsx = {
        let (dataset, about, on_workbook) = (
            dataset.clone(),
            props.about.clone(),
            props.on_workbook.clone(),
        );
        let (name, node, change) = (
            format!("raami-{}-{}.xlsx", dataset.id, node.id),
            node.id.clone(),
            pair.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let request = crate::protocol::WorkbookRequest {
                dataset: Dataset::clone(&dataset),
                nodes: vec![node.clone()],
                change: change.clone(),
                about: about.emit(()),
                lang,
                grids: Vec::new(),
                // The node's follow-up and goals on their own sheets after its statement.
                views: true,
            };
            on_workbook.emit((request, name.clone()));
        })
    };
    // The workbook has the node's other views after its statement: say which.
    let views_hint = match (
        !table.follow_ups.is_empty(),
        crate::export::goals::has_goals_view(dataset, &node.id),
    ) {
        (false, false) => None,
        (true, false) => Some(pick(
            lang,
            "Työkirjassa on myös toteumavertailu omalla välilehdellään.",
            "Arbetsboken har också uppföljningen på ett eget blad.",
            "The workbook has the budget follow-up on a sheet of its own too.",
        )),
        (false, true) => Some(pick(
            lang,
            "Työkirjassa ovat myös tavoitteet ja investoinnit omilla välilehdillään.",
            "Arbetsboken har också målen och investeringarna på egna blad.",
            "The workbook has the goals and investments on sheets of their own too.",
        )),
        (true, true) => Some(pick(
            lang,
            "Työkirjassa ovat myös toteumavertailu sekä tavoitteet ja investoinnit omilla välilehdillään.",
            "Arbetsboken har också uppföljningen samt målen och investeringarna på egna blad.",
            "The workbook has the budget follow-up and the goals and investments on sheets of their own too.",
        )),
    };
    let changed = props
        .base
        .as_ref()
        .map(|base| {
            let pair = pair.as_ref().map(|(b, t)| (b.as_str(), t.as_str()));
            changed_cells(&node_table(base, &node.id, pair), &table)
        })
        .unwrap_or_default();

    let heading = html! {
        <header class="view-header">
            <p class="breadcrumbs">
                { for dataset.ancestry(&node.id).iter().rev().skip(1).rev().map(|a| html! { <span>{ &a.name }{ " › " }</span> }) }
            </p>
            <h1 id="statement-heading">{ &node.name }</h1>
            <p class="org-meta">{ node.level.name(lang) }</p>
        </header>
    };
    if table.rows.is_empty() {
        return html! { <section aria-labelledby="statement-heading">{ heading }<p>{ t(lang, Msg::NoData) }</p></section> };
    }

    let controls = match &pair {
        Some((base, target)) => {
            let on_base = {
                let cb = props.on_change_pair.clone();
                let target = target.clone();
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    cb.emit((select.value(), target.clone()));
                })
            };
            let on_target = {
                let cb = props.on_change_pair.clone();
                let base = base.clone();
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    cb.emit((base.clone(), select.value()));
                })
            };
            html! {
                <div class="controls">
                    { column_select("change-base", t(lang, Msg::ChangeBase), &table.columns, base, lang, on_base) }
                    { column_select("change-target", t(lang, Msg::ChangeTarget), &table.columns, target, lang, on_target) }
                </div>
            }
        }
        None => html! {},
    };

    let notes = table.column_notes();
    let note_index = |column: &Column| {
        notes
            .iter()
            .position(|(c, _)| c.id == column.id)
            .map(|i| i + 1)
    };
    let many_follow_ups = table.follow_ups.len() > 1;

    html! {
        <section class="statement" aria-labelledby="statement-heading">
            { heading }
            { controls }
            <div class="table-scroll" tabindex="0" role="region" aria-label={t(lang, Msg::StatementCaption)}>
            <table class="statement-table">
                <caption>{ format!("{}: {} ({})", t(lang, Msg::StatementCaption), node.name, props.unit) }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="line-head">{ t(lang, Msg::Line) }</th>
                        { for table.columns.iter().map(|c| html! {
                            <th scope="col" class={classes!("num", kind_class(c.kind))} title={c.kind.long_name(lang)} data-col={c.id.clone()}>
                                { c.label(lang) }
                                { match note_index(c) {
                                    Some(n) => html! { <sup><a href={format!("#note-{n}")} aria-label={format!("{} {n}", t(lang, Msg::Notes))}>{ format!("{n})") }</a></sup> },
                                    None => html! {},
                                } }
                            </th>
                        }) }
                        { for table.follow_ups.iter().map(|f| {
                            let suffix = if many_follow_ups { format!(" {}", f.actual.year) } else { String::new() };
                            html! {
                                <>
                                    <th scope="col" class="num derived">{ format!("{}{suffix}", t(lang, Msg::Poikkeama)) }</th>
                                    <th scope="col" class="num derived">{ format!("{}{suffix}", t(lang, Msg::ToteumaPct)) }</th>
                                </>
                            }
                        }) }
                        { match &table.change_between {
                            Some((base, target)) => html! {
                                <>
                                    <th scope="col" class="num derived">{ t(lang, Msg::Change) }<br/><span class="sub">{ format!("{} → {}", base.label(lang), target.label(lang)) }</span></th>
                                    <th scope="col" class="num derived">{ t(lang, Msg::ChangePct) }<br/><span class="sub">{ format!("{} → {}", base.label(lang), target.label(lang)) }</span></th>
                                    <th scope="col" class="num derived">{ t(lang, Msg::YearlyPct) }<br/><span class="sub">{ format!("{} → {}", base.label(lang), target.label(lang)) }</span></th>
                                </>
                            },
                            None => html! {},
                        } }
                    </tr>
                </thead>
                <tbody>
                    { for table.rows.iter().enumerate().map(|(row_index, row)| {
                        // A subtotal line is set apart where it sums lines shown above it (or is a
                        // main line); Henkilöstökulut printed without its parts reads as a leaf.
                        let subtotal = row.line.is_subtotal()
                            && (row.line.info().depth == 0 || row.line.parts().iter().any(|p| table.row(*p).is_some()));
                        let depth = row.line.info().depth;
                        html! {
                            <tr class={classes!(subtotal.then_some("subtotal"), format!("depth-{depth}"))} data-line={row.line.key()}>
                                <th scope="row" class="line-name">{ row.line.name(lang) }
                                    { match props.noted.get(&row.line) {
                                        Some(note) => html! { <><span class="mark noted" aria-hidden="true" title={note.clone()}>{ "✎" }</span>
                                            { sr(format!(" ({}: {note})", pick(lang, "oma muistiinpano", "egen anteckning", "your note"))) }</> },
                                        None => html! {},
                                    } }
                                </th>
                                { for (0..table.columns.len()).map(|i| amount_cell(&table, row_index, i, &changed, lang)) }
                                { for row.follow_ups.iter().map(|f| html! {
                                    <>
                                        <td class="num derived" data-col="poikkeama">{ f.map(|f| format_eur(f.poikkeama, lang)).unwrap_or_default() }</td>
                                        <td class="num derived" data-col="toteuma-pct">{ f.and_then(|f| f.toteuma_pct).map(|p| format_percent(p, lang)).unwrap_or_default() }</td>
                                    </>
                                }) }
                                { if table.change_between.is_some() { html! {
                                    <>
                                        <td class="num derived" data-col="change">{ row.change.map(|c| format_eur(c.change, lang)).unwrap_or_default() }</td>
                                        <td class="num derived" data-col="change-pct">{ row.change.and_then(|c| c.change_pct).map(|p| format_percent(p, lang)).unwrap_or_default() }</td>
                                        <td class="num derived" data-col="yearly-pct">{ row.change.and_then(|c| c.yearly_pct).map(|p| format_percent(p, lang)).unwrap_or_default() }</td>
                                    </>
                                } } else { html! {} } }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
            { unread_note(&props.dataset, &props.node, lang) }
            <div class="export">
                <button type="button" class="button" id="export-csv" onclick={on_export}>{ pick(lang, "Lataa taulukko CSV-tiedostona (Excel)", "Ladda ner tabellen som CSV (Excel)", "Download the table as CSV (Excel)") }</button>
                <button type="button" class="button" id="export-xlsx" onclick={on_export_xlsx} aria-describedby={views_hint.is_some().then_some("export-xlsx-hint")}>{ pick(lang, "Lataa Excel-työkirjana (XLSX)", "Ladda ner som Excel-arbetsbok (XLSX)", "Download as an Excel workbook (XLSX)") }</button>
                { views_hint.map(|hint| html! { <p class="hint" id="export-xlsx-hint">{ hint }</p> }).unwrap_or_default() }
            </div>
            // The table first, as a council member came for it; its charts under it, folded
            // away with one click.
            <details class="charts-drawer" open=true>
                <summary>{ pick(lang, "Kuviot", "Diagram", "Charts") }</summary>
                <div class="charts">
                    <TrendChart table={table.clone()} lang={lang} unit={props.unit.clone()} on_drill={props.on_drill.clone()} line={props.line} on_line={props.on_line.clone()} hidden={props.hidden.clone()} on_series={props.on_series.clone()} />
                    <WaterfallChart table={table.clone()} lang={lang} unit={props.unit.clone()} on_drill={props.on_drill.clone()} column={props.column.clone()} on_column={props.on_column.clone()} />
                </div>
            </details>
            { if notes.is_empty() { html! {} } else { html! {
                <div class="column-notes">
                    <h2>{ t(lang, Msg::Notes) }</h2>
                    <ol>
                        { for notes.iter().enumerate().map(|(i, (column, note))| html! {
                            <li id={format!("note-{}", i + 1)}><strong>{ format!("{}: ", column.label(lang)) }</strong>{ *note }</li>
                        }) }
                    </ol>
                </div>
            } } }
            <details class="legend">
                <summary>{ t(lang, Msg::Legend) }</summary>
                <ul>
                    <li>{ t(lang, Msg::ComputedExplain) }</li>
                    <li>{ t(lang, Msg::RoundingExplain) }</li>
                    <li>{ t(lang, Msg::DerivedExplain) }</li>
                    <li>{ t(lang, Msg::ChangeExplain) }</li>
                </ul>
            </details>
        </section>
    }
}
