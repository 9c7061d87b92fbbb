//! `raami`: the command-line tool over the same core as the web app, for finance staff and
//! for checks in scripts.
//!
//! - `raami import FILE... -o package.json [--sheet NAME]` — runs the importers, prints the
//!   summary (tables, detections, warnings, validation) and writes a package.
//! - `raami check FILE... | --sample` — validation report; exit 0 consistent (rounding
//!   differences alone are consistent), 1 inconsistent, 2 unreadable.
//! - `raami table FILE... | --sample [--org NAME] [--format text|csv|json] [--edit SPEC]...`
//!   — the computed table of one node, with what-if edits laid over the data
//!   (`ORG:LINE:COLUMN:CHANGE`, see `raami::scenario::spec`); `check` takes edits too.
//! - `raami link FILE... | --sample` — a link with data (the fragment), as the app shares it.
//! - `raami export FILE... | --sample [--org NAME]... [--edit SPEC]... [--views] --format csv|xlsx -o OUT`
//!   — the tables of one or more nodes for Excel, with `--views` their follow-up and goals
//!   too (see `raami::export`).
//! - `raami seek FILE... | --sample --vary ORG:LINE:COLUMN --goal ORG:LINE:COLUMN=VALUE` —
//!   the change of one line that makes another reach a value, and the table with it.
//!
//! - `raami text BOOK.pdf [--page N]...` — the text Raami reads from a PDF, laid out by
//!   its glyphs' positions, page by page.
//!
//! FILE is any format Raami reads: a package (.json), CSV/TSV, a workbook (.xlsx, .xls,
//! .ods), a budget book or financial statement as its PDF, or text copied from one.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::PathBuf;
    use std::process::ExitCode;

    use clap::{Args, Parser, Subcommand, ValueEnum};

    use raami::analysis::{node_table, table::node_table_as_shown, validate};
    use raami::i18n::Lang;
    use raami::import::{Imported, Options, import_file};
    use raami::model::Dataset;
    use raami::package::{Package, write_package};
    use raami::report;
    use raami::scenario::seek::{Goal, Lever, SeekError};
    use raami::scenario::spec::{find_column, find_org, parse_edit, parse_place};
    use raami::scenario::summary::{euros, reason, sentences, signed_euros};
    use raami::scenario::{Edit, Scenario, apply};

    /// Raami: Finnish municipal budgets, imported, checked and tabulated.
    #[derive(Parser)]
    #[command(name = "raami", version, about)]
    struct Cli {
        /// Language of the report: fi, sv or en.
        #[arg(long, global = true, default_value = "fi", value_parser = parse_lang)]
        lang: Lang,
        /// The sheet to read from workbooks.
        #[arg(long, global = true)]
        sheet: Option<String>,
        /// A mapping of headers and labels the importers do not recognise (JSON, as the app
        /// keeps it; see docs/mapping.md).
        #[arg(long, global = true)]
        mapping: Option<PathBuf>,
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Import files of any supported format into a Raami package.
        Import {
            /// The files to import.
            #[arg(required = true)]
            files: Vec<PathBuf>,
            /// Where to write the package (default: print the summary only).
            #[arg(short, long)]
            output: Option<PathBuf>,
        },
        /// Print a link with data: the datasets (and a workspace's scenarios, view and
        /// notes) in the link's fragment, as "Jaa linkkinä tietoineen" makes it.
        Link {
            #[command(flatten)]
            source: Source,
        },
        /// Validate: subtotals against their parts, nodes against their units.
        Check {
            #[command(flatten)]
            source: Source,
            #[command(flatten)]
            edits: Edits,
        },
        /// Print the computed table of one org node.
        Table {
            #[command(flatten)]
            source: Source,
            /// The node, by id or name (default: the top of the tree, or its only top node).
            #[arg(long)]
            org: Option<String>,
            #[arg(long, value_enum, default_value = "text")]
            format: Format,
            #[command(flatten)]
            change: ChangeColumns,
            #[command(flatten)]
            edits: Edits,
        },
        /// Export the tables of one or more org nodes as CSV (for Finnish Excel) or XLSX.
        Export {
            #[command(flatten)]
            source: Source,
            /// A node, by id or name (default: the top of the tree); repeat for more sheets.
            #[arg(long)]
            org: Vec<String>,
            #[arg(long, value_enum)]
            format: ExportFormat,
            /// The file to write.
            #[arg(short, long)]
            output: PathBuf,
            #[command(flatten)]
            change: ChangeColumns,
            #[command(flatten)]
            edits: Edits,
            /// Each node's budget follow-up and goals too, on sheets after the statements
            /// (XLSX).
            #[arg(long)]
            views: bool,
        },
        /// Print the text Raami reads from a PDF, page by page, laid out by the glyphs'
        /// positions (what the table reader sees).
        Text {
            /// The PDF.
            file: PathBuf,
            /// Only these pages (1-based, as a PDF viewer counts them); repeatable.
            #[arg(long)]
            page: Vec<u32>,
        },
        /// Find the change of one line that makes another reach a value (goal seek).
        Seek {
            #[command(flatten)]
            source: Source,
            /// What to change: ORG:LINE:COLUMN (ORG/* for every unit under ORG).
            #[arg(long)]
            vary: String,
            /// What to reach: ORG:LINE:COLUMN=VALUE, or ORG:COLUMN=kattaa-poistot (Vuosikate
            /// covers Poistot) or ORG:COLUMN=tulos-nolla (Tilikauden tulos at least 0).
            #[arg(long)]
            goal: String,
            #[arg(long, value_enum, default_value = "text")]
            format: Format,
        },
    }

    /// The columns the change columns are computed between.
    #[derive(Args)]
    struct ChangeColumns {
        /// Base column of the change columns (default: the node's first column).
        #[arg(long)]
        base: Option<String>,
        /// Target column of the change columns (default: the node's last column).
        #[arg(long)]
        target: Option<String>,
    }

    impl ChangeColumns {
        /// The table of `node` with these change columns, as `raami table` and `raami
        /// export` give it.
        fn table(&self, dataset: &Dataset, node: &str) -> raami::analysis::NodeTable {
            node_table_as_shown(dataset, node, self.base.as_deref(), self.target.as_deref())
        }
    }

    /// What-if edits laid over the data before it is shown or checked.
    #[derive(Args)]
    struct Edits {
        /// An edit, ORG:LINE:COLUMN:CHANGE: ORG an id or name (ORG/* for every unit under
        /// it), LINE a key or name, COLUMN an id (COLUMN+ for it and the later columns of its
        /// kind), CHANGE +3%, -2,5%, +150000, -150 000 or =1200000. Repeatable.
        #[arg(long = "edit", value_name = "SPEC")]
        specs: Vec<String>,
        /// A scenario saved in a workspace file (`.raami`), by name: its edits first, then
        /// any --edit.
        #[arg(long)]
        scenario: Option<String>,
    }

    #[derive(Args)]
    struct Source {
        /// Files of any supported format.
        #[arg(required_unless_present = "sample", conflicts_with = "sample")]
        files: Vec<PathBuf>,
        /// Use the embedded Heinola sample instead of files.
        #[arg(long)]
        sample: bool,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Text,
        Csv,
        Json,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum ExportFormat {
        Csv,
        Xlsx,
    }

    fn parse_lang(text: &str) -> Result<Lang, String> {
        Lang::from_code(text).ok_or_else(|| format!("unknown language '{text}' (fi, sv or en)"))
    }

    /// Exit code for input that could not be read.
    const UNREADABLE: u8 = 2;

    /// Imports every file. A file that cannot be read is reported on standard error and
    /// the others are still read; `Err` only when none could be.
    fn import_all(
        files: &[PathBuf],
        options: &Options,
        lang: Lang,
    ) -> Result<(Vec<Imported>, usize), String> {
        let mut all = Vec::new();
        let mut failed = Vec::new();
        for path in files {
            let name = path.display().to_string();
            let read = std::fs::read(path)
                .map_err(|e| match lang {
                    Lang::Fi => format!("{name}: tiedostoa ei voi lukea: {e}"),
                    Lang::Sv => format!("{name}: filen kan inte läsas: {e}"),
                    Lang::En => format!("{name}: cannot read the file: {e}"),
                })
                .and_then(|bytes| import_file(&name, &bytes, options).map_err(|e| e.message(lang)));
            match read {
                Ok(imported) => all.extend(imported),
                Err(message) => failed.push(message),
            }
        }
        if all.is_empty() {
            return Err(failed.join("\nraami: "));
        }
        for message in &failed {
            eprintln!("raami: {message}");
        }
        Ok((all, failed.len()))
    }

    fn load(source: &Source, options: &Options, lang: Lang) -> Result<Vec<Dataset>, String> {
        load_with_scenarios(source, options, lang).map(|(datasets, _)| datasets)
    }

    /// The datasets, and the scenarios saved with them in workspace files.
    fn load_with_scenarios(
        source: &Source,
        options: &Options,
        lang: Lang,
    ) -> Result<(Vec<Dataset>, Vec<Scenario>), String> {
        if source.sample {
            return raami::sample::heinola()
                .map(|d| (vec![d], Vec::new()))
                .map_err(|e| e.message(lang, "heinola.raami.json"));
        }
        let imported = import_all(&source.files, options, lang)?.0;
        let scenarios = imported
            .iter()
            .filter_map(|i| i.saved.as_ref())
            .flat_map(|saved| saved.scenarios.iter().cloned())
            .collect();
        Ok((imported.into_iter().map(|i| i.dataset).collect(), scenarios))
    }

    fn heading(lang: Lang, fi: &str, sv: &str, en: &str) -> String {
        match lang {
            Lang::Fi => fi.to_string(),
            Lang::Sv => sv.to_string(),
            Lang::En => en.to_string(),
        }
    }

    /// The summary `raami import` prints: what was found and decided, what was skipped,
    /// and the validation of the result.
    fn summary(imported: &Imported, lang: Lang) -> String {
        let mut out = format!("{}\n", imported.dataset.name);
        if !imported.detections.is_empty() {
            out.push_str(&format!(
                "  {}:\n",
                heading(lang, "Havainnot", "Iakttagelser", "Detected")
            ));
        }
        for message in raami::import::detection_messages(&imported.detections, lang) {
            out.push_str(&format!("    {message}\n"));
        }
        if !imported.warnings.is_empty() {
            out.push_str(&format!(
                "  {} ({}):\n",
                heading(lang, "Varoitukset", "Varningar", "Warnings"),
                imported.warnings.len()
            ));
            for warning in &imported.warnings {
                out.push_str(&format!("    {}\n", warning.message(lang)));
            }
        }
        let report = validate(&imported.dataset);
        for line in report::check_text(&imported.dataset, &report, lang).lines() {
            out.push_str(&format!("  {line}\n"));
        }
        out
    }

    fn check(datasets: &[Dataset], lang: Lang) -> ExitCode {
        let mut consistent = true;
        for dataset in datasets {
            let report = validate(dataset);
            consistent &= report.is_consistent();
            emit(&report::check_text(dataset, &report, lang));
        }
        if consistent {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    fn pick_node<'a>(
        datasets: &'a [Dataset],
        org: Option<&str>,
        lang: Lang,
    ) -> Result<(&'a Dataset, String), String> {
        match org {
            Some(wanted) => datasets
                .iter()
                .find_map(|ds| ds.find_node(wanted).map(|node| (ds, node.id.clone())))
                .ok_or_else(|| {
                    let known: Vec<&str> = datasets
                        .iter()
                        .flat_map(|ds| ds.org.iter().map(|n| n.name.as_str()))
                        .collect();
                    match lang {
                        Lang::Fi => format!(
                            "yksikköä '{wanted}' ei löydy; yksiköt: {}",
                            known.join(", ")
                        ),
                        Lang::Sv => format!(
                            "enheten '{wanted}' finns inte; enheter: {}",
                            known.join(", ")
                        ),
                        Lang::En => format!(
                            "no org node '{wanted}'; the nodes are: {}",
                            known.join(", ")
                        ),
                    }
                }),
            None => {
                let dataset = datasets.first().ok_or_else(|| "no dataset".to_string())?;
                let root = dataset.roots().next().ok_or_else(|| {
                    heading(
                        lang,
                        "aineistossa ei ole organisaatiota",
                        "materialet har ingen organisation",
                        "the dataset has no organisation",
                    )
                })?;
                Ok((dataset, root.id.clone()))
            }
        }
    }

    /// Prints to standard output; a closed pipe (`raami table … | head`) ends the output
    /// quietly rather than with a panic.
    fn emit(text: &str) {
        use std::io::Write;
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }

    fn fail(message: &str) -> ExitCode {
        eprintln!("raami: {message}");
        ExitCode::from(UNREADABLE)
    }

    /// The datasets with the edits laid over them (each edit over the first dataset that has
    /// its node), and the edits told as numbered sentences. An edit that names nothing, or
    /// that does not apply, is an error.
    fn with_edits(
        datasets: Vec<Dataset>,
        saved: &[Scenario],
        edits: &Edits,
        lang: Lang,
    ) -> Result<(Vec<Dataset>, String), String> {
        let specs = &edits.specs;
        if specs.is_empty() && edits.scenario.is_none() {
            return Ok((datasets, String::new()));
        }
        let mut per_dataset: Vec<Vec<Edit>> = vec![Vec::new(); datasets.len()];
        if let Some(name) = &edits.scenario {
            let Some(scenario) = saved.iter().find(|s| &s.name == name) else {
                let names: Vec<String> = saved.iter().map(|s| format!("”{}”", s.name)).collect();
                return Err(match lang {
                    Lang::Fi => format!(
                        "skenaariota ”{name}” ei ole tiedostoissa; skenaariot: {}",
                        names.join(", ")
                    ),
                    Lang::Sv => format!(
                        "scenariot ”{name}” finns inte i filerna; scenarier: {}",
                        names.join(", ")
                    ),
                    Lang::En => format!(
                        "there is no scenario ”{name}” in the files; scenarios: {}",
                        names.join(", ")
                    ),
                });
            };
            let made_on = scenario.made_on.first().map(|m| m.dataset.as_str());
            let index = datasets
                .iter()
                .position(|d| Some(d.id.as_str()) == made_on)
                .unwrap_or(0);
            if let Some(list) = per_dataset.get_mut(index) {
                list.extend(scenario.edits.iter().cloned());
            }
        }
        for spec in specs {
            let mut first_error = None;
            let mut placed = false;
            for (i, dataset) in datasets.iter().enumerate() {
                match parse_edit(dataset, spec) {
                    Ok(edit) => {
                        per_dataset[i].push(edit);
                        placed = true;
                        break;
                    }
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
            if !placed {
                return Err(first_error
                    .map(|e| e.message(lang))
                    .unwrap_or_else(|| "no dataset".to_string()));
            }
        }
        let mut out = Vec::new();
        let mut told = String::new();
        let mut failed = Vec::new();
        for (dataset, edits) in datasets.into_iter().zip(per_dataset) {
            if edits.is_empty() {
                out.push(dataset);
                continue;
            }
            let scenario = Scenario {
                edits,
                ..Scenario::new("raami", &dataset)
            };
            let applied = apply(&dataset, &scenario);
            for sentence in sentences(&dataset, &scenario.edits, &applied.outcomes, lang) {
                told.push_str(&sentence);
                told.push('\n');
            }
            if applied.not_applied().next().is_some() {
                failed.extend(
                    sentences(&dataset, &scenario.edits, &applied.outcomes, lang)
                        .into_iter()
                        .zip(&applied.outcomes)
                        .filter(|(_, o)| o.is_err())
                        .map(|(s, _)| s),
                );
            }
            out.push(applied.dataset);
        }
        if !failed.is_empty() {
            return Err(failed.join("\nraami: "));
        }
        told.push('\n');
        Ok((out, told))
    }

    /// The datasets of `source` with the edits (and any saved scenario named) laid over
    /// them, and the edits told as numbered sentences.
    fn load_edited(
        source: &Source,
        edits: &Edits,
        options: &Options,
        lang: Lang,
    ) -> Result<(Vec<Dataset>, String), String> {
        let (datasets, saved) = load_with_scenarios(source, options, lang)?;
        with_edits(datasets, &saved, edits, lang)
    }

    /// `raami seek`: the change needed, in euros and per cent, and the node's table with it.
    fn seek(datasets: &[Dataset], vary: &str, goal: &str, format: Format, lang: Lang) -> ExitCode {
        let Some(dataset) = datasets.first() else {
            return fail("no dataset");
        };
        let (target, line, column) = match parse_place(dataset, vary) {
            Ok(place) => place,
            Err(e) => return fail(&e.message(lang)),
        };
        let goal = match parse_goal(dataset, goal) {
            Ok(goal) => goal,
            Err(e) => return fail(&e),
        };
        let lever = Lever::Line {
            target: target.clone(),
            line,
            column,
        };
        let scenario = Scenario::new("raami", dataset);
        match raami::scenario::seek::seek(dataset, &scenario, &lever, &goal) {
            Ok(solution) => {
                let applied = solution.edit.as_ref().map(|edit| {
                    let scenario = Scenario {
                        edits: vec![edit.clone()],
                        ..scenario.clone()
                    };
                    apply(dataset, &scenario).dataset
                });
                let shown = applied.as_ref().unwrap_or(dataset);
                let percent = solution
                    .percent
                    .map(|p| format!(" ({})", raami::numfmt::format_percent(p, lang)))
                    .unwrap_or_default();
                let text = match (solution.edit.is_some(), lang) {
                    (false, Lang::Fi) => "Tavoite täyttyy jo ilman muutosta.".to_string(),
                    (false, Lang::Sv) => "Målet nås redan utan ändring.".to_string(),
                    (false, Lang::En) => "The goal is met already, with no change.".to_string(),
                    (true, _) => format!(
                        "{}: {}{percent}; {}",
                        heading(
                            lang,
                            "Tarvittava muutos",
                            "Ändring som behövs",
                            "Change needed"
                        ),
                        signed_euros(solution.euros, lang),
                        heading(lang, "saavutettu", "uppnått", "reached")
                            + " "
                            + &euros(solution.reached, lang)
                    ),
                };
                let org = target.org().to_string();
                let table = node_table(shown, &org, None);
                let body = match format {
                    Format::Text => report::table_text(shown, &table, lang),
                    Format::Csv => report::table_csv(&table, lang),
                    Format::Json => report::table_json(shown, &table, lang),
                };
                if matches!(format, Format::Text) {
                    emit(&format!("{text}\n\n{body}"));
                } else {
                    eprintln!("{text}");
                    emit(&body);
                }
                ExitCode::SUCCESS
            }
            Err(SeekError::Unreachable) => fail(&heading(
                lang,
                "muutettava rivi ei vaikuta tavoitteen riviin: tavoitetta ei voi saavuttaa sillä",
                "raden som ändras påverkar inte målets rad: målet kan inte nås så",
                "the line varied does not move the goal's line: the goal cannot be reached with it",
            )),
            Err(SeekError::NoGoalFigure) => fail(&heading(
                lang,
                "tavoitteen rivillä ei ole lukua tässä yksikössä ja sarakkeessa",
                "målets rad har ingen siffra i denna enhet och kolumn",
                "the goal's line has no figure in that unit and column",
            )),
            Err(SeekError::NotApplied(why)) => fail(&reason(dataset, &why, lang)),
        }
    }

    /// `ORG:LINE:COLUMN=VALUE`, `ORG:COLUMN=kattaa-poistot`, `ORG:COLUMN=tulos-nolla`.
    fn parse_goal(dataset: &Dataset, text: &str) -> Result<Goal, String> {
        let (place, wanted) = text
            .rsplit_once('=')
            .ok_or_else(|| format!("--goal '{text}': ORG:LINE:COLUMN=VALUE"))?;
        let named = |org: &str, column: &str| -> Result<(String, String), String> {
            let org = find_org(dataset, org).map_err(|e| e.message(Lang::Fi))?;
            let column = find_column(dataset, column).map_err(|e| e.message(Lang::Fi))?;
            Ok((org, column))
        };
        match wanted.trim() {
            "kattaa-poistot" | "covers-depreciation" => {
                let (org, column) = place
                    .split_once(':')
                    .ok_or_else(|| format!("--goal '{text}': ORG:COLUMN=kattaa-poistot"))?;
                let (org, column) = named(org, column)?;
                Ok(Goal::CoversDepreciation { org, column })
            }
            "tulos-nolla" | "result-zero" => {
                let (org, column) = place
                    .split_once(':')
                    .ok_or_else(|| format!("--goal '{text}': ORG:COLUMN=tulos-nolla"))?;
                let (org, column) = named(org, column)?;
                Ok(Goal::ResultNotNegative { org, column })
            }
            value => {
                let (target, line, column) =
                    parse_place(dataset, place).map_err(|e| e.message(Lang::Fi))?;
                let value = raami::numfmt::parse_fi_number(value)
                    .ok()
                    .flatten()
                    .ok_or_else(|| format!("--goal '{text}': '{value}' is no number"))?;
                Ok(Goal::Reach {
                    org: target.org().to_string(),
                    line,
                    column,
                    value,
                })
            }
        }
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let lang = cli.lang;
        let mapping = match &cli.mapping {
            None => raami::import::mapping::Mapping::default(),
            Some(path) => match std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
            {
                Ok(mapping) => mapping,
                Err(reason) => return fail(&format!("{}: {reason}", path.display())),
            },
        };
        let options = Options {
            sheet: cli.sheet.clone(),
            mapping,
        };
        match &cli.command {
            Command::Import { files, output } => {
                let (imported, failed) = match import_all(files, &options, lang) {
                    Ok(read) => read,
                    Err(message) => return fail(&message),
                };
                for item in &imported {
                    emit(&summary(item, lang));
                }
                if let Some(output) = output {
                    let package = Package::new(imported.into_iter().map(|i| i.dataset).collect());
                    if let Err(e) = std::fs::write(output, write_package(&package)) {
                        return fail(&format!("{}: {e}", output.display()));
                    }
                    emit(&format!(
                        "{} {}\n",
                        heading(lang, "Kirjoitettu:", "Skrivet:", "Written:"),
                        output.display()
                    ));
                }
                if failed > 0 {
                    ExitCode::from(UNREADABLE)
                } else {
                    ExitCode::SUCCESS
                }
            }
            // Imported files are checked with what their import decided and skipped, so that
            // a file whose rows were dropped is never simply called consistent.
            Command::Check { source, edits }
                if !source.sample && edits.specs.is_empty() && edits.scenario.is_none() =>
            {
                match import_all(&source.files, &options, lang) {
                    Ok((imported, failed)) => {
                        let consistent = imported
                            .iter()
                            .all(|item| validate(&item.dataset).is_consistent());
                        for item in &imported {
                            emit(&summary(item, lang));
                        }
                        if failed > 0 {
                            ExitCode::from(UNREADABLE)
                        } else if consistent {
                            ExitCode::SUCCESS
                        } else {
                            ExitCode::from(1)
                        }
                    }
                    Err(message) => fail(&message),
                }
            }
            Command::Link { source } => {
                let package = if source.sample {
                    match raami::sample::heinola_package() {
                        Ok(package) => package,
                        Err(e) => return fail(&e.message(lang, "heinola.raami.json")),
                    }
                } else {
                    let imported = match import_all(&source.files, &options, lang) {
                        Ok((imported, _)) => imported,
                        Err(message) => return fail(&message),
                    };
                    let mut package = raami::package::Package::new(Vec::new());
                    for one in imported {
                        if let Some(saved) = one.saved {
                            package.scenarios.extend(saved.scenarios);
                            package.notes.extend(saved.notes);
                            package.workspace = package.workspace.or(saved.workspace);
                        }
                        package.datasets.push(one.dataset);
                    }
                    package
                };
                let link = raami::share::data_link(&package);
                if link.len() > raami::share::SHARE_AS_FILE_ABOVE {
                    eprintln!(
                        "{}",
                        heading(
                            lang,
                            &format!(
                                "Linkki on {} merkkiä pitkä: jaa työtila mieluummin tiedostona.",
                                link.len()
                            ),
                            &format!(
                                "Länken är {} tecken lång: dela hellre arbetsytan som fil.",
                                link.len()
                            ),
                            &format!(
                                "The link is {} characters long: share the workspace as a file instead.",
                                link.len()
                            ),
                        )
                    );
                }
                emit(&format!("{link}\n"));
                ExitCode::SUCCESS
            }
            Command::Text { file, page } => {
                let bytes = match std::fs::read(file) {
                    Ok(b) => b,
                    Err(e) => return fail(&format!("{}: {e}", file.display())),
                };
                match raami::import::pdf::read_pages(
                    &bytes,
                    raami::import::pdf::streams::UNPACK_LIMIT,
                ) {
                    Ok(pages) => {
                        for p in pages
                            .iter()
                            .filter(|p| page.is_empty() || page.contains(&p.number))
                        {
                            let problem = p
                                .problem
                                .as_ref()
                                .map(|x| format!(" ({})", x.message(lang)))
                                .unwrap_or_default();
                            emit(&format!(
                                "--- {} {}{problem}\n",
                                heading(lang, "sivu", "sida", "page"),
                                p.number
                            ));
                            for line in &p.lines {
                                emit(&format!("{line}\n"));
                            }
                        }
                        ExitCode::SUCCESS
                    }
                    Err(raami::import::pdf::PdfReadError::Problem(problem)) => {
                        fail(&format!("{}: {}", file.display(), problem.message(lang)))
                    }
                    Err(raami::import::pdf::PdfReadError::Unpacks { size, .. }) => fail(&format!(
                        "{}: {}",
                        file.display(),
                        heading(
                            lang,
                            &format!("PDF purkautuisi {size} tavuksi, enemmän kuin Raami lukee"),
                            &format!(
                                "PDF-filen skulle packas upp till {size} byte, mer än Raami läser"
                            ),
                            &format!("the PDF would unpack to {size} bytes, more than Raami reads"),
                        )
                    )),
                }
            }
            Command::Check { source, edits } => match load_edited(source, edits, &options, lang) {
                Ok((datasets, told)) => {
                    emit(&told);
                    check(&datasets, lang)
                }
                Err(message) => fail(&message),
            },
            Command::Seek {
                source,
                vary,
                goal,
                format,
            } => {
                let datasets = match load(source, &options, lang) {
                    Ok(datasets) => datasets,
                    Err(message) => return fail(&message),
                };
                seek(&datasets, vary, goal, *format, lang)
            }
            Command::Export {
                source,
                org,
                format,
                output,
                change,
                edits,
                views,
            } => {
                if *views && matches!(format, ExportFormat::Csv) {
                    return fail(&heading(
                        lang,
                        "--views kirjoittaa näkymät omille taulukoilleen: vie XLSX-muodossa (--format xlsx)",
                        "--views skriver vyerna på egna blad: exportera som XLSX (--format xlsx)",
                        "--views writes the views on sheets of their own: export XLSX (--format xlsx)",
                    ));
                }
                let (datasets, told) = match load_edited(source, edits, &options, lang) {
                    Ok(edited) => edited,
                    Err(message) => return fail(&message),
                };
                let wanted: Vec<Option<&str>> = if org.is_empty() {
                    vec![None]
                } else {
                    org.iter().map(|o| Some(o.as_str())).collect()
                };
                let mut tables = Vec::new();
                for one in wanted {
                    let (dataset, node) = match pick_node(&datasets, one, lang) {
                        Ok(found) => found,
                        Err(message) => return fail(&message),
                    };
                    let table = change.table(dataset, &node);
                    tables.push((dataset, table));
                }
                let bytes = match format {
                    ExportFormat::Csv => {
                        let [(_, table)] = tables.as_slice() else {
                            return fail(&heading(
                                lang,
                                "CSV-tiedostoon mahtuu yksi taulukko: anna yksi --org tai vie XLSX-muodossa (--format xlsx)",
                                "en CSV-fil rymmer en tabell: ange en --org eller exportera som XLSX (--format xlsx)",
                                "a CSV file holds one table: give one --org or export XLSX (--format xlsx)",
                            ));
                        };
                        format!("\u{feff}{}", report::table_csv(table, lang)).into_bytes()
                    }
                    ExportFormat::Xlsx => {
                        let scenario = (!told.trim().is_empty()).then(|| {
                            (
                                edits
                                    .scenario
                                    .clone()
                                    .unwrap_or_else(|| "raami --edit".into()),
                                told.lines()
                                    .filter(|l| !l.trim().is_empty())
                                    .map(str::to_string)
                                    .collect(),
                            )
                        });
                        let about = raami::export::About {
                            unit: "€".to_string(),
                            scenario,
                            ..raami::export::About::default()
                        };
                        let exported: Vec<raami::export::Exported> = tables
                            .iter()
                            .map(|(dataset, table)| raami::export::Exported { dataset, table })
                            .collect();
                        let grids: Vec<raami::export::Grid> = if *views {
                            tables
                                .iter()
                                .flat_map(|(dataset, table)| {
                                    raami::export::node_views(dataset, table, &about.unit, lang)
                                })
                                .collect()
                        } else {
                            Vec::new()
                        };
                        match raami::export::workbook_with(&exported, &grids, &about, lang) {
                            Ok(bytes) => bytes,
                            Err(e) => return fail(&e.to_string()),
                        }
                    }
                };
                if let Err(e) = std::fs::write(output, bytes) {
                    return fail(&format!("{}: {e}", output.display()));
                }
                if !told.is_empty() {
                    eprint!("{told}");
                }
                emit(&format!(
                    "{} {}\n",
                    heading(lang, "Kirjoitettu:", "Skrivet:", "Written:"),
                    output.display()
                ));
                ExitCode::SUCCESS
            }
            Command::Table {
                source,
                org,
                format,
                change,
                edits,
            } => {
                let (datasets, told) = match load_edited(source, edits, &options, lang) {
                    Ok(edited) => edited,
                    Err(message) => return fail(&message),
                };
                if matches!(format, Format::Text) {
                    emit(&told);
                } else if !told.is_empty() {
                    eprint!("{told}");
                }
                let (dataset, node) = match pick_node(&datasets, org.as_deref(), lang) {
                    Ok(found) => found,
                    Err(message) => return fail(&message),
                };
                let table = change.table(dataset, &node);
                let text = match format {
                    Format::Text => report::table_text(dataset, &table, lang),
                    Format::Csv => report::table_csv(&table, lang),
                    Format::Json => report::table_json(dataset, &table, lang),
                };
                emit(&text);
                ExitCode::SUCCESS
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
