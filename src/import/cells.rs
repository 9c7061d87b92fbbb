//! The text cells of tables copied from PDFs (goals, projects and risks tables): finding
//! the tables of tab-separated cells in a text, and reading a cell as a list of items
//! (`<p>` and `<li>` items, `•` bullets, or runs of text separated by two spaces, as PDF
//! copies print them), joining items that a page break split.

/// The year a header names (`Tavoite 2025`).
pub(crate) fn header_year(cells: &[String]) -> Option<i32> {
    cells
        .iter()
        .find_map(|cell| crate::model::column::year_in(cell))
}

/// Text without its HTML tags, each tag replaced by `gap`, with no-break spaces made plain.
pub(crate) fn strip_tags(raw: &str, gap: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push_str(gap);
            }
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    out.replace(['\u{00A0}', '\u{202F}'], " ")
}

/// A cell's text: tags become spaces, so that `<li>a</li><li>b</li>` keeps its words apart.
pub(crate) fn strip_cell(raw: &str) -> String {
    strip_tags(raw, " ")
}

pub(crate) fn tidy(item: &str) -> String {
    item.trim()
        .trim_start_matches(['•', '-', '–', '·'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The items of a cell, in order.
pub(crate) fn items(raw: &str) -> Vec<String> {
    let lower = raw.to_ascii_lowercase();
    let pieces: Vec<String> = if lower.contains("<p") || lower.contains("<li") {
        // Split at every opening of an item; what is outside them goes with the one before.
        let mut pieces = Vec::new();
        let mut rest = raw;
        while let Some(at) = find_item_open(rest) {
            pieces.push(rest[..at].to_string());
            rest = &rest[at + 1..];
            // Skip the rest of the tag.
            match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => rest = "",
            }
        }
        pieces.push(rest.to_string());
        pieces.into_iter().map(|p| strip_cell(&p)).collect()
    } else {
        vec![strip_cell(raw)]
    };
    pieces
        .iter()
        .flat_map(|p| p.split('•').flat_map(|p| p.split("  ")))
        .map(tidy)
        .filter(|s| !s.is_empty())
        .collect()
}

fn find_item_open(text: &str) -> Option<usize> {
    // ASCII lower case keeps byte positions.
    let lower = text.to_ascii_lowercase();
    [lower.find("<p>"), lower.find("<p "), lower.find("<li")]
        .into_iter()
        .flatten()
        .min()
}

/// The aim of a cell and its parts: the bold text is the aim, else the first item.
pub(crate) fn aim_of(raw: &str) -> (String, Vec<String>) {
    let lower = raw.to_ascii_lowercase();
    if let (Some(open), Some(close)) = (lower.find("<b>"), lower.find("</b>"))
        && open < close
    {
        let aim = tidy(&strip_cell(&raw[open + 3..close]));
        let rest = format!("{}{}", &raw[..open], &raw[close + 4..]);
        return (aim, items(&rest));
    }
    let mut all = items(raw);
    if all.is_empty() {
        return (String::new(), Vec::new());
    }
    let aim = all.remove(0);
    (aim, all)
}

/// Joins a continued list: an item that starts in lower case goes on from the last one,
/// unless that one ended a sentence.
pub(crate) fn continue_list(list: &mut Vec<String>, more: Vec<String>) {
    join_continued(list, more, false);
}

/// Joins continued prose (an outcome, a description): the first item goes on from the last
/// one unless that one ended a sentence, whatever its case (`… kehitetty yhteistyötä` /
/// `Päijät-Hämeen työllisyyspalveluiden kanssa`).
pub(crate) fn continue_prose(list: &mut Vec<String>, more: Vec<String>) {
    join_continued(list, more, true);
}

fn join_continued(list: &mut Vec<String>, more: Vec<String>, prose: bool) {
    for (i, item) in more.into_iter().enumerate() {
        let goes_on = i == 0
            && (prose || item.chars().next().is_some_and(char::is_lowercase))
            && list
                .last()
                .is_some_and(|last| !last.ends_with(['.', '!', '?', ':']));
        match list.last_mut() {
            Some(last) if goes_on => {
                last.push(' ');
                last.push_str(&item);
            }
            _ => list.push(item),
        }
    }
}

/// The text of a row's cells in the columns of `role`, joined as separate items.
pub(crate) fn cells_in<R: PartialEq>(roles: &[R], cells: &[String], role: R) -> String {
    roles
        .iter()
        .zip(cells)
        .filter(|(r, _)| **r == role)
        .map(|(_, c)| c.as_str())
        .collect::<Vec<_>>()
        .join("  ")
}

/// A row's line number and its cells.
pub type CellRow = (usize, Vec<String>);

/// A table of text cells found in a text copied from a PDF: its header, its rows, the
/// headings above it (nearest first, with their lines) and the text between it and the
/// table before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellTable {
    pub line: usize,
    pub headings: Vec<(usize, String)>,
    pub header: Vec<String>,
    pub rows: Vec<CellRow>,
    pub context: String,
}

/// Finds tables of tab-separated cells under a header that `is_header` accepts. A table goes
/// on over blank lines and repeated headers and ends at the first line that is not a row,
/// or at the header of another table.
pub fn cell_tables(
    lines: &[(usize, &str)],
    heading_of: impl Fn(&str) -> Option<String>,
    is_header: impl Fn(&[String]) -> bool,
) -> Vec<CellTable> {
    let split = |text: &str| -> Vec<String> { text.split('\t').map(str::to_string).collect() };
    let mut tables = Vec::new();
    let mut i = 0;
    let mut headings: Vec<(usize, String)> = Vec::new();
    let mut context_start = 0;
    while i < lines.len() {
        let (number, text) = lines[i];
        if let Some(h) = heading_of(text) {
            headings.insert(0, (number, h));
        }
        let header = split(text);
        if !text.contains('\t') || !is_header(&header) {
            i += 1;
            continue;
        }
        let context: String = lines[context_start..i]
            .iter()
            .rev()
            .take(12)
            .map(|(_, t)| t.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut rows = Vec::new();
        let mut j = i + 1;
        while let Some((n, t)) = lines.get(j) {
            if t.contains('\t') {
                let cells = split(t);
                // Another table's header ends this one; a repeated header goes on with it.
                if cells != header && is_header(&cells) {
                    break;
                }
                rows.push((*n, cells));
            } else if !t.trim().is_empty() {
                break;
            }
            j += 1;
        }
        tables.push(CellTable {
            line: number,
            headings: headings.clone(),
            header,
            rows,
            context,
        });
        context_start = j;
        i = j;
    }
    tables
}

/// Cells from string literals, for tests.
#[cfg(test)]
pub(crate) fn texts(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}
