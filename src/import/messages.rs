//! What the importers say, in the user's language: each detection, warning and error as a
//! sentence (Finnish, Swedish, English), naming the file, line or cell, what was found and
//! what was expected.

use super::*;

/// The import's detections as the summary lists them: a decision taken alike for several
/// tables of a file (their unit, the columns read past) is said once, naming them all.
pub fn detection_messages(detections: &[Detection], lang: Lang) -> Vec<String> {
    let mut said = vec![false; detections.len()];
    let mut out = Vec::new();
    for (index, detection) in detections.iter().enumerate() {
        if said[index] {
            continue;
        }
        said[index] = true;
        let Detection::Book(first) = detection else {
            out.push(detection.message(lang));
            continue;
        };
        // A decision that names no table (a header cell settled from the document's title)
        // taken alike in several tables is said once, with how many.
        if first.table().is_none() {
            let mut times = 1;
            for (later, other) in detections.iter().enumerate().skip(index + 1) {
                if !said[later] && other == detection {
                    said[later] = true;
                    times += 1;
                }
            }
            let message = first.message(lang);
            out.push(match (times, lang) {
                (1, _) => message,
                (n, Lang::Fi) => format!("{message} – sama {n} taulukossa"),
                (n, Lang::Sv) => format!("{message} – samma i {n} tabeller"),
                (n, Lang::En) => format!("{message} – the same in {n} tables"),
            });
            continue;
        }
        let mut others = Vec::new();
        for (later, other) in detections.iter().enumerate().skip(index + 1) {
            if let Detection::Book(other) = other
                && !said[later]
                && first.same_as(other)
                && let Some(table) = other.table()
            {
                said[later] = true;
                others.push(table);
            }
        }
        out.push(first.message_for_all(&others, lang));
    }
    out
}

