//! What the readers of real budget books decide and skip beyond the basic detections and
//! warnings of [`super`]: header cells whose year or kind came from the document, printed
//! columns that are computed and not stored, units, signs, the Poikkeama convention, and
//! tables or rows that could not be read. Each in Finnish, Swedish and English.

use serde::{Deserialize, Serialize};

use super::columns::OpenCell;
use crate::i18n::Lang;

/// A decision about a table, shown in the import summary and by `raami check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableDetection {
    /// A header cell whose kind or year was taken from the document or a sibling column.
    Settled {
        cell: String,
        column: String,
        source: String,
    },
    /// Printed columns that are computed from the others; read past, not stored.
    DerivedColumns { table: String, names: Vec<String> },
    /// The unit a table states, and the scale its figures were multiplied by.
    Unit {
        table: String,
        stated: String,
        scale: u32,
    },
    /// Minus signs printed on a line of their own above their figures, joined to them.
    DetachedMinus { table: String, signs: usize },
    /// A table that prints its expenses without a sign; they were made negative.
    ExpensesUnsigned { table: String, lines: usize },
    /// The table prints Poikkeama as Toteuma − budget (the opposite of TA − Toteuma).
    PoikkeamaActualMinusBudget { table: String, budget: String },
    /// Labels broken over two lines, joined.
    JoinedLabels { table: String, rows: usize },
    /// A table copied from a web page, its cells run together: `rows` rows split by the
    /// shape of their figures, `placed` of them placed in their columns by the one space
    /// each empty cell left.
    GluedCells {
        table: String,
        rows: usize,
        placed: usize,
    },
    /// An `Ehdotus` (proposal) column beside the budget: read past, not stored.
    ProposalColumn { table: String },
}

impl TableDetection {
    /// The table the decision is about, where it names one.
    pub fn table(&self) -> Option<&str> {
        match self {
            Self::Settled { .. } => None,
            Self::DerivedColumns { table, .. }
            | Self::Unit { table, .. }
            | Self::DetachedMinus { table, .. }
            | Self::ExpensesUnsigned { table, .. }
            | Self::PoikkeamaActualMinusBudget { table, .. }
            | Self::JoinedLabels { table, .. }
            | Self::GluedCells { table, .. }
            | Self::ProposalColumn { table } => Some(table),
        }
    }

    /// The same decision about another table.
    fn in_table(&self, name: &str) -> Self {
        let mut other = self.clone();
        match &mut other {
            Self::Settled { .. } => {}
            Self::DerivedColumns { table, .. }
            | Self::Unit { table, .. }
            | Self::DetachedMinus { table, .. }
            | Self::ExpensesUnsigned { table, .. }
            | Self::PoikkeamaActualMinusBudget { table, .. }
            | Self::JoinedLabels { table, .. }
            | Self::GluedCells { table, .. }
            | Self::ProposalColumn { table } => *table = name.to_string(),
        }
        other
    }

    /// Whether this is the decision `other` is, for another table.
    pub fn same_as(&self, other: &TableDetection) -> bool {
        self.table().is_some() && other.table().is_some_and(|t| self.in_table(t) == *other)
    }

