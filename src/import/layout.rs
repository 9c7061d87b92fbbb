//! Text laid out as the PDF prints it (`pdftotext -layout`, or copied from a viewer that keeps
//! the spacing): cells are separated by two or more spaces, a column's header words stand
//! over its figures (often over two or three lines), and the figures are right-aligned under
//! them. This module finds such headers and gives each figure of a row to the header column
//! it stands under, so that a row's empty cells stay empty instead of shifting the figures
//! after them into the wrong columns.
//!
//! It knows nothing of years or kinds: [`super::columns::parse_cell`] reads what each
//! column's words say, and the text importer settles what they leave open.

use super::columns::unit_scale;

/// A run of text between gaps of two or more spaces, with its place on the line (in
/// characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Segment {
    fn overlaps(&self, start: usize, end: usize, slack: usize) -> bool {
        self.start <= end + slack && start <= self.end + slack
    }
}

/// Splits a line at gaps of two or more spaces (a tab is a gap). Positions count characters.
pub fn segments(line: &str) -> Vec<Segment> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len() {
            if chars[end] == '\t' {
                break;
            }
            if chars[end].is_whitespace() {
                let gap = chars[end..]
                    .iter()
                    .take_while(|c| c.is_whitespace() && **c != '\t')
                    .count();
                let at_end = end + gap >= chars.len();
                if gap >= 2 || at_end || chars.get(end + gap) == Some(&'\t') {
                    break;
                }
                end += gap;
            } else {
                end += 1;
            }
        }
        out.push(Segment {
            start,
            end,
            text: chars[start..end].iter().collect(),
        });
        i = end;
    }
    out
}

/// The words column headers are made of, in lower case. A word broken with a hyphen
/// (`Talous-`, `jäl-`) counts where it starts one of them.
const HEADER_WORDS: &[&str] = &[
    "tp",
    "ta",
    "ts",
    "ta+m",
    "tilinpäätös",
    "talousarvio",
    "arvio",
    "suunnitelma",
    "taloussuunnitelma",
    "alkuperäinen",
    "muutokset",
    "muutosten",
    "jälkeen",
    "keen",
    "toteuma",
    "toteutuma",
    "tot.",
    "tot",
    "poikkeama",
    "muutos",
    "muutos-%",
    "muutos%",
    "kasvu",
    "kasvu%",
    "käyttö",
    "käyttö-%",
    "käyttö%",
    "erotus",
    "ennuste",
    "enn",
    "muutettu",
    "selite",
    "yli",
    "alle",
    "-alle",
    "toteuma-%",
    "toteutuma-%",
    "tot.%",
    "bs",
    "bokslut",
    "budget",
    "budjetti",
    "utfall",
    "prognos",
    "ekonomiplan",
    "%",
    "+",
    "/",
];

fn is_year_or_period(word: &str) -> bool {
    let digits = word.trim_end_matches([',', ')']);
    let is_year = |w: &str| {
        w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && w.starts_with(['1', '2'])
    };
    if is_year(digits) {
        return true;
    }
    // `1.1.-31.12.2024`, `TP2024`, `TP-2020`.
    if let Some(rest) = digits.strip_prefix("1.1.") {
        return rest.ends_with(|c: char| c.is_ascii_digit()) && rest.contains("31.12.");
    }
    let split = digits.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let (kind, year) = digits.split_at(split);
    split > 0 && is_year(year) && is_header_word(kind.trim_end_matches('-'))
}

fn is_header_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.trim_matches(|c| c == '(' || c == ')' || c == ',' || c == ':');
    if HEADER_WORDS.contains(&lower) {
        return true;
    }
    // A word broken at the end of a line: `Talous-`, `Talousarvio-`, `jäl-`.
    if let Some(stem) = lower.strip_suffix('-') {
        return stem.chars().count() >= 3 && HEADER_WORDS.iter().any(|w| w.starts_with(stem));
    }
    false
}

/// Whether a segment is made only of header words, years and unit words.
pub fn is_header_fragment(text: &str) -> bool {
    let (rest, _) = strip_unit(text);
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() {
        return unit_scale(text).is_some();
    }
    words
        .iter()
        .all(|w| is_header_word(w) || is_year_or_period(w))
}

