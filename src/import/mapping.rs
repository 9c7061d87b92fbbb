//! The user's mapping of what the importers did not recognise: a column header to a year and
//! kind (or a derived column, or "ignore"), a row label to a line (or "ignore"). The app keeps
//! it on the machine and applies it to the next file of the same shape; `raami import
//! --mapping FILE` reads it for unattended use. Keys are compared as normalised labels
//! (case, spacing and decoration do not matter).
//!
//! In JSON:
//! `{"columns": {"budjetti 2026": {"as": "column", "kind": "TA", "year": 2026},
//!   "huom": {"as": "ignore"}}, "lines": {"palkat yhteensä": {"as": "line", "line":
//!   "henkilostokulut"}}}`

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::columns::HeaderColumn;
use crate::model::line::normalise_label;
use crate::model::{ColumnKind, Line};

/// What a column header means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "as", rename_all = "snake_case")]
pub enum ColumnTarget {
    Column { kind: ColumnKind, year: i32 },
    Poikkeama,
    ToteumaPct,
    Ignore,
}

/// What a row label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "as", rename_all = "snake_case")]
pub enum LineTarget {
    Line { line: Line },
    Ignore,
}

/// Header and label mappings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    #[serde(default)]
    pub columns: BTreeMap<String, ColumnTarget>,
    #[serde(default)]
    pub lines: BTreeMap<String, LineTarget>,
}

impl Mapping {
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty() && self.lines.is_empty()
    }

    pub fn set_column(&mut self, header: &str, target: ColumnTarget) {
        self.columns.insert(normalise_label(header), target);
    }

    pub fn set_line(&mut self, label: &str, target: LineTarget) {
        self.lines.insert(normalise_label(label), target);
    }

    /// The user's meaning of a header, if mapped.
    pub fn column(&self, header: &str) -> Option<ColumnTarget> {
        if self.columns.is_empty() {
            return None;
        }
        self.columns.get(&normalise_label(header)).copied()
    }

    /// The user's meaning of a label, if mapped.
    pub fn line(&self, label: &str) -> Option<LineTarget> {
        if self.lines.is_empty() {
            return None;
        }
        self.lines.get(&normalise_label(label)).copied()
    }

    /// Adds the entries of `other`, which win over this mapping's.
    pub fn merge(&mut self, other: &Mapping) {
        self.columns
            .extend(other.columns.iter().map(|(k, v)| (k.clone(), *v)));
        self.lines
            .extend(other.lines.iter().map(|(k, v)| (k.clone(), *v)));
    }
}

impl ColumnTarget {
    /// The header column this target stands for; `None` for "ignore".
    pub fn header_column(self) -> Option<HeaderColumn> {
        match self {
            ColumnTarget::Column { kind, year } => Some(HeaderColumn::Value { kind, year }),
            ColumnTarget::Poikkeama => Some(HeaderColumn::Poikkeama),
            ColumnTarget::ToteumaPct => Some(HeaderColumn::ToteumaPct),
            ColumnTarget::Ignore => None,
        }
    }
}

/// A year printed in a header (`Budjetti 2026` → 2026), to offer as the mapping's default.
pub fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .filter_map(|part| part.parse().ok())
        .find(|year| (1990..=2100).contains(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_spacing_and_round_trip_as_json() {
        let mut mapping = Mapping::default();
        mapping.set_column(
            "Budjetti  2026",
            ColumnTarget::Column {
                kind: ColumnKind::Ta,
                year: 2026,
            },
        );
        mapping.set_column("Huom.", ColumnTarget::Ignore);
        mapping.set_line(
            "PALKAT YHTEENSÄ",
            LineTarget::Line {
                line: Line::Henkilostokulut,
            },
        );
        assert_eq!(
            mapping.column("budjetti 2026"),
            Some(ColumnTarget::Column {
                kind: ColumnKind::Ta,
                year: 2026
            })
        );
        assert_eq!(
            mapping.line("Palkat yhteensä:"),
            Some(LineTarget::Line {
                line: Line::Henkilostokulut
            })
        );
        let json = serde_json::to_string(&mapping).unwrap();
        assert_eq!(
            json,
            r#"{"columns":{"budjetti 2026":{"as":"column","kind":"TA","year":2026},"huom.":{"as":"ignore"}},"lines":{"palkat yhteensä":{"as":"line","line":"henkilostokulut"}}}"#
        );
        assert_eq!(serde_json::from_str::<Mapping>(&json).unwrap(), mapping);
        assert_eq!(year_in("Budjetti 2026 (alustava)"), Some(2026));
        assert_eq!(year_in("Huom"), None);
    }
}
