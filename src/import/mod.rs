//! Importers: every budget file a council member or a finance office has, turned into the
//! package model, with a summary of what was understood. Pure functions over bytes; the
//! browser and the command line only hand them files.
//!
//! - [`decode`]: bytes to text (UTF-8 with or without BOM, cp1252), with what was detected.
//! - [`pdftext`]: text copied from a PDF budget book (the seeds are exactly this).
//! - [`columns`]: column headers (`TP 2022`, `Talousarvio 2025`, `Toteuma 1-12`, `Poikkeama`).
//! - [`split`]: splitting a row of space-grouped numbers into its columns.
//! - `messages`: what the importers say (detections, warnings, errors) in fi/sv/en.

pub mod cell_tables;
pub mod cells;
pub mod columns;
pub mod csvfile;
pub mod decode;
pub mod findings;
pub mod glued;
pub mod goals;
pub mod grid;
pub mod ktas;
pub mod layout;
pub mod mapping;
mod messages;
pub mod pdf;
pub mod pdftext;
pub mod projects;
pub mod risks;
pub mod split;
pub mod workbook;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::Dataset;
pub use messages::detection_messages;

/// Where in a file something was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub file: String,
    /// 1-based page of a PDF (the line is then the line on the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based line of a text file, or row of a sheet.
    pub line: Option<usize>,
    /// A sheet name, for workbooks.
    pub sheet: Option<String>,
    /// A cell (`C12`) or 1-based column.
    pub cell: Option<String>,
}

impl Place {
    pub fn file(file: &str) -> Place {
        Place {
            file: file.to_string(),
            page: None,
            line: None,
            sheet: None,
            cell: None,
        }
    }

    pub fn line(file: &str, line: usize) -> Place {
        Place {
            file: file.to_string(),
            page: None,
            line: Some(line),
            sheet: None,
            cell: None,
        }
    }

    /// The same place without a line.
    pub fn without_line(self) -> Place {
        Place {
            line: None,
            cell: None,
            ..self
        }
    }

    /// `file, line 12` in the reader's language.
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if let Some(sheet) = &self.sheet {
            out.push_str(&match lang {
                Lang::Fi => format!(", taulukko {sheet}"),
                Lang::Sv => format!(", blad {sheet}"),
                Lang::En => format!(", sheet {sheet}"),
            });
        }
        if let Some(page) = self.page {
            out.push_str(&match lang {
                Lang::Fi | Lang::Sv => format!(", s. {page}"),
                Lang::En => format!(", p. {page}"),
            });
        }
        if let Some(line) = self.line {
            out.push_str(&match lang {
                Lang::Fi => format!(", rivi {line}"),
                Lang::Sv => format!(", rad {line}"),
                Lang::En => format!(", line {line}"),
            });
        }
        if let Some(cell) = &self.cell {
            out.push_str(&match lang {
                Lang::Fi => format!(", solu {cell}"),
                Lang::Sv => format!(", cell {cell}"),
                Lang::En => format!(", cell {cell}"),
            });
        }
        out
    }
}

/// Something the importer decided about a file, shown before anything is loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Detection {
    Encoding(String),
    /// A table found: its name, columns and number of rows with figures.
    Table {
        name: String,
        columns: Vec<columns::HeaderColumn>,
        rows: usize,
        line: usize,
        /// The PDF page the table is on (its line is then the line on the page).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<u32>,
    },
    /// Tables merged into one node because they carry the same name.
    Merged {
        name: String,
        tables: usize,
    },
    /// A table of a name already read whose figures differ from that node's: another
    /// unit's table under the same caption, kept as a node of its own.
    KeptApart {
        name: String,
        as_name: String,
        reason: ApartReason,
        line: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<u32>,
    },
    /// A header states thousands, but the figures are whole euros.
    UnitStatedButEuros {
        stated: String,
        largest: rust_decimal::Decimal,
    },
    /// A header states thousands and the figures were multiplied by 1 000.
    UnitThousands {
        stated: String,
    },
    /// Tables found to be the units of another, because their figures add up to it.
    Units {
        parent: String,
        units: Vec<String>,
        from_year: Option<i32>,
    },
    /// A note printed under a table attached to a column.
    ColumnNote {
        kind: crate::model::ColumnKind,
        year: i32,
    },
    /// A row of space-grouped numbers split by the subtotals it must satisfy.
    SplitBySubtotals {
        row: String,
        line: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<u32>,
    },
    /// The delimiter of a CSV file.
    Delimiter(char),
    /// How numbers are written: decimal separator and digit-group separator.
    Numbers {
        decimal: char,
        group: Option<char>,
    },
    /// The line (or row) of the table's header.
    HeaderRow {
        line: usize,
    },
    /// Wide (a column per year and kind) or long (a row per figure).
    Layout {
        long: bool,
    },
    /// Rows given by account number, added up into lines.
    Accounts {
        rows: usize,
    },
    /// Expenses were printed positive and were turned negative.
    ExpensesPositive {
        positive: usize,
        negative: usize,
    },
    /// The sheet read from a workbook, and the sheets it has.
    Sheet {
        name: String,
        sheets: Vec<String>,
    },
    /// Figures read by their KTAS cell codes: the file is a selection of a filing's cells,
    /// so a line it lacks is unknown; the subtotals left uncomputed for want of a part, each
    /// with the parts it lacks.
    Extract {
        not_computed: Vec<(crate::model::Line, Vec<crate::model::Line>)>,
    },
    /// A decision about one table of a book (units, signs, columns settled from the title).
    Book(findings::TableDetection),
    /// A table of goals, projects or risks read, and the org node its rows were given to.
    CellTable {
        kind: cell_tables::CellTableKind,
        count: usize,
        org: String,
        line: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<u32>,
    },
}

