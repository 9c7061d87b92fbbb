//! Charts on a canvas, painted by plotters from the geometry of [`crate::chart`]: bars over
//! the columns (actuals solid, budgets hatched, plans dotted, in colours colour-blind readers
//! tell apart), stacked bars by unit, the waterfall of a statement and the deviations of a
//! follow-up. Hovering or moving with the arrow keys shows the exact figure; a click or Enter
//! drills into the mark's node or line; legend entries hide and show series; the chart
//! redraws on resize and is drawn at the screen's pixel ratio. Each chart has a sentence for
//! screen readers and a table with the same figures.

use std::collections::BTreeSet;
use std::rc::Rc;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::analysis::NodeTable;
use crate::analysis::breakdown::units_over;
use crate::chart::{
    Frame, Layout, Mark, Pattern, bar_marks, colour, dots, hatch, hit, layout, pattern, shade,
    summary, waterfall, waterfall_marks, waterfall_summary,
};
use crate::i18n::{Lang, Msg, pick, t};
use crate::model::{ColumnKind, Dataset, Line};
use crate::numfmt::format_eur;
use crate::session::Series;

const HEIGHT: f64 = 220.0;
const PAD: f64 = 12.0;

/// A legend entry: its text, colour and pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendKey {
    pub label: String,
    pub colour: (u8, u8, u8),
    pub pattern: Pattern,
    /// An id for tests and styles (`TP`, a unit's id).
    pub key: String,
}

/// The CSS background of a legend swatch, in the pattern of the bars.
fn swatch_style(colour: (u8, u8, u8), pattern: Pattern) -> String {
    let (r, g, b) = colour;
    let (dr, dg, db) = shade(colour);
    match pattern {
        Pattern::Solid => format!("background: rgb({r},{g},{b})"),
        Pattern::Hatched => format!(
            "background: repeating-linear-gradient(45deg, rgb({dr},{dg},{db}) 0 2px, rgba({r},{g},{b},.35) 2px 5px)"
        ),
        Pattern::Dotted => format!(
            "background: radial-gradient(rgb({dr},{dg},{db}) 1.3px, rgba({r},{g},{b},.3) 1.6px) 0 0 / 5px 5px"
        ),
    }
}

fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    marks: &[Mark],
    slots: usize,
    active: Option<usize>,
) -> Option<Layout> {
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let width = f64::from(canvas.client_width()).max(120.0);
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((HEIGHT * ratio) as u32);
    let placed = layout(
        marks,
        slots,
        Frame {
            width,
            height: HEIGHT,
            pad: PAD,
        },
    );
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let px = |v: f64| (v * ratio).round() as i32;
    let line_width = ratio.round().max(1.0) as u32;
    for bar in &placed.bars {
        let Some(mark) = marks.get(bar.mark) else {
            continue;
        };
        let (r, g, b) = mark.colour;
        let fill = RGBColor(r, g, b);
        let (r, g, b) = shade(mark.colour);
        let ink = RGBColor(r, g, b);
        let corners = [(px(bar.x0), px(bar.y0)), (px(bar.x1), px(bar.y1))];
        match mark.pattern {
            Pattern::Solid => {
                root.draw(&Rectangle::new(corners, fill.filled())).ok()?;
            }
            Pattern::Hatched => {
                root.draw(&Rectangle::new(corners, fill.mix(0.35).filled()))
                    .ok()?;
                for ((ax, ay), (bx, by)) in hatch(bar, 5.0) {
                    root.draw(&PathElement::new(
                        vec![(px(ax), px(ay)), (px(bx), px(by))],
                        ink.stroke_width(2 * line_width),
                    ))
                    .ok()?;
                }
            }
            Pattern::Dotted => {
                root.draw(&Rectangle::new(corners, fill.mix(0.3).filled()))
                    .ok()?;
                for (x, y) in dots(bar, 5.0) {
                    root.draw(&Circle::new(
                        (px(x), px(y)),
                        (1.3 * ratio).round().max(1.0) as i32,
                        ink.filled(),
                    ))
                    .ok()?;
                }
            }
        }
        // Every bar has an outline dark enough to stand out from the page.
        root.draw(&Rectangle::new(corners, ink.stroke_width(line_width)))
            .ok()?;
        if active == Some(bar.mark) {
            let outline = [
                (
                    px(bar.x0) - 2 * line_width as i32,
                    px(bar.y0) - 2 * line_width as i32,
                ),
                (
                    px(bar.x1) + 2 * line_width as i32,
                    px(bar.y1) + 2 * line_width as i32,
                ),
            ];
            root.draw(&Rectangle::new(
                outline,
                RGBColor(27, 31, 36).stroke_width(2 * line_width),
            ))
            .ok()?;
        }
    }
    let axis = RGBColor(27, 31, 36).stroke_width(line_width);
    root.draw(&PathElement::new(
        vec![
            (px(PAD), px(placed.zero_y)),
            (px(width - PAD), px(placed.zero_y)),
        ],
        axis,
    ))
    .ok()?;
    root.present().ok()?;
    Some(placed)
}

