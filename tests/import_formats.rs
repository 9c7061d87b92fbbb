//! Every file format on real figures: CSV in Finnish Excel style (`;`, cp1252, no-break
//! space groups, dashes), long CSV and ledgers, the State Treasury's KTAS extract, and XLSX
//! written by the test itself; and malformed files, each with its clear, located message.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write;

use raami::analysis::validate;
use raami::i18n::Lang;
use raami::import::{Detection, ImportError, Imported, Options, SIZE_LIMIT, import_file};
use raami::model::{Dataset, Line};
use raami::numfmt::format_eur;
use raami::sample::heinola;

fn import_one(name: &str, bytes: &[u8]) -> Imported {
    let mut all = import_file(name, bytes, &Options::default())
        .unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn error(name: &str, bytes: &[u8], options: &Options, lang: Lang) -> String {
    import_file(name, bytes, options)
        .map(|_| ())
        .unwrap_err()
        .message(lang)
}

fn messages(imported: &Imported) -> Vec<String> {
    imported
        .warnings
        .iter()
        .map(|w| w.message(Lang::Fi))
        .collect()
}

/// Encodes text as cp1252 (the characters used here all exist in it).
fn cp1252(text: &str) -> Vec<u8> {
    encoding_rs_free::encode(text)
}

mod encoding_rs_free {
    /// Windows-1252 for the Finnish letters, NBSP and the en dash, which is all the tests need.
    pub fn encode(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| match c {
                'ä' => 0xE4,
                'ö' => 0xF6,
                'å' => 0xE5,
                'Ä' => 0xC4,
                'Ö' => 0xD6,
                '\u{00A0}' => 0xA0,
                '–' => 0x96,
                '€' => 0x80,
                c if c.is_ascii() => c as u8,
                other => panic!("not in the test's cp1252 table: {other}"),
            })
            .collect()
    }
}

