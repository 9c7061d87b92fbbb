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

/// Offers `text` as a file to save, named `name`: the browser's download of a local blob (no
/// request leaves the page). `false` where the browser refused.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    download_part(name, &wasm_bindgen::JsValue::from_str(text), mime)
}

/// Offers a `data:` address (a picture drawn on the page) for download under `name`.
pub fn download_url(name: &str, url: &str) -> bool {
    use wasm_bindgen::JsCast;
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    match link {
        Some(link) => {
            link.set_href(url);
            link.set_download(name);
            link.click();
            true
        }
        None => false,
    }
}

/// Offers bytes (a workbook) for download, as [`download`] does text.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> bool {
    download_part(name, &js_sys::Uint8Array::from(bytes), mime)
}

fn download_part(name: &str, part: &wasm_bindgen::JsValue, mime: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let link = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let done = match link {
        Some(link) => {
            link.set_href(&url);
            link.set_download(name);
            link.click();
            true
        }
        None => false,
    };
    let _ = web_sys::Url::revoke_object_url(&url);
    done
}

/// Compresses bytes with the browser's own deflate (`CompressionStream("deflate")`, the zlib
/// stream that [`crate::share::read_data_link`] inflates), so the page carries no compressor
/// of its own. `Err` when the browser has none.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"CompressionStream".into())?.dyn_into()?;
    let compressor = js_sys::Reflect::construct(
        &constructor,
        &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str("deflate")),
    )?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let compressed = blob.stream().pipe_through(compressor.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&compressed))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file the workspace is saved in through the File System Access API (`showSaveFilePicker`,
/// Chromium and Edge): the next save writes the same file. Other browsers download instead.
#[derive(Clone)]
pub struct SaveFile(wasm_bindgen::JsValue);

impl SaveFile {
    /// The file's name, as the user chose it.
    pub fn name(&self) -> String {
        js_sys::Reflect::get(&self.0, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default()
    }

    /// Writes `text` over the file's content.
    pub async fn write(&self, text: &str) -> Result<(), wasm_bindgen::JsValue> {
        let writable = JsFuture::from(call(&self.0, "createWritable", &[])?).await?;
        JsFuture::from(call(
            &writable,
            "write",
            &[wasm_bindgen::JsValue::from_str(text)],
        )?)
        .await?;
        JsFuture::from(call(&writable, "close", &[])?).await?;
        Ok(())
    }
}

/// Calls a method that returns a promise.
fn call(
    target: &wasm_bindgen::JsValue,
    method: &str,
    args: &[wasm_bindgen::JsValue],
) -> Result<js_sys::Promise, wasm_bindgen::JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(target, &args)?.dyn_into()
}

/// What asking for a file to save in gave.
pub enum Picked {
    File(SaveFile),
    /// The user closed the picker: nothing is saved, nothing is said.
    Cancelled,
    /// The browser has no such picker (or refused it): download instead.
    Unavailable,
}

/// Asks the user where to save (`showSaveFilePicker`), suggesting `name`.
pub async fn pick_save_file(name: &str, description: &str) -> Picked {
    let global = js_sys::global();
    let Ok(options) = (|| -> Result<js_sys::Object, wasm_bindgen::JsValue> {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"suggestedName".into(), &name.into())?;
        let accept = js_sys::Object::new();
        js_sys::Reflect::set(
            &accept,
            &"application/json".into(),
            &js_sys::Array::of1(&".raami".into()),
        )?;
        let kind = js_sys::Object::new();
        js_sys::Reflect::set(&kind, &"description".into(), &description.into())?;
        js_sys::Reflect::set(&kind, &"accept".into(), &accept)?;
        js_sys::Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&kind))?;
        Ok(options)
    })() else {
        return Picked::Unavailable;
    };
    let Ok(promise) = call(&global, "showSaveFilePicker", &[options.into()]) else {
        return Picked::Unavailable;
    };
    match JsFuture::from(promise).await {
        Ok(handle) => Picked::File(SaveFile(handle)),
        Err(error) => {
            let aborted = error
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|e| e.name() == "AbortError");
            if aborted {
                Picked::Cancelled
            } else {
                Picked::Unavailable
            }
        }
    }
}