/// Why a table was not merged into the node of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApartReason {
    /// The same cell has another figure.
    Differ,
    /// Other columns, and no figure in common.
    NothingInCommon,
}

/// Something read but not taken into the data, or a figure that disagrees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub place: Place,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WarningKind {
    /// A row whose label is no known line; skipped.
    UnknownLine { label: String },
    /// A KTAS cell of the filing outside the income statement (investments, the loan
    /// stock): known, and not read.
    OutsideStatement {
        code: u32,
        kind: crate::model::ColumnKind,
        year: i32,
    },
    /// A row whose numbers could not be split into the table's columns; skipped.
    Unsplittable { label: String, expected: usize },
    /// A row with several possible splits that the subtotals do not decide; skipped.
    Ambiguous { label: String, candidates: usize },
    /// A cell that is not a number; skipped.
    NotANumber { label: String, found: String },
    /// A row with a different number of cells than the header has columns.
    CellCount {
        label: String,
        found: usize,
        expected: usize,
    },
    /// A printed derived figure (Poikkeama, Toteuma %) that the figures do not give.
    DerivedMismatch {
        label: String,
        column: String,
        printed: String,
        computed: String,
    },
    /// The same figure given twice with different values; the first is kept.
    Conflict {
        label: String,
        column: String,
        kept: String,
        other: String,
    },
    /// A header cell that names no column Raami knows; the column is skipped.
    SkippedColumn { header: String },
    /// A row whose year and kind are not recognised.
    UnknownColumn { label: String, found: String },
    /// A goal's status that is none of Toteutuu, Toteutuu osittain, Ei toteudu.
    UnknownStatus { aim: String, found: String },
    /// A row, header or table of a book that could not be read.
    Book(findings::TableWarning),
    /// A page of a PDF whose text could not be read, or not all of it.
    PdfPage { problem: pdf::PageProblem },
    /// Warnings beyond the listed ones, counted.
    More { count: usize },
}

impl WarningKind {
    /// The label of a row that carried figures and was skipped, for the warnings that say so.
    pub fn skipped_row(&self) -> Option<&str> {
        match self {
            WarningKind::UnknownLine { label }
            | WarningKind::Unsplittable { label, .. }
            | WarningKind::Ambiguous { label, .. }
            | WarningKind::NotANumber { label, .. }
            | WarningKind::CellCount { label, .. }
            | WarningKind::Book(findings::TableWarning::TwoUnderOne { label, .. })
            | WarningKind::Book(findings::TableWarning::PartTotal { label, .. }) => Some(label),
            _ => None,
        }
    }
}

