//! Links that carry their data: the whole workspace (a [`Package`] as compact JSON),
//! compressed with deflate (the zlib stream, whose checksum tells a cut link from a whole
//! one) and written in base64url into the URL fragment, which browsers never send to a
//! server:
//!
//! `#/tietoineen/1/eJzt…`
//!
//! The `1` is the link format's version: a newer one is refused with both versions named,
//! so that old links keep opening and new ones say what they need. Reading is capped: a
//! link longer than [`MAX_LINK_CHARS`] is refused before it is decoded, and inflating
//! stops at [`MAX_DECODED_BYTES`], so a hostile link cannot make the page allocate more
//! than a few tens of megabytes or hang. What a link holds is then read and validated like
//! any package file (see [`crate::import`]).

use std::io::{Read, Write};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::package::Package;

/// The start of a data link's fragment, before its version.
pub const PREFIX: &str = "#/tietoineen/";
/// The link format this build writes, and the newest it reads.
pub const VERSION: u32 = 1;
/// The longest link (from [`PREFIX`] on) that is decoded at all: above what any browser
/// opens (Chromium stops at 2 MB).
pub const MAX_LINK_CHARS: usize = 4 * 1024 * 1024;
/// The most bytes a link may inflate to.
pub const MAX_DECODED_BYTES: usize = 32 * 1024 * 1024;
/// Above this length a link may not survive e-mail and chat: the file is the way to share.
pub const SHARE_AS_FILE_ABOVE: usize = 64 * 1024;

/// Why a link's data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum LinkError {
    /// The text has no data link in it at all.
    #[error("this is not a Raami link with data: such a link has {PREFIX}{VERSION}/ in it")]
    NotALink,
    #[error("the link is {chars} characters long; at most {limit} are read")]
    TooLong { chars: usize, limit: usize },
    #[error("the link is of version {found}; this Raami reads versions up to {VERSION}")]
    UnsupportedVersion { found: String },
    /// A character that base64url does not have, at its 1-based position in the data.
    #[error("character {position} of the link's data, '{found}', is not base64url")]
    NotBase64 { position: usize, found: char },
    /// The data ends before the compressed stream does: the link was cut when copied.
    #[error("the link ends too early: a part of it is missing")]
    Truncated,
    #[error("the link's data is damaged ({reason})")]
    Corrupted { reason: String },
    #[error("the link's data would unpack to more than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("the link's data is not UTF-8 text")]
    NotText,
}

