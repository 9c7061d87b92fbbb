//! The real-document corpus (`tests/fixtures/real/`, sources in its `SOURCES.md`): budget
//! books, financial statements and budget filings of ten municipalities other than Heinola,
//! as their text or data comes out of the PDF, web page or open data. Each test asserts the
//! figures the document gives for Toimintakate (where it has it), Vuosikate and Tilikauden
//! tulos of one column,
//! transcribed by hand from the document, and what validation says of it; a document that
//! cannot be read is asserted to be refused with the message it must give.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use raami::analysis::validate;
use raami::analysis::values::{Origin, Values};
use raami::i18n::Lang;
use raami::import::{Detection, ImportError, Imported, Options, import_file};
use raami::model::{Amount, Line};

fn path(name: &str) -> String {
    format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn import(name: &str) -> Imported {
    let bytes = std::fs::read(path(name)).unwrap();
    let mut all = import_file(name, &bytes, &Options::default())
        .unwrap_or_else(|e| panic!("{name}: {}", e.message(Lang::En)));
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn refused(name: &str) -> ImportError {
    let bytes = std::fs::read(path(name)).unwrap();
    match import_file(name, &bytes, &Options::default()) {
        Ok(_) => panic!("{name} was read"),
        Err(error) => error,
    }
}

fn dec(text: &str) -> Amount {
    Amount::from_str_exact(text).unwrap()
}

/// The figure of a line in a column of the dataset's only node, and that it is the
/// document's own (stated, not computed).
fn stated(imported: &Imported, line: Line, column: &str) -> Amount {
    let dataset = &imported.dataset;
    assert_eq!(dataset.org.len(), 1, "{:?}", dataset.org);
    let value = Values::new(dataset)
        .value(&dataset.org[0].id, line, column)
        .unwrap_or_else(|| panic!("no {line:?} in {column}"));
    assert_eq!(value.origin, Origin::Stated, "{line:?} {column}");
    value.amount
}

fn detections(imported: &Imported) -> Vec<String> {
    imported
        .detections
        .iter()
        .map(|d| d.message(Lang::Fi))
        .collect()
}

fn warnings(imported: &Imported) -> Vec<String> {
    imported
        .warnings
        .iter()
        .map(|w| w.message(Lang::Fi))
        .collect()
}

fn has(list: &[String], needle: &str) -> bool {
    list.iter().any(|m| m.contains(needle))
}

#[test]
fn kauhava_statement_with_bare_years_and_cents() {
    // Kauhava, Tilinpäätös 2024, 3.1 Tuloslaskelma, p. 126: headers `2024` and `2023`.
    let imported = import("kauhava-tilinpaatos-2024-tuloslaskelma.txt");
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2024"),
        dec("-38396165.19")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TP2024"),
        dec("9551587.40")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TP2024"),
        dec("4161531.04")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenYlijaama, "TP2024"),
        dec("4290943.08")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2023"),
        dec("-39220228.04")
    );
    // The JHS 192 detail lines are read into their own lines, not skipped.
    assert_eq!(
        stated(&imported, Line::Korkokulut, "TP2024"),
        dec("-1645715.04")
    );
    assert_eq!(
        stated(&imported, Line::MuutPoistot, "TP2024"),
        dec("-263372.30")
    );
    assert_eq!(
        stated(&imported, Line::PoistoeronMuutos, "TP2024"),
        dec("129112.04")
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    assert!(report.incomplete.is_empty(), "{:?}", report.incomplete);
    // Financing, depreciation and appropriations are compared with their printed parts.
    assert!(report.checks >= 20, "{}", report.checks);
    // All of them of its one node.
    assert_eq!(
        report.checks_for(&imported.dataset.org[0].id),
        report.checks
    );
    assert!(has(
        &detections(&imported),
        "otsikon solu ”2024” luettiin sarakkeeksi TP 2024"
    ));
}

#[test]
fn kauhava_key_figures_in_thousands_with_expenses_unsigned() {
    // Kauhava, Tilinpäätös 2024, Tuloslaskelma ja sen tunnusluvut, p. 18: `1 000 €` under
    // the years, Toimintakulut 46 217 printed without a sign beside Toimintakate −38 396.
    let imported = import("kauhava-tilinpaatos-2024-tunnusluvut.txt");
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2024"),
        dec("-38396000")
    );
    assert_eq!(stated(&imported, Line::Vuosikate, "TP2024"), dec("9552000"));
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TP2024"),
        dec("4162000")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakulut, "TP2024"),
        dec("-46217000")
    );
    assert_eq!(
        stated(&imported, Line::Korkokulut, "TP2024"),
        dec("-1646000")
    );
    assert_eq!(
        stated(&imported, Line::PoistotJaArvonalentumiset, "TP2024"),
        dec("-6275000")
    );
    let found = detections(&imported);
    assert!(
        has(
            &found,
            "yksikkö on ”1 000 €”: luvut kerrottiin 1\u{a0}000:lla"
        ),
        "{found:?}"
    );
    assert!(has(&found, "esittää kulut ilman etumerkkiä"), "{found:?}");
    // Vuosikate printed 9 552 against parts adding up to 9 551: a rounding difference of
    // figures printed in thousands, not a contradiction.
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    assert!(
        report
            .rounding()
            .any(|f| f.line == Line::Vuosikate && f.difference == dec("1000"))
    );
}

