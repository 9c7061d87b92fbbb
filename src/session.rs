//! The app's state as plain data, owned by the core: the workspace (the loaded datasets, the
//! user's mapping and basis, an import waiting for a decision) and a typed [`Selection`] of
//! what is shown. It changes only through [`Session::apply`], so every action is tested
//! natively; the browser wraps it in a reducer, persists what [`Session::kept`] names, and
//! paints. [`Session::route`] and [`Session::navigated`] move between it and a link.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::analysis::across::Measure;
use crate::analysis::basis::Basis;
use crate::analysis::breakdown::SortBy;
use crate::analysis::validate::{Report, validate};
use crate::i18n::Lang;
use crate::import::mapping::Mapping;
use crate::import::{Detection, ImportError, Imported, Warning};
use crate::model::{ColumnKind, Dataset, Line};
use crate::notes::{Note, NoteOn};
use crate::package::{Package, PackageError, Saved, Workspace};
use crate::route::{Route, View};
use crate::scenario::{Edit, Scenario};

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
    /// The scenarios, mapping, basis and view of a saved workspace this dataset came in.
    pub saved: Option<Rc<Saved>>,
}

impl ReadDataset {
    pub fn new(imported: Imported) -> ReadDataset {
        ReadDataset {
            loaded: Loaded::new(imported.dataset),
            detections: imported.detections,
            warnings: imported.warnings,
            saved: imported.saved.map(|saved| Rc::new(*saved)),
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
#[derive(Debug, Clone, PartialEq, Default)]
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

    /// The saved work the import holds (scenarios, mapping, basis, view), file by file.
    pub fn saved(&self) -> Vec<Rc<Saved>> {
        self.files
            .iter()
            .filter_map(|f| f.outcome.as_ref().ok())
            .flatten()
            .filter_map(|read| read.saved.clone())
            .collect()
    }

    /// The kept bytes of the file called `name`.
    pub fn source(&self, name: &str) -> Vec<(String, Rc<Vec<u8>>)> {
        self.sources
            .iter()
            .filter(|(file, _)| file == name)
            .cloned()
            .collect()
    }
}

/// A series a chart's legend hides and shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Series {
    /// A column kind of the trend chart.
    Kind(ColumnKind),
    /// A unit (its id) of the stacked chart.
    Unit(String),
}

/// What is shown: the dataset and node, the view and its choices. `None` and the defaults
/// mean "the view's own default", which the view resolves against the node's data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// Index into the session's `loaded`.
    pub dataset: usize,
    /// The selected org node's id.
    pub node: String,
    pub view: View,
    /// The line of the breakdown, line-across and trend chart.
    pub line: Option<Line>,
    /// The column of the breakdown and the waterfall.
    pub column: Option<String>,
    /// Base and target of the change columns.
    pub change: Option<(String, String)>,
    /// What the line-across view shows.
    pub measure: Measure,
    /// The order of the breakdown and follow-up tables.
    pub order: SortBy,
    /// Column kinds the trend chart hides.
    pub hidden_kinds: BTreeSet<ColumnKind>,
    /// Units the stacked chart hides.
    pub hidden_units: BTreeSet<String>,
    /// The scenario shown (index into the session's `scenarios`); `None` is the base.
    pub scenario: Option<usize>,
}

/// Where an import stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Import {
    /// How far the files being read are (0 to 1), while they are.
    pub reading: Option<f64>,
    /// An import waiting for the user's decision.
    pub pending: Option<Rc<Pending>>,
    /// Imports started and not yet read (files dropped while others are being read).
    pub running: u32,
}

/// The whole state of one visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub loaded: Rc<Vec<Loaded>>,
    pub selection: Selection,
    pub lang: Lang,
    /// Why the embedded sample could not be read, should that ever happen.
    pub load_error: Option<PackageError>,
    pub import: Import,
    /// The user's mapping of headers and labels, kept on this machine.
    pub mapping: Rc<Mapping>,
    /// Euros, per resident, at fixed prices; population and index kept on this machine.
    pub basis: Rc<Basis>,
    /// The what-if scenarios of this visit.
    pub scenarios: Rc<Vec<Scenario>>,
    /// The user's notes on nodes, lines and scenarios.
    pub notes: Rc<Vec<Note>>,
    /// The data the session opened on (the embedded sample), to tell the user's own from it.
    opening: Rc<Vec<Loaded>>,
    /// A link whose dataset is not loaded here (it was made on other files): followed once
    /// files that hold that dataset are accepted.
    pub missing_dataset: Option<Route>,
    /// Earlier and undone states of the scenarios (with the one shown), for undo and redo.
    history: History,
}

