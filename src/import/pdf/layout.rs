//! A page's glyphs laid out as text the way `pdftotext -layout` lays a page out, which the
//! text reader reads: one text line per baseline, cells apart by two or more spaces, each
//! cell at the column its place on the page gives. Figures keep their right edge (they are
//! right-aligned in their column), other cells their left edge, so a column's figures end
//! in one text column and its header words stand over them.

use super::content::Glyph;

/// A glyph turned so that the page's text runs left to right, `y` growing downwards.
#[derive(Debug, Clone)]
struct Placed {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
}

/// The direction most of a page's text runs in: 0 right, 1 up, 2 left, 3 down.
fn direction(g: &Glyph) -> u8 {
    let (dx, dy) = (g.x1 - g.x0, g.y1 - g.y0);
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 { 0 } else { 2 }
    } else if dy > 0.0 {
        1
    } else {
        3
    }
}

/// Turns glyphs running in `dir` so that they run right, with `y` downwards.
fn turn(g: &Glyph, dir: u8) -> Placed {
    let (x0, y0, x1) = match dir {
        0 => (g.x0, -g.y0, g.x1),
        1 => (g.y0, g.x0, g.y1),
        2 => (-g.x0, g.y0, -g.x1),
        _ => (-g.y0, -g.x0, -g.y1),
    };
    Placed {
        text: g.text.clone(),
        x0,
        x1: x1.max(x0),
        y: y0,
        size: g.size,
    }
}

fn is_figure_text(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '\u{a0}' | '\u{202f}' | ',' | '.' | '-' | '\u{2212}' | '–' | '+' | '%' | '('
            | ')' => {}
            _ => return false,
        }
    }
    digits > 0
}

/// A run of glyphs close enough to be one cell.
struct Chunk {
    text: String,
    x0: f64,
    x1: f64,
}

/// The page's text lines, top to bottom.
pub fn lines(glyphs: &[Glyph]) -> Vec<String> {
    if glyphs.is_empty() {
        return Vec::new();
    }
    let mut counts = [0usize; 4];
    for g in glyphs {
        if !g.text.trim().is_empty() {
            counts[direction(g) as usize] += 1;
        }
    }
    let dir = (0..4u8).max_by_key(|d| counts[*d as usize]).unwrap_or(0);
    let mut placed: Vec<Placed> = glyphs
        .iter()
        .filter(|g| direction(g) == dir || (g.x1 - g.x0).abs() + (g.y1 - g.y0).abs() < 1e-9)
        .map(|g| turn(g, dir))
        .collect();
    if placed.is_empty() {
        return Vec::new();
    }
    placed.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));

    // Baselines: a glyph joins the line whose baseline is within 40 % of its size.
    let mut rows: Vec<(f64, f64, Vec<Placed>)> = Vec::new();
    for p in placed {
        match rows.last_mut() {
            Some((y, size, members)) if (p.y - *y).abs() <= 0.4 * size.min(p.size) => {
                members.push(p);
            }
            _ => rows.push((p.y, p.size, vec![p])),
        }
    }

    // One text column: the typical advance of a character on the page.
    let mut advances: Vec<f64> = rows
        .iter()
        .flat_map(|(_, _, m)| m.iter())
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| (p.x1 - p.x0) / p.text.chars().count().max(1) as f64)
        .filter(|w| *w > 0.0)
        .collect();
    advances.sort_by(f64::total_cmp);
    // A text column a little narrower than a character keeps columns of figures apart
    // (as `pdftotext -layout` does) where a table sets them close.
    let column = advances
        .get(advances.len() / 2)
        .copied()
        .filter(|w| *w > 0.05)
        .unwrap_or(5.0)
        * 0.8;
    let left = rows
        .iter()
        .flat_map(|(_, _, m)| m.iter())
        .map(|p| p.x0)
        .fold(f64::INFINITY, f64::min);

    let mut out = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for (y, size, mut members) in rows {
        members.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        if let Some((py, psize)) = previous
            && y - py > 2.2 * psize.max(size)
        {
            out.push(String::new());
        }
        previous = Some((y, size));
        out.push(line_text(&members, column, left));
    }
    out
}

