//! A dataset: one municipality's (or one document's) columns, organisation and stated
//! figures, plus its investments table. It holds only what a document states; every
//! subtotal the document does not print is computed by [`crate::analysis`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Amount, Column, ColumnId, Goal, Line, OrgId, OrgNode, Project, Risk};

/// Stated figures of one org node: line → column → amount.
pub type Figures = BTreeMap<Line, BTreeMap<ColumnId, Amount>>;

/// The rows of an investments table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InvestmentLine {
    /// Investment expenditure, stored negative.
    Menot,
    /// Investment income (grants, sales), stored positive.
    Tulot,
    /// Menot + Tulot.
    Netto,
}

/// An investments table of one org node (seed 003: "Yhteiset palvelut, irtain omaisuus").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Investment {
    pub org: OrgId,
    pub name: String,
    pub figures: BTreeMap<InvestmentLine, BTreeMap<ColumnId, Amount>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A row of the source with figures that the importer could not read (a label it does not
/// know, figures it could not split). It is kept so that nothing computed at its node claims
/// to be complete: a subtotal there is not computed from its parts, and a stated one that
/// its parts do not give is "not compared", never a contradiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadRow {
    pub org: OrgId,
    /// The row's label as printed.
    pub label: String,
    /// Where it is: file and line, or sheet and cell.
    pub place: String,
    /// The last line read above it in its table. Tables print a subtotal's parts before it,
    /// so the row can only be a part of lines that come after this one; `None` for a row
    /// above every line read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Line>,
}

/// The deepest an organisation may go below its top node.
pub const MAX_DEPTH: usize = 32;

/// One dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Where the data comes from, for the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Notes on the dataset as a whole (decisions made when reading it, caveats).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    pub columns: Vec<Column>,
    pub org: Vec<OrgNode>,
    #[serde(default)]
    pub figures: BTreeMap<OrgId, Figures>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investments: Vec<Investment>,
    /// Operational goals and how they came out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Externally funded projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Risks and their control.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// Rows of the source that carried figures but could not be read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<UnreadRow>,
    /// Nodes whose figures the source printed in units larger than a euro (1 000 for a table
    /// in `1 000 €`): their figures are that much less exact, which validation allows for.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub print_unit: BTreeMap<OrgId, u32>,
    /// Figures a scenario moved, with the rounding tolerance of the printed figure each came
    /// from: a scenario adds exact amounts to rounded ones, so the printed rounding stays
    /// what validation allows for. Never written to a package.
    #[serde(skip)]
    pub moved: BTreeMap<OrgId, Figures>,
    /// The source is a selection of a filing's cells (an extract of KTAS filings), where the
    /// filing has a cell for every line: a line it lacks is unknown, never zero, even one
    /// that printed statements leave out where it is zero (Valmistus omaan käyttöön). A
    /// subtotal is then computed only from all of its parts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extract: bool,
}

/// A structural fault of a dataset: something a figure or node refers to does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DatasetError {
    #[error("dataset '{dataset}': column id '{column}' appears more than once")]
    DuplicateColumn { dataset: String, column: ColumnId },
    #[error("dataset '{dataset}': org node id '{org}' appears more than once")]
    DuplicateOrg { dataset: String, org: OrgId },
    #[error("dataset '{dataset}': org node '{org}' names parent '{parent}', which does not exist")]
    UnknownParent {
        dataset: String,
        org: OrgId,
        parent: OrgId,
    },
    #[error("dataset '{dataset}': org node '{org}' is its own ancestor")]
    Cycle { dataset: String, org: OrgId },
    #[error(
        "dataset '{dataset}': org node '{org}' is more than {limit} levels below the top of its organisation"
    )]
    TooDeep {
        dataset: String,
        org: OrgId,
        limit: usize,
    },
    #[error("dataset '{dataset}': figures are given for org node '{org}', which does not exist")]
    FiguresForUnknownOrg { dataset: String, org: OrgId },
    #[error(
        "dataset '{dataset}': a figure of '{org}' is in column '{column}', which does not exist"
    )]
    UnknownColumn {
        dataset: String,
        org: OrgId,
        column: ColumnId,
    },
}

