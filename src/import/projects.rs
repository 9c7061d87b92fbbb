//! Projects tables (Hankkeet) of a financial statement: the strategic aim a project serves,
//! its name, its goal, description and funder, its total funding, the city's share of the
//! funding, how much of its expenses have been used, and what came of it. Rows broken by a
//! page break are joined back as in goals tables.

use rust_decimal::Decimal;

use super::cells::{
    CellRow, aim_of, cells_in, continue_list, continue_prose, header_year, items, strip_cell, tidy,
};
use crate::model::Project;
use crate::numfmt::parse_fi_number;

/// What a column of a projects table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Aim,
    Name,
    Description,
    Funding,
    CityShare,
    Spent,
    Outcome,
    Other,
}

fn role_of(header: &str) -> Role {
    let lower = header.trim().to_lowercase().replace("-", "");
    if lower.contains("päämäärä") || lower.contains("strategi") {
        Role::Aim
    } else if lower.contains("nimi") || lower == "hanke" || lower == "projekti" {
        Role::Name
    } else if lower.contains("kuvaus") || lower.contains("tavoite") {
        Role::Description
    } else if lower.contains("osuus") {
        Role::CityShare
    } else if lower.contains("rahoitus") || lower.contains("budjetti") {
        Role::Funding
    } else if lower.contains("%") && (lower.contains("toteum") || lower.contains("käyt")) {
        Role::Spent
    } else if lower.starts_with("toteum") || lower.starts_with("tilanne") {
        Role::Outcome
    } else {
        Role::Other
    }
}

/// The roles of a header's cells, when it is the header of a projects table: it names a
/// project and its funding.
fn project_header(cells: &[String]) -> Option<Vec<Role>> {
    let roles: Vec<Role> = cells.iter().map(|c| role_of(c)).collect();
    let names_projects = cells.iter().any(|c| {
        c.trim().to_lowercase().starts_with("hank") || c.to_lowercase().contains("projekt")
    });
    (names_projects && roles.contains(&Role::Name) && roles.contains(&Role::Funding))
        .then_some(roles)
}

pub fn is_project_header(cells: &[String]) -> bool {
    project_header(cells).is_some()
}

/// A percentage printed alone in a cell (`25 %`, `6,5 %`); `None` when the cell says more.
fn percent(cell: &str) -> Option<Decimal> {
    let text = tidy(&strip_cell(cell));
    let number = text.strip_suffix('%')?.trim();
    parse_fi_number(number).ok().flatten()
}

/// A project read from a file, before it is given its org node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundProject {
    pub line: usize,
    pub year: Option<i32>,
    pub project: Project,
}

/// The projects of a table, and the total funding it prints (line, amount), if it does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadProjects {
    pub projects: Vec<FoundProject>,
    pub total: Option<(usize, Decimal)>,
}

fn is_total(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    ["yhteensä", "yht.", "totalt", "total", "summa"]
        .iter()
        .any(|w| lower.starts_with(w))
}