/// The scenarios and the one shown, as undo and redo restore them, with the notes as they
/// were (for the notes of scenarios that come back).
#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    scenarios: Rc<Vec<Scenario>>,
    shown: Option<usize>,
    notes: Rc<Vec<Note>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

/// The most steps undo goes back.
pub const UNDO_DEPTH: usize = 200;

/// Everything that changes a session.
#[derive(Debug, Clone, PartialEq)]
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
    /// Hide a chart's series, or show it again.
    ToggleSeries(Series),
    /// A new empty scenario on the selected dataset, shown at once.
    NewScenario {
        name: String,
    },
    RenameScenario {
        index: usize,
        name: String,
    },
    /// A copy of a scenario under a new name, shown at once.
    DuplicateScenario {
        index: usize,
        name: String,
    },
    DeleteScenario(usize),
    /// Show a scenario, or the base (`None`).
    ShowScenario(Option<usize>),
    /// An edit added to the scenario shown; with none shown, to a new one named `name`.
    AddEdit {
        edit: Edit,
        name: String,
    },
    /// The edit at this place of the scenario shown, removed.
    RemoveEdit(usize),
    Undo,
    Redo,
    /// The workspace kept on this machine, read back after a reload: its datasets,
    /// scenarios, mapping and basis take the place of the opening ones, then the page's
    /// link (if any) is followed.
    Restore {
        package: Box<Package>,
        route: Option<Route>,
    },
    /// Everything kept on this machine is forgotten: the sample, no scenarios, no mapping,
    /// no basis.
    Forget,
    /// Go where a link (the URL fragment) points.
    Navigate(Route),
    /// Sets the note on a place; an empty text removes it.
    SetNote {
        on: NoteOn,
        text: String,
    },
}

/// What a session keeps on this machine between visits; the browser saves it when it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub mapping: Rc<Mapping>,
    pub basis: Rc<Basis>,
}

