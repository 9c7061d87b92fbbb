//! The app's state in one place: the loaded datasets, the selected node, the language, the
//! change columns, and an import waiting for the user's decision. Every change goes through
//! [`Action`]; an action that changes nothing returns the same `Rc`, so nothing re-renders.

use std::rc::Rc;

use yew::Reducible;

use crate::analysis::across::Measure;
use crate::analysis::basis::Basis;
use crate::analysis::breakdown::SortBy;
use crate::analysis::validate::{Report, validate};
use crate::i18n::Lang;
use crate::import::mapping::Mapping;
use crate::import::{Detection, ImportError, Imported, Warning};
use crate::model::{Dataset, Line};
use crate::route::{Route, View};

/// A loaded dataset with its validation report, computed once when it is loaded. Cloning
/// shares both.
#[derive(Debug, Clone, PartialEq)]
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

/// One dataset read from a file, with what the importer understood.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadDataset {
    pub loaded: Loaded,
    pub detections: Vec<Detection>,
    pub warnings: Vec<Warning>,
}

impl ReadDataset {
    pub fn new(imported: Imported) -> ReadDataset {
        ReadDataset {
            loaded: Loaded::new(imported.dataset),
            detections: imported.detections,
            warnings: imported.warnings,
        }
    }
}

/// What one file gave: datasets, or why none.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile {
    pub name: String,
    pub outcome: Result<Vec<ReadDataset>, ImportError>,
}

/// An import read but not yet accepted: nothing loaded changes until the user decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub files: Vec<ReadFile>,
    /// The files' bytes, kept to read them again when the user maps what was not recognised.
    pub sources: Vec<(String, Rc<Vec<u8>>)>,
}

impl Pending {
    pub fn datasets(&self) -> usize {
        self.files
            .iter()
            .map(|f| f.outcome.as_ref().map_or(0, Vec::len))
            .sum()
    }

    /// The rows with figures that accepting this import would leave out: (label, place).
    pub fn left_out(&self) -> Vec<(String, String)> {
        self.files
            .iter()
            .filter_map(|f| f.outcome.as_ref().ok())
            .flatten()
            .flat_map(|read| read.loaded.dataset.unread.iter())
            .map(|row| (row.label.clone(), row.place.clone()))
            .collect()
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
    /// How far the files being read are (0 to 1), while they are.
    pub reading: Option<f64>,
    /// An import waiting for the user's decision.
    pub pending: Option<Rc<Pending>>,
    /// Imports started and not yet read (files dropped while others are being read).
    pub reads_running: u32,
    /// The user's mapping of headers and labels, kept on this machine.
    pub mapping: Rc<Mapping>,
    /// The view of the selected node.
    pub view: View,
    /// The line and column of the breakdown view; `None` for its defaults.
    pub breakdown: (Option<Line>, Option<String>),
    /// Euros, per resident, at fixed prices; population and index kept on this machine.
    pub basis: Rc<Basis>,
    /// What the line-across view shows.
    pub measure: Measure,
    /// The order of the breakdown and follow-up tables.
    pub order: SortBy,
}

pub enum Action {
    SelectNode {
        dataset: usize,
        node: String,
    },
    SetLang(Lang),
    SetChange {
        base: String,
        target: String,
    },
    StartReading,
    /// Reading a file of the pending import again: the summary stays meanwhile.
    StartReadingAgain,
    Progress(f64),
    /// Files refused before reading, shown at once.
    Read(Pending),
    /// The files of an import started by `StartReading`, read. Imports started while
    /// another was running join its summary, each file under its own name.
    ReadDone(Pending),
    /// One file of the pending import read again (another sheet of a workbook): it takes the
    /// place of the file of the same name.
    ReadAgain(Pending),
    /// The user names a pending dataset (file index, dataset index, name).
    RenamePending {
        file: usize,
        dataset: usize,
        name: String,
    },
    /// Accept the pending import, beside the loaded datasets or in their place.
    Accept {
        replace: bool,
    },
    Cancel,
    /// A new mapping (the old one with the user's latest choice).
    SetMapping(Mapping),
    SetView(View),
    SetBasis(Basis),
    SetMeasure(Measure),
    SetOrder(SortBy),
    /// The line of the breakdown and line-across views.
    SetLine(Line),
    /// The column of the breakdown view and of the statement's waterfall.
    SetColumn(String),
    SetBreakdown {
        line: Line,
        column: String,
    },
    /// Open the breakdown of a line in a column: a chart's bar drilled into.
    OpenBreakdown {
        line: Line,
        column: String,
    },
    /// Go where a link (the URL fragment) points.
    Navigate(Route),
}

impl AppState {
    /// The state the app opens in: the embedded Heinola sample, Hyvinvointitoimiala
    /// selected, Finnish.
    pub fn initial() -> AppState {
        let (loaded, load_error) = match crate::sample::heinola() {
            Ok(dataset) => (vec![Loaded::new(dataset)], None),
            Err(error) => (
                Vec::new(),
                Some(error.message(Lang::default(), "heinola.raami.json")),
            ),
        };
        AppState {
            loaded: Rc::new(loaded),
            dataset: 0,
            node: crate::sample::DEFAULT_NODE.to_string(),
            lang: Lang::default(),
            change: None,
            load_error,
            reading: None,
            pending: None,
            reads_running: 0,
            mapping: Rc::new(crate::ui::storage::load_mapping()),
            view: View::default(),
            breakdown: (None, None),
            basis: Rc::new(crate::ui::storage::load_basis()),
            measure: Measure::default(),
            order: SortBy::default(),
        }
    }

