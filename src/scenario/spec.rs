//! Edits written as text, for the command line and for tests: `ORG:LINE:COLUMN:CHANGE`.
//!
//! - `ORG`: a node's id or name (`varhaiskasvatus`, `Varhaiskasvatus`); `ORG/*` for every
//!   unit under it;
//! - `LINE`: a line's key or name, in any of the three languages (`henkilostokulut`,
//!   `Henkilöstökulut`);
//! - `COLUMN`: a column's id (`TS2026`, `TS 2026`), or `COLUMN+` for it and every later
//!   column of the same kind;
//! - `CHANGE`: `+3%`, `-2,5%` (a percentage), `+150000`, `-150 000` (euros), `=1200000` (an
//!   amount), Finnish or plain numbers.
//!
//! Something that names nothing in the data is an error naming it and the nearest valid
//! names.

use rust_decimal::Decimal;

use super::{Change, Columns, Edit, Target};
use crate::i18n::Lang;
use crate::model::line::normalise_label;
use crate::model::{Dataset, Line};
use crate::numfmt::parse_fi_number;

/// Why an edit's text was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    /// Not four parts separated by `:`.
    Shape {
        spec: String,
    },
    UnknownOrg {
        name: String,
        nearest: Vec<String>,
    },
    UnknownLine {
        name: String,
        nearest: Vec<String>,
    },
    UnknownColumn {
        name: String,
        nearest: Vec<String>,
    },
    /// A change that is no `+3%`, `-150 000` or `=1200000`.
    BadChange {
        text: String,
    },
}