    /// The message for the first of several tables the same was decided for, the others
    /// named after it.
    pub fn message_for_all(&self, others: &[&str], lang: Lang) -> String {
        let message = self.message(lang);
        if others.is_empty() {
            return message;
        }
        let (open, close) = if lang == Lang::En {
            ('“', '”')
        } else {
            ('”', '”')
        };
        let names = others
            .iter()
            .map(|t| format!("{open}{t}{close}"))
            .collect::<Vec<_>>()
            .join(", ");
        match lang {
            Lang::Fi => format!("{message} – samoin taulukoissa {names}"),
            Lang::Sv => format!("{message} – likaså i tabellerna {names}"),
            Lang::En => format!("{message} – likewise in {names}"),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Self::Settled {
                    cell,
                    column,
                    source,
                },
                Lang::Fi,
            ) => {
                format!("otsikon solu ”{cell}” luettiin sarakkeeksi {column} ({source})")
            }
            (
                Self::Settled {
                    cell,
                    column,
                    source,
                },
                Lang::Sv,
            ) => {
                format!("rubrikcellen ”{cell}” lästes som kolumnen {column} ({source})")
            }
            (
                Self::Settled {
                    cell,
                    column,
                    source,
                },
                Lang::En,
            ) => {
                format!("the header cell “{cell}” was read as the column {column} ({source})")
            }
            (Self::DerivedColumns { table, names }, Lang::Fi) => format!(
                "taulukon ”{table}” sarakkeet {} ovat laskettuja: ne luettiin ohi eikä niitä tallennettu",
                names.join(", ")
            ),
            (Self::DerivedColumns { table, names }, Lang::Sv) => format!(
                "kolumnerna {} i tabellen ”{table}” är beräknade: de lästes förbi och sparades inte",
                names.join(", ")
            ),
            (Self::DerivedColumns { table, names }, Lang::En) => format!(
                "the columns {} of “{table}” are computed: read past and not stored",
                names.join(", ")
            ),
            (
                Self::Unit {
                    table,
                    stated,
                    scale,
                },
                Lang::Fi,
            ) => match scale {
                1 => format!("taulukon ”{table}” yksikkö on ”{stated}”: luvut ovat euroja"),
                s => format!(
                    "taulukon ”{table}” yksikkö on ”{stated}”: luvut kerrottiin {}:lla",
                    group(*s)
                ),
            },
            (
                Self::Unit {
                    table,
                    stated,
                    scale,
                },
                Lang::Sv,
            ) => match scale {
                1 => format!("enheten i tabellen ”{table}” är ”{stated}”: talen är euro"),
                s => format!(
                    "enheten i tabellen ”{table}” är ”{stated}”: talen multiplicerades med {}",
                    group(*s)
                ),
            },
            (
                Self::Unit {
                    table,
                    stated,
                    scale,
                },
                Lang::En,
            ) => match scale {
                1 => format!("the unit of “{table}” is “{stated}”: the figures are euros"),
                s => format!(
                    "the unit of “{table}” is “{stated}”: the figures were multiplied by {}",
                    group(*s).replace('\u{a0}', ",")
                ),
            },
            (Self::DetachedMinus { table, signs }, Lang::Fi) => format!(
                "taulukossa ”{table}” {signs} miinusmerkkiä oli omalla rivillään lukunsa yläpuolella; ne liitettiin lukuihinsa"
            ),
            (Self::DetachedMinus { table, signs }, Lang::Sv) => format!(
                "i tabellen ”{table}” stod {signs} minustecken på en egen rad ovanför sitt tal; de fogades till talen"
            ),
            (Self::DetachedMinus { table, signs }, Lang::En) => format!(
                "in “{table}”, {signs} minus signs stood on a line of their own above their figures; they were joined to them"
            ),
            (Self::ExpensesUnsigned { table, lines }, Lang::Fi) => format!(
                "taulukko ”{table}” esittää kulut ilman etumerkkiä ({lines} kuluriviä, ei yhtään negatiivista, ja välisummat täsmäävät vain kuluina): ne muutettiin negatiivisiksi"
            ),
            (Self::ExpensesUnsigned { table, lines }, Lang::Sv) => format!(
                "tabellen ”{table}” visar kostnaderna utan tecken ({lines} kostnadsrader, ingen negativ, och delsummorna stämmer bara som kostnader): de gjordes negativa"
            ),
            (Self::ExpensesUnsigned { table, lines }, Lang::En) => format!(
                "“{table}” prints its expenses unsigned ({lines} expense lines, none negative, and the subtotals add up only as expenses): they were made negative"
            ),
            (Self::PoikkeamaActualMinusBudget { table, budget }, Lang::Fi) => format!(
                "taulukko ”{table}” esittää Poikkeaman muodossa Toteuma − {budget}; se tarkistettiin sen mukaan (Raami näyttää Poikkeaman muodossa {budget} − Toteuma)"
            ),
            (Self::PoikkeamaActualMinusBudget { table, budget }, Lang::Sv) => format!(
                "tabellen ”{table}” visar Avvikelse som Utfall − {budget}; den kontrollerades så (Raami visar Avvikelse som {budget} − Utfall)"
            ),
            (Self::PoikkeamaActualMinusBudget { table, budget }, Lang::En) => format!(
                "“{table}” prints Poikkeama as actual − {budget}; it was checked as such (Raami shows Poikkeama as {budget} − actual)"
            ),
            (Self::JoinedLabels { table, rows }, Lang::Fi) => format!(
                "taulukossa ”{table}” {rows} rivin nimi jatkui seuraavalle riville; nimet yhdistettiin"
            ),
            (Self::JoinedLabels { table, rows }, Lang::Sv) => format!(
                "i tabellen ”{table}” fortsatte {rows} radnamn på nästa rad; de fogades ihop"
            ),
            (Self::JoinedLabels { table, rows }, Lang::En) => {
                format!("in “{table}”, {rows} row names went on to the next line; they were joined")
            }
            (
                Self::GluedCells {
                    table,
                    rows,
                    placed,
                },
                lang,
            ) => {
                let (what, spaces) = match lang {
                    Lang::Fi => (
                        format!(
                            "taulukon ”{table}” solut olivat kiinni toisissaan (verkkosivulta kopioitu taulukko): {rows} rivin luvut erotettiin niiden numeroryhmistä ja desimaaleista"
                        ),
                        format!(
                            "; {placed} rivillä tyhjien solujen paikat luettiin niiden jättämistä välilyönneistä"
                        ),
                    ),
                    Lang::Sv => (
                        format!(
                            "cellerna i tabellen ”{table}” satt ihop (en tabell kopierad från en webbsida): talen på {rows} rader skildes åt med sina siffergrupper och decimaler"
                        ),
                        format!(
                            "; på {placed} rader lästes de tomma cellernas platser av mellanslagen de lämnade"
                        ),
                    ),
                    Lang::En => (
                        format!(
                            "the cells of “{table}” ran together (a table copied from a web page): the figures of {rows} rows were told apart by their digit groups and decimals"
                        ),
                        format!(
                            "; on {placed} rows the places of empty cells were read from the spaces they left"
                        ),
                    ),
                };
                if *placed > 0 { what + &spaces } else { what }
            }
            (Self::ProposalColumn { table }, Lang::Fi) => format!(
                "taulukon ”{table}” Ehdotus-sarake (talousarvioehdotus) luettiin ohi: Raami tallentaa valtuuston päättämän talousarvion"
            ),
            (Self::ProposalColumn { table }, Lang::Sv) => format!(
                "kolumnen Förslag i tabellen ”{table}” (budgetförslaget) lästes förbi: Raami sparar budgeten som fullmäktige beslutat"
            ),
            (Self::ProposalColumn { table }, Lang::En) => format!(
                "the Ehdotus (proposal) column of “{table}” was read past: Raami keeps the budget the council decided"
            ),
        }
    }
}

