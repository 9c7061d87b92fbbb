//! A council member's own notes ("kysy tästä lautakunnassa"), attached to a node, to one line
//! of a node, or to a scenario. They show in the views, print with them, go into exports, and
//! travel in the workspace file and in a link with data. One note per place: writing again
//! replaces it, writing nothing removes it.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, pick};
use crate::model::{Dataset, Line};

/// What a note is attached to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "on", rename_all = "snake_case")]
pub enum NoteOn {
    /// An org node of a dataset (by ids).
    Node { dataset: String, node: String },
    /// One line of a node's statement.
    Line {
        dataset: String,
        node: String,
        line: Line,
    },
    /// A scenario, by its name.
    Scenario { name: String },
}

/// A note: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    #[serde(flatten)]
    pub on: NoteOn,
    pub text: String,
}

/// The longest note kept, in characters (a paragraph or two; a link stays shareable).
pub const MAX_NOTE_CHARS: usize = 2000;

impl NoteOn {
    /// Where the note is, for a reader: `Varhaiskasvatus`, `Varhaiskasvatus: Palvelujen
    /// ostot`, `Skenaario: Säästöt`. A node not in `datasets` is named by its id.
    pub fn describe(&self, datasets: &[&Dataset], lang: Lang) -> String {
        let node_name = |dataset: &str, node: &str| {
            datasets
                .iter()
                .filter(|d| d.id == dataset)
                .find_map(|d| d.node(node).map(|n| n.name.clone()))
                .unwrap_or_else(|| node.to_string())
        };
        match self {
            NoteOn::Node { dataset, node } => node_name(dataset, node),
            NoteOn::Line {
                dataset,
                node,
                line,
            } => format!("{}: {}", node_name(dataset, node), line.name(lang)),
            NoteOn::Scenario { name } => {
                format!(
                    "{}: {name}",
                    pick(lang, "Skenaario", "Scenario", "Scenario")
                )
            }
        }
    }

    /// Whether the note is about `node` of `dataset` (the node itself or one of its lines).
    pub fn is_on_node(&self, dataset: &str, node: &str) -> bool {
        match self {
            NoteOn::Node {
                dataset: d,
                node: n,
            }
            | NoteOn::Line {
                dataset: d,
                node: n,
                ..
            } => d == dataset && n == node,
            NoteOn::Scenario { .. } => false,
        }
    }
}

/// `notes` with the note on `on` set to `text` (trimmed, at most [`MAX_NOTE_CHARS`]), or
/// removed when `text` is empty; in the order of their places.
pub fn set(notes: &[Note], on: NoteOn, text: &str) -> Vec<Note> {
    let text: String = text.trim().chars().take(MAX_NOTE_CHARS).collect();
    let mut out: Vec<Note> = notes.iter().filter(|n| n.on != on).cloned().collect();
    if !text.is_empty() {
        out.push(Note { on, text });
    }
    out.sort_by(|a, b| a.on.cmp(&b.on));
    out
}

/// The notes of `added` whose places have none in `present` join them (a workspace opened
/// beside what is loaded); where both have a note on one place, the present one stays.
pub fn merged(present: &[Note], added: &[Note]) -> Vec<Note> {
    let mut out = present.to_vec();
    for note in added {
        if !out.iter().any(|n| n.on == note.on) {
            out.push(note.clone());
        }
    }
    out.sort_by(|a, b| a.on.cmp(&b.on));
    out
}

/// The notes after undo or redo brings back the scenarios named `restored` in place of
/// those named `now`: a scenario that comes back (deleted, or renamed, since) has its note
/// as it was then (`then`); one that goes has its note go with it; every other note is as
/// it is now (notes written since on what stays are kept).
pub fn scenarios_restored(
    current: &[Note],
    now: &[&str],
    restored: &[&str],
    then: &[Note],
) -> Vec<Note> {
    let back = |name: &str| restored.contains(&name) && !now.contains(&name);
    let gone = |name: &str| now.contains(&name) && !restored.contains(&name);
    let mut out: Vec<Note> = current
        .iter()
        .filter(|note| match &note.on {
            NoteOn::Scenario { name } => !back(name) && !gone(name),
            _ => true,
        })
        .cloned()
        .collect();
    out.extend(
        then.iter()
            .filter(|note| matches!(&note.on, NoteOn::Scenario { name } if back(name)))
            .cloned(),
    );
    out
}

/// The notes with a scenario's notes following its new name, or gone with it (`None`).
pub fn scenario_renamed(notes: &[Note], from: &str, to: Option<&str>) -> Vec<Note> {
    notes
        .iter()
        .filter_map(|note| match (&note.on, to) {
            (NoteOn::Scenario { name }, None) if name == from => None,
            (NoteOn::Scenario { name }, Some(to)) if name == from => Some(Note {
                on: NoteOn::Scenario {
                    name: to.to_string(),
                },
                text: note.text.clone(),
            }),
            _ => Some(note.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_line(line: Line) -> NoteOn {
        NoteOn::Line {
            dataset: "heinola".into(),
            node: "varhaiskasvatus".into(),
            line,
        }
    }

    #[test]
    fn one_note_per_place_and_nothing_removes_it() {
        let notes = set(
            &[],
            on_line(Line::PalvelujenOstot),
            "  kysy tästä lautakunnassa ",
        );
        assert_eq!(notes[0].text, "kysy tästä lautakunnassa");
        let notes = set(&notes, on_line(Line::PalvelujenOstot), "uusi");
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "uusi");
        let notes = set(&notes, on_line(Line::PalvelujenOstot), "   ");
        assert!(notes.is_empty());
        let long = "x".repeat(MAX_NOTE_CHARS + 10);
        assert_eq!(
            set(&[], on_line(Line::Toimintakate), &long)[0]
                .text
                .chars()
                .count(),
            MAX_NOTE_CHARS
        );
    }

    #[test]
    fn a_note_reads_back_from_its_json() {
        let note = Note {
            on: on_line(Line::PalvelujenOstot),
            text: "Miksi kasvaa?".into(),
        };
        let json = serde_json::to_string(&note).unwrap();
        assert_eq!(
            json,
            r#"{"on":"line","dataset":"heinola","node":"varhaiskasvatus","line":"palvelujen_ostot","text":"Miksi kasvaa?"}"#
        );
        assert_eq!(serde_json::from_str::<Note>(&json).unwrap(), note);
    }

    #[test]
    fn places_are_told_by_name() {
        let sample = crate::sample::heinola().unwrap();
        assert_eq!(
            on_line(Line::PalvelujenOstot).describe(&[&sample], Lang::Fi),
            "Varhaiskasvatus: Palvelujen ostot"
        );
        assert_eq!(
            NoteOn::Scenario {
                name: "Säästöt".into()
            }
            .describe(&[&sample], Lang::Sv),
            "Scenario: Säästöt"
        );
    }
}
