//! Imports in a Web Worker. The page sends each file's name and bytes; the worker answers
//! with progress (a number from 0 to 1) and then the result as JSON. Cancelling terminates
//! the worker, so nothing of a cancelled import reaches the page, and starts a fresh one.
//!
//! A worker that traps (a panic, memory exhausted) is noticed by its `error` event: the file
//! it was reading gets an error that says so, a fresh worker takes the other files, and what
//! was read before stays. Imports started while one runs wait their turn, each keeping its
//! own files' names.
//!
//! The worker also makes XLSX workbooks, so that the page carries neither the writer nor its
//! compressor. Messages are the typed [`crate::protocol`] ones: `[request JSON, bytes?]` to
//! the worker, `[reply JSON, bytes?]` back; bytes are transferred, not copied.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use crate::import::{ImportError, Options, Place};
use crate::protocol::{Reply, Request, WorkbookRequest};
use crate::session::{Pending, ReadDataset, ReadFile};

/// The worker's entry, relative to the page, so that it loads from any sub-path.
const WORKER_URL: &str = "./raami-worker_loader.js";

/// Posts a message of JSON and, if any, bytes (transferred).
fn post(to: &impl Poster, json: &str, bytes: Option<&[u8]>) {
    let message = js_sys::Array::new();
    message.push(&JsValue::from_str(json));
    match bytes {
        Some(bytes) => {
            let array = js_sys::Uint8Array::from(bytes);
            message.push(&array);
            to.post(&message, &js_sys::Array::of1(&array.buffer()));
        }
        None => to.post(&message, &js_sys::Array::new()),
    }
}

/// The two ends that post: the page's worker, and the worker's own scope.
trait Poster {
    fn post(&self, message: &JsValue, transfer: &js_sys::Array);
}

impl Poster for Worker {
    fn post(&self, message: &JsValue, transfer: &js_sys::Array) {
        let _ = self.post_message_with_transfer(message, transfer);
    }
}

impl Poster for DedicatedWorkerGlobalScope {
    fn post(&self, message: &JsValue, transfer: &js_sys::Array) {
        let _ = self.post_message_with_transfer(message, transfer);
    }
}

fn reply(scope: &DedicatedWorkerGlobalScope, reply: &Reply, bytes: Option<&[u8]>) {
    post(
        scope,
        &serde_json::to_string(reply).unwrap_or_default(),
        bytes,
    );
}

/// The worker side: takes requests, imports files and makes workbooks, reports progress and
/// results.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data: js_sys::Array = event.data().unchecked_into();
        let request = data
            .get(0)
            .as_string()
            .and_then(|json| serde_json::from_str::<Request>(&json).ok());
        match request {
            Some(Request::Import { name, options }) => {
                let bytes = js_sys::Uint8Array::new(&data.get(1)).to_vec();
                let mut reported = 0.0;
                let result = crate::import::import_file_with_progress(
                    &name,
                    &bytes,
                    &options,
                    &mut |done| {
                        if done - reported >= 0.01 {
                            reported = done;
                            reply(&answer, &Reply::Progress(done), None);
                        }
                    },
                );
                reply(&answer, &Reply::Imported(result), None);
            }
            Some(Request::Workbook(request)) => match request.make() {
                Ok(bytes) => reply(&answer, &Reply::Workbook(Ok(())), Some(&bytes)),
                Err(error) => reply(&answer, &Reply::Workbook(Err(error.to_string())), None),
            },
            // A message this worker does not know (a page of another version): an import
            // error names it, so that nothing waits for ever.
            None => reply(
                &answer,
                &Reply::Imported(Err(ImportError::Malformed {
                    place: Place::file("Raami"),
                    reason: "worker message".to_string(),
                })),
                None,
            ),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    reply(&scope, &Reply::Ready, None);
}

/// One import: its files, what has been read of them, and whom to tell.
struct Batch {
    options: Options,
    queue: VecDeque<(String, Vec<u8>)>,
    names: Vec<String>,
    results: Vec<ReadFile>,
    /// A file has been sent and its answer not yet received.
    sent: bool,
    on_progress: Callback<f64>,
    on_done: Callback<Pending>,
}

impl Batch {
    fn progress(&self, share: f64) {
        let count = self.names.len().max(1) as f64;
        self.on_progress
            .emit((self.results.len() as f64 + share) / count);
    }

    /// The name of the file being read.
    fn current(&self) -> String {
        self.names
            .get(self.results.len())
            .cloned()
            .unwrap_or_default()
    }
}

type Handlers = (
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(ErrorEvent)>,
);

/// The page's side: the worker, the imports waiting for it, and its handlers.
#[derive(Default)]
struct Shared {
    worker: Option<Worker>,
    ready: bool,
    batches: VecDeque<Batch>,
    handlers: Option<Handlers>,
    /// The handlers of the worker before, one of which may be running when it is replaced.
    retired: Option<Handlers>,
    /// Workers that failed in a row without ever saying `ready` (one that cannot load).
    failed_starts: u32,
    /// Workbooks asked for and not yet sent to the worker (it is not ready).
    workbooks_waiting: VecDeque<(String, WorkbookDone)>,
    /// Workbooks sent, in order, each waiting for its answer.
    workbooks_sent: VecDeque<WorkbookDone>,
}