/// Something a table reader could not read, shown with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableWarning {
    /// Two figures of a laid-out row stand under one header column.
    TwoUnderOne { label: String, column: String },
    /// A header whose cell leaves its year or kind open; its table was not read.
    OpenHeader { cell: String, open: OpenCell },
    /// A table found whose rows were all skipped or that has none; `unknown` of them named
    /// no statement line (the first of them given): a table of key figures, capacities or
    /// staff, not of the income statement. Its rows are not listed one by one.
    NoRowsRead {
        table: String,
        #[serde(default)]
        unknown: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first: Option<String>,
    },
    /// A `Josta …` (of which) row: a breakdown of the row above it, no part of any sum.
    OfWhich { label: String },
    /// `Tulot`, `Menot`, `Netto` in a table of a budget part (Tuloslaskelmaosa,
    /// Rahoitusosa): the part's totals, not the operating lines those words mean elsewhere.
    PartTotal { label: String, table: String },
}

impl TableWarning {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::TwoUnderOne { label, column }, Lang::Fi) => format!(
                "rivillä ”{label}” on kaksi lukua sarakkeen ”{column}” alla; rivi ohitettiin arvaamatta"
            ),
            (Self::TwoUnderOne { label, column }, Lang::Sv) => format!(
                "raden ”{label}” har två tal under kolumnen ”{column}”; raden hoppades över utan gissning"
            ),
            (Self::TwoUnderOne { label, column }, Lang::En) => format!(
                "“{label}” has two figures under the column “{column}”; the row was skipped rather than guessed"
            ),
            (Self::OpenHeader { cell, open }, lang) => open_header(cell, open, lang),
            (
                Self::NoRowsRead {
                    table,
                    unknown,
                    first,
                },
                lang,
            ) => match (first, lang) {
                (None, Lang::Fi) => format!("taulukosta ”{table}” ei luettu yhtään riviä"),
                (None, Lang::Sv) => format!("inga rader lästes ur tabellen ”{table}”"),
                (None, Lang::En) => format!("no row of “{table}” was read"),
                (Some(first), Lang::Fi) => format!(
                    "taulukosta ”{table}” ei luettu yhtään riviä: sen {unknown} riviä lukuineen eivät ole tuloslaskelman rivejä (ensimmäinen ”{first}”), joten se ei ole tuloslaskelman taulukko"
                ),
                (Some(first), Lang::Sv) => format!(
                    "inga rader lästes ur tabellen ”{table}”: dess {unknown} rader med tal är inga rader i resultaträkningen (den första ”{first}”), så den är ingen resultaträkningstabell"
                ),
                (Some(first), Lang::En) => format!(
                    "no row of “{table}” was read: its {unknown} rows with figures are no income statement lines (the first “{first}”), so it is no income statement table"
                ),
            },
            (Self::OfWhich { label }, Lang::Fi) => format!(
                "rivi ”{label}” erittelee yläpuolellaan olevaa riviä eikä ole minkään summan osa; ohitettiin"
            ),
            (Self::OfWhich { label }, Lang::Sv) => format!(
                "raden ”{label}” specificerar raden ovanför och ingår inte i någon summa; hoppades över"
            ),
            (Self::OfWhich { label }, Lang::En) => {
                format!("“{label}” itemises the row above it and is part of no sum; skipped")
            }
            (Self::PartTotal { label, table }, Lang::Fi) => format!(
                "rivi ”{label}” on taulukon ”{table}” osan yhteissumma (verotulot, valtionosuudet, rahoituserät…), ei toimintatuottojen tai -kulujen rivi; ohitettiin"
            ),
            (Self::PartTotal { label, table }, Lang::Sv) => format!(
                "raden ”{label}” är totalen för delen ”{table}” (skatter, statsandelar, finansiella poster…), inte verksamhetens intäkter eller kostnader; hoppades över"
            ),
            (Self::PartTotal { label, table }, Lang::En) => format!(
                "“{label}” is the total of the budget part “{table}” (taxes, state aid, financial items…), not operating revenue or expenses; skipped"
            ),
        }
    }
}

