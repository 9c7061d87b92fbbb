//! The organisation tree: kaupunki (city) > toimiala (sector) > palvelualue (service area)
//! > vastuualue (unit). A dataset may hold several trees side by side (a forest).
//!
//! Organisations change: the node's place under its parent can be limited to a span of
//! years (`valid_from`, `valid_to`). Outside that span its figures are comparison data
//! and are not expected to add up to the parent's.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The id of an org node within a dataset.
pub type OrgId = String;

/// The level of a node in a municipality's organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgLevel {
    Kaupunki,
    Toimiala,
    Palvelualue,
    Vastuualue,
    Muu,
}

impl OrgLevel {
    /// The level a name says it is (`Varhaiskasvatuksen palvelualue`), the most specific
    /// word first, so that every importer classifies a name the same way.
    pub fn from_name(name: &str) -> Option<OrgLevel> {
        let lower = name.to_lowercase();
        if lower.contains("vastuualue") {
            Some(OrgLevel::Vastuualue)
        } else if lower.contains("palvelualue") {
            Some(OrgLevel::Palvelualue)
        } else if lower.contains("toimiala") {
            Some(OrgLevel::Toimiala)
        } else {
            None
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (OrgLevel::Kaupunki, Lang::Fi) => "kaupunki",
            (OrgLevel::Kaupunki, Lang::Sv) => "stad",
            (OrgLevel::Kaupunki, Lang::En) => "city",
            (OrgLevel::Toimiala, Lang::Fi) => "toimiala",
            (OrgLevel::Toimiala, Lang::Sv) => "sektor",
            (OrgLevel::Toimiala, Lang::En) => "sector",
            (OrgLevel::Palvelualue, Lang::Fi) => "palvelualue",
            (OrgLevel::Palvelualue, Lang::Sv) => "serviceområde",
            (OrgLevel::Palvelualue, Lang::En) => "service area",
            (OrgLevel::Vastuualue, Lang::Fi) => "vastuualue",
            (OrgLevel::Vastuualue, Lang::Sv) => "ansvarsområde",
            (OrgLevel::Vastuualue, Lang::En) => "unit",
            (OrgLevel::Muu, Lang::Fi) => "muu",
            (OrgLevel::Muu, Lang::Sv) => "annan",
            (OrgLevel::Muu, Lang::En) => "other",
        }
    }
}

/// One node of the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgNode {
    pub id: OrgId,
    pub name: String,
    pub level: OrgLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<OrgId>,
    /// First year in which the node belongs under its parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<i32>,
    /// Last year in which the node belongs under its parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<i32>,
    /// Where the node's figures come from (document and table), for the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl OrgNode {
    /// Whether the node belongs under its parent in `year`.
    pub fn belongs_in(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|from| year >= from) && self.valid_to.is_none_or(|to| year <= to)
    }
}

#[cfg(test)]
mod level_tests {
    use super::OrgLevel;

    #[test]
    fn a_name_says_its_level_the_most_specific_word_first() {
        // Every importer (CSV, workbook, text) classifies a name with this one rule.
        assert_eq!(
            OrgLevel::from_name("Hyvinvointitoimiala"),
            Some(OrgLevel::Toimiala)
        );
        assert_eq!(
            OrgLevel::from_name("VARHAISKASVATUKSEN PALVELUALUE"),
            Some(OrgLevel::Palvelualue)
        );
        assert_eq!(
            OrgLevel::from_name("Toimialan vastuualue 3"),
            Some(OrgLevel::Vastuualue)
        );
        assert_eq!(
            OrgLevel::from_name("Palvelualueen toimiala"),
            Some(OrgLevel::Palvelualue)
        );
        assert_eq!(OrgLevel::from_name("Vaalit"), None);
    }
}
