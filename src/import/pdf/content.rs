//! A page's content operators run far enough to know where each character is: the text
//! state, the text and graphics matrices, and form XObjects drawn into the page. Nothing is
//! painted; every glyph becomes a [`Glyph`] with its place in the page's space.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::streams::{Budget, StreamError};

/// One character drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The text it stands for (U+FFFD when its font gives none).
    pub text: String,
    /// Its origin and end along the baseline, in page space.
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    /// Its size: the height of an em in page space.
    pub size: f64,
}

/// What running a page's content found besides its glyphs.
#[derive(Debug, Default)]
pub struct Run {
    pub glyphs: Vec<Glyph>,
    /// Fonts whose codes have no text (no `ToUnicode` and no encoding), by name.
    pub fonts_without_text: Vec<String>,
    /// A stream that could not be unpacked, and why.
    pub stream_error: Option<StreamError>,
    /// The operator budget ran out: the page's content is larger than any table's.
    pub truncated: bool,
}

/// The most operators run on one page, forms included (a text page has some thousands).
const MAX_OPERATIONS: usize = 2_000_000;
/// The most glyphs kept of one page.
const MAX_GLYPHS: usize = 200_000;
/// How deep forms may draw forms.
const MAX_FORM_DEPTH: usize = 8;
/// The most content bytes run for one page, forms included: the operators are parsed whole
/// before they run (each some tens of bytes in memory), and a real page has well under a
/// megabyte.
const MAX_PAGE_CONTENT: usize = 16 << 20;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's row-vector order: self × other).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn finite(self) -> bool {
        self.0.iter().all(|v| v.is_finite() && v.abs() < 1e9)
    }
}

#[derive(Debug, Clone)]
struct TextState {
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

#[derive(Debug, Clone)]
struct State {
    ctm: Matrix,
    text: TextState,
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

fn numbers<const N: usize>(operands: &[Object]) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    if operands.len() < N {
        return None;
    }
    let tail = &operands[operands.len() - N..];
    for (slot, o) in out.iter_mut().zip(tail) {
        *slot = number(o)?;
    }
    Some(out)
}

/// Runs the content of a page.
pub struct Runner<'a> {
    doc: &'a Document,
    budget: &'a mut Budget,
    fonts: &'a mut HashMap<ObjectId, Rc<Font>>,
    operations: usize,
    content_bytes: usize,
    run: Run,
}