/// Why a header cell stays open, and what would settle it.
pub fn open_header(cell: &str, open: &OpenCell, lang: Lang) -> String {
    match (open, lang) {
        (OpenCell::NoKind { year }, Lang::Fi) => format!(
            "otsikon solu ”{cell}” on pelkkä vuosi {year}, eikä asiakirjan otsikko kerro, onko se tilinpäätös (TP) vai talousarvio; taulukkoa ei luettu. Lisää otsikkoon laji (”TP {year}”) tai tiedoston nimeen ”tilinpaatos”, tai kohdista solu (kohdistus, --mapping)"
        ),
        (OpenCell::NoKind { year }, Lang::Sv) => format!(
            "rubrikcellen ”{cell}” är bara året {year}, och dokumentets rubrik säger inte om det är bokslut (BS) eller budget; tabellen lästes inte. Skriv slaget i rubriken (”TP {year}”) eller ”tilinpaatos” i filnamnet, eller mappa cellen (mappning, --mapping)"
        ),
        (OpenCell::NoKind { year }, Lang::En) => format!(
            "the header cell “{cell}” is a bare year {year}, and the document's title does not say whether it is a financial statement (TP) or a budget; the table was not read. Write the kind in the header (“TP {year}”) or “tilinpaatos” in the file name, or map the cell (mapping, --mapping)"
        ),
        (OpenCell::NoYear { kind }, Lang::Fi) => format!(
            "otsikon solu ”{cell}” on laji {} ilman vuotta, eikä vuotta kerro asiakirjan otsikko (”Tilinpäätös 2024”) eikä viereinen TP-sarake; taulukkoa ei luettu. Lisää vuosi otsikkoon tai tiedoston nimeen, tai kohdista solu (kohdistus, --mapping)",
            kind.code(Lang::Fi)
        ),
        (OpenCell::NoYear { kind }, Lang::Sv) => format!(
            "rubrikcellen ”{cell}” är slaget {} utan år, och året framgår varken av dokumentets rubrik (”Bokslut 2024”) eller av en bokslutskolumn bredvid; tabellen lästes inte. Skriv året i rubriken eller i filnamnet, eller mappa cellen (mappning, --mapping)",
            kind.code(Lang::Sv)
        ),
        (OpenCell::NoYear { kind }, Lang::En) => format!(
            "the header cell “{cell}” is the kind {} without a year, and neither the document's title (“Tilinpäätös 2024”) nor a TP column beside it gives the year; the table was not read. Add the year to the header or to the file name, or map the cell (mapping, --mapping)",
            kind.code(Lang::En)
        ),
    }
}