/// The unit markers a header cell may carry, longest first.
pub(crate) const UNIT_MARKERS: &[&str] = &[
    "1 000 euroa",
    "1000 euroa",
    "1 000 euro",
    "1000 euro",
    "milj. euroa",
    "1 000 €",
    "1000 €",
    "1 000€",
    "1000€",
    "milj. €",
    "milj.€",
    "1000e",
    "t€",
    "m€",
    "euroa",
    "eur",
    "€",
];

/// Takes the unit marker out of a header cell: `Talousarvio €` → (`Talousarvio`, `€`).
pub fn strip_unit(text: &str) -> (String, Option<String>) {
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let normalised: String = text
        .chars()
        .map(|c| {
            if crate::numfmt::is_group_separator(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    // Lower case that keeps every character's byte length, so that places found in it
    // are places in the text.
    let lower: String = normalised
        .chars()
        .map(|c| {
            let l = c.to_lowercase().next().unwrap_or(c);
            if l.len_utf8() == c.len_utf8() { l } else { c }
        })
        .collect();
    for marker in UNIT_MARKERS {
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|rest| rest.find(marker)) {
            let at = from + found;
            let end = at + marker.len();
            let before = lower.get(..at).unwrap_or("");
            let after = lower.get(end..).unwrap_or("");
            let before_ok = !before.ends_with(|c: char| c.is_alphanumeric());
            let after_ok = !after.starts_with(|c: char| c.is_alphanumeric());
            if before_ok && after_ok {
                let rest = format!(
                    "{}{}",
                    normalised.get(..at).unwrap_or(""),
                    normalised.get(end..).unwrap_or("")
                );
                let unit = normalised.get(at..end).unwrap_or(marker).to_string();
                return (words(&rest), Some(unit));
            }
            from = end;
        }
    }
    (words(&normalised), None)
}

/// A header found in laid-out text: the caption on its left, and each column's words (joined
/// over the lines they are printed on) with the span they take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutHeader {
    /// Index of the header's first and last line in the lines given.
    pub first: usize,
    pub last: usize,
    pub label: String,
    pub columns: Vec<Segment>,
}

/// The segments of a header line: an optional caption on the left, then header fragments.
/// `None` for a line that is not part of a header.
fn header_line_parts(line: &str) -> Option<(Option<Segment>, Vec<Segment>)> {
    let mut segs = segments(line);
    if segs.is_empty() {
        return None;
    }
    let caption = if is_header_fragment(&segs[0].text) {
        None
    } else {
        Some(segs.remove(0))
    };
    if segs.is_empty() || !segs.iter().all(|s| is_header_fragment(&s.text)) {
        return None;
    }
    Some((caption, segs))
}

/// Tries to read a header that starts at `lines[at]` and takes up to four lines. The lines of
/// a header hold only header words (each under or over the others of its column) beside an
/// optional caption on the left. At least two columns must come out of it.
pub fn find_header(lines: &[&str], at: usize) -> Option<LayoutHeader> {
    let mut block = Vec::new();
    let mut index = at;
    while index < lines.len() && block.len() < 4 {
        match header_line_parts(lines[index]) {
            Some(parts) => block.push((index, parts)),
            None => break,
        }
        index += 1;
    }
    if block.is_empty() {
        return None;
    }
    // Columns: the fragments whose spans meet across the lines: (start, end, members by line).
    type Cluster = (usize, usize, Vec<(usize, Segment)>);
    let mut clusters: Vec<Cluster> = Vec::new();
    for (line, (_, fragments)) in &block {
        for fragment in fragments {
            let meeting: Vec<usize> = clusters
                .iter()
                .enumerate()
                .filter(|(_, (start, end, members))| {
                    fragment.overlaps(*start, *end, 1) && !members.iter().any(|(l, _)| l == line)
                })
                .map(|(i, _)| i)
                .collect();
            match meeting.as_slice() {
                [] => clusters.push((
                    fragment.start,
                    fragment.end,
                    vec![(*line, fragment.clone())],
                )),
                [one] => {
                    let cluster = &mut clusters[*one];
                    cluster.0 = cluster.0.min(fragment.start);
                    cluster.1 = cluster.1.max(fragment.end);
                    cluster.2.push((*line, fragment.clone()));
                }
                // A fragment under two columns' words: not a header this reader understands.
                _ => return None,
            }
        }
    }
    clusters.sort_by_key(|(start, _, _)| *start);
    // Two clusters that overlap after growing are one column printed oddly: not a header.
    if clusters.windows(2).any(|w| w[0].1 + 1 >= w[1].0) {
        return None;
    }
    if clusters.len() < 2 {
        return None;
    }
    let columns = clusters
        .into_iter()
        .map(|(start, end, mut members)| {
            members.sort_by_key(|(line, seg)| (*line, seg.start));
            let parts: Vec<&str> = members.iter().map(|(_, s)| s.text.as_str()).collect();
            Segment {
                start,
                end,
                text: super::columns::join_broken_words(&parts),
            }
        })
        .collect();
    let label = block
        .iter()
        .filter_map(|(_, (caption, _))| caption.as_ref().map(|c| c.text.trim().to_string()))
        .collect::<Vec<_>>()
        .join(" ");
    Some(LayoutHeader {
        first: block[0].0,
        last: block[block.len() - 1].0,
        label,
        columns,
    })
}

/// A line that holds only minus signs: signs printed a little above their figures, which
/// text extraction puts on a line of their own. Returns their positions.
pub fn detached_minus_signs(line: &str) -> Option<Vec<usize>> {
    let positions: Vec<usize> = line
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .try_fold(Vec::new(), |mut acc, (i, c)| {
            crate::numfmt::is_minus(c).then(|| {
                acc.push(i);
                acc
            })
        })?;
    (!positions.is_empty()).then_some(positions)
}

/// One row of laid-out text: its label and, for each header column, the text of the figure
/// printed under it (empty where none is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedRow {
    pub label: String,
    pub cells: Vec<String>,
    /// How many minus signs from the line above were joined to figures.
    pub signs: usize,
}

