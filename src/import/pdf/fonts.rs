//! A PDF font as far as reading its text needs it: how its string bytes split into codes,
//! each code's text, and each code's advance width (which gives a figure's right edge).

use lopdf::{Dictionary, Document, Object};

use super::cmap::{self, ToUnicode};
use super::streams::Budget;

/// How many bytes each character code of a font takes.
#[derive(Debug, Clone, PartialEq)]
enum Codes {
    One,
    Two,
    /// An embedded CMap's code space: (bytes, low, high).
    Space(Vec<(usize, u32, u32)>),
}

/// The text of a simple font's 256 codes, from its encoding and its differences.
type Table = Vec<Option<String>>;

/// A font of a page, read once.
#[derive(Debug, Clone)]
pub struct Font {
    /// The font's name as the document gives it (`ABCDEF+Arial-BoldMT`), for messages.
    pub name: String,
    codes: Codes,
    to_unicode: Option<ToUnicode>,
    table: Option<Table>,
    widths: Widths,
    /// Glyph space to text space (1/1000 but for Type 3 fonts).
    scale: f64,
}

#[derive(Debug, Clone)]
enum Widths {
    Simple {
        first: u32,
        widths: Vec<f64>,
        missing: f64,
    },
    Cid {
        default: f64,
        /// (first, last, width) runs.
        runs: Vec<(u32, u32, f64)>,
    },
    /// A standard font without widths: an estimate by character class.
    Estimate { monospace: bool, serif: bool },
}

/// One character code of a string, decoded.
pub struct Code {
    pub text: Option<String>,
    /// The advance in text space units per point of font size.
    pub width: f64,
    /// A one-byte code 32, which word spacing applies to.
    pub word_space: bool,
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| resolve(doc, o))
}

impl Font {
    /// Reads a font dictionary. Never fails: what is missing makes the text unknown (and the
    /// page says so), not the page unreadable.
    pub fn read(doc: &Document, dict: &Dictionary, budget: &mut Budget) -> Font {
        let name = get(doc, dict, b"BaseFont")
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let subtype = get(doc, dict, b"Subtype")
            .and_then(|o| o.as_name().ok())
            .unwrap_or(b"");
        let to_unicode = get(doc, dict, b"ToUnicode")
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| budget.decode(s).ok())
            .map(|data| ToUnicode::parse(&data))
            .filter(|m| !m.is_empty());
        if subtype == b"Type0" {
            let codes = match get(doc, dict, b"Encoding") {
                Some(Object::Stream(s)) => budget
                    .decode(s)
                    .ok()
                    .map(|d| cmap::code_space(&d))
                    .filter(|s| !s.is_empty())
                    .map_or(Codes::Two, Codes::Space),
                _ => Codes::Two,
            };
            let descendant = get(doc, dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .map(|o| resolve(doc, o))
                .and_then(|o| o.as_dict().ok());
            let widths = descendant.map_or(
                Widths::Cid {
                    default: 1000.0,
                    runs: Vec::new(),
                },
                |d| cid_widths(doc, d),
            );
            return Font {
                name,
                codes,
                to_unicode,
                table: None,
                widths,
                scale: 0.001,
            };
        }
        let scale = if subtype == b"Type3" {
            get(doc, dict, b"FontMatrix")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(number)
                .filter(|s| *s > 0.0 && *s < 1.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let table = simple_table(doc, dict, &name);
        Font {
            widths: simple_widths(doc, dict, &name),
            name,
            codes: Codes::One,
            to_unicode,
            table: Some(table),
            scale,
        }
    }

    /// Whether the font gives text for its codes at all.
    pub fn has_text(&self) -> bool {
        self.to_unicode.is_some() || self.table.is_some()
    }

    /// Splits a string's bytes into codes and decodes each.
    pub fn decode(&self, bytes: &[u8]) -> Vec<Code> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let len = match &self.codes {
                Codes::One => 1,
                Codes::Two => 2,
                Codes::Space(space) => (1..=4)
                    .find(|n| {
                        let value = code_value(&bytes[i..], *n);
                        space
                            .iter()
                            .any(|(b, lo, hi)| b == n && *lo <= value && value <= *hi)
                    })
                    .unwrap_or(1),
            }
            .min(bytes.len() - i);
            let code = code_value(&bytes[i..], len);
            i += len;
            let mapped = self.to_unicode.as_ref().and_then(|m| m.get(len, code));
            let text = mapped.or_else(|| {
                self.table
                    .as_ref()
                    .and_then(|t| t.get(code as usize).cloned().flatten())
            });
            out.push(Code {
                width: self.width(code, text.as_deref()) * self.scale,
                word_space: len == 1 && code == 32,
                text,
            });
        }
        out
    }

    fn width(&self, code: u32, text: Option<&str>) -> f64 {
        match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing),
            Widths::Cid { default, runs } => runs
                .iter()
                .find(|(lo, hi, _)| *lo <= code && code <= *hi)
                .map_or(*default, |(_, _, w)| *w),
            Widths::Estimate { monospace, serif } => {
                estimated_width(text.unwrap_or(""), *monospace, *serif)
            }
        }
    }
}

