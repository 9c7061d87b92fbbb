//! The app's state in one place: the loaded datasets, the selected node, the language and
//! the change columns. Every change goes through [`Action`]; an action that changes
//! nothing returns the same `Rc`, so nothing re-renders.

use std::rc::Rc;

use yew::Reducible;

use crate::analysis::validate::{Report, validate};
use crate::i18n::Lang;
use crate::model::Dataset;

/// A loaded dataset with its validation report, computed once when it is loaded.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub dataset: Rc<Dataset>,
    pub report: Rc<Report>,
}

impl Loaded {
    pub fn new(dataset: Dataset) -> Loaded {
        let report = validate(&dataset);
        Loaded {
            dataset: Rc::new(dataset),
            report: Rc::new(report),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub loaded: Rc<Vec<Loaded>>,
    /// Index into `loaded`.
    pub dataset: usize,
    /// The selected org node's id.
    pub node: String,
    pub lang: Lang,
    /// Base and target column of the change columns, chosen by the user; `None` means the
    /// node's default (its first and last column).
    pub change: Option<(String, String)>,
    /// Why the embedded sample could not be read, should that ever happen.
    pub load_error: Option<String>,
}

pub enum Action {
    SelectNode { dataset: usize, node: String },
    SetLang(Lang),
    SetChange { base: String, target: String },
}

impl AppState {
    /// The state the app opens in: the embedded Heinola sample, Hyvinvointitoimiala
    /// selected, Finnish.
    pub fn initial() -> AppState {
        match crate::sample::heinola() {
            Ok(dataset) => AppState {
                loaded: Rc::new(vec![Loaded::new(dataset)]),
                dataset: 0,
                node: crate::sample::DEFAULT_NODE.to_string(),
                lang: Lang::default(),
                change: None,
                load_error: None,
            },
            Err(error) => AppState {
                loaded: Rc::new(Vec::new()),
                dataset: 0,
                node: String::new(),
                lang: Lang::default(),
                change: None,
                load_error: Some(error.message(Lang::default(), "heinola.raami.json")),
            },
        }
    }

    pub fn current(&self) -> Option<&Loaded> {
        self.loaded.get(self.dataset)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = AppState::clone(&self);
        match action {
            Action::SelectNode { dataset, node } => {
                let known = self
                    .loaded
                    .get(dataset)
                    .is_some_and(|l| l.dataset.node(&node).is_some());
                if known {
                    // The change pair is kept: a pair the new node lacks falls back to its
                    // default in the table.
                    next.dataset = dataset;
                    next.node = node;
                }
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetChange { base, target } => next.change = Some((base, target)),
        }
        let unchanged = next.dataset == self.dataset
            && next.node == self.node
            && next.lang == self.lang
            && next.change == self.change;
        if unchanged { self } else { Rc::new(next) }
    }
}
