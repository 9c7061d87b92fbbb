//! The two seed documents loaded as pasted text give the Heinola sample: every extracted
//! figure, column, note, node and investment is compared with `data/heinola.raami.json`.
//! Nothing is left ambiguous and nothing is skipped.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use raami::import::pdftext::import_text;
use raami::import::{Detection, Imported};
use raami::model::Dataset;
use raami::sample::heinola;

const SEED_003: &str = include_str!("fixtures/003_057b7abbdb0e3ebc.txt");
const SEED_004: &str = include_str!("fixtures/004_5dc7e1308ebb358c.txt");

/// Imported node id → sample node id, where the document's table names differ from the
/// names the sample uses (the sample names the sector as the document's title does; the
/// document misprints "Virikkeellinen" over its table).
fn sample_id(imported: &str) -> &str {
    match imported {
        "hyvinvointilautakunnan_toimiala" => "hyvinvointitoimiala",
        "virkkeellinen_elama" => "virikkeellinen_elama",
        other => other,
    }
}

/// Rows with their org ids as the sample names them.
fn with_sample_ids<T: Clone>(rows: &[T], org: impl Fn(&mut T) -> &mut String) -> Vec<T> {
    rows.iter()
        .cloned()
        .map(|mut row| {
            let id = org(&mut row);
            *id = sample_id(id).to_string();
            row
        })
        .collect()
}

fn assert_matches_sample(imported: &Imported, sample: &Dataset) {
    assert!(
        imported.warnings.is_empty(),
        "warnings: {:#?}",
        imported.warnings
    );
    let dataset = &imported.dataset;
    assert!(!dataset.org.is_empty());
    for node in &dataset.org {
        let expected = sample
            .node(sample_id(&node.id))
            .unwrap_or_else(|| panic!("no sample node for {}", node.id));
        assert_eq!(
            node.parent.as_deref().map(sample_id),
            expected.parent.as_deref(),
            "parent of {}",
            node.id
        );
        assert_eq!(node.level, expected.level, "level of {}", node.id);
        assert_eq!(
            node.valid_from, expected.valid_from,
            "valid_from of {}",
            node.id
        );
        assert_eq!(
            dataset.figures.get(&node.id),
            sample.figures.get(&expected.id),
            "figures of {}",
            node.id
        );
    }
    // Every sample node of this document's tree was found.
    let root = sample_id(&dataset.org[0].id);
    let sample_tree: Vec<&str> = sample
        .org
        .iter()
        .filter(|n| n.id == root || n.parent.as_deref() == Some(root))
        .map(|n| n.id.as_str())
        .collect();
    let imported_tree: Vec<&str> = dataset.org.iter().map(|n| sample_id(&n.id)).collect();
    assert_eq!(imported_tree, sample_tree);
    // Columns: kind, year and note as in the sample (the sample also states each column's
    // status, which the text does not print next to the table).
    for column in &dataset.columns {
        let expected = sample
            .column(&column.id)
            .unwrap_or_else(|| panic!("no sample column {}", column.id));
        assert_eq!(
            (column.year, column.kind, &column.note),
            (expected.year, expected.kind, &expected.note),
            "column {}",
            column.id
        );
    }
    // Investments: same node, name and figures.
    let as_map = |ds: &Dataset, map: bool| -> BTreeMap<(String, String), String> {
        ds.investments
            .iter()
            .map(|i| {
                (
                    (
                        if map {
                            sample_id(&i.org).to_string()
                        } else {
                            i.org.clone()
                        },
                        i.name.clone(),
                    ),
                    format!("{:?}", i.figures),
                )
            })
            .collect()
    };
    let expected: BTreeMap<_, _> = as_map(sample, false)
        .into_iter()
        .filter(|((org, _), _)| imported_tree.contains(&org.as_str()))
        .collect();
    assert_eq!(as_map(dataset, true), expected);
    // Goals, projects and risks: every row, as the sample has it, for the nodes imported.
    let in_tree = |org: &String| imported_tree.contains(&org.as_str());
    assert_eq!(
        with_sample_ids(&dataset.goals, |g| &mut g.org),
        with_sample_ids(&sample.goals, |g| &mut g.org)
            .into_iter()
            .filter(|g| in_tree(&g.org))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        with_sample_ids(&dataset.projects, |p| &mut p.org),
        with_sample_ids(&sample.projects, |p| &mut p.org)
            .into_iter()
            .filter(|p| in_tree(&p.org))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        with_sample_ids(&dataset.risks, |r| &mut r.org),
        with_sample_ids(&sample.risks, |r| &mut r.org)
            .into_iter()
            .filter(|r| in_tree(&r.org))
            .collect::<Vec<_>>()
    );
}

