//! The session natively: every action, what it changes and what it leaves alone, and the
//! route round trip from a session to its link and back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::rc::Rc;

use raami::analysis::across::Measure;
use raami::analysis::basis::Basis;
use raami::analysis::breakdown::SortBy;
use raami::i18n::Lang;
use raami::import::mapping::{LineTarget, Mapping};
use raami::import::{Options, import_file};
use raami::model::{ColumnKind, Line};
use raami::route::{Route, View};
use raami::session::{Action, Pending, ReadDataset, ReadFile, Series, Session};

fn opening() -> Session {
    Session::opening(Mapping::default(), Basis::default())
}

/// A pending import of one file, read as the worker reads it.
fn pending(name: &str, text: &str) -> Pending {
    let outcome = import_file(name, text.as_bytes(), &Options::default())
        .map(|all| all.into_iter().map(ReadDataset::new).collect());
    Pending {
        files: vec![ReadFile {
            name: name.to_string(),
            outcome,
        }],
        sources: vec![(name.to_string(), Rc::new(text.as_bytes().to_vec()))],
    }
}

/// Kauhava's Toimintatuotot and Toimintakulut of TP 2023 and TA 2024 (its budget book
/// 2024, the city's income statement), as a two-column CSV.
const KAUHAVA: &str = "Kauhava;TP 2023;TA 2024\nToimintatuotot;32 081 000;30 460 000\nToimintakulut;-196 858 000;-205 395 000\n";

/// An operating plan's goals, no figures.
const GOALS: &str = "Palvelualue;Strateginen päämäärä;Tavoite;Mittari ja tavoitetaso;Vastuu;Toteuma 31.12.;Tila\nYhteiset palvelut;Elinvoimainen Heinola;Asiakastyytyväisyys paranee;Kysely 4/5;Hallintojohtaja;4,1;toteutuu\n";

fn apply(session: &mut Session, action: Action) -> bool {
    session.apply(action)
}

#[test]
fn the_app_opens_on_the_sample_in_finnish() {
    let session = opening();
    assert_eq!(session.loaded.len(), 1);
    assert_eq!(session.current().unwrap().dataset.id, "heinola");
    assert_eq!(session.selection.node, "hyvinvointitoimiala");
    assert_eq!(session.selection.view, View::Statement);
    assert_eq!(session.lang, Lang::Fi);
    assert_eq!(
        session.route().to_fragment(),
        "#/taulukko/heinola/hyvinvointitoimiala?lang=fi"
    );
    // A sample that cannot be read says why, in the reader's language.
    let broken = Session::new(
        raami::package::read_package("{").map(|p| p.datasets.into_iter().next().unwrap()),
        "x",
        Mapping::default(),
        Basis::default(),
    );
    assert!(broken.loaded.is_empty());
    let mut sv = broken.clone();
    sv.apply(Action::SetLang(Lang::Sv));
    assert_ne!(
        broken.load_error_message().unwrap(),
        sv.load_error_message().unwrap()
    );
}

#[test]
fn an_action_that_changes_nothing_says_so() {
    let mut session = opening();
    let before = session.clone();
    assert!(!apply(&mut session, Action::SetLang(Lang::Fi)));
    assert!(!apply(&mut session, Action::SetView(View::Statement)));
    assert!(!apply(&mut session, Action::SetOrder(SortBy::Organisation)));
    assert!(!apply(&mut session, Action::SetMeasure(Measure::Amount)));
    assert!(!apply(&mut session, Action::SetBasis(Basis::default())));
    assert!(!apply(&mut session, Action::SetMapping(Mapping::default())));
    assert!(
        !apply(&mut session, Action::Progress(0.5)),
        "nothing is being read"
    );
    assert!(
        !apply(&mut session, Action::Accept { replace: true }),
        "nothing is pending"
    );
    assert!(!apply(&mut session, Action::Cancel));
    assert!(!apply(
        &mut session,
        Action::RenamePending {
            file: 0,
            dataset: 0,
            name: "x".into()
        }
    ));
    // A node that is not there, or a dataset that is not there, is no selection.
    assert!(!apply(
        &mut session,
        Action::SelectNode {
            dataset: 0,
            node: "ei_ole".into()
        }
    ));
    assert!(!apply(
        &mut session,
        Action::SelectNode {
            dataset: 3,
            node: "hyvinvointitoimiala".into()
        }
    ));
    assert!(!apply(
        &mut session,
        Action::SelectNode {
            dataset: 0,
            node: "hyvinvointitoimiala".into()
        }
    ));
    let here = session.route();
    assert!(!apply(&mut session, Action::Navigate(here)));
    assert_eq!(session, before);
}