impl DatasetError {
    /// The fault in the user's language; the ids are the file's own.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::{En, Fi, Sv};
        match (self, lang) {
            (Self::DuplicateColumn { dataset, column }, Fi) => {
                format!("aineisto ”{dataset}”: sarakkeen tunnus ”{column}” on kahdesti")
            }
            (Self::DuplicateColumn { dataset, column }, Sv) => {
                format!("materialet ”{dataset}”: kolumn-id:t ”{column}” förekommer två gånger")
            }
            (Self::DuplicateOrg { dataset, org }, Fi) => {
                format!("aineisto ”{dataset}”: organisaation solmun tunnus ”{org}” on kahdesti")
            }
            (Self::DuplicateOrg { dataset, org }, Sv) => format!(
                "materialet ”{dataset}”: organisationsnodens id ”{org}” förekommer två gånger"
            ),
            (
                Self::UnknownParent {
                    dataset,
                    org,
                    parent,
                },
                Fi,
            ) => format!(
                "aineisto ”{dataset}”: solmun ”{org}” yläsolmua ”{parent}” ei ole aineistossa"
            ),
            (
                Self::UnknownParent {
                    dataset,
                    org,
                    parent,
                },
                Sv,
            ) => format!(
                "materialet ”{dataset}”: noden ”{org}” har föräldern ”{parent}”, som inte finns"
            ),
            (Self::Cycle { dataset, org }, Fi) => {
                format!("aineisto ”{dataset}”: solmu ”{org}” on oma yläsolmunsa")
            }
            (Self::Cycle { dataset, org }, Sv) => {
                format!("materialet ”{dataset}”: noden ”{org}” är sin egen förfader")
            }
            (
                Self::TooDeep {
                    dataset,
                    org,
                    limit,
                },
                Fi,
            ) => format!(
                "aineisto ”{dataset}”: solmu ”{org}” on yli {limit} tasoa organisaation ylimmän solmun alla"
            ),
            (
                Self::TooDeep {
                    dataset,
                    org,
                    limit,
                },
                Sv,
            ) => format!(
                "materialet ”{dataset}”: noden ”{org}” ligger mer än {limit} nivåer under organisationens topp"
            ),
            (Self::FiguresForUnknownOrg { dataset, org }, Fi) => format!(
                "aineisto ”{dataset}”: lukuja on annettu solmulle ”{org}”, jota ei ole aineistossa"
            ),
            (Self::FiguresForUnknownOrg { dataset, org }, Sv) => {
                format!("materialet ”{dataset}”: tal har getts för noden ”{org}”, som inte finns")
            }
            (
                Self::UnknownColumn {
                    dataset,
                    org,
                    column,
                },
                Fi,
            ) => format!(
                "aineisto ”{dataset}”: solmun ”{org}” luku on sarakkeessa ”{column}”, jota ei ole aineistossa"
            ),
            (
                Self::UnknownColumn {
                    dataset,
                    org,
                    column,
                },
                Sv,
            ) => format!(
                "materialet ”{dataset}”: ett tal för ”{org}” står i kolumnen ”{column}”, som inte finns"
            ),
            (_, En) => self.to_string(),
        }
    }
}

impl Dataset {
    /// Half the unit the node's figures were printed in: the most rounding moved each.
    pub fn rounding_of(&self, org: &str, amount: Amount) -> Amount {
        let printed = crate::numfmt::rounding_half_unit(amount);
        match self.print_unit.get(org) {
            Some(&unit) if unit > 1 => printed.max(Amount::from(unit) / Amount::from(2)),
            _ => printed,
        }
    }

    /// How far a stated figure may be from the exact one: the printed figure's rounding, also
    /// after a scenario moved it.
    pub fn tolerance(&self, org: &str, line: Line, column: &str, amount: Amount) -> Amount {
        if self.moved.is_empty() {
            return self.rounding_of(org, amount);
        }
        self.moved
            .get(org)
            .and_then(|f| f.get(&line))
            .and_then(|by_column| by_column.get(column))
            .copied()
            .unwrap_or_else(|| self.rounding_of(org, amount))
    }

