//! The trend chart of the statement view: one line of the node over its columns as bars,
//! actuals, budgets and plans in colours colour-blind readers tell apart and named in the
//! legend and under each bar. Hovering shows the exact figure; legend entries hide and show
//! kinds of column; the chart redraws on resize and is sharp on high-DPI screens. The
//! statement table below is its table alternative, and a sentence sums it up for screen
//! readers. The geometry comes from [`crate::chart`]; plotters paints it.

use std::collections::BTreeSet;
use std::rc::Rc;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::analysis::table::node_table;
use crate::chart::{Frame, colour, hit, layout, summary};
use crate::i18n::{Lang, Msg, t};
use crate::model::{ColumnKind, Dataset, Line};
use crate::numfmt::format_eur;

const HEIGHT: f64 = 220.0;
const PAD: f64 = 12.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dataset: Rc<Dataset>,
    pub node: String,
    pub lang: Lang,
    pub unit: AttrValue,
}

fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    values: &[Option<rust_decimal::Decimal>],
    colours: &[(u8, u8, u8)],
) -> Option<crate::chart::Layout> {
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let width = f64::from(canvas.client_width()).max(120.0);
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((HEIGHT * ratio) as u32);
    let placed = layout(
        values,
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
    for bar in &placed.bars {
        let (r, g, b) = colours.get(bar.index).copied().unwrap_or((0, 114, 178));
        let style = RGBColor(r, g, b).filled();
        root.draw(&Rectangle::new(
            [(px(bar.x0), px(bar.y0)), (px(bar.x1), px(bar.y1))],
            style,
        ))
        .ok()?;
    }
    let axis = RGBColor(27, 31, 36).stroke_width(ratio.round() as u32);
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
    /// One label per bar, shown under it.
    pub labels: Vec<String>,
    pub values: Vec<Option<rust_decimal::Decimal>>,
    pub colours: Vec<(u8, u8, u8)>,
    /// The sentence a screen reader hears, also shown as the caption.
    pub summary: String,
    /// Put before a hovered bar's figure (`Toimintakate ·`).
    pub subject: String,
    pub unit: AttrValue,
    pub lang: Lang,
    /// Called with a bar's index when it is clicked.
    #[prop_or_default]
    pub on_click: Option<Callback<usize>>,
}

/// Bars on a canvas, with labels, the exact figure on hover, and a caption.
#[component]
pub fn BarChart(props: &BarProps) -> Html {
    let hover = use_state(|| None::<usize>);
    // Resizes seen so far: the drawing depends on it, so a resize redraws. A counter that the
    // listener bumps in place, since the listener outlives the render it was made in.
    let resizes = use_mut_ref(|| 0u32);
    let redraw = use_force_update();
    let canvas = use_node_ref();
    let placed = use_mut_ref(|| None::<crate::chart::Layout>);
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
    {
        let (canvas, placed) = (canvas.clone(), placed.clone());
        use_effect_with(
            (
                props.values.clone(),
                props.colours.clone(),
                *resizes.borrow(),
            ),
            move |(values, colours, _)| {
                if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    *placed.borrow_mut() = paint(&element, values, colours);
                }
            },
        );
    }
    let on_move = {
        let (hover, placed) = (hover.clone(), placed.clone());
        Callback::from(move |e: MouseEvent| {
            let found = placed
                .borrow()
                .as_ref()
                .and_then(|l| hit(l, f64::from(e.offset_x())));
            if *hover != found {
                hover.set(found);
            }
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let on_click = props.on_click.clone().map(|cb| {
        let placed = placed.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(index) = placed
                .borrow()
                .as_ref()
                .and_then(|l| hit(l, f64::from(e.offset_x())))
            {
                cb.emit(index);
            }
        })
    });
    let tooltip = hover.and_then(|i| {
        Some((
            props.labels.get(i)?,
            props.values.get(i).copied().flatten()?,
        ))
    });
    html! {
        <figure class="bar-chart">
            <canvas ref={canvas} class={classes!("chart-canvas", props.on_click.is_some().then_some("clickable"))} role="img" aria-label={props.summary.clone()}
                onmousemove={on_move} onmouseleave={on_leave} onclick={on_click} />
            <div class="chart-labels" aria-hidden="true">
                { for props.labels.iter().map(|label| html! { <span>{ label }</span> }) }
            </div>
            <p class="chart-tooltip" aria-hidden="true">{ match tooltip {
                Some((label, value)) => format!("{} {label}: {} {}", props.subject, format_eur(value, props.lang), props.unit),
                None => "\u{a0}".to_string(),
            } }</p>
            <figcaption>{ props.summary.clone() }</figcaption>
        </figure>
    }
}

#[component]
pub fn TrendChart(props: &Props) -> Html {
    let lang = props.lang;
    let line_choice = use_state(|| Line::Toimintakate);
    let hidden = use_state(BTreeSet::<ColumnKind>::new);
    let table = node_table(&props.dataset, &props.node, None);
    let lines: Vec<Line> = table.rows.iter().map(|r| r.line).collect();
    let line = if lines.contains(&line_choice) {
        *line_choice
    } else {
        lines.last().copied().unwrap_or(Line::Toimintakate)
    };
    let columns: Vec<_> = table
        .columns
        .iter()
        .filter(|c| !hidden.contains(&c.kind))
        .cloned()
        .collect();
    let values: Vec<Option<rust_decimal::Decimal>> =
        columns.iter().map(|c| table.amount(line, &c.id)).collect();
    let on_line = {
        let line_choice = line_choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(line) = Line::all().find(|l| l.key() == select.value()) {
                line_choice.set(line);
            }
        })
    };
    let mut present: Vec<ColumnKind> = table.columns.iter().map(|c| c.kind).collect();
    present.sort();
    present.dedup();
    html! {
        <div class="trend-chart">
            <div class="controls">
                <label class="field" for="chart-line"><span>{ t(lang, Msg::ChooseLine) }</span>
                    <select id="chart-line" onchange={on_line}>
                        { for lines.iter().map(|l| html! { <option value={l.key()} selected={*l == line}>{ l.name(lang) }</option> }) }
                    </select>
                </label>
                <div class="legend-keys" role="group" aria-label={t(lang, Msg::Legend)}>
                    { for present.iter().map(|kind| {
                        let kind = *kind;
                        let shown = !hidden.contains(&kind);
                        let hidden = hidden.clone();
                        let (r, g, b) = colour(kind);
                        let toggle = Callback::from(move |_| {
                            let mut next = (*hidden).clone();
                            if !next.remove(&kind) {
                                next.insert(kind);
                            }
                            hidden.set(next);
                        });
                        html! {
                            <button type="button" class="button legend-key" aria-pressed={shown.to_string()} data-kind={kind.id_prefix()} onclick={toggle}>
                                <span class="swatch" aria-hidden="true" style={format!("background: rgb({r},{g},{b})")}></span>
                                { format!("{} ({})", kind.code(lang), kind.long_name(lang)) }
                            </button>
                        }
                    }) }
                </div>
            </div>
            <BarChart
                labels={columns.iter().map(|c| c.label(lang)).collect::<Vec<_>>()}
                colours={columns.iter().map(|c| colour(c.kind)).collect::<Vec<_>>()}
                summary={summary(line, &columns, &values, &props.unit, lang)}
                subject={format!("{} ·", line.name(lang))}
                values={values}
                unit={props.unit.clone()}
                lang={lang} />
        </div>
    }
}
