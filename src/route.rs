//! The view state in the URL fragment, so that a reload, back and forward, and a copied link
//! reproduce the exact view on any static host:
//!
//! `#/{view}/{dataset}/{node}?lang={fi|sv|en}&base={column}&target={column}`
//!
//! - `view`: `taulukko` (the income statement), `toteuma` (budget follow-up), `erittely`
//!   (one line by the node's units), `rivi` (one line across the tree and the years),
//!   `tavoitteet` (goals and their statuses, and investments, of the node and its units),
//!   `vertailu` (the base and the scenarios side by side);
//! - `dataset` and `node`: ids from the package (`heinola`, `hyvinvointitoimiala`);
//! - `base` and `target`: the columns of the change columns (`TP2022`, `TS2026`);
//! - `line` and `col`: the line and column of the breakdown (`toimintakate`, `TP2022`);
//! - `per=asukas`: per resident; `hinnat=2024`: at the prices of 2024;
//! - `mitta`: what the `rivi` view shows: `euro`, `muutos` (change), `osuus` (share);
//! - `jarj`: the order of the breakdown and follow-up tables: `suurin` (largest amount or
//!   deviation first), `muutos` (largest change first); none is the document's order;
//! - `piilo`: the column kinds hidden from the trend chart (`TA,TS`); `piiloyks`: the units
//!   hidden from the stacked chart (their ids, `hallinto,varhaiskasvatus`);
//! - `skenaario` and `muutokset`: the active scenario's name and its edits, each as
//!   [`crate::scenario::spec::edit_text`] gives it, separated by `|`
//!   (`muutokset=hyvinvointitoimiala/*:henkilostokulut:TS2026:+3%25`).
//!
//! A fragment is parsed once into typed values ([`View`], [`Line`], [`Measure`], [`SortBy`],
//! [`ColumnKind`]); unknown parts are ignored, so an old or mistyped link still opens
//! something sensible.

use std::collections::BTreeSet;

use crate::analysis::across::Measure;
use crate::analysis::breakdown::SortBy;
use crate::i18n::Lang;
use crate::model::{ColumnKind, Line};
use crate::scenario::Edit;
use crate::scenario::spec::{edit_from_text, edit_text};

/// A view of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The income statement over all columns, with change and follow-up columns.
    #[default]
    Statement,
    /// Budget follow-up: TA against Toteuma, deviations sorted and marked.
    FollowUp,
    /// One line in one column by the node's units.
    Breakdown,
    /// One line across the whole tree and every column.
    Across,
    /// Goals with their statuses, and investments, of the node and its units.
    Goals,
    /// The base and the scenarios side by side, for the node in one column.
    Compare,
}

crate::slugs!(View {
    Statement => "taulukko",
    FollowUp => "toteuma",
    Breakdown => "erittely",
    Across => "rivi",
    Goals => "tavoitteet",
    Compare => "vertailu",
});

/// Everything a link reproduces, typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub view: View,
    pub dataset: String,
    pub node: String,
    pub lang: Lang,
    /// The base and target columns of the change columns.
    pub change: Option<(String, String)>,
    /// The line of the breakdown, the line-across view and the trend chart.
    pub line: Option<Line>,
    /// The column of the breakdown and the waterfall (`TP2022`).
    pub column: Option<String>,
    /// What the line-across view shows.
    pub measure: Measure,
    /// The order of the breakdown and follow-up tables.
    pub order: SortBy,
    /// Figures per resident.
    pub per_resident: bool,
    /// Figures at the prices of this year.
    pub real_year: Option<i32>,
    /// Column kinds hidden from the trend chart.
    pub hidden_kinds: BTreeSet<ColumnKind>,
    /// Units (ids) hidden from the stacked chart.
    pub hidden_units: BTreeSet<String>,
    /// The active scenario: its name and its edits.
    pub scenario: Option<(String, Vec<Edit>)>,
}

/// Encodes text for a link's query: everything but letters, digits and `-_.~:/*@!,` as
/// `%XX` of its UTF-8 bytes.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~:/*@!,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Ids in a fragment: letters, digits, `_`, `-`, `+`, `.`; anything else is dropped.
fn clean(part: &str) -> String {
    part.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.'))
        .collect()
}