#[test]
fn kauhava_follow_up_with_a_three_line_header_and_detached_minus_signs() {
    // Kauhava, Tilinpäätös 2024, 2.3 Tuloslaskelmaosan toteutuminen, p. 115.
    let imported = import("kauhava-tilinpaatos-2024-toteutuminen.txt");
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
    // The Toteuma of Toimintakate prints its minus sign on the line above.
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TOT2024"),
        dec("-38396165.19")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TOT2024"),
        dec("9551587.40")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TOT2024"),
        dec("4161531.04")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TAM2024"),
        dec("-40190730.00")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakulut, "TA2024"),
        dec("-46525690.00")
    );
    // `Valmistus omaan käyt-` / `töön` is one row.
    assert_eq!(
        stated(&imported, Line::ValmistusOmaanKayttoon, "TOT2024"),
        dec("94785.53")
    );
    let found = detections(&imported);
    assert!(
        has(&found, "4 miinusmerkkiä oli omalla rivillään"),
        "{found:?}"
    );
    assert!(
        has(&found, "Poikkeaman muodossa Toteuma − TA+m"),
        "{found:?}"
    );
    assert!(
        has(&found, "Talousarviomuutokset ovat laskettuja"),
        "{found:?}"
    );
    // The table prints Poistot ja arvonalentumiset (−6 275 357,36) but, of its parts, only
    // the planned and one-off depreciation: not compared, never a contradiction.
    let report = validate(&imported.dataset);
    assert_eq!(report.inconsistencies().count(), 0, "{:?}", report.findings);
    assert_eq!(report.incomplete.len(), 1, "{:?}", report.incomplete);
    assert_eq!(report.incomplete[0].line, Line::PoistotJaArvonalentumiset);
    assert_eq!(report.incomplete[0].missing, [Line::Arvonalentumiset]);
}

#[test]
fn kauhava_external_statement_takes_its_year_from_the_title() {
    // Kauhava, Tilinpäätös 2024, Ulkoinen tuloslaskelma, p. 124: `Talousarvio €` and
    // `Toteuma €` without a year beside `TP 2023`; Muutos € and Muutos % are computed.
    let imported = import("kauhava-tilinpaatos-2024-ulkoinen.txt");
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TOT2024"),
        dec("-38396165")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TOT2024"),
        dec("9551587")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TOT2024"),
        dec("4161531")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2023"),
        dec("-39220228")
    );
    assert_eq!(stated(&imported, Line::Vuosikate, "TA2024"), dec("4780470"));
    let found = detections(&imported);
    assert!(
        has(&found, "”Talousarvio” luettiin sarakkeeksi TA 2024"),
        "{found:?}"
    );
    assert!(
        has(&found, "Muutos €, Muutos % ovat laskettuja"),
        "{found:?}"
    );
    let report = validate(&imported.dataset);
    assert_eq!(report.inconsistencies().count(), 0, "{:?}", report.findings);
}

#[test]
fn seinajoki_key_figures_with_a_change_column() {
    // Seinäjoki, Tilinpäätös 2024, Tuloslaskelma ja sen tunnusluvut (ulkoinen), 1 000 €.
    let imported = import("seinajoki-tilinpaatos-2024-tunnusluvut.txt");
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2024"),
        dec("-178750000")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TP2024"),
        dec("18033000")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TP2024"),
        dec("-2973000")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenYlijaama, "TP2023"),
        dec("-13472000")
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    assert!(report.checks > 0);
}

#[test]
fn seinajoki_follow_up_with_blank_lines_and_its_caption_beside_the_header() {
    // Seinäjoki, Tilinpäätös 2024, Tuloslaskelmaosa, p. 138.
    let imported = import("seinajoki-tilinpaatos-2024-toteutuminen.txt");
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TOT2024"),
        dec("-178750051")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TOT2024"),
        dec("18033213")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TOT2024"),
        dec("-2973199")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TAM2024"),
        dec("-183018200")
    );
    assert_eq!(
        stated(&imported, Line::Toimintatuotot, "TA2024"),
        dec("80879600")
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    assert!(report.incomplete.is_empty(), "{:?}", report.incomplete);
}