impl LinkError {
    /// The error in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let mb = |bytes: &usize| bytes / (1024 * 1024);
        match (self, lang) {
            (LinkError::NotALink, Lang::Fi) => format!(
                "tämä ei ole Raamin linkki tietoineen: sellaisessa on kohta {PREFIX}{VERSION}/"
            ),
            (LinkError::NotALink, Lang::Sv) => format!(
                "detta är inte en Raami-länk med data: en sådan har {PREFIX}{VERSION}/ i sig"
            ),
            (LinkError::NotALink, Lang::En) => format!(
                "this is not a Raami link with data: such a link has {PREFIX}{VERSION}/ in it"
            ),
            (LinkError::TooLong { chars, limit }, Lang::Fi) => format!(
                "linkki on {chars} merkkiä pitkä; enintään luetaan {limit} merkkiä. Jaa työtila tiedostona."
            ),
            (LinkError::TooLong { chars, limit }, Lang::Sv) => format!(
                "länken är {chars} tecken lång; högst {limit} tecken läses. Dela arbetsytan som fil."
            ),
            (LinkError::TooLong { chars, limit }, Lang::En) => format!(
                "the link is {chars} characters long; at most {limit} are read. Share the workspace as a file."
            ),
            (LinkError::UnsupportedVersion { found }, Lang::Fi) => format!(
                "linkin versio on {found}; tämä Raami avaa versioita {VERSION} asti (päivitä Raami)"
            ),
            (LinkError::UnsupportedVersion { found }, Lang::Sv) => format!(
                "länkens version är {found}; denna Raami öppnar versioner upp till {VERSION} (uppdatera Raami)"
            ),
            (LinkError::UnsupportedVersion { found }, Lang::En) => format!(
                "the link is of version {found}; this Raami opens versions up to {VERSION} (update Raami)"
            ),
            (LinkError::NotBase64 { position, found }, Lang::Fi) => format!(
                "linkin tietojen {position}. merkki ”{found}” ei kuulu linkin merkistöön (base64url): linkki on muuttunut kopioitaessa"
            ),
            (LinkError::NotBase64 { position, found }, Lang::Sv) => format!(
                "tecken {position} i länkens data, ”{found}”, hör inte till länkens teckenuppsättning (base64url): länken har ändrats vid kopieringen"
            ),
            (LinkError::NotBase64 { position, found }, Lang::En) => format!(
                "character {position} of the link's data, ”{found}”, is not base64url: the link changed when it was copied"
            ),
            (LinkError::Truncated, Lang::Fi) => {
                "linkki loppuu kesken: siitä puuttuu osa (kopioi koko linkki uudelleen)".to_string()
            }
            (LinkError::Truncated, Lang::Sv) => {
                "länken tar slut för tidigt: en del av den saknas (kopiera hela länken igen)"
                    .to_string()
            }
            (LinkError::Truncated, Lang::En) => {
                "the link ends too early: a part of it is missing (copy the whole link again)"
                    .to_string()
            }
            (LinkError::Corrupted { reason }, Lang::Fi) => {
                format!("linkin tiedot ovat vioittuneet ({reason})")
            }
            (LinkError::Corrupted { reason }, Lang::Sv) => {
                format!("länkens data är skadad ({reason})")
            }
            (LinkError::Corrupted { reason }, Lang::En) => {
                format!("the link's data is damaged ({reason})")
            }
            (LinkError::TooLarge { limit }, Lang::Fi) => format!(
                "linkin tiedot purkautuisivat yli {} megatavuksi; niin suurta linkkiä ei avata",
                mb(limit)
            ),
            (LinkError::TooLarge { limit }, Lang::Sv) => format!(
                "länkens data skulle packas upp till över {} megabyte; så stora länkar öppnas inte",
                mb(limit)
            ),
            (LinkError::TooLarge { limit }, Lang::En) => format!(
                "the link's data would unpack to more than {} megabytes; a link that large is not opened",
                mb(limit)
            ),
            (LinkError::NotText, Lang::Fi) => {
                "linkin tiedot eivät ole tekstiä (UTF-8): linkki ei ole Raamin tekemä".to_string()
            }
            (LinkError::NotText, Lang::Sv) => {
                "länkens data är inte text (UTF-8): länken är inte gjord av Raami".to_string()
            }
            (LinkError::NotText, Lang::En) => {
                "the link's data is not text (UTF-8): the link was not made by Raami".to_string()
            }
        }
    }
}

/// What a link carries: the package as compact JSON, before compression.
pub fn payload(package: &Package) -> Vec<u8> {
    // Plain data with string keys always serialises.
    serde_json::to_vec(package).unwrap_or_default()
}

/// The link fragment of a compressed payload (the zlib stream of [`payload`]; the page has
/// the browser's own `CompressionStream("deflate")` make it).
pub fn link_of_compressed(zlib: &[u8]) -> String {
    format!("{PREFIX}{VERSION}/{}", URL_SAFE_NO_PAD.encode(zlib))
}

/// The link fragment that carries `package`: `#/tietoineen/1/…`.
pub fn data_link(package: &Package) -> String {
    let json = payload(package);
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(json.len() / 4),
        flate2::Compression::best(),
    );
    // Writing to a vector cannot fail.
    let compressed = encoder
        .write_all(&json)
        .and_then(|()| encoder.finish())
        .unwrap_or_default();
    link_of_compressed(&compressed)
}

