//! The workspace file (package version 2): everything a council member has, saved and opened
//! again with no digit changed; version 1 files still open; a newer version is refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;

use raami::analysis::basis::Basis;
use raami::i18n::Lang;
use raami::import::mapping::{LineTarget, Mapping};
use raami::import::{Options, import_file};
use raami::model::Line;
use raami::notes::NoteOn;
use raami::package::{PackageError, VERSION, read_package, write_package};
use raami::route::View;
use raami::scenario::spec::parse_edit;
use raami::session::{Action, Pending, ReadDataset, ReadFile, Session};

fn read(name: &str, bytes: &[u8]) -> Pending {
    let outcome = import_file(name, bytes, &Options::default())
        .map(|all| all.into_iter().map(ReadDataset::new).collect());
    Pending {
        files: vec![ReadFile {
            name: name.to_string(),
            outcome,
        }],
        sources: vec![(name.to_string(), Rc::new(bytes.to_vec()))],
    }
}

/// A session with every kind of content: a second dataset (Kauhava's statement 2024), a
/// scenario of two edits, a mapping, a population with per-resident figures, a view and a
/// language.
fn worked_session() -> (Session, Mapping, Basis) {
    let mut session = Session::opening(Mapping::default(), Basis::default());
    // Kauhava's income statement 2024 beside the sample.
    let name = "kauhava-tilinpaatos-2024-tuloslaskelma.txt";
    let bytes = std::fs::read(format!("tests/fixtures/real/{name}")).unwrap();
    session.apply(Action::Read(read(name, &bytes)));
    session.apply(Action::Accept { replace: false });
    assert_eq!(session.loaded.len(), 2);
    // A scenario on the sample, a mapping, a population, a view.
    session.apply(Action::SelectNode {
        dataset: 0,
        node: "varhaiskasvatus".into(),
    });
    let sample = session.loaded[0].dataset.clone();
    for spec in [
        "Varhaiskasvatus:Palvelujen ostot:TS2026:-5%",
        "hyvinvointitoimiala/*:henkilostokulut:TS2025+:+2,5%",
    ] {
        let edit = parse_edit(&sample, spec).unwrap();
        session.apply(Action::AddEdit {
            edit,
            name: "Säästöt 2026".into(),
        });
    }
    let mut mapping = Mapping::default();
    mapping.set_line("Sisäiset erät", LineTarget::Ignore);
    session.apply(Action::SetMapping(mapping.clone()));
    let mut basis = Basis::default();
    basis
        .population
        .insert(2026, "20 766".replace(' ', "").parse().unwrap());
    basis.per_resident = true;
    session.apply(Action::SetBasis(basis.clone()));
    session.apply(Action::SetView(View::Compare));
    // Notes on a line, on a node and on the scenario.
    for (on, text) in [
        (
            NoteOn::Line {
                dataset: "heinola".into(),
                node: "varhaiskasvatus".into(),
                line: Line::PalvelujenOstot,
            },
            "Kysy tästä lautakunnassa: miksi ostot kasvavat?",
        ),
        (
            NoteOn::Node {
                dataset: "heinola".into(),
                node: "hyvinvointitoimiala".into(),
            },
            "=Toimiala kokonaisuutena",
        ),
        (
            NoteOn::Scenario {
                name: "Säästöt 2026".into(),
            },
            "Esitetään valtuustoryhmälle",
        ),
    ] {
        session.apply(Action::SetNote {
            on,
            text: text.into(),
        });
    }
    assert_eq!(session.notes.len(), 3);
    session.apply(Action::SetLang(Lang::Sv));
    (session, mapping, basis)
}

