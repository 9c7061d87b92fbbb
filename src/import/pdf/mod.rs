//! A budget book or financial statement given as its PDF. Each page's text is laid out from
//! the positions of its glyphs ([`layout`]) and read by the same text reader as a book's
//! copied text ([`super::pdftext`]); what that reader finds is then placed on its page.
//!
//! - [`streams`]: every stream unpacked within one budget; a document that would unpack past
//!   it (a decompression bomb) is refused before it is read.
//! - [`fonts`], [`cmap`]: a font's codes to text and widths.
//! - [`content`]: a page's operators run to positioned glyphs.
//! - [`layout`]: glyphs to text lines, columns kept by position.

pub mod cmap;
pub mod content;
pub mod fonts;
pub mod layout;
pub mod streams;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::mapping::Mapping;
use super::{Detection, ImportError, Imported, Place, Warning, WarningKind};

/// The most pages read of one document.
pub const MAX_PAGES: usize = 2_000;

/// A page's text, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageText {
    /// 1-based, as a PDF viewer counts pages.
    pub number: u32,
    pub lines: Vec<String>,
    pub problem: Option<PageProblem>,
}

/// Why a page gave no text, or not all of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageProblem {
    /// No text at all: a scanned page (a picture), or a page of pictures only.
    NoText,
    /// Text in fonts that say nothing of their characters (no `ToUnicode`, no encoding):
    /// the page's characters are unknown.
    NoTextMapping { fonts: Vec<String> },
    /// A content stream that could not be unpacked (a broken stream, or a filter Raami
    /// does not read).
    Unreadable { reason: String },
    /// The page draws more than any table has; what was read of it is kept.
    TooMuchContent,
}

/// Why a PDF could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PdfProblem {
    /// The file is not a PDF, or its structure is broken beyond reading.
    Broken { reason: String },
    /// The document is encrypted with a password.
    Encrypted,
    /// The document has no pages.
    NoPages,
    /// Not one page has text: a scanned document.
    Scanned { pages: u32 },
}

/// Every page's text.
pub fn read_pages(bytes: &[u8], unpack_limit: u64) -> Result<Vec<PageText>, PdfReadError> {
    read_pages_with_progress(bytes, unpack_limit, &mut |_| {})
}

/// Every page's text, telling `progress` after each page how far it is (0 to 1).
pub fn read_pages_with_progress(
    bytes: &[u8],
    unpack_limit: u64,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<PageText>, PdfReadError> {
    // Object streams become objects whole when the document is read, each object some times
    // its packed text in memory: a quarter of the budget is far more than any book has.
    let objects_limit = unpack_limit / 4;
    if let Err(size) = streams::packed_objects_within(bytes, objects_limit) {
        return Err(PdfReadError::Unpacks {
            size,
            limit: objects_limit,
        });
    }
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) => PdfReadError::Problem(PdfProblem::Encrypted),
        lopdf::Error::Unimplemented(what) if what.contains("encrypt") => {
            PdfReadError::Problem(PdfProblem::Encrypted)
        }
        other => PdfReadError::Problem(PdfProblem::Broken {
            reason: other.to_string(),
        }),
    })?;
    if doc.is_encrypted() {
        return Err(PdfReadError::Problem(PdfProblem::Encrypted));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfReadError::Problem(PdfProblem::NoPages));
    }
    let mut budget = streams::Budget::new(unpack_limit);
    let mut fonts = HashMap::new();
    let mut out = Vec::new();
    let count = pages.len().min(MAX_PAGES);
    for (number, id) in pages.into_iter().take(MAX_PAGES) {
        progress(out.len() as f64 / count as f64);
        let run = content::Runner::new(&doc, &mut budget, &mut fonts).page(id);
        if let Some(streams::StreamError::OverBudget { unpacked }) = run.stream_error {
            return Err(PdfReadError::Unpacks {
                size: unpacked,
                limit: unpack_limit,
            });
        }
        let lines = layout::lines(&run.glyphs);
        let unknown = run.glyphs.iter().filter(|g| g.text == "\u{FFFD}").count();
        let problem = if !run.fonts_without_text.is_empty() && unknown * 2 >= run.glyphs.len() {
            Some(PageProblem::NoTextMapping {
                fonts: run.fonts_without_text.clone(),
            })
        } else if let Some(error) = &run.stream_error {
            Some(PageProblem::Unreadable {
                reason: match error {
                    streams::StreamError::Filter(f) => f.clone(),
                    _ => "FlateDecode".to_string(),
                },
            })
        } else if run.truncated {
            Some(PageProblem::TooMuchContent)
        } else if run.glyphs.iter().all(|g| g.text.trim().is_empty()) {
            Some(PageProblem::NoText)
        } else {
            None
        };
        out.push(PageText {
            number,
            lines,
            problem,
        });
    }
    progress(1.0);
    Ok(out)
}

/// Why [`read_pages`] gave no pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfReadError {
    Problem(PdfProblem),
    /// The document's streams would unpack to more than the limit.
    Unpacks {
        size: u64,
        limit: u64,
    },
}

