//! The tables of text cells Raami reads from a text copied from a PDF, in one pass: goals,
//! projects and risks tables, each read by its own module.

use serde::{Deserialize, Serialize};

use super::cells::cell_tables;
use super::goals::{FoundGoal, goal_level, is_goal_header, read_goal_rows};
use super::projects::{is_project_header, read_project_rows};
use super::risks::{is_risk_header, read_risk_rows};

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

#[cfg(test)]
mod tests {
    use super::*;

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
