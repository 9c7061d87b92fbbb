//! Tables copied from a web page: a browser's text of an HTML table keeps each cell's text
//! and loses the space between cells. `1 000 €Käyttö` over `2021`, `Talous-`, `arvio`,
//! `2022` … is a header of one column a line; `1 000 euroaAlkuperäinenTalousarvio-…` is a
//! header whose cells run together, its second words on the lines under it; and
//! `Myyntitulot 351 440287 054296 412` is a row of three figures. This module reads the
//! shape of such a header and row; the figures are split by [`super::split::glued`], and
//! the columns an empty cell leaves are told by the one space a browser prints for it.

use super::columns::{join_broken_words, parse_cell};
use super::layout::UNIT_MARKERS;

/// A header found in a web page's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GluedHeader {
    /// The words before the unit (a section's caption), if any.
    pub label: String,
    pub unit: Option<String>,
    /// Each column's words, as one cell would print them.
    pub cells: Vec<String>,
    /// Index of the header's last line in the lines given.
    pub last: usize,
}

/// One word or period of a header's text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    /// A year, or a financial year's period (`01.01.-31.12.2019`).
    Year(String),
}

fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && (text.starts_with("19") || text.starts_with("20"))
}

/// The length in characters of a period (`1.1.-31.12.2024`, `01.01.–31.12.2019`) at the
/// start of `chars`.
fn period_len(chars: &[char]) -> Option<usize> {
    let mut at = 0;
    let date = |at: &mut usize, with_year: bool| -> bool {
        for _ in 0..2 {
            let start = *at;
            while *at < chars.len() && chars[*at].is_ascii_digit() && *at - start < 2 {
                *at += 1;
            }
            if *at == start || chars.get(*at) != Some(&'.') {
                return false;
            }
            *at += 1;
        }
        if with_year {
            let year: String = chars.get(*at..*at + 4).unwrap_or(&[]).iter().collect();
            if !is_year(&year) {
                return false;
            }
            *at += 4;
        }
        true
    };
    if !date(&mut at, false) {
        return None;
    }
    while chars.get(at) == Some(&' ') {
        at += 1;
    }
    if !chars.get(at).is_some_and(|c| crate::numfmt::is_minus(*c)) {
        return None;
    }
    at += 1;
    while chars.get(at) == Some(&' ') {
        at += 1;
    }
    date(&mut at, true).then_some(at)
}

/// Splits a header's text into words and years where its cells ran together: before a
/// capital that follows a small letter or a hyphen, and around years and periods.
fn tokens(text: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            flush(&mut word, &mut out);
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            flush(&mut word, &mut out);
            if let Some(len) = period_len(&chars[i..]) {
                out.push(Token::Year(chars[i..i + len].iter().collect()));
                i += len;
                continue;
            }
            let year: String = chars.get(i..i + 4)?.iter().collect();
            if !is_year(&year) {
                return None;
            }
            out.push(Token::Year(year));
            i += 4;
            continue;
        }
        let starts_word = c.is_uppercase()
            && word
                .chars()
                .last()
                .is_some_and(|p| p.is_lowercase() || p == '-');
        if starts_word {
            flush(&mut word, &mut out);
        }
        word.push(c);
        i += 1;
    }
    flush(&mut word, &mut out);
    Some(out)
}

/// The unit in a header's first line and what stands on either side of it; the unit must
/// be followed by the header's text without a space between (`1 000 €Käyttö`).
fn split_unit(line: &str) -> Option<(String, String, String)> {
    let lower = line.to_lowercase();
    // Only where lower case keeps every byte length are places in it places in the line.
    if lower.len() != line.len() {
        return None;
    }
    for marker in UNIT_MARKERS.iter().filter(|m| m.chars().count() > 3) {
        let Some(at) = lower.find(marker) else {
            continue;
        };
        let end = at + marker.len();
        let after = &line[end..];
        let before = &line[..at];
        if after.starts_with(|c: char| c.is_alphanumeric())
            && !before.ends_with(|c: char| c.is_alphanumeric())
        {
            return Some((
                before.trim().trim_end_matches(',').trim().to_string(),
                line[at..end].to_string(),
                after.to_string(),
            ));
        }
    }
    None
}