/// The document's text with each line's page: pages apart by two blank lines, each after the
/// first beginning with a form feed.
pub struct BookText {
    pub text: String,
    /// For each text line (0-based), its page and its 1-based line on the page.
    pub places: Vec<(u32, usize)>,
}

pub fn book_text(pages: &[PageText]) -> BookText {
    let mut text = String::new();
    let mut places = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        // A page after the first begins with a form feed, as `pdftotext` marks it: the text
        // reader carries a table over it.
        if p > 0 {
            text.push('\u{c}');
            if page.lines.is_empty() {
                text.push('\n');
                places.push((page.number, 1));
            }
        }
        for (n, line) in page.lines.iter().enumerate() {
            text.push_str(line);
            text.push('\n');
            places.push((page.number, n + 1));
        }
        for _ in 0..2 {
            text.push('\n');
            places.push((page.number, page.lines.len() + 1));
        }
    }
    BookText { text, places }
}

/// A text's `(rivi N)` of the book's text as `(s. P, rivi M)` of the PDF.
fn relocate(text: &str, page_of: &dyn Fn(usize) -> Option<(u32, usize)>) -> String {
    let Some(start) = text.rfind("(rivi ") else {
        return text.to_string();
    };
    let rest = &text[start + 6..];
    let Some(end) = rest.find(')') else {
        return text.to_string();
    };
    match rest[..end].parse::<usize>().ok().and_then(page_of) {
        Some((page, line)) => format!(
            "{}(s. {page}, rivi {line}){}",
            &text[..start],
            &rest[end + 1..]
        ),
        None => text.to_string(),
    }
}

/// Reads a PDF's tables.
pub fn import_pdf(file: &str, bytes: &[u8], mapping: &Mapping) -> Result<Imported, ImportError> {
    import_pdf_with_progress(file, bytes, mapping, &mut |_| {})
}

/// Reads a PDF's tables, telling `progress` how far it is: the pages take most of the time,
/// the tables the rest.
pub fn import_pdf_with_progress(
    file: &str,
    bytes: &[u8],
    mapping: &Mapping,
    progress: &mut dyn FnMut(f64),
) -> Result<Imported, ImportError> {
    let mut pages_progress = |done: f64| progress(0.8 * done);
    let pages = read_pages_with_progress(bytes, streams::UNPACK_LIMIT, &mut pages_progress)
        .map_err(|e| match e {
            PdfReadError::Unpacks { size, limit } => ImportError::Unpacks {
                place: Place::file(file),
                size,
                limit,
            },
            PdfReadError::Problem(problem) => ImportError::Pdf {
                place: Place::file(file),
                problem,
            },
        })?;
    if pages.iter().all(|p| p.problem == Some(PageProblem::NoText)) {
        return Err(ImportError::Pdf {
            place: Place::file(file),
            problem: PdfProblem::Scanned {
                pages: pages.len() as u32,
            },
        });
    }
    let book = book_text(&pages);
    let page_of = |line: usize| -> Option<(u32, usize)> {
        line.checked_sub(1)
            .and_then(|i| book.places.get(i))
            .copied()
    };
    let place = |mut place: Place| -> Place {
        if let Some((page, on_page)) = place.line.and_then(page_of) {
            place.page = Some(page);
            place.line = Some(on_page);
        }
        place
    };
    let result = super::pdftext::import_text_with_mapping(file, &book.text, None, mapping);
    let page_warnings = pages.iter().filter_map(|p| {
        p.problem.clone().map(|problem| Warning {
            place: Place {
                page: Some(p.number),
                ..Place::file(file)
            },
            kind: WarningKind::PdfPage { problem },
        })
    });
    match result {
        Ok(mut imported) => {
            let mut warnings: Vec<Warning> = page_warnings.collect();
            warnings.extend(imported.warnings.drain(..).map(|w| Warning {
                place: place(w.place),
                kind: w.kind,
            }));
            imported.warnings = warnings;
            for detection in &mut imported.detections {
                match detection {
                    Detection::Table { line, page, .. }
                    | Detection::KeptApart { line, page, .. }
                    | Detection::SplitBySubtotals { line, page, .. }
                    | Detection::CellTable { line, page, .. } => {
                        if let Some((p, on_page)) = page_of(*line) {
                            *page = Some(p);
                            *line = on_page;
                        }
                    }
                    Detection::Book(super::findings::TableDetection::Settled {
                        source, ..
                    }) => {
                        *source = relocate(source, &page_of);
                    }
                    _ => {}
                }
            }
            let prefix = format!("{file}, rivi ");
            for node in &mut imported.dataset.org {
                let at = node
                    .source
                    .as_deref()
                    .and_then(|s| s.strip_prefix(&prefix))
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(page_of);
                if let Some((page, _)) = at {
                    node.source = Some(format!("{file}, s. {page}"));
                }
            }
            Ok(imported)
        }
        Err(error) => Err(error.map_place(place)),
    }
}