    /// The rows of the node's source that could not be read.
    pub fn unread_at<'a>(&'a self, org: &'a str) -> impl Iterator<Item = &'a UnreadRow> + 'a {
        self.unread.iter().filter(move |row| row.org == org)
    }

    /// The rows of the node's source, not read, that may be parts of `line`: those printed
    /// before it.
    pub fn unread_before<'a>(
        &'a self,
        org: &'a str,
        line: Line,
    ) -> impl Iterator<Item = &'a UnreadRow> + 'a {
        self.unread_at(org)
            .filter(move |row| row.after.is_none_or(|after| after < line))
    }

    /// Checks that every reference inside the dataset resolves and the organisation is a
    /// forest. Returns every fault found, not just the first.
    pub fn check_structure(&self) -> Result<(), Vec<DatasetError>> {
        let dataset = self.id.clone();
        let mut errors = Vec::new();

        let mut column_ids = BTreeSet::new();
        for column in &self.columns {
            if !column_ids.insert(column.id.as_str()) {
                errors.push(DatasetError::DuplicateColumn {
                    dataset: dataset.clone(),
                    column: column.id.clone(),
                });
            }
        }
        let mut org_ids = BTreeSet::new();
        for node in &self.org {
            if !org_ids.insert(node.id.as_str()) {
                errors.push(DatasetError::DuplicateOrg {
                    dataset: dataset.clone(),
                    org: node.id.clone(),
                });
            }
        }
        let parents: std::collections::HashMap<&str, Option<&str>> = self
            .org
            .iter()
            .map(|n| (n.id.as_str(), n.parent.as_deref()))
            .collect();
        for node in &self.org {
            if let Some(parent) = &node.parent
                && !org_ids.contains(parent.as_str())
            {
                {
                    errors.push(DatasetError::UnknownParent {
                        dataset: dataset.clone(),
                        org: node.id.clone(),
                        parent: parent.clone(),
                    });
                }
            }
            // Walk up at most MAX_DEPTH steps: no real organisation is deeper (a city, its
            // sectors, service areas, units and their sub-units are five), and every walk
            // of the tree stays short. Coming back to the node is a cycle.
            let mut current = node.parent.as_deref();
            let mut steps = 0usize;
            while let Some(id) = current {
                if id == node.id {
                    errors.push(DatasetError::Cycle {
                        dataset: dataset.clone(),
                        org: node.id.clone(),
                    });
                    break;
                }
                if steps >= MAX_DEPTH {
                    // The first node too deep is named; those below it are deeper still.
                    if !errors
                        .iter()
                        .any(|e| matches!(e, DatasetError::TooDeep { .. }))
                    {
                        errors.push(DatasetError::TooDeep {
                            dataset: dataset.clone(),
                            org: node.id.clone(),
                            limit: MAX_DEPTH,
                        });
                    }
                    break;
                }
                current = parents.get(id).copied().flatten();
                steps = steps.saturating_add(1);
            }
        }

        let investment_refs = self.investments.iter().flat_map(|inv| {
            inv.figures
                .values()
                .flat_map(move |by_col| by_col.keys().map(move |col| (&inv.org, col)))
        });
        let figure_refs = self.figures.iter().flat_map(|(org, figures)| {
            figures
                .values()
                .flat_map(move |by_col| by_col.keys().map(move |col| (org, col)))
        });
        let mut reported = BTreeSet::new();
        for org in self
            .goals
            .iter()
            .map(|g| &g.org)
            .chain(self.projects.iter().map(|p| &p.org))
            .chain(self.risks.iter().map(|r| &r.org))
        {
            if !org_ids.contains(org.as_str()) && reported.insert((org.clone(), String::new())) {
                errors.push(DatasetError::FiguresForUnknownOrg {
                    dataset: dataset.clone(),
                    org: org.clone(),
                });
            }
        }
        for (org, column) in figure_refs.chain(investment_refs) {
            if !org_ids.contains(org.as_str()) {
                if reported.insert((org.clone(), String::new())) {
                    errors.push(DatasetError::FiguresForUnknownOrg {
                        dataset: dataset.clone(),
                        org: org.clone(),
                    });
                }
            } else if !column_ids.contains(column.as_str())
                && reported.insert((org.clone(), column.clone()))
            {
                errors.push(DatasetError::UnknownColumn {
                    dataset: dataset.clone(),
                    org: org.clone(),
                    column: column.clone(),
                });
            }
        }

        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn node(&self, id: &str) -> Option<&OrgNode> {
        self.org.iter().find(|node| node.id == id)
    }

    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.id == id)
    }

    /// The nodes without a parent, in the order the dataset lists them.
    pub fn roots(&self) -> impl Iterator<Item = &OrgNode> {
        self.org.iter().filter(|node| node.parent.is_none())
    }

    /// The children of a node, in the order the dataset lists them.
    pub fn children<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a OrgNode> + 'a {
        self.org
            .iter()
            .filter(move |node| node.parent.as_deref() == Some(id))
    }

    /// The path from a root down to the node, the node included.
    pub fn ancestry(&self, id: &str) -> Vec<&OrgNode> {
        let mut path = Vec::new();
        let mut current = self.node(id);
        while let Some(node) = current {
            if path.len() > self.org.len() {
                break;
            }
            path.push(node);
            current = node.parent.as_deref().and_then(|p| self.node(p));
        }
        path.reverse();
        path
    }

    /// The node and every unit under it, in tree order (each node before its units, units in
    /// dataset order), each with its depth below `id`. A node is visited once even if the
    /// tree were to loop.
    pub fn subtree(&self, id: &str) -> Vec<(&OrgNode, usize)> {
        let mut out: Vec<(&OrgNode, usize)> = Vec::new();
        let mut stack: Vec<(&OrgNode, usize)> = self.node(id).map(|n| (n, 0)).into_iter().collect();
        while let Some((node, depth)) = stack.pop() {
            if out.iter().any(|(seen, _)| seen.id == node.id) {
                continue;
            }
            out.push((node, depth));
            let children: Vec<&OrgNode> = self.children(&node.id).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
        out
    }

    /// A node found by id or, failing that, by name in any case.
    pub fn find_node(&self, id_or_name: &str) -> Option<&OrgNode> {
        self.node(id_or_name).or_else(|| {
            let wanted = id_or_name.trim().to_lowercase();
            self.org
                .iter()
                .find(|node| node.name.to_lowercase() == wanted)
        })
    }

    /// The columns in display order (by year, then actuals, budget, plan).
    pub fn columns_in_order(&self) -> Vec<&Column> {
        let mut columns: Vec<&Column> = self.columns.iter().collect();
        columns.sort_by_key(|column| column.sort_key());
        columns
    }

    /// The figure a document states for (node, line, column), if any.
    pub fn stated(&self, org: &str, line: Line, column: &str) -> Option<Amount> {
        self.figures.get(org)?.get(&line)?.get(column).copied()
    }

    /// The investments tables of a node.
    /// The goals of one org node.
    pub fn goals_of<'a>(&'a self, org: &'a str) -> impl Iterator<Item = &'a Goal> + 'a {
        self.goals.iter().filter(move |g| g.org == org)
    }

    /// The risks of one org node.
    pub fn risks_of<'a>(&'a self, org: &'a str) -> impl Iterator<Item = &'a Risk> + 'a {
        self.risks.iter().filter(move |r| r.org == org)
    }

    /// The projects of one org node.
    pub fn projects_of<'a>(&'a self, org: &'a str) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects.iter().filter(move |p| p.org == org)
    }

    pub fn investments_of<'a>(&'a self, org: &'a str) -> impl Iterator<Item = &'a Investment> + 'a {
        self.investments.iter().filter(move |inv| inv.org == org)
    }
}
