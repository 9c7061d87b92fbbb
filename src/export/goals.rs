//! The goals view's tables as they are shown, for CSV and XLSX: how the goals came out
//! under each strategic aim, every goal of the node and its units, their projects,
//! investments and risks. Each table is a [`Grid`]; a table the view would not show (no
//! projects, say) is left out.

use super::{Grid, GridCell};
use crate::analysis::goals::{status_by_aim, total_funding, units_shown};
use crate::analysis::investments::investment_tables;
use crate::i18n::{Lang, Msg, pick, t};
use crate::model::{Dataset, Goal, GoalStatus, InvestmentLine, OrgNode};

/// Items printed one under another, as one cell: a line each.
fn lines(items: &[String]) -> GridCell {
    if items.is_empty() {
        GridCell::Empty
    } else {
        GridCell::Text(items.join("\n"))
    }
}

fn text(value: Option<&str>) -> GridCell {
    value.map_or(GridCell::Empty, |v| GridCell::Text(v.to_string()))
}

fn status(status: Option<GoalStatus>, lang: Lang) -> GridCell {
    GridCell::Text(match status {
        Some(s) => s.name(lang).to_string(),
        None => t(lang, Msg::NoStatus).to_string(),
    })
}

/// Whether the goals view of `node` has any table: goals, projects, investments or risks
/// of it or a unit under it.
pub fn has_goals_view(dataset: &Dataset, node: &str) -> bool {
    !units_shown(dataset, node).is_empty()
}