impl Detection {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Detection::Book(detection), lang) => detection.message(lang),
            (Detection::Encoding(e), Lang::Fi) => format!("merkistö: {e}"),
            (Detection::Encoding(e), Lang::Sv) => format!("teckenkodning: {e}"),
            (Detection::Encoding(e), Lang::En) => format!("encoding: {e}"),
            (
                Detection::Table {
                    name,
                    columns,
                    rows,
                    line,
                    page,
                },
                lang,
            ) => {
                let line = at(*page, *line, lang);
                let columns = columns
                    .iter()
                    .map(|c| c.label(lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                match lang {
                    Lang::Fi => {
                        format!("taulukko ”{name}” ({line}): {rows} riviä, sarakkeet {columns}")
                    }
                    Lang::Sv => {
                        format!("tabell ”{name}” ({line}): {rows} rader, kolumner {columns}")
                    }
                    Lang::En => {
                        format!("table “{name}” ({line}): {rows} rows, columns {columns}")
                    }
                }
            }
            (
                Detection::KeptApart {
                    name,
                    as_name,
                    reason,
                    line,
                    page,
                },
                lang,
            ) => {
                let at = at(*page, *line, lang);
                let why = match (reason, lang) {
                    (ApartReason::Differ, Lang::Fi) => {
                        "luvut eroavat samannimisen taulukon luvuista"
                    }
                    (ApartReason::Differ, Lang::Sv) => {
                        "talen skiljer sig från talen i en tabell med samma namn"
                    }
                    (ApartReason::Differ, Lang::En) => {
                        "figures differ from those of a table of the same name"
                    }
                    (ApartReason::NothingInCommon, Lang::Fi) => {
                        "sarakkeet ovat toiset kuin samannimisen taulukon eikä niillä ole yhteistä lukua"
                    }
                    (ApartReason::NothingInCommon, Lang::Sv) => {
                        "kolumnerna är andra än i en tabell med samma namn och inget tal är gemensamt"
                    }
                    (ApartReason::NothingInCommon, Lang::En) => {
                        "columns are other than those of a table of the same name, with no figure in common"
                    }
                };
                match lang {
                    Lang::Fi => format!(
                        "taulukon ”{name}” ({at}) {why}, joten se on eri yksikön taulukko: se luettiin yksiköksi ”{as_name}”"
                    ),
                    Lang::Sv => format!(
                        "i tabellen ”{name}” ({at}) {why}, så den hör till en annan enhet: den lästes som enheten ”{as_name}”"
                    ),
                    Lang::En => format!(
                        "the table “{name}” ({at}): its {why}, so it is another unit's table: it was read as the unit “{as_name}”"
                    ),
                }
            }
            (Detection::Merged { name, tables }, Lang::Fi) => {
                format!("{tables} taulukkoa nimeltä ”{name}” yhdistettiin yhdeksi yksiköksi")
            }
            (Detection::Merged { name, tables }, Lang::Sv) => {
                format!("{tables} tabeller med namnet ”{name}” slogs ihop till en enhet")
            }
            (Detection::Merged { name, tables }, Lang::En) => {
                format!("{tables} tables named “{name}” were merged into one unit")
            }
            (Detection::UnitStatedButEuros { stated, largest }, Lang::Fi) => format!(
                "otsikossa lukee ”{stated}”, mutta luvut ovat kokonaisia euroja (suurin {}); lukuja ei skaalattu",
                crate::numfmt::format_eur(*largest, lang)
            ),
            (Detection::UnitStatedButEuros { stated, largest }, Lang::Sv) => format!(
                "rubriken anger ”{stated}”, men talen är hela euro (största {}); talen skalades inte",
                crate::numfmt::format_eur(*largest, lang)
            ),
            (Detection::UnitStatedButEuros { stated, largest }, Lang::En) => format!(
                "the header says “{stated}”, but the figures are whole euros (largest {}); they were not rescaled",
                crate::numfmt::format_eur(*largest, lang)
            ),
            (Detection::UnitThousands { stated }, Lang::Fi) => {
                format!("otsikossa lukee ”{stated}”: luvut kerrottiin 1 000:lla euroiksi")
            }
            (Detection::UnitThousands { stated }, Lang::Sv) => {
                format!("rubriken anger ”{stated}”: talen multiplicerades med 1 000 till euro")
            }
            (Detection::UnitThousands { stated }, Lang::En) => {
                format!("the header says “{stated}”: figures were multiplied by 1,000 into euros")
            }
            (
                Detection::Units {
                    parent,
                    units,
                    from_year,
                },
                lang,
            ) => {
                let since = match (from_year, lang) {
                    (Some(y), Lang::Fi) => {
                        format!(" vuodesta {y} alkaen (aiempien vuosien luvut eivät summaudu)")
                    }
                    (Some(y), Lang::Sv) => format!(" från år {y} (tidigare års tal summerar inte)"),
                    (Some(y), Lang::En) => {
                        format!(" from {y} on (earlier years' figures do not add up)")
                    }
                    (None, _) => String::new(),
                };
                match lang {
                    Lang::Fi => format!(
                        "taulukot {} summautuvat taulukkoon ”{parent}”: ne ovat sen alayksiköitä{since}",
                        units.join(", ")
                    ),
                    Lang::Sv => format!(
                        "tabellerna {} summerar till ”{parent}”: de är dess underenheter{since}",
                        units.join(", ")
                    ),
                    Lang::En => format!(
                        "tables {} add up to “{parent}”: they are its units{since}",
                        units.join(", ")
                    ),
                }
            }
            (Detection::ColumnNote { kind, year }, Lang::Fi) => {
                let column = format!("{} {year}", kind.code(lang));
                format!("taulukon alla oleva huomautus liitettiin sarakkeeseen {column}")
            }
            (Detection::ColumnNote { kind, year }, Lang::Sv) => {
                let column = format!("{} {year}", kind.code(lang));
                format!("anmärkningen under tabellen knöts till kolumnen {column}")
            }
            (Detection::ColumnNote { kind, year }, Lang::En) => {
                let column = format!("{} {year}", kind.code(lang));
                format!("the note under the table was attached to column {column}")
            }
            (Detection::SplitBySubtotals { row, line, page }, lang) => {
                let line = at(*page, *line, lang);
                match lang {
                    Lang::Fi => {
                        format!("rivin ”{row}” ({line}) luvut erotettiin välisummien avulla")
                    }
                    Lang::Sv => {
                        format!(
                            "talen på raden ”{row}” ({line}) delades upp med hjälp av delsummorna"
                        )
                    }
                    Lang::En => {
                        format!(
                            "the numbers of the row “{row}” ({line}) were split using the subtotals"
                        )
                    }
                }
            }
            (Detection::Delimiter(d), lang) => {
                let name = match (d, lang) {
                    (';', Lang::Fi) => "puolipiste".to_string(),
                    (';', Lang::Sv) => "semikolon".to_string(),
                    (';', Lang::En) => "semicolon".to_string(),
                    (',', Lang::Fi) => "pilkku".to_string(),
                    (',', Lang::Sv) => "komma".to_string(),
                    (',', Lang::En) => "comma".to_string(),
                    ('\t', Lang::Fi) => "sarkain".to_string(),
                    ('\t', Lang::Sv) => "tabb".to_string(),
                    ('\t', Lang::En) => "tab".to_string(),
                    (other, _) => format!("”{other}”"),
                };
                match lang {
                    Lang::Fi => format!("erotin: {name}"),
                    Lang::Sv => format!("avgränsare: {name}"),
                    Lang::En => format!("delimiter: {name}"),
                }
            }
            (Detection::Numbers { decimal, group }, lang) => {
                let group = group.map_or_else(|| " ".to_string(), |g| g.to_string());
                match lang {
                    Lang::Fi => {
                        format!("luvut: desimaalierotin ”{decimal}”, tuhaterotin ”{group}”")
                    }
                    Lang::Sv => {
                        format!("tal: decimaltecken ”{decimal}”, tusentalsavgränsare ”{group}”")
                    }
                    Lang::En => {
                        format!("numbers: decimal separator “{decimal}”, group separator “{group}”")
                    }
                }
            }
            (Detection::HeaderRow { line }, Lang::Fi) => format!("otsikkorivi: rivi {line}"),
            (Detection::HeaderRow { line }, Lang::Sv) => format!("rubrikrad: rad {line}"),
            (Detection::HeaderRow { line }, Lang::En) => format!("header: line {line}"),
            (Detection::Layout { long: false }, Lang::Fi) => {
                "muoto: leveä (sarake kullekin vuodelle ja lajille)".to_string()
            }
            (Detection::Layout { long: false }, Lang::Sv) => {
                "form: bred (en kolumn per år och slag)".to_string()
            }
            (Detection::Layout { long: false }, Lang::En) => {
                "layout: wide (a column per year and kind)".to_string()
            }
            (Detection::Layout { long: true }, Lang::Fi) => {
                "muoto: pitkä (rivi kullekin luvulle)".to_string()
            }
            (Detection::Layout { long: true }, Lang::Sv) => {
                "form: lång (en rad per tal)".to_string()
            }
            (Detection::Layout { long: true }, Lang::En) => {
                "layout: long (a row per figure)".to_string()
            }
            (Detection::Accounts { rows }, Lang::Fi) => format!(
                "{rows} tilinumeroriviä laskettiin yhteen tuloslaskelman riveiksi (JHS 192)"
            ),
            (Detection::Accounts { rows }, Lang::Sv) => {
                format!("{rows} kontorader summerades till resultaträkningens poster (JHS 192)")
            }
            (Detection::Accounts { rows }, Lang::En) => {
                format!("{rows} account rows were added up into income-statement lines (JHS 192)")
            }
            (Detection::ExpensesPositive { positive, negative }, Lang::Fi) => format!(
                "kulut on esitetty positiivisina ({positive} positiivista, {negative} negatiivista): ne muutettiin negatiivisiksi"
            ),
            (Detection::ExpensesPositive { positive, negative }, Lang::Sv) => format!(
                "kostnaderna anges som positiva ({positive} positiva, {negative} negativa): de gjordes negativa"
            ),
            (Detection::ExpensesPositive { positive, negative }, Lang::En) => format!(
                "expenses are given positive ({positive} positive, {negative} negative): they were made negative"
            ),
            (Detection::Extract { not_computed }, lang) => {
                let lines = |lines: &[crate::model::Line]| {
                    lines
                        .iter()
                        .map(|l| l.name(lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let first = match lang {
                    Lang::Fi => {
                        "luvut luettiin KTAS-solukoodeista: tiedosto on poiminta ilmoituksen soluista, joten rivi, jota siinä ei ole, on tuntematon eikä nolla"
                    }
                    Lang::Sv => {
                        "talen lästes ur KTAS-cellkoderna: filen är ett urval av rapportens celler, så en post som saknas är okänd och inte noll"
                    }
                    Lang::En => {
                        "figures were read by their KTAS cell codes: the file is a selection of a filing's cells, so a line it lacks is unknown, not zero"
                    }
                };
                let rest: Vec<String> = not_computed
                    .iter()
                    .map(|(line, missing)| match lang {
                        Lang::Fi => format!(
                            "{} jäi laskematta (puuttuu: {})",
                            line.name(lang),
                            lines(missing)
                        ),
                        Lang::Sv => format!(
                            "{} räknades inte ut (saknas: {})",
                            line.name(lang),
                            lines(missing)
                        ),
                        Lang::En => format!(
                            "{} not computed (missing: {})",
                            line.name(lang),
                            lines(missing)
                        ),
                    })
                    .collect();
                if rest.is_empty() {
                    first.to_string()
                } else {
                    format!("{first}; {}", rest.join("; "))
                }
            }
            (Detection::Sheet { name, sheets }, Lang::Fi) => {
                format!("taulukko ”{name}” (työkirjassa: {})", sheets.join(", "))
            }
            (Detection::Sheet { name, sheets }, Lang::Sv) => {
                format!("bladet ”{name}” (i arbetsboken: {})", sheets.join(", "))
            }
            (Detection::Sheet { name, sheets }, Lang::En) => {
                format!("sheet “{name}” (the workbook has: {})", sheets.join(", "))
            }
            (
                Detection::CellTable {
                    kind,
                    count,
                    org,
                    line,
                    page,
                },
                lang,
            ) => {
                let line = at(*page, *line, lang);
                use cell_tables::CellTableKind::{Goals, Projects, Risks};
                let (table, rows) = match (kind, lang) {
                    (Goals, Lang::Fi) => ("tavoitetaulukko", "tavoiteriviä"),
                    (Projects, Lang::Fi) => ("hanketaulukko", "hanketta"),
                    (Risks, Lang::Fi) => ("riskitaulukko", "riskiä"),
                    (Goals, Lang::Sv) => ("måltabell", "målrader"),
                    (Projects, Lang::Sv) => ("projekttabell", "projekt"),
                    (Risks, Lang::Sv) => ("risktabell", "risker"),
                    (Goals, Lang::En) => ("goals table", "goal rows"),
                    (Projects, Lang::En) => ("projects table", "projects"),
                    (Risks, Lang::En) => ("risks table", "risks"),
                };
                match lang {
                    Lang::Fi => format!("{table} ({line}): {count} {rows} yksikölle ”{org}”"),
                    Lang::Sv => format!("{table} ({line}): {count} {rows} för ”{org}”"),
                    Lang::En => format!("{table} ({line}): {count} {rows} for “{org}”"),
                }
            }
        }
    }
}

/// `rivi 12`, or `s. 51, rivi 12` on a PDF's page, in the reader's language.
fn at(page: Option<u32>, line: usize, lang: Lang) -> String {
    let line = match lang {
        Lang::Fi => format!("rivi {line}"),
        Lang::Sv => format!("rad {line}"),
        Lang::En => format!("line {line}"),
    };
    match (page, lang) {
        (None, _) => line,
        (Some(p), Lang::Fi | Lang::Sv) => format!("s. {p}, {line}"),
        (Some(p), Lang::En) => format!("p. {p}, {line}"),
    }
}

impl Warning {
    pub fn message(&self, lang: Lang) -> String {
        let place = self.place.describe(lang);
        let what = match (&self.kind, lang) {
            (WarningKind::UnknownLine { label }, Lang::Fi) => {
                format!("rivi ”{label}” ei ole tunnettu tuloslaskelman rivi; ohitettiin")
            }
            (WarningKind::UnknownLine { label }, Lang::Sv) => {
                format!("raden ”{label}” är ingen känd post i resultaträkningen; hoppades över")
            }
            (WarningKind::UnknownLine { label }, Lang::En) => {
                format!("“{label}” is not a known income-statement line; skipped")
            }
            (WarningKind::OutsideStatement { code, kind, year }, lang) => {
                let name = ktas::other_codes()
                    .get(code)
                    .map_or(String::new(), |other| other.name(lang).to_string());
                let column = crate::model::Column::new(*kind, *year).label(lang);
                match lang {
                    Lang::Fi => format!(
                        "KTAS-koodi {code} on ”{name}” ({column}), joka ei kuulu tuloslaskelmaan; ei luettu"
                    ),
                    Lang::Sv => format!(
                        "KTAS-koden {code} är ”{name}” ({column}), som inte hör till resultaträkningen; lästes inte"
                    ),
                    Lang::En => format!(
                        "KTAS code {code} is “{name}” ({column}), which is not part of the income statement; not read"
                    ),
                }
            }
            (WarningKind::Unsplittable { label, expected }, Lang::Fi) => {
                format!("rivin ”{label}” lukuja ei voi jakaa {expected} sarakkeeseen; ohitettiin")
            }
            (WarningKind::Unsplittable { label, expected }, Lang::Sv) => format!(
                "talen på raden ”{label}” kan inte delas i {expected} kolumner; hoppades över"
            ),
            (WarningKind::Unsplittable { label, expected }, Lang::En) => {
                format!("the numbers of “{label}” cannot be split into {expected} columns; skipped")
            }
            (WarningKind::Ambiguous { label, candidates }, Lang::Fi) => format!(
                "rivin ”{label}” luvut voi jakaa {candidates} tavalla eikä välisummista selviä oikea; ohitettiin arvaamatta"
            ),
            (WarningKind::Ambiguous { label, candidates }, Lang::Sv) => format!(
                "talen på raden ”{label}” kan delas på {candidates} sätt och delsummorna avgör inte vilket; hoppades över utan gissning"
            ),
            (WarningKind::Ambiguous { label, candidates }, Lang::En) => format!(
                "the numbers of “{label}” split in {candidates} ways and the subtotals do not decide; skipped rather than guessed"
            ),
            (WarningKind::NotANumber { label, found }, Lang::Fi) => {
                format!("rivillä ”{label}” on ”{found}”, odotettiin lukua; ohitettiin")
            }
            (WarningKind::NotANumber { label, found }, Lang::Sv) => {
                format!("raden ”{label}” har ”{found}”, väntade ett tal; hoppades över")
            }
            (WarningKind::NotANumber { label, found }, Lang::En) => {
                format!("“{label}” has “{found}” where a number was expected; skipped")
            }
            (
                WarningKind::CellCount {
                    label,
                    found,
                    expected,
                },
                Lang::Fi,
            ) => format!(
                "rivillä ”{label}” on {found} lukua, otsikossa {expected} saraketta; ohitettiin"
            ),
            (
                WarningKind::CellCount {
                    label,
                    found,
                    expected,
                },
                Lang::Sv,
            ) => format!(
                "raden ”{label}” har {found} tal, rubriken {expected} kolumner; hoppades över"
            ),
            (
                WarningKind::CellCount {
                    label,
                    found,
                    expected,
                },
                Lang::En,
            ) => format!("“{label}” has {found} numbers, the header {expected} columns; skipped"),
            (
                WarningKind::DerivedMismatch {
                    label,
                    column,
                    printed,
                    computed,
                },
                Lang::Fi,
            ) => format!("”{label}”, {column}: painettu {printed}, luvuista laskettuna {computed}"),
            (
                WarningKind::DerivedMismatch {
                    label,
                    column,
                    printed,
                    computed,
                },
                Lang::Sv,
            ) => format!("”{label}”, {column}: tryckt {printed}, beräknat ur talen {computed}"),
            (
                WarningKind::DerivedMismatch {
                    label,
                    column,
                    printed,
                    computed,
                },
                Lang::En,
            ) => format!("“{label}”, {column}: printed {printed}, the figures give {computed}"),
            (
                WarningKind::Conflict {
                    label,
                    column,
                    kept,
                    other,
                },
                Lang::Fi,
            ) => format!(
                "”{label}”, {column}: luku on annettu kahdesti ({kept} ja {other}); ensimmäinen pidettiin"
            ),
            (
                WarningKind::Conflict {
                    label,
                    column,
                    kept,
                    other,
                },
                Lang::Sv,
            ) => format!(
                "”{label}”, {column}: talet anges två gånger ({kept} och {other}); det första behölls"
            ),
            (
                WarningKind::Conflict {
                    label,
                    column,
                    kept,
                    other,
                },
                Lang::En,
            ) => {
                format!("“{label}”, {column}: given twice ({kept} and {other}); the first was kept")
            }
            (WarningKind::SkippedColumn { header }, Lang::Fi) => {
                format!("sarakeotsikko ”{header}” ei ole vuosi ja laji; sarake ohitettiin")
            }
            (WarningKind::SkippedColumn { header }, Lang::Sv) => {
                format!("kolumnrubriken ”{header}” är inte år och slag; kolumnen hoppades över")
            }
            (WarningKind::SkippedColumn { header }, Lang::En) => {
                format!("column header “{header}” is no year and kind; the column was skipped")
            }
            (WarningKind::UnknownColumn { label, found }, Lang::Fi) => format!(
                "rivillä ”{label}” on vuosi ja laji ”{found}”, odotettiin esim. ”TA 2025”; ohitettiin"
            ),
            (WarningKind::UnknownColumn { label, found }, Lang::Sv) => format!(
                "raden ”{label}” har år och slag ”{found}”, väntade t.ex. ”TA 2025”; hoppades över"
            ),
            (WarningKind::UnknownColumn { label, found }, Lang::En) => {
                format!("“{label}” has year and kind “{found}”, expected e.g. “TA 2025”; skipped")
            }
            (WarningKind::UnknownStatus { aim, found }, Lang::Fi) => format!(
                "tavoitteen ”{aim}” tila ”{found}” ei ole Toteutuu, Toteutuu osittain eikä Ei toteudu; tila jätettiin tyhjäksi"
            ),
            (WarningKind::UnknownStatus { aim, found }, Lang::Sv) => format!(
                "målet ”{aim}” har läget ”{found}”, som varken är Uppnås, Uppnås delvis eller Uppnås inte; läget lämnades tomt"
            ),
            (WarningKind::UnknownStatus { aim, found }, Lang::En) => format!(
                "the status “{found}” of goal “{aim}” is none of Met, Partly met, Not met; it was left empty"
            ),
            (WarningKind::Book(warning), lang) => warning.message(lang),
            (WarningKind::PdfPage { problem }, lang) => problem.message(lang),
            (WarningKind::More { count }, Lang::Fi) => format!("ja {count} muuta varoitusta"),
            (WarningKind::More { count }, Lang::Sv) => format!("och {count} andra varningar"),
            (WarningKind::More { count }, Lang::En) => format!("and {count} more warnings"),
        };
        format!("{place}: {what}")
    }
}

/// What made a table empty: the first rows skipped, and how many there were.
fn skipped_tail(skipped: &[Warning], lang: Lang) -> String {
    let Some(first) = skipped.first() else {
        return String::new();
    };
    let more = skipped.len().saturating_sub(1);
    let first = first.message(lang);
    match (more, lang) {
        (0, Lang::Fi) => format!("; ainoa rivi ohitettiin: {first}"),
        (0, Lang::Sv) => format!("; den enda raden hoppades över: {first}"),
        (0, Lang::En) => format!("; the only row was skipped: {first}"),
        (_, Lang::Fi) => format!("; rivit ohitettiin, ensimmäinen: {first} (ja {more} muuta)"),
        (_, Lang::Sv) => format!("; raderna hoppades över, den första: {first} (och {more} till)"),
        (_, Lang::En) => format!("; the rows were skipped, the first: {first} (and {more} more)"),
    }
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                ImportError::SheetTooLarge {
                    place,
                    cells,
                    limit,
                },
                Lang::Fi,
            ) => format!(
                "{}: taulukossa on {cells} solua (rivit leveimmän rivin levyisinä), enintään luetaan {limit}; rajaa taulukko käytettyyn alueeseen",
                place.describe(lang)
            ),
            (
                ImportError::SheetTooLarge {
                    place,
                    cells,
                    limit,
                },
                Lang::Sv,
            ) => format!(
                "{}: bladet har {cells} celler (raderna lika breda som den bredaste), högst {limit} läses; begränsa bladet till det använda området",
                place.describe(lang)
            ),
            (
                ImportError::SheetTooLarge {
                    place,
                    cells,
                    limit,
                },
                Lang::En,
            ) => format!(
                "{}: the sheet has {cells} cells (its rows as wide as the widest), at most {limit} are read; trim the sheet to its used range",
                place.describe(lang)
            ),
            (
                ImportError::CellBeyondSheet {
                    place,
                    part,
                    reference,
                },
                Lang::Fi,
            ) => format!(
                "{}: työkirjan osassa {part} on soluviittaus ”{reference}”, joka on taulukon viimeisen solun XFD1048576 ulkopuolella; tiedosto on vioittunut tai sitä ei ole tehty taulukkolaskentaohjelmalla. Tallenna se uudelleen taulukkolaskentaohjelmassa",
                place.describe(lang)
            ),
            (
                ImportError::CellBeyondSheet {
                    place,
                    part,
                    reference,
                },
                Lang::Sv,
            ) => format!(
                "{}: arbetsbokens del {part} har cellreferensen ”{reference}”, som ligger utanför bladets sista cell XFD1048576; filen är skadad eller inte gjord med ett kalkylprogram. Spara den på nytt i ett kalkylprogram",
                place.describe(lang)
            ),
            (
                ImportError::CellBeyondSheet {
                    place,
                    part,
                    reference,
                },
                Lang::En,
            ) => format!(
                "{}: the workbook's part {part} has the cell reference “{reference}”, beyond a sheet's last cell XFD1048576; the file is damaged or was not made by a spreadsheet program. Save it again in a spreadsheet program",
                place.describe(lang)
            ),
            (
                ImportError::RowTooWide {
                    place,
                    cells,
                    limit,
                },
                Lang::Fi,
            ) => format!(
                "{}: rivillä on {cells} solua, enintään luetaan {limit}; onko tiedostosta kadonnut rivinvaihdot?",
                place.describe(lang)
            ),
            (
                ImportError::RowTooWide {
                    place,
                    cells,
                    limit,
                },
                Lang::Sv,
            ) => format!(
                "{}: raden har {cells} celler, högst {limit} läses; har filen förlorat sina radbrytningar?",
                place.describe(lang)
            ),
            (
                ImportError::RowTooWide {
                    place,
                    cells,
                    limit,
                },
                Lang::En,
            ) => format!(
                "{}: the line has {cells} cells, at most {limit} are read; has the file lost its line breaks?",
                place.describe(lang)
            ),
            (ImportError::TextWithoutTables { place, cause }, lang) => {
                format!("{}: {}", place.describe(lang), cause.message(lang))
            }
            (ImportError::OpenHeader { place, cell, open }, lang) => format!(
                "{}: {}",
                place.describe(lang),
                findings::open_header(cell, open, lang)
            ),
            (ImportError::NoTables { place }, Lang::Fi) => format!(
                "{}: taloustaulukoita ei löytynyt; odotettiin otsikkoriviä, jossa on sarakkeita kuten ”TP 2022”, ”Talousarvio 2025” tai ”Toteuma 2025”",
                place.describe(lang)
            ),
            (ImportError::NoTables { place }, Lang::Sv) => format!(
                "{}: inga ekonomiska tabeller hittades; väntade en rubrikrad med kolumner som ”TP 2022”, ”Talousarvio 2025” eller ”Toteuma 2025”",
                place.describe(lang)
            ),
            (ImportError::NoTables { place }, Lang::En) => format!(
                "{}: no financial table found; expected a header line with columns such as “TP 2022”, “Talousarvio 2025” or “Toteuma 2025”",
                place.describe(lang)
            ),
            (ImportError::TooLarge { place, size, limit }, Lang::Fi) => format!(
                "{}: tiedosto on {size} tavua, suurin sallittu koko on {limit} tavua",
                place.describe(lang)
            ),
            (ImportError::TooLarge { place, size, limit }, Lang::Sv) => format!(
                "{}: filen är {size} byte, största tillåtna storlek är {limit} byte",
                place.describe(lang)
            ),
            (ImportError::TooLarge { place, size, limit }, Lang::En) => format!(
                "{}: the file is {size} bytes, the largest accepted is {limit} bytes",
                place.describe(lang)
            ),
            (ImportError::Empty { place }, Lang::Fi) => {
                format!("{}: tiedosto on tyhjä", place.describe(lang))
            }
            (ImportError::Empty { place }, Lang::Sv) => {
                format!("{}: filen är tom", place.describe(lang))
            }
            (ImportError::Empty { place }, Lang::En) => {
                format!("{}: the file is empty", place.describe(lang))
            }
            (ImportError::NoHeader { place, .. }, Lang::Fi) => format!(
                "{}: otsikkoriviä ei löytynyt; odotettiin joko vuosisarakkeita (”TP 2022”, ”TA 2025”, ”Toteuma 2025”) tai sarakkeita ”yksikkö; rivi; vuosi; laji; arvo”; pitkän taulukon sarakkeet voi nimetä kohdistuksella (--mapping, ”roles”)",
                place.describe(lang)
            ),
            (ImportError::NoHeader { place, .. }, Lang::Sv) => format!(
                "{}: ingen rubrikrad hittades; väntade antingen årskolumner (”TP 2022”, ”TA 2025”, ”Toteuma 2025”) eller kolumnerna ”enhet; post; år; slag; värde”; kolumnerna i en lång tabell kan namnges med en mappning (--mapping, ”roles”)",
                place.describe(lang)
            ),
            (ImportError::NoHeader { place, .. }, Lang::En) => format!(
                "{}: no header row found; expected year columns (“TP 2022”, “TA 2025”, “Toteuma 2025”) or the columns “org; line; year; kind; value”; a long table’s columns can be named by a mapping (--mapping, “roles”)",
                place.describe(lang)
            ),
            (ImportError::NoFigures { place, skipped }, Lang::Fi) if skipped.is_empty() => {
                format!(
                    "{}: otsikkorivin alla ei ole yhtään lukua",
                    place.describe(lang)
                )
            }
            (ImportError::NoFigures { place, skipped }, Lang::Sv) if skipped.is_empty() => {
                format!("{}: under rubrikraden finns inga tal", place.describe(lang))
            }
            (ImportError::NoFigures { place, skipped }, Lang::En) if skipped.is_empty() => {
                format!(
                    "{}: there are no figures under the header row",
                    place.describe(lang)
                )
            }
            (ImportError::NoFigures { place, skipped }, Lang::Fi) => format!(
                "{}: otsikkorivin alta ei luettu yhtään lukua{}",
                place.describe(lang),
                skipped_tail(skipped, lang)
            ),
            (ImportError::NoFigures { place, skipped }, Lang::Sv) => format!(
                "{}: under rubrikraden lästes inga tal{}",
                place.describe(lang),
                skipped_tail(skipped, lang)
            ),
            (ImportError::NoFigures { place, skipped }, Lang::En) => format!(
                "{}: no figures were read under the header row{}",
                place.describe(lang),
                skipped_tail(skipped, lang)
            ),
            (ImportError::UnclosedQuote { place }, Lang::Fi) => format!(
                "{}: lainausmerkki (\") avaa solun, jota ei suljeta koskaan, joten koko loppu tiedostosta olisi yksi solu; sulje lainaus tai poista lainausmerkki",
                place.describe(lang)
            ),
            (ImportError::UnclosedQuote { place }, Lang::Sv) => format!(
                "{}: ett citattecken (\") öppnar en cell som aldrig stängs, så resten av filen skulle bli en cell; stäng citatet eller ta bort tecknet",
                place.describe(lang)
            ),
            (ImportError::UnclosedQuote { place }, Lang::En) => format!(
                "{}: a quote (\") opens a cell that is never closed, so the rest of the file would be one cell; close the quote or remove it",
                place.describe(lang)
            ),
            (ImportError::Pdf { place, problem }, lang) => {
                format!("{}: {}", place.describe(lang), problem.message(lang))
            }
            (ImportError::NulByte { place }, Lang::Fi) => format!(
                "{}: tiedostossa on NUL-tavu, joten se ei ole tekstiä (tai se on koodattu tavalla, jota Raami ei tunnista); tallenna se CSV- tai tekstitiedostona (UTF-8)",
                place.describe(lang)
            ),
            (ImportError::NulByte { place }, Lang::Sv) => format!(
                "{}: filen innehåller en NUL-byte, så den är inte text (eller kodad på ett sätt Raami inte känner igen); spara den som CSV eller text (UTF-8)",
                place.describe(lang)
            ),
            (ImportError::NulByte { place }, Lang::En) => format!(
                "{}: the file has a NUL byte, so it is not text (or is encoded in a way Raami does not know); save it as CSV or text (UTF-8)",
                place.describe(lang)
            ),
            (ImportError::Workbook { place, reason }, Lang::Fi) => format!(
                "{}: työkirjaa ei voi lukea ({reason})",
                place.describe(lang)
            ),
            (ImportError::Workbook { place, reason }, Lang::Sv) => format!(
                "{}: arbetsboken kan inte läsas ({reason})",
                place.describe(lang)
            ),
            (ImportError::Workbook { place, reason }, Lang::En) => format!(
                "{}: the workbook cannot be read ({reason})",
                place.describe(lang)
            ),
            (ImportError::Unpacks { place, size, limit }, Lang::Fi) => format!(
                "{}: työkirja purkautuisi {size} tavuksi, suurin sallittu on {limit} tavua; ei luettu",
                place.describe(lang)
            ),
            (ImportError::Unpacks { place, size, limit }, Lang::Sv) => format!(
                "{}: arbetsboken skulle packas upp till {size} byte, högst {limit} byte tillåts; lästes inte",
                place.describe(lang)
            ),
            (ImportError::Unpacks { place, size, limit }, Lang::En) => format!(
                "{}: the workbook would unpack to {size} bytes, at most {limit} are accepted; not read",
                place.describe(lang)
            ),
            (
                ImportError::NoSuchSheet {
                    place,
                    sheet,
                    sheets,
                },
                Lang::Fi,
            ) => format!(
                "{}: taulukkoa ”{sheet}” ei ole; taulukot: {}",
                place.describe(lang),
                sheets.join(", ")
            ),
            (
                ImportError::NoSuchSheet {
                    place,
                    sheet,
                    sheets,
                },
                Lang::Sv,
            ) => format!(
                "{}: bladet ”{sheet}” finns inte; blad: {}",
                place.describe(lang),
                sheets.join(", ")
            ),
            (
                ImportError::NoSuchSheet {
                    place,
                    sheet,
                    sheets,
                },
                Lang::En,
            ) => format!(
                "{}: there is no sheet “{sheet}”; the sheets are: {}",
                place.describe(lang),
                sheets.join(", ")
            ),
            (ImportError::Package { place, error }, lang) => error.message(lang, &place.file),
            (ImportError::Link { place, error }, lang) => {
                format!("{}: {}", place.describe(lang), error.message(lang))
            }
            (ImportError::NotUtf8 { place, byte }, Lang::Fi) => format!(
                "{}: tavu {byte}: tiedosto ei ole UTF-8-tekstiä",
                place.describe(lang)
            ),
            (ImportError::NotUtf8 { place, byte }, Lang::Sv) => format!(
                "{}: byte {byte}: filen är inte UTF-8-text",
                place.describe(lang)
            ),
            (ImportError::NotUtf8 { place, byte }, Lang::En) => format!(
                "{}: byte {byte}: the file is not UTF-8 text",
                place.describe(lang)
            ),
            (ImportError::ReaderStopped { place, reason }, Lang::Fi) => format!(
                "{}: tiedoston lukija pysähtyi kesken lukemisen ({reason}); tiedosto jäi lukematta, mutta muut tiedostot ja jo ladatut tiedot säilyivät ja lukija käynnistettiin uudelleen",
                place.describe(lang)
            ),
            (ImportError::ReaderStopped { place, reason }, Lang::Sv) => format!(
                "{}: filläsaren stannade mitt i läsningen ({reason}); filen lästes inte, men de andra filerna och redan inlästa uppgifter finns kvar och läsaren startades om",
                place.describe(lang)
            ),
            (ImportError::ReaderStopped { place, reason }, Lang::En) => format!(
                "{}: the file reader stopped while reading it ({reason}); the file was not read, but the other files and the data already loaded are kept, and the reader was restarted",
                place.describe(lang)
            ),
            (ImportError::Malformed { place, reason }, Lang::Fi) => format!(
                "{}: tiedoston rakenne on rikki ({reason})",
                place.describe(lang)
            ),
            (ImportError::Malformed { place, reason }, Lang::Sv) => format!(
                "{}: filens struktur är trasig ({reason})",
                place.describe(lang)
            ),
            (ImportError::Malformed { place, reason }, Lang::En) => format!(
                "{}: the file's structure is broken ({reason})",
                place.describe(lang)
            ),
        }
    }
}

