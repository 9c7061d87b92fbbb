//! What-if scenarios over real figures: Heinola's sector budget (seed 004, the embedded
//! sample) and Kauhava's income statement 2024. Every expected figure is the document's
//! figure with the change worked out by hand (shares to the cent: the part's figure times
//! the change over the total, rounded half away from zero, the remainder to the largest).

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use rust_decimal::Decimal;

use raami::analysis::validate::validate;
use raami::analysis::values::Values;
use raami::i18n::Lang;
use raami::import::{Options, import_file};
use raami::model::{Dataset, Line};
use raami::scenario::seek::{Goal, Lever, SeekError, seek};
use raami::scenario::spec::{SpecError, parse_edit};
use raami::scenario::summary::sentences;
use raami::scenario::{
    Applied, Change, Columns, Edit, NotApplied, Scenario, Target, apply, changed_figures,
};

fn heinola() -> Dataset {
    raami::sample::heinola().unwrap()
}

fn kauhava() -> Dataset {
    let name = "kauhava-tilinpaatos-2024-tuloslaskelma.txt";
    let bytes = std::fs::read(format!("tests/fixtures/real/{name}")).unwrap();
    import_file(name, &bytes, &Options::default())
        .unwrap()
        .remove(0)
        .dataset
}

fn d(text: &str) -> Decimal {
    text.replace(' ', "").replace(',', ".").parse().unwrap()
}

fn with(dataset: &Dataset, specs: &[&str]) -> Applied {
    let edits = specs
        .iter()
        .map(|spec| parse_edit(dataset, spec).unwrap())
        .collect();
    let scenario = Scenario {
        edits,
        ..Scenario::new("testi", dataset)
    };
    apply(dataset, &scenario)
}

fn value(dataset: &Dataset, org: &str, line: Line, column: &str) -> Decimal {
    Values::new(dataset)
        .value(org, line, column)
        .map(|v| v.amount)
        .unwrap_or_else(|| panic!("{org} {line:?} {column}"))
}

fn root(dataset: &Dataset) -> String {
    dataset.roots().next().unwrap().id.clone()
}

#[test]
fn wages_up_three_per_cent_in_every_unit_of_the_sector() {
    // The check, by hand: 3 % of each service area's Henkilöstökulut TS 2026
    // (490 300, 12 225 700, 6 246 500, 1 629 800) is 14 709 + 366 771 + 187 395 + 48 894
    // = 617 769.
    let base = heinola();
    let applied = with(&base, &["Hyvinvointitoimiala/*:henkilostokulut:TS2026:+3%"]);
    let data = &applied.dataset;
    let at = |org, line| value(data, org, line, "TS2026");
    assert_eq!(
        at("varhaiskasvatus", Line::Henkilostokulut),
        d("-6 433 895")
    );
    assert_eq!(at("varhaiskasvatus", Line::Toimintakate), d("-8 420 095"));
    assert_eq!(
        at("hyvinvointitoimiala", Line::Henkilostokulut),
        d("-21 210 069")
    );
    assert_eq!(
        at("hyvinvointitoimiala", Line::Toimintakate),
        d("-32 721 569")
    );
    assert_eq!(
        at("hyvinvointitoimiala", Line::TilikaudenTulos),
        d("-33 003 769")
    );
    // Other columns and lines are the document's.
    assert_eq!(
        value(data, "varhaiskasvatus", Line::Henkilostokulut, "TS2025"),
        d("-6 059 200")
    );
    assert_eq!(
        at("varhaiskasvatus", Line::PalvelujenOstot),
        d("-1 029 300")
    );
    // The effect told: on the node (the sector is its own top).
    let outcome = applied.outcomes[0].as_ref().unwrap();
    assert_eq!(
        outcome.node[0].delta(Line::TilikaudenTulos),
        Some(d("-617 769"))
    );
    assert_eq!(outcome.changed, [("TS2026".to_string(), d("-617 769"))]);
    // Still as consistent as the document: only its own rounding differences.
    assert!(validate(data).is_consistent());
    assert_eq!(
        validate(data).rounding().count(),
        validate(&base).rounding().count()
    );
}

