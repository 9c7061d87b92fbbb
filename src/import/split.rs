//! Splitting a row of numbers whose thousands separators are spaces, as text copied from a
//! PDF gives it: `960 796 712 500 620 000 621 000 621 000` is five numbers. A number is an
//! optional sign, a first group of one to three digits (not starting with 0 unless it is 0
//! itself), then groups of exactly three digits, the last of which may carry decimals.
//! Every split into the wanted count is returned; the caller decides among several.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::numfmt::is_minus;

/// One piece of a row: a sign (if any) and the digits of a group, with decimals.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    negative: bool,
    digits: String,
    fraction: Option<String>,
}

fn pieces(tokens: &[&str]) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut pending_sign = false;
    for token in tokens {
        let mut chars = token.chars().peekable();
        let mut negative = false;
        if chars.peek().is_some_and(|c| is_minus(*c)) {
            chars.next();
            negative = true;
        }
        let rest: String = chars.collect();
        if rest.is_empty() {
            // A lone minus sign belongs to the next group (`- 382 928`).
            if !negative || pending_sign {
                return None;
            }
            pending_sign = true;
            continue;
        }
        let (digits, fraction) = match rest.split_once(',') {
            Some((d, f)) => (d.to_string(), Some(f.to_string())),
            None => (rest, None),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if fraction
            .as_ref()
            .is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        out.push(Piece {
            negative: negative || pending_sign,
            digits,
            fraction,
        });
        pending_sign = false;
    }
    (!pending_sign).then_some(out)
}

fn can_start(piece: &Piece) -> bool {
    (1..=3).contains(&piece.digits.len()) && (piece.digits == "0" || !piece.digits.starts_with('0'))
}

fn can_continue(piece: &Piece) -> bool {
    !piece.negative && piece.digits.len() == 3
}

fn number(group: &[Piece]) -> Option<Decimal> {
    let mut text = String::new();
    if group.first()?.negative {
        text.push('-');
    }
    for piece in group {
        text.push_str(&piece.digits);
    }
    if let Some(fraction) = &group.last()?.fraction {
        text.push('.');
        text.push_str(fraction);
    }
    Decimal::from_str(&text).ok()
}

/// At most this many steps are taken in search of one row's splits: a row of a hundred
/// `100` groups under ten columns has more ways than can be tried, and is left unsplit.
const STEP_BUDGET: usize = 20_000;

/// The most space-separated groups a row may have to be split.
const TOKEN_LIMIT: usize = 400;

/// The most groups one number can have: a decimal holds 28 digits, 1 + 3 × 9.
const GROUPS_PER_NUMBER: usize = 10;

/// Every way to split `tokens` into exactly `count` numbers, at most `cap` of them.
/// `None` when the tokens are not numbers at all; no way at all (`Some` of nothing) when
/// there is none, or when there are too many to search.
pub fn splits(tokens: &[&str], count: usize, cap: usize) -> Option<Vec<Vec<Decimal>>> {
    // No row of a budget table has this many groups: it is left unsplit at once.
    if tokens.len() > TOKEN_LIMIT {
        return Some(Vec::new());
    }
    let pieces = pieces(tokens)?;
    let mut found = Vec::new();
    let mut current = Vec::new();
    let mut budget = STEP_BUDGET;
    walk(
        &pieces,
        0,
        count,
        cap,
        &mut current,
        &mut found,
        &mut budget,
    );
    if budget == 0 {
        found.clear();
    }
    Some(found)
}

fn walk(
    pieces: &[Piece],
    start: usize,
    count: usize,
    cap: usize,
    current: &mut Vec<Decimal>,
    found: &mut Vec<Vec<Decimal>>,
    budget: &mut usize,
) {
    if found.len() >= cap || *budget == 0 {
        return;
    }
    *budget -= 1;
    if start == pieces.len() {
        if current.len() == count {
            found.push(current.clone());
        }
        return;
    }
    // Each remaining number needs at least one piece.
    if current.len() >= count || pieces.len() - start < count - current.len() {
        return;
    }
    if !can_start(&pieces[start]) {
        return;
    }
    let mut end = start + 1;
    loop {
        // A number ends at a piece with decimals.
        let group = &pieces[start..end];
        if let Some(value) = number(group) {
            current.push(value);
            walk(pieces, end, count, cap, current, found, budget);
            current.pop();
        }
        let ends_here =
            group.last().is_some_and(|p| p.fraction.is_some()) || pieces[start].digits == "0";
        if ends_here
            || end == pieces.len()
            || end - start >= GROUPS_PER_NUMBER
            || !can_continue(&pieces[end])
        {
            break;
        }
        end += 1;
    }
}

