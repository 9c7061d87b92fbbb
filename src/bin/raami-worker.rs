//! The Web Worker that runs Raami's importers, so that a large file is parsed off the
//! page's thread while a progress bar moves and the cancel button answers. Built by Trunk
//! for wasm32 (`data-type="worker"` in `index.html`); a stub on the host.

#[cfg(target_arch = "wasm32")]
fn main() {
    raami::ui::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("raami-worker runs in the browser; use `raami import` on the command line.");
}
