//! Goals tables (toiminnalliset tavoitteet) of a financial statement or budget: a header
//! naming the strategic aim, the goal and usually the metric, who answers for it, the outcome
//! and the status, then one row per aim. Rows broken by a page break go on in a row whose aim
//! is empty or starts in lower case, and they are joined back to the row they continue.
//!
//! Cells are read as lists: `<p>` and `<li>` items, `•` bullets, or runs of text separated by
//! two spaces, as PDF copies print them. The aim is the bold text of its cell (or its first
//! item); the items under it are its parts.

use super::cells::{
    aim_of, cells_in, continue_list, continue_prose, header_year, items, strip_cell, tidy,
};
use crate::model::{Goal, GoalLevel, GoalStatus};

/// What a column of a goals table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Aim,
    Goal,
    Metric,
    Responsible,
    Outcome,
    Status,
    Other,
}

fn role_of(header: &str) -> Role {
    let lower = header.trim().to_lowercase();
    let status = lower.starts_with("tila")
        || lower.contains("arvio")
        || lower.starts_with("status")
        || lower.starts_with("läge")
        || lower.contains("bedömning");
    if lower.contains("päämäärä") || lower.contains("strategi") {
        Role::Aim
    } else if lower.contains("mittari") || lower.contains("mätare") || lower.contains("metric") {
        Role::Metric
    } else if lower.contains("tavoit") || lower.contains("mål") || lower.contains("goal") {
        // `Tavoite 2025`, `Tavoitteet`, `Palvelualueen tavoite`.
        Role::Goal
    } else if lower.starts_with("vastuu") || lower.starts_with("ansvar") {
        Role::Responsible
    } else if status {
        // `Tila`, `Tilanne 31.12.`, `Arvio toteutumisesta`, `Status`, `Läge`.
        Role::Status
    } else if lower.starts_with("toteum")
        || lower.starts_with("toteutumi")
        || lower.starts_with("utfall")
        || lower.starts_with("outcome")
    {
        Role::Outcome
    } else {
        Role::Other
    }
}

/// The roles of a header's cells, when the header is that of a goals table: it names an aim
/// and a goal.
/// A table of projects (`Hankkeen nimi`, `Kokonaisrahoitus`) names aims and goals too, but
/// it is no goals table.
fn goal_header(cells: &[String]) -> Option<Vec<Role>> {
    let projects = cells.iter().any(|c| {
        let lower = c.trim().to_lowercase();
        lower.starts_with("hank") || lower.starts_with("projekt") || lower.starts_with("project")
    });
    let roles: Vec<Role> = cells.iter().map(|c| role_of(c)).collect();
    (!projects && roles.contains(&Role::Aim) && roles.contains(&Role::Goal)).then_some(roles)
}

/// Whether a row of cells is the header of a goals table.
pub fn is_goal_header(cells: &[String]) -> bool {
    goal_header(cells).is_some()
}

/// A goal read from a file, before it is given its org node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundGoal {
    /// Line (or row) of the goal's first row.
    pub line: usize,
    /// The year the header names, if any.
    pub year: Option<i32>,
    pub level: GoalLevel,
    pub goal: Goal,
    /// The printed status when Raami did not recognise it.
    pub unread_status: Option<String>,
}

/// Reads the rows of one goals table. `rows` are (line, cells); repeated headers (a table
/// going on over a page) are passed over.
pub fn read_goal_rows(
    header: &[String],
    level: GoalLevel,
    rows: impl IntoIterator<Item = (usize, Vec<String>)>,
) -> Vec<FoundGoal> {
    let Some(roles) = goal_header(header) else {
        return Vec::new();
    };
    let year = header_year(header);
    let cell = |cells: &[String], role: Role| cells_in(&roles, cells, role);
    let mut found: Vec<FoundGoal> = Vec::new();
    for (line, cells) in rows {
        if goal_header(&cells).is_some() || cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let status_text = tidy(&strip_cell(&cell(&cells, Role::Status)));
        let (aim, sub_aims) = aim_of(&cell(&cells, Role::Aim));
        let continues = status_text.is_empty()
            && !cell(&cells, Role::Aim).to_lowercase().contains("<b>")
            && !aim.chars().next().is_some_and(char::is_uppercase);
        if continues && let Some(last) = found.last_mut() {
            let goal = &mut last.goal;
            let mut aim_items = Vec::new();
            if !aim.is_empty() {
                aim_items.push(aim);
            }
            aim_items.extend(sub_aims);
            if goal.sub_aims.is_empty() {
                let mut whole = vec![goal.aim.clone()];
                continue_list(&mut whole, aim_items);
                goal.aim = whole.remove(0);
                goal.sub_aims = whole;
            } else {
                continue_list(&mut goal.sub_aims, aim_items);
            }
            continue_list(&mut goal.goals, items(&cell(&cells, Role::Goal)));
            continue_list(&mut goal.metrics, items(&cell(&cells, Role::Metric)));
            continue_prose(&mut goal.outcome, items(&cell(&cells, Role::Outcome)));
            let more = items(&cell(&cells, Role::Responsible)).join(", ");
            if !more.is_empty() {
                goal.responsible = Some(match goal.responsible.take() {
                    Some(r) => format!("{r}, {more}"),
                    None => more,
                });
            }
            continue;
        }
        let status = GoalStatus::parse(&status_text);
        let responsible = items(&cell(&cells, Role::Responsible)).join(", ");
        found.push(FoundGoal {
            line,
            year,
            level,
            unread_status: (status.is_none() && !status_text.is_empty()).then_some(status_text),
            goal: Goal {
                org: String::new(),
                year: year.unwrap_or_default(),
                level,
                aim,
                sub_aims,
                goals: items(&cell(&cells, Role::Goal)),
                metrics: items(&cell(&cells, Role::Metric)),
                responsible: (!responsible.is_empty()).then_some(responsible),
                outcome: items(&cell(&cells, Role::Outcome)),
                status,
            },
        });
    }
    found.retain(|f| !f.goal.aim.is_empty() || !f.goal.goals.is_empty());
    found
}