#[test]
fn seinajoki_statement_with_totals_in_a_second_column_is_read_without_guessing() {
    // Seinäjoki, Tilinpäätös 2024, Tuloslaskelma (ulkoinen), p. 22: each year prints its
    // section's total in a second column beside the section's last part. The rows with
    // two figures under one year are not guessed at; the totals are read as printed, and
    // nothing is computed from the parts that remain.
    let imported = import("seinajoki-tilinpaatos-2024-tuloslaskelma.txt");
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2024"),
        dec("-178750051.35")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TP2024"),
        dec("18033212.60")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TP2024"),
        dec("-2973198.60")
    );
    let found = warnings(&imported);
    assert!(
        has(
            &found,
            "rivillä ”Muut toimintatuotot” on kaksi lukua sarakkeen ”1.1.-31.12.2024” alla"
        ),
        "{found:?}"
    );
    let dataset = &imported.dataset;
    let values = Values::new(dataset);
    // Toimintatuotot is not printed and one of its parts was not read: not computed.
    assert_eq!(
        values.value(&dataset.org[0].id, Line::Toimintatuotot, "TP2024"),
        None
    );
    let report = validate(dataset);
    assert_eq!(report.inconsistencies().count(), 0, "{:?}", report.findings);
    assert!(!report.incomplete.is_empty());
    assert!(
        raami::report::verdict(&report, Lang::Fi).starts_with("Mitään ei voitu verrata"),
        "{}",
        raami::report::verdict(&report, Lang::Fi)
    );
}

#[test]
fn jyvaskyla_statement_with_periods_as_its_header() {
    // Jyväskylä, Tilinpäätös 2018, Tuloslaskelma (web edition): `1.1.-31.12.2018`.
    let imported = import("jyvaskyla-tilinpaatos-2018-tuloslaskelma.txt");
    assert!(imported.warnings.is_empty(), "{:?}", warnings(&imported));
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2018"),
        dec("-651549698.68")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TP2018"),
        dec("49051244.59")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TP2018"),
        dec("-35674.69")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenYlijaama, "TP2018"),
        dec("300332.87")
    );
    // `Rahoitustuotot- ja kulut` and `Muut lisäpoistot` are known.
    assert_eq!(
        stated(&imported, Line::RahoitustuototJaKulut, "TP2018"),
        dec("13385862.93")
    );
    assert_eq!(
        stated(&imported, Line::MuutPoistot, "TP2018"),
        dec("-279959.22")
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    assert!(report.incomplete.is_empty(), "{:?}", report.incomplete);
}

#[test]
fn simo_prints_a_contradiction_that_is_found() {
    // Simo, Talous (simo.fi), Tp 2012 – Ta 2016. Its Tp 2013 Toimintakate −19 754 418 is
    // 36 000 more than Toimintatuotot 1 859 173 + Toimintakulut −21 649 591; Käyttökate and
    // the broken row below it are reported, and Vuosikate, whose financing parts are among
    // them, is not compared.
    let imported = import("simo-talous-tp2012-ta2016.txt");
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2015"),
        dec("-19957106")
    );
    assert_eq!(stated(&imported, Line::Vuosikate, "TP2015"), dec("538794"));
    assert_eq!(
        stated(&imported, Line::TilikaudenYlijaama, "TP2015"),
        dec("-278703")
    );
    assert!(has(
        &warnings(&imported),
        "rivi ”Käyttökate” ei ole tunnettu"
    ));
    let report = validate(&imported.dataset);
    let contradictions: Vec<_> = report.inconsistencies().collect();
    assert_eq!(contradictions.len(), 1, "{contradictions:?}");
    assert_eq!(contradictions[0].line, Line::Toimintakate);
    assert_eq!(contradictions[0].column, "TP2013");
    assert_eq!(contradictions[0].difference, dec("36000"));
    assert!(report.incomplete.iter().all(|i| i.line == Line::Vuosikate));
}

fn cause_message(name: &str) -> String {
    let error = refused(name);
    assert!(
        matches!(error, ImportError::TextWithoutTables { .. }),
        "{name}: {error:?}"
    );
    error.message(Lang::Fi)
}

fn column_of(imported: &Imported, line: Line, column: &str) -> Option<Amount> {
    let dataset = &imported.dataset;
    Values::new(dataset)
        .value(&dataset.org[0].id, line, column)
        .map(|v| v.amount)
}

