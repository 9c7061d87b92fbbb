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
}
