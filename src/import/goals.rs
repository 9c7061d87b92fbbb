//! Goals tables (toiminnalliset tavoitteet) of a financial statement or budget: a header
//! naming the strategic aim, the goal and usually the metric, who answers for it, the outcome
//! and the status, then one row per aim. Rows broken by a page break go on in a row whose aim
//! is empty or starts in lower case, and they are joined back to the row they continue.
//!
//! Cells are read as lists: `<p>` and `<li>` items, `•` bullets, or runs of text separated by
//! two spaces, as PDF copies print them. The aim is the bold text of its cell (or its first
//! item); the items under it are its parts.

use serde::{Deserialize, Serialize};

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

/// The year a header names (`Tavoite 2025`).
pub(crate) fn header_year(cells: &[String]) -> Option<i32> {
    cells.iter().find_map(|cell| {
        cell.split(|c: char| !c.is_ascii_digit())
            .filter(|t| t.len() == 4)
            .filter_map(|t| t.parse::<i32>().ok())
            .find(|y| (1990..=2100).contains(y))
    })
}

/// Text without its HTML tags, each tag replaced by `gap`, with no-break spaces made plain.
pub(crate) fn strip_tags(raw: &str, gap: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push_str(gap);
            }
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    out.replace(['\u{00A0}', '\u{202F}'], " ")
}

/// A cell's text: tags become spaces, so that `<li>a</li><li>b</li>` keeps its words apart.
pub(crate) fn strip_cell(raw: &str) -> String {
    strip_tags(raw, " ")
}