    /// The state the app opens in, then moved to where the page's link points.
    pub fn from_location() -> AppState {
        let initial = AppState::initial();
        match crate::ui::location_route() {
            Some(route) => initial.navigated(route),
            None => initial,
        }
    }

    /// The route of this state, for the URL fragment.
    pub fn route(&self) -> Route {
        Route {
            view: self.view,
            dataset: self
                .current()
                .map(|l| l.dataset.id.clone())
                .unwrap_or_default(),
            node: self.node.clone(),
            lang: self.lang,
            base: self.change.as_ref().map(|c| c.0.clone()),
            target: self.change.as_ref().map(|c| c.1.clone()),
            line: self.breakdown.0.map(|l| l.key()),
            column: self.breakdown.1.clone(),
            measure: (self.measure != Measure::default()).then(|| self.measure.slug().to_string()),
            order: (self.order != SortBy::default()).then(|| self.order.slug().to_string()),
            per_resident: self.basis.per_resident,
            real_year: self.basis.real_year,
        }
    }

    /// This state moved to `route`; parts that name nothing loaded are left as they were.
    fn navigated(&self, route: Route) -> AppState {
        let mut next = self.clone();
        next.view = route.view;
        next.lang = route.lang;
        if let Some(index) = self
            .loaded
            .iter()
            .position(|l| l.dataset.id == route.dataset)
        {
            next.dataset = index;
            if self.loaded[index].dataset.node(&route.node).is_some() {
                next.node = route.node;
            }
        }
        next.change = route.base.zip(route.target);
        next.breakdown = (
            route
                .line
                .and_then(|key| Line::all().find(|l| l.key() == key)),
            route.column,
        );
        next.order = route
            .order
            .as_deref()
            .and_then(SortBy::from_slug)
            .unwrap_or_default();
        next.measure = route
            .measure
            .as_deref()
            .and_then(Measure::from_slug)
            .unwrap_or_default();
        if (route.per_resident, route.real_year) != (self.basis.per_resident, self.basis.real_year)
        {
            next.basis = Rc::new(Basis {
                per_resident: route.per_resident,
                real_year: route.real_year,
                ..Basis::clone(&self.basis)
            });
        }
        next
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
                if !known || (dataset == self.dataset && node == self.node) {
                    return self;
                }
                // The change pair is kept: a pair the new node lacks falls back to its
                // default in the table.
                next.dataset = dataset;
                next.node = node;
            }
            Action::SetLang(lang) if lang == self.lang => return self,
            Action::SetLang(lang) => next.lang = lang,
            Action::SetChange { base, target } => {
                if self.change.as_ref() == Some(&(base.clone(), target.clone())) {
                    return self;
                }
                next.change = Some((base, target));
            }
            Action::StartReading => {
                next.reading = Some(0.0);
                if self.reads_running == 0 {
                    next.pending = None;
                }
                next.reads_running = self.reads_running.saturating_add(1);
            }
            Action::StartReadingAgain => {
                next.reading = Some(0.0);
            }
            Action::Progress(done) => {
                if self.reading.is_none() {
                    return self;
                }
                next.reading = Some(done);
            }
            Action::Read(pending) => {
                next.reading = None;
                next.pending = Some(Rc::new(pending));
            }
            Action::ReadDone(pending) => {
                next.reads_running = self.reads_running.saturating_sub(1);
                if next.reads_running == 0 {
                    next.reading = None;
                }
                next.pending = Some(Rc::new(match self.pending.as_ref() {
                    Some(earlier) => {
                        let mut merged = (**earlier).clone();
                        merged.files.extend(pending.files);
                        merged.sources.extend(pending.sources);
                        merged
                    }
                    None => pending,
                }));
            }
            Action::ReadAgain(again) => {
                next.reading = None;
                let Some(current) = self.pending.as_ref() else {
                    return Rc::new(next);
                };
                let mut merged = (**current).clone();
                for file in again.files {
                    match merged.files.iter_mut().find(|f| f.name == file.name) {
                        Some(slot) => *slot = file,
                        None => merged.files.push(file),
                    }
                }
                next.pending = Some(Rc::new(merged));
            }
            Action::RenamePending {
                file,
                dataset,
                name,
            } => {
                let name = name.trim().to_string();
                let Some(current) = self.pending.as_ref() else {
                    return self;
                };
                let mut renamed = (**current).clone();
                if let Some(read) = renamed
                    .files
                    .get_mut(file)
                    .and_then(|f| f.outcome.as_mut().ok())
                    .and_then(|datasets| datasets.get_mut(dataset))
                    .filter(|_| !name.is_empty())
                {
                    let mut data = (*read.loaded.dataset).clone();
                    data.name = name;
                    read.loaded = Loaded::new(data);
                }
                next.pending = Some(Rc::new(renamed));
            }
            Action::Accept { replace } => {
                let Some(pending) = self.pending.as_ref() else {
                    return self;
                };
                let accepted: Vec<Loaded> = pending
                    .files
                    .iter()
                    .filter_map(|f| f.outcome.as_ref().ok())
                    .flatten()
                    .map(|read| read.loaded.clone())
                    .collect();
                next.pending = None;
                if accepted.is_empty() {
                    return Rc::new(next);
                }
                let mut loaded: Vec<Loaded> = if replace {
                    Vec::new()
                } else {
                    self.loaded.as_ref().clone()
                };
                let first_new = loaded.len();
                loaded.extend(accepted);
                next.dataset = first_new;
                next.node = loaded[first_new]
                    .dataset
                    .roots()
                    .next()
                    .map(|n| n.id.clone())
                    .unwrap_or_default();
                // A file of goals alone opens on its goals.
                let opened = &loaded[first_new].dataset;
                if opened.figures.is_empty() && !opened.goals.is_empty() {
                    next.view = View::Goals;
                }
                next.loaded = Rc::new(loaded);
                next.change = None;
            }
            Action::Cancel => {
                next.pending = None;
                next.reading = None;
                next.reads_running = 0;
            }
            Action::SetBreakdown { line, column } => {
                if self.breakdown == (Some(line), Some(column.clone())) {
                    return self;
                }
                next.breakdown = (Some(line), Some(column));
            }
            Action::OpenBreakdown { line, column } => {
                next.breakdown = (Some(line), Some(column));
                next.view = View::Breakdown;
            }
            Action::SetOrder(order) => {
                if order == self.order {
                    return self;
                }
                next.order = order;
            }
            Action::SetMeasure(measure) => {
                if measure == self.measure {
                    return self;
                }
                next.measure = measure;
            }
            Action::SetColumn(column) => {
                if self.breakdown.1.as_deref() == Some(column.as_str()) {
                    return self;
                }
                next.breakdown.1 = Some(column);
            }
            Action::SetLine(line) => {
                if self.breakdown.0 == Some(line) {
                    return self;
                }
                next.breakdown.0 = Some(line);
            }
            Action::SetBasis(basis) => {
                if basis == *self.basis {
                    return self;
                }
                next.basis = Rc::new(basis);
            }
            Action::SetView(view) => {
                if view == self.view {
                    return self;
                }
                next.view = view;
            }
            Action::Navigate(route) => {
                if route == self.route() {
                    return self;
                }
                next = self.navigated(route);
            }
            Action::SetMapping(mapping) => {
                if mapping == *self.mapping {
                    return self;
                }
                next.mapping = Rc::new(mapping);
            }
        }
        Rc::new(next)
    }
}
