//! Bytes to text. Excel in Finland writes CSV in cp1252 unless the file starts with a UTF-8
//! BOM; other tools write UTF-8, some UTF-16. Which one was used is detected and reported.

use encoding_rs::{Encoding, ISO_8859_15, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Decodes bytes: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise the bytes are a
/// single-byte Western encoding: ISO-8859-15 where the euro sign's byte 0xA4 occurs and no
/// byte of cp1252's 0x80–0x9F range does, cp1252 otherwise.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Decoded {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: "UTF-8 (BOM)",
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Decoded {
            text: decode_with(rest, UTF_16LE),
            encoding: "UTF-16LE",
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Decoded {
            text: decode_with(rest, UTF_16BE),
            encoding: "UTF-16BE",
        };
    }
    // UTF-16 without its byte-order mark: Western text has a zero in every other byte.
    if let Some(big_endian) = utf16_without_bom(bytes) {
        return if big_endian {
            Decoded {
                text: decode_with(bytes, UTF_16BE),
                encoding: "UTF-16BE (no BOM)",
            }
        } else {
            Decoded {
                text: decode_with(bytes, UTF_16LE),
                encoding: "UTF-16LE (no BOM)",
            }
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        };
    }
    let has_c1 = bytes.iter().any(|b| (0x80..=0x9F).contains(b));
    if !has_c1 && bytes.contains(&0xA4) {
        Decoded {
            text: decode_with(bytes, ISO_8859_15),
            encoding: "ISO-8859-15",
        }
    } else {
        Decoded {
            text: decode_with(bytes, WINDOWS_1252),
            encoding: "Windows-1252 (cp1252)",
        }
    }
}

/// Whether bytes are UTF-16 without a byte-order mark, and which way: of the first 2 000
/// byte pairs, nine in ten have a zero high byte and hardly any a zero low byte (Finnish,
/// Swedish and English text is all below U+0100 but for signs like `€` and `−`).
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let pairs: Vec<(u8, u8)> = bytes
        .chunks_exact(2)
        .take(2_000)
        .map(|p| (p[0], p[1]))
        .collect();
    if pairs.len() < 4 {
        return None;
    }
    let count = |f: &dyn Fn(&(u8, u8)) -> bool| pairs.iter().filter(|p| f(p)).count();
    let (first_zero, second_zero) = (count(&|p| p.0 == 0), count(&|p| p.1 == 0));
    let most = pairs.len().saturating_mul(9) / 10;
    let few = pairs.len() / 10;
    if second_zero >= most && first_zero <= few {
        Some(false)
    } else if first_zero >= most && second_zero <= few {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_encodings_finnish_files_come_in() {
        let utf8 = "Henkilöstökulut;−1 009 492".as_bytes();
        assert_eq!(decode(utf8).encoding, "UTF-8");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(utf8);
        let decoded = decode(&bom);
        assert_eq!(
            (decoded.encoding, decoded.text.as_str()),
            ("UTF-8 (BOM)", "Henkilöstökulut;−1 009 492")
        );
        // "Henkilöstökulut;€" in cp1252: ö = F6, € = 80.
        let cp1252 = b"Henkil\xF6st\xF6kulut;\x80";
        let decoded = decode(cp1252);
        assert_eq!(
            (decoded.encoding, decoded.text.as_str()),
            ("Windows-1252 (cp1252)", "Henkilöstökulut;€")
        );
        // The same in ISO-8859-15: € = A4.
        let latin9 = b"Henkil\xF6st\xF6kulut;\xA4";
        let decoded = decode(latin9);
        assert_eq!(
            (decoded.encoding, decoded.text.as_str()),
            ("ISO-8859-15", "Henkilöstökulut;€")
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Tulot".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).text, "Tulot");
    }
}
