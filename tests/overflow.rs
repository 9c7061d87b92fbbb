//! Figures near the limit of a decimal (about 7,9 × 10^28): every sum, difference and ratio
//! that would not fit is "not computable" or "not compared", never a panic and never a
//! wrapped or clamped figure. The inputs are the ones that crashed Raami (issue 9).

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;

use raami::analysis::table::node_table;
use raami::analysis::values::Values;
use raami::analysis::{across, breakdown, validate};
use raami::import::{Imported, Options, import_file};
use raami::model::{Amount, Line};

const MAX: &str = "79228162514264337593543950335";

fn import(name: &str, text: &str) -> Imported {
    import_file(name, text.as_bytes(), &Options::default())
        .unwrap()
        .remove(0)
}

/// Everything a view computes from a dataset.
fn exercise(imported: &Imported) {
    let dataset = &imported.dataset;
    let _ = validate(dataset);
    for node in &dataset.org {
        let columns: Vec<String> = dataset.columns.iter().map(|c| c.id.clone()).collect();
        let pair = columns.first().zip(columns.last());
        let table = node_table(
            dataset,
            &node.id,
            pair.map(|(a, b)| (a.as_str(), b.as_str())),
        );
        for column in &columns {
            let steps = raami::chart::waterfall(&table, column);
            if let Some(col) = dataset.column(column) {
                let _ = raami::chart::waterfall_marks(&steps, col, raami::i18n::Lang::Fi);
                let _ = raami::chart::waterfall_summary(&steps, col, "€", raami::i18n::Lang::Fi);
            }
            for line in Line::all() {
                let _ = breakdown::breakdown(dataset, &node.id, line, column, None);
            }
        }
        for measure in [
            across::Measure::Amount,
            across::Measure::Change,
            across::Measure::Share,
        ] {
            let _ = across::across(dataset, Line::Toimintakate, measure);
        }
        let _ = raami::report::table_csv(&table, raami::i18n::Lang::Fi);
        let _ = raami::report::table_json(dataset, &table, raami::i18n::Lang::Fi);
        let _ = raami::report::table_text(dataset, &table, raami::i18n::Lang::Fi);
    }
}

/// Puts every node of the dataset under a new top node `kunta` without figures of its own.
fn under_one_parent(dataset: &mut raami::model::Dataset) {
    dataset.org.push(raami::model::OrgNode {
        id: "kunta".into(),
        name: "Kunta".into(),
        level: raami::model::OrgLevel::Kaupunki,
        parent: None,
        valid_from: None,
        valid_to: None,
        source: None,
    });
    for node in dataset.org.iter_mut().filter(|n| n.id != "kunta") {
        node.parent = Some("kunta".into());
    }
}

#[test]
fn two_revenue_lines_near_the_limit_have_no_sum() {
    let text = format!("Selite;TA 2025;TS 2026\nMyyntituotot;{MAX};1\nMaksutuotot;{MAX};1\n");
    let imported = import("suuri.csv", &text);
    exercise(&imported);
    let dataset = &imported.dataset;
    let values = Values::new(dataset);
    let node = &dataset.org[0].id;
    assert_eq!(values.value(node, Line::Toimintatuotot, "TA2025"), None);
    assert_eq!(
        values
            .value(node, Line::Toimintatuotot, "TS2026")
            .map(|v| v.amount),
        Some(Amount::from(2))
    );
}

#[test]
fn a_stated_subtotal_whose_difference_from_its_parts_overflows_is_not_compared() {
    let text = format!("Selite;TA 2025;TS 2026\nMyyntituotot;{MAX};1\nToimintatuotot;-{MAX};1\n");
    let imported = import("erotus.csv", &text);
    exercise(&imported);
    let report = validate(&imported.dataset);
    assert_eq!(report.inconsistencies().count(), 0);
    assert_eq!(report.incomplete.len(), 1);
    assert_eq!(report.incomplete[0].column, "TA2025");
}

#[test]
fn poikkeama_and_change_of_figures_at_the_limit_are_not_computed() {
    let text = format!(
        "Selite;TA 2025;Toteuma 2025;TS 2026\nToimintakulut;{MAX};-{MAX};0,0000000000000000000000001\n"
    );
    let imported = import("poikkeama.csv", &text);
    exercise(&imported);
    let dataset = &imported.dataset;
    let table = node_table(dataset, &dataset.org[0].id, Some(("TS2026", "TA2025")));
    let row = table.row(Line::Toimintakulut).unwrap();
    assert_eq!(row.follow_ups[0], None);
    // From a tiny base to a huge target: the percentage does not fit, so there is none.
    assert!(row.change.is_none_or(|c| c.change_pct.is_none()));
}

