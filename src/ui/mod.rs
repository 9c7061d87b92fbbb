//! The browser layer: Yew components over the core. It holds no budget logic: components
//! show what [`crate::analysis`] computes, and browser IO stays in this module tree.
//!
//! - [`state`]: the one reducer holding the app's state.
//! - [`components`]: one component per file.

pub mod autosave;
pub mod components;
pub mod io;
pub mod state;
pub mod storage;
pub mod worker;

use components::app::App;

/// Mounts the app on the page's body, and keeps its files for use offline.
pub fn start() {
    yew::Renderer::<App>::new().render();
    keep_offline();
}

/// Registers the service worker the build writes (`sw.js`), which keeps the app's own files
/// so that it opens with no network after the first visit. A browser without service
/// workers (an insecure context) simply goes without.
fn keep_offline() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registered = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
    });
}

/// Mounts the app into a given element (browser tests use this).
pub fn start_in(root: web_sys::Element) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root(root).render()
}

/// The route the page's URL fragment points to, if any.
pub fn location_route() -> Option<crate::route::Route> {
    let hash = web_sys::window()?.location().hash().ok()?;
    crate::route::Route::parse(&hash)
}

/// A link with data in the page's address, taken out of it: the address keeps the page
/// alone (so that back and reload do not open the link again), and the link is returned to
/// be read like a file.
pub fn take_data_link() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    if !crate::share::is_data_link(&hash) {
        return None;
    }
    let location = window.location();
    let page = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
    }
    Some(hash)
}

/// Puts a route in the URL: a new history entry, so that back and forward move between
/// views; the first one replaces the entry the page was opened with.
pub fn show_route(route: &crate::route::Route) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let fragment = route.to_fragment();
    let current = window.location().hash().unwrap_or_default();
    if current == fragment {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if current.is_empty() {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment))
        };
    }
}

/// Calls `on_event` whenever the window fires one of `events`, for as long as the component
/// that uses the hook is mounted.
#[yew::hook]
pub fn use_window_events(events: &'static [&'static str], on_event: yew::Callback<()>) {
    use wasm_bindgen::JsCast;
    yew::use_effect_with((), move |()| {
        let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || on_event.emit(()));
        let window = web_sys::window();
        if let Some(window) = &window {
            for event in events {
                let _ = window
                    .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
        move || {
            if let Some(window) = window {
                for event in events {
                    let _ = window.remove_event_listener_with_callback(
                        event,
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        }
    });
}

/// Calls `on_key` with every key pressed on the page, for as long as the component that uses
/// the hook is mounted.
#[yew::hook]
pub fn use_window_keys(on_key: yew::Callback<web_sys::KeyboardEvent>) {
    use wasm_bindgen::JsCast;
    let latest = yew::use_mut_ref(|| on_key.clone());
    *latest.borrow_mut() = on_key;
    yew::use_effect_with((), move |()| {
        let listener =
            wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e| {
                latest.borrow().emit(e)
            });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// Whether the screen is as narrow as a phone or a tablet held upright (the layout's one-column
/// width, 900 px).
pub fn narrow_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 900.0)
}

/// A drawer (a `<details>` that folds on a narrow screen): whether it is open, at first
/// on a wide screen and not on a narrow one, and the `ontoggle` handler that follows the
/// reader opening and closing it.
#[yew::hook]
pub fn use_drawer() -> (yew::UseStateHandle<bool>, yew::Callback<web_sys::Event>) {
    use yew::TargetCast;
    let open = yew::use_state(|| !narrow_screen());
    let on_toggle = {
        let open = open.clone();
        yew::Callback::from(move |e: web_sys::Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if details.open() != *open {
                open.set(details.open());
            }
        })
    };
    (open, on_toggle)
}

/// Whether a key event is typed into a text field (its own undo and redo belong to it).
pub fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Runs `task` once, `ms` milliseconds from now (off the current input's frame).
pub fn after(ms: i32, task: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// Copies text to the clipboard; the callback hears whether it worked.
pub fn copy_text(text: String, done: yew::Callback<bool>) {
    let Some(window) = web_sys::window() else {
        done.emit(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done.emit(ok);
    });
}

/// Sets the document language, so screen readers speak the chosen language.
pub fn set_document_lang(lang: crate::i18n::Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
