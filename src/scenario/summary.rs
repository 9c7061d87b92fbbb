//! A scenario told in sentences, to take to the meeting: each edit numbered, with what it
//! changes and its effect on Tilikauden tulos of the node and of the top node, in the
//! reader's language and with budget-book signs. The basis of a muutosesitys.

use rust_decimal::Decimal;

use super::{Change, Columns, Edit, NotApplied, Outcome, Target};
use crate::i18n::Lang;
use crate::model::{Amount, Dataset, Line};
use crate::numfmt::format_amount;

/// An amount in euros as a council member reads it: whole euros, cents where there are.
pub fn euros(amount: Amount, lang: Lang) -> String {
    let decimals = if amount.fract().is_zero() { 0 } else { 2 };
    format!("{}\u{a0}€", format_amount(amount, decimals, lang))
}

/// An amount with its sign always shown: `+51 465 €`, `−187 395 €`.
pub fn signed_euros(amount: Amount, lang: Lang) -> String {
    format!("{}\u{a0}€", crate::numfmt::format_signed(amount, lang))
}

fn signed_number(value: Decimal, lang: Lang) -> String {
    let decimals = value.normalize().scale().min(2);
    let text = format_amount(value, decimals, lang);
    if value > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

fn node_name(dataset: &Dataset, org: &str) -> String {
    dataset
        .node(org)
        .map_or_else(|| org.to_string(), |n| n.name.clone())
}

fn column_label(dataset: &Dataset, columns: &Columns, lang: Lang) -> String {
    let first = dataset
        .column(columns.first())
        .map_or_else(|| columns.first().to_string(), |c| c.label(lang));
    match (columns, lang) {
        (Columns::One(_), _) => first,
        (Columns::FromOn(_), Lang::Fi) => format!("{first} alkaen"),
        (Columns::FromOn(_), Lang::Sv) => format!("från {first}"),
        (Columns::FromOn(_), Lang::En) => format!("{first} onwards"),
    }
}

/// What the edit asks for, as written: `−5 %`, `+150 000 €`, `= 1 200 000 €`.
fn asked(edit: &Edit, lang: Lang) -> String {
    match edit {
        Edit::Line { change, .. } => match change {
            Change::Percent(p) => match lang {
                Lang::En => format!("{}%", signed_number(*p, lang)),
                _ => format!("{}\u{a0}%", signed_number(*p, lang)),
            },
            Change::Euros(e) => signed_euros(*e, lang),
            Change::Set(amount) => format!("= {}", euros(*amount, lang)),
        },
        Edit::TaxRate { rate, points, .. } => {
            let rate = format_amount(*rate, rate.normalize().scale().min(2), lang);
            match lang {
                Lang::Fi => format!(
                    "tuloveroprosentti {rate} {} %-yksikköä",
                    signed_number(*points, lang)
                ),
                Lang::Sv => format!(
                    "skattesats {rate} {} procentenheter",
                    signed_number(*points, lang)
                ),
                Lang::En => format!(
                    "tax rate {rate} {} percentage points",
                    signed_number(*points, lang)
                ),
            }
        }
        Edit::Staff {
            person_years, cost, ..
        } => {
            let years = signed_number(*person_years, lang);
            let cost = euros(*cost, lang);
            match lang {
                Lang::Fi => format!("{years} henkilötyövuotta à {cost}"),
                Lang::Sv => format!("{years} årsverken à {cost}"),
                Lang::En => format!("{years} person-years at {cost}"),
            }
        }
    }
}

/// How much the line moved, in the council's words: "51 465 € less" on an expense line.
fn moved(line: Line, delta: Amount, lang: Lang) -> String {
    if line.is_expense_like() {
        let spending = super::negated(delta);
        let size = euros(spending.abs(), lang);
        match (spending > Decimal::ZERO, lang) {
            (true, Lang::Fi) => format!("menoja {size} enemmän"),
            (false, Lang::Fi) => format!("menoja {size} vähemmän"),
            (true, Lang::Sv) => format!("{size} mer kostnader"),
            (false, Lang::Sv) => format!("{size} mindre kostnader"),
            (true, Lang::En) => format!("{size} more spending"),
            (false, Lang::En) => format!("{size} less spending"),
        }
    } else {
        signed_euros(delta, lang)
    }
}

fn sum_changed(outcome: &Outcome) -> Option<Amount> {
    // Each column's change fitted in a decimal; their total may not, and is then not told.
    outcome
        .changed
        .iter()
        .try_fold(Decimal::ZERO, |sum, (_, d)| sum.checked_add(*d))
}

fn sum_effect(effects: &[super::Effect], line: Line) -> Option<Amount> {
    let deltas: Vec<Amount> = effects.iter().filter_map(|e| e.delta(line)).collect();
    if deltas.is_empty() {
        return None;
    }
    deltas
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, d| sum.checked_add(d))
}

