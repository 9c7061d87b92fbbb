//! Goals of a node and the units under it, and how many of them came out as Toteutuu,
//! Toteutuu osittain and Ei toteudu under each strategic aim.

use crate::model::{Dataset, Goal, GoalStatus, OrgNode};

/// The goals of `node` and of every unit under it, node by node in tree order (the node
/// first), each node's goals in the order the document gives them.
pub fn goals_under<'a>(dataset: &'a Dataset, node: &str) -> Vec<(String, Vec<&'a Goal>)> {
    dataset
        .subtree(node)
        .into_iter()
        .filter_map(|(unit, _)| {
            let goals: Vec<&Goal> = dataset.goals_of(&unit.id).collect();
            (!goals.is_empty()).then(|| (unit.id.clone(), goals))
        })
        .collect()
}

/// The node and the units under it, in tree order, that the goals view shows: those with
/// goals, investments, projects or risks of their own.
pub fn units_shown<'a>(dataset: &'a Dataset, node: &str) -> Vec<&'a OrgNode> {
    dataset
        .subtree(node)
        .into_iter()
        .map(|(unit, _)| unit)
        .filter(|unit| {
            let id = unit.id.as_str();
            dataset.goals_of(id).next().is_some()
                || dataset.investments_of(id).next().is_some()
                || dataset.projects_of(id).next().is_some()
                || dataset.risks_of(id).next().is_some()
        })
        .collect()
}

/// The statuses of the goals under one strategic aim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AimCount {
    /// The aim as first printed.
    pub aim: String,
    /// Goal rows with each status, in the order of [`GoalStatus::ALL`].
    pub counts: [usize; 3],
    /// Goal rows without a status (a budget's goals, or a status Raami did not read).
    pub without: usize,
}

impl AimCount {
    pub fn count(&self, status: GoalStatus) -> usize {
        GoalStatus::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.counts[i])
    }

    pub fn total(&self) -> usize {
        self.counts
            .iter()
            .fold(self.without, |total, c| total.saturating_add(*c))
    }
}

/// Counts statuses per strategic aim, aims in the order they first appear. Aims are the
/// same when their names are, ignoring case and spacing.
pub fn status_by_aim<'a>(goals: impl IntoIterator<Item = &'a Goal>) -> Vec<AimCount> {
    let key = |aim: &str| {
        aim.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut counts: Vec<(String, AimCount)> = Vec::new();
    for goal in goals {
        let k = key(&goal.aim);
        let index = match counts.iter().position(|(c, _)| *c == k) {
            Some(i) => i,
            None => {
                counts.push((
                    k,
                    AimCount {
                        aim: goal.aim.clone(),
                        counts: [0; 3],
                        without: 0,
                    },
                ));
                counts.len().saturating_sub(1)
            }
        };
        let entry = &mut counts[index].1;
        match goal
            .status
            .and_then(|s| GoalStatus::ALL.iter().position(|x| *x == s))
        {
            Some(i) => entry.counts[i] = entry.counts[i].saturating_add(1),
            None => entry.without = entry.without.saturating_add(1),
        }
    }
    counts.into_iter().map(|(_, c)| c).collect()
}

/// The total funding of projects, as the projects table's last row prints it (projects that
/// give none are left out of it); `None` where it does not fit in a decimal.
pub fn total_funding<'a>(
    projects: impl Iterator<Item = &'a crate::model::Project>,
) -> Option<crate::model::Amount> {
    projects
        .filter_map(|p| p.total_funding)
        .try_fold(rust_decimal::Decimal::ZERO, |sum, f| sum.checked_add(f))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_projects_total_is_their_funding_added_up() {
        // Seed 003's five projects: 176 987 + 48 000 + 125 000 + 249 800 + 218 842.
        let sample = crate::sample::heinola().unwrap_or_default();
        let total = super::total_funding(sample.projects.iter());
        assert_eq!(total, Some(rust_decimal::Decimal::from(818_629)));
    }
}
