//! Risks (riskienhallinta) as financial statements report them: the risk, how likely and how
//! significant it is (1–3 each), how it is controlled and how that control has worked.

use serde::{Deserialize, Serialize};

use super::OrgId;

/// One row of a risks table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    pub org: OrgId,
    /// The year reported on.
    pub year: i32,
    /// The risk class (riskiluokka), where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    pub risk: String,
    /// Todennäköisyys, 1 (low) to 3 (high).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<u8>,
    /// Merkittävyys (or vaikutus), 1 (low) to 3 (high).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub significance: Option<u8>,
    /// Hallintakeino: how the risk is controlled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<String>,
    /// Hallintakeinon toteutuminen: how the control has worked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_status: Option<String>,
}

impl Risk {
    /// Probability × significance, 1 to 9, where both are known.
    pub fn score(&self) -> Option<u8> {
        Some(self.probability? * self.significance?)
    }
}
