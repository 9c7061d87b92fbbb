//! A PDF's streams unpacked within a budget: a document whose streams would unpack to more
//! than [`UNPACK_LIMIT`] (a decompression bomb, or simply too big) is refused, and nothing
//! unpacks a stream without counting it.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Object, Stream};

/// The most bytes a document's streams may unpack to, all together: the same as a
/// workbook's.
pub const UNPACK_LIMIT: u64 = 256 * 1024 * 1024;

/// Why a stream was not unpacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamError {
    /// The document's streams together would unpack past the limit.
    OverBudget { unpacked: u64 },
    /// A filter Raami does not unpack (a picture's, or LZW).
    Filter(String),
    /// The packed bytes are broken and gave nothing.
    Broken,
}

/// What the document's streams have unpacked to so far.
#[derive(Debug, Clone)]
pub struct Budget {
    pub used: u64,
    pub limit: u64,
}

impl Budget {
    pub fn new(limit: u64) -> Budget {
        Budget { used: 0, limit }
    }

    /// A stream's bytes with its filters undone.
    pub fn decode(&mut self, stream: &Stream) -> Result<Vec<u8>, StreamError> {
        let filters: Vec<Vec<u8>> = match stream.dict.get(b"Filter") {
            Ok(Object::Name(n)) => vec![n.clone()],
            Ok(Object::Array(a)) => a
                .iter()
                .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
                .collect(),
            _ => Vec::new(),
        };
        let mut data = stream.content.clone();
        self.count(data.len() as u64)?;
        for filter in filters.iter().take(8) {
            data = match filter.as_slice() {
                b"FlateDecode" | b"Fl" => self.inflate(&data)?,
                b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
                b"ASCII85Decode" | b"A85" => ascii85(&data),
                other => return Err(StreamError::Filter(String::from_utf8_lossy(other).into())),
            };
        }
        Ok(data)
    }

    fn count(&mut self, bytes: u64) -> Result<(), StreamError> {
        self.used = self.used.saturating_add(bytes);
        if self.used > self.limit {
            return Err(StreamError::OverBudget {
                unpacked: self.used,
            });
        }
        Ok(())
    }

    /// Inflates zlib data, counting every byte out; what a broken stream gave before it
    /// broke is kept (PDF writers leave such streams, and readers show what they hold).
    fn inflate(&mut self, data: &[u8]) -> Result<Vec<u8>, StreamError> {
        let (out, complete) =
            inflate_bounded(data, self.limit.saturating_sub(self.used)).map_err(|unpacked| {
                StreamError::OverBudget {
                    unpacked: self.used.saturating_add(unpacked),
                }
            })?;
        if out.is_empty() && !complete {
            return Err(StreamError::Broken);
        }
        self.count(out.len() as u64)?;
        Ok(out)
    }
}