/// The sample's figures of one node, as text rows `line;TP2024;TA2025;TOT2025`.
fn sample_figures(sample: &Dataset, org: &str) -> Vec<(Line, Vec<Option<String>>)> {
    let columns = ["TP2024", "TA2025", "TOT2025"];
    sample.figures[org]
        .iter()
        .map(|(line, by_col)| {
            (
                *line,
                columns
                    .iter()
                    .map(|c| by_col.get(*c).map(|v| v.to_string()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn wide_csv_in_finnish_excel_style() {
    let sample = heinola().unwrap();
    // Seed 003's Yhteiset palvelut table as Excel in Finland saves it: `;`, cp1252,
    // no-break-space groups, en-dash minus, a title row, and the printed derived columns.
    let mut text = String::from(
        "Yhteiset palvelut;;;;;\r\nSelite;Tilinpäätös 2024;Talousarvio 2025;Toteuma 2025;Poikkeama;Toteuma %\r\n",
    );
    for (line, values) in sample_figures(&sample, "yhteiset_palvelut") {
        let cells: Vec<String> = values
            .iter()
            .map(|v| {
                v.as_ref()
                    .map(|v| format_eur(v.parse().unwrap(), Lang::Fi).replace('\u{2212}', "–"))
                    .unwrap_or_default()
            })
            .collect();
        let ta: rust_decimal::Decimal = values[1].as_ref().unwrap().parse().unwrap();
        let tot: rust_decimal::Decimal = values[2].as_ref().unwrap().parse().unwrap();
        let pct = raami::analysis::derived::toteuma_pct(ta, tot).map_or("0,00".to_string(), |p| {
            format!("{}", p.round_dp(2)).replace('.', ",")
        });
        writeln!(
            text,
            "{};{};{};{}\r",
            line.name(Lang::Fi),
            cells.join(";"),
            format_eur(ta - tot, Lang::Fi).replace('\u{2212}', "–"),
            pct,
        )
        .unwrap();
    }
    let imported = import_one("yhteiset.csv", &cp1252(&text));
    assert!(imported.warnings.is_empty(), "{:#?}", messages(&imported));
    assert!(
        imported
            .detections
            .contains(&Detection::Encoding("Windows-1252 (cp1252)".into()))
    );
    assert!(imported.detections.contains(&Detection::Delimiter(';')));
    assert!(imported.detections.contains(&Detection::Numbers {
        decimal: ',',
        group: None
    }));
    assert!(
        imported
            .detections
            .contains(&Detection::HeaderRow { line: 2 }),
        "{:?}",
        imported.detections
    );
    let dataset = &imported.dataset;
    assert_eq!(dataset.org[0].name, "Yhteiset palvelut");
    assert_eq!(
        dataset.figures["yhteiset_palvelut"],
        sample.figures["yhteiset_palvelut"]
    );
    assert_eq!(
        dataset
            .columns
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["TP2024", "TA2025", "TOT2025"]
    );
}

#[test]
fn wide_csv_with_bom_minus_sign_and_narrow_spaces_and_a_wrong_variance() {
    let text = "\u{FEFF}Yksikkö;Selite;TA 2025;Toteuma 2025;Poikkeama\nVaalit;Toimintakulut;\u{2212}88\u{202F}400;\u{2212}79\u{202F}084;\u{2212}9\u{202F}316\nVaalit;Toimintatuotot;0;21\u{202F}699;\u{2212}21\u{202F}699\nTarkastustoimi;Toimintakulut;-67 100;-57 829;-9 999\n";
    let imported = import_one("yksiköt.csv", text.as_bytes());
    assert!(
        imported
            .detections
            .contains(&Detection::Encoding("UTF-8 (BOM)".into()))
    );
    assert_eq!(
        messages(&imported),
        [
            "yksiköt.csv, rivi 4: ”Toimintakulut”, Poikkeama: painettu \u{2212}9\u{a0}999, luvuista laskettuna \u{2212}9\u{a0}271"
        ]
    );
    let ds = &imported.dataset;
    assert_eq!(
        ds.org.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
        ["Vaalit", "Tarkastustoimi"]
    );
    assert_eq!(
        ds.stated("vaalit", Line::Toimintakulut, "TOT2025"),
        Some((-79084).into())
    );
    assert_eq!(
        ds.stated("tarkastustoimi", Line::Toimintakulut, "TA2025"),
        Some((-67100).into())
    );
}

#[test]
fn long_csv_gives_the_service_areas_of_seed_004() {
    let sample = heinola().unwrap();
    let areas = [
        "hyvinvoinnin_ja_terveyden_edistaminen",
        "opetus_ja_koulutuspalvelut",
        "varhaiskasvatus",
        "virikkeellinen_elama",
    ];
    let mut text = String::from("organisaatio;rivi;vuosi;laji;arvo\n");
    for area in areas {
        let name = &sample.node(area).unwrap().name;
        for (line, by_col) in &sample.figures[area] {
            for (column, value) in by_col {
                let column = sample.column(column).unwrap();
                writeln!(
                    text,
                    "{name};{};{};{};{}",
                    line.name(Lang::Fi).to_uppercase(),
                    column.year,
                    column.kind.code(Lang::Fi),
                    value.to_string().replace('.', ",")
                )
                .unwrap();
            }
        }
    }
    let imported = import_one("palvelualueet.csv", text.as_bytes());
    assert!(imported.warnings.is_empty(), "{:#?}", messages(&imported));
    assert!(
        imported
            .detections
            .contains(&Detection::Layout { long: true })
    );
    for area in areas {
        assert_eq!(
            imported.dataset.figures[area], sample.figures[area],
            "{area}"
        );
    }
}

#[test]
fn a_ledger_by_account_with_expenses_positive() {
    // Accounts of JHS 192 are added up into lines; debits (expenses) are positive here.
    let text = "yksikkö;tili;sarake;euroa\n\
        Kirjasto;3000 Myyntituotot;TP 2025;1200,50\n\
        Kirjasto;3210;TP 2025;800\n\
        Kirjasto;4000 Palkat;TP 2025;50 000\n\
        Kirjasto;4110 Eläkekulut;TP 2025;10 000,25\n\
        Kirjasto;4300;TP 2025;7 000\n\
        Kirjasto;4610;TP 2025;-500\n\
        Kirjasto;9999 Tuntematon;TP 2025;1\n";
    let imported = import_one("pääkirja.csv", text.as_bytes());
    assert_eq!(
        messages(&imported),
        [
            "pääkirja.csv, rivi 8, solu B8: rivi ”9999 Tuntematon” ei ole tunnettu tuloslaskelman rivi; ohitettiin"
        ]
    );
    assert!(
        imported
            .detections
            .contains(&Detection::Accounts { rows: 6 })
    );
    assert!(imported.detections.contains(&Detection::ExpensesPositive {
        positive: 2,
        negative: 1
    }));
    let ds = &imported.dataset;
    assert_eq!(
        ds.stated("kirjasto", Line::Henkilostokulut, "TP2025"),
        Some("-60000.25".parse().unwrap())
    );
    assert_eq!(
        ds.stated("kirjasto", Line::AineetTarvikkeetJaTavarat, "TP2025"),
        Some("500".parse().unwrap())
    );
    assert_eq!(
        ds.stated("kirjasto", Line::Maksutuotot, "TP2025"),
        Some("800".parse().unwrap())
    );
    let table = raami::analysis::node_table(ds, "kirjasto", None);
    assert_eq!(
        table.amount(Line::Toimintakate, "TP2025"),
        Some("-64499.75".parse().unwrap())
    );
}

#[test]
fn a_ktas_extract_of_two_municipalities() {
    // Expenses positive and subtotals signed, as the State Treasury publishes them; codes
    // from the JHS 192 taxonomy extract. Heinola's are the sector figures of seed 004 for
    // TA 2024 and TS 2025; Esimerkkilä's are a consistent invention.
    let rows = [
        ("Heinola", 16, "Toimintatulot", "2688600"),
        ("Heinola", 632, "Toimintamenot", "32611450"),
        ("Heinola", 473, "Henkilöstömenot", "19327000"),
        ("Heinola", 15, "Palvelujen ostot", "5628800"),
        ("Heinola", 4, "Aineet, tarvikkeet ja tavarat", "712850"),
        ("Heinola", 627, "Avustukset", "754000"),
        ("Heinola", 561, "Muut toimintamenot", "6188800"),
        ("Heinola", 545, "TOIMINTAKATE", "-29922850"),
        ("Heinola", 805, "Toimintatulot", "2265600"),
        ("Heinola", 1476, "Toimintamenot", "33346600"),
        ("Heinola", 1422, "TOIMINTAKATE", "-31081000"),
        ("Esimerkkilä", 16, "Toimintatulot", "1000000"),
        ("Esimerkkilä", 632, "Toimintamenot", "5000000"),
        ("Esimerkkilä", 545, "TOIMINTAKATE", "-4000000"),
        ("Esimerkkilä", 584, "Verotulot", "3500000"),
        ("Esimerkkilä", 1157, "Valtionosuudet", "900000"),
        (
            "Esimerkkilä",
            45,
            "Rahoitustulot (+) ja -menot (-)",
            "-20000",
        ),
        ("Esimerkkilä", 1093, "VUOSIKATE", "380000"),
    ];
    let mut text = String::from("Kunta;Vuosi;Vaihe;Koodi;Tunnusluku;Arvo\n");
    for (kunta, code, name, value) in rows {
        writeln!(text, "{kunta};2024;TA;{code};{name};{value}").unwrap();
    }
    let imported = import_one("ktas.csv", text.as_bytes());
    assert!(imported.warnings.is_empty(), "{:#?}", messages(&imported));
    assert!(
        imported
            .detections
            .iter()
            .any(|d| matches!(d, Detection::ExpensesPositive { .. }))
    );
    let ds = &imported.dataset;
    assert_eq!(
        ds.org
            .iter()
            .map(|n| (n.name.as_str(), n.parent.is_none()))
            .collect::<Vec<_>>(),
        [("Heinola", true), ("Esimerkkilä", true)]
    );
    assert_eq!(
        ds.stated("heinola", Line::Toimintakulut, "TA2024"),
        Some((-32_611_450).into())
    );
    assert_eq!(
        ds.stated("heinola", Line::Henkilostokulut, "TA2024"),
        Some((-19_327_000).into())
    );
    assert_eq!(
        ds.stated("heinola", Line::Toimintakulut, "TS2025"),
        Some((-33_346_600).into())
    );
    assert_eq!(
        ds.stated("heinola", Line::Toimintakate, "TS2025"),
        Some((-31_081_000).into())
    );
    assert_eq!(
        ds.stated("esimerkkila", Line::Vuosikate, "TA2024"),
        Some(380_000.into())
    );
    // The normalised signs agree with the subtotals.
    let report = validate(ds);
    assert!(report.is_consistent(), "{:#?}", report.findings);
    assert!(report.checks >= 5);
}

fn xlsx_bytes(build: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    build(&mut workbook);
    workbook.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_a_chosen_sheet() {
    let sample = heinola().unwrap();
    let bytes = xlsx_bytes(|wb| {
        let notes = wb.add_worksheet().set_name("Ohje").unwrap();
        notes
            .write(0, 0, "Tämä työkirja sisältää vastuualueiden luvut.")
            .unwrap();
        let sheet = wb.add_worksheet().set_name("Vastuualueet").unwrap();
        for (c, h) in ["Vastuualue", "Selite", "TP 2024", "TA 2025", "Toteuma 2025"]
            .iter()
            .enumerate()
        {
            sheet.write(1, c as u16, *h).unwrap();
        }
        let mut row = 2;
        for unit in ["vaalit", "talouspalvelut"] {
            for (line, values) in sample_figures(&sample, unit) {
                sheet
                    .write(row, 0, sample.node(unit).unwrap().name.as_str())
                    .unwrap();
                sheet.write(row, 1, line.name(Lang::Fi)).unwrap();
                for (i, v) in values.iter().enumerate() {
                    if let Some(v) = v {
                        sheet
                            .write(row, 2 + i as u16, v.parse::<f64>().unwrap())
                            .unwrap();
                    }
                }
                row += 1;
            }
        }
    });
    let imported = import_one("vastuualueet.xlsx", &bytes);
    assert!(imported.warnings.is_empty(), "{:#?}", messages(&imported));
    assert!(imported.detections.contains(&Detection::Sheet {
        name: "Vastuualueet".into(),
        sheets: vec!["Ohje".into(), "Vastuualueet".into()]
    }));
    assert!(
        imported
            .detections
            .contains(&Detection::HeaderRow { line: 2 })
    );
    for unit in ["vaalit", "talouspalvelut"] {
        assert_eq!(
            imported.dataset.figures[unit], sample.figures[unit],
            "{unit}"
        );
    }
    // Asking for the notes sheet says what is missing there; a sheet that does not exist
    // is named with the sheets there are.
    let only_notes = Options {
        sheet: Some("Ohje".into()),
        ..Options::default()
    };
    assert!(
        error("vastuualueet.xlsx", &bytes, &only_notes, Lang::Fi)
            .starts_with("vastuualueet.xlsx, taulukko Ohje: otsikkoriviä ei löytynyt")
    );
    let missing = Options {
        sheet: Some("Talous".into()),
        ..Options::default()
    };
    assert_eq!(
        error("vastuualueet.xlsx", &bytes, &missing, Lang::En),
        "vastuualueet.xlsx: there is no sheet “Talous”; the sheets are: Ohje, Vastuualueet"
    );
}

#[test]
fn an_unclosed_quote_a_nul_byte_and_an_unreadable_figure_are_named_as_such() {
    let none = Options::default();
    // These were told "there are no figures under the header row" (issue 9).
    assert_eq!(
        error(
            "lainaus.csv",
            b"Selite;TP 2024;TA 2025\n\"Toimintatuotot;100;200\nToimintakulut;-50;-60\n",
            &none,
            Lang::En
        ),
        "lainaus.csv, line 2: a quote (\") opens a cell that is never closed, so the rest of the file would be one cell; close the quote or remove it"
    );
    assert_eq!(
        error(
            "nul.csv",
            b"Selite;TP 2024;TA 2025\nToiminta\0tuotot;100;200\n",
            &none,
            Lang::Fi
        ),
        "nul.csv, rivi 2: tiedostossa on NUL-tavu, joten se ei ole tekstiä (tai se on koodattu tavalla, jota Raami ei tunnista); tallenna se CSV- tai tekstitiedostona (UTF-8)"
    );
    assert_eq!(
        error(
            "eksponentti.csv",
            b"Selite;TP 2024;TA 2025\nToimintatuotot;1e999;200\n",
            &none,
            Lang::En
        ),
        "eksponentti.csv: no figures were read under the header row; the only row was skipped: eksponentti.csv, line 2, cell B2: “Toimintatuotot” has “1e999” where a number was expected; skipped"
    );
    // UTF-16 without its byte-order mark is read, and said; NUL bytes in what is not UTF-16
    // are refused. Kauhava's Tilinpäätös 2024 (p. 126).
    let table = "Selite;TP 2024\nToimintakate;−38 396 165,19\nVuosikate;9 551 587,40\n";
    for big_endian in [false, true] {
        let mut utf16 = Vec::new();
        for unit in table.encode_utf16() {
            utf16.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let imported = import_one("kopio.csv", &utf16);
        let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        assert!(
            imported
                .detections
                .contains(&Detection::Encoding(format!("{encoding} (no BOM)"))),
            "{:?}",
            imported.detections
        );
        assert_eq!(
            imported
                .dataset
                .stated(&imported.dataset.org[0].id, Line::Vuosikate, "TP2024"),
            Some(rust_decimal::Decimal::new(955_158_740, 2))
        );
    }
    let mut binary = b"Selite;TP 2024\n".to_vec();
    binary.extend_from_slice(&[0, 0, 0, 1, 2, 0, 0, 0]);
    assert!(
        error("outo.txt", &binary, &none, Lang::En)
            .starts_with("outo.txt, line 2: the file has a NUL byte"),
        "{}",
        error("outo.txt", &binary, &none, Lang::En)
    );
    // Quotes that close, a doubled quote inside, and a quote inside a field are fine.
    let text = "Selite;TP 2024\n\"Toimintatuotot\";\"100\"\n\"Toimintakulut \"\"muut\"\"\";-50\nHuom 5\" näyttö;\n";
    let imported = import_one("lainaukset.csv", text.as_bytes());
    assert_eq!(
        imported
            .dataset
            .stated(&imported.dataset.org[0].id, Line::Toimintatuotot, "TP2024"),
        Some(100.into())
    );
}

#[test]
fn malformed_files_get_clear_messages() {
    let none = Options::default();
    // A header and nothing under it.
    assert_eq!(
        error("tyhjä.csv", b"Selite;TP 2024;TA 2025\n", &none, Lang::Fi),
        "tyhjä.csv: otsikkorivin alla ei ole yhtään lukua"
    );
    // No header at all.
    assert!(
        error(
            "muu.csv",
            b"nimi;osoite\nMaija;Kauppakatu 1\n",
            &none,
            Lang::En
        )
        .starts_with("muu.csv: no header row found; expected year columns")
    );
    // An empty file.
    assert_eq!(
        error("x.csv", b"  \n", &none, Lang::Sv),
        "x.csv: filen är tom"
    );
    // A truncated workbook.
    let bytes = xlsx_bytes(|wb| {
        wb.add_worksheet().write(0, 0, "Selite").unwrap();
    });
    let message = error("katkennut.xlsx", &bytes[..bytes.len() / 2], &none, Lang::Fi);
    assert!(
        message.starts_with("katkennut.xlsx: työkirjaa ei voi lukea"),
        "{message}"
    );
    // Too large.
    let big = vec![0u8; SIZE_LIMIT as usize + 1];
    assert_eq!(
        error("iso.csv", &big, &none, Lang::En),
        format!(
            "iso.csv: the file is {} bytes, the largest accepted is {SIZE_LIMIT} bytes",
            SIZE_LIMIT + 1
        )
    );
    // A package with a broken figure names its line.
    let package = "{\"format\": \"raami-package\", \"version\": 1,\n \"datasets\": [{\"id\": \"d\", \"name\": \"D\", \"columns\": [], \"org\": [],\n \"figures\": {\"a\": {\"toimintakate\": {\"TP2022\": \"x\"}}}}]}";
    assert!(
        error("p.json", package.as_bytes(), &none, Lang::Fi).starts_with("p.json: rivi 3, sarake")
    );
}

#[test]
fn ragged_rows_and_bad_numbers_are_skipped_with_their_cell() {
    let text = "Selite;TA 2025;Toteuma 2025\nToimintatuotot;100;90\nToimintakulut;-50;-40;-30;-20\nPoistot ja arvonalentumiset;-1e99;-5\nVuosikate;99999999999999999999999999999999;1\n";
    let imported = import_one("rikki.csv", text.as_bytes());
    assert_eq!(
        messages(&imported),
        [
            "rikki.csv, rivi 3, solu E3: rivillä ”Toimintakulut” on 5 lukua, otsikossa 3 saraketta; ohitettiin",
            "rikki.csv, rivi 4, solu B4: rivillä ”Poistot ja arvonalentumiset” on ”-1e99”, odotettiin lukua; ohitettiin",
            "rikki.csv, rivi 5, solu B5: rivillä ”Vuosikate” on ”99999999999999999999999999999999”, odotettiin lukua; ohitettiin",
        ]
    );
    assert_eq!(
        imported
            .dataset
            .stated("rikki", Line::Toimintatuotot, "TOT2025"),
        Some(90.into())
    );
}

/// A workbook of one small entry whose central directory declares 4 GB unpacked, as a
/// bomb's entry would.
fn zip_bomb() -> Vec<u8> {
    use std::io::Write as _;
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        zip.write_all(b"<worksheet/>").unwrap();
        zip.finish().unwrap();
    }
    let mut bytes = buffer.into_inner();
    let central = bytes
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
        .unwrap();
    bytes[central + 24..central + 28].copy_from_slice(&0xFFFF_FF00u32.to_le_bytes());
    bytes
}

#[test]
fn a_zip_bomb_in_xlsx_clothing_is_refused() {
    let bytes = zip_bomb();
    let message = error("pommi.xlsx", &bytes, &Options::default(), Lang::Fi);
    assert_eq!(
        message,
        format!(
            "pommi.xlsx: työkirja purkautuisi {} tavuksi, suurin sallittu on {} tavua; ei luettu",
            0xFFFF_FF00u32,
            256 * 1024 * 1024
        )
    );
    assert!(matches!(
        import_file("pommi.xlsx", &bytes, &Options::default()),
        Err(ImportError::Unpacks { .. })
    ));
}

#[test]
fn a_mapping_names_labels_in_pasted_text_and_ignores_rows() {
    use raami::import::mapping::{LineTarget, Mapping};
    let text = "Kunta TP 2024 TA 2025\nPalkat yhteensä -1 000 -1 100\nSisäiset erät -5 -6\nToimintakulut -1 005 -1 106\n";
    let plain = raami::import::pdftext::import_text("t.txt", text, None).unwrap();
    assert_eq!(plain.warnings.len(), 2, "{:?}", plain.warnings);
    let mut mapping = Mapping::default();
    mapping.set_line(
        "Palkat yhteensä",
        LineTarget::Line {
            line: Line::Henkilostokulut,
        },
    );
    mapping.set_line("sisäiset erät", LineTarget::Ignore);
    let options = Options {
        mapping,
        ..Options::default()
    };
    let mapped = import_file("t.txt", text.as_bytes(), &options)
        .unwrap()
        .remove(0);
    assert!(mapped.warnings.is_empty(), "{:?}", mapped.warnings);
    assert_eq!(
        mapped
            .dataset
            .stated("kunta", Line::Henkilostokulut, "TA2025"),
        Some((-1100).into())
    );
    // The ignored row is left out, so Toimintakulut is 6 more than the one part printed. The
    // other cost lines are not there, so validation does not call it a contradiction: it says
    // the subtotal was not compared, naming what is missing.
    let report = validate(&mapped.dataset);
    assert_eq!(report.inconsistencies().count(), 0);
    assert_eq!(report.incomplete.len(), 2, "{:?}", report.incomplete);
    let first = &report.incomplete[0];
    assert_eq!(first.line, Line::Toimintakulut);
    assert_eq!(first.stated, (-1005).into());
    assert_eq!(first.parts, (-1000).into());
    assert!(first.missing.contains(&Line::PalvelujenOstot), "{first:?}");
}

/// Goals kept in a spreadsheet, one row per goal, with the unit in its own column; texts from
/// seed 003's operating-plan goals.
const GOAL_ROWS: [[&str; 7]; 4] = [
    [
        "Yhteiset palvelut",
        "Kestävä talous",
        "Eri rahoitusmuotojen käytön edistäminen investointien sijaan",
        "Irtaimistoleasing-rahoituksen käyttö investointimenojen sijasta kasvaa",
        "Talouspalvelupäällikkö",
        "Irtaimistoleasing käytössä.",
        "Toteutuu",
    ],
    [
        "",
        "Vahva kaupunkiyhteisö",
        "Sopimushallinta- ja hankintaprosessin kehittäminen",
        "Sopimusohjeistus laadittu",
        "Kaupunginlakimies",
        "Sopimusohjetta valmisteltu vuonna 2025, hyväksyntä v. 2026.",
        "Toteutuu osittain",
    ],
    [
        "Talouspalvelut",
        "Kestävä talous",
        "Johdon raportoinnin kehittäminen",
        "Johdon työpöydän käyttöönotto v. 2025",
        "Talouspalvelupäällikkö",
        "Johdon työpöytäratkaisu käytössä esihenkilöillä.",
        "Toteutuu",
    ],
    [
        "Talouspalvelut",
        "Kestävä talous",
        "Teknisen tietoturvan käytänteet sekä osaaminen lisääminen",
        "Tietoturvakoulutusjärjestelmän mukainen osaamistaso vähintään 50 %",
        "Digi- ja tietohallintopäällikkö",
        "",
        "Kesken",
    ],
];

#[test]
fn goals_in_a_csv_file_with_a_unit_column() {
    use raami::analysis::goals::status_by_aim;
    use raami::model::{GoalLevel, GoalStatus};
    let mut text = String::from(
        "Palvelualue;Strateginen päämäärä;Tavoite;Mittari ja tavoitetaso;Vastuu;Toteuma 31.12.;Tila\n",
    );
    for row in GOAL_ROWS {
        writeln!(text, "{}", row.join(";")).unwrap();
    }
    let imported = import_one("käyttösuunnitelman_tavoitteet_2025.csv", text.as_bytes());
    let ds = &imported.dataset;
    assert_eq!(
        ds.org.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
        ["Yhteiset palvelut", "Talouspalvelut"]
    );
    assert!(ds.figures.is_empty());
    // The row without a unit belongs to the one above it.
    let of = |org: &str| ds.goals_of(org).map(|g| g.status).collect::<Vec<_>>();
    assert_eq!(
        of("yhteiset_palvelut"),
        [Some(GoalStatus::Toteutuu), Some(GoalStatus::Osittain)]
    );
    assert_eq!(of("talouspalvelut"), [Some(GoalStatus::Toteutuu), None]);
    // Named after the operating plan, and the year from the file name.
    assert!(
        ds.goals
            .iter()
            .all(|g| g.level == GoalLevel::Kayttosuunnitelma && g.year == 2025)
    );
    assert_eq!(ds.goals[0].metrics, [GOAL_ROWS[0][3]]);
    assert_eq!(
        ds.goals[1].responsible.as_deref(),
        Some("Kaupunginlakimies")
    );
    // The status Raami does not know is reported with its row, in the user's language.
    assert_eq!(
        messages(&imported),
        [
            "käyttösuunnitelman_tavoitteet_2025.csv, rivi 5: tavoitteen ”Kestävä talous” tila ”Kesken” ei ole Toteutuu, Toteutuu osittain eikä Ei toteudu; tila jätettiin tyhjäksi"
        ]
    );
    let counts = status_by_aim(&ds.goals);
    assert_eq!(counts[0].aim, "Kestävä talous");
    assert_eq!(
        (counts[0].count(GoalStatus::Toteutuu), counts[0].without),
        (2, 1)
    );
    assert!(ds.check_structure().is_ok());
}

#[test]
fn goals_in_a_workbook_sheet() {
    use raami::model::{GoalLevel, GoalStatus};
    let bytes = xlsx_bytes(|wb| {
        let sheet = wb.add_worksheet().set_name("Tavoitteet").unwrap();
        let header = [
            "Yksikkö",
            "Strateginen päämäärä",
            "Tavoite 2025",
            "Mittari ja tavoitetaso",
            "Vastuu",
            "Toteuma 31.12.",
            "Tila",
        ];
        for (c, h) in header.iter().enumerate() {
            sheet.write(0, c as u16, *h).unwrap();
        }
        for (r, row) in GOAL_ROWS.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    sheet.write(r as u32 + 1, c as u16, *text).unwrap();
                }
            }
        }
    });
    let imported = import_one("tavoitteet.xlsx", &bytes);
    let ds = &imported.dataset;
    assert_eq!(ds.goals.len(), 4);
    assert!(
        ds.goals
            .iter()
            .all(|g| g.level == GoalLevel::Valtuusto && g.year == 2025)
    );
    assert_eq!(ds.goals[2].org, "talouspalvelut");
    assert_eq!(ds.goals[2].status, Some(GoalStatus::Toteutuu));
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(
        imported.warnings[0].message(Lang::En),
        "tavoitteet.xlsx, sheet Tavoitteet, line 5: the status “Kesken” of goal “Kestävä talous” is none of Met, Partly met, Not met; it was left empty"
    );
}

#[test]
fn a_csv_in_thousands_is_scaled_and_its_rounding_allowed_for() {
    // A title row stating the unit, as exports of budget books print it (Kauhava 2024, key
    // figures, in thousands).
    let csv = "Tuloslaskelma (1 000 €);;\nSelite;TP 2024;TP 2023\nToimintatuotot;7 726;7 920\nValmistus omaan käyttöön;95;90\nToimintakulut;-46 217;-47 230\nToimintakate;-38 396;-39 220\n";
    let imported = import_one("kauhava.csv", csv.as_bytes());
    let ds = &imported.dataset;
    let node = &ds.org[0].id;
    assert_eq!(
        ds.stated(node, Line::Toimintakate, "TP2024"),
        Some((-38_396_000).into())
    );
    assert!(
        imported.detections.iter().any(|d| d
            .message(Lang::Fi)
            .contains("luvut kerrottiin 1\u{a0}000:lla")),
        "{:?}",
        imported.detections
    );
    // 7 726 + 95 − 46 217 = −38 396 exactly; 2023: 7 920 + 90 − 47 230 = −39 220.
    let report = validate(ds);
    assert!(report.is_consistent(), "{:?}", report.findings);
}

#[test]
fn a_csv_row_not_read_keeps_its_subtotals_from_being_computed() {
    // `Vuokratuotot` is no line of the statement: the row is reported, and Toimintatuotot,
    // which the file does not print, is not computed from the three rows that remain.
    let csv = "Selite;TA 2025;TS 2026\nMyyntituotot;100;110\nMaksutuotot;50;55\nVuokratuotot;20;20\nToimintakulut;-400;-410\n";
    let imported = import_one("vuokrat.csv", csv.as_bytes());
    assert!(
        messages(&imported)
            .iter()
            .any(|m| m.contains("”Vuokratuotot”"))
    );
    let ds = &imported.dataset;
    assert_eq!(ds.unread.len(), 1);
    assert_eq!(ds.unread[0].after, Some(Line::Maksutuotot));
    let values = raami::analysis::values::Values::new(ds);
    let node = &ds.org[0].id;
    assert_eq!(values.value(node, Line::Toimintatuotot, "TA2025"), None);
    assert_eq!(values.value(node, Line::Toimintakate, "TA2025"), None);
    assert_eq!(
        values
            .value(node, Line::Myyntituotot, "TA2025")
            .map(|v| v.amount),
        Some(100.into())
    );
}

#[test]
fn a_csv_header_without_years_takes_them_from_its_name_or_says_which_cell() {
    let csv = "Selite;Talousarvio €;Toteuma €;TP 2023\nToimintakate;-40 190 730;-38 396 165;-39 220 228\n";
    let imported = import_one("ulkoinen.csv", csv.as_bytes());
    let ds = &imported.dataset;
    let node = &ds.org[0].id;
    // The budget and its actual are of the year after the TP beside them.
    assert_eq!(
        ds.stated(node, Line::Toimintakate, "TOT2024"),
        Some((-38_396_165).into())
    );
    assert_eq!(
        ds.stated(node, Line::Toimintakate, "TA2024"),
        Some((-40_190_730).into())
    );
    // Bare years in a file that does not say it is a financial statement: the cell named.
    let csv = "Selite;2024;2023\nToimintakate;-38 396;-39 220\n";
    let message = error("luvut.csv", csv.as_bytes(), &Options::default(), Lang::Fi);
    assert!(message.contains("solu B1"), "{message}");
    assert!(
        message.contains("otsikon solu ”2024” on pelkkä vuosi"),
        "{message}"
    );
    // The same file named as a financial statement is read as TP.
    let imported = import_one("kauhava-tilinpaatos-2024.csv", csv.as_bytes());
    assert_eq!(
        imported
            .dataset
            .stated(&imported.dataset.org[0].id, Line::Toimintakate, "TP2024"),
        Some((-38_396).into())
    );
}

#[test]
fn a_ktas_extract_in_its_published_column_names() {
    // The State Treasury's open data names its columns `business_id`, `reporting_year`,
    // `indicator_code`, `value_raw`; the codes and figures are Heinola's TA 2024 (seed 004).
    let text = "business_id,reporting_year,indicator_code,indicator_name,value_raw\n\
        0149554-8,2024,16,Toimintatulot,2688600\n\
        0149554-8,2024,632,Toimintamenot,32611450\n\
        0149554-8,2024,545,TOIMINTAKATE,-29922850\n";
    let imported = import_one("ktas-avoin-data.csv", text.as_bytes());
    assert!(imported.warnings.is_empty(), "{:#?}", messages(&imported));
    let ds = &imported.dataset;
    assert_eq!(ds.org.len(), 1);
    let node = &ds.org[0].id;
    assert_eq!(
        ds.stated(node, Line::Toimintakulut, "TA2024"),
        Some((-32_611_450).into())
    );
    assert_eq!(
        ds.stated(node, Line::Toimintakate, "TA2024"),
        Some((-29_922_850).into())
    );
    assert!(validate(ds).is_consistent());
    // The extract has no cell for Valmistus omaan käyttöön, but Toimintatulot and
    // Toimintamenot reach the stated Toimintakate exactly: the waterfall steps to it.
    let table = raami::analysis::table::node_table(ds, node, None);
    let steps: Vec<(Line, bool)> = raami::chart::waterfall(&table, "TA2024")
        .iter()
        .map(|s| (s.line, s.total))
        .collect();
    assert_eq!(
        steps,
        [
            (Line::Toimintatuotot, false),
            (Line::Toimintakulut, false),
            (Line::Toimintakate, true)
        ]
    );
}

#[test]
fn a_ktas_extract_computes_a_subtotal_only_from_all_of_its_cells() {
    use raami::analysis::values::{Origin, Values};
    // Heinola's TA 2024 (seed 004) by its KTAS codes, without the Toimintakate cell (545). A
    // filing has a cell for Valmistus omaan käyttöön (466) and Valmistevarastojen muutos
    // (1431); an extract that lacks them does not say they are zero, so Toimintakate is not
    // computed from Toimintatulot and Toimintamenot alone, and the import says why.
    let without = "business_id,reporting_year,indicator_code,value_raw\n\
        0149554-8,2024,16,2688600\n\
        0149554-8,2024,632,32611450\n";
    let imported = import_one("ktas-poiminta.csv", without.as_bytes());
    let ds = &imported.dataset;
    assert!(ds.extract);
    let node = &ds.org[0].id;
    assert_eq!(
        Values::new(ds).value(node, Line::Toimintakate, "TA2024"),
        None
    );
    let said: Vec<String> = imported
        .detections
        .iter()
        .map(|d| d.message(Lang::Fi))
        .collect();
    assert!(
        said.iter().any(|m| m.contains(
            "Toimintakate jäi laskematta (puuttuu: Valmistevarastojen muutos, Valmistus omaan käyttöön)"
        )),
        "{said:#?}"
    );

    // With the two cells filed as zero, Toimintakate is their sum: −29 922 850 as seed 004
    // prints it.
    let with = format!("{without}0149554-8,2024,466,0\n0149554-8,2024,1431,0\n");
    let imported = import_one("ktas-poiminta.csv", with.as_bytes());
    let ds = &imported.dataset;
    let value = Values::new(ds)
        .value(&ds.org[0].id, Line::Toimintakate, "TA2024")
        .unwrap();
    assert_eq!(value.amount, (-29_922_850).into());
    assert_eq!(value.origin, Origin::FromParts);
    assert!(
        !imported
            .detections
            .iter()
            .any(|d| d.message(Lang::Fi).contains("jäi laskematta"))
    );
}

#[test]
fn a_mapping_names_the_columns_of_a_long_table() {
    use raami::import::mapping::{Mapping, TableRole};
    // A finance system's export of the same KTAS figures (Heinola's TA 2024, seed 004) under
    // headers Raami does not know: refused naming what a header must hold, then read once
    // the columns are named. `Nimi` would be taken for the line; ignored, the codes decide.
    let text = "Raportoija;Vuosi (tilikausi);KTAS-koodi;Nimi;Arvo euroina\n\
        Heinola;2024;16;Toimintatulot yhteensä;2688600\n\
        Heinola;2024;632;Toimintamenot yhteensä;32611450\n\
        Heinola;2024;545;Toimintakate;-29922850\n";
    let message = error(
        "talousjarjestelma.csv",
        text.as_bytes(),
        &Options::default(),
        Lang::Fi,
    );
    assert!(message.contains("otsikkoriviä ei löytynyt"), "{message}");
    assert!(message.contains("--mapping"), "{message}");

    let mut mapping = Mapping::default();
    mapping.set_role("Raportoija", TableRole::Org);
    mapping.set_role("vuosi (tilikausi)", TableRole::Year);
    mapping.set_role("KTAS-koodi", TableRole::Code);
    mapping.set_role("Nimi", TableRole::Ignore);
    mapping.set_role("ARVO EUROINA", TableRole::Value);
    let options = Options {
        mapping,
        ..Options::default()
    };
    let mut read = import_file("talousjarjestelma.csv", text.as_bytes(), &options).unwrap();
    assert_eq!(read.len(), 1);
    let imported = read.remove(0);
    assert!(imported.warnings.is_empty(), "{:#?}", messages(&imported));
    let ds = &imported.dataset;
    assert_eq!(ds.org.len(), 1);
    assert_eq!(ds.org[0].name, "Heinola");
    let node = &ds.org[0].id;
    assert_eq!(
        ds.stated(node, Line::Toimintatuotot, "TA2024"),
        Some(2_688_600.into())
    );
    assert_eq!(
        ds.stated(node, Line::Toimintakulut, "TA2024"),
        Some((-32_611_450).into())
    );
    assert_eq!(
        ds.stated(node, Line::Toimintakate, "TA2024"),
        Some((-29_922_850).into())
    );
    assert!(validate(ds).is_consistent());
}

#[test]
fn a_spreadsheet_printing_poikkeama_as_actual_minus_budget_is_told_once() {
    use raami::import::findings::TableDetection;
    // Kauhava's Tuloslaskelmaosan toteutuminen 2024 (p. 115) as a spreadsheet export: its
    // Poikkeama is Toteutuma − TA+m on every row. Said once, checked that way, no warnings.
    let text = "Selite;TA+m 2024;Toteuma 2024;Poikkeama\n\
        Toimintatuotot;6 228 970,00;7 725 767,34;1 496 797,34\n\
        Henkilöstökulut;-29 248 420,00;-28 659 191,96;589 228,04\n\
        Palvelujen ostot;-9 354 470,00;-9 986 040,98;-631 570,98\n\
        Verotulot;31 902 000,00;33 595 351,41;1 693 351,41\n\
        Valtionosuudet;14 490 700,00;15 120 644,00;629 944,00\n\
        Vuosikate;4 780 470,00;9 551 587,40;4 771 117,40\n";
    let imported = import_one("kauhava-toteutuminen.csv", text.as_bytes());
    assert!(imported.warnings.is_empty(), "{:#?}", messages(&imported));
    assert!(
        imported.detections.contains(&Detection::Book(
            TableDetection::PoikkeamaActualMinusBudget {
                table: "kauhava-toteutuminen".to_string(),
                budget: "TA+m".to_string(),
            }
        )),
        "{:#?}",
        imported.detections
    );
    let ds = &imported.dataset;
    assert_eq!(
        ds.stated(&ds.org[0].id, Line::Vuosikate, "TOT2024"),
        Some(rust_decimal::Decimal::new(955_158_740, 2))
    );
    // One row the other way round: the table is not all one way, so each row that does not
    // agree with Raami's TA − Toteuma is warned about, and nothing is said of a convention.
    let mixed = text.replace("589 228,04", "-589 228,04");
    let imported = import_one("sekaisin.csv", mixed.as_bytes());
    assert!(!imported.detections.iter().any(|d| matches!(
        d,
        Detection::Book(TableDetection::PoikkeamaActualMinusBudget { .. })
    )));
    assert_eq!(imported.warnings.len(), 5, "{:#?}", messages(&imported));
}

#[test]
fn a_spreadsheet_of_one_year_has_a_header_too() {
    // Kauhava's Tilinpäätös 2024 (Tuloslaskelma, p. 126), its 2024 column only.
    let text = "Selite;TP 2024\n\
        Toimintakate;-38 396 165,19\n\
        Vuosikate;9 551 587,40\n\
        Tilikauden tulos;4 161 531,04\n";
    let imported = import_one("kauhava.csv", text.as_bytes());
    let ds = &imported.dataset;
    let node = &ds.org[0].id;
    assert_eq!(
        ds.stated(node, Line::Vuosikate, "TP2024"),
        Some(rust_decimal::Decimal::new(955_158_740, 2))
    );
    assert_eq!(
        ds.stated(node, Line::TilikaudenTulos, "TP2024"),
        Some(rust_decimal::Decimal::new(416_153_104, 2))
    );
    // A title above it with one year is no header; a bare year in a row of data neither.
    let titled = format!("Talousarvio 2025\n{text}");
    let imported = import_one("otsikko.csv", titled.as_bytes());
    assert_eq!(imported.dataset.columns_in_order().len(), 1);
    assert_eq!(imported.dataset.columns_in_order()[0].id, "TP2024");
}

#[test]
fn a_zip_bomb_with_bytes_before_it_is_refused_too() {
    let bytes = zip_bomb();
    // Eight bytes of junk before the archive: it is still a zip, and still refused unread.
    let mut prefixed = b"junkjunk".to_vec();
    prefixed.extend_from_slice(&bytes);
    assert!(matches!(
        import_file("pommi.xlsx", &prefixed, &Options::default()),
        Err(ImportError::Unpacks { .. })
    ));
}

#[test]
fn a_sheet_with_a_cell_far_away_is_read_by_its_cells() {
    // A1 and the last cell of a sheet (XFD1048576): two rows, not a billion cells.
    let bytes = xlsx_bytes(|workbook| {
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "Selite").unwrap();
        sheet.write_string(0, 1, "TA 2025").unwrap();
        sheet.write_string(0, 2, "TS 2026").unwrap();
        sheet.write_string(1, 0, "Toimintakate").unwrap();
        sheet.write_number(1, 1, -100.0).unwrap();
        sheet.write_number(1, 2, -110.0).unwrap();
        sheet.write_number(1_048_575, 16_383, 1.0).unwrap();
    });
    let imported = import_one("kaukana.xlsx", &bytes);
    let ds = &imported.dataset;
    assert_eq!(
        ds.stated(&ds.org[0].id, Line::Toimintakate, "TA2025"),
        Some((-100).into())
    );
    // Many rows that far out: refused, with the limit named.
    let bytes = xlsx_bytes(|workbook| {
        let sheet = workbook.add_worksheet();
        for row in 0..3_000 {
            sheet.write_number(row, 16_383, 1.0).unwrap();
        }
        sheet.write_string(0, 0, "Selite").unwrap();
    });
    let message = error("laaja.xlsx", &bytes, &Options::default(), Lang::Fi);
    assert!(
        message.contains("taulukossa on 49152000 solua"),
        "{message}"
    );
    assert!(message.contains("enintään luetaan 32000000"), "{message}");
    // The end-to-end test gives the browser the same workbook.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("laaja.xlsx"), bytes).unwrap();
}

/// Writes the two-sheet workbook the end-to-end test picks in the browser (into
/// `target/e2e-fixtures/`, made here rather than checked in): an instructions sheet, then
/// a sheet of Heinola's Vaalit figures (seed 003).
#[test]
fn writes_the_workbook_the_browser_test_reads() {
    let bytes = xlsx_bytes(|wb| {
        let notes = wb.add_worksheet().set_name("Ohje").unwrap();
        notes.write(0, 0, "Luvut ovat taulukossa Vaalit.").unwrap();
        let sheet = wb.add_worksheet().set_name("Vaalit").unwrap();
        for (c, h) in ["Selite", "TP 2024", "TA 2025", "Toteuma 2025"]
            .iter()
            .enumerate()
        {
            sheet.write(0, c as u16, *h).unwrap();
        }
        let rows: [(&str, [f64; 3]); 3] = [
            ("Toimintatuotot", [0.0, 0.0, 1_500.0]),
            ("Toimintakulut", [-54_301.0, -88_400.0, -58_885.0]),
            ("Toimintakate", [-54_301.0, -88_400.0, -57_385.0]),
        ];
        for (r, (label, values)) in rows.iter().enumerate() {
            sheet.write(r as u32 + 1, 0, *label).unwrap();
            for (c, v) in values.iter().enumerate() {
                sheet.write(r as u32 + 1, c as u16 + 1, *v).unwrap();
            }
        }
        let other = wb.add_worksheet().set_name("Kopio").unwrap();
        for (c, h) in ["Selite", "TP 2024", "TA 2025"].iter().enumerate() {
            other.write(0, c as u16, *h).unwrap();
        }
        other.write(1, 0, "Toimintakate").unwrap();
        other.write(1, 1, -1.0).unwrap();
        other.write(1, 2, -2.0).unwrap();
    });
    // The workbook reads as the browser will read it: the first sheet with a table.
    let imported = import_one("kaksi-taulukkoa.xlsx", &bytes);
    assert_eq!(
        imported
            .dataset
            .stated(&imported.dataset.org[0].id, Line::Toimintakate, "TOT2025"),
        Some((-57_385).into())
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("kaksi-taulukkoa.xlsx"), bytes).unwrap();
}

/// A workbook's bytes with one text replaced in one of its parts (`xl/worksheets/sheet1.xml`).
fn xlsx_edited(bytes: &[u8], part: &str, from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == part {
            let text = String::from_utf8(content).unwrap();
            assert!(text.contains(from), "{text}");
            content = text.replace(from, to).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The archive with the checksum of `part` changed, in its local header and its directory.
fn bad_checksum(bytes: &[u8], part: &str) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let name = part.as_bytes();
    // (signature, offset of the CRC, offset of the name length, offset of the name)
    for (signature, crc, length, start) in
        [(b"PK\x03\x04", 14, 26, 30), (b"PK\x01\x02", 16, 28, 46)]
    {
        let mut at = 0;
        while let Some(found) = out[at..].windows(4).position(|w| w == signature) {
            let header = at + found;
            let n = usize::from(u16::from_le_bytes([
                out[header + length],
                out[header + length + 1],
            ]));
            if out.get(header + start..header + start + n) == Some(name) {
                out[header + crc] ^= 0xFF;
            }
            at = header + 4;
        }
    }
    out
}

#[test]
fn a_cell_referred_to_past_the_last_cell_of_a_sheet_is_refused() {
    // Found by fuzzing (the workbook target): the reader adds a reference up in 32 bits, so
    // B4294967298 wraps round to B2 and its 999 would stand as Toimintakate TA 2025.
    let bytes = xlsx_bytes(|workbook| {
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "Selite").unwrap();
        sheet.write_string(0, 1, "TA 2025").unwrap();
        sheet.write_string(1, 0, "Toimintakate").unwrap();
        sheet.write_number(1, 1, -100.0).unwrap();
        sheet.write_number(2, 1, 999.0).unwrap();
    });
    let good = import_one("hyva.xlsx", &bytes);
    assert_eq!(
        good.dataset
            .stated(&good.dataset.org[0].id, Line::Toimintakate, "TA2025"),
        Some((-100).into())
    );
    for (from, to, shown) in [
        ("r=\"B3\"", "r=\"B4294967298\"", "B4294967298"),
        ("r=\"B3\"", "r=\"B1048577\"", "B1048577"),
        ("r=\"B3\"", "r=\"XFE3\"", "XFE3"),
        ("<row r=\"3\"", "<row r=\"99999999999\"", "99999999999"),
        // What follows the digits does not hide them (found by fuzzing: the reader adds up
        // the digits it meets first and overflowed before it saw the `<`).
        ("r=\"B3\"", "r=\"F91385699678</8B2\"", "F91385699678</8B2"),
        ("r=\"B3\"", "r=\"ABCDEFGH\"", "ABCDEFGH"),
    ] {
        let broken = xlsx_edited(&bytes, "xl/worksheets/sheet1.xml", from, to);
        let result = import_file("rikki.xlsx", &broken, &Options::default());
        assert!(
            matches!(&result, Err(ImportError::CellBeyondSheet { reference, .. }) if reference == shown),
            "{to}: {result:?}"
        );
        let message = error("rikki.xlsx", &broken, &Options::default(), Lang::Fi);
        assert!(
            message.contains(&format!("soluviittaus ”{shown}”")) && message.contains("XFD1048576"),
            "{message}"
        );
    }
    // Nor does a bad checksum on the part hide it (the reader does not check it; the
    // fuzzer's workbook had one).
    let broken = xlsx_edited(
        &bytes,
        "xl/worksheets/sheet1.xml",
        "r=\"B3\"",
        "r=\"B4294967298\"",
    );
    let broken = bad_checksum(&broken, "xl/worksheets/sheet1.xml");
    assert!(matches!(
        import_file("rikki.xlsx", &broken, &Options::default()),
        Err(ImportError::CellBeyondSheet { .. })
    ));
    // The last cell itself is inside the sheet.
    let last = xlsx_edited(
        &bytes,
        "xl/worksheets/sheet1.xml",
        "r=\"B3\"",
        "r=\"XFD1048576\"",
    );
    assert!(import_file("viimeinen.xlsx", &last, &Options::default()).is_ok());
}