/// Reads the rows of one projects table; a total row (`Yhteensä`) is kept apart.
pub fn read_project_rows(
    header: &[String],
    rows: impl IntoIterator<Item = CellRow>,
) -> ReadProjects {
    let Some(roles) = project_header(header) else {
        return ReadProjects::default();
    };
    let year = header_year(header);
    let cell = |cells: &[String], role: Role| cells_in(&roles, cells, role);
    let mut found: Vec<FoundProject> = Vec::new();
    let mut total = None;
    for (line, cells) in rows {
        if project_header(&cells).is_some() || cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let name = tidy(&strip_cell(&cell(&cells, Role::Name)));
        let (aim, sub_aims) = aim_of(&cell(&cells, Role::Aim));
        let funding = tidy(&strip_cell(&cell(&cells, Role::Funding)));
        let funding = parse_fi_number(funding.trim_end_matches('€').trim())
            .ok()
            .flatten();
        if is_total(&name) || (name.is_empty() && is_total(&aim)) {
            total = funding.map(|f| (line, f));
            continue;
        }
        let continues = name.is_empty() && !cell(&cells, Role::Aim).to_lowercase().contains("<b>");
        if continues && let Some(last) = found.last_mut() {
            let project = &mut last.project;
            let mut aim_items = Vec::new();
            if !aim.is_empty() {
                aim_items.push(aim);
            }
            aim_items.extend(sub_aims);
            continue_list(&mut project.sub_aims, aim_items);
            let description = items(&cell(&cells, Role::Description));
            continue_prose(&mut project.description, description);
            continue_prose(&mut project.outcome, items(&cell(&cells, Role::Outcome)));
            // The rest of a city's share printed over two pages.
            let more = tidy(&strip_cell(&cell(&cells, Role::CityShare)));
            if !more.is_empty() {
                let whole = format!("{} {more}", project.city_share.take().unwrap_or_default());
                project.city_share_pct = None;
                project.city_share = Some(whole.trim().to_string());
            }
            continue;
        }
        let share_text = tidy(&strip_cell(&cell(&cells, Role::CityShare)));
        found.push(FoundProject {
            line,
            year,
            project: Project {
                org: String::new(),
                year: year.unwrap_or_default(),
                aim,
                sub_aims,
                name,
                description: items(&cell(&cells, Role::Description)),
                total_funding: funding,
                city_share_pct: percent(&share_text),
                city_share: (!share_text.is_empty()).then_some(share_text),
                spent_pct: percent(&cell(&cells, Role::Spent)),
                outcome: items(&cell(&cells, Role::Outcome)),
            },
        });
    }
    found.retain(|f| !f.project.name.is_empty());
    ReadProjects {
        projects: found,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::import::cells::texts as cells;

    #[test]
    fn a_projects_header_is_told_from_a_goals_header() {
        let header = cells(&[
            "Strateginen päämäärä",
            "Hankkeen nimi",
            "Hankkeen tavoite, kuvaus ja rahoittaja",
            "Kokonais-rahoitus",
            "Kaupungin rahoitus-osuus %",
            "Menojen toteuma %",
            "Toteuma 31.12.",
        ]);
        assert_eq!(
            project_header(&header),
            Some(vec![
                Role::Aim,
                Role::Name,
                Role::Description,
                Role::Funding,
                Role::CityShare,
                Role::Spent,
                Role::Outcome
            ])
        );
        assert!(!super::super::goals::is_goal_header(&header));
        let goals = cells(&[
            "Strateginen päämäärä",
            "Tavoite 2025",
            "Toteuma 31.12.",
            "Tila",
        ]);
        assert!(!is_project_header(&goals));
    }

    #[test]
    fn a_share_that_says_more_than_a_percentage_is_kept_as_printed() {
        let header = cells(&[
            "Hankkeen nimi",
            "Kokonaisrahoitus",
            "Kaupungin rahoitusosuus %",
            "Menojen toteuma %",
        ]);
        let rows = vec![
            (5, cells(&["Digi", "218 842", "30 % on kaikkien", "9 %"])),
            (
                6,
                cells(&["", "", "kuntien osuus. Heinolan osuus 3 %.", ""]),
            ),
            (7, cells(&["RELE", "176 987", "25 %", "50 %"])),
            (8, cells(&["Yhteensä", "395 829", "", ""])),
        ];
        let read = read_project_rows(&header, rows);
        assert_eq!(read.total, Some((8, Decimal::from(395_829))));
        let found = read.projects;
        assert_eq!(found.len(), 2);
        let digi = &found[0].project;
        assert_eq!(digi.total_funding, Some(Decimal::from(218_842)));
        assert_eq!(digi.city_share_pct, None);
        assert_eq!(
            digi.city_share.as_deref(),
            Some("30 % on kaikkien kuntien osuus. Heinolan osuus 3 %.")
        );
        assert_eq!(digi.spent_pct, Some(Decimal::from(9)));
        assert_eq!(found[1].project.city_share_pct, Some(Decimal::from(25)));
    }
}
