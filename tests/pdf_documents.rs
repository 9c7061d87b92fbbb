//! Budget books and financial statements read from their PDFs: real pages of two
//! municipalities' statements (`tests/fixtures/real/*-sivut.pdf`, sources in `SOURCES.md`),
//! their figures transcribed by hand from the documents, and PDFs typeset here with known
//! tables for the cases a book's layout brings (right-aligned columns with an empty cell, a
//! header over three lines, `1 000 €`, a table turned on its page), and broken, encrypted,
//! scanned and over-large PDFs.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use raami::analysis::validate;
use raami::analysis::values::{Origin, Values};
use raami::i18n::Lang;
use raami::import::{Detection, ImportError, Imported, Options, import_file};
use raami::model::{Amount, Line};

fn path(name: &str) -> String {
    format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_file(name, bytes, &Options::default()).map(|mut all| {
        assert_eq!(all.len(), 1);
        all.remove(0)
    })
}

fn import(name: &str) -> Imported {
    let bytes = std::fs::read(path(name)).unwrap();
    read(name, &bytes).unwrap_or_else(|e| panic!("{name}: {}", e.message(Lang::En)))
}

fn dec(text: &str) -> Amount {
    Amount::from_str_exact(text).unwrap()
}

/// The node read from the table of that name (the PDF's tables are its nodes).
fn node<'a>(imported: &'a Imported, name: &str) -> &'a raami::model::OrgNode {
    imported
        .dataset
        .org
        .iter()
        .find(|n| n.name == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = imported
                .dataset
                .org
                .iter()
                .map(|n| n.name.as_str())
                .collect();
            panic!("no table {name:?} in {names:?}")
        })
}

/// A figure the table prints (stated, not computed).
fn stated(imported: &Imported, table: &str, line: Line, column: &str) -> Amount {
    let id = &node(imported, table).id;
    let value = Values::new(&imported.dataset)
        .value(id, line, column)
        .unwrap_or_else(|| panic!("{table}: no {line:?} in {column}"));
    assert_eq!(value.origin, Origin::Stated, "{table} {line:?} {column}");
    value.amount
}

/// Figures the tables print, each (table, line, column, amount as printed): stated, not
/// computed.
fn expect_figures(imported: &Imported, expected: &[(&str, Line, &str, &str)]) {
    for (table, line, column, amount) in expected {
        assert_eq!(
            stated(imported, table, *line, column),
            dec(amount),
            "{table}: {line:?} {column}"
        );
    }
}

fn messages(imported: &Imported) -> (Vec<String>, Vec<String>) {
    (
        imported
            .detections
            .iter()
            .map(|d| d.message(Lang::Fi))
            .collect(),
        imported
            .warnings
            .iter()
            .map(|w| w.message(Lang::Fi))
            .collect(),
    )
}

fn has(list: &[String], needle: &str) -> bool {
    list.iter().any(|m| m.contains(needle))
}

