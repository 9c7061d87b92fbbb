//! The validation findings of the selected node: rounding differences and inconsistencies,
//! each a sentence naming line, column and both values, and the comparisons not made.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::validate::{Report, Severity};
use crate::i18n::{Lang, Msg, t};
use crate::model::Dataset;
use crate::report::{describe_finding, describe_incomplete, describe_not_checked, verdict_of};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dataset: Rc<Dataset>,
    pub report: Rc<Report>,
    pub node: String,
    pub lang: Lang,
}

#[component]
pub fn ValidationPanel(props: &Props) -> Html {
    let lang = props.lang;
    let findings: Vec<_> = props.report.for_org(&props.node).collect();
    let inconsistent: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Inconsistent)
        .collect();
    let rounding: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Rounding)
        .collect();
    let not_checked: Vec<_> = props
        .report
        .not_checked
        .iter()
        .filter(|n| n.org == props.node)
        .collect();
    let incomplete: Vec<_> = props
        .report
        .incomplete
        .iter()
        .filter(|n| n.org == props.node)
        .collect();
    // The node's own comparisons: none made is never called consistent.
    let verdict = if inconsistent.is_empty() {
        verdict_of(
            props.report.checks_for(&props.node),
            0,
            incomplete.len(),
            lang,
        )
    } else {
        t(lang, Msg::ValidationInconsistent).to_string()
    };

    html! {
        <section class="validation" aria-labelledby="validation-heading">
            <h2 id="validation-heading">{ t(lang, Msg::Validation) }</h2>
            <p class={classes!("verdict", (!inconsistent.is_empty()).then_some("bad"))}>{ verdict }</p>
            { if inconsistent.is_empty() { html! {} } else { html! {
                <>
                    <h3>{ format!("{} ({})", t(lang, Msg::ValidationInconsistent), inconsistent.len()) }</h3>
                    <ul class="findings bad">
                        { for inconsistent.iter().map(|f| html! { <li>{ describe_finding(&props.dataset, f, lang) }</li> }) }
                    </ul>
                </>
            } } }
            { if rounding.is_empty() { html! {} } else { html! {
                <>
                    <h3>{ format!("{} ({})", t(lang, Msg::ValidationRounding), rounding.len()) }</h3>
                    <ul class="findings">
                        { for rounding.iter().map(|f| html! { <li>{ describe_finding(&props.dataset, f, lang) }</li> }) }
                    </ul>
                </>
            } } }
            { if incomplete.is_empty() { html! {} } else { html! {
                <>
                    <h3>{ format!("{} ({})", match lang { Lang::Fi => "Ei verrattu", Lang::Sv => "Inte jämfört", Lang::En => "Not compared" }, incomplete.len()) }</h3>
                    <ul class="findings not-checked">
                        { for incomplete.iter().map(|n| html! { <li>{ describe_incomplete(&props.dataset, n, lang) }</li> }) }
                    </ul>
                </>
            } } }
            { if not_checked.is_empty() { html! {} } else { html! {
                <ul class="findings not-checked">
                    { for not_checked.iter().map(|n| html! { <li>{ describe_not_checked(&props.dataset, n, lang) }</li> }) }
                </ul>
            } } }
        </section>
    }
}
