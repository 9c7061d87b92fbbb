//! A budget column: a year and a kind (TP, TA, TA+m, TS, Toteuma, Ennuste), with the
//! status and the note a document gives it.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The years a budget document's header, file name or link may plausibly name.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The first plausible year written in a text (`Budjetti 2026 (alustava)` → 2026,
/// `tavoitteet_2025.csv` → 2025): four digits standing apart.
pub fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .filter_map(|part| part.parse().ok())
        .find(|year| PLAUSIBLE_YEARS.contains(year))
}

/// The kind of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ColumnKind {
    /// Tilinpäätös: audited actuals of a closed year.
    #[serde(rename = "TP")]
    Tp,
    /// Talousarvio: the council's binding budget.
    #[serde(rename = "TA")]
    Ta,
    /// Muutettu talousarvio: TA with the council's later changes.
    #[serde(rename = "TA+m")]
    TaMuutettu,
    /// Toteuma: booked actuals compared against TA.
    #[serde(rename = "Toteuma")]
    Toteuma,
    /// Ennuste: expected year-end outcome.
    #[serde(rename = "Ennuste")]
    Ennuste,
    /// Taloussuunnitelma: a non-binding plan year.
    #[serde(rename = "TS")]
    Ts,
}

impl ColumnKind {
    /// The short code printed in column headers.
    pub fn code(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ColumnKind::Tp, Lang::Fi) => "TP",
            (ColumnKind::Tp, Lang::Sv) => "BS",
            (ColumnKind::Tp, Lang::En) => "FS",
            (ColumnKind::Ta, Lang::Fi) => "TA",
            (ColumnKind::Ta, Lang::Sv) => "BU",
            (ColumnKind::Ta, Lang::En) => "Budget",
            (ColumnKind::TaMuutettu, Lang::Fi) => "TA+m",
            (ColumnKind::TaMuutettu, Lang::Sv) => "BU+ä",
            (ColumnKind::TaMuutettu, Lang::En) => "Amended budget",
            (ColumnKind::Toteuma, Lang::Fi) => "Toteuma",
            (ColumnKind::Toteuma, Lang::Sv) => "Utfall",
            (ColumnKind::Toteuma, Lang::En) => "Actual",
            (ColumnKind::Ennuste, Lang::Fi) => "Ennuste",
            (ColumnKind::Ennuste, Lang::Sv) => "Prognos",
            (ColumnKind::Ennuste, Lang::En) => "Forecast",
            (ColumnKind::Ts, Lang::Fi) => "TS",
            (ColumnKind::Ts, Lang::Sv) => "EP",
            (ColumnKind::Ts, Lang::En) => "Plan",
        }
    }

    /// The full name of the kind, for tooltips and screen readers.
    pub fn long_name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ColumnKind::Tp, Lang::Fi) => "tilinpäätös",
            (ColumnKind::Tp, Lang::Sv) => "bokslut",
            (ColumnKind::Tp, Lang::En) => "financial statement",
            (ColumnKind::Ta, Lang::Fi) => "talousarvio",
            (ColumnKind::Ta, Lang::Sv) => "budget",
            (ColumnKind::Ta, Lang::En) => "budget",
            (ColumnKind::TaMuutettu, Lang::Fi) => "muutettu talousarvio",
            (ColumnKind::TaMuutettu, Lang::Sv) => "ändrad budget",
            (ColumnKind::TaMuutettu, Lang::En) => "amended budget",
            (ColumnKind::Toteuma, Lang::Fi) => "toteuma",
            (ColumnKind::Toteuma, Lang::Sv) => "utfall",
            (ColumnKind::Toteuma, Lang::En) => "actual",
            (ColumnKind::Ennuste, Lang::Fi) => "ennuste",
            (ColumnKind::Ennuste, Lang::Sv) => "prognos",
            (ColumnKind::Ennuste, Lang::En) => "forecast",
            (ColumnKind::Ts, Lang::Fi) => "taloussuunnitelma",
            (ColumnKind::Ts, Lang::Sv) => "ekonomiplan",
            (ColumnKind::Ts, Lang::En) => "financial plan",
        }
    }

    /// The prefix of the column id (`TP2022`, `TAM2024`, `TOT2025`), also its name in a link.
    pub fn id_prefix(self) -> &'static str {
        self.slug()
    }

    /// Whether the column holds a budget a Toteuma is compared against.
    pub fn is_budget(self) -> bool {
        matches!(self, ColumnKind::Ta | ColumnKind::TaMuutettu)
    }
}

crate::slugs!(ColumnKind {
    Tp => "TP",
    Ta => "TA",
    TaMuutettu => "TAM",
    Toteuma => "TOT",
    Ennuste => "ENN",
    Ts => "TS",
});

/// A column's status as the document gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnStatus {
    Alustava,
    Hyvaksytty,
    Lopullinen,
}

impl ColumnStatus {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ColumnStatus::Alustava, Lang::Fi) => "alustava",
            (ColumnStatus::Alustava, Lang::Sv) => "preliminär",
            (ColumnStatus::Alustava, Lang::En) => "draft",
            (ColumnStatus::Hyvaksytty, Lang::Fi) => "hyväksytty",
            (ColumnStatus::Hyvaksytty, Lang::Sv) => "godkänd",
            (ColumnStatus::Hyvaksytty, Lang::En) => "approved",
            (ColumnStatus::Lopullinen, Lang::Fi) => "lopullinen",
            (ColumnStatus::Lopullinen, Lang::Sv) => "slutlig",
            (ColumnStatus::Lopullinen, Lang::En) => "final",
        }
    }
}

/// The id of a column within a dataset, such as `TP2022` or `TOT2025`.
pub type ColumnId = String;

/// One column of a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub id: ColumnId,
    pub year: i32,
    pub kind: ColumnKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ColumnStatus>,
    /// A note the document prints with the column, in the document's language; it is shown
    /// next to the numbers it qualifies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Column {
    /// A column with the conventional id for its kind and year.
    pub fn new(kind: ColumnKind, year: i32) -> Column {
        Column {
            id: format!("{}{}", kind.id_prefix(), year),
            year,
            kind,
            status: None,
            note: None,
        }
    }

    /// The header as printed: `TP 2022`, `Toteuma 2025`.
    pub fn label(&self, lang: Lang) -> String {
        format!("{} {}", self.kind.code(lang), self.year)
    }

    /// The order columns are shown in: by year, and within a year actuals before budget
    /// before the plan.
    pub fn sort_key(&self) -> (i32, ColumnKind) {
        (self.year, self.kind)
    }
}