#[test]
fn each_choice_of_a_view_is_an_action() {
    let mut session = opening();
    assert!(apply(
        &mut session,
        Action::SelectNode {
            dataset: 0,
            node: "varhaiskasvatus".into()
        }
    ));
    assert!(apply(&mut session, Action::SetLang(Lang::En)));
    assert!(apply(
        &mut session,
        Action::SetChange {
            base: "TP2022".into(),
            target: "TA2024".into()
        }
    ));
    assert!(apply(&mut session, Action::SetLine(Line::Henkilostokulut)));
    assert!(apply(&mut session, Action::SetColumn("TS2026".into())));
    assert!(!apply(&mut session, Action::SetColumn("TS2026".into())));
    assert!(apply(&mut session, Action::SetOrder(SortBy::Change)));
    assert!(apply(&mut session, Action::SetMeasure(Measure::Share)));
    assert!(apply(&mut session, Action::SetView(View::Across)));
    let s = &session.selection;
    assert_eq!(s.node, "varhaiskasvatus");
    assert_eq!(s.change, Some(("TP2022".into(), "TA2024".into())));
    assert_eq!(
        (s.line, s.column.as_deref()),
        (Some(Line::Henkilostokulut), Some("TS2026"))
    );
    assert_eq!(
        (s.order, s.measure, s.view),
        (SortBy::Change, Measure::Share, View::Across)
    );
    // A bar drilled into opens the breakdown of its line and column.
    assert!(apply(
        &mut session,
        Action::OpenBreakdown {
            line: Line::Toimintakulut,
            column: "TA2024".into()
        }
    ));
    let s = &session.selection;
    assert_eq!(
        (s.view, s.line, s.column.as_deref()),
        (View::Breakdown, Some(Line::Toimintakulut), Some("TA2024"))
    );
    assert!(apply(
        &mut session,
        Action::SetBreakdown {
            line: Line::Toimintatuotot,
            column: "TP2022".into()
        }
    ));
    assert_eq!(session.selection.line, Some(Line::Toimintatuotot));
    // Basis: a new one replaces it, and is what the session keeps.
    let basis = Basis {
        per_resident: true,
        ..Basis::default()
    };
    assert!(apply(&mut session, Action::SetBasis(basis.clone())));
    assert_eq!(*session.kept().basis, basis);
    let mut mapping = Mapping::default();
    mapping.set_line("Sisäiset erät", LineTarget::Ignore);
    assert!(apply(&mut session, Action::SetMapping(mapping.clone())));
    assert_eq!(*session.kept().mapping, mapping);
}

#[test]
fn a_legend_hides_a_series_and_shows_it_again() {
    let mut session = opening();
    assert!(apply(
        &mut session,
        Action::ToggleSeries(Series::Kind(ColumnKind::Ts))
    ));
    assert!(apply(
        &mut session,
        Action::ToggleSeries(Series::Unit("hallinto".into()))
    ));
    assert_eq!(
        session.selection.hidden_kinds,
        BTreeSet::from([ColumnKind::Ts])
    );
    let fragment = session.route().to_fragment();
    assert!(
        fragment.ends_with("&piilo=TS&piiloyks=hallinto"),
        "{fragment}"
    );
    assert!(apply(
        &mut session,
        Action::ToggleSeries(Series::Kind(ColumnKind::Ts))
    ));
    assert!(apply(
        &mut session,
        Action::ToggleSeries(Series::Unit("hallinto".into()))
    ));
    assert_eq!(session.selection, opening().selection);
}

