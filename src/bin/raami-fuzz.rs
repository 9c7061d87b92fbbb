//! The coverage-guided fuzz targets, one binary for all: libFuzzer (from `libfuzzer-sys`)
//! feeds the target named by `RAAMI_FUZZ` with inputs that reach new code, and a panic,
//! abort, hang or runaway allocation is a finding. `bash .ci/fuzz SECONDS [TARGET…]` builds
//! it with the coverage instrumentation (stable toolchain, no sanitizer) and runs each
//! target; see the README.
//!
//! Targets: `csv`, `workbook`, `text`, `pdf`, `package`, `mapping`, `route`, `link`, and `import`
//! (any file through import, validation, every node's table and its reports).

#![no_main]
// libFuzzer calls the entry point that `fuzz_target!` defines by its C name.
#![allow(unsafe_code)]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use raami::analysis::{node_table, validate};
use raami::i18n::Lang;
use raami::import::{Imported, Options};
use raami::model::Dataset;

/// The targets, by the name `RAAMI_FUZZ` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Csv,
    Workbook,
    Text,
    Pdf,
    Package,
    Mapping,
    Route,
    Link,
    Import,
}

const TARGETS: [(&str, Target); 9] = [
    ("csv", Target::Csv),
    ("workbook", Target::Workbook),
    ("text", Target::Text),
    ("pdf", Target::Pdf),
    ("package", Target::Package),
    ("mapping", Target::Mapping),
    ("route", Target::Route),
    ("link", Target::Link),
    ("import", Target::Import),
];

fn target() -> Target {
    static TARGET: OnceLock<Target> = OnceLock::new();
    *TARGET.get_or_init(|| {
        let name = std::env::var("RAAMI_FUZZ").unwrap_or_default();
        match TARGETS.iter().find(|(n, _)| *n == name) {
            Some((_, target)) => *target,
            None => {
                let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
                eprintln!(
                    "raami-fuzz: set RAAMI_FUZZ to one of {}; found {name:?}",
                    names.join(", ")
                );
                std::process::exit(2);
            }
        }
    })
}

/// Everything the app computes from a dataset, computed.
fn exercise(dataset: &Dataset) {
    let report = validate(dataset);
    let _ = raami::report::check_text(dataset, &report, Lang::Fi);
    for node in dataset.org.iter().take(50) {
        let table = node_table(dataset, &node.id, None);
        let _ = raami::report::table_text(dataset, &table, Lang::Sv);
        let _ = raami::report::table_csv(&table, Lang::Fi);
        let _ = raami::export::node_views(dataset, &table, "€", Lang::En);
    }
}

fn exercise_all(imported: &[Imported]) {
    for one in imported {
        exercise(&one.dataset);
    }
}

/// A seed text the mapping target reads with the mapping it is given: a table whose
/// header and labels a mapping can name.
const MAPPED_TEXT: &str = "Selite\tTP 2024\tBudjetti 2025\tEnnuste\nMyynti\t100\t120\t130\n\
Kulut yhteensä\t-80\t-90\t-95\nToimintakate\t20\t30\t35\n";
const MAPPED_CSV: &str =
    "yksikko;rivi;vuosi;laji;arvo\nA;Myynti;2024;TP;100\nA;Kulut;2024;TP;-80\n";

fuzz_target!(|data: &[u8]| {
    match target() {
        Target::Csv => {
            if let Ok(imported) = raami::import::csvfile::import_csv("fuzz.csv", data) {
                exercise_all(&[imported]);
            }
        }
        Target::Workbook => {
            if let Ok(imported) =
                raami::import::workbook::import_workbook("fuzz.xlsx", data, &Options::default())
            {
                exercise_all(&[imported]);
            }
        }
        Target::Text => {
            let text = String::from_utf8_lossy(data);
            if let Ok(imported) = raami::import::pdftext::import_text("fuzz.txt", &text, None) {
                exercise_all(&[imported]);
            }
        }
        Target::Pdf => {
            let mapping = raami::import::mapping::Mapping::default();
            if let Ok(imported) = raami::import::pdf::import_pdf("fuzz.pdf", data, &mapping) {
                exercise_all(&[imported]);
            }
        }
        Target::Package => {
            let text = String::from_utf8_lossy(data);
            if let Ok(package) = raami::package::read_package(&text) {
                for dataset in &package.datasets {
                    exercise(dataset);
                }
            }
        }
        Target::Mapping => {
            if let Ok(mapping) = serde_json::from_slice::<raami::import::mapping::Mapping>(data) {
                let options = Options {
                    sheet: None,
                    mapping,
                };
                for (name, text) in [("kartta.txt", MAPPED_TEXT), ("kartta.csv", MAPPED_CSV)] {
                    if let Ok(imported) =
                        raami::import::import_file(name, text.as_bytes(), &options)
                    {
                        exercise_all(&imported);
                    }
                }
            }
        }
        Target::Route => {
            let text = String::from_utf8_lossy(data);
            if let Some(route) = raami::route::Route::parse(&text) {
                let _ = raami::route::Route::parse(&route.to_fragment());
            }
        }
        Target::Link => {
            let text = String::from_utf8_lossy(data);
            if let Ok(json) = raami::share::read_data_link(&text)
                && let Ok(package) = raami::package::read_package(&json)
            {
                for dataset in &package.datasets {
                    exercise(dataset);
                }
            }
        }
        Target::Import => {
            // The first byte picks the file's name, as a user's file would have it.
            let Some((first, rest)) = data.split_first() else {
                return;
            };
            let names = [
                "talous.csv",
                "kirja.txt",
                "tyotila.raami",
                "paketti.json",
                "talous.xlsx",
                "talous.ods",
                "linkki",
                "tuntematon",
                "kirja.pdf",
            ];
            let name = names[usize::from(*first) % names.len()];
            if let Ok(imported) = raami::import::import_file(name, rest, &Options::default()) {
                exercise_all(&imported);
            }
        }
    }
});