#[test]
fn a_cut_of_a_subtotal_is_shared_by_its_parts_to_the_cent() {
    // Varhaiskasvatus Toimintakulut TS 2026 −100 000 €, over its parts 6 246 500,
    // 1 029 300, 82 300, 500 000 and 863 700 (8 721 800): 71 619,39 + 11 801,46 + 943,61 +
    // 5 732,76 + 9 902,77 = 99 999,99; the cent left goes to Henkilöstökulut.
    let base = heinola();
    let applied = with(&base, &["varhaiskasvatus:toimintakulut:TS2026:-100 000"]);
    let data = &applied.dataset;
    let at = |org, line| value(data, org, line, "TS2026");
    assert_eq!(
        at("varhaiskasvatus", Line::Henkilostokulut),
        d("-6 174 880,60")
    );
    assert_eq!(
        at("varhaiskasvatus", Line::PalvelujenOstot),
        d("-1 017 498,54")
    );
    assert_eq!(
        at("varhaiskasvatus", Line::AineetTarvikkeetJaTavarat),
        d("-81 356,39")
    );
    assert_eq!(at("varhaiskasvatus", Line::Avustukset), d("-494 267,24"));
    assert_eq!(
        at("varhaiskasvatus", Line::MuutToimintakulut),
        d("-853 797,23")
    );
    assert_eq!(at("varhaiskasvatus", Line::Toimintakulut), d("-8 621 800"));
    assert_eq!(
        at("varhaiskasvatus", Line::TilikaudenTulos),
        d("-8 150 500")
    );
    // The sector prints the same parts: each moves as its unit's did.
    assert_eq!(
        at("hyvinvointitoimiala", Line::Henkilostokulut),
        d("-20 520 680,60")
    );
    assert_eq!(
        at("hyvinvointitoimiala", Line::PalvelujenOstot),
        d("-5 503 798,54")
    );
    assert_eq!(
        at("hyvinvointitoimiala", Line::Toimintakulut),
        d("-34 278 200")
    );
    assert_eq!(
        at("hyvinvointitoimiala", Line::TilikaudenTulos),
        d("-32 286 000")
    );
    assert!(validate(data).is_consistent());
    // Two per cent less of every cost line: 2 % of each part exactly.
    let applied = with(&base, &["varhaiskasvatus:toimintakulut:TS2026:-2%"]);
    let at = |line| value(&applied.dataset, "varhaiskasvatus", line, "TS2026");
    assert_eq!(at(Line::Henkilostokulut), d("-6 121 570"));
    assert_eq!(at(Line::PalvelujenOstot), d("-1 008 714"));
    assert_eq!(at(Line::Toimintakate), d("-8 058 264"));
}

#[test]
fn an_edit_of_a_sector_is_shared_by_its_service_areas() {
    // Hyvinvointitoimiala Palvelujen ostot TS 2026 +55 156 € (1 % of 5 515 600): its service
    // areas print the line, so each takes 1 % of its own (1 104, 32 393, 10 293, 11 366).
    let base = heinola();
    let applied = with(
        &base,
        &["hyvinvointitoimiala:palvelujen_ostot:TS2026:+55 156"],
    );
    let at = |org| value(&applied.dataset, org, Line::PalvelujenOstot, "TS2026");
    assert_eq!(at("hyvinvoinnin_ja_terveyden_edistaminen"), d("-111 504"));
    assert_eq!(at("opetus_ja_koulutuspalvelut"), d("-3 271 693"));
    assert_eq!(at("varhaiskasvatus"), d("-1 039 593"));
    assert_eq!(at("virikkeellinen_elama"), d("-1 147 966"));
    assert_eq!(at("hyvinvointitoimiala"), d("-5 570 756"));
    assert!(validate(&applied.dataset).is_consistent());
}

