//! The view state in the URL fragment, so that a reload, back and forward, and a copied link
//! reproduce the exact view on any static host:
//!
//! `#/{view}/{dataset}/{node}?lang={fi|sv|en}&base={column}&target={column}`
//!
//! - `view`: `taulukko` (the income statement), `toteuma` (budget follow-up), `erittely`
//!   (one line by the node's units), `rivi` (one line across the tree and the years),
//!   `tavoitteet` (goals and their statuses, and investments, of the node and its units);
//! - `dataset` and `node`: ids from the package (`heinola`, `hyvinvointitoimiala`);
//! - `base` and `target`: the columns of the change columns (`TP2022`, `TS2026`);
//! - `line` and `col`: the line and column of the breakdown (`toimintakate`, `TP2022`);
//! - `per=asukas`: per resident; `hinnat=2024`: at the prices of 2024;
//! - `mitta`: what the `rivi` view shows: `euro`, `muutos` (change), `osuus` (share);
//! - `jarj`: the order of the breakdown and follow-up tables: `suurin` (largest amount or
//!   deviation first), `muutos` (largest change first); none is the document's order.
//!
//! Unknown parts are ignored, so an old or mistyped link still opens something sensible.

use crate::i18n::Lang;

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
}

impl View {
    pub const ALL: [View; 5] = [
        View::Statement,
        View::FollowUp,
        View::Breakdown,
        View::Across,
        View::Goals,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            View::Statement => "taulukko",
            View::FollowUp => "toteuma",
            View::Breakdown => "erittely",
            View::Across => "rivi",
            View::Goals => "tavoitteet",
        }
    }

    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

/// Everything a link reproduces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub view: View,
    pub dataset: String,
    pub node: String,
    pub lang: Lang,
    pub base: Option<String>,
    pub target: Option<String>,
    /// The line and column of the breakdown (`toimintakate`, `TP2022`).
    pub line: Option<String>,
    pub column: Option<String>,
    /// What the line-across view shows: `euro`, `muutos`, `osuus`.
    pub measure: Option<String>,
    /// The order of the breakdown and follow-up tables: `suurin`, `muutos`.
    pub order: Option<String>,
    /// Figures per resident.
    pub per_resident: bool,
    /// Figures at the prices of this year.
    pub real_year: Option<i32>,
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

impl Route {
    /// The fragment, with its `#`.
    pub fn to_fragment(&self) -> String {
        let mut query = vec![format!("lang={}", self.lang.code())];
        if let (Some(base), Some(target)) = (&self.base, &self.target) {
            query.push(format!("base={}", clean(base)));
            query.push(format!("target={}", clean(target)));
        }
        if let Some(line) = &self.line {
            query.push(format!("line={}", clean(line)));
        }
        if let Some(column) = &self.column {
            query.push(format!("col={}", clean(column)));
        }
        if let Some(measure) = &self.measure {
            query.push(format!("mitta={}", clean(measure)));
        }
        if let Some(order) = &self.order {
            query.push(format!("jarj={}", clean(order)));
        }
        if self.per_resident {
            query.push("per=asukas".to_string());
        }
        if let Some(year) = self.real_year {
            query.push(format!("hinnat={year}"));
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
        for pair in query.split('&') {
            let decoded = percent_decode(pair);
            match decoded.split_once('=') {
                Some(("lang", code)) => route.lang = Lang::from_code(code).unwrap_or_default(),
                Some(("base", column)) => {
                    route.base = Some(clean(column)).filter(|c| !c.is_empty())
                }
                Some(("target", column)) => {
                    route.target = Some(clean(column)).filter(|c| !c.is_empty())
                }
                Some(("per", "asukas")) => route.per_resident = true,
                Some(("jarj", order)) => route.order = Some(clean(order)).filter(|o| !o.is_empty()),
                Some(("mitta", measure)) => {
                    route.measure = Some(clean(measure)).filter(|m| !m.is_empty())
                }
                Some(("hinnat", year)) => {
                    route.real_year = year.parse().ok().filter(|y| (1990..=2100).contains(y))
                }
                Some(("line", line)) => route.line = Some(clean(line)).filter(|c| !c.is_empty()),
                Some(("col", column)) => {
                    route.column = Some(clean(column)).filter(|c| !c.is_empty())
                }
                _ => {}
            }
        }
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
        assert_eq!(route.line.as_deref(), Some("henkilöstökulut"));
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
            base: Some("TA2025".into()),
            target: Some("TOT2025".into()),
            line: None,
            column: None,
            measure: None,
            order: Some("suurin".into()),
            per_resident: true,
            real_year: Some(2024),
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
            (route.line.as_deref(), route.column.as_deref()),
            (Some("henkilostokulut"), Some("TS2026"))
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
        assert_eq!(route.base, None);
    }
}