/// What an import produced: a dataset and what was understood on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub dataset: Dataset,
    pub detections: Vec<Detection>,
    pub warnings: Vec<Warning>,
    /// A saved workspace's scenarios, mapping, basis and view, on the first dataset of the
    /// package that holds them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<Box<crate::package::Saved>>,
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportError {
    /// No financial table was found.
    NoTables { place: Place },
    /// The file is larger than the importer accepts.
    TooLarge { place: Place, size: u64, limit: u64 },
    /// The file is empty.
    Empty { place: Place },
    /// No header row with year columns or long-table column names was found.
    NoHeader {
        place: Place,
        /// The first rows of the file, so that the user can map its header.
        #[serde(default)]
        preview: Vec<Vec<String>>,
    },
    /// A header was found, but no row carried a figure.
    NoFigures {
        place: Place,
        /// The first rows that were skipped, and why: what made the table empty.
        #[serde(default)]
        skipped: Vec<Warning>,
    },
    /// A quoted field that is never closed: the rest of the file would be one cell.
    UnclosedQuote { place: Place },
    /// A NUL byte in a text file: not text, or text in an encoding with NUL bytes.
    NulByte { place: Place },
    /// A workbook that cannot be read.
    Workbook { place: Place, reason: String },
    /// A text file whose structure is broken (an unclosed quote, bytes that are no text).
    Malformed { place: Place, reason: String },
    /// The browser's reader (the import worker) stopped while reading the file: a trap or
    /// memory exhausted. The other files and the data already loaded are not affected.
    ReaderStopped { place: Place, reason: String },
    /// A workbook that would unpack to more than the limit (a zip bomb, or simply too big).
    Unpacks { place: Place, size: u64, limit: u64 },
    /// A Raami package that cannot be read.
    Package {
        place: Place,
        error: Box<crate::package::PackageError>,
    },
    /// A link with data (pasted, or opened from the address) that cannot be read.
    Link {
        place: Place,
        error: crate::share::LinkError,
    },
    /// A file that must be UTF-8 (a package) but is not; `byte` is 1-based.
    NotUtf8 { place: Place, byte: usize },
    /// A text with no table, and what it has instead.
    TextWithoutTables {
        place: Place,
        cause: findings::NoTableCause,
    },
    /// Header cells were found, but one leaves its year or kind open and nothing in the
    /// document settles it.
    OpenHeader {
        place: Place,
        cell: String,
        open: columns::OpenCell,
    },
    /// A sheet with more cells than Raami reads (or whose rows, as wide as its widest, would
    /// be more).
    SheetTooLarge {
        place: Place,
        cells: usize,
        limit: usize,
    },
    /// A cell reference past the last cell a sheet can have (XFD1048576): no spreadsheet
    /// writes one, and the workbook reader would misplace it.
    CellBeyondSheet {
        place: Place,
        /// The part of the workbook it is in (`xl/worksheets/sheet1.xml`).
        part: String,
        reference: String,
    },
    /// A line with more cells than any table of figures has.
    RowTooWide {
        place: Place,
        cells: usize,
        limit: usize,
    },
    /// A PDF that cannot be read: broken, encrypted, or scanned (no text).
    Pdf {
        place: Place,
        problem: pdf::PdfProblem,
    },
    /// A sheet asked for that the workbook does not have.
    NoSuchSheet {
        place: Place,
        sheet: String,
        sheets: Vec<String>,
    },
}

impl ImportError {
    /// Where the error was found.
    pub fn place_mut(&mut self) -> &mut Place {
        match self {
            ImportError::NoTables { place }
            | ImportError::TooLarge { place, .. }
            | ImportError::Empty { place }
            | ImportError::NoHeader { place, .. }
            | ImportError::NoFigures { place, .. }
            | ImportError::UnclosedQuote { place }
            | ImportError::NulByte { place }
            | ImportError::Workbook { place, .. }
            | ImportError::Malformed { place, .. }
            | ImportError::ReaderStopped { place, .. }
            | ImportError::Unpacks { place, .. }
            | ImportError::Package { place, .. }
            | ImportError::Link { place, .. }
            | ImportError::NotUtf8 { place, .. }
            | ImportError::TextWithoutTables { place, .. }
            | ImportError::OpenHeader { place, .. }
            | ImportError::SheetTooLarge { place, .. }
            | ImportError::CellBeyondSheet { place, .. }
            | ImportError::RowTooWide { place, .. }
            | ImportError::Pdf { place, .. }
            | ImportError::NoSuchSheet { place, .. } => place,
        }
    }

    /// The same error with its places (and those of the warnings it carries) moved.
    pub fn map_place(mut self, mut f: impl FnMut(Place) -> Place) -> ImportError {
        let place = self.place_mut();
        *place = f(place.clone());
        if let ImportError::NoFigures { skipped, .. } = &mut self {
            for warning in skipped {
                warning.place = f(warning.place.clone());
            }
        }
        self
    }
}

/// A file's name without its folder and its last extension (`kansio/budjetti.2024.csv` →
/// `budjetti.2024`): the name of a dataset read from it.
pub fn file_stem(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.rsplit_once('.')
        .map_or(base, |(stem, _)| stem)
        .to_string()
}

/// The id of a dataset read from a file, the same for every format
/// (`budjetti.2024.csv` and `budjetti.2024.txt` → `budjetti_2024`).
pub fn dataset_id(file: &str) -> String {
    slug(&file_stem(file)).chars().take(60).collect()
}