impl SpecError {
    pub fn message(&self, lang: Lang) -> String {
        let nearest = |names: &[String]| {
            let quoted: Vec<String> = names.iter().map(|n| format!("”{n}”")).collect();
            quoted.join(", ")
        };
        match (self, lang) {
            (SpecError::Shape { spec }, Lang::Fi) => format!(
                "muutos ”{spec}” ei ole muotoa YKSIKKÖ:RIVI:SARAKE:MUUTOS (esim. ”varhaiskasvatus:henkilostokulut:TS2026:+3%”)"
            ),
            (SpecError::Shape { spec }, Lang::Sv) => format!(
                "ändringen ”{spec}” har inte formen ENHET:RAD:KOLUMN:ÄNDRING (t.ex. ”varhaiskasvatus:henkilostokulut:TS2026:+3%”)"
            ),
            (SpecError::Shape { spec }, Lang::En) => format!(
                "the edit ”{spec}” is not of the form UNIT:LINE:COLUMN:CHANGE (e.g. ”varhaiskasvatus:henkilostokulut:TS2026:+3%”)"
            ),
            (SpecError::UnknownOrg { name, nearest: n }, Lang::Fi) => {
                format!(
                    "yksikköä ”{name}” ei ole aineistossa; lähimmät: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownOrg { name, nearest: n }, Lang::Sv) => {
                format!(
                    "enheten ”{name}” finns inte i materialet; närmast: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownOrg { name, nearest: n }, Lang::En) => {
                format!(
                    "there is no unit ”{name}” in the data; nearest: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownLine { name, nearest: n }, Lang::Fi) => {
                format!(
                    "riviä ”{name}” ei ole tuloslaskelmassa; lähimmät: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownLine { name, nearest: n }, Lang::Sv) => {
                format!(
                    "raden ”{name}” finns inte i resultaträkningen; närmast: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownLine { name, nearest: n }, Lang::En) => {
                format!(
                    "there is no line ”{name}” in the income statement; nearest: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownColumn { name, nearest: n }, Lang::Fi) => {
                format!(
                    "saraketta ”{name}” ei ole aineistossa; sarakkeet: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownColumn { name, nearest: n }, Lang::Sv) => {
                format!(
                    "kolumnen ”{name}” finns inte i materialet; kolumner: {}",
                    nearest(n)
                )
            }
            (SpecError::UnknownColumn { name, nearest: n }, Lang::En) => {
                format!(
                    "there is no column ”{name}” in the data; columns: {}",
                    nearest(n)
                )
            }
            (SpecError::BadChange { text }, Lang::Fi) => format!(
                "muutos ”{text}” ei ole prosentti (”+3%”, ”-2,5%”), euromäärä (”+150 000”) eikä uusi summa (”=1200000”)"
            ),
            (SpecError::BadChange { text }, Lang::Sv) => format!(
                "ändringen ”{text}” är varken en procentsats (”+3%”, ”-2,5%”), ett eurobelopp (”+150 000”) eller ett nytt belopp (”=1200000”)"
            ),
            (SpecError::BadChange { text }, Lang::En) => format!(
                "the change ”{text}” is no percentage (”+3%”, ”-2,5%”), euro amount (”+150 000”) or new amount (”=1200000”)"
            ),
        }
    }
}

/// The names closest to `name` among `candidates`, best first (at most three).
fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let wanted = normalise_label(name);
    let mut scored: Vec<(usize, String)> = candidates
        .map(|c| {
            let distance = strsim::levenshtein(&wanted, &normalise_label(c));
            (distance, c.to_string())
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

/// The node an id or name stands for.
pub fn find_org(dataset: &Dataset, name: &str) -> Result<String, SpecError> {
    let wanted = normalise_label(name);
    dataset
        .org
        .iter()
        .find(|n| n.id == name.trim())
        .or_else(|| {
            dataset
                .org
                .iter()
                .find(|n| normalise_label(&n.name) == wanted || normalise_label(&n.id) == wanted)
        })
        .map(|n| n.id.clone())
        .ok_or_else(|| SpecError::UnknownOrg {
            name: name.trim().to_string(),
            nearest: nearest(name, dataset.org.iter().map(|n| n.name.as_str())),
        })
}

/// The line a key or name stands for.
pub fn find_line(name: &str) -> Result<Line, SpecError> {
    let key = name.trim().to_lowercase();
    Line::all()
        .find(|l| l.key() == key)
        .or_else(|| Line::from_label(name))
        .ok_or_else(|| {
            let keys: Vec<String> = Line::all().map(|l| l.key()).collect();
            SpecError::UnknownLine {
                name: name.trim().to_string(),
                nearest: nearest(name, keys.iter().map(String::as_str)),
            }
        })
}

/// The column an id stands for (`TS2026`, `ts 2026`).
pub fn find_column(dataset: &Dataset, name: &str) -> Result<String, SpecError> {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    dataset
        .columns
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(&compact))
        .map(|c| c.id.clone())
        .ok_or_else(|| SpecError::UnknownColumn {
            name: name.trim().to_string(),
            nearest: dataset.columns.iter().map(|c| c.id.clone()).collect(),
        })
}

/// A change: `+3%`, `-2,5 %`, `+150000`, `-150 000`, `=1200000`.
pub fn parse_change(text: &str) -> Result<Change, SpecError> {
    let bad = || SpecError::BadChange {
        text: text.trim().to_string(),
    };
    let trimmed = text.trim();
    let number = |t: &str| -> Result<Decimal, SpecError> {
        let t = t.trim().trim_start_matches('+');
        parse_fi_number(t).ok().flatten().ok_or_else(bad)
    };
    if let Some(amount) = trimmed.strip_prefix('=') {
        return Ok(Change::Set(number(amount)?));
    }
    if !trimmed.starts_with(['+', '-', '\u{2212}', '\u{2013}']) {
        return Err(bad());
    }
    match trimmed.strip_suffix('%') {
        Some(percent) => Ok(Change::Percent(number(percent)?)),
        None => Ok(Change::Euros(number(trimmed)?)),
    }
}

/// An edit of a line from its text over `dataset`.
pub fn parse_edit(dataset: &Dataset, spec: &str) -> Result<Edit, SpecError> {
    let parts: Vec<&str> = spec.splitn(4, ':').collect();
    let [org, line, column, change] = parts.as_slice() else {
        return Err(SpecError::Shape {
            spec: spec.to_string(),
        });
    };
    let target = match org.trim().strip_suffix("/*") {
        Some(parent) => Target::UnitsUnder(find_org(dataset, parent)?),
        None => Target::Node(find_org(dataset, org)?),
    };
    let column = column.trim();
    let columns = match column.strip_suffix('+') {
        Some(first) => Columns::FromOn(find_column(dataset, first)?),
        None => Columns::One(find_column(dataset, column)?),
    };
    Ok(Edit::Line {
        target,
        line: find_line(line)?,
        columns,
        change: parse_change(change)?,
    })
}

/// A lever and a line for goal seeking, `ORG:LINE:COLUMN` (`ORG/*` for every unit).
pub fn parse_place(dataset: &Dataset, spec: &str) -> Result<(Target, Line, String), SpecError> {
    let parts: Vec<&str> = spec.splitn(3, ':').collect();
    let [org, line, column] = parts.as_slice() else {
        return Err(SpecError::Shape {
            spec: spec.to_string(),
        });
    };
    let target = match org.trim().strip_suffix("/*") {
        Some(parent) => Target::UnitsUnder(find_org(dataset, parent)?),
        None => Target::Node(find_org(dataset, org)?),
    };
    Ok((target, find_line(line)?, find_column(dataset, column)?))
}

/// A number in a link: plain digits with a decimal point.
fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

fn signed_plain(value: Decimal) -> String {
    if value.is_sign_negative() {
        plain(value)
    } else {
        format!("+{}", plain(value))
    }
}

fn target_text(target: &Target) -> String {
    match target {
        Target::Node(org) => org.clone(),
        Target::UnitsUnder(org) => format!("{org}/*"),
    }
}

fn columns_text(columns: &Columns) -> String {
    match columns {
        Columns::One(id) => id.clone(),
        Columns::FromOn(id) => format!("{id}+"),
    }
}

/// An edit as text by ids, for a link: `varhaiskasvatus:henkilostokulut:TS2026:+3%`,
/// `hyvinvointitoimiala/*:palvelujen_ostot:TS2025+:-150000`; staff
/// `varhaiskasvatus:htv:TS2026:+2@55000`; the tax rate `kunta:vero:TA2025:+0.5@8` (with
/// `@revenue` when given). [`edit_from_text`] reads it back.
pub fn edit_text(edit: &Edit) -> String {
    match edit {
        Edit::Line {
            target,
            line,
            columns,
            change,
        } => {
            let change = match change {
                Change::Percent(p) => format!("{}%", signed_plain(*p)),
                Change::Euros(e) => signed_plain(*e),
                Change::Set(a) => format!("={}", plain(*a)),
            };
            format!(
                "{}:{}:{}:{change}",
                target_text(target),
                line.key(),
                columns_text(columns)
            )
        }
        Edit::Staff {
            target,
            columns,
            person_years,
            cost,
        } => format!(
            "{}:htv:{}:{}@{}",
            target_text(target),
            columns_text(columns),
            signed_plain(*person_years),
            plain(*cost)
        ),
        Edit::TaxRate {
            org,
            columns,
            rate,
            revenue,
            points,
        } => {
            let revenue = revenue
                .map(|r| format!("@{}", plain(r)))
                .unwrap_or_default();
            format!(
                "{org}:vero:{}:{}@{}{revenue}",
                columns_text(columns),
                signed_plain(*points),
                plain(*rate)
            )
        }
    }
}

/// Reads [`edit_text`] back, by ids alone (whether they name anything is for
/// [`super::apply`] to say); `None` for text that is no edit.
pub fn edit_from_text(text: &str) -> Option<Edit> {
    let parts: Vec<&str> = text.splitn(4, ':').collect();
    let [org, line, columns, change] = parts.as_slice() else {
        return None;
    };
    let target = match org.strip_suffix("/*") {
        Some(org) => Target::UnitsUnder(org.to_string()),
        None => Target::Node(org.to_string()),
    };
    if org.is_empty() || columns.is_empty() {
        return None;
    }
    let columns = match columns.strip_suffix('+') {
        Some(id) => Columns::FromOn(id.to_string()),
        None => Columns::One(columns.to_string()),
    };
    let number = |t: &str| t.trim_start_matches('+').parse::<Decimal>().ok();
    match *line {
        "htv" => {
            let (years, cost) = change.split_once('@')?;
            Some(Edit::Staff {
                target,
                columns,
                person_years: number(years)?,
                cost: number(cost)?,
            })
        }
        "vero" => {
            let mut numbers = change.split('@');
            let points = number(numbers.next()?)?;
            let rate = number(numbers.next()?)?;
            let revenue = match numbers.next() {
                Some(r) => Some(number(r)?),
                None => None,
            };
            Some(Edit::TaxRate {
                org: target.org().to_string(),
                columns,
                rate,
                revenue,
                points,
            })
        }
        key => {
            let line = Line::all().find(|l| l.key() == key)?;
            let change = if let Some(amount) = change.strip_prefix('=') {
                Change::Set(number(amount)?)
            } else if let Some(percent) = change.strip_suffix('%') {
                Change::Percent(number(percent)?)
            } else {
                Change::Euros(number(change)?)
            };
            Some(Edit::Line {
                target,
                line,
                columns,
                change,
            })
        }
    }
}