#[test]
fn kauhavas_statement_pages_read_from_the_pdf() {
    // Kauhava, Tilinpäätös 2024: the pages of Tuloslaskelma ja sen tunnusluvut (printed
    // p. 18), Tuloslaskelmaosan toteutuminen (p. 115), Ulkoinen tuloslaskelma (p. 124) and
    // Tuloslaskelma (p. 126), as the PDF has them.
    let imported = import("kauhava-tilinpaatos-2024-sivut.pdf");
    let key = "TULOSLASKELMA JA SEN TUNNUSLUVUT";
    expect_figures(
        &imported,
        &[
            (key, Line::Toimintakate, "TP2024", "-38396000"),
            (key, Line::Vuosikate, "TP2024", "9552000"),
            (key, Line::TilikaudenTulos, "TP2024", "4162000"),
            (key, Line::Toimintakulut, "TP2024", "-46217000"),
        ],
    );

    let follow = "Tuloslaskelmaosan toteutuminen";
    expect_figures(
        &imported,
        &[
            (follow, Line::Toimintakate, "TOT2024", "-38396165.19"),
            (follow, Line::Vuosikate, "TOT2024", "9551587.40"),
            (follow, Line::TilikaudenTulos, "TOT2024", "4161531.04"),
            (follow, Line::Toimintakate, "TAM2024", "-40190730.00"),
            (follow, Line::Toimintakulut, "TA2024", "-46525690.00"),
        ],
    );

    let external = "ULKOINEN TULOSLASKELMA";
    expect_figures(
        &imported,
        &[
            (external, Line::Toimintakate, "TOT2024", "-38396165"),
            (external, Line::Vuosikate, "TOT2024", "9551587"),
            (external, Line::Toimintakate, "TP2023", "-39220228"),
        ],
    );

    let statement = "Tuloslaskelma";
    expect_figures(
        &imported,
        &[
            (statement, Line::Toimintakate, "TP2024", "-38396165.19"),
            (statement, Line::Vuosikate, "TP2024", "9551587.40"),
            (statement, Line::TilikaudenTulos, "TP2024", "4161531.04"),
            (statement, Line::TilikaudenYlijaama, "TP2024", "4290943.08"),
            (statement, Line::Korkokulut, "TP2024", "-1645715.04"),
        ],
    );

    // Four presentations of one statement, none the units of another.
    assert!(imported.dataset.org.iter().all(|n| n.parent.is_none()));
    // Each table names its page.
    assert!(
        node(&imported, follow)
            .source
            .as_deref()
            .unwrap()
            .ends_with(", s. 2")
    );
    assert!(imported.detections.iter().any(|d| matches!(
        d,
        Detection::Table { name, page: Some(4), .. } if name == statement
    )));
    let (found, warned) = messages(&imported);
    assert!(
        has(&found, "taulukko ”Tuloslaskelma” (s. 4, rivi "),
        "{found:?}"
    );
    assert!(
        has(&found, "4 miinusmerkkiä oli omalla rivillään"),
        "{found:?}"
    );
    assert!(
        has(&found, "yksikkö on ”1 000 €”: luvut kerrottiin"),
        "{found:?}"
    );
    // The bare years of the two statements (pages 1 and 4) read as TP from the running head
    // on page 1, said once for both.
    assert!(
        has(
            &raami::import::detection_messages(&imported.detections, Lang::Fi),
            "otsikon solu ”2024” luettiin sarakkeeksi TP 2024 (”Tilinpäätös 2024” (s. 1, rivi 1)) – sama 2 taulukossa"
        ),
        "{found:?}"
    );
    assert!(warned.is_empty(), "{warned:?}");
    let report = validate(&imported.dataset);
    assert_eq!(report.inconsistencies().count(), 0, "{:?}", report.findings);
}

#[test]
fn seinajokis_statement_pages_read_from_the_pdf() {
    // Seinäjoki, Tilinpäätös 2024: the signature page (its title gives the year), the
    // statement that prints each section's total in a second column (p. 22), a page of prose
    // and the Tuloslaskelmaosa (p. 138).
    let imported = import("seinajoki-tilinpaatos-2024-sivut.pdf");
    let statement = "TULOSLASKELMA (ULKOINEN)";
    expect_figures(
        &imported,
        &[
            (statement, Line::Toimintakate, "TP2024", "-178750051.35"),
            (statement, Line::Vuosikate, "TP2024", "18033212.60"),
            (statement, Line::TilikaudenTulos, "TP2024", "-2973198.60"),
        ],
    );
    let part = "TULOSLASKELMAOSA KAUPUNKI ulkoiset ja sisäiset";
    expect_figures(
        &imported,
        &[
            (part, Line::Toimintakate, "TOT2024", "-178750051"),
            (part, Line::Vuosikate, "TOT2024", "18033213"),
            (part, Line::TilikaudenTulos, "TOT2024", "-2973199"),
            (part, Line::Toimintakate, "TAM2024", "-183018200"),
            (part, Line::Toimintatuotot, "TA2024", "80879600"),
        ],
    );
    let (_, warned) = messages(&imported);
    // The rows with two figures under one year are not guessed at, and say their page.
    assert!(
        has(
            &warned,
            "s. 2, rivi 13: rivillä ”Muut toimintatuotot” on kaksi lukua sarakkeen ”1.1.-31.12.2024” alla"
        ),
        "{warned:?}"
    );
    let report = validate(&imported.dataset);
    assert_eq!(report.inconsistencies().count(), 0, "{:?}", report.findings);
}