/// Whom to give a workbook's bytes, or why there are none.
type WorkbookDone = Callback<Result<Vec<u8>, String>>;

/// Workers that may fail in a row before the files waiting are answered with the failure.
const START_ATTEMPTS: u32 = 3;

impl Shared {
    /// Sends the next file to the worker when it is ready and idle.
    fn send_next(&mut self) {
        let (Some(worker), true) = (&self.worker, self.ready) else {
            return;
        };
        let Some(batch) = self.batches.front_mut() else {
            return;
        };
        if batch.sent {
            return;
        }
        let Some((name, bytes)) = batch.queue.pop_front() else {
            return;
        };
        batch.sent = true;
        let request = Request::Import {
            name,
            options: batch.options.clone(),
        };
        post(
            worker,
            &serde_json::to_string(&request).unwrap_or_default(),
            Some(&bytes),
        );
    }

    /// Every workbook not yet answered, waiting or sent, to be answered as not made.
    fn take_workbooks(&mut self) -> Vec<WorkbookDone> {
        let mut workbooks: Vec<WorkbookDone> = self
            .workbooks_waiting
            .drain(..)
            .map(|(_, done)| done)
            .collect();
        workbooks.extend(self.workbooks_sent.drain(..));
        workbooks
    }

    /// Sends the workbooks waiting, once the worker is ready.
    fn send_workbooks(&mut self) {
        let (Some(worker), true) = (&self.worker, self.ready) else {
            return;
        };
        while let Some((json, done)) = self.workbooks_waiting.pop_front() {
            post(worker, &json, None);
            self.workbooks_sent.push_back(done);
        }
    }

    /// Records the answer for the file being read; the finished import, if this was its
    /// last file, to be reported once the borrow has ended.
    fn answer(&mut self, file: ReadFile) -> Option<(Callback<Pending>, Pending)> {
        let batch = self.batches.front_mut()?;
        batch.sent = false;
        batch.results.push(file);
        batch.progress(0.0);
        if batch.results.len() < batch.names.len() {
            return None;
        }
        let done = self.batches.pop_front()?;
        Some((
            done.on_done,
            Pending {
                files: done.results,
                sources: Vec::new(),
            },
        ))
    }
}

/// Starts a worker and gives it the handlers; the worker before, if any, is terminated.
fn start(shared: &Rc<RefCell<Shared>>) -> Result<(), String> {
    let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let weak = Rc::downgrade(shared);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
        let weak = weak.clone();
        move |event: MessageEvent| on_message(&weak, event.data())
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        // Handled here: the page's console gets no uncaught error from the worker.
        event.prevent_default();
        on_error(&weak, event.message());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let mut state = shared.borrow_mut();
    if let Some(old) = state.worker.replace(worker) {
        old.terminate();
    }
    state.ready = false;
    state.retired = state.handlers.replace((on_message, on_error));
    Ok(())
}

fn on_message(shared: &Weak<RefCell<Shared>>, data: JsValue) {
    let Some(shared) = shared.upgrade() else {
        return;
    };
    let data: js_sys::Array = data.unchecked_into();
    let reply = data
        .get(0)
        .as_string()
        .map(|json| serde_json::from_str::<Reply>(&json).map_err(|e| e.to_string()));
    let Some(reply) = reply else { return };
    let finished = {
        let mut state = shared.borrow_mut();
        match reply {
            Ok(Reply::Progress(share)) => {
                if let Some(batch) = state.batches.front() {
                    batch.progress(share);
                }
                return;
            }
            Ok(Reply::Ready) => {
                state.ready = true;
                state.failed_starts = 0;
                state.send_workbooks();
                state.send_next();
                return;
            }
            Ok(Reply::Workbook(result)) => {
                let done = state.workbooks_sent.pop_front();
                drop(state);
                let bytes = result.map(|()| js_sys::Uint8Array::new(&data.get(1)).to_vec());
                if let Some(done) = done {
                    done.emit(bytes);
                }
                return;
            }
            Ok(Reply::Imported(outcome)) => {
                let Some(name) = state.batches.front().map(Batch::current) else {
                    return;
                };
                let outcome = outcome.map(|all| all.into_iter().map(ReadDataset::new).collect());
                let finished = state.answer(ReadFile { name, outcome });
                state.send_next();
                finished
            }
            Err(reason) => {
                let Some(name) = state.batches.front().map(Batch::current) else {
                    return;
                };
                let finished = state.answer(ReadFile {
                    outcome: Err(ImportError::Malformed {
                        place: Place::file(&name),
                        reason,
                    }),
                    name,
                });
                state.send_next();
                finished
            }
        }
    };
    // Emitted after the borrow ends: the callback may start another import.
    if let Some((on_done, pending)) = finished {
        on_done.emit(pending);
    }
}

