//! Fuzzing in `cargo test`: every parser gets arbitrary bytes and arbitrary budget-like text
//! (proptest), and must answer with data or an error, never a panic.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;

use raami::analysis::{node_table, validate};
use raami::import::pdftext::import_text;
use raami::import::split::splits;
use raami::import::{Options, csvfile::import_csv, import_file};
use raami::numfmt::{NumberStyle, parse_fi_number, parse_number};
use raami::package::read_package;

/// Everything computed from an import must also be computable without a panic.
fn exercise(datasets: Vec<raami::model::Dataset>) {
    for dataset in datasets {
        let _ = validate(&dataset);
        for node in &dataset.org {
            let _ = node_table(&dataset, &node.id, None);
        }
    }
}

/// Pieces budget documents are made of, so that random text often looks like a table.
fn budget_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("TP 2022 ".to_string()),
        Just("TA 2023 ".to_string()),
        Just("Toteuma 2025\t".to_string()),
        Just("Tilinpäätös 2024\t".to_string()),
        Just("Poikkeama\t".to_string()),
        Just("Toteuma %".to_string()),
        Just("Selite 1000e\n".to_string()),
        Just("Toimintatuotot ".to_string()),
        Just("Toimintakulut\t".to_string()),
        Just("Toimintakate ".to_string()),
        Just("Myyntituotot ".to_string()),
        Just("MENOT ".to_string()),
        Just("## Vaalit\n".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just(";".to_string()),
        Just("- ".to_string()),
        Just("\u{2212}".to_string()),
        Just("0 ".to_string()),
        Just("000 ".to_string()),
        "[0-9]{1,3} ",
        "-?[0-9]{1,3}( [0-9]{3}){0,3}(,[0-9]{2})? ",
        // A web page's table: the unit run into the header, cells run together.
        Just("1 000 €Käyttö\n2021\nTalous-\narvio\n2022\n".to_string()),
        Just("1 000 euroa01.01.-31.12.201901.01.-31.12.2018\n".to_string()),
        Just("1 000 euroaAlkuperäinenTalousarvio-Toteutuma\n talousarviomuutokset\n".to_string()),
        "[A-Za-zä]{3,12}-?[0-9]{1,3}( [0-9]{3}){0,2}[0-9]{1,3}( [0-9]{3})?(,[0-9])?   \n",
        "[A-Za-zÄÖäö ]{0,12}",
    ]
}

/// Pieces goals tables are made of: headers, markup, bullets, statuses, page breaks.
fn goal_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Strateginen päämäärä\tTavoite 2025\tMittari ja tavoitetaso\tVastuu\tToteuma 31.12.\tTila\n".to_string()),
        Just("Strateginen päämäärä\tHankkeen nimi\tTila\n".to_string()),
        Just("Strateginen päämäärä\tHankkeen nimi\tKokonais-rahoitus\tKaupungin rahoitus-osuus %\tMenojen toteuma %\n".to_string()),
        Just("Yhteensä\t\t818 629\t14 %\t28 %\n".to_string()),
        Just("25 %".to_string()),
        Just("Riskiluokka\tTunnistettu riski\tRiski-arvo\tHallintakeino\tHallintakeinon toteutuminen\n".to_string()),
        Just("<b>Todennäköisyys: 2</b> <b>Merkittävyys: 9999999999</b> ■".to_string()),
        Just("<b>Kestävä talous</b>".to_string()),
        Just("<ul><li>• Velkamäärän".to_string()),
        Just("</li></ul>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\n\n ".to_string()),
        Just("  ".to_string()),
        Just("•".to_string()),
        Just("Toteutuu osittain".to_string()),
        Just("Ei toteudu".to_string()),
        Just("tulevaisuusinvestoinnit".to_string()),
        Just("## Yhteiset palvelut\n".to_string()),
        Just("**VALTUUSTON SITOVUUSTASO**\n".to_string()),
        "\\PC{0,12}",
    ]
}

/// Pieces laid-out budget books are made of: wide gaps, headers over several lines, units
/// under the years, minus signs on their own line, labels broken with a hyphen.
fn layout_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("                    Talousarvio".to_string()),
        Just("        Alkuperäinen     Talousarvio-    muutosten".to_string()),
        Just(
            "          talousarvio     muutokset       jälkeen     Toteutuma    Poikkeama"
                .to_string()
        ),
        Just("                 2024           2023".to_string()),
        Just("              1 000 €        1 000 €".to_string()),
        Just("  1.1.-31.12.2024   1.1.-31.12.2023".to_string()),
        Just(
            "   Talousarvio €    Toteuma €    Toteuma %    TP 2023    Muutos €    Muutos %"
                .to_string()
        ),
        Just("Tilinpäätös 2024".to_string()),
        Just("             -                -".to_string()),
        Just(" Valmistus omaan käyt-".to_string()),
        Just(" töön".to_string()),
        Just(" Toimintakate/Jäämä".to_string()),
        Just(" Korkokulut".to_string()),
        Just(" Käyttökate".to_string()),
        Just("139".to_string()),
        Just("115/157".to_string()),
        Just("milj. €".to_string()),
        "( {1,12}-?[0-9]{1,3}( [0-9]{3}){0,2}(,[0-9]{1,2})?( %)?){0,6}",
        " {0,20}",
        "[A-Za-zÄÖäö -]{0,16}",
        Just("\n".to_string()),
        Just("\n\n".to_string()),
    ]
}

