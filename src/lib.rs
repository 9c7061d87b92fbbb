//! Raami's core: the budget model of a Finnish municipality, the computations a council
//! member reads (subtotals, variance, change, growth), validation of what a file states, and
//! the tool's own package format. Everything here is plain Rust over plain data: it does no
//! IO and knows nothing of the browser, so it is tested natively with `cargo test`.
//!
//! Glossary (the domain's Finnish words, used as names where English has no exact word):
//! - *TP* (tilinpäätös): audited actuals of a closed year. *TA* (talousarvio): the binding
//!   budget. *TA+m*: the amended budget. *TS* (taloussuunnitelma): plan years.
//!   *Toteuma*: booked actuals compared with TA. *Ennuste*: forecast.
//! - *Poikkeama*: variance, TA − Toteuma. *Toteuma %*: Toteuma / TA × 100.
//! - *Toimiala* (sector) > *palvelualue* (service area) > *vastuualue* (unit).
//!
//! Module map: [`model`] (money, lines, columns, organisation, dataset), [`analysis`]
//! (computed tables, derived figures, validation, follow-up, breakdown, per-resident and
//! real-terms bases), [`import`] (every file format into the model), [`package`] (the JSON
//! package format), [`report`] (reports as text, CSV, JSON), [`route`] (the view state in the
//! URL fragment), [`session`] (the app's state and every action on it), [`scenario`]
//! (what-if edits laid over the data), [`slug`] (names of
//! choices in a link), [`chart`] (chart geometry and summaries), [`numfmt`] (Finnish number
//! parsing and printing), [`i18n`] (fi/sv/en texts), [`sample`] (the embedded Heinola data).

pub mod analysis;
pub mod chart;
pub mod export;
pub mod i18n;
pub mod import;
pub mod model;
pub mod notes;
pub mod numfmt;
pub mod package;
pub mod protocol;
pub mod report;
pub mod route;
pub mod sample;
pub mod scenario;
pub mod session;
pub mod share;
pub mod slug;

#[cfg(target_arch = "wasm32")]
pub mod ui;