fn line_text(members: &[Placed], column: f64, left: f64) -> String {
    // Words: glyphs without a space between them.
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut gap_before_word: Vec<f64> = Vec::new();
    let mut words: Vec<Chunk> = Vec::new();
    // A space glyph counts where it stands between two glyphs; some writers draw one over
    // a figure's first digit, which splits nothing.
    let mut space_at: Option<f64> = None;
    for p in members {
        if p.text.trim().is_empty() {
            space_at = Some((p.x0 + p.x1) / 2.0);
            continue;
        }
        let text = p.text.replace(['\u{a0}', '\u{2009}', '\u{202f}'], " ");
        let spaced = |w: &Chunk| space_at.is_some_and(|c| c >= w.x1 - 0.05 * p.size);
        match words.last_mut() {
            // A glyph drawn twice over itself (faked bold) is one glyph.
            Some(w) if w.text.ends_with(text.as_str()) && (p.x1 - w.x1).abs() < 0.1 * p.size => {}
            Some(w)
                if p.x0 - w.x1 <= 0.12 * p.size && !(spaced(w) && p.x0 - w.x1 > 0.06 * p.size) =>
            {
                w.text.push_str(&text);
                w.x1 = w.x1.max(p.x1);
            }
            previous => {
                gap_before_word.push(previous.map_or(f64::INFINITY, |w| p.x0 - w.x1));
                words.push(Chunk {
                    text,
                    x0: p.x0,
                    x1: p.x1,
                });
            }
        }
        space_at = None;
    }
    // Cells: words apart by less than most of an em are one cell.
    let size = members.iter().map(|p| p.size).fold(0.0, f64::max);
    for (word, gap) in words.into_iter().zip(gap_before_word) {
        let close = gap < 0.75 * size;
        let joins = match chunks.last() {
            Some(last) => {
                close
                    && !(is_figure_text(&last.text) != is_figure_text(&word.text)
                        && gap > 0.45 * size)
            }
            None => false,
        };
        if joins {
            if let Some(last) = chunks.last_mut() {
                last.text.push(' ');
                last.text.push_str(&word.text);
                last.x1 = word.x1;
            }
        } else {
            chunks.push(word);
        }
    }
    let mut out = String::new();
    let mut used = 0usize;
    for (n, chunk) in chunks.into_iter().enumerate() {
        let len = chunk.text.chars().count();
        // Figures keep their right edge; a row's name its left edge; other words (a
        // column's header) their middle, which stands over the column whether the header
        // is centred or aligned, and however the text's width differs from the grid's.
        let at = if is_figure_text(&chunk.text) {
            (((chunk.x1 - left) / column).round().max(0.0) as usize).saturating_sub(len)
        } else if n == 0 {
            ((chunk.x0 - left) / column).round().max(0.0) as usize
        } else {
            let middle = ((chunk.x0 + chunk.x1) / 2.0 - left) / column;
            (middle - len as f64 / 2.0).round().max(0.0) as usize
        }
        .min(4000);
        let start = if used == 0 { at } else { at.max(used + 2) };
        out.extend(std::iter::repeat_n(' ', start - used));
        out.push_str(&chunk.text);
        used = start + len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        let w = size * 0.5;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x0: x + i as f64 * w,
                y0: y,
                x1: x + (i + 1) as f64 * w,
                y1: y,
                size,
            })
            .collect()
    }

    #[test]
    fn figures_end_where_their_column_ends() {
        let mut page = glyphs("Toimintatuotot", 50.0, 700.0, 10.0);
        page.extend(glyphs("1 234", 300.0 - 25.0, 700.0, 10.0));
        page.extend(glyphs("567 890", 400.0 - 35.0, 700.0, 10.0));
        page.extend(glyphs("Verotulot", 50.0, 688.0, 10.0));
        page.extend(glyphs("-12", 300.0 - 15.0, 688.0, 10.0));
        page.extend(glyphs("8", 400.0 - 5.0, 688.0, 10.0));
        let lines = lines(&page);
        assert_eq!(lines.len(), 2);
        let end = |line: &str, figure: &str| line.find(figure).unwrap() + figure.len();
        assert_eq!(end(&lines[0], "1 234"), end(&lines[1], "-12"));
        assert_eq!(end(&lines[0], "567 890"), end(&lines[1], " 8"));
        assert!(lines[0].starts_with("Toimintatuotot  "));
    }

    #[test]
    fn a_turned_page_reads_along_its_text() {
        // Text running upwards (a landscape table on a portrait page).
        let mut page = Vec::new();
        for (i, c) in "Vuosikate".chars().enumerate() {
            page.push(Glyph {
                text: c.to_string(),
                x0: 100.0,
                y0: 50.0 + i as f64 * 5.0,
                x1: 100.0,
                y1: 55.0 + i as f64 * 5.0,
                size: 10.0,
            });
        }
        assert_eq!(lines(&page), vec!["Vuosikate".to_string()]);
    }
}
