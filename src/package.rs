//! Raami's own file: a versioned JSON package of datasets and, from version 2, of the
//! workspace around them (the what-if scenarios, the mapping of headers and labels, the
//! basis with its population and price index, the view). It is read and written exactly:
//! amounts are decimal strings, so a round trip changes no digit. Version 1 files (datasets
//! only) still open. The format is documented in `docs/package-format.md`.

use serde::{Deserialize, Serialize};

use crate::analysis::basis::Basis;
use crate::i18n::Lang;
use crate::import::mapping::Mapping;
use crate::model::{Dataset, DatasetError};
use crate::notes::Note;
use crate::scenario::Scenario;

/// The value of the `format` field.
pub const FORMAT: &str = "raami-package";
/// The version this build writes, and the newest it reads.
pub const VERSION: u32 = 2;

/// A package: one or more datasets, and the work done on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    pub format: String,
    pub version: u32,
    pub datasets: Vec<Dataset>,
    /// The what-if scenarios (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// The rest of a saved workspace (version 2); a package of data alone has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<Workspace>,
    /// The user's notes on nodes, lines and scenarios (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// What a saved workspace holds beside its datasets and scenarios.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Workspace {
    /// The user's mapping of headers and labels.
    #[serde(default)]
    pub mapping: Mapping,
    /// Euros or per resident, current or fixed prices, with the population and index given.
    #[serde(default)]
    pub basis: Basis,
    /// The view that was open: its link's fragment (`#/taulukko/heinola/…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
}

/// The work a package carries beside its datasets, as an import hands it on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Saved {
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    #[serde(default)]
    pub workspace: Option<Workspace>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Package {
    /// The work it carries beside its datasets; `None` for a package of data alone.
    pub fn saved(&self) -> Option<Saved> {
        (!self.scenarios.is_empty() || self.workspace.is_some() || !self.notes.is_empty()).then(
            || Saved {
                scenarios: self.scenarios.clone(),
                workspace: self.workspace.clone(),
                notes: self.notes.clone(),
            },
        )
    }

    pub fn new(datasets: Vec<Dataset>) -> Package {
        Package {
            format: FORMAT.to_string(),
            version: VERSION,
            datasets,
            scenarios: Vec::new(),
            workspace: None,
            notes: Vec::new(),
        }
    }
}

/// Why a package could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PackageError {
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the file is not a Raami package: its format is '{found}', expected '{FORMAT}'")]
    WrongFormat { found: String },
    #[error("the package is of version {found}; this Raami reads versions up to {VERSION}")]
    UnsupportedVersion { found: u32 },
    #[error("the package has no datasets")]
    Empty,
    /// An amount that is not a decimal string (`"-1009492"`, `"138.71"`): a JSON number,
    /// which a reader may round, or an exponent, which no budget prints.
    #[error("{path}: the amount {found} is not a decimal string such as \"-1009492.50\"")]
    NotADecimal { path: String, found: String },
    /// Two datasets with one id.
    #[error("two datasets have the id '{id}'")]
    DuplicateDataset { id: String },
    /// A column of a year no budget has.
    #[error("{path}: the year {year} is not between {} and {}", YEARS.start(), YEARS.end())]
    ImpossibleYear { path: String, year: i64 },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Structure(Vec<DatasetError>),
}