#[derive(Properties, PartialEq)]
pub struct BarProps {
    pub marks: Vec<Mark>,
    /// One label per slot, shown under it.
    pub labels: Vec<String>,
    /// The sentence a screen reader hears, also shown as the caption.
    pub summary: String,
    pub unit: AttrValue,
    pub lang: Lang,
    /// Called with a mark's index when it is clicked or chosen with Enter.
    #[prop_or_default]
    pub on_click: Option<Callback<usize>>,
    /// Legend entries, one per series; with `on_toggle`, each hides and shows its series.
    #[prop_or_default]
    pub legend: Vec<LegendKey>,
    #[prop_or_default]
    pub hidden: BTreeSet<usize>,
    #[prop_or_default]
    pub on_toggle: Option<Callback<usize>>,
    /// A class for the figure (`waterfall`, `stacked`, `deviation`).
    #[prop_or_default]
    pub class: Classes,
    /// The chart's title in a saved picture (the summary, where none is given).
    #[prop_or_default]
    pub title: AttrValue,
}

/// Saves a chart as a picture: SVG as it is, or PNG drawn from the SVG at twice the
/// screen's pixel ratio.
fn save_picture(svg: String, width: f64, height: f64, png: bool) {
    use wasm_bindgen::JsCast;
    if !png {
        crate::ui::io::download("raami-kaavio.svg", &svg, "image/svg+xml");
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let scale = 2.0
        * web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    );
    let drawn = image.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let canvas = document
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width((width * scale).round() as u32);
        canvas.set_height((height * scale).round() as u32);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(context) = context else { return };
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &drawn,
            0.0,
            0.0,
            width * scale,
            height * scale,
        );
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            crate::ui::io::download_url("raami-kaavio.png", &url);
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&source);
}