/// Every figure a table of the text fixture states, the PDF's table states too.
fn same_figures(pdf: &Imported, table: &str, text_fixture: &str) -> usize {
    let bytes = std::fs::read(path(text_fixture)).unwrap();
    let text = read(text_fixture, &bytes).unwrap();
    let text_node = &text.dataset.org[0].id;
    let text_values = Values::new(&text.dataset);
    let pdf_node = &node(pdf, table).id;
    let pdf_values = Values::new(&pdf.dataset);
    let mut compared = 0;
    for column in &text.dataset.columns {
        for line in Line::all() {
            if text.dataset.stated(text_node, line, &column.id).is_none() {
                continue;
            }
            let expected = text_values
                .value(text_node, line, &column.id)
                .unwrap()
                .amount;
            let got = pdf_values
                .value(pdf_node, line, &column.id)
                .map(|v| v.amount);
            assert_eq!(got, Some(expected), "{table}: {line:?} {}", column.id);
            compared += 1;
        }
    }
    compared
}

#[test]
fn the_pdf_and_its_copied_text_give_the_same_figures() {
    let kauhava = import("kauhava-tilinpaatos-2024-sivut.pdf");
    assert!(
        same_figures(
            &kauhava,
            "Tuloslaskelmaosan toteutuminen",
            "kauhava-tilinpaatos-2024-toteutuminen.txt"
        ) >= 60
    );
    assert!(
        same_figures(
            &kauhava,
            "ULKOINEN TULOSLASKELMA",
            "kauhava-tilinpaatos-2024-ulkoinen.txt"
        ) >= 60
    );
    assert!(
        same_figures(
            &kauhava,
            "Tuloslaskelma",
            "kauhava-tilinpaatos-2024-tuloslaskelma.txt"
        ) >= 60
    );
    assert!(
        same_figures(
            &kauhava,
            "TULOSLASKELMA JA SEN TUNNUSLUVUT",
            "kauhava-tilinpaatos-2024-tunnusluvut.txt"
        ) >= 30
    );
    let seinajoki = import("seinajoki-tilinpaatos-2024-sivut.pdf");
    assert!(
        same_figures(
            &seinajoki,
            "TULOSLASKELMAOSA KAUPUNKI ulkoiset ja sisäiset",
            "seinajoki-tilinpaatos-2024-toteutuminen.txt"
        ) >= 70
    );
}

// ---- PDFs typeset here ----

/// A piece of text on a page: where it starts (or, right-aligned, ends) and its size.
struct Text {
    x: f64,
    y: f64,
    text: &'static str,
    right: bool,
    size: f64,
}

fn at(x: f64, y: f64, text: &'static str) -> Text {
    Text {
        x,
        y,
        text,
        right: false,
        size: 9.0,
    }
}

fn ending(x: f64, y: f64, text: &'static str) -> Text {
    Text {
        x,
        y,
        text,
        right: true,
        size: 9.0,
    }
}

/// Helvetica's widths (1/1000 em) for the characters the tests print.
fn helvetica(c: char) -> f64 {
    match c {
        '0'..='9' => 556.0,
        ' ' | ',' | '.' => 278.0,
        '-' => 333.0,
        '€' => 556.0,
        _ => 556.0,
    }
}