fn budget_text() -> impl Strategy<Value = String> {
    prop::collection::vec(budget_piece(), 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn numbers_never_panic(text in "\\PC{0,40}") {
        let _ = parse_fi_number(&text);
        for style in [NumberStyle::FINNISH, NumberStyle::POINT, NumberStyle::COMMA_POINT_GROUPS, NumberStyle::POINT_COMMA_GROUPS] {
            let _ = parse_number(&text, style);
        }
    }

    #[test]
    fn splitting_never_panics(tokens in prop::collection::vec("-?[0-9,]{0,5}", 0..14), count in 0usize..8) {
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        if let Some(found) = splits(&refs, count, 500) {
            for candidate in found {
                prop_assert_eq!(candidate.len(), count);
            }
        }
    }

    #[test]
    fn figures_run_together_split_back_into_what_was_printed(values in prop::collection::vec(-9_999_999i64..9_999_999, 1..7), decimals in 0u32..3) {
        use raami::import::split::glued;
        // Each figure printed as a Finnish web page prints it, with no space between cells.
        let printed: Vec<rust_decimal::Decimal> = values
            .iter()
            .map(|v| rust_decimal::Decimal::new(*v, decimals))
            .collect();
        let text: String = printed
            .iter()
            .map(|d| raami::numfmt::format_amount(*d, decimals, raami::i18n::Lang::Fi).replace('\u{a0}', " "))
            .collect();
        let found = glued(&text, printed.len(), 2_000);
        // The figures printed are one of the ways found, and every way has them all.
        prop_assert!(found.iter().all(|way| way.len() == printed.len()));
        prop_assert!(found.contains(&printed), "{text}: {found:?}");
    }

    #[test]
    fn budget_text_never_panics(text in budget_text()) {
        if let Ok(imported) = import_text("fuzz.txt", &text, None) {
            exercise(vec![imported.dataset]);
        }
    }

    #[test]
    fn laid_out_text_never_panics(pieces in prop::collection::vec(layout_piece(), 0..60)) {
        let text = pieces.concat();
        if let Ok(imported) = import_text("tilinpaatos-2024.txt", &text, None) {
            // A row the importer could not read is never silently gone: its node has no
            // subtotal computed from the parts printed before it.
            exercise(vec![imported.dataset]);
        }
    }

    #[test]
    fn header_cells_never_panic(text in "\\PC{0,30}") {
        use raami::import::columns::{parse_cell, unit_scale};
        use raami::import::layout::{find_header, strip_unit};
        let _ = parse_cell(&text);
        let _ = unit_scale(&text);
        let (rest, _) = strip_unit(&text);
        prop_assert!(rest.chars().count() <= text.chars().count());
        let _ = find_header(&[text.as_str(), text.as_str()], 0);
    }

    #[test]
    fn goals_tables_never_panic(pieces in prop::collection::vec(goal_piece(), 0..60)) {
        let text = pieces.concat();
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(n, l)| (n + 1, l)).collect();
        use raami::import::cell_tables::{Contents, read_cell_tables};
        for table in read_cell_tables(&lines, |_| None) {
            match table.contents {
                // Every goal read has an aim or a goal.
                Contents::Goals(goals) => prop_assert!(goals
                    .iter()
                    .all(|f| !f.goal.aim.is_empty() || !f.goal.goals.is_empty())),
                Contents::Risks(risks) => {
                    prop_assert!(risks.iter().all(|(_, r)| r.score().is_none_or(|s| s <= 81)))
                }
                Contents::Projects(read) => {
                    prop_assert!(read.projects.iter().all(|p| !p.project.name.is_empty()))
                }
            }
        }
        // And with budget tables around them, the whole text importer.
        let _ = import_text("fuzz.txt", &format!("Selite\tTP 2022\tTA 2023\nToimintakate\t-1\t-2\n\n{text}"), None);
    }

    #[test]
    fn csv_never_panics(text in budget_text()) {
        if let Ok(imported) = import_csv("fuzz.csv", text.as_bytes()) {
            exercise(vec![imported.dataset]);
        }
    }

    #[test]
    fn any_bytes_in_any_format_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), ext in prop_oneof![Just("csv"), Just("txt"), Just("json"), Just("xlsx"), Just("ods")]) {
        if let Ok(imported) = import_file(&format!("fuzz.{ext}"), &bytes, &Options::default()) {
            exercise(imported.into_iter().map(|i| i.dataset).collect());
        }
    }

    #[test]
    fn packages_never_panic(text in "\\{\"format\":\"raami-package\",\"version\":1,\"datasets\":\\[\\{\"id\":\"a\",\"name\":\"A\",\"columns\":\\[\\],\"org\":\\[\\]\\}\\]\\}|\\PC{0,60}") {
        let _ = read_package(&text);
    }

    /// A link with data, mangled: any bytes of the alphabet after the prefix, or a real
    /// link with one byte changed, dropped or added, is read or refused, never a panic.
    #[test]
    fn data_links_never_panic(data in "[A-Za-z0-9_-]{0,200}|\\PC{0,40}", at in 0usize..4000, byte in any::<u8>(), how in 0u8..3) {
        let _ = raami::share::read_data_link(&format!("#/tietoineen/1/{data}"));
        let mut link = real_link().into_bytes();
        let at = at % link.len();
        match how {
            0 => link[at] = byte,
            1 => { link.remove(at); }
            _ => link.insert(at, byte),
        }
        if let Ok(imported) = import_file("linkki", &link, &Options::default()) {
            exercise(imported.into_iter().map(|i| i.dataset).collect());
        }
    }
}

