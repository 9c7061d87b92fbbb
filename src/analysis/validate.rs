//! Validation: every stated subtotal against the sum of its parts, and every org node against
//! the sum of its units, within the rounding tolerance of printed figures. Each finding names
//! the node, line, column, and the stated and computed values. Nothing is ever "fixed".

use rust_decimal::Decimal;

use super::values::{Origin, Value, Values};
use crate::model::{Amount, ColumnId, Dataset, Line, OrgId};

/// What was compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// A stated subtotal against the sum of its parts.
    Subtotal,
    /// A node's figure against the sum of its units' figures.
    OrgSum,
}

/// How serious a difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Within the rounding of printed figures: consistent.
    Rounding,
    /// Beyond what rounding explains.
    Inconsistent,
}

/// One difference between a stated figure and what its parts add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: CheckKind,
    pub severity: Severity,
    pub org: OrgId,
    pub line: Line,
    pub column: ColumnId,
    pub stated: Amount,
    pub computed: Amount,
    /// stated − computed.
    pub difference: Amount,
    /// The largest difference rounding explains.
    pub tolerance: Amount,
}

/// A comparison that was not made, and why: the units did not belong under the node in the
/// column's year, so their figures are not expected to add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotChecked {
    pub org: OrgId,
    pub column: ColumnId,
    pub units_outside: Vec<OrgId>,
}

/// A stated subtotal that its parts do not give, where parts are missing (not printed, or
/// rows of the source not read): not compared, because the missing parts may be the
/// difference. Neither consistent nor a contradiction; shown with both figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    pub org: OrgId,
    pub line: Line,
    pub column: ColumnId,
    pub stated: Amount,
    /// The sum of the parts that are there.
    pub parts: Amount,
    /// Parts without a figure.
    pub missing: Vec<Line>,
    /// Labels of the node's rows that were not read.
    pub unread: Vec<String>,
}

/// The result of validating a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub not_checked: Vec<NotChecked>,
    /// Subtotals not compared because parts of them are missing.
    pub incomplete: Vec<Incomplete>,
    /// How many comparisons were made.
    pub checks: usize,
    /// How many of them were made of each node (nodes with none are not listed).
    pub checks_of: std::collections::BTreeMap<String, usize>,
}

impl Report {
    /// How many comparisons were made of one node's figures.
    pub fn checks_for(&self, org: &str) -> usize {
        self.checks_of.get(org).copied().unwrap_or(0)
    }

    fn count(&mut self, org: &str) {
        self.checks = self.checks.saturating_add(1);
        let of = self.checks_of.entry(org.to_string()).or_default();
        *of = of.saturating_add(1);
    }

    /// Consistent means every difference is within rounding.
    pub fn is_consistent(&self) -> bool {
        self.findings
            .iter()
            .all(|f| f.severity == Severity::Rounding)
    }

    pub fn inconsistencies(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Inconsistent)
    }

    pub fn rounding(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Rounding)
    }

    /// The findings about one node.
    pub fn for_org<'a>(&'a self, org: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.org == org)
    }
}

/// Where a comparison is made: which check, node, line and column.
struct Place<'a> {
    kind: CheckKind,
    org: &'a str,
    line: Line,
    column: &'a str,
}

/// Compares a stated value with a computed one. `Err(())` where their difference does not
/// fit in a decimal (figures near its limit): they cannot be compared, and no difference is
/// made up.
fn compare(place: Place<'_>, stated: Value, computed: Value) -> Result<Option<Finding>, ()> {
    let difference = stated.amount.checked_sub(computed.amount).ok_or(())?;
    let tolerance = stated.tolerance.checked_add(computed.tolerance).ok_or(())?;
    if difference.is_zero() {
        return Ok(None);
    }
    let severity = if difference.abs() <= tolerance {
        Severity::Rounding
    } else {
        Severity::Inconsistent
    };
    Ok(Some(Finding {
        kind: place.kind,
        severity,
        org: place.org.to_string(),
        line: place.line,
        column: place.column.to_string(),
        stated: stated.amount,
        computed: computed.amount,
        difference,
        tolerance,
    }))
}