fn winansi(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

/// A PDF of Helvetica text, each page's content as given; `turned` pages are landscape
/// tables drawn turned a quarter on a portrait page.
fn typeset(pages: Vec<Vec<Text>>, turned: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
    });
    let mut kids = Vec::new();
    for page in pages {
        let mut ops = Vec::new();
        if turned {
            // Landscape content on a portrait page: x along the page's height.
            ops.push(Operation::new(
                "cm",
                vec![
                    0.into(),
                    1.into(),
                    (-1).into(),
                    0.into(),
                    595.into(),
                    0.into(),
                ],
            ));
        }
        for t in page {
            let width: f64 = t.text.chars().map(helvetica).sum::<f64>() / 1000.0 * t.size;
            let x = if t.right { t.x - width } else { t.x };
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), t.size.into()]));
            ops.push(Operation::new("Td", vec![x.into(), t.y.into()]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(winansi(t.text))],
            ));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations: ops }.encode().unwrap();
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A budget book's statement page: the title gives the year, the header stands over three
/// lines, the unit under it; TS 2026 has no Satunnaiset tuotot (its cell is empty).
fn statement_page(top: f64) -> Vec<Text> {
    let (a, b, c) = (330.0, 420.0, 510.0);
    let mut y = top;
    let mut row = |label: &'static str, figures: [&'static str; 3], out: &mut Vec<Text>| {
        out.push(at(60.0, y, label));
        for (x, f) in [a, b, c].into_iter().zip(figures) {
            if !f.is_empty() {
                out.push(ending(x, y, f));
            }
        }
        y -= 13.0;
    };
    let mut out = vec![
        at(
            60.0,
            top + 90.0,
            "Talousarvio 2025 ja taloussuunnitelma 2026-2027",
        ),
        at(60.0, top + 60.0, "TULOSLASKELMA"),
        ending(a, top + 40.0, "Tilinpäätös"),
        ending(b, top + 40.0, "Talous-"),
        ending(c, top + 40.0, "Talous-"),
        ending(a, top + 30.0, "2024"),
        ending(b, top + 30.0, "arvio"),
        ending(c, top + 30.0, "suunnitelma"),
        ending(b, top + 20.0, "2025"),
        ending(c, top + 20.0, "2026"),
        ending(c, top + 10.0, "1 000 €"),
    ];
    row("Toimintatuotot", ["7 726", "7 800", "7 900"], &mut out);
    row("Toimintakulut", ["-46 217", "-47 000", "-47 500"], &mut out);
    row("Toimintakate", ["-38 491", "-39 200", "-39 600"], &mut out);
    row("Verotulot", ["33 595", "34 000", "34 500"], &mut out);
    row("Valtionosuudet", ["15 121", "15 500", "15 600"], &mut out);
    row("Vuosikate", ["10 225", "10 300", "10 500"], &mut out);
    row(
        "Poistot ja arvonalentumiset",
        ["-6 275", "-6 300", "-6 400"],
        &mut out,
    );
    row("Satunnaiset tuotot", ["885", "100", ""], &mut out);
    row("Tilikauden tulos", ["4 835", "4 100", "4 100"], &mut out);
    out
}

#[test]
fn a_typeset_statement_with_right_aligned_columns_an_empty_cell_and_a_three_line_header() {
    let pdf = typeset(vec![statement_page(600.0)], false);
    let imported =
        read("talousarvio-2025.pdf", &pdf).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    let t = "TULOSLASKELMA";
    let ids: Vec<&str> = imported
        .dataset
        .columns
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["TP2024", "TA2025", "TS2026"]);
    expect_figures(
        &imported,
        &[
            (t, Line::Toimintakate, "TP2024", "-38491000"),
            (t, Line::Vuosikate, "TA2025", "10300000"),
            (t, Line::TilikaudenTulos, "TS2026", "4100000"),
        ],
    );
    // The empty cell stays empty: TS 2026's Tilikauden tulos is not shifted into it.
    assert_eq!(
        stated(&imported, t, Line::SatunnaisetTuotot, "TA2025"),
        dec("100000")
    );
    assert!(
        imported
            .dataset
            .stated(&node(&imported, t).id, Line::SatunnaisetTuotot, "TS2026")
            .is_none()
    );
    let report = validate(&imported.dataset);
    assert!(report.is_consistent(), "{:?}", report.findings);
}

