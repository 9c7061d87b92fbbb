//! Autosave: the workspace (datasets, scenarios, mapping, basis) kept in the browser's
//! IndexedDB on this machine, written after each change without blocking input, read back
//! when the page opens. Nothing is sent anywhere.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "raami";
const STORE: &str = "tyotila";
const KEY: &str = "nykyinen";

/// Why autosave does not work.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The browser gives no IndexedDB, or refuses it (a private window).
    Unavailable,
    /// The storage is full.
    Full,
}

fn problem_of(error: &JsValue) -> Problem {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        Problem::Full
    } else {
        Problem::Unavailable
    }
}

/// The request's result once it succeeds, or its error.
async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let target = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let (ok, on_error) = (target.clone(), target.clone());
        let success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failure = Closure::once_into_js(move |_: web_sys::Event| {
            let error = on_error
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        target.set_onsuccess(Some(success.unchecked_ref()));
        target.set_onerror(Some(failure.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn database() -> Result<IdbDatabase, Problem> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(Problem::Unavailable)?;
    let request = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|e| problem_of(&e))?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    finished(&request)
        .await
        .map_err(|e| problem_of(&e))?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| Problem::Unavailable)
}

fn store(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<web_sys::IdbObjectStore, Problem> {
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(|e| problem_of(&e))
}

/// The kept workspace's text, if there is one.
pub async fn load() -> Result<Option<String>, Problem> {
    let db = database().await?;
    let request = store(&db, IdbTransactionMode::Readonly)?
        .get(&JsValue::from_str(KEY))
        .map_err(|e| problem_of(&e))?;
    let value = finished(&request).await.map_err(|e| problem_of(&e))?;
    Ok(value.as_string())
}

/// Keeps the workspace's text (`None`: forgets it), in place of the one kept before —
/// unless `current()` says by the time the database is open that a newer change came, whose
/// own write then wins.
pub async fn write(text: Option<String>, current: impl Fn() -> bool) -> Result<(), Problem> {
    let db = database().await?;
    if !current() {
        return Ok(());
    }
    let Some(text) = text else {
        let request = store(&db, IdbTransactionMode::Readwrite)?
            .delete(&JsValue::from_str(KEY))
            .map_err(|e| problem_of(&e))?;
        finished(&request).await.map_err(|e| problem_of(&e))?;
        return Ok(());
    };
    let request = store(&db, IdbTransactionMode::Readwrite)?
        .put_with_key(&JsValue::from_str(&text), &JsValue::from_str(KEY))
        .map_err(|e| problem_of(&e))?;
    finished(&request).await.map_err(|e| problem_of(&e))?;
    Ok(())
}

/// Forgets the kept workspace.
pub async fn clear() -> Result<(), Problem> {
    let db = database().await?;
    let request = store(&db, IdbTransactionMode::Readwrite)?
        .delete(&JsValue::from_str(KEY))
        .map_err(|e| problem_of(&e))?;
    finished(&request).await.map_err(|e| problem_of(&e))?;
    Ok(())
}