/// Decodes `%C3%A4` and the like (a browser gives the fragment of `#/…/päiväkoti` so);
/// a `%` that starts no valid escape is kept as it is, and bytes that are no UTF-8 become
/// the replacement character, which [`clean`] then drops.
fn percent_decode(part: &str) -> String {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The most edits a link carries: more than any motion has, and a bound on the work a
/// crafted link can ask for.
pub const MAX_EDITS_IN_LINK: usize = 200;

/// A comma-separated list of ids, each cleaned; empty ones dropped.
fn list(value: &str) -> impl Iterator<Item = String> + '_ {
    value.split(',').map(clean).filter(|id| !id.is_empty())
}

impl Route {
    /// The fragment, with its `#`.
    pub fn to_fragment(&self) -> String {
        let mut query = vec![format!("lang={}", self.lang.code())];
        if let Some((base, target)) = &self.change {
            query.push(format!("base={}", clean(base)));
            query.push(format!("target={}", clean(target)));
        }
        if let Some(line) = self.line {
            query.push(format!("line={}", line.key()));
        }
        if let Some(column) = &self.column {
            query.push(format!("col={}", clean(column)));
        }
        if self.measure != Measure::default() {
            query.push(format!("mitta={}", self.measure.slug()));
        }
        if self.order != SortBy::default() {
            query.push(format!("jarj={}", self.order.slug()));
        }
        if self.per_resident {
            query.push("per=asukas".to_string());
        }
        if let Some(year) = self.real_year {
            query.push(format!("hinnat={year}"));
        }
        if !self.hidden_kinds.is_empty() {
            let kinds: Vec<&str> = self.hidden_kinds.iter().map(|k| k.slug()).collect();
            query.push(format!("piilo={}", kinds.join(",")));
        }
        if !self.hidden_units.is_empty() {
            let units: Vec<String> = self.hidden_units.iter().map(|u| clean(u)).collect();
            query.push(format!("piiloyks={}", units.join(",")));
        }
        if let Some((name, edits)) = &self.scenario {
            query.push(format!("skenaario={}", percent_encode(name)));
            let edits: Vec<String> = edits
                .iter()
                .map(|e| percent_encode(&edit_text(e)))
                .collect();
            if !edits.is_empty() {
                query.push(format!("muutokset={}", edits.join("|")));
            }
        }
        format!(
            "#/{}/{}/{}?{}",
            self.view.slug(),
            clean(&self.dataset),
            clean(&self.node),
            query.join("&")
        )
    }