/// Why a row's figures could not be given to columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceError {
    /// Two figures stand under one column.
    TwoUnderOne { column: usize },
}

/// Gives each figure of a row to the column it stands under: the column its span overlaps
/// most, else the nearest. `minus_at` are the positions of minus signs printed on the line
/// above. `None` when the line has no figures.
pub fn place_row(
    line: &str,
    columns: &[Segment],
    minus_at: &[usize],
    is_figure: impl Fn(&str) -> bool,
) -> Option<Result<PlacedRow, PlaceError>> {
    let segs = segments(line);
    let first_figure = segs.iter().position(|s| is_figure(&s.text))?;
    let mut label_parts: Vec<String> = segs[..first_figure]
        .iter()
        .map(|s| s.text.clone())
        .collect();
    let figures = &segs[first_figure..];
    if !figures.iter().all(|s| is_figure(&s.text)) {
        return None;
    }
    // A label cell may end in a figure printed after one space (`Muut toimintatuotot 19 657`);
    // the caller's splitter deals with such rows.
    let mut cells = vec![String::new(); columns.len()];
    let mut signs = 0;
    for figure in figures {
        let overlap = |c: &Segment| {
            let start = figure.start.max(c.start);
            let end = figure.end.min(c.end);
            end.saturating_sub(start)
        };
        let distance = |c: &Segment| {
            if figure.end <= c.start {
                c.start - figure.end
            } else {
                figure.start.saturating_sub(c.end)
            }
        };
        let best = columns
            .iter()
            .enumerate()
            .max_by_key(|(_, c)| (overlap(c), std::cmp::Reverse(distance(c))))
            .map(|(i, _)| i)?;
        if !cells[best].is_empty() {
            return Some(Err(PlaceError::TwoUnderOne { column: best }));
        }
        let detached = minus_at
            .iter()
            .any(|&m| m + 3 >= figure.start && m <= figure.end + 1);
        let text = figure.text.trim().to_string();
        cells[best] = if detached && !text.starts_with(|c: char| crate::numfmt::is_minus(c)) {
            signs += 1;
            format!("-{text}")
        } else {
            text
        };
    }
    let label = std::mem::take(&mut label_parts).join(" ");
    Some(Ok(PlacedRow {
        label,
        cells,
        signs,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(segs: &[Segment]) -> Vec<&str> {
        segs.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn segments_split_at_wide_gaps_only() {
        let segs = segments(" Myyntituotot                     1 880 870,00             0,00");
        assert_eq!(texts(&segs), ["Myyntituotot", "1 880 870,00", "0,00"]);
        assert_eq!(segs[1].start, 34);
        assert_eq!(segs[1].end, 46);
    }

    #[test]
    fn a_three_line_header_is_joined_by_column() {
        // Kauhava, Tilinpäätös 2024, p. 115 (2.3 Tuloslaskelmaosan toteutuminen).
        let lines = [
            "                                                                      Talousarvio",
            "                                Alkuperäinen       Talousarvio-        muutosten",
            "                                   talousarvio      muutokset              jälkeen      Toteutuma        Poikkeama",
            " TOIMINTATUOTOT                  6 228 970,00             0,00       6 228 970,00      7 725 767,34     1 496 797,34",
        ];
        let header = find_header(&lines, 0).unwrap();
        assert_eq!((header.first, header.last), (0, 2));
        assert_eq!(
            texts(&header.columns),
            [
                "Alkuperäinen talousarvio",
                "Talousarviomuutokset",
                "Talousarvio muutosten jälkeen",
                "Toteutuma",
                "Poikkeama"
            ]
        );
        let row = place_row(lines[3], &header.columns, &[], |t| {
            t.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        })
        .unwrap()
        .unwrap();
        assert_eq!(row.label, "TOIMINTATUOTOT");
        assert_eq!(
            row.cells,
            [
                "6 228 970,00",
                "0,00",
                "6 228 970,00",
                "7 725 767,34",
                "1 496 797,34"
            ]
        );
    }

    #[test]
    fn units_and_kinds_without_years_are_columns() {
        // Kauhava, Tilinpäätös 2024, p. 124 (Ulkoinen tuloslaskelma).
        let lines = [
            "                             Talousarvio                                                   Muutos      Muutos",
            "                                        €   Toteuma €       Toteuma %        TP 2023              €          %",
        ];
        let header = find_header(&lines, 0).unwrap();
        assert_eq!(
            texts(&header.columns),
            [
                "Talousarvio €",
                "Toteuma €",
                "Toteuma %",
                "TP 2023",
                "Muutos €",
                "Muutos %"
            ]
        );
    }

    #[test]
    fn prose_and_rows_are_no_header() {
        assert_eq!(
            find_header(&["Talousarvio toteutui hyvin vuonna 2024."], 0),
            None
        );
        assert_eq!(
            find_header(
                &["Verotulot                      31 902 000,00              0,00"],
                0
            ),
            None
        );
        assert_eq!(find_header(&["                 2024"], 0), None);
    }

    #[test]
    fn minus_signs_on_the_line_above_join_their_figures() {
        let dashes =
            "                                             -                                  -";
        let signs = detached_minus_signs(dashes).unwrap();
        let header = [
            Segment {
                start: 32,
                end: 46,
                text: "TA".into(),
            },
            Segment {
                start: 51,
                end: 63,
                text: "M".into(),
            },
            Segment {
                start: 67,
                end: 81,
                text: "TA+m".into(),
            },
        ];
        let row = place_row(
            " TOIMINTAKULUT                  46 525 690,00              0,00    46 525 690,00",
            &header,
            &signs,
            |t| t.starts_with(|c: char| c.is_ascii_digit()),
        )
        .unwrap()
        .unwrap();
        assert_eq!(row.cells, ["-46 525 690,00", "0,00", "-46 525 690,00"]);
        assert_eq!(detached_minus_signs("  Toimintakate  -"), None);
    }

    #[test]
    fn strips_units() {
        assert_eq!(
            strip_unit("Talousarvio €"),
            ("Talousarvio".to_string(), Some("€".to_string()))
        );
        assert_eq!(
            strip_unit("2024 1 000 €"),
            ("2024".to_string(), Some("1 000 €".to_string()))
        );
        assert_eq!(strip_unit("TP 2023"), ("TP 2023".to_string(), None));
        assert_eq!(strip_unit("Euroopan"), ("Euroopan".to_string(), None));
    }
}