#[test]
fn toteuma_percent_of_large_figures_is_checked_without_a_panic() {
    let text = "Selite;TA 2025;Toteuma 2025;Toteuma %\nToimintakulut;1000000000000000;1000000000000000;100,00\n";
    let imported = import("prosentti.csv", text);
    exercise(&imported);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn a_ledger_whose_accounts_overflow_has_no_figure_for_that_line() {
    let text = format!(
        "Kustannuspaikka;Tili;Vuosi;Laji;Summa\nA;4300;2025;TA;{MAX}\nA;4310;2025;TA;{MAX}\nA;4320;2025;TA;5\nA;4000;2025;TA;7\n"
    );
    let imported = import("kirjanpito.csv", &text);
    exercise(&imported);
    let dataset = &imported.dataset;
    let node = &dataset.org[0].id;
    assert_eq!(dataset.stated(node, Line::PalvelujenOstot, "TA2025"), None);
    assert!(
        dataset
            .stated(node, Line::Henkilostokulut, "TA2025")
            .is_some()
    );
    assert_eq!(dataset.unread.len(), 1);
}

#[test]
fn units_whose_sum_overflows_give_the_parent_no_figure() {
    let text =
        format!("Yksikkö;Selite;TA 2025;TS 2026\nA;Toimintakate;{MAX};1\nB;Toimintakate;{MAX};1\n");
    let mut imported = import("yksikot.csv", &text);
    // A parent without figures of its own, over the two units.
    under_one_parent(&mut imported.dataset);
    exercise(&imported);
    let values = Values::new(&imported.dataset);
    assert_eq!(values.value("kunta", Line::Toimintakate, "TA2025"), None);
    assert_eq!(
        values
            .value("kunta", Line::Toimintakate, "TS2026")
            .map(|v| v.amount),
        Some(Amount::from(2))
    );
}

fn figure() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(MAX.to_string()),
        Just(format!("-{MAX}")),
        Just("0".to_string()),
        Just("0,0000000000000000000000001".to_string()),
        "-?[0-9]{1,28}",
        "-?[0-9]{1,10},[0-9]{1,15}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any figures the format accepts, however large or small, in any line and column:
    /// every view's arithmetic answers without a panic.
    #[test]
    fn arithmetic_on_any_figures_never_panics(figures in prop::collection::vec((0usize..6, figure(), figure(), figure()), 1..8)) {
        let lines = ["Myyntituotot", "Toimintatuotot", "Henkilöstökulut", "Toimintakulut", "Toimintakate", "Vuosikate"];
        let mut text = String::from("Selite;TA 2025;Toteuma 2025;TS 2026\n");
        for (line, a, b, c) in figures {
            text.push_str(&format!("{};{a};{b};{c}\n", lines[line]));
        }
        if let Ok(imported) = import_file("p.csv", text.as_bytes(), &Options::default()) {
            exercise(&imported[0]);
        }
    }
}

/// A package whose organisation is a chain of `depth` nodes, each the parent of the next,
/// with a figure only at the end.
fn chain(depth: usize) -> String {
    let org: Vec<String> = (0..depth)
        .map(|i| {
            let parent = if i == 0 {
                String::new()
            } else {
                format!(",\"parent\":\"n{}\"", i - 1)
            };
            format!("{{\"id\":\"n{i}\",\"name\":\"N{i}\",\"level\":\"muu\"{parent}}}")
        })
        .collect();
    format!(
        "{{\"format\":\"raami-package\",\"version\":1,\"datasets\":[{{\"id\":\"c\",\"name\":\"C\",\"columns\":[{{\"id\":\"TA2025\",\"year\":2025,\"kind\":\"TA\"}}],\"org\":[{}],\"figures\":{{\"n{}\":{{\"toimintakate\":{{\"TA2025\":\"-5\"}}}}}}}}]}}",
        org.join(","),
        depth - 1
    )
}

#[test]
fn a_deep_chain_is_walked_once_and_a_deeper_one_refused() {
    // Thirty levels, the figure at the bottom: every node's value comes from the one below,
    // each worked out once (this took seconds when each walk started over).
    let imported = import("ketju.json", &chain(30));
    exercise(&imported);
    let values = Values::new(&imported.dataset);
    assert_eq!(
        values
            .value("n0", Line::Toimintakate, "TA2025")
            .map(|v| v.amount),
        Some(Amount::from(-5))
    );
    // Deeper than any organisation: refused, naming the first node too deep.
    let error = import_file("syva.json", chain(3000).as_bytes(), &Options::default()).unwrap_err();
    let message = error.message(raami::i18n::Lang::Fi);
    assert!(message.contains("solmu ”n33” on yli 32 tasoa"), "{message}");
    assert!(!message.contains("”n34”"), "{message}");
}

