//! The value of any (org node, line, column): stated where the document states it,
//! otherwise computed from the line's parts or from the node's units.
//!
//! Each value carries how far it can be from the exact figure because printed figures are
//! rounded: half a unit of the last printed digit for a stated figure, the sum of its
//! parts' tolerances for a computed one. Validation compares within these tolerances.
//!
//! A node's statement covers the lines down to the last one its document prints (seed 003
//! prints units only down to Toimintakate). Lines below that are not computed for it: a
//! missing Rahoitustuotot is not a zero.

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;

use rust_decimal::Decimal;

use crate::model::{Amount, Dataset, Line, OrgNode};

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Printed in the document.
    Stated,
    /// The sum of the line's parts.
    FromParts,
    /// The sum of the node's units.
    FromChildren,
}

/// A value with its origin and its rounding tolerance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value {
    pub amount: Amount,
    pub origin: Origin,
    /// The most the value can differ from the exact figure, because of printed rounding.
    pub tolerance: Amount,
}

impl Value {
    fn stated(amount: Amount, tolerance: Amount) -> Value {
        Value {
            amount,
            origin: Origin::Stated,
            tolerance,
        }
    }
}

/// Sums values; `None` where there is none to sum.
fn sum(values: impl Iterator<Item = Value>, origin: Origin) -> Option<Value> {
    // A sum that does not fit in a decimal is no value (never a wrapped or clamped one).
    let mut total: Option<Value> = None;
    for value in values {
        let (amount, tolerance) =
            total.map_or((Decimal::ZERO, Decimal::ZERO), |a| (a.amount, a.tolerance));
        total = Some(Value {
            amount: amount.checked_add(value.amount)?,
            origin,
            tolerance: tolerance.checked_add(value.tolerance)?,
        });
    }
    total
}

/// The closing line of the statement section a line is in. A node that states lines of the
/// operating section (down to Toimintakate) covers that section, so its Toimintakulut and
/// Toimintakate are computed where it gives only their parts (a ledger); it does not cover
/// Vuosikate, whose Rahoitustuotot ja -kulut it does not give.
fn section_end(line: Line) -> Line {
    [
        Line::Toimintakate,
        Line::Vuosikate,
        Line::TilikaudenTulos,
        Line::TilikaudenYlijaama,
    ]
    .into_iter()
    .find(|end| line <= *end)
    .unwrap_or(line)
}

/// (org, line, column) → its value, for one [`Values`], keyed by the org's and the
/// column's places in the dataset.
type ValueMemo = HashMap<(u32, Line, u32), Option<Value>>;

/// Computes values over one dataset. Each value, each node's scope and each node's units
/// are worked out once: a subtotal of a node without figures falls back on its units, whose
/// subtotals fall back on theirs, and without the memo that walk grows with the depth of
/// the tree to the power of the depth of the statement's subtotals (a chain of 30 nodes took
/// seconds). Nodes and columns are held by their place in the dataset, so that the walk over
/// thousands of units looks up no id.
#[derive(Debug, Clone)]
pub struct Values<'a> {
    pub dataset: &'a Dataset,
    /// The dataset's nodes, by place.
    nodes: Vec<&'a OrgNode>,
    org_index: HashMap<&'a str, u32>,
    /// Each node's units, by place, in the order the dataset lists them.
    units: Vec<Vec<u32>>,
    /// Each node's stated figures.
    figures: Vec<Option<&'a crate::model::Figures>>,
    /// Each column's id and year, by place.
    columns: Vec<(&'a str, i32)>,
    column_index: HashMap<&'a str, u32>,
    /// Whether any source row was left unread (most datasets have none).
    has_unread: bool,
    /// Each node's scope, once known.
    scopes: RefCell<Vec<Option<Option<Line>>>>,
    memo: RefCell<ValueMemo>,
}