/// The workbooks a worker that is gone was making: answered with why, so nothing waits.
fn lose_workbooks(shared: &Rc<RefCell<Shared>>, reason: &str) {
    let lost: Vec<WorkbookDone> = shared.borrow_mut().workbooks_sent.drain(..).collect();
    for done in lost {
        done.emit(Err(reason.to_string()));
    }
}

/// The worker trapped or failed to start: the file it was reading is answered with the
/// reason, and a fresh worker takes the files still waiting.
fn on_error(shared: &Weak<RefCell<Shared>>, reason: String) {
    let Some(shared) = shared.upgrade() else {
        return;
    };
    let reason_copy = reason.clone();
    let (finished, give_up) = {
        let mut state = shared.borrow_mut();
        if !state.ready {
            state.failed_starts = state.failed_starts.saturating_add(1);
        }
        state.ready = false;
        let give_up = state.failed_starts >= START_ATTEMPTS;
        let finished = match state.batches.front().filter(|b| b.sent).map(Batch::current) {
            Some(name) => state.answer(ReadFile {
                outcome: Err(ImportError::ReaderStopped {
                    place: Place::file(&name),
                    reason,
                }),
                name,
            }),
            None => None,
        };
        (finished, give_up)
    };
    if let Some((on_done, pending)) = finished {
        on_done.emit(pending);
    }
    lose_workbooks(&shared, &reason_copy);
    if give_up || start(&shared).is_err() {
        fail_all(&shared);
    }
}

/// No worker can be started: the worker is let go and every file waiting is answered so.
/// The next import tries a fresh worker.
fn fail_all(shared: &Rc<RefCell<Shared>>) {
    let (batches, workbooks) = {
        let mut state = shared.borrow_mut();
        if let Some(worker) = state.worker.take() {
            worker.terminate();
        }
        state.ready = false;
        (std::mem::take(&mut state.batches), state.take_workbooks())
    };
    for done in workbooks {
        done.emit(Err("Web Worker".to_string()));
    }
    for mut batch in batches {
        for (name, _) in batch.queue.drain(..) {
            batch.results.push(ReadFile {
                outcome: Err(ImportError::ReaderStopped {
                    place: Place::file(&name),
                    reason: "Web Worker".to_string(),
                }),
                name,
            });
        }
        batch.on_done.emit(Pending {
            files: batch.results,
            sources: Vec::new(),
        });
    }
}

/// The import worker, started with the page so that its code loads with the page and no
/// request is made when a file is imported later. One file is read at a time.
pub struct ImportWorker {
    shared: Rc<RefCell<Shared>>,
}

impl ImportWorker {
    /// The worker in `slot`, started there if there is none (it failed to start before).
    pub fn in_slot(slot: &mut Option<ImportWorker>) -> Option<&ImportWorker> {
        if slot.is_none() {
            *slot = ImportWorker::spawn().ok();
        }
        slot.as_ref()
    }

    pub fn spawn() -> Result<ImportWorker, String> {
        let shared = Rc::new(RefCell::new(Shared::default()));
        start(&shared)?;
        Ok(ImportWorker { shared })
    }

    /// Queues work for the worker and sends what it can take. A worker that has stopped is
    /// given a new chance first; if none can start, everything waiting is answered with the
    /// failure.
    fn submit(&self, queue: impl FnOnce(&mut Shared)) {
        if self.shared.borrow().worker.is_none() {
            self.shared.borrow_mut().failed_starts = 0;
            let _ = start(&self.shared);
        }
        let mut state = self.shared.borrow_mut();
        queue(&mut state);
        state.send_workbooks();
        state.send_next();
        if state.worker.is_none() {
            drop(state);
            fail_all(&self.shared);
        }
    }

    /// Imports `files` (name and bytes) after any import still running. `on_progress` gets
    /// the share done of these files; `on_done` their results, once all are read.
    pub fn run(
        &self,
        files: Vec<(String, Vec<u8>)>,
        options: &Options,
        on_progress: Callback<f64>,
        on_done: Callback<Pending>,
    ) {
        let batch = Batch {
            options: options.clone(),
            names: files.iter().map(|(n, _)| n.clone()).collect(),
            queue: files.into(),
            results: Vec::new(),
            sent: false,
            on_progress,
            on_done,
        };
        self.submit(move |state| state.batches.push_back(batch));
    }

    /// Has the worker make a workbook; `done` gets its bytes, or why there are none.
    pub fn workbook(&self, request: WorkbookRequest, done: WorkbookDone) {
        let json = serde_json::to_string(&Request::Workbook(Box::new(request))).unwrap_or_default();
        self.submit(move |state| state.workbooks_waiting.push_back((json, done)));
    }
}

impl Drop for ImportWorker {
    /// Stops whatever the worker is reading: nothing of it reaches the page. A workbook it
    /// was making is answered as not made.
    fn drop(&mut self) {
        let workbooks = {
            let mut state = self.shared.borrow_mut();
            if let Some(worker) = state.worker.take() {
                worker.terminate();
            }
            state.batches.clear();
            state.take_workbooks()
        };
        for done in workbooks {
            done.emit(Err("Web Worker".to_string()));
        }
    }
}