#[test]
fn set_later_columns_and_staff() {
    let base = heinola();
    // Avustukset set to 450 000 (an expense, with or without its minus).
    for spec in [
        "varhaiskasvatus:avustukset:TS2026:=450000",
        "varhaiskasvatus:Avustukset:TS 2026:=-450 000",
    ] {
        let applied = with(&base, &[spec]);
        let at = |line| value(&applied.dataset, "varhaiskasvatus", line, "TS2026");
        assert_eq!(at(Line::Avustukset), d("-450 000"));
        assert_eq!(at(Line::Toimintakulut), d("-8 671 800"));
    }
    // From TS 2025 on: both plan years, not the budget.
    let applied = with(&base, &["varhaiskasvatus:palvelujen_ostot:TS2025+:+10000"]);
    let at = |column| {
        value(
            &applied.dataset,
            "varhaiskasvatus",
            Line::PalvelujenOstot,
            column,
        )
    };
    assert_eq!(at("TS2025"), d("-1 039 300"));
    assert_eq!(at("TS2026"), d("-1 039 300"));
    assert_eq!(at("TA2024"), d("-1 023 700"));
    // Two person-years more at 55 000 € each.
    let scenario = Scenario {
        edits: vec![Edit::Staff {
            target: Target::Node("varhaiskasvatus".into()),
            columns: Columns::One("TS2026".into()),
            person_years: d("2"),
            cost: d("55000"),
        }],
        ..Scenario::new("henkilöstö", &base)
    };
    let applied = apply(&base, &scenario);
    let at = |line| value(&applied.dataset, "varhaiskasvatus", line, "TS2026");
    assert_eq!(at(Line::Henkilostokulut), d("-6 356 500"));
    assert_eq!(at(Line::TilikaudenTulos), d("-8 360 500"));
}

#[test]
fn the_tax_rate_adds_revenue_times_points_over_rate() {
    // Kauhava 2024: Verotulot 33 595 351,41. At a rate of 8,00, half a point more gives
    // 33 595 351,41 × 0,5 / 8 = 2 099 709,46.
    let base = kauhava();
    let org = root(&base);
    let scenario = Scenario {
        edits: vec![Edit::TaxRate {
            org: org.clone(),
            columns: Columns::One("TP2024".into()),
            rate: d("8,00"),
            revenue: None,
            points: d("0,5"),
        }],
        ..Scenario::new("vero", &base)
    };
    let applied = apply(&base, &scenario);
    let at = |line| value(&applied.dataset, &org, line, "TP2024");
    assert_eq!(at(Line::Verotulot), d("35 695 060,87"));
    assert_eq!(at(Line::Vuosikate), d("11 651 296,86"));
    assert_eq!(at(Line::TilikaudenTulos), d("6 261 240,50"));
    assert_eq!(at(Line::TilikaudenYlijaama), d("6 390 652,54"));
    // A rate of zero is not applied, and says so.
    let mut bad = scenario.clone();
    if let Edit::TaxRate { rate, .. } = &mut bad.edits[0] {
        *rate = Decimal::ZERO;
    }
    assert_eq!(apply(&base, &bad).outcomes[0], Err(NotApplied::BadRate));
}

#[test]
fn the_summary_reads_as_a_motion() {
    let base = heinola();
    let specs = ["Varhaiskasvatus:Palvelujen ostot:TS2026:-5%"];
    let applied = with(&base, &specs);
    let edits: Vec<Edit> = specs
        .iter()
        .map(|s| parse_edit(&base, s).unwrap())
        .collect();
    // 5 % of 1 029 300 is 51 465.
    assert_eq!(
        sentences(&base, &edits, &applied.outcomes, Lang::Fi),
        [
            "1. Varhaiskasvatus, Palvelujen ostot, TS 2026: \u{2212}5\u{a0}%, menoja 51\u{a0}465\u{a0}€ vähemmän; Tilikauden tulos +51\u{a0}465\u{a0}€; Hyvinvointitoimiala: Tilikauden tulos +51\u{a0}465\u{a0}€"
        ]
    );
    assert_eq!(
        sentences(&base, &edits, &applied.outcomes, Lang::En),
        [
            "1. Varhaiskasvatus, Purchases of services, Plan 2026: \u{2212}5%, 51,465\u{a0}€ less spending; Result for the financial year +51,465\u{a0}€; Hyvinvointitoimiala: Result for the financial year +51,465\u{a0}€"
        ]
    );
}

