//! One component per file.

pub mod across;
pub mod app;
pub mod basis;
pub mod breakdown;
pub mod chart;
pub mod compare;
pub mod dataset_info;
pub mod follow_up;
pub mod goals;
pub mod grid_export;
pub mod importer;
pub mod investments;
pub mod lang_switch;
pub mod mapping;
pub mod notes;
pub mod org_tree;
pub mod scenarios;
pub mod share;
pub mod statement;
pub mod validation;