/// Every way to split figures whose cells ran together into exactly `count` numbers, at
/// most `cap` of them: a browser's copy of a web page's table gives `70 06171 05772 778`
/// for 70 061, 71 057 and 72 778. Within a number one space separates its thousands;
/// between two numbers there is nothing, or a run of two or more spaces. Every number of
/// one split has the same count of decimals (none, one or two), as a printed column has.
/// Nothing (an empty list) when there is no way, or too many to search.
pub fn glued(text: &str, count: usize, cap: usize) -> Vec<Vec<Decimal>> {
    let chars: Vec<char> = text
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let mut found = Vec::new();
    if chars.is_empty() || count == 0 || chars.len() > TOKEN_LIMIT * 4 {
        return found;
    }
    let mut budget = STEP_BUDGET;
    for decimals in 0..=2 {
        let mut current = Vec::new();
        glued_walk(
            &Glued {
                chars: &chars,
                decimals,
                count,
                cap,
            },
            0,
            &mut current,
            &mut found,
            &mut budget,
        );
    }
    if budget == 0 {
        found.clear();
    }
    found
}

struct Glued<'a> {
    chars: &'a [char],
    decimals: usize,
    count: usize,
    cap: usize,
}

fn digits_at(chars: &[char], at: usize, n: usize) -> bool {
    at + n <= chars.len() && chars[at..at + n].iter().all(char::is_ascii_digit)
}

