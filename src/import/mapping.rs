//! The user's mapping of what the importers did not recognise: a column header to a year and
//! kind (or a derived column, or "ignore"), a row label to a line (or "ignore"). The app keeps
//! it on the machine and applies it to the next file of the same shape; `raami import
//! --mapping FILE` reads it for unattended use. Keys are compared as normalised labels
//! (case, spacing and decoration do not matter).
//!
//! In JSON:
//! `{"columns": {"budjetti 2026": {"as": "column", "kind": "TA", "year": 2026},
//!   "huom": {"as": "ignore"}}, "lines": {"palkat yhteensä": {"as": "line", "line":
//!   "henkilostokulut"}}, "roles": {"tunnusluku-id": "code", "määrä euroina": "value"}}`
//!
//! `roles` names the columns of a long table (one figure per row) whose headers Raami does
//! not know: which column holds the unit, the line, the State Treasury's code, the year, the
//! kind, a wide header, or the figure.

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

/// What a column of a long table (one figure per row) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableRole {
    /// The unit (or the filer, in the State Treasury's extracts).
    Org,
    /// The line's name.
    Line,
    /// The State Treasury's code of the figure (line and kind in one).
    Code,
    Year,
    /// TP, TA, TA+m, Toteuma, Ennuste, TS.
    Kind,
    /// A wide header in one cell (`TA 2025`).
    Column,
    /// The figure.
    Value,
    Ignore,
}

/// Header and label mappings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    #[serde(default, deserialize_with = "normalised_keys")]
    pub columns: BTreeMap<String, ColumnTarget>,
    #[serde(default, deserialize_with = "normalised_keys")]
    pub lines: BTreeMap<String, LineTarget>,
    #[serde(
        default,
        deserialize_with = "normalised_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub roles: BTreeMap<String, TableRole>,
}

/// A mapping file's keys as the lookups compare them: a header written as the file prints it
/// (`"Arvo  euroina:"`) finds `arvo euroina`.
fn normalised_keys<'de, D, T>(deserializer: D) -> Result<BTreeMap<String, T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let raw = BTreeMap::<String, T>::deserialize(deserializer)?;
    Ok(raw
        .into_iter()
        .map(|(key, value)| (normalise_label(&key), value))
        .collect())
}

impl Mapping {
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty() && self.lines.is_empty() && self.roles.is_empty()
    }

    /// Gives a header its role in a long table; a column it was mapped to is dropped.
    pub fn set_role(&mut self, header: &str, role: TableRole) {
        let key = normalise_label(header);
        self.columns.remove(&key);
        self.roles.insert(key, role);
    }

    /// The user's meaning of a long table's column header, if mapped.
    pub fn role(&self, header: &str) -> Option<TableRole> {
        if self.roles.is_empty() {
            return None;
        }
        self.roles.get(&normalise_label(header)).copied()
    }

    /// Maps a header to a column; a role it had in a long table is dropped (a header means
    /// one thing).
    pub fn set_column(&mut self, header: &str, target: ColumnTarget) {
        let key = normalise_label(header);
        self.roles.remove(&key);
        self.columns.insert(key, target);
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
        self.roles
            .extend(other.roles.iter().map(|(k, v)| (k.clone(), *v)));
    }
}

impl TableRole {
    /// The roles a column can be given, in the order the mapping step offers them.
    pub const ALL: [TableRole; 7] = [
        TableRole::Org,
        TableRole::Line,
        TableRole::Code,
        TableRole::Year,
        TableRole::Kind,
        TableRole::Column,
        TableRole::Value,
    ];

    /// The key of the role in a mapping file (`"code"`).
    pub fn key(self) -> &'static str {
        match self {
            TableRole::Org => "org",
            TableRole::Line => "line",
            TableRole::Code => "code",
            TableRole::Year => "year",
            TableRole::Kind => "kind",
            TableRole::Column => "column",
            TableRole::Value => "value",
            TableRole::Ignore => "ignore",
        }
    }

    /// What the role means, in the user's language.
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::{En, Fi, Sv};
        match (self, lang) {
            (TableRole::Org, Fi) => "yksikkö tai kunta",
            (TableRole::Org, Sv) => "enhet eller kommun",
            (TableRole::Org, En) => "unit or municipality",
            (TableRole::Line, Fi) => "rivin nimi",
            (TableRole::Line, Sv) => "postens namn",
            (TableRole::Line, En) => "line name",
            (TableRole::Code, Fi) => "Valtiokonttorin tunnusluvun koodi",
            (TableRole::Code, Sv) => "Statskontorets nyckeltalskod",
            (TableRole::Code, En) => "State Treasury indicator code",
            (TableRole::Year, Fi) => "vuosi",
            (TableRole::Year, Sv) => "år",
            (TableRole::Year, En) => "year",
            (TableRole::Kind, Fi) => "laji (TP, TA, TA+m, Toteuma, Ennuste, TS)",
            (TableRole::Kind, Sv) => "slag (TP, TA, TA+m, Toteuma, Ennuste, TS)",
            (TableRole::Kind, En) => "kind (TP, TA, TA+m, Toteuma, Ennuste, TS)",
            (TableRole::Column, Fi) => "sarake (”TA 2025”)",
            (TableRole::Column, Sv) => "kolumn (”TA 2025”)",
            (TableRole::Column, En) => "column (“TA 2025”)",
            (TableRole::Value, Fi) => "luku",
            (TableRole::Value, Sv) => "belopp",
            (TableRole::Value, En) => "figure",
            (TableRole::Ignore, Fi) => "ohita",
            (TableRole::Ignore, Sv) => "hoppa över",
            (TableRole::Ignore, En) => "ignore",
        }
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
pub use crate::model::column::year_in;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_are_the_names_of_the_mapping_file() {
        for role in TableRole::ALL.into_iter().chain([TableRole::Ignore]) {
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.key()));
        }
        // Keys in a file are compared as normalised labels, as the app's own keys are.
        let mapping: Mapping = serde_json::from_str(
            r#"{"roles": {"Arvo  euroina:": "value"}, "lines": {"PALKAT yhteensä": {"as": "ignore"}}}"#,
        )
        .unwrap();
        assert_eq!(mapping.role("arvo euroina"), Some(TableRole::Value));
        assert_eq!(mapping.line("Palkat yhteensä"), Some(LineTarget::Ignore));
        // A header means one thing: a role replaces its column and a column its role.
        let mut mapping = Mapping::default();
        mapping.set_column("Vuosi", ColumnTarget::Ignore);
        mapping.set_role("vuosi", TableRole::Year);
        assert_eq!(
            (mapping.column("Vuosi"), mapping.role("Vuosi")),
            (None, Some(TableRole::Year))
        );
        mapping.set_column("VUOSI", ColumnTarget::Ignore);
        assert_eq!(
            (mapping.column("Vuosi"), mapping.role("Vuosi")),
            (Some(ColumnTarget::Ignore), None)
        );
    }

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
