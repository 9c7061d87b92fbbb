//! Imports in a Web Worker. The page sends each file's name and bytes; the worker answers
//! with progress (a number from 0 to 1) and then the result as JSON. Cancelling terminates
//! the worker, so nothing of a cancelled import reaches the page, and starts a fresh one.
//!
//! Messages from the worker: the string `ready` once it can take files, numbers for
//! progress, and a JSON string (`{"Ok": [...]}` or `{"Err": {...}}`) per file.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};
use yew::Callback;

use crate::import::{ImportError, Imported, Options, Place};
use crate::ui::state::{Pending, ReadDataset, ReadFile};

/// The worker's entry, relative to the page, so that it loads from any sub-path.
const WORKER_URL: &str = "./raami-worker_loader.js";

/// The worker side: takes files, imports them, reports progress and results.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data: js_sys::Array = event.data().unchecked_into();
        let name = data.get(0).as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&data.get(1)).to_vec();
        // The third element is the user's options (sheet, mapping) as JSON.
        let options: Options = data
            .get(2)
            .as_string()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        let mut reported = 0.0;
        let result =
            crate::import::import_file_with_progress(&name, &bytes, &options, &mut |done| {
                if done - reported >= 0.01 {
                    reported = done;
                    let _ = reply.post_message(&JsValue::from_f64(done));
                }
            });
        let json = serde_json::to_string(&result).unwrap_or_default();
        let _ = reply.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// The current import on the page's side.
#[derive(Default)]
struct Job {
    ready: bool,
    options: String,
    queue: Vec<(String, Vec<u8>)>,
    names: Vec<String>,
    results: Vec<ReadFile>,
    on_progress: Option<Callback<f64>>,
    on_done: Option<Callback<Pending>>,
}

impl Job {
    fn send_next(&mut self, worker: &Worker) {
        if !self.ready || self.queue.is_empty() {
            return;
        }
        let (name, bytes) = self.queue.remove(0);
        let message = js_sys::Array::new();
        message.push(&JsValue::from_str(&name));
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        message.push(&array);
        message.push(&JsValue::from_str(&self.options));
        let transfer = js_sys::Array::of1(&array.buffer());
        let _ = worker.post_message_with_transfer(&message, &transfer);
    }
}

/// The import worker, started with the page so that its code loads with the page and no
/// request is made when a file is imported later. One import runs at a time.
pub struct ImportWorker {
    worker: Worker,
    job: Rc<RefCell<Job>>,
    // Kept alive as long as the worker: it calls it.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl ImportWorker {
    pub fn spawn() -> Result<ImportWorker, String> {
        let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
        let job = Rc::new(RefCell::new(Job::default()));
        let (handler_job, handler_worker) = (job.clone(), worker.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let mut job = handler_job.borrow_mut();
            let count = job.names.len().max(1) as f64;
            let done_files = job.results.len() as f64;
            if let Some(share) = data.as_f64() {
                if let Some(cb) = &job.on_progress {
                    cb.emit((done_files + share) / count);
                }
                return;
            }
            let Some(text) = data.as_string() else { return };
            if text == "ready" {
                job.ready = true;
                job.send_next(&handler_worker);
                return;
            }
            let name = job
                .names
                .get(job.results.len())
                .cloned()
                .unwrap_or_default();
            let outcome = serde_json::from_str::<Result<Vec<Imported>, ImportError>>(&text)
                .unwrap_or_else(|e| {
                    Err(ImportError::Malformed {
                        place: Place::file(&name),
                        reason: e.to_string(),
                    })
                })
                .map(|all| all.into_iter().map(ReadDataset::new).collect());
            job.results.push(ReadFile { name, outcome });
            if let Some(cb) = &job.on_progress {
                cb.emit(job.results.len() as f64 / count);
            }
            if job.results.len() == job.names.len() {
                let files = std::mem::take(&mut job.results);
                job.names.clear();
                job.on_progress = None;
                if let Some(cb) = job.on_done.take() {
                    // Emitted after the borrow ends: the callback may start another import.
                    drop(job);
                    cb.emit(Pending {
                        files,
                        sources: Vec::new(),
                    });
                }
            } else {
                job.send_next(&handler_worker);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Ok(ImportWorker {
            worker,
            job,
            _on_message: on_message,
        })
    }

    /// Imports `files` (name and bytes). `on_progress` gets the share done of all files;
    /// `on_done` the files' results, once all are read.
    pub fn run(
        &self,
        files: Vec<(String, Vec<u8>)>,
        options: &Options,
        on_progress: Callback<f64>,
        on_done: Callback<Pending>,
    ) {
        let mut job = self.job.borrow_mut();
        job.options = serde_json::to_string(options).unwrap_or_default();
        job.names = files.iter().map(|(n, _)| n.clone()).collect();
        job.queue = files;
        job.results.clear();
        job.on_progress = Some(on_progress);
        job.on_done = Some(on_done);
        job.send_next(&self.worker);
    }
}

impl Drop for ImportWorker {
    /// Stops whatever the worker is reading: nothing of it reaches the page.
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
