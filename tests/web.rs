//! Browser tests in headless Chromium: the app mounts on the embedded Heinola data, shows
//! the sector's table with the printed figures, switches node, change columns and language.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see `.ci/test`).

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app in its own element and waits until it has rendered.
async fn mount() -> Element {
    // Each app opens where the URL points: start every test from a URL without a view.
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // The handle is leaked on purpose: the app stays mounted for the test's lifetime.
    std::mem::forget(raami::ui::start_in(root.clone()));
    yew::scheduler::flush().await;
    root
}

fn query(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    query(root, selector).text_content().unwrap_or_default()
}

/// The text of the cell of `line` (package key) in column `col` (column id or derived name).
fn cell(root: &Element, line: &str, col: &str) -> String {
    text(
        root,
        &format!("tr[data-line='{line}'] td[data-col='{col}']"),
    )
}

/// The amount shown in the cell of `line` in column `col`, without its marks.
fn amount(root: &Element, line: &str, col: &str) -> String {
    text(
        root,
        &format!("tr[data-line='{line}'] td[data-col='{col}'] .amount"),
    )
}

async fn click(root: &Element, selector: &str) {
    query(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
}

async fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = query(root, selector).dyn_into().unwrap();
    select.set_value(value);
    let event = web_sys::Event::new("change").unwrap();
    select.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn opens_on_the_sector_with_the_printed_figures() {
    let root = mount().await;
    assert_eq!(text(&root, "h1"), "Hyvinvointitoimiala");
    assert_eq!(
        text(&root, "[aria-current='true'] .org-name"),
        "Hyvinvointitoimiala"
    );
    // Seed 004, TULOSLASKELMA: Toimintakate TP 2022 −28 726 249, TS 2026 −32 103 800.
    assert_eq!(
        amount(&root, "toimintakate", "TP2022"),
        "\u{2212}28\u{a0}726\u{a0}249"
    );
    assert_eq!(
        amount(&root, "toimintakate", "TS2026"),
        "\u{2212}32\u{a0}103\u{a0}800"
    );
    assert_eq!(amount(&root, "myyntituotot", "TA2023"), "712\u{a0}500");
    // The org tree lists both trees and all eleven service areas and units.
    assert_eq!(root.query_selector_all(".org-node").unwrap().length(), 13);
    // Change defaults to the first against the last column: TP 2022 → TS 2026.
    assert_eq!(
        cell(&root, "toimintakate", "change"),
        "\u{2212}3\u{a0}377\u{a0}551"
    );
    assert_eq!(cell(&root, "toimintakate", "change-pct"), "11,76\u{a0}%");
}

#[wasm_bindgen_test]
async fn switching_to_yhteiset_palvelut_shows_follow_up_and_the_note() {
    let root = mount().await;
    click(&root, "button[data-node='yhteiset_palvelut']").await;
    assert_eq!(text(&root, "h1"), "Yhteiset palvelut");
    // Seed 003: Toimintakate Poikkeama −1 009 492, Toteuma % 88,12.
    assert_eq!(
        cell(&root, "toimintakate", "poikkeama"),
        "\u{2212}1\u{a0}009\u{a0}492"
    );
    assert_eq!(cell(&root, "toimintakate", "toteuma-pct"), "88,12\u{a0}%");
    assert_eq!(
        amount(&root, "toimintakulut", "TOT2025"),
        "\u{2212}8\u{a0}856\u{a0}536"
    );
    // The 2024 column carries the note that its figures are not directly comparable.
    assert!(text(&root, "th[data-col='TP2024']").contains("1)"));
    assert!(text(&root, "#note-1").contains("eivätkä siten ole suoraan vertailukelpoisia"));
    // A stated subtotal whose parts add up to one euro less is marked as rounding.
    assert!(
        text(
            &root,
            "tr[data-line='toimintatuotot'] td[data-col='TP2024']"
        )
        .contains("pyöristysero 1")
    );
    // Investments of the area, with the printed Poikkeama −156 721.
    assert!(text(&root, ".investments").contains("\u{2212}156\u{a0}721"));
    // Validation says the TP 2024 units were not checked against the area.
    assert!(text(&root, ".validation").contains("Ei tarkistettu"));
}

#[wasm_bindgen_test]
async fn the_change_columns_follow_the_chosen_pair() {
    let root = mount().await;
    choose(&root, "#change-base", "TA2024").await;
    choose(&root, "#change-target", "TS2025").await;
    // Toimintakulut TA 2024 −32 611 450 → TS 2025 −33 346 600: −735 150, 2,25 %.
    assert_eq!(
        cell(&root, "toimintakulut", "change"),
        "\u{2212}735\u{a0}150"
    );
    assert_eq!(cell(&root, "toimintakulut", "change-pct"), "2,25\u{a0}%");
}

#[wasm_bindgen_test]
async fn switching_language_translates_labels_and_number_format() {
    let root = mount().await;
    click(&root, "button[lang='sv']").await;
    assert_eq!(
        text(&root, "tr[data-line='toimintakate'] th"),
        "Verksamhetsbidrag"
    );
    assert_eq!(text(&root, "th[data-col='TP2022']"), "BS 2022");
    let html_lang = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("sv"));
    click(&root, "button[lang='en']").await;
    assert_eq!(
        text(&root, "tr[data-line='toimintakate'] th"),
        "Operating margin"
    );
    assert_eq!(
        amount(&root, "toimintakate", "TP2022"),
        "\u{2212}28,726,249"
    );
    assert_eq!(text(&root, "button[aria-pressed='true']"), "English");
    click(&root, "button[lang='fi']").await;
    assert_eq!(
        text(&root, "tr[data-line='toimintakate'] th"),
        "Toimintakate"
    );
}

