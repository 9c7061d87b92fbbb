//! What Raami keeps on this machine between visits, in the browser's local storage: the
//! user's mapping of headers and labels. Nothing is sent anywhere.

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

/// Saves the population and price index the user gave.
pub fn save_basis(basis: &crate::analysis::basis::Basis) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(basis)) {
        let _ = storage.set_item(BASIS_KEY, &json);
    }
}

/// Saves the mapping; a browser that refuses storage keeps it for this visit only.
pub fn save_mapping(mapping: &Mapping) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(mapping)) {
        let _ = storage.set_item(MAPPING_KEY, &json);
    }
}