/// Where a data link starts in `text`: a fragment alone, or a whole address (a page's,
/// with no space or other `#` before its fragment), leading spaces aside.
fn link_start(text: &str) -> Option<usize> {
    let at = text.find(PREFIX)?;
    let before = text[..at].trim_start();
    let address = ["https://", "http://", "file://"]
        .iter()
        .any(|scheme| before.starts_with(scheme))
        && !before.contains(|c: char| c.is_whitespace() || c == '#');
    (before.is_empty() || address).then_some(at)
}

/// Whether `text` (an address or its fragment) is a link with data.
pub fn is_data_link(text: &str) -> bool {
    link_start(text).is_some()
}

/// The JSON text a data link carries, read within the caps.
pub fn read_data_link(text: &str) -> Result<String, LinkError> {
    let Some(start) = link_start(text) else {
        return Err(LinkError::NotALink);
    };
    let link = text[start..].trim_end();
    let chars = link.len();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLong {
            chars,
            limit: MAX_LINK_CHARS,
        });
    }
    let rest = &link[PREFIX.len()..];
    let (version, data) = rest.split_once('/').unwrap_or((rest, ""));
    if version != VERSION.to_string() {
        let found: String = version.chars().take(20).collect();
        return Err(LinkError::UnsupportedVersion { found });
    }
    // A link pasted from a mail may have been wrapped; the data has no spaces of its own.
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some((position, found)) = data
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(LinkError::NotBase64 {
            position: position + 1,
            found,
        });
    }
    if data.is_empty() {
        return Err(LinkError::Truncated);
    }
    // A length that leaves one character over is a link cut in the middle of a byte.
    let compressed = URL_SAFE_NO_PAD
        .decode(data.as_bytes())
        .map_err(|_| LinkError::Truncated)?;
    let limit = MAX_DECODED_BYTES;
    let mut decoder = flate2::read::ZlibDecoder::new(compressed.as_slice());
    let mut json = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    match decoder.by_ref().take(cap).read_to_end(&mut json) {
        Ok(_) if json.len() > limit => return Err(LinkError::TooLarge { limit }),
        Ok(_) => {}
        Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(LinkError::Truncated);
        }
        Err(error) => {
            return Err(LinkError::Corrupted {
                reason: error.to_string(),
            });
        }
    }
    // A stream that ended cleanly but before its checksum, or left data over, is cut or
    // altered.
    if decoder.total_in() < compressed.len() as u64 {
        return Err(LinkError::Corrupted {
            reason: format!(
                "{} bytes after the end",
                (compressed.len() as u64).saturating_sub(decoder.total_in())
            ),
        });
    }
    String::from_utf8(json).map_err(|_| LinkError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::read_package;

    fn sample_link() -> (Package, String) {
        let package = crate::sample::heinola_package().unwrap();
        let link = data_link(&package);
        (package, link)
    }

    #[test]
    fn a_link_round_trips_with_no_digit_changed() {
        let (package, link) = sample_link();
        assert!(link.starts_with("#/tietoineen/1/"));
        // The Heinola sample travels in a link that mail and chat carry.
        assert!(link.len() < SHARE_AS_FILE_ABOVE, "{}", link.len());
        assert!(is_data_link(&link));
        assert!(is_data_link(&format!("https://example.fi/raami/{link}")));
        let json = read_data_link(&format!("https://example.fi/raami/{link}")).unwrap();
        assert_eq!(read_package(&json).unwrap(), package);
    }

    #[test]
    fn a_view_link_is_not_a_data_link() {
        assert!(!is_data_link("#/taulukko/heinola/hyvinvointitoimiala"));
        // The prefix in a scenario's name further on is not the fragment.
        assert!(!is_data_link(
            "https://x.fi/#/taulukko/h/n?skenaario=#/tietoineen/1/x"
        ));
        // Nor is a table that mentions one in a cell.
        assert!(!is_data_link("Rivi;TA 2024\nLinkki #/tietoineen/1/x;5"));
        // Read as one, such text is told what a data link looks like.
        let err = read_data_link("#/taulukko/heinola/hyvinvointitoimiala").unwrap_err();
        assert_eq!(err, LinkError::NotALink);
        assert_eq!(
            err.message(Lang::Fi),
            "tämä ei ole Raamin linkki tietoineen: sellaisessa on kohta #/tietoineen/1/"
        );
    }

    #[test]
    fn a_cut_link_says_it_is_cut() {
        let (_, link) = sample_link();
        for keep in [
            link.len() - 1,
            link.len() - 7,
            link.len() / 2,
            PREFIX.len() + 2,
        ] {
            let err = read_data_link(&link[..keep]).unwrap_err();
            assert_eq!(err, LinkError::Truncated, "cut at {keep} of {}", link.len());
        }
        assert_eq!(
            LinkError::Truncated.message(Lang::Fi),
            "linkki loppuu kesken: siitä puuttuu osa (kopioi koko linkki uudelleen)"
        );
    }

    #[test]
    fn a_changed_character_is_named_or_the_data_is_damaged() {
        let (_, link) = sample_link();
        let at = PREFIX.len() + 2 + 40;
        let mut bad = link.clone();
        bad.replace_range(at..at + 1, "%");
        assert_eq!(
            read_data_link(&bad).unwrap_err(),
            LinkError::NotBase64 {
                position: 41,
                found: '%'
            }
        );
        // A character of the alphabet changed in the middle: the checksum fails.
        let mut flipped = link.clone();
        let middle = link.len() / 2;
        let was = &link[middle..middle + 1];
        flipped.replace_range(middle..middle + 1, if was == "A" { "B" } else { "A" });
        let err = read_data_link(&flipped).unwrap_err();
        assert!(
            matches!(err, LinkError::Corrupted { .. } | LinkError::Truncated),
            "{err:?}"
        );
    }

    #[test]
    fn a_decompression_bomb_stops_at_the_cap() {
        // 40 MB of one byte compresses to under 1 MB: within the length cap, beyond the
        // decoded one.
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let block = vec![b' '; 1024 * 1024];
        for _ in 0..40 {
            encoder.write_all(&block).unwrap();
        }
        let bomb = encoder.finish().unwrap();
        assert!(bomb.len() < 1_000_000, "{}", bomb.len());
        let link = format!("{PREFIX}1/{}", URL_SAFE_NO_PAD.encode(bomb));
        assert_eq!(
            read_data_link(&link).unwrap_err(),
            LinkError::TooLarge {
                limit: MAX_DECODED_BYTES
            }
        );
        assert_eq!(
            LinkError::TooLarge {
                limit: MAX_DECODED_BYTES
            }
            .message(Lang::Fi),
            "linkin tiedot purkautuisivat yli 32 megatavuksi; niin suurta linkkiä ei avata"
        );
    }

    #[test]
    fn an_over_long_link_is_refused_before_decoding() {
        let link = format!("{PREFIX}1/{}", "A".repeat(MAX_LINK_CHARS));
        assert!(matches!(
            read_data_link(&link).unwrap_err(),
            LinkError::TooLong {
                limit: MAX_LINK_CHARS,
                ..
            }
        ));
    }

    #[test]
    fn a_newer_version_names_both() {
        let err = read_data_link("#/tietoineen/2/eJwDAAAAAAE").unwrap_err();
        assert_eq!(err, LinkError::UnsupportedVersion { found: "2".into() });
        assert_eq!(
            err.message(Lang::En),
            "the link is of version 2; this Raami opens versions up to 1 (update Raami)"
        );
    }

    #[test]
    fn data_that_is_not_text_is_named() {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&[0xFF, 0xFE, 0x00]).unwrap();
        let link = format!(
            "{PREFIX}1/{}",
            URL_SAFE_NO_PAD.encode(encoder.finish().unwrap())
        );
        assert_eq!(read_data_link(&link).unwrap_err(), LinkError::NotText);
    }
}