/// Why an edit was not applied, in the reader's language.
pub fn reason(dataset: &Dataset, why: &NotApplied, lang: Lang) -> String {
    match (why, lang) {
        (NotApplied::UnknownNode { org }, Lang::Fi) => {
            format!("yksikköä ”{org}” ei ole aineistossa")
        }
        (NotApplied::UnknownNode { org }, Lang::Sv) => {
            format!("enheten ”{org}” finns inte i materialet")
        }
        (NotApplied::UnknownNode { org }, Lang::En) => {
            format!("there is no unit ”{org}” in the data")
        }
        (NotApplied::UnknownColumn { column }, Lang::Fi) => {
            format!("saraketta ”{column}” ei ole aineistossa")
        }
        (NotApplied::UnknownColumn { column }, Lang::Sv) => {
            format!("kolumnen ”{column}” finns inte i materialet")
        }
        (NotApplied::UnknownColumn { column }, Lang::En) => {
            format!("there is no column ”{column}” in the data")
        }
        (NotApplied::NoFigure { org, line, column }, _) => {
            let (org, line) = (node_name(dataset, org), line.name(lang));
            match lang {
                Lang::Fi => format!("yksiköllä {org} ei ole riviä {line} sarakkeessa {column}"),
                Lang::Sv => format!("enheten {org} har ingen rad {line} i kolumnen {column}"),
                Lang::En => format!("{org} has no {line} in the column {column}"),
            }
        }
        (NotApplied::NoUnits { org, line }, _) => {
            let (org, line) = (node_name(dataset, org), line.name(lang));
            match lang {
                Lang::Fi => format!("yksikön {org} alla millään yksiköllä ei ole riviä {line}"),
                Lang::Sv => format!("ingen enhet under {org} har raden {line}"),
                Lang::En => format!("no unit under {org} has the line {line}"),
            }
        }
        (NotApplied::DataChanged { dataset }, Lang::Fi) => {
            format!("aineiston ”{dataset}” luvut ovat muuttuneet skenaarion tekemisen jälkeen")
        }
        (NotApplied::DataChanged { dataset }, Lang::Sv) => {
            format!("siffrorna i ”{dataset}” har ändrats sedan scenariot gjordes")
        }
        (NotApplied::DataChanged { dataset }, Lang::En) => {
            format!("the figures of ”{dataset}” have changed since the scenario was made")
        }
        (NotApplied::BadRate, Lang::Fi) => "veroprosentin on oltava yli nolla".to_string(),
        (NotApplied::BadRate, Lang::Sv) => "skattesatsen måste vara över noll".to_string(),
        (NotApplied::BadRate, Lang::En) => "the tax rate must be above zero".to_string(),
        (NotApplied::TooLarge, Lang::Fi) => "muutos on liian suuri laskettavaksi".to_string(),
        (NotApplied::TooLarge, Lang::Sv) => "ändringen är för stor att räkna".to_string(),
        (NotApplied::TooLarge, Lang::En) => "the change is too large to compute".to_string(),
    }
}

/// One sentence per edit: `Varhaiskasvatus, Palvelujen ostot, TS 2026: −5 %, menoja
/// 51 465 € vähemmän; Tilikauden tulos +51 465 €; Hyvinvointitoimiala: Tilikauden tulos
/// +51 465 €`. An edit not applied says why.
pub fn sentences(
    base: &Dataset,
    edits: &[Edit],
    outcomes: &[Result<Outcome, NotApplied>],
    lang: Lang,
) -> Vec<String> {
    edits
        .iter()
        .zip(outcomes)
        .enumerate()
        .map(|(i, (edit, outcome))| {
            let number = i.saturating_add(1);
            let org = edit.org();
            let whom = match edit {
                Edit::Line {
                    target: Target::UnitsUnder(_),
                    ..
                }
                | Edit::Staff {
                    target: Target::UnitsUnder(_),
                    ..
                } => match lang {
                    Lang::Fi => format!("{}, kaikki yksiköt", node_name(base, org)),
                    Lang::Sv => format!("{}, alla enheter", node_name(base, org)),
                    Lang::En => format!("{}, every unit", node_name(base, org)),
                },
                _ => node_name(base, org),
            };
            let head = format!(
                "{number}. {whom}, {}, {}: {}",
                edit.line().name(lang),
                column_label(base, edit.columns(), lang),
                asked(edit, lang)
            );
            match outcome {
                Err(why) => {
                    let not = match lang {
                        Lang::Fi => "ei sovellettu",
                        Lang::Sv => "inte tillämpad",
                        Lang::En => "not applied",
                    };
                    format!("{head} — {not}: {}", reason(base, why, lang))
                }
                Ok(outcome) => {
                    let mut text = match sum_changed(outcome) {
                        Some(total) => format!("{head}, {}", moved(edit.line(), total, lang)),
                        None => head,
                    };
                    // The last key line the node has: Tilikauden tulos, else Vuosikate, else
                    // Toimintakate (a unit printed down to Toimintakate).
                    let last = |effects: &[super::Effect]| {
                        super::KEY_LINES
                            .into_iter()
                            .rev()
                            .find_map(|line| sum_effect(effects, line).map(|d| (line, d)))
                    };
                    if let Some((result, delta)) = last(&outcome.node) {
                        text.push_str(&format!(
                            "; {} {}",
                            result.name(lang),
                            signed_euros(delta, lang)
                        ));
                    }
                    let top = outcome.top.first().map(|e| e.org.clone());
                    if let (Some(top), Some((result, delta))) =
                        (top.filter(|t| t != org), last(&outcome.top))
                    {
                        text.push_str(&format!(
                            "; {}: {} {}",
                            node_name(base, &top),
                            result.name(lang),
                            signed_euros(delta, lang)
                        ));
                    }
                    text
                }
            }
        })
        .collect()
}