fn toggled<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl Session {
    /// A session over `sample` (the embedded Heinola data, or why it could not be read), on
    /// its default node, in Finnish, with what the user kept from earlier visits.
    pub fn new(
        sample: Result<Dataset, PackageError>,
        default_node: &str,
        mapping: Mapping,
        basis: Basis,
    ) -> Session {
        let (loaded, load_error) = match sample {
            Ok(dataset) => (vec![Loaded::new(dataset)], None),
            Err(error) => (Vec::new(), Some(error)),
        };
        let loaded = Rc::new(loaded);
        Session {
            opening: loaded.clone(),
            loaded,
            selection: Selection {
                node: default_node.to_string(),
                ..Selection::default()
            },
            lang: Lang::default(),
            load_error,
            import: Import::default(),
            mapping: Rc::new(mapping),
            basis: Rc::new(basis),
            scenarios: Rc::new(Vec::new()),
            notes: Rc::new(Vec::new()),
            missing_dataset: None,
            history: History::default(),
        }
    }

    /// The scenario shown, if any.
    pub fn scenario(&self) -> Option<&Scenario> {
        self.selection.scenario.and_then(|i| self.scenarios.get(i))
    }

    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            scenarios: self.scenarios.clone(),
            shown: self.selection.scenario,
            notes: self.notes.clone(),
        }
    }

    /// Puts back the scenarios of `snapshot`, and the notes of those that come back.
    fn restore_snapshot(&mut self, snapshot: Snapshot) {
        let names = |all: &[Scenario]| all.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        let (now, restored) = (names(&self.scenarios), names(&snapshot.scenarios));
        let notes = crate::notes::scenarios_restored(
            &self.notes,
            &now.iter().map(String::as_str).collect::<Vec<_>>(),
            &restored.iter().map(String::as_str).collect::<Vec<_>>(),
            &snapshot.notes,
        );
        if notes != *self.notes {
            self.notes = Rc::new(notes);
        }
        self.scenarios = snapshot.scenarios;
        self.selection.scenario = snapshot.shown;
    }

    /// Keeps the scenarios as they are for undo, before they change.
    fn remember(&mut self) {
        let now = self.snapshot();
        let history = &mut self.history;
        history.undo.push(now);
        if history.undo.len() > UNDO_DEPTH {
            history.undo.remove(0);
        }
        history.redo.clear();
    }

    /// Changes the scenarios (and the one shown) as `change` does, remembered for undo.
    fn edit_scenarios(&mut self, change: impl FnOnce(&mut Vec<Scenario>, &mut Option<usize>)) {
        let mut scenarios = self.scenarios.as_ref().clone();
        let mut shown = self.selection.scenario;
        change(&mut scenarios, &mut shown);
        if scenarios != *self.scenarios || shown != self.selection.scenario {
            self.remember();
            self.scenarios = Rc::new(scenarios);
            self.selection.scenario = shown;
        }
    }

    /// An empty scenario on the selected dataset.
    fn new_scenario(&self, name: &str) -> Scenario {
        match self.current() {
            Some(loaded) => Scenario::new(name, &loaded.dataset),
            None => Scenario {
                name: name.to_string(),
                ..Scenario::default()
            },
        }
    }

    /// The session the app opens in: the embedded Heinola sample, Hyvinvointitoimiala.
    pub fn opening(mapping: Mapping, basis: Basis) -> Session {
        Session::new(
            crate::sample::heinola(),
            crate::sample::DEFAULT_NODE,
            mapping,
            basis,
        )
    }

    /// The selected dataset.
    pub fn current(&self) -> Option<&Loaded> {
        self.loaded.get(self.selection.dataset)
    }

    /// What to keep on this machine.
    pub fn kept(&self) -> Kept {
        Kept {
            mapping: self.mapping.clone(),
            basis: self.basis.clone(),
        }
    }

    /// Why nothing is shown, in the reader's language, when the sample could not be read.
    pub fn load_error_message(&self) -> Option<String> {
        self.load_error
            .as_ref()
            .map(|error| error.message(self.lang, "heinola.raami.json"))
    }

    /// The whole workspace as a package, to save as a file: every dataset loaded, the
    /// scenarios, the mapping, the basis and the view.
    pub fn workspace(&self) -> Package {
        let mut package = Package::new(
            self.loaded
                .iter()
                .map(|l| Dataset::clone(&l.dataset))
                .collect(),
        );
        package.scenarios = self.scenarios.as_ref().clone();
        package.notes = self.notes.as_ref().clone();
        package.workspace = Some(Workspace {
            mapping: Mapping::clone(&self.mapping),
            basis: Basis::clone(&self.basis),
            view: Some(self.route().to_fragment()),
        });
        package
    }

    /// The session with a kept workspace in place of the opening data.
    fn restore(&mut self, package: Package, route: Option<Route>) {
        if package.datasets.is_empty() {
            return;
        }
        self.loaded = Rc::new(package.datasets.into_iter().map(Loaded::new).collect());
        self.scenarios = Rc::new(package.scenarios);
        self.notes = Rc::new(package.notes);
        self.history = History::default();
        if let Some(workspace) = package.workspace {
            self.mapping = Rc::new(workspace.mapping);
            self.basis = Rc::new(workspace.basis);
        }
        let s = &mut self.selection;
        s.scenario = None;
        s.dataset = 0;
        let known = self
            .loaded
            .first()
            .is_some_and(|l| l.dataset.node(&s.node).is_some());
        if !known {
            s.node = self
                .loaded
                .first()
                .and_then(|l| l.dataset.roots().next())
                .map(|n| n.id.clone())
                .unwrap_or_default();
        }
        if let Some(route) = route {
            *self = self.navigated(route);
        }
    }

    /// Whether the session holds nothing of the user's own: the data it opened on, untouched,
    /// and no scenario (autosave then keeps nothing, so a newer sample shows).
    pub fn is_only_the_sample(&self) -> bool {
        self.scenarios.is_empty()
            && self.notes.is_empty()
            && Rc::ptr_eq(&self.loaded, &self.opening)
    }

    /// What autosave keeps: the datasets, scenarios, mapping and basis (the view is in the
    /// page's link).
    pub fn autosaved(&self) -> Package {
        let mut package = self.workspace();
        if let Some(workspace) = package.workspace.as_mut() {
            workspace.view = None;
        }
        package
    }

    /// What an export of the shown view states beside its figures: the unit and basis, the
    /// scenario shown with its edits told as sentences, and the link that opens the view.
    pub fn export_about(&self, link: &str) -> crate::export::About {
        let scenario = match (self.scenario(), self.current()) {
            (Some(scenario), Some(loaded)) => {
                let applied = crate::scenario::apply(&loaded.dataset, scenario);
                Some((
                    scenario.name.clone(),
                    crate::scenario::summary::sentences(
                        &loaded.dataset,
                        &scenario.edits,
                        &applied.outcomes,
                        self.lang,
                    ),
                ))
            }
            _ => None,
        };
        crate::export::About {
            unit: crate::analysis::basis::unit_label(&self.basis, self.lang),
            basis: crate::analysis::basis::described(&self.basis, self.lang),
            scenario,
            notes: self.notes_here(),
            link: Some(link.to_string()).filter(|l| !l.is_empty()),
        }
    }

    /// The notes that concern what is shown: the selected node and its lines, and the
    /// scenario shown; each with its place told.
    pub fn notes_here(&self) -> Vec<(String, String)> {
        self.notes_shown()
            .into_iter()
            .map(|note| (self.describe_note(&note.on), note.text.clone()))
            .collect()
    }

    /// The notes on the selected node, its lines and the scenario shown.
    pub fn notes_shown(&self) -> Vec<&Note> {
        let dataset = self.current().map(|l| l.dataset.id.as_str()).unwrap_or("");
        let scenario = self.scenario().map(|s| s.name.as_str());
        self.notes
            .iter()
            .filter(|note| match &note.on {
                NoteOn::Scenario { name } => Some(name.as_str()) == scenario,
                on => on.is_on_node(dataset, &self.selection.node),
            })
            .collect()
    }

    /// Where a note is, told by name.
    pub fn describe_note(&self, on: &NoteOn) -> String {
        let datasets: Vec<&Dataset> = self.loaded.iter().map(|l| l.dataset.as_ref()).collect();
        on.describe(&datasets, self.lang)
    }

    /// The route of this session, for the URL fragment.
    pub fn route(&self) -> Route {
        let s = &self.selection;
        Route {
            view: s.view,
            dataset: self
                .current()
                .map(|l| l.dataset.id.clone())
                .unwrap_or_default(),
            node: s.node.clone(),
            lang: self.lang,
            change: s.change.clone(),
            line: s.line,
            column: s.column.clone(),
            measure: s.measure,
            order: s.order,
            per_resident: self.basis.per_resident,
            real_year: self.basis.real_year,
            hidden_kinds: s.hidden_kinds.clone(),
            hidden_units: s.hidden_units.clone(),
            scenario: self
                .scenario()
                .map(|scenario| (scenario.name.clone(), scenario.edits.clone())),
        }
    }

    /// This session moved to `route`; a dataset or node that names nothing loaded is left
    /// as it was.
    pub fn navigated(&self, route: Route) -> Session {
        let mut next = self.clone();
        next.missing_dataset = (!route.dataset.is_empty()
            && !self.loaded.iter().any(|l| l.dataset.id == route.dataset))
        .then(|| route.clone());
        let s = &mut next.selection;
        s.view = route.view;
        if let Some(index) = self
            .loaded
            .iter()
            .position(|l| l.dataset.id == route.dataset)
        {
            s.dataset = index;
            if self.loaded[index].dataset.node(&route.node).is_some() {
                s.node = route.node;
            }
        }
        s.change = route.change;
        s.line = route.line;
        s.column = route.column;
        s.order = route.order;
        s.measure = route.measure;
        s.hidden_kinds = route.hidden_kinds;
        s.hidden_units = route.hidden_units;
        next.lang = route.lang;
        // The link's scenario is shown with the link's edits: one of that name takes them,
        // else it is made on the selected dataset. No scenario in the link is the base.
        match route.scenario {
            None => next.selection.scenario = None,
            Some((name, edits)) => {
                let mut scenarios = next.scenarios.as_ref().clone();
                let index = match scenarios.iter().position(|s| s.name == name) {
                    Some(index) => index,
                    None => {
                        scenarios.push(next.new_scenario(&name));
                        scenarios.len().saturating_sub(1)
                    }
                };
                if let Some(scenario) = scenarios.get_mut(index) {
                    scenario.edits = edits;
                }
                if scenarios != *next.scenarios {
                    next.scenarios = Rc::new(scenarios);
                }
                next.selection.scenario = Some(index);
            }
        }
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

    /// Applies `action`; whether anything changed (an action that changes nothing leaves the
    /// session as it was, so nothing is painted again).
    pub fn apply(&mut self, action: Action) -> bool {
        let before = self.clone();
        self.change(action);
        !self.same(&before)
    }

    /// Whether two sessions are the same: the shared parts compared by identity (each is
    /// replaced only when it changes), so no dataset is compared figure by figure.
    fn same(&self, other: &Session) -> bool {
        let pending = match (&self.import.pending, &other.import.pending) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && Rc::ptr_eq(&self.mapping, &other.mapping)
            && Rc::ptr_eq(&self.basis, &other.basis)
            && Rc::ptr_eq(&self.scenarios, &other.scenarios)
            && Rc::ptr_eq(&self.notes, &other.notes)
            && self.history.undo.len() == other.history.undo.len()
            && self.history.redo.len() == other.history.redo.len()
            && pending
            && self.selection == other.selection
            && self.missing_dataset == other.missing_dataset
            && self.lang == other.lang
            && self.load_error == other.load_error
            && self.import.reading == other.import.reading
            && self.import.running == other.import.running
    }

    fn change(&mut self, action: Action) {
        let s = &mut self.selection;
        match action {
            Action::SelectNode { dataset, node } => {
                let known = self
                    .loaded
                    .get(dataset)
                    .is_some_and(|l| l.dataset.node(&node).is_some());
                if known {
                    // The change pair is kept: a pair the new node lacks falls back to its
                    // default in the table.
                    s.dataset = dataset;
                    s.node = node;
                }
            }
            Action::SetLang(lang) => self.lang = lang,
            Action::SetChange { base, target } => s.change = Some((base, target)),
            Action::StartReading => {
                let import = &mut self.import;
                import.reading = Some(0.0);
                if import.running == 0 {
                    import.pending = None;
                }
                import.running = import.running.saturating_add(1);
            }
            Action::StartReadingAgain => self.import.reading = Some(0.0),
            Action::Progress(done) => {
                if self.import.reading.is_some() {
                    self.import.reading = Some(done);
                }
            }
            Action::Read(pending) => {
                self.import.reading = None;
                self.import.pending = Some(Rc::new(pending));
            }
            Action::ReadDone(pending) => {
                let import = &mut self.import;
                import.running = import.running.saturating_sub(1);
                if import.running == 0 {
                    import.reading = None;
                }
                let merged = match import.pending.take() {
                    Some(earlier) => {
                        let mut merged = Rc::unwrap_or_clone(earlier);
                        merged.files.extend(pending.files);
                        merged.sources.extend(pending.sources);
                        merged
                    }
                    None => pending,
                };
                import.pending = Some(Rc::new(merged));
            }
            Action::ReadAgain(again) => {
                self.import.reading = None;
                if let Some(current) = self.import.pending.take() {
                    let mut merged = Rc::unwrap_or_clone(current);
                    for file in again.files {
                        match merged.files.iter_mut().find(|f| f.name == file.name) {
                            Some(slot) => *slot = file,
                            None => merged.files.push(file),
                        }
                    }
                    self.import.pending = Some(Rc::new(merged));
                }
            }
            Action::RenamePending {
                file,
                dataset,
                name,
            } => {
                let name = name.trim().to_string();
                let Some(current) = self.import.pending.as_ref() else {
                    return;
                };
                let target = current
                    .files
                    .get(file)
                    .and_then(|f| f.outcome.as_ref().ok())
                    .and_then(|datasets| datasets.get(dataset));
                if name.is_empty() || target.is_none_or(|read| read.loaded.dataset.name == name) {
                    return;
                }
                let mut renamed = Pending::clone(current);
                if let Some(read) = renamed
                    .files
                    .get_mut(file)
                    .and_then(|f| f.outcome.as_mut().ok())
                    .and_then(|datasets| datasets.get_mut(dataset))
                {
                    let mut data = Dataset::clone(&read.loaded.dataset);
                    data.name = name;
                    read.loaded = Loaded::new(data);
                }
                self.import.pending = Some(Rc::new(renamed));
            }
            Action::Accept { replace } => self.accept(replace),
            Action::Cancel => self.import = Import::default(),
            Action::SetBreakdown { line, column } => {
                s.line = Some(line);
                s.column = Some(column);
            }
            Action::OpenBreakdown { line, column } => {
                s.line = Some(line);
                s.column = Some(column);
                s.view = View::Breakdown;
            }
            Action::SetOrder(order) => s.order = order,
            Action::SetMeasure(measure) => s.measure = measure,
            Action::SetColumn(column) => s.column = Some(column),
            Action::SetLine(line) => s.line = Some(line),
            Action::SetView(view) => s.view = view,
            Action::ToggleSeries(Series::Kind(kind)) => toggled(&mut s.hidden_kinds, kind),
            Action::ToggleSeries(Series::Unit(unit)) => toggled(&mut s.hidden_units, unit),
            Action::SetBasis(basis) => {
                if basis != *self.basis {
                    self.basis = Rc::new(basis);
                }
            }
            Action::SetMapping(mapping) => {
                if mapping != *self.mapping {
                    self.mapping = Rc::new(mapping);
                }
            }
            Action::Navigate(route) => {
                if route != self.route() {
                    *self = self.navigated(route);
                }
            }
            Action::NewScenario { name } => {
                let scenario = self.new_scenario(name.trim());
                self.edit_scenarios(|all, shown| {
                    all.push(scenario);
                    *shown = Some(all.len().saturating_sub(1));
                });
            }
            Action::RenameScenario { index, name } => {
                let name = name.trim().to_string();
                // The notes move after the scenarios change, so undo knows them as they were.
                let notes = match self.scenarios.get(index) {
                    Some(old) if !name.is_empty() && old.name != name => Some(
                        crate::notes::scenario_renamed(&self.notes, &old.name, Some(&name)),
                    ),
                    _ => None,
                };
                if !name.is_empty() {
                    self.edit_scenarios(|all, _| {
                        if let Some(scenario) = all.get_mut(index) {
                            scenario.name = name;
                        }
                    });
                }
                if let Some(notes) = notes.filter(|n| *n != *self.notes) {
                    self.notes = Rc::new(notes);
                }
            }
            Action::DuplicateScenario { index, name } => self.edit_scenarios(|all, shown| {
                if let Some(original) = all.get(index) {
                    let copy = Scenario {
                        name: name.trim().to_string(),
                        ..original.clone()
                    };
                    all.push(copy);
                    *shown = Some(all.len().saturating_sub(1));
                }
            }),
            Action::DeleteScenario(index) => {
                let notes = self
                    .scenarios
                    .get(index)
                    .map(|old| crate::notes::scenario_renamed(&self.notes, &old.name, None));
                self.delete_scenario(index);
                if let Some(notes) = notes.filter(|n| *n != *self.notes) {
                    self.notes = Rc::new(notes);
                }
            }
            Action::ShowScenario(index) => {
                if index.is_none_or(|i| i < self.scenarios.len()) {
                    s.scenario = index;
                }
            }
            Action::AddEdit { edit, name } => {
                let fresh = self.new_scenario(name.trim());
                self.edit_scenarios(|all, shown| {
                    let index = match *shown {
                        Some(i) if i < all.len() => i,
                        _ => {
                            all.push(fresh);
                            all.len().saturating_sub(1)
                        }
                    };
                    if let Some(scenario) = all.get_mut(index) {
                        scenario.edits.push(edit);
                    }
                    *shown = Some(index);
                });
            }
            Action::RemoveEdit(at) => self.edit_scenarios(|all, shown| {
                if let Some(scenario) = shown.and_then(|i| all.get_mut(i))
                    && at < scenario.edits.len()
                {
                    scenario.edits.remove(at);
                }
            }),
            Action::Restore { package, route } => self.restore(*package, route),
            Action::SetNote { on, text } => {
                let notes = crate::notes::set(&self.notes, on, &text);
                if notes != *self.notes {
                    self.notes = Rc::new(notes);
                }
            }
            Action::Forget => {
                let lang = self.lang;
                *self = Session::opening(Mapping::default(), Basis::default());
                self.lang = lang;
            }
            Action::Undo => {
                if let Some(then) = self.history.undo.pop() {
                    let now = self.snapshot();
                    self.history.redo.push(now);
                    self.restore_snapshot(then);
                }
            }
            Action::Redo => {
                if let Some(then) = self.history.redo.pop() {
                    let now = self.snapshot();
                    self.history.undo.push(now);
                    self.restore_snapshot(then);
                }
            }
        }
    }

    fn delete_scenario(&mut self, index: usize) {
        self.edit_scenarios(|all, shown| {
            if index < all.len() {
                all.remove(index);
                *shown = match *shown {
                    Some(i) if i == index => None,
                    Some(i) if i > index => Some(i.saturating_sub(1)),
                    other => other,
                };
            }
        });
    }

    /// Accepts the pending import: its datasets join the loaded ones (or take their place),
    /// and the first of them opens on its top node, or on its goals when it has no figures.
    fn accept(&mut self, replace: bool) {
        let Some(pending) = self.import.pending.take() else {
            return;
        };
        let accepted: Vec<Loaded> = pending
            .files
            .iter()
            .filter_map(|f| f.outcome.as_ref().ok())
            .flatten()
            .map(|read| read.loaded.clone())
            .collect();
        let Some(first) = accepted.first() else {
            return;
        };
        let saved = pending.saved();
        let s = &mut self.selection;
        s.node = first
            .dataset
            .roots()
            .next()
            .map(|n| n.id.clone())
            .unwrap_or_default();
        if first.dataset.figures.is_empty() && !first.dataset.goals.is_empty() {
            s.view = View::Goals;
        }
        s.change = None;
        let mut loaded: Vec<Loaded> = if replace {
            Vec::new()
        } else {
            self.loaded.as_ref().clone()
        };
        s.dataset = loaded.len();
        loaded.extend(accepted);
        self.loaded = Rc::new(loaded);
        // The scenario shown was made on other data: the new data opens on its own figures.
        let id = self
            .loaded
            .get(self.selection.dataset)
            .map(|l| l.dataset.id.clone())
            .unwrap_or_default();
        let made_here = |scenario: &Scenario| {
            scenario.made_on.is_empty() || scenario.made_on.iter().any(|m| m.dataset == id)
        };
        if let Some(i) = self.selection.scenario
            && !self.scenarios.get(i).is_some_and(made_here)
        {
            self.selection.scenario = None;
        }
        if let Some(link) = self.missing_dataset.take()
            && self.loaded.iter().any(|l| l.dataset.id == link.dataset)
        {
            *self = self.navigated(link);
        }
        self.open_saved(&saved, replace);
    }

    /// A saved workspace's work joins the session: its scenarios (renamed where a scenario
    /// of the name is there), its mapping (merged); in place of what was loaded, also its
    /// basis and its view.
    fn open_saved(&mut self, saved: &[Rc<Saved>], replace: bool) {
        if saved.is_empty() {
            return;
        }
        let mut scenarios = if replace {
            Vec::new()
        } else {
            self.scenarios.as_ref().clone()
        };
        let mut mapping = Mapping::clone(&self.mapping);
        let mut view = None;
        let mut notes = if replace {
            Vec::new()
        } else {
            self.notes.as_ref().clone()
        };
        for one in saved {
            notes = crate::notes::merged(&notes, &one.notes);
            for scenario in &one.scenarios {
                let mut scenario = scenario.clone();
                let base = scenario.name.clone();
                let mut n = 2;
                while scenarios.iter().any(|s| s.name == scenario.name) {
                    scenario.name = format!("{base} ({n})");
                    n += 1;
                }
                scenarios.push(scenario);
            }
            if let Some(workspace) = &one.workspace {
                mapping.merge(&workspace.mapping);
                if replace {
                    self.basis = Rc::new(workspace.basis.clone());
                    view = view.or(workspace.view.clone());
                }
            }
        }
        if replace {
            self.history = History::default();
        }
        self.scenarios = Rc::new(scenarios);
        if notes != *self.notes {
            self.notes = Rc::new(notes);
        }
        if mapping != *self.mapping {
            self.mapping = Rc::new(mapping);
        }
        self.selection.scenario = None;
        if let Some(route) = view.as_deref().and_then(Route::parse) {
            *self = self.navigated(route);
        }
    }
}