#[test]
fn edits_that_do_not_match_the_data_are_listed_with_their_reason() {
    let base = heinola();
    let edit = |org: &str, column: &str| Edit::Line {
        target: Target::Node(org.into()),
        line: Line::PalvelujenOstot,
        columns: Columns::One(column.into()),
        change: Change::Percent(d("-5")),
    };
    let mut scenario = Scenario::new("x", &base);
    scenario.edits = vec![
        edit("ei_ole", "TS2026"),
        edit("varhaiskasvatus", "TS2030"),
        edit("varhaiskasvatus", "TS2026"),
    ];
    let applied = apply(&base, &scenario);
    assert_eq!(
        applied.outcomes[0],
        Err(NotApplied::UnknownNode {
            org: "ei_ole".into()
        })
    );
    assert_eq!(
        applied.outcomes[1],
        Err(NotApplied::UnknownColumn {
            column: "TS2030".into()
        })
    );
    assert!(applied.outcomes[2].is_ok(), "the others still apply");
    // Figures that changed since the scenario was made: nothing applies.
    let mut other = base.clone();
    other
        .figures
        .get_mut("varhaiskasvatus")
        .unwrap()
        .get_mut(&Line::Avustukset)
        .unwrap()
        .insert("TS2026".into(), d("-1"));
    let applied = apply(&other, &scenario);
    assert!(applied.outcomes.iter().all(|o| *o
        == Err(NotApplied::DataChanged {
            dataset: "heinola".into()
        })));
    assert_eq!(applied.dataset, other);
    // Text that names nothing says the nearest names.
    match parse_edit(&base, "Varhaiskasvatu:henkilostokulut:TS2026:+1%") {
        Err(SpecError::UnknownOrg { nearest, .. }) => assert_eq!(nearest[0], "Varhaiskasvatus"),
        other => panic!("{other:?}"),
    }
    match parse_edit(&base, "varhaiskasvatus:henkilöstökulu:TS2026:+1%") {
        Err(SpecError::UnknownLine { nearest, .. }) => assert_eq!(nearest[0], "henkilostokulut"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        parse_edit(&base, "varhaiskasvatus:henkilostokulut:TS2026:3%"),
        Err(SpecError::BadChange { .. })
    ));
    assert!(matches!(
        parse_edit(&base, "varhaiskasvatus:TS2026:+3%"),
        Err(SpecError::Shape { .. })
    ));
}