impl PackageError {
    /// The error in the user's language, with the file name in front.
    pub fn message(&self, lang: Lang, file: &str) -> String {
        let what = match (self, lang) {
            (
                PackageError::Json {
                    line,
                    column,
                    message,
                },
                Lang::Fi,
            ) => {
                format!("rivi {line}, sarake {column}: JSON-muoto ei kelpaa ({message})")
            }
            (
                PackageError::Json {
                    line,
                    column,
                    message,
                },
                Lang::Sv,
            ) => {
                format!("rad {line}, kolumn {column}: ogiltig JSON ({message})")
            }
            (
                PackageError::Json {
                    line,
                    column,
                    message,
                },
                Lang::En,
            ) => {
                format!("line {line}, column {column}: invalid JSON ({message})")
            }
            (PackageError::WrongFormat { found }, Lang::Fi) => {
                format!("tiedosto ei ole Raami-paketti: muoto on '{found}', odotettiin '{FORMAT}'")
            }
            (PackageError::WrongFormat { found }, Lang::Sv) => {
                format!("filen är inte ett Raami-paket: formatet är '{found}', väntade '{FORMAT}'")
            }
            (PackageError::WrongFormat { found }, Lang::En) => {
                format!(
                    "the file is not a Raami package: its format is '{found}', expected '{FORMAT}'"
                )
            }
            (PackageError::UnsupportedVersion { found }, Lang::Fi) => {
                format!("paketin versio on {found}; tämä Raami lukee versioita {VERSION} asti")
            }
            (PackageError::UnsupportedVersion { found }, Lang::Sv) => {
                format!(
                    "paketets version är {found}; denna Raami läser versioner upp till {VERSION}"
                )
            }
            (PackageError::UnsupportedVersion { found }, Lang::En) => {
                format!(
                    "the package is of version {found}; this Raami reads versions up to {VERSION}"
                )
            }
            (PackageError::NotADecimal { path, found }, Lang::Fi) => format!(
                "{path}: summa {found} ei ole desimaalimerkkijono kuten \"-1009492.50\" (JSON-luku voi pyöristyä, eikä eksponenttia käytetä)"
            ),
            (PackageError::NotADecimal { path, found }, Lang::Sv) => format!(
                "{path}: beloppet {found} är ingen decimalsträng som \"-1009492.50\" (ett JSON-tal kan avrundas, och exponenter används inte)"
            ),
            (PackageError::NotADecimal { path, found }, Lang::En) => format!(
                "{path}: the amount {found} is not a decimal string such as \"-1009492.50\" (a JSON number may be rounded, and exponents are not used)"
            ),
            (PackageError::DuplicateDataset { id }, Lang::Fi) => {
                format!("kahdella aineistolla on sama tunniste '{id}'")
            }
            (PackageError::DuplicateDataset { id }, Lang::Sv) => {
                format!("två material har samma id '{id}'")
            }
            (PackageError::DuplicateDataset { id }, Lang::En) => {
                format!("two datasets have the id '{id}'")
            }
            (PackageError::ImpossibleYear { path, year }, Lang::Fi) => format!(
                "{path}: vuosi {year} ei ole välillä {}–{}",
                YEARS.start(),
                YEARS.end()
            ),
            (PackageError::ImpossibleYear { path, year }, Lang::Sv) => format!(
                "{path}: året {year} ligger inte mellan {} och {}",
                YEARS.start(),
                YEARS.end()
            ),
            (PackageError::ImpossibleYear { path, year }, Lang::En) => format!(
                "{path}: the year {year} is not between {} and {}",
                YEARS.start(),
                YEARS.end()
            ),
            (PackageError::Empty, Lang::Fi) => "paketissa ei ole yhtään aineistoa".to_string(),
            (PackageError::Empty, Lang::Sv) => "paketet innehåller inget material".to_string(),
            (PackageError::Empty, Lang::En) => "the package has no datasets".to_string(),
            // The structural faults name ids from the file, in the user's language.
            (PackageError::Structure(faults), lang) => {
                let faults = faults
                    .iter()
                    .map(|f| f.message(lang))
                    .collect::<Vec<_>>()
                    .join("; ");
                match lang {
                    Lang::Fi => format!("paketin viittaukset eivät täsmää: {faults}"),
                    Lang::Sv => format!("paketets hänvisningar stämmer inte: {faults}"),
                    Lang::En => format!("the package's references do not resolve: {faults}"),
                }
            }
        };
        format!("{file}: {what}")
    }
}

/// The years a column may be of.
pub const YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;