/// Marks on a canvas, with labels, a legend, the exact figure on hover or arrow keys, and
/// a caption.
#[component]
pub fn BarChart(props: &BarProps) -> Html {
    let lang = props.lang;
    let active = use_state(|| None::<usize>);
    // Resizes seen so far: the drawing depends on it, so a resize redraws. A counter that the
    // listener bumps in place, since the listener outlives the render it was made in.
    let resizes = use_mut_ref(|| 0u32);
    let redraw = use_force_update();
    let canvas = use_node_ref();
    let placed = use_mut_ref(|| None::<Layout>);
    {
        let resizes = resizes.clone();
        crate::ui::use_window_events(
            &["resize"],
            Callback::from(move |()| {
                *resizes.borrow_mut() += 1;
                redraw.force_update();
            }),
        );
    }
    let slots = props.labels.len();
    {
        let (canvas, placed) = (canvas.clone(), placed.clone());
        use_effect_with(
            (props.marks.clone(), slots, *active, *resizes.borrow()),
            move |(marks, slots, active, _)| {
                if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    *placed.borrow_mut() = paint(&element, marks, *slots, *active);
                }
            },
        );
    }
    let at = {
        let placed = placed.clone();
        move |e: &MouseEvent| {
            placed
                .borrow()
                .as_ref()
                .and_then(|l| hit(l, f64::from(e.offset_x()), f64::from(e.offset_y())))
        }
    };
    let on_move = {
        let (active, at) = (active.clone(), at.clone());
        Callback::from(move |e: MouseEvent| {
            let found = at(&e);
            if *active != found {
                active.set(found);
            }
        })
    };
    let on_leave = {
        let active = active.clone();
        Callback::from(move |_: MouseEvent| active.set(None))
    };
    let on_click = props.on_click.clone().map(|cb| {
        Callback::from(move |e: MouseEvent| {
            if let Some(index) = at(&e) {
                cb.emit(index);
            }
        })
    });
    // Keyboard: the arrow keys move from mark to mark in reading order, Enter drills.
    let order: Vec<usize> = {
        let mut order: Vec<usize> = (0..props.marks.len()).collect();
        order.sort_by_key(|i| (props.marks[*i].slot, props.marks[*i].series));
        order
    };
    let on_key = {
        let (active, on_click) = (active.clone(), props.on_click.clone());
        Callback::from(move |e: KeyboardEvent| {
            let position = active.and_then(|a| order.iter().position(|i| *i == a));
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => {
                    position.map_or(0, |p| (p + 1).min(order.len().saturating_sub(1)))
                }
                "ArrowLeft" | "ArrowUp" => position.map_or(0, |p| p.saturating_sub(1)),
                "Home" => 0,
                "End" => order.len().saturating_sub(1),
                "Enter" | " " => {
                    if let (Some(a), Some(cb)) = (*active, on_click.as_ref()) {
                        e.prevent_default();
                        cb.emit(a);
                    }
                    return;
                }
                "Escape" => {
                    active.set(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            active.set(order.get(next).copied());
        })
    };
    // The chart as a picture to take away, with its title, legend and labels.
    let picture = |png: bool| {
        let (canvas, marks, labels) = (canvas.clone(), props.marks.clone(), props.labels.clone());
        let legend: Vec<(String, (u8, u8, u8), Pattern)> = props
            .legend
            .iter()
            .map(|k| (k.label.clone(), k.colour, k.pattern))
            .collect();
        let title = if props.title.is_empty() {
            props.summary.clone()
        } else {
            props.title.to_string()
        };
        let (summary, unit) = (props.summary.clone(), props.unit.to_string());
        Callback::from(move |_: MouseEvent| {
            let width = canvas
                .cast::<web_sys::HtmlCanvasElement>()
                .map_or(600.0, |c| f64::from(c.client_width()));
            let (svg, width, height) = crate::chart::svg(&crate::chart::Picture {
                title: &title,
                unit: &unit,
                marks: &marks,
                labels: &labels,
                legend: &legend,
                width,
                summary: &summary,
                lang,
            });
            save_picture(svg, width, height, png);
        })
    };
    let (save_png, save_svg) = (picture(true), picture(false));
    let tooltip = active
        .and_then(|i| props.marks.get(i))
        .map(|m| format!("{}: {} {}", m.label, format_eur(m.value, lang), props.unit));
    html! {
        <figure class={classes!("bar-chart", props.class.clone())}>
            { if props.legend.is_empty() { html! {} } else { html! {
                <div class="legend-keys" role="group" aria-label={t(lang, Msg::Legend)}>
                    { for props.legend.iter().enumerate().map(|(index, key)| {
                        let swatch = html! { <span class="swatch" aria-hidden="true" style={swatch_style(key.colour, key.pattern)}></span> };
                        match &props.on_toggle {
                            Some(toggle) => {
                                let toggle = toggle.clone();
                                html! {
                                    <button type="button" class="button legend-key" aria-pressed={(!props.hidden.contains(&index)).to_string()}
                                        data-kind={key.key.clone()} onclick={move |_| toggle.emit(index)}>
                                        { swatch }{ &key.label }
                                    </button>
                                }
                            }
                            None => html! { <span class="legend-key static" data-kind={key.key.clone()}>{ swatch }{ &key.label }</span> },
                        }
                    }) }
                </div>
            } } }
            <canvas ref={canvas} class={classes!("chart-canvas", props.on_click.is_some().then_some("clickable"))}
                role="img" aria-label={props.summary.clone()} tabindex="0"
                onmousemove={on_move} onmouseleave={on_leave} onclick={on_click} onkeydown={on_key} />
            <div class="chart-labels" aria-hidden="true">
                { for props.labels.iter().map(|label| html! { <span>{ label }</span> }) }
            </div>
            <p class="chart-tooltip" aria-live="polite">{ tooltip.unwrap_or_else(|| "\u{a0}".to_string()) }</p>
            <figcaption>{ props.summary.clone() }</figcaption>
            <div class="chart-save">
                <button type="button" class="button link-like save-png" onclick={save_png}>{ pick(lang, "Tallenna kuvana (PNG)", "Spara som bild (PNG)", "Save as a picture (PNG)") }</button>
                <button type="button" class="button link-like save-svg" onclick={save_svg}>{ pick(lang, "Tallenna kuvana (SVG)", "Spara som bild (SVG)", "Save as a picture (SVG)") }</button>
            </div>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The node's statement, as the table under the charts shows it.
    pub table: Rc<NodeTable>,
    pub lang: Lang,
    pub unit: AttrValue,
    /// Drill into a line in a column (the breakdown of that line by unit).
    #[prop_or_default]
    pub on_drill: Option<Callback<(Line, String)>>,
    /// The line shown (the trend) and the column shown (the waterfall), as the link has them.
    #[prop_or_default]
    pub line: Option<Line>,
    #[prop_or_default]
    pub column: Option<String>,
    /// The user chose a line or a column: it goes into the link.
    #[prop_or_default]
    pub on_line: Callback<Line>,
    #[prop_or_default]
    pub on_column: Callback<String>,
    /// The column kinds the trend chart hides (the session holds them, the link carries
    /// them), and the legend's toggle of one.
    #[prop_or_default]
    pub hidden: BTreeSet<ColumnKind>,
    #[prop_or_default]
    pub on_series: Callback<Series>,
}

/// One line of the node over its columns; the statement table is its table alternative.
#[component]
pub fn TrendChart(props: &Props) -> Html {
    let lang = props.lang;
    let hidden = &props.hidden;
    let table = &props.table;
    let lines: Vec<Line> = table.rows.iter().map(|r| r.line).collect();
    let line = props
        .line
        .filter(|l| lines.contains(l))
        .or_else(|| lines.iter().copied().find(|l| *l == Line::Toimintakate))
        .or_else(|| lines.last().copied())
        .unwrap_or(Line::Toimintakate);
    let columns: Vec<_> = table
        .columns
        .iter()
        .filter(|c| !hidden.contains(&c.kind))
        .cloned()
        .collect();
    let values: Vec<Option<rust_decimal::Decimal>> =
        columns.iter().map(|c| table.amount(line, &c.id)).collect();
    let on_line = {
        let on_line = props.on_line.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(line) = Line::all().find(|l| l.key() == select.value()) {
                on_line.emit(line);
            }
        })
    };
    let mut present: Vec<ColumnKind> = table.columns.iter().map(|c| c.kind).collect();
    present.sort();
    present.dedup();
    let legend: Vec<LegendKey> = present
        .iter()
        .map(|kind| LegendKey {
            label: format!("{} ({})", kind.code(lang), kind.long_name(lang)),
            colour: colour(*kind),
            pattern: pattern(*kind),
            key: kind.id_prefix().to_string(),
        })
        .collect();
    let hidden_index: BTreeSet<usize> = present
        .iter()
        .enumerate()
        .filter(|(_, k)| hidden.contains(k))
        .map(|(i, _)| i)
        .collect();
    let on_toggle = {
        let on_series = props.on_series.clone();
        let present = present.clone();
        Callback::from(move |index: usize| {
            if let Some(kind) = present.get(index).copied() {
                on_series.emit(Series::Kind(kind));
            }
        })
    };
    let marks = bar_marks(&values, &columns, line.name(lang), lang);
    let on_click = props.on_drill.clone().map(|drill| {
        let marks = marks.clone();
        let columns = columns.clone();
        Callback::from(move |index: usize| {
            if let Some(column) = marks.get(index).and_then(|m| columns.get(m.slot)) {
                drill.emit((line, column.id.clone()));
            }
        })
    });
    html! {
        <div class="trend-chart">
            <h2 class="chart-heading">{ t(lang, Msg::ChartTrend) }</h2>
            <div class="controls">
                <label class="field" for="chart-line"><span>{ t(lang, Msg::ChooseLine) }</span>
                    <select id="chart-line" onchange={on_line}>
                        { for lines.iter().map(|l| html! { <option value={l.key()} selected={*l == line}>{ l.name(lang) }</option> }) }
                    </select>
                </label>
            </div>
            <BarChart
                title={format!("{}: {}", t(lang, Msg::ChartTrend), line.name(lang))}
                labels={columns.iter().map(|c| c.label(lang)).collect::<Vec<_>>()}
                summary={summary(line, &columns, &values, &props.unit, lang)}
                marks={marks}
                unit={props.unit.clone()}
                lang={lang}
                legend={legend}
                hidden={hidden_index}
                on_toggle={on_toggle}
                on_click={on_click} />
        </div>
    }
}