/// What comparing one stated subtotal with its parts came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubtotalCheck {
    /// Compared: no finding where they agree exactly, else a rounding difference or a
    /// contradiction.
    Compared(Option<Finding>),
    /// The parts do not give it, and parts are missing: not compared.
    NotCompared(Incomplete),
}

/// Compares a stated subtotal of (node, line, column) with the sum of its parts: the one
/// rule that validation, the statement's marks and every report follow. `None` where the
/// figure is not stated or no part has a figure.
pub fn subtotal_check(
    dataset: &Dataset,
    values: &Values<'_>,
    org: &str,
    line: Line,
    column: &str,
) -> Option<SubtotalCheck> {
    let own = values.value(org, line, column)?;
    if own.origin != Origin::Stated {
        return None;
    }
    let (parts, missing) = values.parts_detail(org, line, column)?;
    let finding = compare(
        Place {
            kind: CheckKind::Subtotal,
            org,
            line,
            column,
        },
        own,
        parts,
    );
    let unread: Vec<String> = dataset
        .unread_before(org, line)
        .map(|r| r.label.clone())
        .collect();
    let missing: Vec<Line> = missing
        .into_iter()
        .filter(|p| dataset.extract || !p.may_be_omitted())
        .collect();
    let Ok(finding) = finding else {
        // Too large to compare: not compared, with no difference made up.
        return Some(SubtotalCheck::NotCompared(Incomplete {
            org: org.to_string(),
            line,
            column: column.to_string(),
            stated: own.amount,
            parts: parts.amount,
            missing,
            unread,
        }));
    };
    Some(match finding {
        Some(f)
            if f.severity == Severity::Inconsistent
                && (!missing.is_empty() || !unread.is_empty()) =>
        {
            SubtotalCheck::NotCompared(Incomplete {
                org: org.to_string(),
                line,
                column: column.to_string(),
                stated: f.stated,
                parts: f.computed,
                missing,
                unread,
            })
        }
        other => SubtotalCheck::Compared(other),
    })
}

/// Validates a whole dataset.
pub fn validate(dataset: &Dataset) -> Report {
    let values = Values::new(dataset);
    let mut report = Report::default();
    let columns = dataset.columns_in_order();

    for node in &dataset.org {
        let has_units = values.children(&node.id).next().is_some();
        for column in &columns {
            let units_outside: Vec<OrgId> = values
                .children(&node.id)
                .filter(|child| !child.belongs_in(column.year))
                .map(|child| child.id.clone())
                .collect();
            let mut skipped_units = false;
            for line in Line::all() {
                let Some(own) = values.value(&node.id, line, &column.id) else {
                    continue;
                };

                match subtotal_check(dataset, &values, &node.id, line, &column.id) {
                    Some(SubtotalCheck::Compared(finding)) => {
                        report.count(&node.id);
                        report.findings.extend(finding);
                    }
                    Some(SubtotalCheck::NotCompared(incomplete)) => {
                        report.incomplete.push(incomplete);
                    }
                    None => {}
                }

                if !has_units || own.origin != Origin::Stated {
                    continue;
                }
                if !units_outside.is_empty() {
                    skipped_units = true;
                    continue;
                }
                if let Some(units) = values.units_sum(&node.id, line, &column.id) {
                    // (Figures too large to compare leave the check unmade.)
                    if let Ok(finding) = compare(
                        Place {
                            kind: CheckKind::OrgSum,
                            org: &node.id,
                            line,
                            column: &column.id,
                        },
                        own,
                        units,
                    ) {
                        report.count(&node.id);
                        report.findings.extend(finding);
                    }
                }
            }
            if skipped_units {
                report.not_checked.push(NotChecked {
                    org: node.id.clone(),
                    column: column.id.clone(),
                    units_outside,
                });
            }
        }
    }
    report
}