#[test]
fn helsinki_sector_statement_copied_from_the_web_with_its_cells_run_together() {
    // Helsinki, Talousarvio 2023 (web edition), sosiaali-, terveys- ja pelastustoimiala,
    // Tuloslaskelmaosa (1 000 €): a header of one column a line, figures run together
    // (`70 06171 05772 778`), and only TA 2023, TS 2024 and TS 2025 printed, their places
    // told by the one space each empty cell leaves.
    let imported = import("helsinki-talousarvio-2023-sote-tuloslaskelmaosa.txt");
    // Named after the title above it, without its plan period.
    assert_eq!(
        imported.dataset.org[0].name,
        "Sosiaali-, terveys- ja pelastustoimialan tuloslaskelma"
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TA2023"),
        dec("-2579631000")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TA2023"),
        dec("12670000")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TA2023"),
        dec("-3330000")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TS2025"),
        dec("-2753330000")
    );
    assert_eq!(
        stated(&imported, Line::Myyntituotot, "TS2024"),
        dec("71057000")
    );
    // Nothing is placed in the empty columns, and the proposal column is not kept.
    assert_eq!(column_of(&imported, Line::Toimintakate, "TP2021"), None);
    assert_eq!(column_of(&imported, Line::Toimintakate, "TA2022"), None);
    let found = detections(&imported);
    assert!(has(&found, "solut olivat kiinni toisissaan"), "{found:?}");
    assert!(has(&found, "tyhjien solujen paikat luettiin"), "{found:?}");
    assert!(has(&found, "Ehdotus-sarake"), "{found:?}");
    let said = warnings(&imported);
    // `Josta vuokratulot` itemises the row above; `Valtion rahoitus` is no JHS 192 line;
    // the part's `Tulot` and `Netto` are its totals, and `Netto`'s spaces leave room for
    // five figures where four are printed.
    assert!(has(&said, "rivi ”Josta vuokratulot” erittelee"), "{said:?}");
    assert!(
        has(&said, "rivi ”Valtion rahoitus” ei ole tunnettu"),
        "{said:?}"
    );
    assert!(
        has(
            &said,
            "rivi ”Tulot” on taulukon ”Tuloslaskelmaosa” osan yhteissumma"
        ),
        "{said:?}"
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    // Toimintakulut adds up from Palkat and Henkilösivumenot; Vuosikate, with Valtion
    // rahoitus unread, is not compared.
    assert!(
        report.incomplete.iter().all(|i| i.line == Line::Vuosikate),
        "{:?}",
        report.incomplete
    );
}

#[test]
fn helsinki_city_statement_from_the_web_is_consistent() {
    // Helsinki, Talousarvio 2022 (web edition), Helsingin kaupungin tuloslaskelma
    // 2020–2024 (1 000 €): six columns run together, no space after the names.
    let imported = import("helsinki-talousarvio-2022-tuloslaskelma.txt");
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2020"),
        dec("-3324337000")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TP2020"),
        dec("863377000")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TA2022"),
        dec("-3807487000")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TA2022"),
        dec("422655000")
    );
    assert_eq!(
        stated(&imported, Line::Valtionosuudet, "TS2024"),
        dec("2708700000")
    );
    assert_eq!(
        stated(&imported, Line::Toimintatuotot, "ENN2022"),
        dec("1198940000")
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    assert!(report.incomplete.is_empty(), "{:?}", report.incomplete);
    // TP 2020 Toimintakate: 1 147 449 + 192 604 − 4 664 391 = −3 324 338, one thousand
    // from the printed −3 324 337: a rounding difference.
    assert!(
        report
            .rounding()
            .any(|f| f.line == Line::Toimintakate && f.column == "TP2020"),
        "{:?}",
        report.findings
    );
}

#[test]
fn jyvaskyla_follow_up_whose_header_and_figures_ran_together() {
    // Jyväskylä, Tilinpäätös 2018, Tuloslaskelmaosan toteutuminen (web edition, 1 000
    // euroa): `AlkuperäinenTalousarvio-TalousarvioToteutumaPoikkeama` over
    // `talousarviomuutoksetmuutosten` over `jälkeen`; figures with one decimal run together.
    let imported = import("jyvaskyla-tilinpaatos-2018-toteutuminen.txt");
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TOT2018"),
        dec("-685750500")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TOT2018"),
        dec("27349200")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TAM2018"),
        dec("-691814800")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TA2018"),
        dec("-679019700")
    );
    let found = detections(&imported);
    assert!(
        has(&found, "Talousarviomuutokset ovat laskettuja"),
        "{found:?}"
    );
    assert!(
        has(&found, "Poikkeaman muodossa Toteuma − TA+m"),
        "{found:?}"
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
}

#[test]
fn jyvaskyla_units_from_the_web_add_up_to_their_total_printed_under_them() {
    // Jyväskylä, Tilinpäätös 2018, Käyttötalouden toteutuminen, Konsernihallinto (web
    // edition, 1 000 euroa): six units, each under its caption, a row of empty cells
    // between them, and `Konsernihallinto yhteensä` last, its `Toimintakate (sitova)`.
    let imported = import("jyvaskyla-tilinpaatos-2018-kayttotalous-konsernihallinto.txt");
    let dataset = &imported.dataset;
    let names: Vec<&str> = dataset.org.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names.len(), 7, "{names:?}");
    // The total is put first, and the others are its units.
    assert_eq!(names[0], "Konsernihallinto yhteensä");
    let total = &dataset.org[0].id;
    assert!(
        dataset.org[1..]
            .iter()
            .all(|n| n.parent.as_ref() == Some(total)),
        "{:?}",
        dataset.org
    );
    let figure = |name: &str, line: Line, column: &str| {
        let node = dataset.org.iter().find(|n| n.name == name).unwrap();
        dataset.stated(&node.id, line, column).unwrap()
    };
    assert_eq!(
        figure("Konsernihallinto yhteensä", Line::Toimintakate, "TA2018"),
        dec("-57033500")
    );
    assert_eq!(
        figure("Konsernihallinto yhteensä", Line::Toimintakate, "TOT2018"),
        dec("-54043200")
    );
    assert_eq!(
        figure("Henkilöstöpalvelut", Line::Toimintakate, "TOT2018"),
        dec("-1393500")
    );
    assert_eq!(
        figure("Tietohallinto", Line::Toimintakate, "TAM2018"),
        dec("629400")
    );
    // What was decided alike for the seven tables is said once, naming them all.
    let said = raami::import::detection_messages(&imported.detections, Lang::Fi);
    let units: Vec<&String> = said
        .iter()
        .filter(|m| m.contains("yksikkö on ”1 000 euroa”"))
        .collect();
    assert_eq!(units.len(), 1, "{said:?}");
    assert!(
        units[0].contains("samoin taulukoissa ”Päätöksenteon tuki ja kehittäminen”"),
        "{said:?}"
    );
    assert!(units[0].contains("”Konsernihallinto yhteensä”"), "{said:?}");
    assert!(said.len() < imported.detections.len(), "{said:?}");
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    // The units' Toimintakate Toteuma adds up to −54 043 300 against the printed
    // −54 043 200: a rounding difference of the printed units, compared as such.
    assert!(
        report
            .rounding()
            .any(|f| f.kind == validate::CheckKind::OrgSum
                && f.line == Line::Toimintakate
                && f.column == "TOT2018"),
        "{:?}",
        report.findings
    );
}

