//! The budget model: columns (year + kind), the organisation tree, the income-statement
//! lines, and a dataset holding stated figures per (org node, line, column).
//!
//! Invariants: amounts are [`rust_decimal::Decimal`], never floating point; revenue is
//! positive and expenses negative; a dataset stores what a document states (leaf lines and
//! the subtotals it prints) and never a figure the core can compute.

pub mod column;
pub mod dataset;
pub mod goal;
pub mod line;
pub mod org;
pub mod project;
pub mod risk;

pub use column::{Column, ColumnId, ColumnKind, ColumnStatus};
pub use dataset::{Dataset, DatasetError, Figures, Investment, InvestmentLine, UnreadRow};
pub use goal::{Goal, GoalLevel, GoalStatus};
pub use line::{Line, Role};
pub use org::{OrgId, OrgLevel, OrgNode};
pub use project::Project;
pub use risk::Risk;

/// An amount in euros (or in the unit the dataset states), exact.
pub type Amount = rust_decimal::Decimal;