/// Inflates zlib (or raw deflate) data up to `limit` bytes: the bytes and whether the stream
/// ended cleanly, or `Err(bytes)` past the limit.
pub fn inflate_bounded(data: &[u8], limit: u64) -> Result<(Vec<u8>, bool), u64> {
    let zlib = data.len() >= 2 && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
    let mut decoder = Decompress::new(zlib);
    let mut out: Vec<u8> = Vec::with_capacity(data.len().saturating_mul(4).min(1 << 20));
    loop {
        if out.len() == out.capacity() {
            out.reserve(out.capacity().max(64 * 1024));
        }
        let consumed = decoder.total_in() as usize;
        let input = data.get(consumed..).unwrap_or(&[]);
        let before = (decoder.total_in(), decoder.total_out());
        let status = decoder.decompress_vec(input, &mut out, FlushDecompress::None);
        if out.len() as u64 > limit {
            return Err(out.len() as u64);
        }
        match status {
            Ok(Status::StreamEnd) => return Ok((out, true)),
            Ok(_) => {
                if (decoder.total_in(), decoder.total_out()) == before {
                    // No progress: input ended inside the stream.
                    return Ok((out, false));
                }
            }
            Err(_) => return Ok((out, false)),
        }
    }
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|b| **b != b'>')
        .filter_map(|b| (*b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| p[0] * 16 + p.get(1).copied().unwrap_or(0))
        .collect()
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut group: Vec<u32> = Vec::with_capacity(5);
    let body = data.strip_prefix(b"<~").unwrap_or(data);
    for &b in body {
        match b {
            b'~' => break,
            b'z' if group.is_empty() => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group.push(u32::from(b - b'!'));
                if group.len() == 5 {
                    let value = group
                        .iter()
                        .fold(0u32, |acc, d| acc.wrapping_mul(85).wrapping_add(*d));
                    out.extend_from_slice(&value.to_be_bytes());
                    group.clear();
                }
            }
            _ => {}
        }
    }
    if group.len() > 1 {
        let n = group.len();
        while group.len() < 5 {
            group.push(84);
        }
        let value = group
            .iter()
            .fold(0u32, |acc, d| acc.wrapping_mul(85).wrapping_add(*d));
        out.extend_from_slice(&value.to_be_bytes()[..n - 1]);
    }
    out
}

/// What the document's object and cross-reference streams unpack to, counted before the
/// document is read (its reader unpacks them whole, without a limit): `Err(bytes)` when
/// they pass `limit`.
pub fn packed_objects_within(bytes: &[u8], limit: u64) -> Result<u64, u64> {
    let mut total = 0u64;
    let mut from = 0;
    while let Some(found) = find(&bytes[from..], b"stream") {
        let at = from + found;
        from = at + 6;
        // `endstream` ends a stream, it does not start one.
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let mut start = at + 6;
        match (bytes.get(start), bytes.get(start + 1)) {
            (Some(b'\r'), Some(b'\n')) => start += 2,
            (Some(b'\n' | b'\r'), _) => start += 1,
            _ => continue,
        }
        // The stream's dictionary: back to its object's `obj` keyword.
        let window = &bytes[at.saturating_sub(4096)..at];
        let dict = match rfind(window, b"obj") {
            Some(o) => &window[o..],
            None => window,
        };
        let packs_objects = find(dict, b"/ObjStm").is_some() || find(dict, b"/XRef").is_some();
        if !packs_objects || find(dict, b"/FlateDecode").is_none() {
            continue;
        }
        let data = &bytes[start..];
        match inflate_bounded(data, limit.saturating_sub(total)) {
            Ok((out, _)) => total = total.saturating_add(out.len() as u64),
            Err(over) => return Err(total.saturating_add(over)),
        }
        if total > limit {
            return Err(total);
        }
    }
    Ok(total)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn inflates_within_the_limit_and_stops_past_it() {
        let packed = zlib(&vec![b'0'; 10_000_000]);
        assert!(packed.len() < 20_000);
        assert_eq!(
            inflate_bounded(&packed, 20_000_000).unwrap().0.len(),
            10_000_000
        );
        assert!(inflate_bounded(&packed, 1_000_000).is_err());
        let (partial, complete) = inflate_bounded(&packed[..packed.len() / 2], 20_000_000).unwrap();
        assert!(!complete && !partial.is_empty());
    }

    #[test]
    fn an_object_stream_bomb_is_counted_before_reading() {
        let bomb = zlib(&vec![b' '; 3_000_000]);
        let mut pdf =
            b"%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
                .to_vec();
        pdf.extend_from_slice(&bomb);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        assert_eq!(packed_objects_within(&pdf, 10_000_000), Ok(3_000_000));
        assert!(packed_objects_within(&pdf, 1_000_000).is_err());
    }

    #[test]
    fn ascii_filters() {
        assert_eq!(ascii_hex(b"48 65 6C6c6F>"), b"Hello");
        assert_eq!(ascii85(b"<~87cURDZ~>"), b"Hello");
    }
}