impl super::pdf::PageProblem {
    pub fn message(&self, lang: Lang) -> String {
        use super::pdf::PageProblem;
        match (self, lang) {
            (PageProblem::NoText, Lang::Fi) => {
                "sivulla ei ole tekstiä (skannattu sivu tai pelkkiä kuvia); sen taulukoita ei lueta"
                    .into()
            }
            (PageProblem::NoText, Lang::Sv) => {
                "sidan har ingen text (en skannad sida eller bara bilder); dess tabeller läses inte"
                    .into()
            }
            (PageProblem::NoText, Lang::En) => {
                "the page has no text (a scanned page, or pictures only); its tables are not read"
                    .into()
            }
            (PageProblem::NoTextMapping { fonts }, Lang::Fi) => format!(
                "sivun fontit ({}) eivät kerro merkkiensä tekstiä, joten sivua ei voi lukea; kopioi sivun teksti PDF-lukijasta tai pyydä asiakirja toisessa muodossa",
                fonts.join(", ")
            ),
            (PageProblem::NoTextMapping { fonts }, Lang::Sv) => format!(
                "sidans typsnitt ({}) anger inte sina teckens text, så sidan kan inte läsas; kopiera sidans text i en PDF-läsare eller be om dokumentet i ett annat format",
                fonts.join(", ")
            ),
            (PageProblem::NoTextMapping { fonts }, Lang::En) => format!(
                "the page's fonts ({}) do not say what text their characters are, so the page cannot be read; copy its text from a PDF viewer or ask for the document in another format",
                fonts.join(", ")
            ),
            (PageProblem::Unreadable { reason }, Lang::Fi) => {
                format!("sivun sisältöä ei voi purkaa ({reason}); sivua ei lueta")
            }
            (PageProblem::Unreadable { reason }, Lang::Sv) => {
                format!("sidans innehåll kan inte packas upp ({reason}); sidan läses inte")
            }
            (PageProblem::Unreadable { reason }, Lang::En) => {
                format!("the page's content cannot be unpacked ({reason}); the page is not read")
            }
            (PageProblem::TooMuchContent, Lang::Fi) => {
                "sivulla on enemmän sisältöä kuin yhdessäkään taulukossa; vain sen alku luettiin"
                    .into()
            }
            (PageProblem::TooMuchContent, Lang::Sv) => {
                "sidan har mer innehåll än någon tabell; bara dess början lästes".into()
            }
            (PageProblem::TooMuchContent, Lang::En) => {
                "the page has more content than any table; only its beginning was read".into()
            }
        }
    }
}

