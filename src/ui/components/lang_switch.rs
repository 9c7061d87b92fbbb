//! The language switch: one button per language, the current one pressed.

use yew::prelude::*;

use crate::i18n::{Lang, Msg, t};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub on_select: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &Props) -> Html {
    html! {
        <div class="lang-switch" role="group" aria-label={t(props.lang, Msg::Language)}>
            { for Lang::ALL.into_iter().map(|lang| {
                let on_select = props.on_select.clone();
                let pressed = lang == props.lang;
                html! {
                    <button type="button" lang={lang.code()} aria-pressed={pressed.to_string()}
                        class={classes!("lang", pressed.then_some("active"))}
                        onclick={move |_| on_select.emit(lang)}>
                        { lang.endonym() }
                    </button>
                }
            }) }
        </div>
    }
}