pub(crate) fn tidy(item: &str) -> String {
    item.trim()
        .trim_start_matches(['•', '-', '–', '·'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The items of a cell, in order.
pub(crate) fn items(raw: &str) -> Vec<String> {
    let lower = raw.to_ascii_lowercase();
    let pieces: Vec<String> = if lower.contains("<p") || lower.contains("<li") {
        // Split at every opening of an item; what is outside them goes with the one before.
        let mut pieces = Vec::new();
        let mut rest = raw;
        while let Some(at) = find_item_open(rest) {
            pieces.push(rest[..at].to_string());
            rest = &rest[at + 1..];
            // Skip the rest of the tag.
            match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => rest = "",
            }
        }
        pieces.push(rest.to_string());
        pieces.into_iter().map(|p| strip_cell(&p)).collect()
    } else {
        vec![strip_cell(raw)]
    };
    pieces
        .iter()
        .flat_map(|p| p.split('•').flat_map(|p| p.split("  ")))
        .map(tidy)
        .filter(|s| !s.is_empty())
        .collect()
}

fn find_item_open(text: &str) -> Option<usize> {
    // ASCII lower case keeps byte positions.
    let lower = text.to_ascii_lowercase();
    [lower.find("<p>"), lower.find("<p "), lower.find("<li")]
        .into_iter()
        .flatten()
        .min()
}

/// The aim of a cell and its parts: the bold text is the aim, else the first item.
pub(crate) fn aim_of(raw: &str) -> (String, Vec<String>) {
    let lower = raw.to_ascii_lowercase();
    if let (Some(open), Some(close)) = (lower.find("<b>"), lower.find("</b>"))
        && open < close
    {
        let aim = tidy(&strip_cell(&raw[open + 3..close]));
        let rest = format!("{}{}", &raw[..open], &raw[close + 4..]);
        return (aim, items(&rest));
    }
    let mut all = items(raw);
    if all.is_empty() {
        return (String::new(), Vec::new());
    }
    let aim = all.remove(0);
    (aim, all)
}

/// Joins a continued list: an item that starts in lower case goes on from the last one,
/// unless that one ended a sentence.
pub(crate) fn continue_list(list: &mut Vec<String>, more: Vec<String>) {
    join_continued(list, more, false);
}

/// Joins continued prose (an outcome, a description): the first item goes on from the last
/// one unless that one ended a sentence, whatever its case (`… kehitetty yhteistyötä` /
/// `Päijät-Hämeen työllisyyspalveluiden kanssa`).
pub(crate) fn continue_prose(list: &mut Vec<String>, more: Vec<String>) {
    join_continued(list, more, true);
}

fn join_continued(list: &mut Vec<String>, more: Vec<String>, prose: bool) {
    for (i, item) in more.into_iter().enumerate() {
        let goes_on = i == 0
            && (prose || item.chars().next().is_some_and(char::is_lowercase))
            && list
                .last()
                .is_some_and(|last| !last.ends_with(['.', '!', '?', ':']));
        match list.last_mut() {
            Some(last) if goes_on => {
                last.push(' ');
                last.push_str(&item);
            }
            _ => list.push(item),
        }
    }
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

/// The text of a row's cells in the columns of `role`, joined as separate items.
pub(crate) fn cells_in<R: PartialEq>(roles: &[R], cells: &[String], role: R) -> String {
    roles
        .iter()
        .zip(cells)
        .filter(|(r, _)| **r == role)
        .map(|(_, c)| c.as_str())
        .collect::<Vec<_>>()
        .join("  ")
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

/// A row's line number and its cells.
pub type CellRow = (usize, Vec<String>);

/// A table of text cells found in a text copied from a PDF: its header, its rows, the
/// headings above it (nearest first, with their lines) and the text between it and the
/// table before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellTable {
    pub line: usize,
    pub headings: Vec<(usize, String)>,
    pub header: Vec<String>,
    pub rows: Vec<CellRow>,
    pub context: String,
}

/// Finds tables of tab-separated cells under a header that `is_header` accepts. A table goes
/// on over blank lines and repeated headers and ends at the first line that is not a row,
/// or at the header of another table.
pub fn cell_tables(
    lines: &[(usize, &str)],
    heading_of: impl Fn(&str) -> Option<String>,
    is_header: impl Fn(&[String]) -> bool,
) -> Vec<CellTable> {
    let split = |text: &str| -> Vec<String> { text.split('\t').map(str::to_string).collect() };
    let mut tables = Vec::new();
    let mut i = 0;
    let mut headings: Vec<(usize, String)> = Vec::new();
    let mut context_start = 0;
    while i < lines.len() {
        let (number, text) = lines[i];
        if let Some(h) = heading_of(text) {
            headings.insert(0, (number, h));
        }
        let header = split(text);
        if !text.contains('\t') || !is_header(&header) {
            i += 1;
            continue;
        }
        let context: String = lines[context_start..i]
            .iter()
            .rev()
            .take(12)
            .map(|(_, t)| t.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut rows = Vec::new();
        let mut j = i + 1;
        while let Some((n, t)) = lines.get(j) {
            if t.contains('\t') {
                let cells = split(t);
                // Another table's header ends this one; a repeated header goes on with it.
                if cells != header && is_header(&cells) {
                    break;
                }
                rows.push((*n, cells));
            } else if !t.trim().is_empty() {
                break;
            }
            j += 1;
        }
        tables.push(CellTable {
            line: number,
            headings: headings.clone(),
            header,
            rows,
            context,
        });
        context_start = j;
        i = j;
    }
    tables
}

/// Whose goals a table holds, from the text since the table before it: the council's
/// (`valtuuston sitovuustaso`) unless it speaks of the operating plan.
fn goal_level(context: &str) -> GoalLevel {
    if context.contains("sitov") || context.contains("valtuust") {
        GoalLevel::Valtuusto
    } else if context.contains("käyttösuunnitelm") {
        GoalLevel::Kayttosuunnitelma
    } else {
        GoalLevel::Valtuusto
    }
}

/// What a table of cells held, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    Goals(Vec<FoundGoal>),
    Projects(super::projects::ReadProjects),
    Risks(Vec<(usize, crate::model::Risk)>),
}

impl Contents {
    /// What kind of table it was and how many rows it gave.
    pub fn kind_and_count(&self) -> (CellTableKind, usize) {
        match self {
            Contents::Goals(goals) => (CellTableKind::Goals, goals.len()),
            Contents::Projects(read) => (CellTableKind::Projects, read.projects.len()),
            Contents::Risks(risks) => (CellTableKind::Risks, risks.len()),
        }
    }
}

/// The kinds of table of cells Raami reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellTableKind {
    Goals,
    Projects,
    Risks,
}

/// A table of cells found in a text and read, with the headings above it (nearest first),
/// which name the org node it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadCellTable {
    pub line: usize,
    pub headings: Vec<(usize, String)>,
    pub contents: Contents,
}

/// Finds and reads the goals, projects and risks tables of a text copied from a PDF, in one
/// pass over the text.
pub fn read_cell_tables(
    lines: &[(usize, &str)],
    heading_of: impl Fn(&str) -> Option<String>,
) -> Vec<ReadCellTable> {
    use super::projects::{is_project_header, read_project_rows};
    use super::risks::{is_risk_header, read_risk_rows};
    let any = |h: &[String]| is_goal_header(h) || is_project_header(h) || is_risk_header(h);
    cell_tables(lines, heading_of, any)
        .into_iter()
        .map(|table| {
            let contents = if is_goal_header(&table.header) {
                let level = goal_level(&table.context);
                Contents::Goals(read_goal_rows(&table.header, level, table.rows))
            } else if is_project_header(&table.header) {
                Contents::Projects(read_project_rows(&table.header, table.rows))
            } else {
                Contents::Risks(read_risk_rows(&table.header, table.rows))
            };
            ReadCellTable {
                line: table.line,
                headings: table.headings,
                contents,
            }
        })
        .collect()
}

/// Cells from string literals, for tests.
#[cfg(test)]
pub(crate) fn texts(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
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

    #[test]
    fn one_pass_reads_each_kind_and_a_header_ends_the_table_before_it() {
        let text = "Strateginen päämäärä\tTavoite 2025\tTila\n\
<b>Kestävä talous</b>\tTasapainoinen talous\tToteutuu\n\
Strateginen päämäärä\tTavoite 2025\tTila\n\
<b>Vahva kaupunkiyhteisö</b>\tOsallisuus\tToteutuu osittain\n\
Riskiluokka\tTunnistettu riski\tRiski-arvo\tHallintakeino\n\
\tKorkoriski\tTodennäköisyys: 2 Merkittävyys: 3\tSuojaus\n";
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(n, l)| (n + 1, l)).collect();
        let tables = read_cell_tables(&lines, |_| None);
        // The repeated goals header goes on with the table; the risks header starts another.
        assert_eq!(
            tables
                .iter()
                .map(|t| (t.line, t.contents.kind_and_count()))
                .collect::<Vec<_>>(),
            [
                (1, (CellTableKind::Goals, 2)),
                (5, (CellTableKind::Risks, 1))
            ]
        );
        let Contents::Risks(risks) = &tables[1].contents else {
            panic!("{:?}", tables[1].contents);
        };
        assert_eq!(risks[0].1.score(), Some(6));
    }
}