impl super::pdf::PdfProblem {
    pub fn message(&self, lang: Lang) -> String {
        use super::pdf::PdfProblem;
        match (self, lang) {
            (PdfProblem::Broken { reason }, Lang::Fi) => format!("PDF-tiedostoa ei voi lukea, sen rakenne on rikki ({reason}); tallenna se uudelleen PDF-lukijassa"),
            (PdfProblem::Broken { reason }, Lang::Sv) => format!("PDF-filen kan inte läsas, dess struktur är trasig ({reason}); spara den på nytt i en PDF-läsare"),
            (PdfProblem::Broken { reason }, Lang::En) => format!("the PDF cannot be read, its structure is broken ({reason}); save it again from a PDF viewer"),
            (PdfProblem::Encrypted, Lang::Fi) => "PDF on salattu salasanalla; Raami ei lue salattuja tiedostoja. Tallenna siitä salaamaton kopio".into(),
            (PdfProblem::Encrypted, Lang::Sv) => "PDF-filen är krypterad med ett lösenord; Raami läser inte krypterade filer. Spara en okrypterad kopia".into(),
            (PdfProblem::Encrypted, Lang::En) => "the PDF is encrypted with a password; Raami does not read encrypted files. Save an unencrypted copy".into(),
            (PdfProblem::NoPages, Lang::Fi) => "PDF:ssä ei ole yhtään sivua".into(),
            (PdfProblem::NoPages, Lang::Sv) => "PDF-filen har inga sidor".into(),
            (PdfProblem::NoPages, Lang::En) => "the PDF has no pages".into(),
            (PdfProblem::Scanned { pages }, Lang::Fi) => format!("yhdelläkään PDF:n {pages} sivusta ei ole tekstiä: asiakirja on skannattu kuvina. Raami lukee vain PDF:t, joissa on tekstikerros; pyydä asiakirjan alkuperäinen PDF"),
            (PdfProblem::Scanned { pages }, Lang::Sv) => format!("ingen av PDF-filens {pages} sidor har text: dokumentet är skannat som bilder. Raami läser bara PDF-filer med ett textlager; be om dokumentets ursprungliga PDF"),
            (PdfProblem::Scanned { pages }, Lang::En) => format!("none of the PDF's {pages} pages has text: the document is scanned as pictures. Raami reads only PDFs with a text layer; ask for the document's original PDF"),
        }
    }
}