impl<'a> Runner<'a> {
    pub fn new(
        doc: &'a Document,
        budget: &'a mut Budget,
        fonts: &'a mut HashMap<ObjectId, Rc<Font>>,
    ) -> Runner<'a> {
        Runner {
            doc,
            budget,
            fonts,
            operations: 0,
            content_bytes: 0,
            run: Run::default(),
        }
    }

    /// Runs a page's content streams with its resources.
    pub fn page(mut self, page: ObjectId) -> Run {
        let mut data = Vec::new();
        for id in self.doc.get_page_contents(page) {
            let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
                continue;
            };
            match self.budget.decode(stream) {
                Ok(bytes) => {
                    data.extend_from_slice(&bytes);
                    data.push(b'\n');
                    if data.len() > MAX_PAGE_CONTENT {
                        break;
                    }
                }
                Err(e) => {
                    self.run.stream_error.get_or_insert(e);
                }
            }
        }
        let resources = page_resources(self.doc, page);
        self.content(&data, resources.as_ref(), Matrix::IDENTITY, 0);
        self.run
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = resources?.get(b"Font").ok()?;
        let fonts = self.doc.dereference(fonts).ok()?.1.as_dict().ok()?;
        let entry = fonts.get(name).ok()?;
        let (id, object) = self.doc.dereference(entry).ok()?;
        let dict = object.as_dict().ok()?;
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Some(font.clone());
        }
        let font = Rc::new(Font::read(self.doc, dict, self.budget));
        if !font.has_text() && !self.run.fonts_without_text.contains(&font.name) {
            self.run.fonts_without_text.push(font.name.clone());
        }
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        Some(font)
    }

    fn content(&mut self, data: &[u8], resources: Option<&Dictionary>, base: Matrix, depth: usize) {
        self.content_bytes = self.content_bytes.saturating_add(data.len());
        if self.content_bytes > MAX_PAGE_CONTENT {
            self.run.truncated = true;
            return;
        }
        let Ok(content) = Content::decode(data) else {
            return;
        };
        let mut state = State {
            ctm: base,
            text: TextState::default(),
        };
        let mut stack: Vec<State> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in &content.operations {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS || self.run.glyphs.len() >= MAX_GLYPHS {
                self.run.truncated = true;
                return;
            }
            let operands = op.operands.as_slice();
            match op.operator.as_str() {
                "q" if stack.len() < 256 => {
                    stack.push(state.clone());
                }
                "Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = numbers::<6>(operands) {
                        let next = Matrix(m).then(state.ctm);
                        if next.finite() {
                            state.ctm = next;
                        }
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let (Some(Object::Name(name)), Some(size)) =
                        (operands.first(), operands.get(1).and_then(number))
                    {
                        state.text.font = self.font(resources, name);
                        state.text.size = size;
                    }
                }
                "Tc" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        state.text.char_space = v;
                    }
                }
                "Tw" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        state.text.word_space = v;
                    }
                }
                "Tz" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        state.text.scale = v / 100.0;
                    }
                }
                "TL" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        state.text.leading = v;
                    }
                }
                "Ts" => {
                    if let Some([v]) = numbers::<1>(operands) {
                        state.text.rise = v;
                    }
                }
                "Td" | "TD" => {
                    if let Some([x, y]) = numbers::<2>(operands) {
                        if op.operator == "TD" {
                            state.text.leading = -y;
                        }
                        tlm = Matrix::translate(x, y).then(tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = numbers::<6>(operands)
                        && Matrix(m).finite()
                    {
                        tlm = Matrix(m);
                        tm = tlm;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.text.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = operands.first() {
                        self.show(bytes, &state, &mut tm);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\""
                        && let Some([w, c]) = numbers::<2>(&operands[..operands.len().min(2)])
                    {
                        state.text.word_space = w;
                        state.text.char_space = c;
                    }
                    tlm = Matrix::translate(0.0, -state.text.leading).then(tlm);
                    tm = tlm;
                    if let Some(Object::String(bytes, _)) = operands.last() {
                        self.show(bytes, &state, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => self.show(bytes, &state, &mut tm),
                                other => {
                                    if let Some(n) = number(other) {
                                        let tx = -n / 1000.0 * state.text.size * state.text.scale;
                                        tm = Matrix::translate(tx, 0.0).then(tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(Object::Name(name)) = operands.first() {
                        self.form(resources, name, state.ctm, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// Draws a form XObject named in the resources.
    fn form(&mut self, resources: Option<&Dictionary>, name: &[u8], ctm: Matrix, depth: usize) {
        let doc = self.doc;
        let Some(stream) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok())
        else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| numbers::<6>(a))
            .map(Matrix)
            .filter(|m| m.finite())
            .unwrap_or(Matrix::IDENTITY);
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok());
        let data = match self.budget.decode(stream) {
            Ok(d) => d,
            Err(e) => {
                self.run.stream_error.get_or_insert(e);
                return;
            }
        };
        let base = matrix.then(ctm);
        match own {
            Some(own) => {
                let own = own.clone();
                self.content(&data, Some(&own), base, depth + 1);
            }
            None => self.content(&data, resources, base, depth + 1),
        }
    }

    /// Shows a string: each code becomes a glyph, and the text matrix moves past it.
    fn show(&mut self, bytes: &[u8], state: &State, tm: &mut Matrix) {
        let Some(font) = state.text.font.clone() else {
            return;
        };
        let t = &state.text;
        for code in font.decode(bytes) {
            let advance = (code.width * t.size
                + t.char_space
                + if code.word_space { t.word_space } else { 0.0 })
                * t.scale;
            let render = Matrix([t.size * t.scale, 0.0, 0.0, t.size, 0.0, t.rise])
                .then(*tm)
                .then(state.ctm);
            let to_page = tm.then(state.ctm);
            let (x0, y0) = Matrix::translate(0.0, t.rise).then(to_page).apply(0.0, 0.0);
            let (x1, y1) = Matrix::translate(0.0, t.rise)
                .then(to_page)
                .apply(code.width * t.size * t.scale, 0.0);
            let [_, _, c, d, _, _] = render.0;
            let size = (c * c + d * d).sqrt();
            *tm = Matrix::translate(advance, 0.0).then(*tm);
            let finite = [x0, y0, x1, y1, size].iter().all(|v| v.is_finite());
            if !finite || size <= 0.0 {
                continue;
            }
            self.run.glyphs.push(Glyph {
                text: code.text.unwrap_or_else(|| "\u{FFFD}".to_string()),
                x0,
                y0,
                x1,
                y1,
                size,
            });
            if self.run.glyphs.len() >= MAX_GLYPHS {
                self.run.truncated = true;
                return;
            }
        }
    }
}

/// A page's resources, inherited from its ancestors in the page tree where it has none.
fn page_resources(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..64 {
        if let Ok(resources) = node.get(b"Resources") {
            return doc
                .dereference(resources)
                .ok()
                .and_then(|(_, r)| r.as_dict().ok())
                .cloned();
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}
