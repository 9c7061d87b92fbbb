//! Browser IO for imports: the bytes of picked, dropped or pasted files, handed to the pure
//! importers. A file over the size limit is refused before it is read.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::import::{ImportError, Options, Place, SIZE_LIMIT, import_file};
use crate::ui::state::{Pending, ReadDataset, ReadFile};

/// Reads one browser file and imports it.
async fn read_one(file: web_sys::File) -> ReadFile {
    let name = file.name();
    let size = file.size() as u64;
    if size > SIZE_LIMIT {
        return ReadFile {
            name: name.clone(),
            outcome: Err(ImportError::TooLarge {
                place: Place::file(&name),
                size,
                limit: SIZE_LIMIT,
            }),
        };
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(error) => {
            let reason = error
                .as_string()
                .or_else(|| {
                    error
                        .dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                })
                .unwrap_or_default();
            return ReadFile {
                name: name.clone(),
                outcome: Err(ImportError::Malformed {
                    place: Place::file(&name),
                    reason,
                }),
            };
        }
    };
    import_bytes(&name, &bytes)
}

/// Imports bytes under a file name.
pub fn import_bytes(name: &str, bytes: &[u8]) -> ReadFile {
    let outcome = import_file(name, bytes, &Options::default())
        .map(|all| all.into_iter().map(ReadDataset::new).collect());
    ReadFile {
        name: name.to_string(),
        outcome,
    }
}

/// Reads every file of a list.
pub async fn read_files(files: Vec<web_sys::File>) -> Pending {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        read.push(read_one(file).await);
    }
    Pending { files: read }
}

/// The files of a `FileList`.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
