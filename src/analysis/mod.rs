//! Computation over a dataset: values of every (node, line, column) with their origin
//! ([`values`]), derived figures ([`derived`]), the table of one node ([`table`]) and
//! validation ([`mod@validate`]), and the follow-up, breakdown and basis views
//! ([`followup`], [`breakdown`], [`basis`]).

#![deny(clippy::arithmetic_side_effects)]

pub mod across;
pub mod basis;
pub mod breakdown;
pub mod derived;
pub mod followup;
pub mod goals;
pub mod investments;
pub mod table;
pub mod validate;
pub mod values;

pub use table::{NodeTable, node_table};
pub use validate::{Finding, Report, Severity, validate};
pub use values::{Origin, Value, Values};