/// `1000` → `1 000` (no-break space), for messages.
fn group(value: u32) -> String {
    crate::numfmt::format_amount(rust_decimal::Decimal::from(value), 0, Lang::Fi)
}

/// Why a text gave no table, where it can be told: what the text has instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoTableCause {
    /// A statement line whose figures run into each other or into its name (text copied
    /// from a web page or a PDF without its spacing): no figure can be told from the next.
    RunTogether { sample: String },
    /// Statement lines named, but no figure anywhere (the figures were lost in copying).
    LabelsOnly { labels: Vec<String> },
    /// Statement lines with figures, but no header saying which year and kind they are.
    RowsWithoutHeader { sample: String },
    /// A budget visualisation's JSON (`tulot` and `menot` trees, e.g. `yksikko: "milj. €"`):
    /// its items are where money comes from and goes, investments and loans among them,
    /// not the income statement's lines, and its subtotals are not there.
    BudgetHierarchy {
        unit: Option<String>,
        /// Items that are no line of the income statement.
        other: Vec<String>,
        /// The statement's totals it does not give.
        missing: Vec<String>,
    },
}

/// Recognises a budget visualisation's JSON: an object with `tulot` or `menot` lists of
/// items with a name (`nimi`) and a value (`arvo`). `None` for anything else (a package).
pub fn budget_hierarchy(text: &str) -> Option<NoTableCause> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let object = value.as_object()?;
    if object.contains_key("format") {
        return None;
    }
    let items: Vec<&serde_json::Value> = ["tulot", "menot"]
        .iter()
        .filter_map(|key| object.get(*key)?.as_array())
        .flatten()
        .collect();
    if items.is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    let mut other = Vec::new();
    fn walk(
        item: &serde_json::Value,
        lines: &mut Vec<crate::model::Line>,
        other: &mut Vec<String>,
    ) {
        if let Some(name) = item.get("nimi").and_then(|n| n.as_str()) {
            match crate::model::Line::from_label(name) {
                Some(line) => lines.push(line),
                None => other.push(name.to_string()),
            }
        }
        for child in item
            .get("lapset")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            walk(child, lines, other);
        }
    }
    for item in items {
        walk(item, &mut lines, &mut other);
    }
    let missing = [
        crate::model::Line::Toimintakate,
        crate::model::Line::Vuosikate,
        crate::model::Line::TilikaudenTulos,
    ]
    .into_iter()
    .filter(|line| !lines.contains(line))
    .map(|line| line.name(Lang::Fi).to_string())
    .collect();
    Some(NoTableCause::BudgetHierarchy {
        unit: object
            .get("yksikko")
            .and_then(|u| u.as_str())
            .map(str::to_string),
        other,
        missing,
    })
}