#[test]
fn helsinki_group_statement_reads_what_it_knows_and_compares_nothing_it_cannot() {
    // Helsinki, Tilinpäätös 2019 (web edition), 3.4 Helsingin kaupungin
    // konsernituloslaskelma: periods run into the unit (`1 000 euroa01.01.-31.12.2019…`)
    // and into the sections' captions; the group's own lines (Osuus osakkuusyhteisöjen
    // voitosta, Vähemmistöosuudet …) are no lines of a municipality's statement.
    let imported = import("helsinki-tilinpaatos-2019-konsernituloslaskelma.txt");
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2019"),
        dec("-2320294000")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TP2019"),
        dec("1377050000")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TP2019"),
        dec("542165000")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenYlijaama, "TP2018"),
        dec("528372000")
    );
    // `-1 4807 798`: −1 480 in 2019 and 7 798 in 2018, as the section's total
    // −29 717 / −25 117 confirms.
    assert_eq!(
        stated(&imported, Line::MuutRahoituskulut, "TP2018"),
        dec("7798000")
    );
    let said = warnings(&imported);
    assert!(
        has(
            &said,
            "”Osuus osakkuusyhteisöjen voitosta / tappiosta (-)” ei ole tunnettu"
        ),
        "{said:?}"
    );
    // The key figures under the statement are a table of their own, not statement lines,
    // said once for the table (four rows: Toimintatuotot/Toimintakulut %, Vuosikate/Poistot
    // %, Vuosikate euroa/asukas, Asukasmäärä).
    assert!(
        has(
            &said,
            "taulukosta ”Konsernituloslaskelman tunnusluvut” ei luettu yhtään riviä: sen 4 riviä lukuineen eivät ole tuloslaskelman rivejä (ensimmäinen ”Toimintatuotot/ Toimintakulut, prosenttia”)"
        ),
        "{said:?}"
    );
    assert!(
        !has(&said, "”Vuosikate, euroa/asukas” ei ole tunnettu"),
        "{said:?}"
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
    // With the group's lines unread, no subtotal after them is compared or computed.
    assert!(
        report
            .incomplete
            .iter()
            .any(|i| i.line == Line::Toimintakate && i.column == "TP2019"),
        "{:?}",
        report.incomplete
    );
}