/// What the format forbids and serde would let through: an amount that is not a decimal
/// string, and a column of an impossible year. The first one found is named by its path.
fn check_strict(value: &serde_json::Value) -> Result<(), PackageError> {
    use serde_json::Value;
    let decimal = |text: &str| {
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        !whole.is_empty()
            && !fraction.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && fraction.chars().all(|c| c.is_ascii_digit())
    };
    let amount = |path: String, v: &Value| match v {
        Value::String(s) if decimal(s) => Ok(()),
        other => Err(PackageError::NotADecimal {
            path,
            found: other.to_string(),
        }),
    };
    let datasets = value.get("datasets").and_then(Value::as_array);
    for (d, dataset) in datasets.into_iter().flatten().enumerate() {
        let id = dataset.get("id").and_then(Value::as_str).unwrap_or("?");
        for (c, column) in dataset
            .get("columns")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(year) = column.get("year").and_then(Value::as_i64)
                && !YEARS.contains(&year)
            {
                return Err(PackageError::ImpossibleYear {
                    path: format!("datasets[{d}] ({id}).columns[{c}]"),
                    year,
                });
            }
        }
        let figures = dataset.get("figures").and_then(Value::as_object);
        for (org, lines) in figures.into_iter().flatten() {
            for (line, by_column) in lines.as_object().into_iter().flatten() {
                for (column, v) in by_column.as_object().into_iter().flatten() {
                    amount(format!("{id}.figures.{org}.{line}.{column}"), v)?;
                }
            }
        }
        let investments = dataset.get("investments").and_then(Value::as_array);
        for (i, investment) in investments.into_iter().flatten().enumerate() {
            let lines = investment.get("figures").and_then(Value::as_object);
            for (line, by_column) in lines.into_iter().flatten() {
                for (column, v) in by_column.as_object().into_iter().flatten() {
                    amount(format!("{id}.investments[{i}].{line}.{column}"), v)?;
                }
            }
        }
    }
    Ok(())
}

/// Reads a package from JSON text, checking its format, version and internal references.
pub fn read_package(text: &str) -> Result<Package, PackageError> {
    // Read the header first, so that a file of another kind gets a message about its kind
    // rather than about the first field it lacks.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let json_error = |e: serde_json::Error| PackageError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    let header: Header = serde_json::from_str(text).map_err(json_error)?;
    let format = header.format.unwrap_or_default();
    if format != FORMAT {
        return Err(PackageError::WrongFormat { found: format });
    }
    let version = header.version.unwrap_or(0);
    if version == 0 || version > VERSION {
        return Err(PackageError::UnsupportedVersion { found: version });
    }
    // The typed reading names the line of a field that is wrong; the strict one then finds
    // what serde lets through (amounts as JSON numbers or exponents, impossible years).
    // Version 1 is version 2 without scenarios or workspace: it reads as one, and is
    // written back as version 2.
    let mut package: Package = serde_json::from_str(text).map_err(json_error)?;
    package.version = VERSION;
    let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
    check_strict(&value)?;
    if package.datasets.is_empty() {
        return Err(PackageError::Empty);
    }
    let mut ids = std::collections::BTreeSet::new();
    for dataset in &package.datasets {
        if !ids.insert(dataset.id.as_str()) {
            return Err(PackageError::DuplicateDataset {
                id: dataset.id.clone(),
            });
        }
    }
    let faults: Vec<DatasetError> = package
        .datasets
        .iter()
        .filter_map(|ds| ds.check_structure().err())
        .flatten()
        .collect();
    if !faults.is_empty() {
        return Err(PackageError::Structure(faults));
    }
    Ok(package)
}