#[test]
fn a_table_turned_on_its_page_reads_as_the_upright_one() {
    let upright = read(
        "talousarvio-2025.pdf",
        &typeset(vec![statement_page(400.0)], false),
    )
    .unwrap();
    let turned = read(
        "talousarvio-2025.pdf",
        &typeset(vec![statement_page(400.0)], true),
    )
    .unwrap();
    assert_eq!(upright.dataset.figures, turned.dataset.figures);
    assert!(!turned.dataset.figures.is_empty());
}

#[test]
fn pdfs_that_cannot_be_read_say_why() {
    let lang = Lang::Fi;
    // Not a PDF beyond its header.
    let broken = read("kirja.pdf", b"%PDF-1.7\nthis is no pdf at all").unwrap_err();
    assert!(matches!(broken, ImportError::Pdf { .. }), "{broken:?}");
    assert!(
        broken.message(lang).contains("rakenne on rikki"),
        "{}",
        broken.message(lang)
    );

    // A page with no text: a scanned document.
    let scanned = typeset(vec![vec![], vec![]], false);
    let error = read("skannattu.pdf", &scanned).unwrap_err();
    assert!(
        error
            .message(lang)
            .contains("yhdelläkään PDF:n 2 sivusta ei ole tekstiä"),
        "{}",
        error.message(lang)
    );

    // Object streams that together would unpack past the limit are refused before reading:
    // three hundred of 1 MiB each, 300 KB of file.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut encoder, &vec![b'0'; 1 << 20]).unwrap();
    let packed = encoder.finish().unwrap();
    let mut bomb = b"%PDF-1.5\n".to_vec();
    for n in 1..=300 {
        bomb.extend_from_slice(
            format!("{n} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n")
                .as_bytes(),
        );
        bomb.extend_from_slice(&packed);
        bomb.extend_from_slice(b"\nendstream\nendobj\n");
    }
    assert!(bomb.len() < 1_000_000);
    let error = read("pommi.pdf", &bomb).unwrap_err();
    assert!(
        matches!(error, ImportError::Unpacks { limit, .. } if limit == 64 << 20),
        "{error:?}"
    );
}

#[test]
fn a_font_without_a_text_mapping_is_named_on_its_page() {
    // A composite font (Identity-H, two bytes a code) without a ToUnicode map: its codes
    // are glyph numbers, and nothing says which characters they draw.
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Calibri",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Calibri",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
    });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("Td", vec![50.into(), 700.into()]),
            Operation::new(
                "Tj",
                vec![Object::string_literal(vec![0, 55, 0, 72, 0, 81])],
            ),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let pages = raami::import::pdf::read_pages(&bytes, 1 << 28).unwrap();
    assert_eq!(
        pages[0].problem,
        Some(raami::import::pdf::PageProblem::NoTextMapping {
            fonts: vec!["ABCDEF+Calibri".to_string()]
        })
    );
    let error = read("kirja.pdf", &bytes).unwrap_err();
    let message = error.message(Lang::Fi);
    assert!(!message.is_empty());
}