#[test]
fn a_session_round_trips_through_its_link() {
    let mut session = opening();
    for action in [
        Action::SelectNode {
            dataset: 0,
            node: "opetus_ja_koulutuspalvelut".into(),
        },
        Action::SetLang(Lang::Sv),
        Action::SetView(View::FollowUp),
        Action::SetChange {
            base: "TP2022".into(),
            target: "TS2026".into(),
        },
        Action::SetLine(Line::PalvelujenOstot),
        Action::SetColumn("TA2024".into()),
        Action::SetOrder(SortBy::Amount),
        Action::SetMeasure(Measure::Change),
        Action::ToggleSeries(Series::Kind(ColumnKind::Tp)),
        Action::ToggleSeries(Series::Unit("varhaiskasvatus".into())),
        Action::SetBasis(Basis {
            real_year: Some(2024),
            ..Basis::default()
        }),
    ] {
        assert!(session.apply(action));
    }
    let link = session.route().to_fragment();
    let opened = opening().navigated(Route::parse(&link).unwrap());
    assert_eq!(opened.selection, session.selection);
    assert_eq!(opened.lang, Lang::Sv);
    assert_eq!(opened.basis.real_year, Some(2024));
    assert_eq!(opened.route(), session.route());
    // A link to a dataset that is not loaded, or a node that is not there, keeps what was
    // selected and takes the rest.
    let mut route = session.route();
    route.dataset = "lapua".into();
    let moved = opening().navigated(route);
    assert_eq!(moved.selection.node, "hyvinvointitoimiala");
    assert_eq!(moved.selection.view, View::FollowUp);
    let mut route = session.route();
    route.node = "ei_ole".into();
    assert_eq!(
        opening().navigated(route).selection.node,
        "hyvinvointitoimiala"
    );
}

#[test]
fn an_import_is_read_then_accepted_beside_or_instead() {
    let mut session = opening();
    assert!(apply(&mut session, Action::StartReading));
    assert_eq!(session.import.reading, Some(0.0));
    assert!(apply(&mut session, Action::Progress(0.5)));
    assert!(apply(
        &mut session,
        Action::ReadDone(pending("kauhava_2024.csv", KAUHAVA))
    ));
    assert_eq!(session.import.reading, None);
    let waiting = session.import.pending.clone().unwrap();
    assert_eq!(waiting.datasets(), 1);
    // Nothing loaded changes until the user decides.
    assert_eq!(session.loaded.len(), 1);
    assert!(apply(
        &mut session,
        Action::RenamePending {
            file: 0,
            dataset: 0,
            name: "  Kauhava TA 2024 ".into()
        }
    ));
    assert!(!apply(
        &mut session,
        Action::RenamePending {
            file: 0,
            dataset: 0,
            name: "   ".into()
        }
    ));
    assert!(apply(&mut session, Action::Accept { replace: false }));
    assert_eq!(session.loaded.len(), 2);
    let opened = session.current().unwrap();
    assert_eq!(opened.dataset.name, "Kauhava TA 2024");
    let kulut = opened.dataset.figures[&session.selection.node][&Line::Toimintakulut]["TA2024"];
    assert_eq!(kulut, "-205395000".parse().unwrap());
    assert_eq!(session.selection.dataset, 1);
    assert!(session.import.pending.is_none());
    // Instead of what was loaded: only the new dataset stays.
    apply(&mut session, Action::StartReading);
    apply(
        &mut session,
        Action::ReadDone(pending("kauhava_2024.csv", KAUHAVA)),
    );
    assert!(apply(&mut session, Action::Accept { replace: true }));
    assert_eq!(session.loaded.len(), 1);
    assert_eq!(session.selection.dataset, 0);
    assert_eq!(session.current().unwrap().dataset.name, "kauhava_2024");
}

#[test]
fn imports_started_while_one_runs_join_its_summary() {
    let mut session = opening();
    apply(&mut session, Action::StartReading);
    apply(&mut session, Action::StartReading);
    assert_eq!(session.import.running, 2);
    apply(
        &mut session,
        Action::ReadDone(pending("kauhava_2024.csv", KAUHAVA)),
    );
    assert_eq!(session.import.reading, Some(0.0), "one is still being read");
    apply(
        &mut session,
        Action::ReadDone(pending("tavoitteet_2025.csv", GOALS)),
    );
    assert_eq!(session.import.reading, None);
    let both = session.import.pending.clone().unwrap();
    assert_eq!(
        both.files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        ["kauhava_2024.csv", "tavoitteet_2025.csv"]
    );
    assert_eq!(both.source("tavoitteet_2025.csv").len(), 1);
    // A file read again (another sheet) takes its own place.
    apply(&mut session, Action::StartReadingAgain);
    apply(
        &mut session,
        Action::ReadAgain(pending(
            "kauhava_2024.csv",
            "Kauhava;TP 2023\nToimintatuotot;32 081 000\n",
        )),
    );
    let again = session.import.pending.clone().unwrap();
    assert_eq!(again.files.len(), 2);
    assert_eq!(again.files[0].name, "kauhava_2024.csv");
    // Stopping forgets the import and what was being read.
    apply(&mut session, Action::StartReading);
    assert!(apply(&mut session, Action::Cancel));
    assert_eq!(session.import, Default::default());
}

