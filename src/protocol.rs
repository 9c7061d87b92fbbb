//! The messages between the page and its worker, typed: the page asks for a file to be
//! imported or a workbook to be made, the worker answers with progress and results. Each
//! message is JSON, with a file's or a workbook's bytes travelling beside it (transferred,
//! not copied). The worker does the heavy work (the importers, the XLSX writer and its
//! compressor), so the page's own code stays light and its input never waits.

use serde::{Deserialize, Serialize};

use crate::export::About;
use crate::i18n::Lang;
use crate::import::{ImportError, Imported, Options};
use crate::model::Dataset;

/// What the page asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Import one file; its bytes travel beside the message.
    Import { name: String, options: Options },
    /// Make the XLSX workbook of nodes' tables.
    Workbook(Box<WorkbookRequest>),
}

/// A workbook to make: the figures shown (a scenario and basis already laid over them), the
/// nodes whose tables it holds, one sheet each, and what it states beside them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkbookRequest {
    pub dataset: Dataset,
    pub nodes: Vec<String>,
    /// The change columns' base and target, as the view has them.
    pub change: Option<(String, String)>,
    pub about: About,
    pub lang: Lang,
    /// Tables of other views, as shown (one sheet each, after the statements).
    #[serde(default)]
    pub grids: Vec<crate::export::Grid>,
    /// Each node's other views too ([`crate::export::node_views`]), after the statements.
    #[serde(default)]
    pub views: bool,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// It can take requests.
    Ready,
    /// How far the file being imported is, from 0 to 1.
    Progress(f64),
    /// The file's datasets, or why none.
    Imported(Result<Vec<Imported>, ImportError>),
    /// The workbook was made: its bytes travel beside the message. `Err` says why not.
    Workbook(Result<(), String>),
}

impl WorkbookRequest {
    /// Makes the workbook, as the worker does.
    pub fn make(&self) -> Result<Vec<u8>, crate::export::ExportError> {
        let tables: Vec<_> = self
            .nodes
            .iter()
            .filter(|node| self.dataset.node(node).is_some())
            .map(|node| {
                let wanted = self.change.as_ref();
                crate::analysis::table::node_table_as_shown(
                    &self.dataset,
                    node,
                    wanted.map(|c| c.0.as_str()),
                    wanted.map(|c| c.1.as_str()),
                )
            })
            .collect();
        let exported: Vec<_> = tables
            .iter()
            .map(|table| crate::export::Exported {
                dataset: &self.dataset,
                table,
            })
            .collect();
        let mut grids = self.grids.clone();
        if self.views {
            for table in &tables {
                grids.extend(crate::export::node_views(
                    &self.dataset,
                    table,
                    &self.about.unit,
                    self.lang,
                ));
            }
        }
        crate::export::workbook_with(&exported, &grids, &self.about, self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_request_survives_its_json_and_makes_the_workbook() {
        let request = Request::Workbook(Box::new(WorkbookRequest {
            dataset: crate::sample::heinola().unwrap(),
            nodes: vec!["varhaiskasvatus".into(), "ei-ole".into()],
            change: Some(("TA2024".into(), "TS2026".into())),
            about: About {
                unit: "€".into(),
                ..About::default()
            },
            lang: Lang::Sv,
            grids: Vec::new(),
            views: true,
        }));
        let json = serde_json::to_string(&request).unwrap();
        let back: Request = serde_json::from_str(&json).unwrap();
        assert_eq!(back, request);
        let Request::Workbook(workbook) = back else {
            panic!()
        };
        let bytes = workbook.make().unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }
}