/// A caption glued to periods: `VUOSIKATE01.01.-31.12.201901.01.-31.12.2018`.
fn split_caption(line: &str) -> Option<(String, String)> {
    let chars: Vec<char> = line.chars().collect();
    for i in 1..chars.len() {
        if chars[i].is_ascii_digit()
            && chars[i - 1].is_alphabetic()
            && period_len(&chars[i..]).is_some()
        {
            return Some((chars[..i].iter().collect(), chars[i..].iter().collect()));
        }
    }
    None
}

/// Words a header's second and third lines run together (`talousarviomuutoksetmuutosten`),
/// longest first.
const HEADER_WORDS: &[&str] = &[
    "alkuperäinen",
    "talousarvio",
    "suunnitelma",
    "toteutuma",
    "muutosten",
    "muutokset",
    "poikkeama",
    "muutettu",
    "toteuma",
    "ennuste",
    "jälkeen",
    "käyttö",
    "arvio",
];

/// Cuts a line of small words run together into the header words it is made of.
fn header_words(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in line.split_whitespace() {
        let mut rest = part;
        while !rest.is_empty() {
            let word = HEADER_WORDS.iter().find(|w| rest.starts_with(**w))?;
            out.push((*word).to_string());
            rest = &rest[word.len()..];
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Every way to give `words`, in order, to the cells from left to right (each word to the
/// same cell as the one before it or to one further right).
fn assignments(words: usize, cells: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    fn walk(
        words: usize,
        cells: usize,
        from: usize,
        current: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) {
        if out.len() > 10_000 {
            return;
        }
        if current.len() == words {
            out.push(current.clone());
            return;
        }
        for cell in from..cells {
            current.push(cell);
            walk(words, cells, cell, current, out);
            current.pop();
        }
    }
    walk(words, cells, 0, &mut current, &mut out);
    out
}

/// The way the words of the lines under a run-together header complete its cells so that
/// every cell names a column and every broken word (`Talousarvio-`) is continued. Of
/// several, the one that spreads each line's words over the most cells (a line of a header
/// holds one word a column), and then the one that passes over the fewest cells between
/// one word and the next; `None` when there is none, or two that tie.
fn complete_cells(first: &[String], lines: &[Vec<String>]) -> Option<Vec<String>> {
    // Each way: the words of each cell, and how many cells the lines' words went to.
    let mut ways: Vec<(Vec<Vec<String>>, usize)> =
        vec![(first.iter().map(|c| vec![c.clone()]).collect(), 0)];
    for words in lines {
        let mut next = Vec::new();
        for (way, spread) in &ways {
            for assignment in assignments(words.len(), first.len()) {
                let mut cells = way.clone();
                for (word, &cell) in words.iter().zip(&assignment) {
                    cells[cell].push(word.clone());
                }
                let mut used = assignment.clone();
                used.dedup();
                // Cells passed over between one word and the next count against a way.
                let skipped: usize = used.windows(2).map(|w| w[1] - w[0] - 1).sum();
                next.push((cells, spread + used.len() * 1000 - skipped));
            }
        }
        if next.len() > 100_000 {
            return None;
        }
        ways = next;
    }
    let mut best: Option<(Vec<String>, usize)> = None;
    let mut tied = false;
    for (way, spread) in ways {
        let cells: Vec<String> = way
            .iter()
            .map(|parts| {
                let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                join_broken_words(&parts)
            })
            .collect();
        let complete = cells
            .iter()
            .all(|c| !c.ends_with('-') && parse_cell(c).is_some());
        if !complete {
            continue;
        }
        match &best {
            Some((_, top)) if spread < *top => {}
            Some((other, top)) if spread == *top => tied |= *other != cells,
            _ => {
                best = Some((cells, spread));
                tied = false;
            }
        }
    }
    if tied {
        None
    } else {
        best.map(|(cells, _)| cells)
    }
}

/// A header line of a web page's copied table: `lines[0]` holds the unit glued to the
/// first cell, or a caption glued to periods; the cells follow on it, or one fragment a
/// line under it (each column closed by its year), or their second words on the lines
/// under it. `None` for any other line.
pub fn find_header(lines: &[&str]) -> Option<GluedHeader> {
    let first = lines.first()?.trim_end();
    let (label, unit, rest) = match split_unit(first) {
        Some(found) => found,
        None => {
            let (label, rest) = split_caption(first)?;
            (label.trim().to_string(), String::new(), rest)
        }
    };
    let unit = (!unit.is_empty()).then_some(unit);
    let tokens = tokens(&rest)?;
    // Cells of the first line: a capital word or a period starts one; a year closes one.
    let mut cells: Vec<(String, bool)> = Vec::new();
    for token in tokens {
        match token {
            Token::Year(year) => match cells.last_mut() {
                Some((text, false)) if !text.is_empty() => {
                    text.push(' ');
                    text.push_str(&year);
                    cells.last_mut()?.1 = true;
                }
                _ => cells.push((year, true)),
            },
            Token::Word(word) => {
                let open_broken = cells
                    .last()
                    .is_some_and(|(t, closed)| !closed && t.ends_with('-'));
                if word.starts_with(char::is_uppercase) || cells.is_empty() || cells.last()?.1 {
                    if open_broken && cells.len() == 1 {
                        // One column a line: `Talous-` then `arvio` is one word.
                        let last = cells.last_mut()?;
                        last.0 = join_broken_words(&[&last.0, &word]);
                    } else {
                        cells.push((word, false));
                    }
                } else {
                    let last = cells.last_mut()?;
                    last.0 = join_broken_words(&[&last.0, &word]);
                }
            }
        }
    }
    if cells.len() >= 2 {
        // Cells side by side; their second words may follow on the lines under them.
        let first_cells: Vec<String> = cells.into_iter().map(|(t, _)| t).collect();
        let mut under = Vec::new();
        for line in &lines[1..] {
            let text = line.trim();
            if text.is_empty() || text.starts_with(char::is_uppercase) {
                break;
            }
            match header_words(text) {
                Some(words) => under.push(words),
                None => break,
            }
        }
        let cells = complete_cells(&first_cells, &under)?;
        return Some(GluedHeader {
            label,
            unit,
            cells,
            last: under.len(),
        });
    }
    // One column a line: fragments under the first, each column closed by its year.
    let (mut open, _) = cells.pop()?;
    let mut closed: Vec<String> = Vec::new();
    let mut last = 0;
    for (index, line) in lines.iter().enumerate().skip(1) {
        let text = line.trim();
        if text.is_empty() || text.split_whitespace().count() != 1 || text.chars().count() > 30 {
            break;
        }
        if is_year(text) {
            if open.is_empty() {
                break;
            }
            closed.push(format!("{open} {text}"));
            open.clear();
            last = index;
        } else if text.chars().all(|c| c.is_alphabetic() || c == '-') {
            open = if open.is_empty() {
                text.to_string()
            } else if open.ends_with('-') {
                join_broken_words(&[&open, text])
            } else {
                // A word after a whole word that no year closed: the rows have begun.
                break;
            };
        } else {
            break;
        }
    }
    (closed.len() >= 2).then_some(GluedHeader {
        label,
        unit,
        cells: closed,
        last,
    })
}

/// A body line of a web page's copied table: its name, and its figures as they ran
/// together, with the spaces around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GluedRow {
    pub label: String,
    /// The figures' text, trimmed; empty for a caption.
    pub figures: String,
    /// Spaces between the name and the first figure (or to the end, for a caption).
    pub before: usize,
    /// Spaces after the last figure.
    pub after: usize,
}

/// A character a web table's figures are made of: digits, the decimal comma, spaces and
/// minus signs.
pub fn is_figure_char(c: char) -> bool {
    c.is_ascii_digit() || c == ',' || c == ' ' || c == '\u{a0}' || crate::numfmt::is_minus(c)
}

/// Splits a line into its name and its figures: the figures begin at the first digit (or
/// a minus before one) after which the line holds only figures; the name must hold a
/// letter. `None` for a line with no name.
pub fn split_row(line: &str) -> Option<GluedRow> {
    let text = line.trim_start();
    let chars: Vec<char> = text.chars().collect();
    let mut start = chars.len();
    for i in 0..chars.len() {
        let c = chars[i];
        let begins = c.is_ascii_digit()
            || (crate::numfmt::is_minus(c) && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        let after_name = i == 0 || !chars[i - 1].is_ascii_digit() && chars[i - 1] != ',';
        if begins && after_name && chars[i..].iter().all(|c| is_figure_char(*c)) {
            start = i;
            break;
        }
    }
    let name: String = chars[..start].iter().collect();
    let label = name.trim().to_string();
    if !label.chars().any(char::is_alphabetic) {
        return None;
    }
    let before = name.chars().rev().take_while(|c| c.is_whitespace()).count();
    let figures: String = chars[start..].iter().collect();
    let after = figures
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    Some(GluedRow {
        label,
        figures: figures.trim().to_string(),
        before,
        after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_of_one_column_a_line() {
        let lines = [
            "1 000 €Käyttö",
            "2021",
            "Talous-",
            "arvio",
            "2022",
            "Ehdotus",
            "2023",
            "Talous-",
            "suunnitelma",
            "2024",
            "Toimintatulot       ",
        ];
        let header = find_header(&lines).unwrap();
        assert_eq!(header.unit.as_deref(), Some("1 000 €"));
        assert_eq!(
            header.cells,
            [
                "Käyttö 2021",
                "Talousarvio 2022",
                "Ehdotus 2023",
                "Taloussuunnitelma 2024"
            ]
        );
        assert_eq!(header.last, 9);
    }

    #[test]
    fn a_header_whose_cells_ran_together_over_three_lines() {
        let lines = [
            "1 000 euroaAlkuperäinenTalousarvio-TalousarvioToteutumaPoikkeama",
            "  talousarviomuutoksetmuutosten",
            "    jälkeen",
            "Toimintatulot137 660,11 781,2139 441,3152 040,812 599,5",
        ];
        let header = find_header(&lines).unwrap();
        assert_eq!(header.unit.as_deref(), Some("1 000 euroa"));
        assert_eq!(
            header.cells,
            [
                "Alkuperäinen talousarvio",
                "Talousarviomuutokset",
                "Talousarvio muutosten jälkeen",
                "Toteutuma",
                "Poikkeama"
            ]
        );
        assert_eq!(header.last, 2);
    }

    #[test]
    fn periods_run_together_with_the_unit_or_a_caption() {
        let header = find_header(&["1 000 euroa01.01.-31.12.201901.01.-31.12.2018"]).unwrap();
        assert_eq!(header.cells, ["01.01.-31.12.2019", "01.01.-31.12.2018"]);
        let header = find_header(&["VUOSIKATE01.01.-31.12.201901.01.-31.12.2018"]).unwrap();
        assert_eq!(header.label, "VUOSIKATE");
        assert_eq!(header.unit, None);
        assert!(find_header(&["Toimintatulot137 660,11 781,2"]).is_none());
        assert!(find_header(&["Talous 2024 oli hyvä"]).is_none());
    }

    #[test]
    fn rows_split_into_name_and_figures() {
        let row = split_row("Myyntitulot    70 06171 05772 778").unwrap();
        assert_eq!(row.label, "Myyntitulot");
        assert_eq!(row.figures, "70 06171 05772 778");
        assert_eq!((row.before, row.after), (4, 0));
        let row = split_row("Toimintakate-679 019,7-12 795,1").unwrap();
        assert_eq!((row.label.as_str(), row.before), ("Toimintakate", 0));
        let row =
            split_row("Osuus osakkuusyhteisöjen voitosta / tappiosta (-)16 81714 523").unwrap();
        assert_eq!(
            row.label,
            "Osuus osakkuusyhteisöjen voitosta / tappiosta (-)"
        );
        let row = split_row("Toimintatulot       ").unwrap();
        assert_eq!((row.figures.as_str(), row.before, row.after), ("", 7, 0));
        assert!(split_row("-29 717-25 117").is_none());
    }
}
