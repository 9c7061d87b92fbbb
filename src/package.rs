//! Raami's own file: a versioned JSON package of datasets (later also notes and scenarios).
//! It is read and written exactly: amounts are decimal strings, so a round trip changes no
//! digit. The format is documented in `docs/package-format.md`.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{Dataset, DatasetError};

/// The value of the `format` field.
pub const FORMAT: &str = "raami-package";
/// The version this build writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// A package: one or more datasets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    pub format: String,
    pub version: u32,
    pub datasets: Vec<Dataset>,
}

impl Package {
    pub fn new(datasets: Vec<Dataset>) -> Package {
        Package {
            format: FORMAT.to_string(),
            version: VERSION,
            datasets,
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
            (PackageError::Empty, Lang::Fi) => "paketissa ei ole yhtään aineistoa".to_string(),
            (PackageError::Empty, Lang::Sv) => "paketet innehåller inget material".to_string(),
            (PackageError::Empty, Lang::En) => "the package has no datasets".to_string(),
            // The structural faults name ids from the file; their wording stays English in
            // all languages for now, behind a translated lead.
            (PackageError::Structure(_), Lang::Fi) => {
                format!("paketin viittaukset eivät täsmää: {self}")
            }
            (PackageError::Structure(_), Lang::Sv) => {
                format!("paketets hänvisningar stämmer inte: {self}")
            }
            (PackageError::Structure(_), Lang::En) => {
                format!("the package's references do not resolve: {self}")
            }
        };
        format!("{file}: {what}")
    }
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
    let package: Package = serde_json::from_str(text).map_err(json_error)?;
    if package.datasets.is_empty() {
        return Err(PackageError::Empty);
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
        let PackageError::Structure(faults) = err else {
            panic!("expected structure faults")
        };
        assert_eq!(faults.len(), 3, "{faults:?}");
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