#[test]
fn goal_seek_solves_the_lever_directly() {
    // Kauhava 2024: Tilikauden tulos 4 161 531,04 to 5 000 000 by Palvelujen ostot: 838 468,96
    // less, 8,40 % of 9 986 040,98.
    let base = kauhava();
    let org = root(&base);
    let scenario = Scenario::new("tavoite", &base);
    let lever = Lever::Line {
        target: Target::Node(org.clone()),
        line: Line::PalvelujenOstot,
        column: "TP2024".into(),
    };
    let goal = Goal::Reach {
        org: org.clone(),
        line: Line::TilikaudenTulos,
        column: "TP2024".into(),
        value: d("5 000 000"),
    };
    let solution = seek(&base, &scenario, &lever, &goal).unwrap();
    assert_eq!(solution.euros, d("-838 468,96"));
    assert_eq!(solution.percent, Some(d("-8,40")));
    assert_eq!(solution.reached, d("5 000 000"));
    // Already met: Vuosikate 9 551 587,40 covers Poistot 6 275 357,36.
    let covers = Goal::CoversDepreciation {
        org: org.clone(),
        column: "TP2024".into(),
    };
    let solution = seek(&base, &scenario, &lever, &covers).unwrap();
    assert_eq!((solution.edit, solution.euros), (None, Decimal::ZERO));
    // Heinola: a lever in one service area cannot move another's Toimintakate.
    let heinola = heinola();
    let goal = Goal::ResultNotNegative {
        org: "hyvinvointitoimiala".into(),
        column: "TS2026".into(),
    };
    let sibling = Goal::Reach {
        org: "opetus_ja_koulutuspalvelut".into(),
        line: Line::Toimintakate,
        column: "TS2026".into(),
        value: Decimal::ZERO,
    };
    let elsewhere = Lever::Line {
        target: Target::Node("varhaiskasvatus".into()),
        line: Line::PalvelujenOstot,
        column: "TS2026".into(),
    };
    assert_eq!(
        seek(
            &heinola,
            &Scenario::new("x", &heinola),
            &elsewhere,
            &sibling
        ),
        Err(SeekError::Unreachable)
    );
    // The sector's Tilikauden tulos TS 2026, −32 386 000, to zero by every unit's Palvelujen
    // ostot by the same percentage: 32 386 000 over 5 515 600.
    let units = Lever::Line {
        target: Target::UnitsUnder("hyvinvointitoimiala".into()),
        line: Line::PalvelujenOstot,
        column: "TS2026".into(),
    };
    let solution = seek(&heinola, &Scenario::new("x", &heinola), &units, &goal).unwrap();
    assert!(
        solution.reached >= Decimal::ZERO && solution.reached < d("0,05"),
        "{solution:?}"
    );
    assert_eq!(solution.percent, Some(d("-587,17")));
}

/// The stated lines of a service area of the sample, for property tests.
const UNITS: [&str; 4] = [
    "hyvinvoinnin_ja_terveyden_edistaminen",
    "opetus_ja_koulutuspalvelut",
    "varhaiskasvatus",
    "virikkeellinen_elama",
];
const LINES: [Line; 6] = [
    Line::Myyntituotot,
    Line::Henkilostokulut,
    Line::PalvelujenOstot,
    Line::Toimintakulut,
    Line::Toimintakate,
    Line::MuutToimintakulut,
];
const COLUMNS: [&str; 5] = ["TP2022", "TA2023", "TA2024", "TS2025", "TS2026"];