#[test]
fn a_file_of_goals_alone_opens_on_its_goals() {
    let mut session = opening();
    apply(
        &mut session,
        Action::SetChange {
            base: "TP2022".into(),
            target: "TS2026".into(),
        },
    );
    apply(
        &mut session,
        Action::Read(pending("tavoitteet_2025.csv", GOALS)),
    );
    assert!(apply(&mut session, Action::Accept { replace: false }));
    assert_eq!(session.selection.view, View::Goals);
    assert_eq!(session.selection.node, "yhteiset_palvelut");
    assert_eq!(session.selection.change, None);
    // A file that gave nothing leaves what is loaded as it was.
    let before = session.loaded.clone();
    apply(&mut session, Action::Read(pending("tyhja.csv", "")));
    apply(&mut session, Action::Accept { replace: true });
    assert_eq!(session.loaded, before);
}

fn wages(percent: &str) -> raami::scenario::Edit {
    raami::scenario::Edit::Line {
        target: raami::scenario::Target::UnitsUnder("hyvinvointitoimiala".into()),
        line: Line::Henkilostokulut,
        columns: raami::scenario::Columns::One("TS2026".into()),
        change: raami::scenario::Change::Percent(percent.parse().unwrap()),
    }
}

#[test]
fn scenarios_are_made_edited_and_undone() {
    let mut session = opening();
    assert!(!session.can_undo());
    // An edit with no scenario shown makes one.
    assert!(apply(
        &mut session,
        Action::AddEdit {
            edit: wages("3"),
            name: "Skenaario 1".into()
        }
    ));
    assert_eq!(session.scenarios.len(), 1);
    assert_eq!(session.scenario().unwrap().name, "Skenaario 1");
    assert_eq!(session.scenario().unwrap().made_on[0].dataset, "heinola");
    assert!(apply(
        &mut session,
        Action::AddEdit {
            edit: wages("1"),
            name: "x".into()
        }
    ));
    assert_eq!(session.scenario().unwrap().edits.len(), 2);
    assert!(apply(&mut session, Action::RemoveEdit(0)));
    assert_eq!(session.scenario().unwrap().edits, [wages("1")]);
    assert!(!apply(&mut session, Action::RemoveEdit(5)));
    // Undo and redo step through the edits.
    assert!(apply(&mut session, Action::Undo));
    assert_eq!(session.scenario().unwrap().edits.len(), 2);
    assert!(apply(&mut session, Action::Undo));
    assert!(apply(&mut session, Action::Undo));
    assert!(session.scenarios.is_empty());
    assert_eq!(session.selection.scenario, None);
    assert!(!apply(&mut session, Action::Undo), "nothing more to undo");
    assert!(apply(&mut session, Action::Redo));
    assert!(apply(&mut session, Action::Redo));
    assert_eq!(session.scenario().unwrap().edits.len(), 2);
    // A new change forgets what was undone.
    assert!(apply(&mut session, Action::Undo));
    assert!(apply(
        &mut session,
        Action::NewScenario {
            name: " Leikkaus ".into()
        }
    ));
    assert!(!session.can_redo());
    assert_eq!(session.scenario().unwrap().name, "Leikkaus");
    assert_eq!(session.scenarios.len(), 2);
    // Rename, duplicate, delete.
    assert!(apply(
        &mut session,
        Action::RenameScenario {
            index: 0,
            name: "Palkat".into()
        }
    ));
    assert!(!apply(
        &mut session,
        Action::RenameScenario {
            index: 0,
            name: "  ".into()
        }
    ));
    assert!(apply(
        &mut session,
        Action::DuplicateScenario {
            index: 0,
            name: "Palkat (kopio)".into()
        }
    ));
    assert_eq!(session.selection.scenario, Some(2));
    assert_eq!(session.scenario().unwrap().edits, [wages("3")]);
    assert!(apply(&mut session, Action::DeleteScenario(0)));
    assert_eq!(
        session.selection.scenario,
        Some(1),
        "the one shown keeps being shown"
    );
    assert_eq!(session.scenario().unwrap().name, "Palkat (kopio)");
    // The base is one action away, and the scenario another.
    assert!(apply(&mut session, Action::ShowScenario(None)));
    assert_eq!(session.scenario(), None);
    assert!(!apply(&mut session, Action::ShowScenario(Some(9))));
    assert!(apply(&mut session, Action::ShowScenario(Some(1))));
}