fn place(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl<'a> Values<'a> {
    pub fn new(dataset: &'a Dataset) -> Values<'a> {
        let nodes: Vec<&'a OrgNode> = dataset.org.iter().collect();
        let org_index: HashMap<&'a str, u32> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), place(i)))
            .collect();
        let mut units = vec![Vec::new(); nodes.len()];
        for (i, node) in nodes.iter().enumerate() {
            if let Some(parent) = node.parent.as_deref().and_then(|p| org_index.get(p))
                && let Some(list) = units.get_mut(*parent as usize)
            {
                list.push(place(i));
            }
        }
        let figures = nodes.iter().map(|n| dataset.figures.get(&n.id)).collect();
        let columns: Vec<(&'a str, i32)> = dataset
            .columns
            .iter()
            .map(|c| (c.id.as_str(), c.year))
            .collect();
        let column_index = columns
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, place(i)))
            .collect();
        Values {
            dataset,
            scopes: RefCell::new(vec![None; nodes.len()]),
            nodes,
            org_index,
            units,
            figures,
            columns,
            column_index,
            has_unread: !dataset.unread.is_empty(),
            memo: RefCell::new(HashMap::default()),
        }
    }

    fn node(&self, o: u32) -> Option<&'a OrgNode> {
        self.nodes.get(o as usize).copied()
    }

    fn figures_of(&self, o: u32) -> Option<&'a crate::model::Figures> {
        self.figures.get(o as usize).copied().flatten()
    }

    fn units_of(&self, o: u32) -> &[u32] {
        self.units.get(o as usize).map_or(&[], Vec::as_slice)
    }

    /// The node's units, in the order the dataset lists them.
    pub fn children(&self, org: &str) -> impl Iterator<Item = &'a OrgNode> + '_ {
        let units = self
            .org_index
            .get(org)
            .map_or(&[][..], |o| self.units_of(*o));
        units.iter().filter_map(|u| self.node(*u))
    }

    /// The node's ancestors, its parent first (at most as many as the dataset has nodes, so a
    /// cycle ends).
    pub fn ancestors(&self, org: &str) -> Vec<&'a OrgNode> {
        let mut out = Vec::new();
        let mut current = self.org_index.get(org).and_then(|o| self.node(*o));
        while let Some(parent) = current
            .and_then(|n| n.parent.as_deref())
            .and_then(|p| self.org_index.get(p))
            .and_then(|p| self.node(*p))
        {
            if out.len() > self.nodes.len() {
                break;
            }
            out.push(parent);
            current = Some(parent);
        }
        out
    }

    /// The last line (in statement order) the node's statement covers: the end of the
    /// section of the last line it states itself or, for a node without figures of its own,
    /// the furthest its units go.
    pub fn scope(&self, org: &str) -> Option<Line> {
        self.scope_at(*self.org_index.get(org)?, 0)
    }

    fn scope_at(&self, o: u32, depth: usize) -> Option<Line> {
        if depth > self.nodes.len() {
            return None;
        }
        if let Some(Some(known)) = self.scopes.borrow().get(o as usize) {
            return *known;
        }
        let scope = self.scope_uncached(o, depth);
        if let Some(slot) = self.scopes.borrow_mut().get_mut(o as usize) {
            *slot = Some(scope);
        }
        scope
    }

    fn scope_uncached(&self, o: u32, depth: usize) -> Option<Line> {
        let own = self.figures_of(o).and_then(|figures| {
            figures
                .iter()
                .filter(|(_, by_col)| !by_col.is_empty())
                .map(|(line, _)| *line)
                .max()
        });
        own.map(section_end).or_else(|| {
            self.units_of(o)
                .iter()
                .filter_map(|unit| self.scope_at(*unit, depth.saturating_add(1)))
                .max()
        })
    }

    /// The value of (node, line, column): stated, or computed from parts, or from units.
    pub fn value(&self, org: &str, line: Line, column: &str) -> Option<Value> {
        let scope = self.scope(org)?;
        if line > scope {
            return None;
        }
        self.value_within(org, line, column, 0)
    }

    fn value_within(&self, org: &str, line: Line, column: &str, depth: usize) -> Option<Value> {
        let o = *self.org_index.get(org)?;
        let c = *self.column_index.get(column)?;
        self.value_at(o, line, c, depth)
    }

    fn value_at(&self, o: u32, line: Line, c: u32, depth: usize) -> Option<Value> {
        let key = (o, line, c);
        if let Some(known) = self.memo.borrow().get(&key) {
            return *known;
        }
        let value = self.value_uncached(o, line, c, depth);
        self.memo.borrow_mut().insert(key, value);
        value
    }

    /// Whether rows of the node's source that may be parts of `line` were not read.
    fn unread_before(&self, o: u32, line: Line) -> bool {
        self.has_unread
            && self
                .node(o)
                .is_some_and(|n| self.dataset.unread_before(&n.id, line).next().is_some())
    }

    fn value_uncached(&self, o: u32, line: Line, c: u32, depth: usize) -> Option<Value> {
        if depth
            > self
                .nodes
                .len()
                .saturating_add(crate::model::line::CATALOGUE.len())
        {
            return None;
        }
        let (column, _) = *self.columns.get(c as usize)?;
        let own = self.figures_of(o);
        if let Some(&amount) = own
            .and_then(|f| f.get(&line))
            .and_then(|by_column| by_column.get(column))
        {
            let org = self.node(o).map_or("", |n| n.id.as_str());
            return Some(Value::stated(
                amount,
                self.dataset.tolerance(org, line, column, amount),
            ));
        }
        // Where rows of the node's source were not read, no sum of its parts is complete.
        if line.is_subtotal() && !self.unread_before(o, line) {
            let parts = line
                .parts()
                .iter()
                .map(|part| self.value_at(o, *part, c, depth.saturating_add(1)));
            // An extract of a filing's cells lacks a line it did not select, not a zero: its
            // subtotals come from all of their parts or not at all.
            let from_parts = if self.dataset.extract {
                parts
                    .collect::<Option<Vec<Value>>>()
                    .and_then(|all| sum(all.into_iter(), Origin::FromParts))
            } else {
                sum(parts.flatten(), Origin::FromParts)
            };
            if from_parts.is_some() {
                return from_parts;
            }
        }
        if own.is_some() {
            // A node with figures of its own is what its document says; its units are not
            // added up into lines it does not print.
            return None;
        }
        self.units_sum_at(o, line, c, depth)
    }

    fn units_sum_at(&self, o: u32, line: Line, c: u32, depth: usize) -> Option<Value> {
        let (_, year) = *self.columns.get(c as usize)?;
        let mut values = Vec::new();
        for &unit in self.units_of(o) {
            let belongs = self.node(unit).is_some_and(|n| n.belongs_in(year));
            if !belongs || self.scope_at(unit, 0).is_none_or(|scope| line > scope) {
                continue;
            }
            match self.value_at(unit, line, c, depth.saturating_add(1)) {
                Some(value) => values.push(value),
                // A unit whose figure is unknown because rows of it were not read: the
                // units' sum would be short by it.
                None if self.unread_before(unit, line) => return None,
                None => {}
            }
        }
        sum(values.into_iter(), Origin::FromChildren)
    }

    /// The sum of a subtotal's parts, whatever the node states for the subtotal itself.
    pub fn parts_sum(&self, org: &str, line: Line, column: &str) -> Option<Value> {
        self.parts_detail(org, line, column).map(|(value, _)| value)
    }

    /// The sum of a subtotal's parts and the parts that have no value (not printed, or not
    /// computable), `None` where no part has one.
    pub fn parts_detail(&self, org: &str, line: Line, column: &str) -> Option<(Value, Vec<Line>)> {
        if !line.is_subtotal() || self.scope(org).is_none_or(|scope| line > scope) {
            return None;
        }
        let mut missing = Vec::new();
        let mut found = Vec::new();
        for part in line.parts() {
            match self.value_within(org, *part, column, 1) {
                Some(value) => found.push(value),
                None => missing.push(*part),
            }
        }
        sum(found.into_iter(), Origin::FromParts).map(|value| (value, missing))
    }

    /// The sum of the node's units (those that belong under it in the column's year and whose
    /// statements reach the line), or `None` when no unit has the figure.
    pub fn units_sum(&self, org: &str, line: Line, column: &str) -> Option<Value> {
        let o = *self.org_index.get(org)?;
        let c = *self.column_index.get(column)?;
        self.units_sum_at(o, line, c, 1)
    }

    /// Whether the node has any value in the column.
    pub fn has_column(&self, org: &str, column: &str) -> bool {
        Line::all().any(|line| self.value(org, line, column).is_some())
    }
}
