//! Operational goals (toiminnalliset tavoitteet) as financial statements report them: the
//! strategic aim a goal serves, the goal, its metric and target level, who answers for it,
//! what came of it, and its status (Toteutuu, Toteutuu osittain, Ei toteudu).

use serde::{Deserialize, Serialize};

use super::OrgId;
use crate::i18n::Lang;

/// Whose goal it is: the council's binding goals of a service area, or the lower-level goals
/// of the operating plan that the board or committee approves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalLevel {
    /// Strategiasta johdetut tavoitteet, valtuuston sitovuustaso.
    Valtuusto,
    /// Käyttösuunnitelman tavoitteet.
    Kayttosuunnitelma,
}

impl GoalLevel {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (GoalLevel::Valtuusto, Lang::Fi) => "Valtuustoon nähden sitovat tavoitteet",
            (GoalLevel::Valtuusto, Lang::Sv) => "Mål bindande gentemot fullmäktige",
            (GoalLevel::Valtuusto, Lang::En) => "Goals binding on the council",
            (GoalLevel::Kayttosuunnitelma, Lang::Fi) => "Käyttösuunnitelman tavoitteet",
            (GoalLevel::Kayttosuunnitelma, Lang::Sv) => "Dispositionsplanens mål",
            (GoalLevel::Kayttosuunnitelma, Lang::En) => "Goals of the operating plan",
        }
    }
}

/// How a goal came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    /// Toteutuu / toteutunut.
    Toteutuu,
    /// Toteutuu osittain.
    Osittain,
    /// Ei toteudu.
    EiToteudu,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 3] = [
        GoalStatus::Toteutuu,
        GoalStatus::Osittain,
        GoalStatus::EiToteudu,
    ];

    /// Reads a printed status in Finnish, Swedish or English; `None` for anything else.
    pub fn parse(text: &str) -> Option<GoalStatus> {
        let lower = text.trim().trim_end_matches('.').to_lowercase();
        let lower = lower.trim();
        if lower.is_empty() {
            return None;
        }
        // Whole words, so that `inte` is not found in `integraatio`.
        let has_word = |words: &[&str]| {
            lower
                .split(|c: char| !c.is_alphabetic())
                .any(|t| words.contains(&t))
        };
        // Traffic lights, as many reports mark the status: green, yellow, red.
        if has_word(&["punainen", "röd", "red"]) {
            return Some(GoalStatus::EiToteudu);
        }
        if has_word(&["keltainen", "gul", "yellow", "amber"]) {
            return Some(GoalStatus::Osittain);
        }
        if has_word(&["vihreä", "grön", "green"]) {
            return Some(GoalStatus::Toteutuu);
        }
        let negative = lower.starts_with("ei ")
            || lower.contains("ei toteudu")
            || lower.contains("ei toteutunut")
            || has_word(&["inte"])
            || lower.starts_with("not ")
            || lower.contains("not met")
            || lower.contains("not achieved");
        let partly = lower.contains("osittain")
            || lower.contains("delvis")
            || lower.contains("partly")
            || lower.contains("partially");
        let met = lower.starts_with("toteut")
            || lower.starts_with("uppn")
            || lower.starts_with("förverkl")
            || lower.starts_with("met")
            || lower.starts_with("achieved");
        if negative {
            Some(GoalStatus::EiToteudu)
        } else if partly {
            Some(GoalStatus::Osittain)
        } else if met {
            Some(GoalStatus::Toteutuu)
        } else {
            None
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (GoalStatus::Toteutuu, Lang::Fi) => "Toteutuu",
            (GoalStatus::Toteutuu, Lang::Sv) => "Uppnås",
            (GoalStatus::Toteutuu, Lang::En) => "Met",
            (GoalStatus::Osittain, Lang::Fi) => "Toteutuu osittain",
            (GoalStatus::Osittain, Lang::Sv) => "Uppnås delvis",
            (GoalStatus::Osittain, Lang::En) => "Partly met",
            (GoalStatus::EiToteudu, Lang::Fi) => "Ei toteudu",
            (GoalStatus::EiToteudu, Lang::Sv) => "Uppnås inte",
            (GoalStatus::EiToteudu, Lang::En) => "Not met",
        }
    }

    /// A mark that tells the statuses apart without colour.
    pub fn mark(self) -> &'static str {
        match self {
            GoalStatus::Toteutuu => "●",
            GoalStatus::Osittain => "◐",
            GoalStatus::EiToteudu => "○",
        }
    }
}

/// One row of a goals table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub org: OrgId,
    pub year: i32,
    pub level: GoalLevel,
    /// The strategic aim (strateginen päämäärä): `Hyvinvoinnin kasvu`.
    pub aim: String,
    /// The aim's parts printed under it: `Hyvinvointi lisääntyy`, `Toimiva arki`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_aims: Vec<String>,
    /// The goals of the row, one item each.
    pub goals: Vec<String>,
    /// Metrics and target levels (mittari ja tavoitetaso).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<String>,
    /// Who answers for the goal (vastuu).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    /// What came of it (toteuma), one item each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome: Vec<String>,
    /// The status as read; `None` where none is printed (a budget's goals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GoalStatus>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_read_in_three_languages() {
        assert_eq!(GoalStatus::parse("Toteutuu "), Some(GoalStatus::Toteutuu));
        assert_eq!(
            GoalStatus::parse("Toteutuu osittain"),
            Some(GoalStatus::Osittain)
        );
        assert_eq!(
            GoalStatus::parse("Ei toteudu."),
            Some(GoalStatus::EiToteudu)
        );
        assert_eq!(
            GoalStatus::parse("Ei toteutunut"),
            Some(GoalStatus::EiToteudu)
        );
        assert_eq!(GoalStatus::parse("Toteutunut"), Some(GoalStatus::Toteutuu));
        assert_eq!(
            GoalStatus::parse("Uppnås delvis"),
            Some(GoalStatus::Osittain)
        );
        assert_eq!(
            GoalStatus::parse("Uppnås inte"),
            Some(GoalStatus::EiToteudu)
        );
        assert_eq!(GoalStatus::parse("Partly met"), Some(GoalStatus::Osittain));
        assert_eq!(GoalStatus::parse("Not met"), Some(GoalStatus::EiToteudu));
        assert_eq!(GoalStatus::parse("Vihreä"), Some(GoalStatus::Toteutuu));
        assert_eq!(GoalStatus::parse("keltainen"), Some(GoalStatus::Osittain));
        assert_eq!(
            GoalStatus::parse("Punainen: ei toteudu"),
            Some(GoalStatus::EiToteudu)
        );
        assert_eq!(GoalStatus::parse("röd"), Some(GoalStatus::EiToteudu));
        // A word that merely contains `inte` says nothing negative.
        assert_eq!(
            GoalStatus::parse("Toteutuu, integraatio valmis"),
            Some(GoalStatus::Toteutuu)
        );
        assert_eq!(GoalStatus::parse(""), None);
        assert_eq!(GoalStatus::parse("Kesken"), None);
    }
}