#[test]
fn helsinki_group_statement_in_swedish_reads_as_the_finnish_one() {
    // Helsingfors stad, Bokslut 2019 (the Swedish web edition), 3.4 Helsingfors
    // stadskoncerns resultaträkning: the same table in Swedish (`1 000 euro01.01.-…`,
    // `Omkostnader`, `Skatteintäkter`, `RÄKENSKAPSPERIODENS ÖVERSKOTT/UNDERSKOTT (-)`).
    let imported = import("helsingfors-bokslut-2019-koncernresultatrakning.txt");
    assert_eq!(
        stated(&imported, Line::Toimintakate, "TP2019"),
        dec("-2320294000")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TP2019"),
        dec("1377050000")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TP2019"),
        dec("542165000")
    );
    assert_eq!(
        stated(&imported, Line::Verotulot, "TP2019"),
        dec("3493732000")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakulut, "TP2018"),
        dec("-5797476000")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenYlijaama, "TP2019"),
        dec("503733000")
    );
    let said: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| w.message(Lang::Sv))
        .collect();
    assert!(
        has(&said, "”Minoritetsandelar” är ingen känd post"),
        "{said:?}"
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
}

/// What a KTAS extract of the State Treasury's open data gives: its statement cells read
/// (expenses filed positive made negative), the cells outside the statement named and not
/// read, Toimintakate (no cell of the extract) neither shown nor made up, and nothing
/// called a contradiction.
fn ktas_extract(name: &str, business_id: &str) -> Imported {
    let imported = import(name);
    let dataset = &imported.dataset;
    assert!(dataset.extract);
    assert_eq!(dataset.org.len(), 1);
    assert_eq!(dataset.org[0].name, business_id);
    let ids: Vec<&str> = dataset.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["TAM2022", "TA2023", "TS2024", "TS2025"]);
    let values = Values::new(dataset);
    for column in &ids {
        assert_eq!(
            values.value(&dataset.org[0].id, Line::Toimintakate, column),
            None,
            "{column}"
        );
    }
    let said = detections(&imported);
    assert!(
        has(
            &said,
            "kulut on esitetty positiivisina (12 positiivista, 0 negatiivista)"
        ),
        "{said:#?}"
    );
    assert!(
        has(
            &said,
            "Toimintakate jäi laskematta (puuttuu: Valmistevarastojen muutos, Valmistus omaan käyttöön)"
        ),
        "{said:#?}"
    );
    // Investointimenot yhteensä (brutto) and Lainakanta 31.12., four columns each.
    let warned = warnings(&imported);
    assert_eq!(warned.len(), 8, "{warned:#?}");
    assert!(has(
        &warned,
        "KTAS-koodi 176610 on ”Investointimenot yhteensä (brutto)” (TA 2023), joka ei kuulu tuloslaskelmaan"
    ));
    assert!(has(
        &warned,
        "KTAS-koodi 1598 on ”Lainakanta 31.12.” (TA+m 2022)"
    ));
    let report = validate(dataset);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    // Nothing was compared, and the verdict on the node says so rather than "consistent".
    assert_eq!(report.checks_for(&dataset.org[0].id), 0);
    let verdict = raami::report::verdict_of(
        report.checks_for(&dataset.org[0].id),
        0,
        report.incomplete.len(),
        Lang::Fi,
    );
    assert!(verdict.starts_with("Mitään ei voitu verrata"), "{verdict}");
    imported
}

#[test]
fn espoos_ktas_filing_in_the_state_treasurys_open_data() {
    // Espoo (0101263-6), KTAS 2023 as the State Treasury publishes it: the budget 2023, the
    // plan 2024–2025 and the amended budget 2022, one row a cell.
    let imported = ktas_extract("espoo-ktas-2023.csv", "0101263-6");
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TA2023"),
        dec("349083947.70")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TA2023"),
        dec("153997243.63")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakulut, "TA2023"),
        dec("-1269670790.19")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TAM2022"),
        dec("-40897486.97")
    );
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TS2025"),
        dec("230155274.64")
    );
    // No way to Vuosikate is known (no Toimintakate, no financing items): the waterfall
    // shows the two totals as filed, and no step.
    let dataset = &imported.dataset;
    let table = raami::analysis::table::node_table(dataset, &dataset.org[0].id, None);
    let steps: Vec<(Line, bool)> = raami::chart::waterfall(&table, "TA2023")
        .iter()
        .map(|s| (s.line, s.total))
        .collect();
    assert_eq!(
        steps,
        [(Line::Vuosikate, true), (Line::TilikaudenTulos, true)]
    );
}