#[test]
fn a_hand_written_pdf_with_kerned_figures_and_the_euro_sign_in_a_second_font() {
    // tests/fixtures/pdf/talousarvio-2025-tuloslaskelma.pdf, written by hand (uncompressed,
    // also a fuzzing seed): each figure drawn as two kerned pieces (`[(7 ) -10 (726)] TJ`),
    // the unit `1 000 €` with its € from a font that names it by a glyph name only.
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/pdf/talousarvio-2025-tuloslaskelma.pdf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let imported = read("talousarvio-2025-tuloslaskelma.pdf", &bytes).unwrap();
    let t = "TULOSLASKELMA";
    expect_figures(
        &imported,
        &[
            (t, Line::Toimintakate, "TP2024", "-38491000"),
            (t, Line::Vuosikate, "TA2025", "10300000"),
            (t, Line::TilikaudenTulos, "TP2024", "3950000"),
        ],
    );
    let (found, _) = messages(&imported);
    assert!(has(&found, "yksikkö on ”1 000 €”"), "{found:?}");
    assert!(validate(&imported.dataset).is_consistent());
}

#[test]
fn reading_a_pdf_reports_its_progress_page_by_page() {
    let bytes = std::fs::read(path("kauhava-tilinpaatos-2024-sivut.pdf")).unwrap();
    let mut seen = Vec::new();
    raami::import::import_file_with_progress(
        "kirja.pdf",
        &bytes,
        &Options::default(),
        &mut |done| seen.push(done),
    )
    .unwrap();
    // One report a page (four pages), rising, the pages taking 80 % of the way.
    let expected = [0.0, 0.2, 0.4, 0.6, 0.8];
    assert_eq!(seen.len(), expected.len(), "{seen:?}");
    for (got, want) in seen.iter().zip(expected) {
        assert!((got - want).abs() < 1e-9, "{seen:?}");
    }
}

#[test]
fn a_table_continued_on_the_next_page_is_one_table() {
    // The statement of `statement_page`, its rows from Verotulot on printed on the next
    // page under the book's running head and page number, the header not repeated.
    let whole = statement_page(700.0);
    let split = whole.iter().position(|t| t.text == "Verotulot").unwrap();
    let mut first: Vec<Text> = Vec::new();
    let mut second: Vec<Text> = vec![
        at(60.0, 800.0, "Talousarvio 2025"),
        ending(530.0, 800.0, "13"),
    ];
    for (i, t) in whole.into_iter().enumerate() {
        if i < split {
            first.push(t);
        } else {
            second.push(Text { y: t.y + 99.0, ..t });
        }
    }
    first.push(ending(530.0, 40.0, "12"));
    let pdf = typeset(vec![first, second], false);
    let imported = read("talousarvio-2025.pdf", &pdf).unwrap();
    let t = "TULOSLASKELMA";
    assert_eq!(imported.dataset.org.len(), 1, "{:?}", imported.dataset.org);
    expect_figures(
        &imported,
        &[
            (t, Line::Toimintakate, "TP2024", "-38491000"),
            (t, Line::Vuosikate, "TA2025", "10300000"),
            (t, Line::TilikaudenTulos, "TS2026", "4100000"),
        ],
    );
    assert!(validate(&imported.dataset).is_consistent());
}