#[test]
fn a_wide_tree_is_validated() {
    // Two thousand units under one node, each with its Toimintakate: the node's figure is
    // their sum, found without walking the tree once per unit.
    let mut text = String::from("Yksikkö;Selite;TA 2025;TS 2026\n");
    for i in 0..2000 {
        text.push_str(&format!("Yksikkö {i};Toimintakate;-1;-1\n"));
    }
    let mut imported = import("leveä.csv", &text);
    under_one_parent(&mut imported.dataset);
    let report = validate(&imported.dataset);
    assert!(report.is_consistent());
    let values = Values::new(&imported.dataset);
    assert_eq!(
        values
            .value("kunta", Line::Toimintakate, "TA2025")
            .map(|v| v.amount),
        Some(Amount::from(-2000))
    );
}

#[test]
fn a_line_of_a_quarter_million_cells_is_refused_at_once() {
    let mut text = String::from("Selite;TA 2025;TS 2026");
    for i in 0..250_000 {
        text.push_str(&format!(";{}", i % 1000));
    }
    let error = import_file("rivi.csv", text.as_bytes(), &Options::default()).unwrap_err();
    let message = error.message(raami::i18n::Lang::Fi);
    assert!(
        message.contains("rivi.csv, rivi 1: rivillä on 250003 solua, enintään luetaan 10000"),
        "{message}"
    );
}

#[test]
fn a_text_row_of_a_million_groups_is_left_unsplit() {
    let mut text = String::from("Kunta TP 2024 TP 2023\nToimintakate");
    for _ in 0..1_000_000 {
        text.push_str(" 100");
    }
    text.push_str("\nToimintatuotot 1 2\n");
    let imported = import("ryhmat.txt", &text);
    assert!(
        imported.warnings.iter().any(|w| w
            .message(raami::i18n::Lang::Fi)
            .contains("”Toimintakate” lukuja ei voi jakaa 2 sarakkeeseen")),
        "{:?}",
        imported.warnings
    );
    // And a hundred groups under ten columns, whose splits are too many to search.
    let mut text = String::from(
        "Kunta TP 2016 TP 2017 TP 2018 TP 2019 TP 2020 TP 2021 TP 2022 TP 2023 TP 2024 TP 2025\nToimintakate",
    );
    for _ in 0..100 {
        text.push_str(" 100");
    }
    text.push_str("\nToimintatuotot 1 2 3 4 5 6 7 8 9 10\n");
    let imported = import("sata.txt", &text);
    assert!(
        imported
            .dataset
            .stated("kunta", Line::Toimintakate, "TP2016")
            .is_none()
    );
    assert_eq!(
        imported
            .dataset
            .stated("kunta", Line::Toimintatuotot, "TP2016"),
        Some(Amount::from(1))
    );
}

#[test]
fn a_price_index_beyond_any_real_one_leaves_figures_out_and_nothing_panics() {
    use raami::analysis::basis::{Basis, Missing, apply};
    use std::collections::BTreeMap;
    // The index typed into the form that trapped the page (3·10^21), against a tiny one.
    let sample = raami::sample::heinola().unwrap();
    let years: Vec<i32> = sample.columns.iter().map(|c| c.year).collect();
    let mut price_index = BTreeMap::new();
    for year in &years {
        price_index.insert(*year, Amount::new(1, 20));
    }
    let real_year = years[0];
    price_index.insert(
        real_year,
        Amount::from_str_exact("3000000000000000000000").unwrap(),
    );
    let mut population = BTreeMap::new();
    for year in &years {
        population.insert(*year, Amount::new(1, 28));
    }
    for per_resident in [false, true] {
        let basis = Basis {
            per_resident,
            real_year: Some(real_year),
            population: population.clone(),
            price_index: price_index.clone(),
        };
        let (shown, missing) = apply(&sample, &basis);
        // The other years' factor (3·10^41, or 3·10^69 per resident) is beyond a decimal:
        // said per year, and none of their figures is shown. The real year's own factor is
        // 1 (or 10^28 per resident: figures beyond a decimal, said too).
        let mut expected: Vec<Missing> = years
            .iter()
            .filter(|y| **y != real_year)
            .map(|y| Missing::BeyondRange(*y))
            .collect();
        if per_resident {
            expected.push(Missing::BeyondRange(real_year));
        }
        let mut found = missing.clone();
        found.sort_by_key(|m| format!("{m:?}"));
        expected.sort_by_key(|m| format!("{m:?}"));
        expected.dedup();
        found.dedup();
        assert_eq!(found, expected);
        let other_years = shown
            .columns
            .iter()
            .filter(|c| c.year != real_year)
            .map(|c| c.id.clone())
            .collect::<Vec<_>>();
        for figures in shown.figures.values() {
            for by_column in figures.values() {
                for column in &other_years {
                    assert_eq!(by_column.get(column), None, "{column}");
                }
            }
        }
        exercise(&Imported {
            dataset: shown,
            detections: Vec::new(),
            warnings: Vec::new(),
            saved: None,
        });
    }
}