#[test]
fn vantaas_ktas_filing_in_the_state_treasurys_open_data() {
    // Vantaa (0124610-9), KTAS 2023 in the same open data.
    let imported = ktas_extract("vantaa-ktas-2023.csv", "0124610-9");
    assert_eq!(
        stated(&imported, Line::Vuosikate, "TA2023"),
        dec("157456503.70")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TA2023"),
        dec("45224544.38")
    );
    assert_eq!(
        stated(&imported, Line::TilikaudenTulos, "TAM2022"),
        dec("-48712715.96")
    );
    assert_eq!(
        stated(&imported, Line::Toimintakulut, "TS2024"),
        dec("-834296308.30")
    );
    assert_eq!(
        stated(&imported, Line::Toimintatuotot, "TS2025"),
        dec("174471219.04")
    );
}

#[test]
fn a_part_total_and_figures_run_together_without_a_header_are_refused_with_the_reason() {
    // Helsinki, Talousarvio 2022, 7.0 Tuloslaskelmaosa: only the part's Tulot, Menot and
    // Netto (taxes, state aid and financial items), no line of the statement.
    let error = refused("helsinki-talousarvio-2022-tuloslaskelmaosa.txt");
    assert!(matches!(error, ImportError::NoFigures { .. }), "{error:?}");
    let message = error.message(Lang::Fi);
    assert!(message.contains("rivi 19"), "{message}");
    assert!(message.contains("osan yhteissumma"), "{message}");
    // The rows of Helsinki's sector statement without the header above them: nothing says
    // which figure is which, so no figure is told from the next.
    let text = std::fs::read_to_string(path("helsinki-talousarvio-2023-sote-tuloslaskelmaosa.txt"))
        .unwrap();
    let rows: String = text
        .lines()
        .skip(20)
        .take(4)
        .map(|l| format!("{l}\n"))
        .collect();
    let error = match import_file("rows.txt", rows.as_bytes(), &Options::default()) {
        Ok(_) => panic!("rows without a header were read"),
        Err(error) => error,
    };
    let message = error.message(Lang::Fi);
    assert!(
        message.contains("luvut ovat kiinni toisissaan"),
        "{message}"
    );
    assert!(
        message.contains("”Myyntitulot    70 06171 05772 778”"),
        "{message}"
    );
}

#[test]
fn names_without_figures_and_figures_without_a_header_are_refused_with_the_reason() {
    // Uusikaupunki, Ennakkotilinpäätös 2017: the line names came through, no figure did.
    let message = cause_message("uusikaupunki-ennakkotilinpaatos-2017.txt");
    assert!(message.contains("ei yhtään lukua"), "{message}");
    assert!(message.contains("Toimintakate"), "{message}");
    // Viitasaari, Talousarvio 2024: key figures in a list, with no year or kind.
    let message = cause_message("viitasaari-talousarvio-2024-tunnuslukuja.txt");
    assert!(message.contains("rivi 7"), "{message}");
    assert!(message.contains("ei otsikkoriviä"), "{message}");
}

#[test]
fn a_budget_visualisations_json_is_refused_naming_what_it_is_and_lacks() {
    // Oulu, Tilinpäätös 2024 as published for a visualisation (tulot/menot, milj. €).
    let error = refused("oulu-talous-2024.json");
    let message = error.message(Lang::Fi);
    assert!(message.contains("yksikkö milj. €"), "{message}");
    assert!(message.contains("Investoinnit"), "{message}");
    assert!(
        message.contains("puuttuvat Toimintakate, Vuosikate, Tilikauden tulos"),
        "{message}"
    );
    assert!(error.message(Lang::En).contains("not an income statement"));
}

#[test]
fn a_bare_year_is_refused_when_the_document_does_not_say_it_is_a_statement() {
    // The Kauhava statement under a name and title that say nothing of its kind.
    let text = std::fs::read_to_string(path("kauhava-tilinpaatos-2024-tuloslaskelma.txt"))
        .unwrap()
        .replace("Tilinpäätös 2024", "");
    let error = import_file("tuloslaskelma.txt", text.as_bytes(), &Options::default()).unwrap_err();
    let message = error.message(Lang::Fi);
    assert!(message.contains("rivi 4"), "{message}");
    assert!(
        message.contains("otsikon solu ”2024” on pelkkä vuosi 2024"),
        "{message}"
    );
    assert!(matches!(error, ImportError::OpenHeader { .. }));
    // And the year of `Talousarvio €` is asked when neither title nor a TP column gives it.
    let text = std::fs::read_to_string(path("kauhava-tilinpaatos-2024-ulkoinen.txt"))
        .unwrap()
        .replace("Tilinpäätös 2024", "")
        .replace("TP 2023", "ENN2023");
    let message = import_file("ulkoinen.txt", text.as_bytes(), &Options::default())
        .unwrap_err()
        .message(Lang::En);
    assert!(
        message.contains("“Talousarvio” is the kind Budget without a year"),
        "{message}"
    );
}