impl NoTableCause {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::RunTogether { sample }, Lang::Fi) => format!(
                "luvut ovat kiinni toisissaan tai rivin nimessä (”{sample}”), joten yhtä lukua ei voi erottaa seuraavasta; kopioi teksti niin, että sarakkeiden välit säilyvät (esimerkiksi pdftotext -layout), tai käytä taulukkoa (CSV, XLSX)"
            ),
            (Self::RunTogether { sample }, Lang::Sv) => format!(
                "talen sitter ihop med varandra eller med radens namn (”{sample}”), så ett tal kan inte skiljas från nästa; kopiera texten så att mellanrummen mellan kolumnerna bevaras (till exempel pdftotext -layout), eller använd en tabell (CSV, XLSX)"
            ),
            (Self::RunTogether { sample }, Lang::En) => format!(
                "the figures run into each other or into the line's name (“{sample}”), so no figure can be told from the next; copy the text so that the gaps between columns stay (for example pdftotext -layout), or use a table (CSV, XLSX)"
            ),
            (Self::LabelsOnly { labels }, Lang::Fi) => format!(
                "tekstissä on tuloslaskelman rivien nimiä ({}), mutta ei yhtään lukua: luvut ovat kadonneet kopioitaessa",
                labels.join(", ")
            ),
            (Self::LabelsOnly { labels }, Lang::Sv) => format!(
                "texten har namn på resultaträkningens poster ({}), men inga tal: talen försvann när texten kopierades",
                labels.join(", ")
            ),
            (Self::LabelsOnly { labels }, Lang::En) => format!(
                "the text names income-statement lines ({}), but has no figure: the figures were lost in copying",
                labels.join(", ")
            ),
            (Self::RowsWithoutHeader { sample }, Lang::Fi) => format!(
                "tekstissä on rivi lukuineen (”{sample}”), mutta ei otsikkoriviä, joka kertoisi lukujen vuoden ja lajin (”TP 2024”, ”Talousarvio 2025”); lisää otsikkorivi taulukon yläpuolelle"
            ),
            (Self::RowsWithoutHeader { sample }, Lang::Sv) => format!(
                "texten har en rad med tal (”{sample}”), men ingen rubrikrad som anger talens år och slag (”TP 2024”, ”Talousarvio 2025”); lägg till en rubrikrad ovanför tabellen"
            ),
            (
                Self::BudgetHierarchy {
                    unit,
                    other,
                    missing,
                },
                Lang::Fi,
            ) => format!(
                "tiedosto on talousarvion visualisoinnin JSON (tulot ja menot{}), ei tuloslaskelma: sen eristä {} eivät ole tuloslaskelman rivejä, ja siitä puuttuvat {}; Raami ei laske niistä tuloslaskelmaa arvaamalla. Tuo tuloslaskelma tilinpäätöksestä tai talousarviosta",
                unit.as_ref()
                    .map(|u| format!(", yksikkö {u}"))
                    .unwrap_or_default(),
                other.join(", "),
                missing.join(", ")
            ),
            (
                Self::BudgetHierarchy {
                    unit,
                    other,
                    missing,
                },
                Lang::Sv,
            ) => format!(
                "filen är en budgetvisualiserings JSON (inkomster och utgifter{}), ingen resultaträkning: posterna {} är inga poster i resultaträkningen, och {} saknas; Raami räknar inte fram en resultaträkning genom att gissa. Hämta resultaträkningen ur bokslutet eller budgeten",
                unit.as_ref()
                    .map(|u| format!(", enhet {u}"))
                    .unwrap_or_default(),
                other.join(", "),
                missing.join(", ")
            ),
            (
                Self::BudgetHierarchy {
                    unit,
                    other,
                    missing,
                },
                Lang::En,
            ) => format!(
                "the file is a budget visualisation's JSON (income and spending{}), not an income statement: its items {} are no lines of the statement, and {} are missing; Raami does not make a statement of them by guessing. Import the income statement of the financial statement or budget instead",
                unit.as_ref()
                    .map(|u| format!(", unit {u}"))
                    .unwrap_or_default(),
                other.join(", "),
                missing.join(", ")
            ),
            (Self::RowsWithoutHeader { sample }, Lang::En) => format!(
                "the text has a line with figures (“{sample}”), but no header saying their year and kind (“TP 2024”, “Talousarvio 2025”); add a header line above the table"
            ),
        }
    }
}