#[test]
fn seed_003_as_pasted_text_gives_yhteiset_palvelut() {
    let imported = import_text("003.txt", SEED_003, None).unwrap();
    let sample = heinola().unwrap();
    assert_matches_sample(&imported, &sample);
    assert_eq!(imported.dataset.org.len(), 8);
    // Two goals tables over page breaks, four aims each; the projects table is not one.
    assert_eq!(imported.dataset.goals.len(), 8);
    assert_eq!(
        imported
            .detections
            .iter()
            .filter(|d| matches!(
                d,
                Detection::CellTable {
                    kind: raami::import::cell_tables::CellTableKind::Goals,
                    count: 4,
                    ..
                }
            ))
            .count(),
        2
    );
    // The note printed under every table is attached to the TP 2024 column.
    assert!(imported.detections.contains(&Detection::ColumnNote {
        kind: raami::model::ColumnKind::Tp,
        year: 2024
    }));
    // The units add up to the area from 2025, the reorganisation year.
    assert!(imported.detections.iter().any(
        |d| matches!(d, Detection::Units { from_year: Some(2025), units, .. } if units.len() == 7)
    ));
    // The first table's columns as seed 003 prints them (TP 2024, TA 2025, Toteuma 2025,
    // Poikkeama, Toteuma %), named in the reader's language.
    let table = imported
        .detections
        .iter()
        .find(|d| matches!(d, Detection::Table { .. }))
        .unwrap();
    assert!(
        table
            .message(raami::i18n::Lang::Fi)
            .ends_with("sarakkeet TP 2024, TA 2025, Toteuma 2025, Poikkeama, Toteuma %"),
        "{}",
        table.message(raami::i18n::Lang::Fi)
    );
    assert!(
        table
            .message(raami::i18n::Lang::Sv)
            .ends_with("kolumner BS 2024, BU 2025, Utfall 2025, Avvikelse, Utfall %"),
        "{}",
        table.message(raami::i18n::Lang::Sv)
    );
}

#[test]
fn seed_004_as_pasted_text_gives_hyvinvointitoimiala() {
    let imported = import_text("004.txt", SEED_004, None).unwrap();
    let sample = heinola().unwrap();
    assert_matches_sample(&imported, &sample);
    assert_eq!(imported.dataset.org.len(), 5);
    // `1000e` over whole-euro figures does not rescale them, and the decision is stated.
    assert!(
        imported.detections.iter().any(
            |d| matches!(d, Detection::UnitStatedButEuros { stated, .. } if stated == "1000e")
        )
    );
    // Rows of positive three-digit groups are split by the subtotals they must satisfy.
    let split: Vec<usize> = imported
        .detections
        .iter()
        .filter_map(|d| match d {
            Detection::SplitBySubtotals { line, .. } => Some(*line),
            _ => None,
        })
        .collect();
    assert_eq!(
        split,
        [
            167, 168, 169, 195, 196, 212, 214, 236, 237, 239, 259, 260, 262
        ]
    );
}

#[test]
fn a_row_no_subtotal_decides_is_reported_not_guessed() {
    let text = "Kunta TP 2022 TA 2023\nMyyntituotot 960 796 712 500\nMaksutuotot 1 000 -5\n";
    let imported = import_text("pasted", text, None).unwrap();
    let messages: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| w.message(raami::i18n::Lang::Fi))
        .collect();
    assert_eq!(
        messages,
        [
            "pasted, rivi 2: rivin ”Myyntituotot” luvut voi jakaa 3 tavalla eikä välisummista selviä oikea; ohitettiin arvaamatta"
        ]
    );
    assert_eq!(
        imported
            .dataset
            .stated("kunta", raami::model::Line::Maksutuotot, "TA2023"),
        Some((-5).into())
    );
    assert_eq!(
        imported
            .dataset
            .stated("kunta", raami::model::Line::Myyntituotot, "TP2022"),
        None
    );
}

#[test]
fn text_without_tables_says_what_was_expected() {
    let err = import_text("muistio.txt", "Kokouksen pöytäkirja\n\nEi lukuja.", None).unwrap_err();
    assert_eq!(
        err.message(raami::i18n::Lang::En),
        "muistio.txt: no financial table found; expected a header line with columns such as “TP 2022”, “Talousarvio 2025” or “Toteuma 2025”"
    );
    let err = import_text("tyhjä.txt", "  \n", None).unwrap_err();
    assert_eq!(
        err.message(raami::i18n::Lang::Fi),
        "tyhjä.txt: tiedosto on tyhjä"
    );
}

#[test]
fn a_printed_variance_the_figures_do_not_give_is_reported() {
    let text = "Yksikkö Selite\tTilinpäätös 2024\tTalousarvio 2025\tToteuma 2025\tPoikkeama\tToteuma %\nToimintakulut\t-10\t-100\t-90\t-20\t90,00\n";
    let imported = import_text("x.txt", text, None).unwrap();
    let messages: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| w.message(raami::i18n::Lang::Fi))
        .collect();
    assert_eq!(
        messages,
        [
            "x.txt, rivi 2: ”Toimintakulut”, Poikkeama: painettu \u{2212}20, luvuista laskettuna \u{2212}10"
        ]
    );
}