    /// Reads a fragment (with or without `#`); `None` when it is not a Raami route at all.
    pub fn parse(fragment: &str) -> Option<Route> {
        // A link with data is opened as a file is (see `crate::share`), not followed.
        if crate::share::is_data_link(fragment) {
            return None;
        }
        let body = fragment.trim_start_matches('#').strip_prefix('/')?;
        let (path, query) = body.split_once('?').unwrap_or((body, ""));
        let mut parts = path.split('/');
        let view = View::from_slug(parts.next()?).unwrap_or_default();
        let dataset = clean(&percent_decode(parts.next().unwrap_or("")));
        let node = clean(&percent_decode(parts.next().unwrap_or("")));
        let mut route = Route {
            view,
            dataset,
            node,
            ..Route::default()
        };
        let (mut base, mut target) = (None, None);
        let nonempty = |value: &str| Some(clean(value)).filter(|v| !v.is_empty());
        let (mut scenario, mut edits) = (None, Vec::new());
        for pair in query.split('&') {
            // A scenario's name and edits may hold any character: their parts are decoded
            // one by one, after the split.
            match pair.split_once('=') {
                Some(("skenaario", name)) => {
                    let name = percent_decode(name).trim().to_string();
                    scenario = Some(name).filter(|n| !n.is_empty() && n.chars().count() <= 200);
                    continue;
                }
                Some(("muutokset", list)) => {
                    edits = list
                        .split('|')
                        .take(MAX_EDITS_IN_LINK)
                        .filter_map(|e| edit_from_text(&percent_decode(e)))
                        .collect();
                    continue;
                }
                _ => {}
            }
            let decoded = percent_decode(pair);
            match decoded.split_once('=') {
                Some(("lang", code)) => route.lang = Lang::from_code(code).unwrap_or_default(),
                Some(("base", column)) => base = nonempty(column),
                Some(("target", column)) => target = nonempty(column),
                Some(("per", "asukas")) => route.per_resident = true,
                Some(("jarj", order)) => route.order = SortBy::from_slug(order).unwrap_or_default(),
                Some(("mitta", measure)) => {
                    route.measure = Measure::from_slug(measure).unwrap_or_default()
                }
                Some(("hinnat", year)) => {
                    route.real_year = year
                        .parse()
                        .ok()
                        .filter(|y| crate::model::column::PLAUSIBLE_YEARS.contains(y))
                }
                Some(("line", key)) => {
                    let key = clean(key);
                    route.line = Line::all().find(|l| l.key() == key);
                }
                Some(("col", column)) => route.column = nonempty(column),
                Some(("piilo", kinds)) => {
                    route.hidden_kinds = list(kinds)
                        .filter_map(|k| ColumnKind::from_slug(&k))
                        .collect()
                }
                Some(("piiloyks", units)) => route.hidden_units = list(units).collect(),
                _ => {}
            }
        }
        route.change = base.zip(target);
        route.scenario = scenario.map(|name| (name, edits));
        Some(route)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoded_ids_are_decoded() {
        // A link to a node whose id has non-ASCII letters, as the browser gives it.
        let route = Route::parse(
            "#/taulukko/kunta/p%C3%A4iv%C3%A4koti?lang=sv&line=henkil%C3%B6st%C3%B6kulut",
        )
        .unwrap();
        assert_eq!(route.node, "päiväkoti");
        // A line's key is ASCII: a non-ASCII one names no line.
        assert_eq!(route.line, None);
        assert_eq!(route.lang, Lang::Sv);
        // Broken escapes are kept or dropped, never a panic.
        let route = Route::parse("#/taulukko/a%zz%/b%C3?lang=fi").unwrap();
        assert_eq!(route.dataset, "azz");
        assert_eq!(route.node, "b");
        assert_eq!(
            Route::parse(
                &Route {
                    node: "päiväkoti".into(),
                    ..Route::default()
                }
                .to_fragment()
            )
            .unwrap()
            .node,
            "päiväkoti"
        );
    }

    #[test]
    fn a_route_round_trips_through_its_fragment() {
        let route = Route {
            view: View::FollowUp,
            dataset: "heinola".into(),
            node: "yhteiset_palvelut".into(),
            lang: Lang::Sv,
            change: Some(("TA2025".into(), "TOT2025".into())),
            line: None,
            column: None,
            measure: Measure::Amount,
            order: SortBy::Amount,
            per_resident: true,
            real_year: Some(2024),
            hidden_kinds: BTreeSet::new(),
            hidden_units: BTreeSet::new(),
            scenario: None,
        };
        let fragment = route.to_fragment();
        assert_eq!(
            fragment,
            "#/toteuma/heinola/yhteiset_palvelut?lang=sv&base=TA2025&target=TOT2025&jarj=suurin&per=asukas&hinnat=2024"
        );
        assert_eq!(Route::parse(&fragment), Some(route));
    }

    #[test]
    fn a_breakdown_link_names_its_line_and_column() {
        let route = Route::parse(
            "#/erittely/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut&col=TS2026",
        )
        .unwrap();
        assert_eq!(route.view, View::Breakdown);
        assert_eq!(
            (route.line, route.column.as_deref()),
            (Some(Line::Henkilostokulut), Some("TS2026"))
        );
        assert_eq!(
            route.to_fragment(),
            "#/erittely/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut&col=TS2026"
        );
    }

    #[test]
    fn odd_links_open_something_sensible() {
        assert_eq!(Route::parse(""), None);
        assert_eq!(Route::parse("#top"), None);
        let route = Route::parse("#/kaavio/heinola/<script>?lang=de&base=").unwrap();
        assert_eq!(route.view, View::Statement);
        assert_eq!(route.node, "script");
        assert_eq!(route.lang, Lang::Fi);
        assert_eq!(route.change, None);
        // Names that mean nothing are the defaults; a base without a target is no pair.
        let route =
            Route::parse("#/rivi/heinola/x?mitta=kaikki&jarj=&line=palkat&base=TP2022&piilo=XX,TA")
                .unwrap();
        assert_eq!(route.measure, Measure::Amount);
        assert_eq!(route.order, SortBy::Organisation);
        assert_eq!(route.line, None);
        assert_eq!(route.change, None);
        assert_eq!(route.hidden_kinds, BTreeSet::from([ColumnKind::Ta]));
    }

    #[test]
    fn every_choice_of_a_view_round_trips() {
        // Every typed value a link carries comes back as itself.
        for view in View::ALL {
            for measure in Measure::ALL {
                for order in SortBy::ALL {
                    let route = Route {
                        view,
                        dataset: "heinola".into(),
                        node: "varhaiskasvatus".into(),
                        lang: Lang::En,
                        change: Some(("TP2022".into(), "TS2026".into())),
                        line: Some(Line::PalvelujenOstot),
                        column: Some("TA2024".into()),
                        measure,
                        order,
                        per_resident: false,
                        real_year: None,
                        hidden_kinds: BTreeSet::from([ColumnKind::Ts, ColumnKind::TaMuutettu]),
                        hidden_units: BTreeSet::from([
                            "hallinto".to_string(),
                            "perhepalvelut".to_string(),
                        ]),
                        scenario: None,
                    };
                    assert_eq!(Route::parse(&route.to_fragment()), Some(route));
                }
            }
        }
        for line in Line::all() {
            let route = Route {
                line: Some(line),
                ..Route::default()
            };
            assert_eq!(Route::parse(&route.to_fragment()).unwrap().line, Some(line));
        }
    }

    #[test]
    fn a_scenario_travels_in_the_link() {
        use crate::scenario::{Change, Columns, Edit, Target};
        let edits = vec![
            Edit::Line {
                target: Target::UnitsUnder("hyvinvointitoimiala".into()),
                line: Line::Henkilostokulut,
                columns: Columns::One("TS2026".into()),
                change: Change::Percent("3".parse().unwrap()),
            },
            Edit::Line {
                target: Target::Node("varhaiskasvatus".into()),
                line: Line::PalvelujenOstot,
                columns: Columns::FromOn("TS2025".into()),
                change: Change::Euros("-150000.50".parse().unwrap()),
            },
            Edit::Line {
                target: Target::Node("varhaiskasvatus".into()),
                line: Line::Avustukset,
                columns: Columns::One("TS2026".into()),
                change: Change::Set("450000".parse().unwrap()),
            },
            Edit::Staff {
                target: Target::Node("varhaiskasvatus".into()),
                columns: Columns::One("TS2026".into()),
                person_years: "-1.5".parse().unwrap(),
                cost: "52000".parse().unwrap(),
            },
            Edit::TaxRate {
                org: "kauhava".into(),
                columns: Columns::FromOn("TA2025".into()),
                rate: "8.25".parse().unwrap(),
                revenue: Some("33595351.41".parse().unwrap()),
                points: "0.5".parse().unwrap(),
            },
        ];
        let route = Route {
            dataset: "heinola".into(),
            node: "hyvinvointitoimiala".into(),
            scenario: Some(("Palkat & säästöt | 2026 = 100 %".into(), edits)),
            ..Route::default()
        };
        let fragment = route.to_fragment();
        assert!(
            fragment.contains("&muutokset=hyvinvointitoimiala/*:henkilostokulut:TS2026:%2B3%25|"),
            "{fragment}"
        );
        assert_eq!(Route::parse(&fragment), Some(route));
        // Edits that are no edits are left out; the rest stay.
        let route =
            Route::parse("#/taulukko/h/x?skenaario=A&muutokset=x:y|a:toimintakulut:TA2024:-2%25")
                .unwrap();
        assert_eq!(route.scenario.unwrap().1.len(), 1);
    }
}