#[wasm_bindgen_test]
async fn the_view_lives_in_the_url_and_a_link_reopens_it() {
    let root = mount().await;
    click(&root, "button[data-node='yhteiset_palvelut']").await;
    click(&root, "#view-toteuma").await;
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#/toteuma/heinola/yhteiset_palvelut?lang=fi");
    // Sorted by the size of the variance, Palvelujen ostot (−582 747: less spent than
    // budgeted) comes first.
    click(&root, "#sort-deviation").await;
    let first = root
        .query_selector(".follow-up-table tbody tr")
        .unwrap()
        .unwrap();
    assert_eq!(
        first.get_attribute("data-line").as_deref(),
        Some("palvelujen_ostot")
    );
    assert!(
        first
            .text_content()
            .unwrap()
            .contains("parempi kuin talousarvio")
    );

    // A fresh app opened on a link shows that view, in that language, with that change pair.
    let window = web_sys::window().unwrap();
    let link = "#/taulukko/heinola/varhaiskasvatus?lang=sv&base=TA2024&target=TS2026";
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(link))
        .unwrap();
    let document = window.document().unwrap();
    let other = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&other).unwrap();
    std::mem::forget(raami::ui::start_in(other.clone()));
    yew::scheduler::flush().await;
    assert_eq!(text(&other, "h1"), "Varhaiskasvatus");
    assert_eq!(
        text(&other, "tr[data-line='toimintakate'] th"),
        "Verksamhetsbidrag"
    );
    // Toimintakate TA 2024 −7 913 900 → TS 2026 −8 232 700: −318 800.
    assert_eq!(
        cell(&other, "toimintakate", "change"),
        "\u{2212}318\u{a0}800"
    );
}

#[wasm_bindgen_test]
async fn the_goals_view_counts_statuses_per_aim() {
    let root = mount().await;
    click(&root, "button[data-node='yhteiset_palvelut']").await;
    click(&root, "#view-tavoitteet").await;
    assert_eq!(text(&root, "#goals-heading"), "Yhteiset palvelut");
    // Seed 003: six goals met and two partly, two per strategic aim.
    assert_eq!(
        text(&root, ".status-table tfoot td[data-status='met']"),
        "6"
    );
    assert_eq!(
        text(&root, ".status-table tfoot td[data-status='partly']"),
        "2"
    );
    assert_eq!(text(&root, ".status-table tfoot td[data-col='total']"), "8");
    assert_eq!(root.query_selector_all(".goals-table").unwrap().length(), 2);
    click(&root, "button[lang='en']").await;
    assert!(text(&root, ".status-table thead").contains("Partly met"));
}

#[wasm_bindgen_test]
async fn the_waterfall_shows_the_chosen_column_and_keeps_it_in_the_link() {
    let root = mount().await;
    // Seed 004, TS 2026 by default: Toimintakate −32 103 800.
    assert_eq!(
        text(
            &root,
            ".waterfall-chart tr[data-step='toimintakate'] td[data-col='step']"
        ),
        "\u{2212}32\u{a0}103\u{a0}800"
    );
    choose(&root, "#waterfall-column", "TA2023").await;
    assert_eq!(
        text(
            &root,
            ".waterfall-chart tr[data-step='toimintakate'] td[data-col='step']"
        ),
        "\u{2212}29\u{a0}962\u{a0}900"
    );
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains("col=TA2023"), "{hash}");
}