/// The link of the Heinola sample, made once.
fn real_link() -> String {
    static LINK: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LINK.get_or_init(|| {
        raami::share::data_link(&raami::sample::heinola_package().unwrap_or_else(|e| panic!("{e}")))
    })
    .clone()
}

#[test]
fn mangled_real_documents_never_panic() {
    // Every line of each laid-out document of the corpus deleted in turn: what is left is
    // read or refused with a reason.
    for name in [
        "kauhava-tilinpaatos-2024-toteutuminen.txt",
        "kauhava-tilinpaatos-2024-ulkoinen.txt",
        "helsinki-talousarvio-2023-sote-tuloslaskelmaosa.txt",
        "helsinki-tilinpaatos-2019-konsernituloslaskelma.txt",
        "jyvaskyla-tilinpaatos-2018-toteutuminen.txt",
        "seinajoki-tilinpaatos-2024-tuloslaskelma.txt",
        "simo-talous-tp2012-ta2016.txt",
    ] {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/real/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let mangled: String = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            if let Ok(imported) = import_text(name, &mangled, None) {
                exercise(vec![imported.dataset]);
            }
        }
    }
}

#[test]
fn a_mangled_seed_never_panics() {
    // Every line of seed 004 deleted in turn, and every line duplicated: the importer reads
    // what is left or says why not.
    let seed = include_str!("fixtures/004_5dc7e1308ebb358c.txt");
    let lines: Vec<&str> = seed.lines().collect();
    for skip in (150..290).step_by(10) {
        let mangled: String = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        if let Ok(imported) = import_text("mangled.txt", &mangled, None) {
            exercise(vec![imported.dataset]);
        }
        let doubled: String = lines
            .iter()
            .enumerate()
            .flat_map(|(i, l)| if i == skip { vec![*l, *l] } else { vec![*l] })
            .map(|l| format!("{l}\n"))
            .collect();
        if let Ok(imported) = import_text("doubled.txt", &doubled, None) {
            exercise(vec![imported.dataset]);
        }
    }
}

/// The inputs the long fuzz runs found (2026-12-02), read again: each crashed the importer.
#[test]
fn the_fuzzers_findings_are_read_without_a_panic() {
    let dir = format!("{}/tests/fixtures/fuzz", env!("CARGO_MANIFEST_DIR"));
    // An investments table whose label starts with a node's name in a letter whose lower
    // case is longer (the text target, 900 s).
    let bytes = std::fs::read(format!("{dir}/text-label-lowercase-longer.txt")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let _ = raami::import::pdftext::import_text("fuzz.txt", &text, None);
    // A printed derived figure of many decimals, formatted for its warning (the csv target,
    // 840 s).
    let bytes = std::fs::read(format!("{dir}/csv-derived-many-decimals.csv")).unwrap();
    let _ = raami::import::csvfile::import_csv("fuzz.csv", &bytes);
    // A page whose first line is a row of the table going on from the page before: the
    // reader went back to that line for ever (the pdf target, 600 s on 2026-12-03).
    let bytes = std::fs::read(format!("{dir}/pdf-page-starting-with-a-row.pdf")).unwrap();
    let mapping = raami::import::mapping::Mapping::default();
    let _ = raami::import::pdf::import_pdf("fuzz.pdf", &bytes, &mapping);
}
