//! Sharing the work: the link to the view, the workspace to a file, and a link that carries
//! the whole workspace ([`crate::share`]), with its length and where its data travels.

use yew::prelude::*;

use crate::i18n::{Lang, Msg, pick, t};
use crate::numfmt::format_amount;
use crate::share::SHARE_AS_FILE_ABOVE;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub lang: Lang,
    /// The address of the view shown.
    pub page_link: AttrValue,
    /// What a link with data carries: the whole workspace as JSON (made only when asked).
    pub payload: Callback<(), Vec<u8>>,
    pub on_save: Callback<MouseEvent>,
}

/// What the last copy was, for the status beside the buttons.
#[derive(Clone, PartialEq)]
enum Copied {
    /// The view's link (which one, so that the word goes when the view changes).
    View { link: String, ok: bool },
    /// A link with data, its length, and the link itself when it could not be copied.
    Data {
        chars: usize,
        failed: Option<String>,
    },
    /// The browser cannot compress (no `CompressionStream`).
    NoCompressor,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let lang = props.lang;
    let copied = use_state(|| None::<Copied>);
    let (open, on_toggle) = crate::ui::use_drawer();
    let on_copy = {
        let (copied, link) = (copied.clone(), props.page_link.to_string());
        Callback::from(move |_: MouseEvent| {
            let (copied, done_link) = (copied.clone(), link.clone());
            crate::ui::copy_text(
                link.clone(),
                Callback::from(move |ok| {
                    copied.set(Some(Copied::View {
                        link: done_link.clone(),
                        ok,
                    }))
                }),
            );
        })
    };
    let on_data = {
        let (copied, payload) = (copied.clone(), props.payload.clone());
        let page = props.page_link.to_string();
        Callback::from(move |_: MouseEvent| {
            let (copied, json, page) = (copied.clone(), payload.emit(()), page.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(compressed) = crate::ui::io::deflate(&json).await else {
                    copied.set(Some(Copied::NoCompressor));
                    return;
                };
                let address = format!(
                    "{}{}",
                    page.split('#').next().unwrap_or_default(),
                    crate::share::link_of_compressed(&compressed)
                );
                let chars = address.len();
                let kept = address.clone();
                crate::ui::copy_text(
                    address,
                    Callback::from(move |ok: bool| {
                        copied.set(Some(Copied::Data {
                            chars,
                            failed: (!ok).then(|| kept.clone()),
                        }))
                    }),
                );
            });
        })
    };
    let status = match &*copied {
        Some(Copied::View { link, ok }) if *link == props.page_link.as_str() => {
            html! { <span class="copy-status" role="status">{ t(lang, if *ok { Msg::LinkCopied } else { Msg::LinkNotCopied }) }</span> }
        }
        Some(Copied::Data { chars, failed }) => {
            let length = format_amount(rust_decimal::Decimal::from(*chars), 0, lang);
            let said = match failed {
                None => pick(
                    lang,
                    "Linkki tietoineen kopioitu",
                    "Länken med data kopierades",
                    "The link with the data was copied",
                ),
                Some(_) => pick(
                    lang,
                    "Linkkiä ei voitu kopioida; kopioi se alla olevasta kentästä",
                    "Länken kunde inte kopieras; kopiera den från fältet nedan",
                    "The link could not be copied; copy it from the field below",
                ),
            };
            let long = (*chars > SHARE_AS_FILE_ABOVE).then(|| pick(lang,
                " Näin pitkä linkki ei välttämättä kulje sähköpostissa tai viestimissä: jaa työtila mieluummin tiedostona.",
                " En så lång länk klarar sig inte alltid i e-post eller chatt: dela hellre arbetsytan som fil.",
                " A link this long may not survive e-mail or chat: share the workspace as a file instead."));
            let unit = pick(lang, "merkkiä", "tecken", "characters");
            html! {
                <>
                    <span class="copy-status" role="status" id="data-link-status">
                        { format!("{said} ({length} {unit}).{}", long.unwrap_or_default()) }
                    </span>
                    { match failed {
                        Some(link) => html! {
                            <label class="data-link-field">{ pick(lang, "Linkki tietoineen", "Länk med data", "Link with the data") }
                                <input type="text" readonly=true id="data-link-text" value={link.clone()} />
                            </label>
                        },
                        None => html! {},
                    } }
                </>
            }
        }
        Some(Copied::NoCompressor) => {
            html! { <span class="copy-status" role="status" id="data-link-status">{ pick(lang,
            "Tämä selain ei osaa tehdä linkkiä tietoineen: tallenna työtila tiedostoon ja jaa tiedosto.",
            "Denna webbläsare kan inte göra en länk med data: spara arbetsytan i en fil och dela filen.",
            "This browser cannot make a link with the data: save the workspace to a file and share the file.") }</span> }
        }
        _ => html! { <span class="copy-status" role="status"></span> },
    };
    html! {
        // On a phone the buttons fold under one line, so that the view comes first.
        <details class="share-drawer" open={*open} ontoggle={on_toggle}>
        <summary>{ pick(lang, "Jaa tai tallenna", "Dela eller spara", "Share or save") }</summary>
        <div class="share">
            <button type="button" class="button" id="copy-link" onclick={on_copy}>{ t(lang, Msg::CopyLink) }</button>
            <button type="button" class="button" id="copy-data-link" onclick={on_data} aria-describedby="data-link-note">{ pick(lang,
                "Jaa linkkinä tietoineen", "Dela som länk med data", "Share as a link with the data") }</button>
            <button type="button" class="button" id="save-workspace" onclick={props.on_save.clone()}>{ pick(lang,
                "Tallenna työtila tiedostoon", "Spara arbetsytan i en fil", "Save the workspace to a file") }</button>
            { status }
            <p class="share-note" id="data-link-note">{ pick(lang,
                "Linkki tietoineen sisältää koko työtilan (aineistot, skenaariot, näkymän) osoitteen #-merkin jälkeisessä osassa, jota selain ei lähetä millekään palvelimelle.",
                "Länken med data innehåller hela arbetsytan (material, scenarier, vyn) i adressens del efter #-tecknet, som webbläsaren inte skickar till någon server.",
                "The link with the data holds the whole workspace (datasets, scenarios, the view) in the part of the address after the #, which browsers never send to a server.") }</p>
        </div>
        </details>
    }
}
