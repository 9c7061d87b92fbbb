//! The session in a Yew reducer: [`crate::session::Session::apply`] does the work, and an
//! action that changes nothing returns the same `Rc`, so nothing is painted again.

use std::rc::Rc;

use yew::Reducible;

pub use crate::session::{Action, Loaded, Pending, ReadDataset, ReadFile, Session};

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Session::clone(&self);
        if next.apply(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// The session the page opens in: the sample with what this machine kept, moved to where
/// the page's link points.
pub fn from_location() -> Session {
    let opening = Session::opening(
        crate::ui::storage::load_mapping(),
        crate::ui::storage::load_basis(),
    );
    match crate::ui::location_route() {
        Some(route) => opening.navigated(route),
        None => opening,
    }
}
