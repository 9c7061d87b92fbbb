//! The CMaps of a PDF font: its `ToUnicode` map (character codes to text) and the code space
//! of an embedded encoding CMap (how many bytes each code takes). Kept as ranges, never
//! expanded, so that a map of one line over 2³² codes costs one entry.

/// A token of a CMap's PostScript-like syntax, as far as CMaps use it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Hex(Vec<u8>),
    Name(Vec<u8>),
    Keyword(Vec<u8>),
    ArrayStart,
    ArrayEnd,
}

/// The most tokens a CMap is read for: a real `ToUnicode` map has some thousands.
const MAX_TOKENS: usize = 400_000;

fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() && out.len() < MAX_TOKENS {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let mut digits = Vec::new();
                i += 1;
                while i < data.len() && data[i] != b'>' {
                    if let Some(d) = (data[i] as char).to_digit(16) {
                        digits.push(d as u8);
                    }
                    i += 1;
                }
                i += 1;
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                out.push(Token::Hex(
                    digits.chunks(2).map(|p| p[0] * 16 + p[1]).collect(),
                ));
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings appear in a CMap's header only (its name, registry).
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'/' => {
                let start = i + 1;
                i += 1;
                while i < data.len() && !is_delimiter(data[i]) {
                    i += 1;
                }
                out.push(Token::Name(data[start..i].to_vec()));
            }
            _ if is_delimiter(b) => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !is_delimiter(data[i]) {
                    i += 1;
                }
                out.push(Token::Keyword(data[start..i].to_vec()));
            }
        }
    }
    out
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace()
        || b == 0
        || matches!(
            b,
            b'<' | b'>' | b'[' | b']' | b'(' | b')' | b'/' | b'%' | b'{' | b'}'
        )
}

/// A code's value from its bytes (at most four are used).
fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .rev()
        .take(4)
        .rev()
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(*p.get(1).unwrap_or(&0)))
        .collect();
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// What a range of codes maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// The first code's text (UTF-16BE); each next code adds one to its last unit.
    Base(Vec<u8>),
    /// One text per code.
    Each(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Range {
    bytes: usize,
    low: u32,
    high: u32,
    target: Target,
}

/// A font's `ToUnicode` map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToUnicode {
    ranges: Vec<Range>,
    /// The code space: (bytes, low, high).
    space: Vec<(usize, u32, u32)>,
}

impl ToUnicode {
    /// Reads a CMap's text. What it cannot read is left out; an empty map maps nothing.
    pub fn parse(data: &[u8]) -> ToUnicode {
        let tokens = tokens(data);
        let mut map = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Keyword(k) if k == b"begincodespacerange" => {
                    i += 1;
                    while let (Some(Token::Hex(low)), Some(Token::Hex(high))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if !low.is_empty() && low.len() == high.len() {
                            map.space.push((low.len(), code_of(low), code_of(high)));
                        }
                        i += 2;
                    }
                }
                Token::Keyword(k) if k == b"beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(code)), Some(target)) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let text = match target {
                            Token::Hex(t) => utf16_text(t),
                            Token::Name(n) => super::fonts::glyph_text(n).unwrap_or_default(),
                            _ => break,
                        };
                        if !code.is_empty() {
                            let value = code_of(code);
                            map.ranges.push(Range {
                                bytes: code.len(),
                                low: value,
                                high: value,
                                target: Target::Each(vec![text]),
                            });
                        }
                        i += 2;
                    }
                }
                Token::Keyword(k) if k == b"beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(low)), Some(Token::Hex(high))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let (low_code, high_code) = (code_of(low), code_of(high));
                        let target = match tokens.get(i + 2) {
                            Some(Token::Hex(t)) => {
                                i += 3;
                                Target::Base(t.clone())
                            }
                            Some(Token::ArrayStart) => {
                                let mut each = Vec::new();
                                let mut j = i + 3;
                                while let Some(Token::Hex(t)) = tokens.get(j) {
                                    each.push(utf16_text(t));
                                    j += 1;
                                }
                                i = j + 1;
                                Target::Each(each)
                            }
                            _ => break,
                        };
                        if !low.is_empty() && low_code <= high_code {
                            map.ranges.push(Range {
                                bytes: low.len(),
                                low: low_code,
                                high: high_code,
                                target,
                            });
                        }
                    }
                }
                _ => i += 1,
            }
        }
        map
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The code lengths of the map's code space, if it states one.
    pub fn code_space(&self) -> &[(usize, u32, u32)] {
        &self.space
    }

    /// The text of a code of `bytes` bytes; a later entry wins, as in a CMap.
    pub fn get(&self, bytes: usize, code: u32) -> Option<String> {
        let found = self
            .ranges
            .iter()
            .rev()
            .find(|r| r.bytes == bytes && r.low <= code && code <= r.high)
            .or_else(|| {
                self.ranges
                    .iter()
                    .rev()
                    .find(|r| r.low <= code && code <= r.high)
            })?;
        let offset = code - found.low;
        match &found.target {
            Target::Each(texts) => texts.get(offset as usize).cloned(),
            Target::Base(base) => {
                if base.len() < 2 {
                    return None;
                }
                let mut units: Vec<u16> = base
                    .chunks(2)
                    .map(|p| (u16::from(p[0]) << 8) | u16::from(*p.get(1).unwrap_or(&0)))
                    .collect();
                let last = units.last_mut()?;
                *last = last.wrapping_add(offset as u16);
                Some(
                    char::decode_utf16(units)
                        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                        .collect(),
                )
            }
        }
    }
}

/// The code lengths an embedded encoding CMap's code space gives (empty if it states none).
pub fn code_space(data: &[u8]) -> Vec<(usize, u32, u32)> {
    ToUnicode::parse(data).space
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chars_ranges_and_arrays() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <00E4> endbfchar
            2 beginbfrange <0013> <001C> <0030> <0020> <0022> [<0041> <00F6> <2212>] endbfrange
            endcmap";
        let map = ToUnicode::parse(cmap);
        assert_eq!(map.code_space(), &[(2, 0, 0xFFFF)]);
        assert_eq!(map.get(2, 3).as_deref(), Some(" "));
        assert_eq!(map.get(2, 0x11).as_deref(), Some("ä"));
        assert_eq!(map.get(2, 0x13).as_deref(), Some("0"));
        assert_eq!(map.get(2, 0x1C).as_deref(), Some("9"));
        assert_eq!(map.get(2, 0x21).as_deref(), Some("ö"));
        assert_eq!(map.get(2, 0x22).as_deref(), Some("\u{2212}"));
        assert_eq!(map.get(2, 0x40), None);
    }

    #[test]
    fn a_huge_range_is_one_entry_and_garbage_maps_nothing() {
        let map = ToUnicode::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(map.ranges.len(), 1);
        assert!(map.get(4, 0xFFFF_FFFF).is_some());
        let junk = ToUnicode::parse(b"beginbfrange <zz> [ <00 beginbfchar <01> endbfchar ((");
        assert_eq!(junk.get(1, 1), None);
    }
}