/// The waterfall of one column of the node's statement, with its steps as a table.
#[component]
pub fn WaterfallChart(props: &Props) -> Html {
    let lang = props.lang;
    let table = &props.table;
    // The chosen column, else the last one that has a Toimintakate.
    let column = props
        .column
        .as_ref()
        .and_then(|c| table.columns.iter().find(|k| &k.id == c))
        .filter(|c| table.amount(Line::Toimintakate, &c.id).is_some())
        .or_else(|| {
            table
                .columns
                .iter()
                .rev()
                .find(|c| table.amount(Line::Toimintakate, &c.id).is_some())
        })
        .cloned();
    let Some(column) = column else {
        return html! {};
    };
    let steps = waterfall(table, &column.id);
    if steps.is_empty() {
        return html! {};
    }
    let on_column = {
        let on_column = props.on_column.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_column.emit(select.value());
        })
    };
    let marks = waterfall_marks(&steps, &column, lang);
    let on_click = props.on_drill.clone().map(|drill| {
        let (steps, id) = (steps.clone(), column.id.clone());
        Callback::from(move |index: usize| {
            if let Some(step) = steps.get(index) {
                drill.emit((step.line, id.clone()));
            }
        })
    });
    let legend = vec![
        LegendKey {
            label: t(lang, Msg::WaterfallUp).to_string(),
            colour: crate::chart::UP,
            pattern: pattern(column.kind),
            key: "up".into(),
        },
        LegendKey {
            label: t(lang, Msg::WaterfallDown).to_string(),
            colour: crate::chart::DOWN,
            pattern: pattern(column.kind),
            key: "down".into(),
        },
        LegendKey {
            label: t(lang, Msg::Total).to_string(),
            colour: crate::chart::TOTAL,
            pattern: pattern(column.kind),
            key: "total".into(),
        },
    ];
    let caption = format!(
        "{}: {} ({})",
        t(lang, Msg::ChartWaterfall),
        column.label(lang),
        props.unit
    );
    html! {
        <div class="waterfall-chart">
            <h2 class="chart-heading">{ t(lang, Msg::ChartWaterfall) }</h2>
            <div class="controls">
                <label class="field" for="waterfall-column"><span>{ t(lang, Msg::ChooseColumn) }</span>
                    <select id="waterfall-column" onchange={on_column}>
                        { for table.columns.iter().filter(|c| table.amount(Line::Toimintakate, &c.id).is_some()).map(|c| html! {
                            <option value={c.id.clone()} selected={c.id == column.id}>{ c.label(lang) }</option>
                        }) }
                    </select>
                </label>
            </div>
            <BarChart
                class={classes!("waterfall")}
                labels={steps.iter().map(|s| s.line.name(lang).to_string()).collect::<Vec<_>>()}
                summary={waterfall_summary(&steps, &column, &props.unit, lang)}
                marks={marks}
                unit={props.unit.clone()}
                lang={lang}
                legend={legend}
                on_click={on_click} />
            <div class="table-scroll chart-table" tabindex="0" role="region" aria-label={caption.clone()}>
                <table class="waterfall-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Step) }</th>
                        <th scope="col" class="num">{ column.label(lang) }</th>
                        <th scope="col" class="num">{ t(lang, Msg::Cumulative) }</th>
                    </tr></thead>
                    <tbody>
                        { for steps.iter().map(|s| html! {
                            <tr class={classes!(s.total.then_some("subtotal"))} data-step={s.line.key()}>
                                <th scope="row">{ s.line.name(lang) }</th>
                                <td class="num" data-col="step">{ format_eur(s.amount(), lang) }</td>
                                <td class="num" data-col="cumulative">{ format_eur(s.to, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StackedProps {
    pub dataset: Rc<Dataset>,
    pub dataset_index: usize,
    pub node: String,
    pub line: Line,
    pub lang: Lang,
    pub unit: AttrValue,
    /// Drill into a unit.
    pub on_select: Callback<(usize, String)>,
    /// The units (ids) hidden, and the legend's toggle of one.
    pub hidden: BTreeSet<String>,
    pub on_series: Callback<Series>,
}

/// One line of the node's units over the columns, stacked; a segment drills into its unit,
/// and the legend hides and shows units. The table under it holds the same figures.
#[component]
pub fn StackedChart(props: &StackedProps) -> Html {
    let lang = props.lang;
    let dataset = &props.dataset;
    let columns: Vec<crate::model::Column> =
        crate::analysis::table::node_columns(dataset, &props.node);
    let units: Vec<&crate::model::OrgNode> = dataset.children(&props.node).collect();
    if units.is_empty() || columns.is_empty() {
        return html! {};
    }
    let series: Vec<(String, Vec<Option<rust_decimal::Decimal>>)> =
        units_over(dataset, &props.node, props.line, &columns)
            .into_iter()
            .map(|u| (u.name, u.amounts))
            .collect();
    let shown: Vec<(String, Vec<Option<rust_decimal::Decimal>>)> = series
        .iter()
        .enumerate()
        .map(|(i, (name, v))| {
            if units.get(i).is_some_and(|u| props.hidden.contains(&u.id)) {
                (name.clone(), vec![None; v.len()])
            } else {
                (name.clone(), v.clone())
            }
        })
        .collect();
    let marks = crate::chart::stacked_marks(&shown, &columns, lang);
    let legend: Vec<LegendKey> = units
        .iter()
        .enumerate()
        .map(|(i, u)| LegendKey {
            label: u.name.clone(),
            colour: crate::chart::series_colour(i),
            pattern: Pattern::Solid,
            key: u.id.clone(),
        })
        .collect();
    let on_toggle = {
        let on_series = props.on_series.clone();
        let ids: Vec<String> = units.iter().map(|u| u.id.clone()).collect();
        Callback::from(move |index: usize| {
            if let Some(id) = ids.get(index) {
                on_series.emit(Series::Unit(id.clone()));
            }
        })
    };
    let on_click = {
        let (on_select, index) = (props.on_select.clone(), props.dataset_index);
        let ids: Vec<String> = units.iter().map(|u| u.id.clone()).collect();
        let series_of: Vec<usize> = marks.iter().map(|m| m.series).collect();
        Callback::from(move |mark: usize| {
            if let Some(id) = series_of.get(mark).and_then(|s| ids.get(*s)) {
                on_select.emit((index, id.clone()));
            }
        })
    };
    let node_name = dataset
        .node(&props.node)
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let caption = format!(
        "{}: {}, {} ({})",
        t(lang, Msg::ChartStacked),
        node_name,
        props.line.name(lang),
        props.unit
    );
    html! {
        <div class="stacked-chart">
            <h2 class="chart-heading">{ format!("{}: {}", t(lang, Msg::ChartStacked), props.line.name(lang)) }</h2>
            <BarChart
                class={classes!("stacked")}
                labels={columns.iter().map(|c| c.label(lang)).collect::<Vec<_>>()}
                summary={crate::chart::stacked_summary(props.line, &shown, &columns, &props.unit, lang)}
                marks={marks}
                unit={props.unit.clone()}
                lang={lang}
                legend={legend}
                hidden={units.iter().enumerate().filter(|(_, u)| props.hidden.contains(&u.id)).map(|(i, _)| i).collect::<BTreeSet<usize>>()}
                on_toggle={on_toggle}
                on_click={on_click} />
            <div class="table-scroll chart-table" tabindex="0" role="region" aria-label={caption.clone()}>
                <table class="stacked-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Unit) }</th>
                        { for columns.iter().map(|c| html! { <th scope="col" class="num">{ c.label(lang) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for units.iter().zip(&series).map(|(u, (_, v))| html! {
                            <tr data-org={u.id.clone()}>
                                <th scope="row">{ &u.name }</th>
                                { for v.iter().zip(&columns).map(|(a, c)| html! {
                                    <td class="num" data-col={c.id.clone()}>{ a.map(|a| format_eur(a, lang)).unwrap_or_default() }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