fn glued_walk(
    g: &Glued,
    start: usize,
    current: &mut Vec<Decimal>,
    found: &mut Vec<Vec<Decimal>>,
    budget: &mut usize,
) {
    if found.len() >= g.cap || *budget == 0 {
        return;
    }
    *budget -= 1;
    let chars = g.chars;
    if start == chars.len() {
        if current.len() == g.count {
            found.push(current.clone());
        }
        return;
    }
    if current.len() >= g.count {
        return;
    }
    let mut at = start;
    let negative = is_minus(chars[at]);
    if negative {
        at += 1;
    }
    for lead in 1..=3 {
        if !digits_at(chars, at, lead) || (lead > 1 && chars[at] == '0') {
            break;
        }
        let mut digits: String = chars[at..at + lead].iter().collect();
        let mut end = at + lead;
        loop {
            // The number may end here, with its decimals.
            let mut close = end;
            let mut fraction = String::new();
            let complete = if g.decimals == 0 {
                true
            } else if chars.get(close) == Some(&',') && digits_at(chars, close + 1, g.decimals) {
                fraction = chars[close + 1..close + 1 + g.decimals].iter().collect();
                close += 1 + g.decimals;
                true
            } else {
                false
            };
            if complete {
                // What follows is the next number, a gap of two or more spaces, or the end.
                let mut next = close;
                while chars.get(next) == Some(&' ') {
                    next += 1;
                }
                let gap = next - close;
                let follows = match chars.get(close) {
                    None => true,
                    Some(' ') => gap >= 2,
                    Some(c) => c.is_ascii_digit() || is_minus(*c),
                };
                if follows {
                    let mut text = String::new();
                    if negative {
                        text.push('-');
                    }
                    text.push_str(&digits);
                    if !fraction.is_empty() {
                        text.push('.');
                        text.push_str(&fraction);
                    }
                    if let Ok(value) = Decimal::from_str(&text) {
                        current.push(value);
                        glued_walk(g, next, current, found, budget);
                        current.pop();
                    }
                }
            }
            // Or go on with a group of three after one space (never after a lone 0).
            let grows = chars.get(end) == Some(&' ')
                && digits_at(chars, end + 1, 3)
                && digits != "0"
                && digits.len() < 3 * GROUPS_PER_NUMBER;
            if !grows {
                break;
            }
            digits.extend(&chars[end + 1..end + 4]);
            end += 4;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    fn strings(found: &[Vec<Decimal>]) -> Vec<Vec<String>> {
        found
            .iter()
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect()
    }

    #[test]
    fn a_row_with_too_many_ways_is_left_unsplit() {
        // Ninety `100` groups under ten columns: more ways than can be tried.
        let tokens = vec!["100"; 90];
        assert_eq!(splits(&tokens, 10, 2_000), Some(Vec::new()));
    }

    #[test]
    fn negative_rows_split_one_way() {
        let found = splits(
            &tokens("-18 964 212 -19 356 600 -19 327 000 -20 027 800 -20 592 300"),
            5,
            100,
        )
        .unwrap();
        assert_eq!(
            strings(&found),
            [[
                "-18964212",
                "-19356600",
                "-19327000",
                "-20027800",
                "-20592300"
            ]]
        );
    }

    #[test]
    fn leading_zeros_and_short_groups_decide() {
        // 065 cannot start a number and 2 876 must take 600: one split only.
        let found = splits(
            &tokens("3 065 621 2 876 600 2 688 600 2 265 600 2 274 400"),
            5,
            100,
        )
        .unwrap();
        assert_eq!(
            strings(&found),
            [["3065621", "2876600", "2688600", "2265600", "2274400"]]
        );
        let found = splits(&tokens("-11 0 0 0 0"), 5, 100).unwrap();
        assert_eq!(strings(&found), [["-11", "0", "0", "0", "0"]]);
    }

    #[test]
    fn positive_rows_of_three_digit_groups_are_ambiguous() {
        let found = splits(&tokens("960 796 712 500 620 000 621 000 621 000"), 5, 1000).unwrap();
        assert_eq!(found.len(), 15);
        assert!(strings(&found).contains(&vec![
            "960796".into(),
            "712500".into(),
            "620000".into(),
            "621000".into(),
            "621000".into()
        ]));
    }

    #[test]
    fn signs_with_spaces_and_decimals() {
        let found = splits(&tokens("- 382 928 -7,87"), 2, 100).unwrap();
        assert_eq!(strings(&found), [["-382928", "-7.87"]]);
        // Without a sign to separate them, 928 may end one number or start the next.
        let found = splits(&tokens("- 382 928 138,71"), 2, 100).unwrap();
        assert_eq!(
            strings(&found),
            [["-382", "928138.71"], ["-382928", "138.71"]]
        );
        assert_eq!(splits(&tokens("12 abc"), 2, 100), None);
        assert_eq!(splits(&tokens("1 2 3"), 2, 100).unwrap().len(), 0);
    }

    #[test]
    fn figures_run_together_split_by_their_groups() {
        // Helsinki, Talousarvio 2023: Myyntitulot of three columns.
        assert_eq!(
            strings(&glued("70 06171 05772 778", 3, 100)),
            [["70061", "71057", "72778"]]
        );
        // Jyväskylä, Tilinpäätös 2018: one decimal each.
        assert_eq!(
            strings(&glued(
                "-679 019,7-12 795,1-691 814,8-685 750,56 064,3",
                5,
                100
            )),
            [["-679019.7", "-12795.1", "-691814.8", "-685750.5", "6064.3"]]
        );
        // Helsinki, konsernituloslaskelma 2019: a positive figure after a negative one.
        assert_eq!(strings(&glued("-1 4807 798", 2, 100)), [["-1480", "7798"]]);
        // A gap of two spaces separates; one space inside a number is its thousands.
        assert_eq!(
            strings(&glued("719 297,44  844 172,77", 2, 100)),
            [["719297.44", "844172.77"]]
        );
        // Without a sign or a group to tell them apart, small figures are ambiguous.
        assert_eq!(glued("3041 023", 2, 100).len(), 2);
        assert!(glued("12 abc", 1, 100).is_empty());
        assert!(glued("1 23", 1, 100).is_empty());
    }
}
