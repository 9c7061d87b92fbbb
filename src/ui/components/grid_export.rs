//! The two downloads of a view's tables as they are shown ([`crate::export::Grid`]): CSV
//! for Finnish Excel, made on the page, and an XLSX workbook (a sheet a table), made in the
//! worker.

use std::rc::Rc;

use yew::prelude::*;

use crate::export::{About, Grid};
use crate::i18n::{Lang, pick};
use crate::model::Dataset;
use crate::protocol::WorkbookRequest;

#[derive(Properties, PartialEq)]
pub struct GridExportProps {
    pub lang: Lang,
    /// The view's tables, in the order shown.
    pub grids: Rc<Vec<Grid>>,
    /// The files' name without its extension.
    pub file: String,
    /// The dataset the table is of (its name, source and notes go into the workbook).
    pub dataset: Rc<Dataset>,
    pub about: Callback<(), About>,
    pub on_workbook: Callback<(WorkbookRequest, String)>,
    /// The buttons' ids: `export-csv{suffix}`, `export-xlsx{suffix}`.
    #[prop_or_default]
    pub suffix: String,
}

#[component]
pub fn GridExport(props: &GridExportProps) -> Html {
    let lang = props.lang;
    let on_csv = {
        let (grids, name) = (props.grids.clone(), format!("{}.csv", props.file));
        Callback::from(move |_: MouseEvent| {
            let text = format!("\u{feff}{}", crate::export::grids_csv(&grids, lang));
            crate::ui::io::download(&name, &text, "text/csv;charset=utf-8");
        })
    };
    let on_xlsx = {
        let (grids, name) = (props.grids.clone(), format!("{}.xlsx", props.file));
        let (about, on_workbook, dataset) = (
            props.about.clone(),
            props.on_workbook.clone(),
            props.dataset.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let request = WorkbookRequest {
                // The table is in the grid: the dataset goes for its name and source only.
                dataset: Dataset {
                    figures: Default::default(),
                    ..Dataset::clone(&dataset)
                },
                nodes: Vec::new(),
                change: None,
                about: about.emit(()),
                lang,
                grids: Vec::clone(&grids),
                views: false,
            };
            on_workbook.emit((request, name.clone()));
        })
    };
    html! {
        <div class="export">
            <button type="button" class="button" id={format!("export-csv{}", props.suffix)} onclick={on_csv}>{ pick(lang, "Lataa taulukko CSV-tiedostona (Excel)", "Ladda ner tabellen som CSV (Excel)", "Download the table as CSV (Excel)") }</button>
            <button type="button" class="button" id={format!("export-xlsx{}", props.suffix)} onclick={on_xlsx}>{ pick(lang, "Lataa Excel-työkirjana (XLSX)", "Ladda ner som Excel-arbetsbok (XLSX)", "Download as an Excel workbook (XLSX)") }</button>
        </div>
    }
}