fn euro_edit(unit: usize, line: usize, column: usize, cents: i64) -> Edit {
    Edit::Line {
        target: Target::Node(UNITS[unit].into()),
        line: LINES[line],
        columns: Columns::One(COLUMNS[column].into()),
        change: Change::Euros(Decimal::new(cents, 2)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn an_edit_and_its_inverse_give_the_base(unit in 0..4usize, line in 0..6usize, column in 0..5usize, cents in -100_000_000i64..100_000_000) {
        let base = heinola();
        let mut scenario = Scenario::new("x", &base);
        scenario.edits = vec![euro_edit(unit, line, column, cents), euro_edit(unit, line, column, -cents)];
        let applied = apply(&base, &scenario);
        prop_assert!(applied.outcomes.iter().all(Result::is_ok));
        prop_assert!(changed_figures(&base, &applied.dataset).is_empty());
    }

    #[test]
    fn euro_edits_commute(a in (0..4usize, 0..6usize, 0..5usize, -50_000_000i64..50_000_000), b in (0..4usize, 0..6usize, 0..5usize, -50_000_000i64..50_000_000)) {
        let base = heinola();
        let (ea, eb) = (euro_edit(a.0, a.1, a.2, a.3), euro_edit(b.0, b.1, b.2, b.3));
        let mut one = Scenario::new("x", &base);
        one.edits = vec![ea.clone(), eb.clone()];
        let mut other = Scenario::new("x", &base);
        other.edits = vec![eb, ea];
        prop_assert_eq!(apply(&base, &one).dataset, apply(&base, &other).dataset);
    }

    #[test]
    fn a_sector_moves_by_the_sum_of_its_units(line in 0..6usize, column in 0..5usize, tenths in -200i64..200) {
        let base = heinola();
        let mut scenario = Scenario::new("x", &base);
        scenario.edits = vec![Edit::Line {
            target: Target::UnitsUnder("hyvinvointitoimiala".into()),
            line: LINES[line],
            columns: Columns::One(COLUMNS[column].into()),
            change: Change::Percent(Decimal::new(tenths, 1)),
        }];
        let applied = apply(&base, &scenario);
        let moved = |org: &str, line: Line| {
            value(&applied.dataset, org, line, COLUMNS[column]) - value(&base, org, line, COLUMNS[column])
        };
        for line in [LINES[line], Line::Toimintakate, Line::TilikaudenTulos] {
            let units: Decimal = UNITS.iter().map(|u| moved(u, line)).sum();
            prop_assert_eq!(moved("hyvinvointitoimiala", line), units);
        }
        prop_assert!(validate(&applied.dataset).is_consistent());
    }
}

#[test]
fn the_comparison_sets_scenarios_beside_the_base_and_ranks_what_drives_them() {
    use raami::scenario::compare::{Measure, compare};
    let base = heinola();
    let scenario = |name: &str, specs: &[&str]| Scenario {
        edits: specs
            .iter()
            .map(|s| parse_edit(&base, s).unwrap())
            .collect(),
        ..Scenario::new(name, &base)
    };
    let wages = scenario(
        "Palkat",
        &["Hyvinvointitoimiala/*:henkilostokulut:TS2026:+3%"],
    );
    // 5 % of Varhaiskasvatus' Palvelujen ostot 1 029 300 is 51 465 less; 1 % of the service
    // areas' Henkilöstökulut (20 592 300 in all) is 205 923 more.
    let mixed = scenario(
        "Sekoitus",
        &[
            "varhaiskasvatus:palvelujen_ostot:TS2026:-5%",
            "Hyvinvointitoimiala/*:henkilostokulut:TS2026:+1%",
        ],
    );
    let c = compare(
        &base,
        &[&wages, &mixed],
        "hyvinvointitoimiala",
        "TS2026",
        Some(d("20 766")),
    );
    assert_eq!(c.names, ["Palkat", "Sekoitus"]);
    let key = |m: Measure| c.key.iter().find(|r| r.measure == m).unwrap();
    let result = key(Measure::Line(Line::TilikaudenTulos));
    assert_eq!(result.base, Some(d("-32 386 000")));
    assert_eq!(result.scenarios[0].amount, Some(d("-33 003 769")));
    assert_eq!(result.scenarios[0].difference, Some(d("-617 769")));
    assert_eq!(result.scenarios[1].difference, Some(d("-154 458")));
    // −617 769 of 32 386 000 is −1,9075 %.
    assert_eq!(
        result.scenarios[0].percent.unwrap().round_dp(4),
        d("-1,9075")
    );
    // Poistot do not move; Vuosikate is −11 376,26 % of them in the base (−32 103 800 over
    // 282 200).
    assert_eq!(
        key(Measure::Line(Line::PoistotJaArvonalentumiset)).scenarios[0].difference,
        Some(Decimal::ZERO)
    );
    assert_eq!(
        key(Measure::VuosikatePoistoista).base.unwrap().round_dp(2),
        d("-11 376,26")
    );
    // Per resident, with a population the user gives (here 20 766): −32 386 000 / 20 766
    // = −1 559,5685 €.
    assert_eq!(
        key(Measure::ResultPerResident).base.unwrap().round_dp(2),
        d("-1 559,57")
    );
    // What drives "Sekoitus": the wage rise first, the purchases cut second.
    assert_eq!(c.result_line, Some(Line::TilikaudenTulos));
    let drivers: Vec<(usize, Decimal)> =
        c.drivers[1].iter().map(|dr| (dr.edit, dr.effect)).collect();
    assert_eq!(drivers, [(1, d("-205 923")), (0, d("51 465"))]);
    // Every line of the sector is a row; the untouched ones differ by nothing.
    let row = c
        .rows
        .iter()
        .find(|r| r.measure == Measure::Line(Line::Myyntituotot))
        .unwrap();
    assert_eq!(row.base, Some(d("621 000")));
    assert_eq!(row.scenarios[1].difference, Some(Decimal::ZERO));
}

#[test]
fn units_that_print_only_a_subtotal_share_its_change() {
    // Seed 003: Yhteiset palvelut prints its cost lines, its seven units only Toimintakulut
    // (TOT 2025: 79 084, 57 829, 912 684, 1 657 217, 671 976, 1 060 899, 4 416 848 = 8 856 537).
    // 100 000 € more Henkilöstökulut in Toteuma 2025: the service area's line and subtotals
    // move by it, and its units' Toimintakulut share it: Vaalit 892,94, Kehittämispalvelut
    // 49 871,05 + the 0,02 left over.
    let base = heinola();
    let applied = with(
        &base,
        &["yhteiset_palvelut:henkilostokulut:TOT2025:+100000"],
    );
    let at = |org, line| value(&applied.dataset, org, line, "TOT2025");
    assert_eq!(
        at("yhteiset_palvelut", Line::Henkilostokulut),
        d("-3 689 002")
    );
    assert_eq!(
        at("yhteiset_palvelut", Line::Toimintakulut),
        d("-8 956 536")
    );
    assert_eq!(at("vaalit", Line::Toimintakulut), d("-79 976,94"));
    assert_eq!(
        at("kehittamispalvelut", Line::Toimintakulut),
        d("-4 466 719,07")
    );
    assert_eq!(
        at("kehittamispalvelut", Line::Toimintakate),
        value(&base, "kehittamispalvelut", Line::Toimintakate, "TOT2025") - d("49 871,07")
    );
    // The printed one-euro rounding difference between the area and its units stays; nothing
    // new is inconsistent.
    let report = validate(&applied.dataset);
    assert!(report.is_consistent());
    assert_eq!(
        report.rounding().count(),
        validate(&base).rounding().count()
    );
    // Poikkeama TA − Toteuma: −3 680 600 − (−3 689 002) = 8 402; Toteuma % 100,23.
    let table = raami::analysis::node_table(&applied.dataset, "yhteiset_palvelut", None);
    let row = table.row(Line::Henkilostokulut).unwrap();
    let cell = row.follow_ups[0].unwrap();
    assert_eq!(cell.poikkeama, d("8 402"));
    assert_eq!(cell.toteuma_pct.unwrap().round_dp(2), d("100,23"));
}

#[test]
fn edits_and_goals_beyond_a_decimal_are_refused_not_a_panic() {
    let base = heinola();
    let huge = |change: Change| Edit::Line {
        target: Target::UnitsUnder("hyvinvointitoimiala".into()),
        line: Line::Toimintakulut,
        columns: Columns::One("TS2026".into()),
        change,
    };
    for change in [
        Change::Euros(Decimal::MAX),
        Change::Set(Decimal::MIN),
        Change::Percent(Decimal::MAX),
    ] {
        let mut scenario = Scenario::new("x", &base);
        scenario.edits = vec![huge(change)];
        let applied = apply(&base, &scenario);
        assert_eq!(applied.outcomes[0], Err(NotApplied::TooLarge), "{change:?}");
        // Taken back whole: not a figure of the loaded data changed.
        assert!(
            changed_figures(&base, &applied.dataset).is_empty(),
            "{change:?}"
        );
    }
    let lever = Lever::Line {
        target: Target::Node("varhaiskasvatus".into()),
        line: Line::PalvelujenOstot,
        column: "TS2026".into(),
    };
    let goal = Goal::Reach {
        org: "varhaiskasvatus".into(),
        line: Line::TilikaudenTulos,
        column: "TS2026".into(),
        value: Decimal::MAX,
    };
    assert!(matches!(
        seek(&base, &Scenario::new("x", &base), &lever, &goal),
        Err(SeekError::NotApplied(_))
    ));
}