/// The goals view of `node` as grids: status by aim, goals, projects, investments (in
/// `unit`, as the view labels them) and risks, each where there is any.
pub fn goals_grids(dataset: &Dataset, node: &str, unit: &str, lang: Lang) -> Vec<Grid> {
    let Some(top) = dataset.node(node) else {
        return Vec::new();
    };
    let units = units_shown(dataset, node);
    let goals: Vec<(&OrgNode, &Goal)> = units
        .iter()
        .flat_map(|u| dataset.goals_of(&u.id).map(move |g| (*u, g)))
        .collect();
    let mut grids = Vec::new();
    let unit_header = t(lang, Msg::Unit).to_string();

    let counts = status_by_aim(goals.iter().map(|(_, g)| *g));
    if !counts.is_empty() {
        let any_without = counts.iter().any(|c| c.without > 0);
        let mut header = vec![t(lang, Msg::Aim).to_string()];
        header.extend(GoalStatus::ALL.iter().map(|s| s.name(lang).to_string()));
        if any_without {
            header.push(t(lang, Msg::NoStatus).to_string());
        }
        header.push(t(lang, Msg::Total).to_string());
        let row = |name: String, by: &dyn Fn(GoalStatus) -> usize, without: usize| {
            let mut cells = vec![GridCell::Text(name)];
            cells.extend(
                GoalStatus::ALL
                    .iter()
                    .map(|s| GridCell::Count(by(*s) as u64)),
            );
            if any_without {
                cells.push(GridCell::Count(without as u64));
            }
            let total = GoalStatus::ALL
                .iter()
                .map(|s| by(*s))
                .fold(without, usize::saturating_add);
            cells.push(GridCell::Count(total as u64));
            cells
        };
        let mut rows: Vec<Vec<GridCell>> = counts
            .iter()
            .map(|c| row(c.aim.clone(), &|s| c.count(s), c.without))
            .collect();
        rows.push(row(
            t(lang, Msg::Total).to_string(),
            &|s| counts.iter().map(|c| c.count(s)).sum(),
            counts.iter().map(|c| c.without).sum(),
        ));
        grids.push(Grid {
            title: format!("{}: {}", t(lang, Msg::StatusByAim), top.name),
            sheet: pick(lang, "Toteutuminen", "Utfall", "Status by aim").to_string(),
            header,
            rows,
        });

        let header = vec![
            unit_header.clone(),
            pick(lang, "Tavoitetaso", "Målnivå", "Level").to_string(),
            pick(lang, "Vuosi", "År", "Year").to_string(),
            t(lang, Msg::Aim).to_string(),
            pick(lang, "Päämäärän osat", "Målets delar", "Parts of the aim").to_string(),
            t(lang, Msg::GoalCol).to_string(),
            t(lang, Msg::Metric).to_string(),
            t(lang, Msg::Responsible).to_string(),
            t(lang, Msg::Outcome).to_string(),
            t(lang, Msg::Status).to_string(),
        ];
        let rows = goals
            .iter()
            .map(|(u, g)| {
                vec![
                    GridCell::Text(u.name.clone()),
                    GridCell::Text(g.level.name(lang).to_string()),
                    if g.year > 0 {
                        GridCell::Count(g.year.unsigned_abs().into())
                    } else {
                        GridCell::Empty
                    },
                    GridCell::Text(g.aim.clone()),
                    lines(&g.sub_aims),
                    lines(&g.goals),
                    lines(&g.metrics),
                    text(g.responsible.as_deref()),
                    lines(&g.outcome),
                    status(g.status, lang),
                ]
            })
            .collect();
        grids.push(Grid {
            title: format!("{}: {}", pick(lang, "Tavoitteet", "Mål", "Goals"), top.name),
            sheet: pick(lang, "Tavoitteet", "Mål", "Goals").to_string(),
            header,
            rows,
        });
    }

    let projects: Vec<(&OrgNode, &crate::model::Project)> = units
        .iter()
        .flat_map(|u| dataset.projects_of(&u.id).map(move |p| (*u, p)))
        .collect();
    if !projects.is_empty() {
        let header = vec![
            unit_header.clone(),
            t(lang, Msg::ProjectName).to_string(),
            t(lang, Msg::Aim).to_string(),
            t(lang, Msg::ProjectDescription).to_string(),
            format!("{} €", t(lang, Msg::TotalFunding)),
            t(lang, Msg::CityShare).to_string(),
            t(lang, Msg::SpentPct).to_string(),
            t(lang, Msg::Outcome).to_string(),
        ];
        let mut rows: Vec<Vec<GridCell>> = projects
            .iter()
            .map(|(u, p)| {
                let mut aim = vec![p.aim.clone()];
                aim.extend(p.sub_aims.iter().cloned());
                vec![
                    GridCell::Text(u.name.clone()),
                    GridCell::Text(p.name.clone()),
                    lines(&aim),
                    lines(&p.description),
                    p.total_funding.map_or(GridCell::Empty, GridCell::Amount),
                    match (p.city_share_pct, &p.city_share) {
                        (Some(pct), _) => GridCell::Percent(pct),
                        (None, Some(text)) => GridCell::Text(text.clone()),
                        (None, None) => GridCell::Empty,
                    },
                    p.spent_pct.map_or(GridCell::Empty, GridCell::Percent),
                    lines(&p.outcome),
                ]
            })
            .collect();
        // The view totals each unit's projects; the export totals the table's.
        let mut total = vec![
            GridCell::Text(t(lang, Msg::Total).to_string()),
            GridCell::Empty,
            GridCell::Empty,
            GridCell::Empty,
        ];
        total.push(
            total_funding(projects.iter().map(|(_, p)| *p))
                .map_or(GridCell::Empty, GridCell::Amount),
        );
        rows.push(total);
        grids.push(Grid {
            title: format!("{}: {}", t(lang, Msg::Projects), top.name),
            sheet: t(lang, Msg::Projects).to_string(),
            header,
            rows,
        });
    }

    // Investments: every table of every unit, on the columns any of them has.
    let tables: Vec<(&OrgNode, crate::analysis::investments::InvestmentTable)> = units
        .iter()
        .flat_map(|u| {
            investment_tables(dataset, &u.id)
                .into_iter()
                .map(move |table| (*u, table))
        })
        .collect();
    if !tables.is_empty() {
        let mut columns: Vec<crate::model::Column> = Vec::new();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (_, table) in &tables {
            for c in &table.columns {
                if !columns.iter().any(|x| x.id == c.id) {
                    columns.push(c.clone());
                }
            }
            for f in &table.follow_ups {
                let key = (f.budget.id.to_string(), f.actual.id.to_string());
                if !pairs.contains(&key) {
                    pairs.push(key);
                }
            }
        }
        let label = |id: &str| {
            dataset
                .columns_in_order()
                .into_iter()
                .find(|c| c.id == id)
                .map_or(id.to_string(), |c| c.label(lang))
        };
        let mut header = vec![
            unit_header.clone(),
            pick(lang, "Taulukko", "Tabell", "Table").to_string(),
            t(lang, Msg::Line).to_string(),
        ];
        header.extend(columns.iter().map(|c| c.label(lang)));
        for (budget, actual) in &pairs {
            let between = format!("{} → {}", label(budget), label(actual));
            header.push(format!("{} {between}", t(lang, Msg::Poikkeama)));
            header.push(format!("{} {between}", t(lang, Msg::ToteumaPct)));
        }
        let mut rows = Vec::new();
        for (u, table) in &tables {
            for row in &table.rows {
                let mut cells = vec![
                    GridCell::Text(u.name.clone()),
                    GridCell::Text(table.name.clone()),
                    GridCell::Text(
                        t(
                            lang,
                            match row.line {
                                InvestmentLine::Menot => Msg::InvestMenot,
                                InvestmentLine::Tulot => Msg::InvestTulot,
                                InvestmentLine::Netto => Msg::InvestNetto,
                            },
                        )
                        .to_string(),
                    ),
                ];
                cells.extend(columns.iter().map(|c| {
                    table
                        .columns
                        .iter()
                        .position(|x| x.id == c.id)
                        .and_then(|i| row.amounts.get(i).copied().flatten())
                        .map_or(GridCell::Empty, GridCell::Amount)
                }));
                for (budget, actual) in &pairs {
                    let at = table.follow_ups.iter().position(|f| {
                        f.budget.id.as_str() == budget && f.actual.id.as_str() == actual
                    });
                    let (p, pct) = at
                        .and_then(|i| row.follow_ups.get(i).copied())
                        .unwrap_or((None, None));
                    cells.push(p.map_or(GridCell::Empty, GridCell::Amount));
                    cells.push(pct.map_or(GridCell::Empty, GridCell::Percent));
                }
                rows.push(cells);
            }
        }
        grids.push(Grid {
            title: format!("{}: {} ({unit})", t(lang, Msg::Investments), top.name),
            sheet: t(lang, Msg::Investments).to_string(),
            header,
            rows,
        });
    }

    let risks: Vec<(&OrgNode, &crate::model::Risk)> = units
        .iter()
        .flat_map(|u| dataset.risks_of(&u.id).map(move |r| (*u, r)))
        .collect();
    if !risks.is_empty() {
        let header = vec![
            unit_header,
            t(lang, Msg::Risk).to_string(),
            t(lang, Msg::RiskClass).to_string(),
            t(lang, Msg::Probability).to_string(),
            t(lang, Msg::Significance).to_string(),
            t(lang, Msg::RiskScore).to_string(),
            t(lang, Msg::Control).to_string(),
            t(lang, Msg::ControlStatus).to_string(),
        ];
        let rating = |n: Option<u8>| n.map_or(GridCell::Empty, |n| GridCell::Count(n.into()));
        let rows = risks
            .iter()
            .map(|(u, r)| {
                vec![
                    GridCell::Text(u.name.clone()),
                    GridCell::Text(r.risk.clone()),
                    text(r.class.as_deref()),
                    rating(r.probability),
                    rating(r.significance),
                    rating(r.score()),
                    text(r.control.as_deref()),
                    text(r.control_status.as_deref()),
                ]
            })
            .collect();
        grids.push(Grid {
            title: format!("{}: {}", t(lang, Msg::Risks), top.name),
            sheet: t(lang, Msg::Risks).to_string(),
            header,
            rows,
        });
    }
    grids
}
