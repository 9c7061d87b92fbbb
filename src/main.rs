//! The web entry point: mounts the Yew app. Built by Trunk for wasm32; on the host it is
//! a stub that points to the command-line tool.

#[cfg(target_arch = "wasm32")]
fn main() {
    raami::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "raami-web is the browser app: build it with `trunk build`, or use the `raami` command."
    );
}
