//! The embedded Heinola sample: the financial tables of two real Heinola documents
//! (the 2024 budget of Hyvinvointitoimiala and the 2025 financial statement of Yhteiset
//! palvelut), transcribed into the package format in `data/heinola.raami.json`.

use crate::model::Dataset;
use crate::package::{Package, PackageError, read_package};

/// The package text as shipped.
pub const HEINOLA_JSON: &str = include_str!("../data/heinola.raami.json");

/// The Heinola sample package.
pub fn heinola_package() -> Result<Package, PackageError> {
    read_package(HEINOLA_JSON)
}

/// The Heinola dataset. The package is checked by the tests, so reading it cannot fail in a
/// released build; should it, the error is returned rather than hidden.
pub fn heinola() -> Result<Dataset, PackageError> {
    heinola_package()?
        .datasets
        .into_iter()
        .next()
        .ok_or(PackageError::Empty)
}

/// The node the app opens on.
pub const DEFAULT_NODE: &str = "hyvinvointitoimiala";
