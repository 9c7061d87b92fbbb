//! Browser IO for imports: the bytes of picked or dropped files. A file over the size limit
//! is refused before it is read; the bytes go to the import worker ([`super::worker`]).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::import::{ImportError, Place, SIZE_LIMIT};
use crate::session::ReadFile;

/// What reading files gave: the bytes to import, and the files refused or unreadable.
pub struct FileBytes {
    pub bytes: Vec<(String, Vec<u8>)>,
    pub refused: Vec<ReadFile>,
}

/// Reads the bytes of every file.
pub async fn read_bytes(files: Vec<web_sys::File>) -> FileBytes {
    let mut out = FileBytes {
        bytes: Vec::new(),
        refused: Vec::new(),
    };
    for file in files {
        let name = file.name();
        let size = file.size() as u64;
        if size > SIZE_LIMIT {
            out.refused.push(ReadFile {
                name: name.clone(),
                outcome: Err(ImportError::TooLarge {
                    place: Place::file(&name),
                    size,
                    limit: SIZE_LIMIT,
                }),
            });
            continue;
        }
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => out
                .bytes
                .push((name, js_sys::Uint8Array::new(&buffer).to_vec())),
            Err(error) => {
                let reason = error
                    .as_string()
                    .or_else(|| {
                        error
                            .dyn_ref::<js_sys::Error>()
                            .map(|e| String::from(e.message()))
                    })
                    .unwrap_or_default();
                out.refused.push(ReadFile {
                    name: name.clone(),
                    outcome: Err(ImportError::Malformed {
                        place: Place::file(&name),
                        reason,
                    }),
                });
            }
        }
    }
    out
}

/// The files of a `FileList`.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