#[test]
fn the_scenario_shown_travels_in_the_link() {
    let mut session = opening();
    apply(
        &mut session,
        Action::AddEdit {
            edit: wages("3"),
            name: "Palkat + 3 %".into(),
        },
    );
    apply(
        &mut session,
        Action::AddEdit {
            edit: wages("-0,5".replace(',', ".").as_str()),
            name: String::new(),
        },
    );
    let link = session.route().to_fragment();
    // A fresh visit with the link: the same scenario, made on the same data.
    let opened = opening().navigated(Route::parse(&link).unwrap());
    assert_eq!(opened.scenario().unwrap().name, "Palkat + 3 %");
    assert_eq!(
        opened.scenario().unwrap().edits,
        session.scenario().unwrap().edits
    );
    assert_eq!(
        opened.scenario().unwrap().made_on,
        session.scenario().unwrap().made_on
    );
    // Back to the link of one edit: the scenario of that name has one edit again.
    let mut one = session.clone();
    apply(&mut one, Action::RemoveEdit(1));
    let back = one.route();
    assert!(apply(&mut session, Action::Navigate(back)));
    assert_eq!(session.scenario().unwrap().edits, [wages("3")]);
    assert_eq!(session.scenarios.len(), 1);
    // A link without a scenario shows the base and keeps the scenarios.
    let mut base = session.route();
    base.scenario = None;
    assert!(apply(&mut session, Action::Navigate(base)));
    assert_eq!(session.scenario(), None);
    assert_eq!(session.scenarios.len(), 1);
}

#[test]
fn a_link_to_data_not_loaded_says_so_and_is_followed_once_the_file_is_opened() {
    // A link made on Kauhava's file, opened where only the sample is.
    let link = Route::parse("#/taulukko/kauhava_2024/kauhava?lang=fi&line=toimintakulut").unwrap();
    let opened = opening().navigated(link);
    assert_eq!(
        opened.missing_dataset.as_ref().map(|r| r.dataset.as_str()),
        Some("kauhava_2024")
    );
    assert_eq!(
        opened.current().unwrap().dataset.id,
        "heinola",
        "the sample stays shown"
    );
    // The reader opens the file: the link's view follows.
    let mut session = opened;
    apply(
        &mut session,
        Action::Read(pending("kauhava_2024.csv", KAUHAVA)),
    );
    apply(&mut session, Action::Accept { replace: false });
    assert_eq!(session.missing_dataset, None);
    assert_eq!(session.current().unwrap().dataset.id, "kauhava_2024");
    assert_eq!(session.selection.line, Some(Line::Toimintakulut));
    // A link to what is loaded asks for nothing.
    assert_eq!(opening().navigated(opening().route()).missing_dataset, None);
}

/// The opening session with a scenario "Säästöt" shown: Varhaiskasvatus, Palvelujen ostot
/// TS 2026 −5 %.
fn with_savings() -> Session {
    let mut session = opening();
    let sample = session.loaded[0].dataset.clone();
    let edit =
        raami::scenario::spec::parse_edit(&sample, "Varhaiskasvatus:Palvelujen ostot:TS2026:-5%")
            .unwrap();
    apply(
        &mut session,
        Action::AddEdit {
            edit,
            name: "Säästöt".into(),
        },
    );
    session
}

