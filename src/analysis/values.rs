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

use std::cell::RefCell;
use std::collections::HashMap;

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

/// (org, line, column) → its value, for one [`Values`].
type ValueMemo = HashMap<(String, Line, String), Option<Value>>;

/// Computes values over one dataset. Each value, each node's scope and each node's units
/// are worked out once: a subtotal of a node without figures falls back on its units, whose
/// subtotals fall back on theirs, and without the memo that walk grows with the depth of
/// the tree to the power of the depth of the statement's subtotals (a chain of 30 nodes took
/// seconds).
#[derive(Debug, Clone)]
pub struct Values<'a> {
    pub dataset: &'a Dataset,
    children: HashMap<&'a str, Vec<&'a OrgNode>>,
    scopes: RefCell<HashMap<String, Option<Line>>>,
    memo: RefCell<ValueMemo>,
}

impl<'a> Values<'a> {
    pub fn new(dataset: &'a Dataset) -> Values<'a> {
        let mut children: HashMap<&'a str, Vec<&'a OrgNode>> = HashMap::new();
        for node in &dataset.org {
            if let Some(parent) = node.parent.as_deref() {
                children.entry(parent).or_default().push(node);
            }
        }
        Values {
            dataset,
            children,
            scopes: RefCell::new(HashMap::new()),
            memo: RefCell::new(HashMap::new()),
        }
    }

    /// The node's units, in the order the dataset lists them.
    pub fn children(&self, org: &str) -> impl Iterator<Item = &'a OrgNode> + '_ {
        self.children.get(org).into_iter().flatten().copied()
    }

    /// The last line (in statement order) the node's statement covers: the end of the
    /// section of the last line it states itself or, for a node without figures of its own,
    /// the furthest its units go.
    pub fn scope(&self, org: &str) -> Option<Line> {
        self.scope_at_depth(org, 0)
    }

    fn scope_at_depth(&self, org: &str, depth: usize) -> Option<Line> {
        if depth > self.dataset.org.len() {
            return None;
        }
        if let Some(known) = self.scopes.borrow().get(org) {
            return *known;
        }
        let scope = self.scope_uncached(org, depth);
        self.scopes.borrow_mut().insert(org.to_string(), scope);
        scope
    }

    fn scope_uncached(&self, org: &str, depth: usize) -> Option<Line> {
        let own = self.dataset.figures.get(org).and_then(|figures| {
            figures
                .iter()
                .filter(|(_, by_col)| !by_col.is_empty())
                .map(|(line, _)| *line)
                .max()
        });
        own.map(section_end).or_else(|| {
            self.children(org)
                .filter_map(|child| self.scope_at_depth(&child.id, depth.saturating_add(1)))
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
        let key = (org.to_string(), line, column.to_string());
        if let Some(known) = self.memo.borrow().get(&key) {
            return *known;
        }
        let value = self.value_uncached(org, line, column, depth);
        self.memo.borrow_mut().insert(key, value);
        value
    }

    fn value_uncached(&self, org: &str, line: Line, column: &str, depth: usize) -> Option<Value> {
        if depth
            > self
                .dataset
                .org
                .len()
                .saturating_add(crate::model::line::CATALOGUE.len())
        {
            return None;
        }
        if let Some(amount) = self.dataset.stated(org, line, column) {
            return Some(Value::stated(
                amount,
                self.dataset.tolerance(org, line, column, amount),
            ));
        }
        // Where rows of the node's source were not read, no sum of its parts is complete.
        if line.is_subtotal() && self.dataset.unread_before(org, line).next().is_none() {
            let from_parts = sum(
                line.parts().iter().filter_map(|part| {
                    self.value_within(org, *part, column, depth.saturating_add(1))
                }),
                Origin::FromParts,
            );
            if from_parts.is_some() {
                return from_parts;
            }
        }
        if self.dataset.figures.contains_key(org) {
            // A node with figures of its own is what its document says; its units are not
            // added up into lines it does not print.
            return None;
        }
        self.children_sum(org, line, column, depth)
    }

    fn children_sum(&self, org: &str, line: Line, column: &str, depth: usize) -> Option<Value> {
        let year = self.dataset.column(column)?.year;
        let mut values = Vec::new();
        for child in self
            .children(org)
            .filter(|child| child.belongs_in(year))
            .filter(|child| self.scope(&child.id).is_some_and(|scope| line <= scope))
        {
            match self.value_within(&child.id, line, column, depth.saturating_add(1)) {
                Some(value) => values.push(value),
                // A unit whose figure is unknown because rows of it were not read: the
                // units' sum would be short by it.
                None if self.dataset.unread_before(&child.id, line).next().is_some() => {
                    return None;
                }
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
        self.children_sum(org, line, column, 1)
    }

    /// Whether the node has any value in the column.
    pub fn has_column(&self, org: &str, column: &str) -> bool {
        Line::all().any(|line| self.value(org, line, column).is_some())
    }
}
