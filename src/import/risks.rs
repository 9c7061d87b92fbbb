//! Risks tables (Riskienhallinta) of a financial statement: `Riskiluokka`, `Tunnistettu
//! riski`, `Riski-arvo` (`Todennäköisyys: 1 Merkittävyys: 2`), `Hallintakeino`,
//! `Hallintakeinon toteutuminen`. A row without a class belongs to the class above it.

use super::cells::{CellRow, cells_in, strip_cell, tidy};
use crate::model::Risk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Class,
    Risk,
    Value,
    Control,
    ControlStatus,
    Other,
}

fn role_of(header: &str) -> Role {
    let lower = header.trim().to_lowercase().replace('-', "");
    if lower.contains("luokka") {
        Role::Class
    } else if lower.contains("riskiarvo") || lower.contains("arvio") || lower == "arvo" {
        Role::Value
    } else if lower.contains("hallintakein")
        && (lower.contains("toteutu") || lower.contains("tila"))
    {
        Role::ControlStatus
    } else if lower.contains("hallintakein") || lower.contains("toimenpi") {
        Role::Control
    } else if lower.contains("riski") {
        Role::Risk
    } else {
        Role::Other
    }
}

fn risk_header(cells: &[String]) -> Option<Vec<Role>> {
    let roles: Vec<Role> = cells.iter().map(|c| role_of(c)).collect();
    (roles.contains(&Role::Risk)
        && (roles.contains(&Role::Value) || roles.contains(&Role::Control)))
    .then_some(roles)
}

pub fn is_risk_header(cells: &[String]) -> bool {
    risk_header(cells).is_some()
}

/// The number (1–9) after a word of `words` in a risk value (`Todennäköisyys: 2`).
fn rating(text: &str, words: &[&str]) -> Option<u8> {
    let lower = text.to_lowercase();
    words.iter().find_map(|w| {
        let at = lower.find(w)?;
        lower[at + w.len()..]
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok()
            .filter(|n| (1..=9).contains(n))
    })
}

/// Reads the rows of one risks table.
pub fn read_risk_rows(
    header: &[String],
    rows: impl IntoIterator<Item = CellRow>,
) -> Vec<(usize, Risk)> {
    let Some(roles) = risk_header(header) else {
        return Vec::new();
    };
    let text = |cells: &[String], role: Role| tidy(&strip_cell(&cells_in(&roles, cells, role)));
    let mut class: Option<String> = None;
    let mut found = Vec::new();
    for (line, cells) in rows {
        if risk_header(&cells).is_some() {
            continue;
        }
        let risk = text(&cells, Role::Risk);
        if risk.is_empty() {
            continue;
        }
        let this_class = text(&cells, Role::Class);
        if !this_class.is_empty() {
            class = Some(this_class);
        }
        let value = text(&cells, Role::Value);
        let some = |t: String| (!t.is_empty()).then_some(t);
        found.push((
            line,
            Risk {
                org: String::new(),
                year: 0,
                class: class.clone(),
                risk,
                probability: rating(&value, &["todennäköisyys", "sannolikhet", "probability"]),
                significance: rating(
                    &value,
                    &[
                        "merkittävyys",
                        "vaikutus",
                        "konsekvens",
                        "betydelse",
                        "impact",
                        "significance",
                    ],
                ),
                control: some(text(&cells, Role::Control)),
                control_status: some(text(&cells, Role::ControlStatus)),
            },
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::import::cells::texts as cells;

    #[test]
    fn a_risk_value_gives_probability_and_significance() {
        let header = cells(&[
            "Riskiluokka",
            "Tunnistettu riski",
            "Riski-arvo",
            "Hallintakeino",
            "Hallintakeinon toteutuminen",
        ]);
        assert_eq!(
            risk_header(&header),
            Some(vec![
                Role::Class,
                Role::Risk,
                Role::Value,
                Role::Control,
                Role::ControlStatus
            ])
        );
        let rows = vec![
            (
                1,
                cells(&[
                    "Talous",
                    "Korkoriski",
                    "<b>Todennäköisyys: 2</b> <b>Merkittävyys: 3</b> ■",
                    "Suojaus",
                    "Hyvä",
                ]),
            ),
            (
                2,
                cells(&[
                    "",
                    "Tietoturva",
                    "Todennäköisyys 1, vaikutus 2",
                    "Koulutus",
                    "",
                ]),
            ),
        ];
        let read = read_risk_rows(&header, rows);
        assert_eq!(read.len(), 2);
        assert_eq!(
            (
                read[0].1.probability,
                read[0].1.significance,
                read[0].1.score()
            ),
            (Some(2), Some(3), Some(6))
        );
        // The second row belongs to the class above it.
        assert_eq!(read[1].1.class.as_deref(), Some("Talous"));
        assert_eq!(
            (read[1].1.probability, read[1].1.significance),
            (Some(1), Some(2))
        );
        assert_eq!(read[1].1.control_status, None);
        // A goals header is no risks header.
        assert!(!is_risk_header(&cells(&[
            "Strateginen päämäärä",
            "Tavoite 2025",
            "Tila"
        ])));
    }
}