#[test]
fn data_added_beside_opens_on_its_own_figures_not_on_a_scenario_of_other_data() {
    let mut session = with_savings();
    assert_eq!(session.selection.scenario, Some(0));
    let name = "kauhava-tilinpaatos-2024-tuloslaskelma.txt";
    let bytes = std::fs::read(format!("tests/fixtures/real/{name}")).unwrap();
    apply(
        &mut session,
        Action::Read(pending(name, &String::from_utf8(bytes).unwrap())),
    );
    apply(&mut session, Action::Accept { replace: false });
    assert_eq!(session.selection.dataset, 1);
    assert_eq!(
        session.selection.scenario, None,
        "Kauhava opens on its own figures"
    );
    assert_eq!(
        session.scenarios.len(),
        1,
        "the scenario stays for the sample"
    );
}

#[test]
fn notes_follow_their_scenario_and_show_where_they_belong() {
    use raami::notes::NoteOn;
    let mut session = with_savings();
    let line = NoteOn::Line {
        dataset: "heinola".into(),
        node: "varhaiskasvatus".into(),
        line: Line::PalvelujenOstot,
    };
    for (on, text) in [
        (line.clone(), "kysy tästä lautakunnassa"),
        (
            NoteOn::Scenario {
                name: "Säästöt".into(),
            },
            "ryhmälle",
        ),
    ] {
        assert!(apply(
            &mut session,
            Action::SetNote {
                on,
                text: text.into()
            }
        ));
    }
    // On Hyvinvointitoimiala only the scenario's note concerns what is shown.
    assert_eq!(
        session.notes_here(),
        [("Skenaario: Säästöt".to_string(), "ryhmälle".to_string())]
    );
    apply(
        &mut session,
        Action::SelectNode {
            dataset: 0,
            node: "varhaiskasvatus".into(),
        },
    );
    let about = session.export_about("");
    assert_eq!(
        about.notes[0],
        (
            "Varhaiskasvatus: Palvelujen ostot".to_string(),
            "kysy tästä lautakunnassa".to_string()
        )
    );
    // Renamed, the scenario keeps its note; deleted, the note goes with it.
    apply(
        &mut session,
        Action::RenameScenario {
            index: 0,
            name: "Säästöt 2026".into(),
        },
    );
    assert!(session.notes.iter().any(|n| n.on
        == NoteOn::Scenario {
            name: "Säästöt 2026".into()
        }));
    apply(&mut session, Action::DeleteScenario(0));
    assert_eq!(session.notes.len(), 1);
    // Undone, the deletion brings the scenario back with its note; a note written in
    // between stays. Undone again, the rename takes the note back to the old name; redone
    // twice, the scenario and its note are gone again.
    let scenario_note = |session: &Session, name: &str| {
        session
            .notes
            .iter()
            .find(|n| n.on == NoteOn::Scenario { name: name.into() })
            .map(|n| n.text.clone())
    };
    let node = NoteOn::Node {
        dataset: "heinola".into(),
        node: "varhaiskasvatus".into(),
    };
    apply(
        &mut session,
        Action::SetNote {
            on: node.clone(),
            text: "päiväkodit".into(),
        },
    );
    assert!(apply(&mut session, Action::Undo));
    assert_eq!(session.scenarios[0].name, "Säästöt 2026");
    assert_eq!(
        scenario_note(&session, "Säästöt 2026").as_deref(),
        Some("ryhmälle")
    );
    assert!(session.notes.iter().any(|n| n.on == node));
    assert!(apply(&mut session, Action::Undo));
    assert_eq!(
        scenario_note(&session, "Säästöt").as_deref(),
        Some("ryhmälle")
    );
    assert_eq!(scenario_note(&session, "Säästöt 2026"), None);
    assert!(apply(&mut session, Action::Redo));
    assert!(apply(&mut session, Action::Redo));
    assert!(session.scenarios.is_empty());
    assert_eq!(session.notes.len(), 2, "{:?}", session.notes);
    apply(
        &mut session,
        Action::SetNote {
            on: node,
            text: String::new(),
        },
    );
    assert_eq!(session.notes.len(), 1);
    // An empty text removes a note; removing nothing changes nothing.
    assert!(apply(
        &mut session,
        Action::SetNote {
            on: line.clone(),
            text: " ".into()
        }
    ));
    assert!(session.notes.is_empty());
    assert!(!apply(
        &mut session,
        Action::SetNote {
            on: line,
            text: String::new()
        }
    ));
}