/// Whose goals a table holds, from the text since the table before it: the council's
/// (`valtuuston sitovuustaso`) unless it speaks of the operating plan.
pub(crate) fn goal_level(context: &str) -> GoalLevel {
    if context.contains("sitov") || context.contains("valtuust") {
        GoalLevel::Valtuusto
    } else if context.contains("käyttösuunnitelm") {
        GoalLevel::Kayttosuunnitelma
    } else {
        GoalLevel::Valtuusto
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_metric_column_is_not_taken_for_the_goal() {
        let header: Vec<String> = [
            "Strateginen päämäärä",
            "Tavoite 2025",
            "Mittari ja tavoitetaso",
            "Vastuu",
            "Toteuma 31.12.",
            "Tila",
        ]
        .map(str::to_string)
        .to_vec();
        assert_eq!(
            goal_header(&header),
            Some(vec![
                Role::Aim,
                Role::Goal,
                Role::Metric,
                Role::Responsible,
                Role::Outcome,
                Role::Status
            ])
        );
        assert_eq!(header_year(&header), Some(2025));
        let other: Vec<String> = [
            "Strategian päämäärä",
            "Tavoitteet 2026",
            "Mittarit",
            "Toteutuminen",
            "Arvio toteutumisesta",
        ]
        .map(str::to_string)
        .to_vec();
        assert_eq!(
            goal_header(&other),
            Some(vec![
                Role::Aim,
                Role::Goal,
                Role::Metric,
                Role::Outcome,
                Role::Status
            ])
        );
        let projects: Vec<String> = [
            "Strateginen päämäärä",
            "Hankkeen nimi",
            "Hankkeen tavoite, kuvaus ja rahoittaja",
            "Toteuma 31.12.",
        ]
        .map(str::to_string)
        .to_vec();
        assert_eq!(goal_header(&projects), None);
    }

    #[test]
    fn cells_are_read_as_lists() {
        assert_eq!(
            items("<p>Yksi asia</p> <p>Toinen asia</p>"),
            vec!["Yksi asia", "Toinen asia"]
        );
        assert_eq!(
            items("Työkykyjohtaminen  Sopimushallinta • Arkistointi"),
            vec!["Työkykyjohtaminen", "Sopimushallinta", "Arkistointi"]
        );
        assert_eq!(
            aim_of(
                "<b>Kestävä talous</b> <ul> <li>• Velkamäärän vähentäminen</li> <li>Käyttötalouden tasapaino</li> </ul>"
            ),
            (
                "Kestävä talous".to_string(),
                vec![
                    "Velkamäärän vähentäminen".to_string(),
                    "Käyttötalouden tasapaino".to_string()
                ]
            )
        );
    }

    #[test]
    fn a_row_broken_by_a_page_goes_on_where_it_stopped() {
        let header: Vec<String> = ["Strateginen päämäärä", "Tavoite 2025", "Toteuma", "Tila"]
            .map(str::to_string)
            .to_vec();
        let rows = vec![
            (
                10,
                vec![
                    "<b>Kestävä talous</b> <ul><li>Kasvua tukevat</li></ul>".to_string(),
                    "<p>Tietoturvan edistäminen</p>".to_string(),
                    "<p>Sovellus käytössä. MS sovelluksen</p>".to_string(),
                    "Toteutuu osittain".to_string(),
                ],
            ),
            (11, header.clone()),
            (
                12,
                vec![
                    "tulevaisuusinvestoinnit".to_string(),
                    String::new(),
                    "<p>osalta kaksi koulutusta.</p> <p>Työ jatkuu.</p>".to_string(),
                    String::new(),
                ],
            ),
        ];
        let found = read_goal_rows(&header, GoalLevel::Valtuusto, rows);
        assert_eq!(found.len(), 1);
        let goal = &found[0].goal;
        assert_eq!(
            goal.sub_aims,
            vec!["Kasvua tukevat tulevaisuusinvestoinnit"]
        );
        assert_eq!(
            goal.outcome,
            vec![
                "Sovellus käytössä. MS sovelluksen osalta kaksi koulutusta.",
                "Työ jatkuu."
            ]
        );
        assert_eq!(goal.status, Some(GoalStatus::Osittain));
        assert_eq!(goal.year, 2025);
    }
}