#[test]
fn one_marker_means_one_unit_within_a_document() {
    // Seed 004 prints `1000e` over every table; its sector's figures are plainly euros,
    // so none of its tables is scaled (its units' tables alone would look like thousands).
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/004_5dc7e1308ebb358c.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let imported = import_file("004.txt", &bytes, &Options::default())
        .unwrap()
        .remove(0);
    assert!(
        imported
            .detections
            .iter()
            .any(|d| matches!(d, Detection::UnitStatedButEuros { .. }))
    );
    assert!(
        !imported
            .detections
            .iter()
            .any(|d| d.message(Lang::Fi).contains("kerrottiin"))
    );
    let values = Values::new(&imported.dataset);
    assert_eq!(
        values
            .value("varhaiskasvatus", Line::Toimintakate, "TP2022")
            .unwrap()
            .amount,
        dec("-7493498")
    );
}

#[test]
fn the_statement_marks_a_difference_by_what_it_is() {
    use raami::analysis::table::{Difference, node_table};
    let mark = |name: &str, line: Line, column: &str| {
        let imported = import(name);
        let dataset = &imported.dataset;
        let table = node_table(dataset, &dataset.org[0].id, None);
        let index = table.column_index(column).unwrap();
        let cell = table.row(line).unwrap().cells[index].clone().unwrap();
        (cell.difference, cell.parts_sum)
    };
    // Simo's Tp 2013 Toimintakate: a contradiction of 36 000, never "a rounding difference".
    assert_eq!(
        mark(
            "simo-talous-tp2012-ta2016.txt",
            Line::Toimintakate,
            "TP2013"
        ),
        (Some(Difference::Contradiction), Some(dec("-19790418")))
    );
    // Kauhava's key figures in thousands: 9 552 against 9 551, rounding.
    assert_eq!(
        mark(
            "kauhava-tilinpaatos-2024-tunnusluvut.txt",
            Line::Vuosikate,
            "TP2024"
        ),
        (Some(Difference::Rounding), Some(dec("9551000")))
    );
    // Kauhava's follow-up prints Poistot without Arvonalentumiset: not compared.
    assert_eq!(
        mark(
            "kauhava-tilinpaatos-2024-toteutuminen.txt",
            Line::PoistotJaArvonalentumiset,
            "TOT2024"
        ),
        (Some(Difference::NotCompared), Some(dec("-5986806.75")))
    );
}

#[test]
fn the_waterfall_steps_only_where_the_parts_are_all_there() {
    use raami::analysis::table::node_table;
    use raami::chart::{waterfall, waterfall_summary};
    // Seinäjoki's statement: Toimintakulut cannot be computed (rows were not read), so the
    // way to Toimintakate is unknown and it stands alone; no "revenue" or "costs" is said.
    let imported = import("seinajoki-tilinpaatos-2024-tuloslaskelma.txt");
    let dataset = &imported.dataset;
    let table = node_table(dataset, &dataset.org[0].id, None);
    let steps = waterfall(&table, "TP2024");
    assert_eq!((steps[0].line, steps[0].total), (Line::Toimintakate, true));
    assert_eq!(steps[0].to, dec("-178750051.35"));
    let column = dataset.column("TP2024").unwrap();
    let sentence = waterfall_summary(&steps, column, "€", Lang::Fi);
    assert!(!sentence.contains("tuotot"), "{sentence}");
    // Kauhava's follow-up: Poistot is one step, because its printed parts do not add up to it
    // (Arvonalentumiset is not printed); the steps to Toimintakate are the printed lines.
    let imported = import("kauhava-tilinpaatos-2024-toteutuminen.txt");
    let dataset = &imported.dataset;
    let table = node_table(dataset, &dataset.org[0].id, None);
    let steps = waterfall(&table, "TOT2024");
    assert_eq!(steps[0].line, Line::Toimintatuotot);
    assert_eq!(steps[0].to, dec("7725767.34"));
    let poistot: Vec<_> = steps
        .iter()
        .filter(|s| {
            matches!(
                s.line,
                Line::PoistotJaArvonalentumiset | Line::SuunnitelmanMukaisetPoistot
            )
        })
        .collect();
    assert_eq!(poistot.len(), 1);
    assert_eq!(poistot[0].line, Line::PoistotJaArvonalentumiset);
    assert_eq!(poistot[0].to - poistot[0].from, dec("-6275357.36"));
    let sentence = waterfall_summary(&steps, dataset.column("TOT2024").unwrap(), "€", Lang::Fi);
    assert!(
        sentence.contains("kulut \u{2212}46\u{a0}216\u{a0}718"),
        "{sentence}"
    );
}