/// Writes a package as pretty JSON with a final newline: the canonical form.
pub fn write_package(package: &Package) -> String {
    // Serialising plain data with string keys cannot fail; an empty string would only
    // come from a bug, and a test reads back every written package.
    let mut text = serde_json::to_string_pretty(package).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_kind_of_json_is_named_as_such() {
        let err = read_package(r#"{"hello": 1}"#).unwrap_err();
        assert_eq!(
            err,
            PackageError::WrongFormat {
                found: String::new()
            }
        );
        assert_eq!(
            err.message(Lang::Fi, "x.json"),
            "x.json: tiedosto ei ole Raami-paketti: muoto on '', odotettiin 'raami-package'"
        );
    }

    #[test]
    fn a_newer_version_is_refused_with_both_versions() {
        let err = read_package(r#"{"format": "raami-package", "version": 7, "datasets": []}"#)
            .unwrap_err();
        assert_eq!(err, PackageError::UnsupportedVersion { found: 7 });
        assert!(err.message(Lang::En, "p.json").contains("version 7"));
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let err = read_package(
            "{\n  \"format\": \"raami-package\",\n  \"version\": 1,\n  \"datasets\": [\n",
        )
        .unwrap_err();
        match err {
            PackageError::Json { line, .. } => assert_eq!(line, 5),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn dangling_references_are_all_reported() {
        let text = r#"{"format":"raami-package","version":1,"datasets":[{"id":"d","name":"D",
            "columns":[{"id":"TP2022","year":2022,"kind":"TP"}],
            "org":[{"id":"a","name":"A","level":"toimiala","parent":"nobody"}],
            "figures":{"a":{"toimintakate":{"TP2099":"1"}},"ghost":{"toimintakate":{"TP2022":"1"}}}}]}"#;
        let err = read_package(text).unwrap_err();
        // Said in the user's language, every fault with the ids of the file.
        let fi = err.message(Lang::Fi, "paketti.raami");
        assert!(
            fi.contains("solmun ”a” yläsolmua ”nobody” ei ole aineistossa"),
            "{fi}"
        );
        assert!(
            fi.contains("lukuja on annettu solmulle ”ghost”, jota ei ole aineistossa"),
            "{fi}"
        );
        assert!(fi.contains("sarakkeessa ”TP2099”"), "{fi}");
        let sv = err.message(Lang::Sv, "paketti.raami");
        assert!(sv.contains("som inte finns"), "{sv}");
        assert!(!sv.contains("does not exist"), "{sv}");
        let PackageError::Structure(faults) = err else {
            panic!("expected structure faults")
        };
        assert_eq!(faults.len(), 3, "{faults:?}");
    }

    #[test]
    fn what_serde_lets_through_the_format_refuses() {
        let package = |figure: &str, year: u32, twice: bool| {
            let dataset = format!(
                r#"{{"id":"d","name":"D","columns":[{{"id":"TP2022","year":{year},"kind":"TP"}}],"org":[{{"id":"a","name":"A","level":"muu"}}],"figures":{{"a":{{"toimintakate":{{"TP2022":{figure}}}}}}}}}"#
            );
            let datasets = if twice {
                format!("{dataset},{dataset}")
            } else {
                dataset
            };
            format!(r#"{{"format":"raami-package","version":1,"datasets":[{datasets}]}}"#)
        };
        assert!(read_package(&package("\"-5.50\"", 2022, false)).is_ok());
        assert_eq!(
            read_package(&package("-5", 2022, false)).unwrap_err(),
            PackageError::NotADecimal {
                path: "d.figures.a.toimintakate.TP2022".into(),
                found: "-5".into()
            }
        );
        assert!(matches!(
            read_package(&package("\"1e5\"", 2022, false)).unwrap_err(),
            PackageError::NotADecimal { .. }
        ));
        assert_eq!(
            read_package(&package("\"1\"", 2022, true)).unwrap_err(),
            PackageError::DuplicateDataset { id: "d".into() }
        );
        assert!(matches!(
            read_package(&package("\"1\"", 99_999, false)).unwrap_err(),
            PackageError::ImpossibleYear { year: 99_999, .. }
        ));
    }

    #[test]
    fn an_amount_that_is_not_a_number_names_its_place() {
        let text = "{\"format\":\"raami-package\",\"version\":1,\"datasets\":[{\"id\":\"d\",\"name\":\"D\",\n\"columns\":[],\"org\":[],\n\"figures\":{\"a\":{\"toimintakate\":{\"TP2022\":\"12x\"}}}}]}";
        let err = read_package(text).unwrap_err();
        let PackageError::Json { line, .. } = err else {
            panic!("expected a JSON error, got {err:?}")
        };
        assert_eq!(line, 3);
    }
}