fn code_value(bytes: &[u8], len: usize) -> u32 {
    bytes
        .iter()
        .take(len.min(4))
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

/// Widths of Helvetica and Times (in 1/1000 em) by character class, for the standard fonts
/// that documents use without giving widths.
fn estimated_width(text: &str, monospace: bool, serif: bool) -> f64 {
    if monospace {
        return 600.0;
    }
    let c = text.chars().next().unwrap_or('a');
    match (c, serif) {
        ('0'..='9', false) => 556.0,
        ('0'..='9', true) => 500.0,
        (' ' | ',' | '.' | ':' | ';' | 'i' | 'l' | 'j' | '\'', false) => 278.0,
        (' ' | ',' | '.' | ':' | ';' | 'i' | 'l' | 'j' | '\'', true) => 250.0,
        ('-' | '(' | ')' | 'r' | 't' | 'f', _) => 333.0,
        ('\u{2212}' | '+' | '=', _) => 584.0,
        ('m' | 'M' | 'W' | 'w', _) => 833.0,
        (c, _) if c.is_uppercase() => 667.0,
        (_, false) => 556.0,
        (_, true) => 480.0,
    }
}

fn simple_widths(doc: &Document, dict: &Dictionary, name: &str) -> Widths {
    let widths: Vec<f64> = get(doc, dict, b"Widths")
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .take(65_536)
                .map(|o| number(resolve(doc, o)).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    if widths.is_empty() {
        let lower = name.to_lowercase();
        return Widths::Estimate {
            monospace: lower.contains("courier") || lower.contains("mono"),
            serif: lower.contains("times") || lower.contains("serif") && !lower.contains("sans"),
        };
    }
    let first = get(doc, dict, b"FirstChar")
        .and_then(number)
        .filter(|f| (0.0..=65_535.0).contains(f))
        .unwrap_or(0.0) as u32;
    let missing = get(doc, dict, b"FontDescriptor")
        .and_then(|o| o.as_dict().ok())
        .and_then(|d| get(doc, d, b"MissingWidth"))
        .and_then(number)
        .unwrap_or(0.0);
    Widths::Simple {
        first,
        widths,
        missing,
    }
}

fn cid_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let default = get(doc, dict, b"DW").and_then(number).unwrap_or(1000.0);
    let mut runs = Vec::new();
    if let Some(array) = get(doc, dict, b"W").and_then(|o| o.as_array().ok()) {
        let mut i = 0;
        while i < array.len() && runs.len() < 65_536 {
            let Some(first) = number(resolve(doc, &array[i])).filter(|f| *f >= 0.0) else {
                break;
            };
            let first = first.min(f64::from(u32::MAX)) as u32;
            match array.get(i + 1).map(|o| resolve(doc, o)) {
                Some(Object::Array(each)) => {
                    for (k, w) in each.iter().take(65_536).enumerate() {
                        let code = first.saturating_add(k as u32);
                        runs.push((code, code, number(resolve(doc, w)).unwrap_or(default)));
                    }
                    i += 2;
                }
                Some(last) => {
                    let Some(last) = number(last) else { break };
                    let w = array
                        .get(i + 2)
                        .and_then(|o| number(resolve(doc, o)))
                        .unwrap_or(default);
                    runs.push((first, last.clamp(0.0, f64::from(u32::MAX)) as u32, w));
                    i += 3;
                }
                None => break,
            }
        }
    }
    Widths::Cid { default, runs }
}

/// The text of a simple font's codes: its base encoding, then its differences.
fn simple_table(doc: &Document, dict: &Dictionary, name: &str) -> Table {
    let symbolic = {
        let lower = name.to_lowercase();
        lower.contains("symbol") || lower.contains("dingbat")
    };
    let (base, differences) = match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => (n.as_slice(), None),
        Some(Object::Dictionary(d)) => (
            get(doc, d, b"BaseEncoding")
                .and_then(|o| o.as_name().ok())
                .unwrap_or(b"StandardEncoding"),
            get(doc, d, b"Differences").and_then(|o| o.as_array().ok()),
        ),
        _ => (b"StandardEncoding".as_slice(), None),
    };
    let mut table: Table = (0u8..=255)
        .map(|b| {
            if symbolic {
                return None;
            }
            base_char(base, b).map(String::from)
        })
        .collect();
    if let Some(differences) = differences {
        let mut code: Option<usize> = None;
        for item in differences.iter().take(4096) {
            match resolve(doc, item) {
                Object::Integer(i) => code = usize::try_from(*i).ok(),
                Object::Name(glyph) => {
                    if let Some(c) = code.filter(|c| *c < 256) {
                        table[c] = glyph_text(glyph);
                        code = Some(c + 1);
                    }
                }
                _ => {}
            }
        }
    }
    table
}

/// A byte's character in a base encoding (WinAnsi for Standard as well, which differs only
/// in quotes and in codes over 127 that Finnish text reaches by differences anyway).
fn base_char(encoding: &[u8], byte: u8) -> Option<char> {
    if byte < 32 {
        return None;
    }
    let coding = if encoding == b"MacRomanEncoding" {
        encoding_rs::MACINTOSH
    } else {
        encoding_rs::WINDOWS_1252
    };
    let bytes = [byte];
    let (text, _, bad) = coding.decode(&bytes);
    let c = text.chars().next()?;
    (!bad && c != '\u{FFFD}').then_some(c)
}