/// Makes an id from a name: lower case ASCII letters, digits and underscores
/// (`Digi- ja tietohallintopalvelut` → `digi_ja_tietohallintopalvelut`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'ä' | 'å' | 'á' | 'à' => 'a',
            'ö' | 'ó' | 'ò' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The largest file any importer accepts.
pub const SIZE_LIMIT: u64 = 256 * 1024 * 1024;

/// Choices the user makes for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// The sheet of a workbook to read.
    pub sheet: Option<String>,
    /// The user's mapping of headers and labels the importers do not recognise.
    #[serde(default)]
    pub mapping: mapping::Mapping,
}

/// The kinds of file Raami reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Package,
    /// A link with data: the address, or its fragment alone.
    Link,
    Workbook,
    Csv,
    Text,
    /// A PDF document (its text is laid out from the glyphs' positions).
    Pdf,
}

/// Decides a file's format from its name and its first bytes.
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_lowercase();
    let extension = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Format::Workbook;
    }
    // A PDF starts with its header, which readers find within the first kilobyte.
    if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Format::Pdf;
    }
    // A link is short text; a table that mentions one is no link.
    if body.len() <= crate::share::MAX_LINK_CHARS.saturating_add(4096)
        && std::str::from_utf8(body).is_ok_and(crate::share::is_data_link)
    {
        return Format::Link;
    }
    match extension {
        "json" | "raami" => Format::Package,
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Format::Workbook,
        "csv" | "tsv" => Format::Csv,
        _ if first == Some(b'{') => Format::Package,
        _ => Format::Text,
    }
}

/// The datasets of a package's text, the saved work on the first.
fn import_package(name: &str, text: &str) -> Result<Vec<Imported>, ImportError> {
    let package = crate::package::read_package(text).map_err(|error| ImportError::Package {
        place: Place::file(name),
        error: Box::new(error),
    })?;
    let mut saved = package.saved().map(Box::new);
    Ok(package
        .datasets
        .into_iter()
        .map(|dataset| Imported {
            dataset,
            detections: Vec::new(),
            warnings: Vec::new(),
            saved: saved.take(),
        })
        .collect())
}

/// Imports one file of any supported kind. A package may hold several datasets.
pub fn import_file(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<Vec<Imported>, ImportError> {
    import_file_with_progress(name, bytes, options, &mut |_| {})
}

/// Imports one file, telling `progress` how far it is (0 to 1) now and then; large CSV
/// files report as they go, other formats when they are done.
pub fn import_file_with_progress(
    name: &str,
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Imported>, ImportError> {
    let size = bytes.len() as u64;
    if size > SIZE_LIMIT {
        return Err(ImportError::TooLarge {
            place: Place::file(name),
            size,
            limit: SIZE_LIMIT,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            place: Place::file(name),
        });
    }
    match sniff(name, bytes) {
        Format::Package => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let text = std::str::from_utf8(body).map_err(|e| ImportError::NotUtf8 {
                place: Place::file(name),
                byte: e.valid_up_to() + 1,
            })?;
            if let Some(cause) = findings::budget_hierarchy(text) {
                return Err(ImportError::TextWithoutTables {
                    place: Place::file(name),
                    cause,
                });
            }
            import_package(name, text)
        }
        Format::Link => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let text = String::from_utf8_lossy(body);
            let json = crate::share::read_data_link(&text).map_err(|error| ImportError::Link {
                place: Place::file(name),
                error,
            })?;
            import_package(name, &json)
        }
        Format::Workbook => workbook::import_workbook(name, bytes, options).map(|i| vec![i]),
        Format::Pdf => {
            pdf::import_pdf_with_progress(name, bytes, &options.mapping, progress).map(|i| vec![i])
        }
        Format::Csv => csvfile::import_csv_with_progress(name, bytes, &options.mapping, progress)
            .map(|i| vec![i]),
        Format::Text => {
            let decoded = decode::decode(bytes);
            if let Some(line) = csvfile::nul_line(&decoded.text) {
                return Err(ImportError::NulByte {
                    place: Place {
                        line: Some(line),
                        ..Place::file(name)
                    },
                });
            }
            match pdftext::import_text_with_mapping(
                name,
                &decoded.text,
                Some(decoded.encoding),
                &options.mapping,
            ) {
                Ok(imported) => Ok(vec![imported]),
                // A `.txt` that is really a delimited table; if it is not, the text reader's
                // reason stands.
                Err(
                    error @ (ImportError::NoTables { .. } | ImportError::TextWithoutTables { .. }),
                ) => csvfile::import_csv_with_progress(name, bytes, &options.mapping, progress)
                    .map(|i| vec![i])
                    .map_err(|_| error),
                Err(other) => Err(other),
            }
        }
    }
}
