//! Projects (hankkeet) as financial statements report them: externally funded development
//! projects with their total funding, the city's share of it and how much has been spent.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Amount, OrgId};

/// One row of a projects table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub org: OrgId,
    /// The year reported on.
    pub year: i32,
    /// The strategic aim the project serves.
    pub aim: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_aims: Vec<String>,
    pub name: String,
    /// The project's goal, description and funder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<String>,
    /// Total funding over the project's life, in euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_funding: Option<Amount>,
    /// The city's share of the funding in per cent, where the document prints it alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_share_pct: Option<Decimal>,
    /// The city's share as printed (`30 % on kaikkien kymmenen … Heinolan osuus 3 %.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_share: Option<String>,
    /// How much of the project's expenses have been used, in per cent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spent_pct: Option<Decimal>,
    /// What came of it in the year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome: Vec<String>,
}