/// The text of a glyph name (`adieresis` → `ä`, `uni2212` → `−`, `eight` → `8`).
pub fn glyph_text(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    if let Some(hex) = base.strip_prefix("uni").filter(|h| h.len() >= 4) {
        let units: Option<Vec<u16>> = hex
            .as_bytes()
            .chunks(4)
            .map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        return Some(
            char::decode_utf16(units?)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect(),
        );
    }
    if let Some(hex) = base
        .strip_prefix('u')
        .filter(|h| (4..=6).contains(&h.len()))
        && let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
    {
        return Some(c.to_string());
    }
    if base.len() == 1 && base.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(base.to_string());
    }
    let c = match base {
        "space" | "nbspace" | "nonbreakingspace" => ' ',
        "exclam" => '!',
        "quotedbl" => '"',
        "numbersign" => '#',
        "dollar" => '$',
        "percent" => '%',
        "ampersand" => '&',
        "quotesingle" => '\'',
        "quoteright" => '\u{2019}',
        "quoteleft" => '\u{2018}',
        "parenleft" => '(',
        "parenright" => ')',
        "asterisk" => '*',
        "plus" => '+',
        "comma" => ',',
        "hyphen" | "sfthyphen" => '-',
        "period" => '.',
        "slash" => '/',
        "zero" => '0',
        "one" => '1',
        "two" => '2',
        "three" => '3',
        "four" => '4',
        "five" => '5',
        "six" => '6',
        "seven" => '7',
        "eight" => '8',
        "nine" => '9',
        "colon" => ':',
        "semicolon" => ';',
        "less" => '<',
        "equal" => '=',
        "greater" => '>',
        "question" => '?',
        "at" => '@',
        "bracketleft" => '[',
        "backslash" => '\\',
        "bracketright" => ']',
        "asciicircum" => '^',
        "underscore" => '_',
        "grave" => '`',
        "braceleft" => '{',
        "bar" => '|',
        "braceright" => '}',
        "asciitilde" => '~',
        "adieresis" => 'ä',
        "Adieresis" => 'Ä',
        "odieresis" => 'ö',
        "Odieresis" => 'Ö',
        "aring" => 'å',
        "Aring" => 'Å',
        "udieresis" => 'ü',
        "Udieresis" => 'Ü',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "agrave" => 'à',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "iacute" => 'í',
        "ntilde" => 'ñ',
        "ccedilla" => 'ç',
        "scaron" => 'š',
        "Scaron" => 'Š',
        "zcaron" => 'ž',
        "Zcaron" => 'Ž',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "ae" => 'æ',
        "AE" => 'Æ',
        "germandbls" => 'ß',
        "endash" => '–',
        "emdash" => '—',
        "minus" => '\u{2212}',
        "bullet" => '•',
        "periodcentered" => '·',
        "quotedblleft" => '“',
        "quotedblright" => '”',
        "quotesinglbase" => '‚',
        "quotedblbase" => '„',
        "guillemotleft" => '«',
        "guillemotright" => '»',
        "ellipsis" => '…',
        "section" => '§',
        "paragraph" => '¶',
        "degree" => '°',
        "multiply" => '×',
        "divide" => '÷',
        "plusminus" => '±',
        "Euro" | "euro" => '€',
        "cent" => '¢',
        "sterling" => '£',
        "yen" => '¥',
        "copyright" => '©',
        "registered" => '®',
        "trademark" => '™',
        "onehalf" => '½',
        "onequarter" => '¼',
        "threequarters" => '¾',
        "twosuperior" => '²',
        "threesuperior" => '³',
        "onesuperior" => '¹',
        "fi" => return Some("fi".to_string()),
        "fl" => return Some("fl".to_string()),
        "ff" => return Some("ff".to_string()),
        "ffi" => return Some("ffi".to_string()),
        "ffl" => return Some("ffl".to_string()),
        _ => return None,
    };
    Some(c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_text(b"adieresis").as_deref(), Some("ä"));
        assert_eq!(glyph_text(b"uni2212").as_deref(), Some("\u{2212}"));
        assert_eq!(glyph_text(b"u00F6").as_deref(), Some("ö"));
        assert_eq!(glyph_text(b"eight.tnum").as_deref(), Some("8"));
        assert_eq!(glyph_text(b"K").as_deref(), Some("K"));
        assert_eq!(glyph_text(b"g123"), None);
        assert_eq!(glyph_text(b"uniZZZZ"), None);
    }

    #[test]
    fn base_encodings() {
        assert_eq!(base_char(b"WinAnsiEncoding", 0xE4), Some('ä'));
        assert_eq!(base_char(b"WinAnsiEncoding", 0x96), Some('–'));
        assert_eq!(base_char(b"MacRomanEncoding", 0x8A), Some('ä'));
        assert_eq!(base_char(b"WinAnsiEncoding", 0x05), None);
    }
}