/// The largest absolute difference among findings, for summaries.
pub fn largest_difference<'a>(findings: impl Iterator<Item = &'a Finding>) -> Decimal {
    findings
        .map(|f| f.difference.abs())
        .max()
        .unwrap_or(Decimal::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, ColumnKind, Figures, OrgLevel, OrgNode, UnreadRow};

    fn dataset(rows: &[(Line, i64)], unread: Vec<UnreadRow>) -> Dataset {
        let mut figures = Figures::new();
        for (line, amount) in rows {
            figures
                .entry(*line)
                .or_default()
                .insert("TP2024".to_string(), Amount::from(*amount));
        }
        Dataset {
            id: "d".into(),
            name: "d".into(),
            columns: vec![Column::new(ColumnKind::Tp, 2024)],
            org: vec![OrgNode {
                id: "k".into(),
                name: "Kunta".into(),
                level: OrgLevel::Kaupunki,
                parent: None,
                valid_from: None,
                valid_to: None,
                source: None,
            }],
            figures: [("k".to_string(), figures)].into(),
            unread,
            ..Dataset::default()
        }
    }

    #[test]
    fn a_subtotal_missing_a_part_is_not_compared_but_one_missing_an_optional_part_is() {
        // Poistot printed with only one of its parts: the missing one may be the difference.
        let report = validate(&dataset(
            &[
                (Line::PoistotJaArvonalentumiset, -6_275_357),
                (Line::SuunnitelmanMukaisetPoistot, -5_723_434),
            ],
            Vec::new(),
        ));
        assert!(report.is_consistent());
        assert_eq!(report.checks, 0);
        assert_eq!(report.incomplete.len(), 1);
        assert_eq!(
            report.incomplete[0].missing,
            [Line::MuutPoistot, Line::Arvonalentumiset]
        );
        // Toimintakate against its two main parts: Valmistus omaan käyttöön, not printed, is
        // no excuse for a difference of 329.
        let report = validate(&dataset(
            &[
                (Line::Toimintatuotot, 1_500),
                (Line::Toimintakulut, -57_829),
                (Line::Toimintakate, -56_000),
            ],
            Vec::new(),
        ));
        assert_eq!(report.inconsistencies().count(), 1);
        assert!(report.incomplete.is_empty());
    }

    #[test]
    fn rows_not_read_keep_subtotals_after_them_from_being_computed_or_contradicted() {
        let unread = vec![UnreadRow {
            org: "k".into(),
            label: "Muut tuotot".into(),
            place: "x.txt, rivi 4".into(),
            after: Some(Line::Maksutuotot),
        }];
        let data = dataset(
            &[
                (Line::Myyntituotot, 100),
                (Line::Maksutuotot, 50),
                (Line::Toimintakulut, -400),
                (Line::Toimintakate, -200),
            ],
            unread,
        );
        let values = super::Values::new(&data);
        // Toimintatuotot is not printed and a row above it was not read: not computed.
        assert_eq!(values.value("k", Line::Toimintatuotot, "TP2024"), None);
        let report = validate(&data);
        assert_eq!(report.inconsistencies().count(), 0);
        assert_eq!(report.incomplete.len(), 1);
        assert_eq!(report.incomplete[0].line, Line::Toimintakate);
        assert_eq!(report.incomplete[0].unread, ["Muut tuotot"]);
        // Without the unread row the same figures compute Toimintatuotot 150.
        let data = dataset(
            &[(Line::Myyntituotot, 100), (Line::Maksutuotot, 50)],
            Vec::new(),
        );
        assert_eq!(
            super::Values::new(&data)
                .value("k", Line::Toimintatuotot, "TP2024")
                .map(|v| v.amount),
            Some(Amount::from(150))
        );
    }
}