/// The same datasets, scenarios, mapping, basis, selection and language.
fn assert_same_work(fresh: &Session, session: &Session, mapping: &Mapping, basis: &Basis) {
    let datasets = |s: &Session| {
        s.loaded
            .iter()
            .map(|l| l.dataset.as_ref().clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(datasets(fresh), datasets(session), "no digit changed");
    assert_eq!(fresh.scenarios, session.scenarios);
    assert_eq!(fresh.notes, session.notes);
    assert_eq!(*fresh.mapping, *mapping);
    assert_eq!(*fresh.basis, *basis);
    assert_eq!(fresh.selection, session.selection);
    assert_eq!(fresh.lang, Lang::Sv);
    assert_eq!(fresh.route(), session.route());
    // Kauhava's figures as printed: Verotulot TP 2024 33 595 351,41.
    let kauhava = &fresh.loaded[1].dataset;
    let root = kauhava.roots().next().unwrap().id.clone();
    assert_eq!(
        kauhava.figures[&root][&Line::Verotulot]["TP2024"],
        "33595351.41".parse().unwrap()
    );
}

#[test]
fn a_workspace_is_saved_and_opened_again_as_it_was() {
    let (session, mapping, basis) = worked_session();
    let file = write_package(&session.workspace());
    assert!(file.contains("\"version\": 2"), "{}", &file[..200]);
    // Opened in a fresh visit, in place of the sample.
    let mut fresh = Session::opening(Mapping::default(), Basis::default());
    fresh.apply(Action::Read(read("työtila.raami", file.as_bytes())));
    let pending = fresh.import.pending.clone().unwrap();
    assert_eq!(pending.datasets(), 2);
    assert_eq!(pending.saved()[0].scenarios.len(), 1);
    fresh.apply(Action::Accept { replace: true });
    assert_same_work(&fresh, &session, &mapping, &basis);
    // Beside what is loaded: the scenarios join, renamed where one of the name is there.
    let mut again = session.clone();
    again.apply(Action::Read(read("työtila.raami", file.as_bytes())));
    again.apply(Action::Accept { replace: false });
    let names: Vec<&str> = again.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Säästöt 2026", "Säästöt 2026 (2)"]);
}

#[test]
fn a_link_with_data_opens_the_same_work_in_a_fresh_visit() {
    let (session, mapping, basis) = worked_session();
    let link = format!(
        "https://raami.example.fi/heinola/{}",
        raami::share::data_link(&session.workspace())
    );
    assert!(
        link.len() < raami::share::SHARE_AS_FILE_ABOVE,
        "two documents and a scenario fit a link: {}",
        link.len()
    );
    // The address is read as a file is: what it holds is shown before anything changes.
    let mut fresh = Session::opening(Mapping::default(), Basis::default());
    fresh.apply(Action::Read(read("linkki", link.as_bytes())));
    let pending = fresh.import.pending.clone().unwrap();
    assert_eq!(pending.datasets(), 2);
    assert_eq!(pending.saved()[0].scenarios[0].name, "Säästöt 2026");
    assert_eq!(
        fresh.loaded.len(),
        1,
        "nothing replaced before the user chooses"
    );
    fresh.apply(Action::Accept { replace: true });
    assert_same_work(&fresh, &session, &mapping, &basis);
}

#[test]
fn a_broken_link_says_what_is_wrong_with_it() {
    let (session, _, _) = worked_session();
    let link = raami::share::data_link(&session.workspace());
    let message = |text: &str| {
        import_file("linkki", text.as_bytes(), &Options::default())
            .unwrap_err()
            .message(Lang::Fi)
    };
    assert_eq!(
        message(&link[..link.len() - 3]),
        "linkki: linkki loppuu kesken: siitä puuttuu osa (kopioi koko linkki uudelleen)"
    );
    assert!(
        message(&link.replacen("/1/", "/9/", 1))
            .contains("linkin versio on 9; tämä Raami avaa versioita 1 asti"),
    );
    // A link whose data is whole but is no package is refused as a package would be.
    let other = raami::share::data_link(&raami::package::Package {
        format: "muu".into(),
        ..raami::package::Package::new(Vec::new())
    });
    assert_eq!(
        message(&other),
        "linkki: tiedosto ei ole Raami-paketti: muoto on 'muu', odotettiin 'raami-package'"
    );
}

#[test]
fn a_version_1_package_opens_and_a_newer_one_is_refused() {
    // The embedded sample as version 1 wrote it (version 1 had datasets only, in the same
    // form).
    let v1 = raami::sample::HEINOLA_JSON.replacen("\"version\": 2", "\"version\": 1", 1);
    let v1 = v1.as_str();
    assert!(v1.contains("\"version\": 1"));
    let package = read_package(v1).unwrap();
    assert_eq!(package.version, VERSION);
    assert!(package.scenarios.is_empty() && package.workspace.is_none());
    let written = write_package(&package);
    assert!(written.contains("\"version\": 2"));
    assert_eq!(read_package(&written).unwrap().datasets, package.datasets);
    // Version 3 is refused naming both versions.
    let v3 = v1.replacen("\"version\": 1", "\"version\": 3", 1);
    let error = read_package(&v3).unwrap_err();
    assert_eq!(error, PackageError::UnsupportedVersion { found: 3 });
    let message = error.message(Lang::Fi, "uusi.raami");
    assert!(message.contains('3') && message.contains('2'), "{message}");
}

#[test]
fn a_kept_workspace_comes_back_after_a_reload_and_can_be_forgotten() {
    let mut session = Session::opening(Mapping::default(), Basis::default());
    let name = "kauhava-tilinpaatos-2024-tuloslaskelma.txt";
    let bytes = std::fs::read(format!("tests/fixtures/real/{name}")).unwrap();
    session.apply(Action::Read(read(name, &bytes)));
    session.apply(Action::Accept { replace: false });
    let sample = session.loaded[0].dataset.clone();
    let edit = parse_edit(&sample, "varhaiskasvatus:palvelujen_ostot:TS2026:-5%").unwrap();
    session.apply(Action::AddEdit {
        edit,
        name: "Säästöt".into(),
    });
    let link = session.route();
    // What autosave writes, read back by a fresh page that opens on the link.
    let kept = read_package(&write_package(&session.autosaved())).unwrap();
    assert_eq!(
        kept.workspace.as_ref().unwrap().view,
        None,
        "the view is the link's"
    );
    let mut reloaded = Session::opening(Mapping::default(), Basis::default());
    assert!(reloaded.apply(Action::Restore {
        package: Box::new(kept),
        route: Some(link)
    }));
    assert_eq!(reloaded.loaded.len(), 2);
    assert_eq!(reloaded.scenarios, session.scenarios);
    assert_eq!(reloaded.selection, session.selection);
    assert_eq!(reloaded.route(), session.route());
    // Forgetting leaves the sample alone, in the language in use.
    reloaded.apply(Action::SetLang(Lang::En));
    assert!(reloaded.apply(Action::Forget));
    assert_eq!(reloaded.loaded.len(), 1);
    assert!(reloaded.scenarios.is_empty());
    assert_eq!(reloaded.lang, Lang::En);
    assert_eq!(reloaded.selection.node, "hyvinvointitoimiala");
    assert!(reloaded.is_only_the_sample());
}
