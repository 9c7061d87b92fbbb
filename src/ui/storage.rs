//! What Raami keeps on this machine between visits, in the browser's local storage: the
//! user's mapping of headers and labels, the population and price index. Nothing is sent
//! anywhere.

use crate::import::mapping::Mapping;

const MAPPING_KEY: &str = "raami.mapping.v1";
const BASIS_KEY: &str = "raami.basis.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved mapping, or an empty one.
pub fn load_mapping() -> Mapping {
    storage()
        .and_then(|s| s.get_item(MAPPING_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The saved population and price index (and the last basis chosen), or none.
pub fn load_basis() -> crate::analysis::basis::Basis {
    storage()
        .and_then(|s| s.get_item(BASIS_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Saves what the session keeps (the mapping, the population and price index, the last
/// basis chosen); `false` when the browser refuses storage, which keeps them for this visit.
pub fn save(kept: &crate::session::Kept) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let write = |key: &str, json: serde_json::Result<String>| {
        json.ok()
            .is_some_and(|json| storage.set_item(key, &json).is_ok())
    };
    let mapping = write(MAPPING_KEY, serde_json::to_string(kept.mapping.as_ref()));
    let basis = write(BASIS_KEY, serde_json::to_string(kept.basis.as_ref()));
    mapping && basis
}

/// Forgets what this module keeps (the mapping, the population and price index).
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(MAPPING_KEY);
        let _ = storage.remove_item(BASIS_KEY);
    }
}