#[test]
fn an_encrypted_pdf_is_read_only_where_it_opens_without_a_password() {
    // The hand-written statement encrypted (AES-128) by pypdf: once with a password to open
    // it, once with only an owner's password (printing and copying restricted, as many
    // municipalities publish their books), which every viewer opens.
    let fixture = |name: &str| {
        std::fs::read(format!(
            "{}/tests/fixtures/pdf/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let locked = read("salattu-salasana.pdf", &fixture("salattu-salasana.pdf")).unwrap_err();
    assert!(
        locked
            .message(Lang::Fi)
            .contains("PDF on salattu salasanalla"),
        "{}",
        locked.message(Lang::Fi)
    );
    assert!(
        locked
            .message(Lang::En)
            .contains("encrypted with a password")
    );
    let open = read(
        "salattu-vain-oikeudet.pdf",
        &fixture("salattu-vain-oikeudet.pdf"),
    )
    .unwrap();
    assert_eq!(
        stated(&open, "TULOSLASKELMA", Line::Vuosikate, "TA2025"),
        dec("10300000")
    );
}

#[test]
fn a_double_spaced_statement_with_its_unit_a_blank_line_under_the_years() {
    // As Kauhava's group statement (Tilinpäätös 2024, p. 47 of its PDF) sets it: bare years,
    // `1 000 €` under each a blank line lower, a blank line between the rows.
    let (a, b) = (400.0, 480.0);
    let mut page = vec![
        at(200.0, 800.0, "Tilinpäätös 2024"),
        at(60.0, 740.0, "TULOSLASKELMA"),
        ending(a, 700.0, "2024"),
        ending(b, 700.0, "2023"),
        ending(a, 675.0, "1 000 €"),
        ending(b, 675.0, "1 000 €"),
    ];
    let rows = [
        ("Toimintatuotot", "30 955", "30 718"),
        ("Toimintakulut", "-68 293", "-68 218"),
        ("Toimintakate", "-37 338", "-37 500"),
        ("Verotulot", "36 988", "33 172"),
        ("Valtionosuudet", "18 841", "23 702"),
        ("Vuosikate", "18 491", "19 374"),
    ];
    for (n, (label, x, y)) in rows.into_iter().enumerate() {
        let line = 640.0 - 26.0 * n as f64;
        page.push(at(60.0, line, label));
        page.push(ending(a, line, x));
        page.push(ending(b, line, y));
    }
    let imported = read("tilinpaatos.pdf", &typeset(vec![page], false)).unwrap();
    let t = "TULOSLASKELMA";
    expect_figures(
        &imported,
        &[
            (t, Line::Toimintakate, "TP2024", "-37338000"),
            (t, Line::Vuosikate, "TP2023", "19374000"),
        ],
    );
    let (found, _) = messages(&imported);
    assert!(has(&found, "yksikkö on ”1 000 €”"), "{found:?}");
    assert!(validate(&imported.dataset).is_consistent());
}

#[test]
fn a_page_with_more_content_than_any_table_is_said_and_not_run() {
    // 20 MiB of path operators on page 1 (a map, or a bomb), a table on page 2.
    let mut pages = typeset(vec![vec![], statement_page(600.0)], false);
    let mut doc = Document::load_mem(&pages).unwrap();
    let first = *doc.get_pages().get(&1).unwrap();
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let paths = b"0 0 m 1 1 l S\n".repeat(20 << 20 >> 4);
    std::io::Write::write_all(&mut encoder, &paths).unwrap();
    let packed = encoder.finish().unwrap();
    let content = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        packed,
    ));
    doc.get_dictionary_mut(first)
        .unwrap()
        .set("Contents", content);
    pages.clear();
    doc.save_to(&mut pages).unwrap();
    let read_pages = raami::import::pdf::read_pages(&pages, 1 << 28).unwrap();
    assert_eq!(
        read_pages[0].problem,
        Some(raami::import::pdf::PageProblem::TooMuchContent)
    );
    let imported = read("kirja.pdf", &pages).unwrap();
    assert_eq!(
        stated(&imported, "TULOSLASKELMA", Line::Vuosikate, "TA2025"),
        dec("10300000")
    );
    let (_, warned) = messages(&imported);
    assert!(
        has(
            &warned,
            "s. 1: sivulla on enemmän sisältöä kuin yhdessäkään taulukossa"
        ),
        "{warned:?}"
    );
}

#[test]
fn each_units_follow_up_under_the_same_caption_is_named_after_its_unit() {
    // Kauhava, Tilinpäätös 2024, 2.2 Käyttötalouden toteutuminen (the PDF's pages 73 and
    // 75): every board's table under the same caption `Talousarvion toteutuminen`, the
    // board's name above it. Two units, not one table twice with conflicting figures.
    let imported = import("kauhava-tilinpaatos-2024-lautakunnat.pdf");
    let names: Vec<&str> = imported
        .dataset
        .org
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(names, ["Keskusvaalilautakunta", "Tarkastuslautakunta"]);
    let vaalit = "Keskusvaalilautakunta";
    expect_figures(
        &imported,
        &[
            (vaalit, Line::Toimintatuotot, "TA2024", "84000"),
            (vaalit, Line::Toimintatuotot, "TOT2024", "85666"),
            (vaalit, Line::Toimintakulut, "TOT2024", "-134626"),
            (vaalit, Line::Henkilostokulut, "TOT2024", "-114688"),
        ],
    );
    let tarkastus = "Tarkastuslautakunta";
    expect_figures(
        &imported,
        &[
            (tarkastus, Line::Toimintakulut, "TA2024", "-42170"),
            (tarkastus, Line::Toimintakulut, "TOT2024", "-44842"),
            (tarkastus, Line::PalvelujenOstot, "TOT2024", "-32656"),
        ],
    );
    let (_, warned) = messages(&imported);
    assert!(warned.is_empty(), "{warned:?}");
    assert!(validate(&imported.dataset).is_consistent());
}

#[test]
fn tables_of_one_name_merge_where_their_figures_agree_and_stay_apart_where_they_differ() {
    // Made for the case: four tables named `Hallinto`; the second gives other figures for
    // the same cells (another unit's table), the third the first one's other lines, the
    // fourth other years only.
    let text = "\
Hallinto                    TA 2025        TS 2026
Toimintatuotot              100 000        110 000
Toimintakulut              -500 000       -520 000
Toimintakate               -400 000       -410 000

Hallinto                    TA 2025        TS 2026
Toimintatuotot               20 000         21 000
Toimintakulut               -90 000        -95 000
Toimintakate                -70 000        -74 000

Hallinto                    TA 2025        TS 2026
Verotulot                   300 000        310 000

Hallinto                    TP 2022        TP 2023
Toimintatuotot               90 000         95 000
";
    let imported = read("kirja.txt", text.as_bytes()).unwrap();
    let names: Vec<&str> = imported
        .dataset
        .org
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(names, ["Hallinto", "Hallinto 2", "Hallinto 3"]);
    expect_figures(
        &imported,
        &[
            ("Hallinto", Line::Toimintakate, "TA2025", "-400000"),
            ("Hallinto", Line::Verotulot, "TS2026", "310000"),
            ("Hallinto 2", Line::Toimintakate, "TS2026", "-74000"),
        ],
    );
    let (found, warned) = messages(&imported);
    assert!(
        has(
            &found,
            "taulukon ”Hallinto” (rivi 6) luvut eroavat samannimisen taulukon luvuista"
        ),
        "{found:?}"
    );
    assert!(
        has(&found, "2 taulukkoa nimeltä ”Hallinto” yhdistettiin"),
        "{found:?}"
    );
    assert!(!warned.iter().any(|w| w.contains("kahdesti")), "{warned:?}");
}

#[test]
fn a_table_going_on_at_the_very_top_of_the_next_page() {
    // No running head: the next page begins with the table's next row.
    let whole = statement_page(700.0);
    let split = whole.iter().position(|t| t.text == "Verotulot").unwrap();
    let (mut first, mut second) = (Vec::new(), Vec::new());
    for (i, t) in whole.into_iter().enumerate() {
        if i < split {
            first.push(t);
        } else {
            second.push(Text { y: t.y + 99.0, ..t });
        }
    }
    let imported = read("talousarvio-2025.pdf", &typeset(vec![first, second], false)).unwrap();
    expect_figures(
        &imported,
        &[
            ("TULOSLASKELMA", Line::Toimintakate, "TP2024", "-38491000"),
            ("TULOSLASKELMA", Line::Verotulot, "TA2025", "34000000"),
            ("TULOSLASKELMA", Line::TilikaudenTulos, "TS2026", "4100000"),
        ],
    );
}
