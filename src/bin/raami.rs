//! `raami`: the command-line tool over the same core as the web app, for finance staff and
//! for checks in scripts.
//!
//! - `raami check FILE | --sample` — validation report; exit 0 consistent (rounding
//!   differences alone are consistent), 1 inconsistent, 2 unreadable.
//! - `raami table FILE | --sample [--org NAME] [--format text|csv|json]` — the computed
//!   table of one node.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::PathBuf;
    use std::process::ExitCode;

    use clap::{Args, Parser, Subcommand, ValueEnum};

    use raami::analysis::{node_table, table::default_change_pair, validate};
    use raami::i18n::Lang;
    use raami::model::Dataset;
    use raami::package::read_package;
    use raami::report;

    /// Raami: Finnish municipal budgets, checked and tabulated.
    #[derive(Parser)]
    #[command(name = "raami", version, about)]
    struct Cli {
        /// Language of the report: fi, sv or en.
        #[arg(long, global = true, default_value = "fi", value_parser = parse_lang)]
        lang: Lang,
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Validate a package: subtotals against their parts, nodes against their units.
        Check(Source),
        /// Print the computed table of one org node.
        Table {
            #[command(flatten)]
            source: Source,
            /// The node, by id or name (default: the top of the tree, or its only top node).
            #[arg(long)]
            org: Option<String>,
            #[arg(long, value_enum, default_value = "text")]
            format: Format,
            /// Base column of the change columns (default: the node's first column).
            #[arg(long)]
            base: Option<String>,
            /// Target column of the change columns (default: the node's last column).
            #[arg(long)]
            target: Option<String>,
        },
    }

    #[derive(Args)]
    struct Source {
        /// A Raami package (.json).
        #[arg(required_unless_present = "sample", conflicts_with = "sample")]
        file: Option<PathBuf>,
        /// Use the embedded Heinola sample instead of a file.
        #[arg(long)]
        sample: bool,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Text,
        Csv,
        Json,
    }

    fn parse_lang(text: &str) -> Result<Lang, String> {
        Lang::from_code(text).ok_or_else(|| format!("unknown language '{text}' (fi, sv or en)"))
    }

    /// Exit code for input that could not be read.
    const UNREADABLE: u8 = 2;

    fn load(source: &Source, lang: Lang) -> Result<Vec<Dataset>, String> {
        match &source.file {
            None => raami::sample::heinola()
                .map(|d| vec![d])
                .map_err(|e| e.message(lang, "heinola.raami.json")),
            Some(path) => {
                let name = path.display().to_string();
                let bytes = std::fs::read(path).map_err(|e| match lang {
                    Lang::Fi => format!("{name}: tiedostoa ei voi lukea: {e}"),
                    Lang::Sv => format!("{name}: filen kan inte läsas: {e}"),
                    Lang::En => format!("{name}: cannot read the file: {e}"),
                })?;
                let text = String::from_utf8(bytes).map_err(|e| match lang {
                    Lang::Fi => format!(
                        "{name}: tavu {}: tiedosto ei ole UTF-8-tekstiä",
                        e.utf8_error().valid_up_to() + 1
                    ),
                    Lang::Sv => format!(
                        "{name}: byte {}: filen är inte UTF-8-text",
                        e.utf8_error().valid_up_to() + 1
                    ),
                    Lang::En => format!(
                        "{name}: byte {}: the file is not UTF-8 text",
                        e.utf8_error().valid_up_to() + 1
                    ),
                })?;
                read_package(&text)
                    .map(|p| p.datasets)
                    .map_err(|e| e.message(lang, &name))
            }
        }
    }

    fn check(datasets: &[Dataset], lang: Lang) -> ExitCode {
        let mut consistent = true;
        for dataset in datasets {
            let report = validate(dataset);
            consistent &= report.is_consistent();
            print!("{}", report::check_text(dataset, &report, lang));
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
                let root = dataset.roots().next().ok_or_else(|| match lang {
                    Lang::Fi => "aineistossa ei ole organisaatiota".to_string(),
                    Lang::Sv => "materialet har ingen organisation".to_string(),
                    Lang::En => "the dataset has no organisation".to_string(),
                })?;
                Ok((dataset, root.id.clone()))
            }
        }
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let lang = cli.lang;
        let source = match &cli.command {
            Command::Check(source) | Command::Table { source, .. } => source,
        };
        let datasets = match load(source, lang) {
            Ok(datasets) => datasets,
            Err(message) => {
                eprintln!("raami: {message}");
                return ExitCode::from(UNREADABLE);
            }
        };
        match &cli.command {
            Command::Check(_) => check(&datasets, lang),
            Command::Table {
                org,
                format,
                base,
                target,
                ..
            } => {
                let (dataset, node) = match pick_node(&datasets, org.as_deref(), lang) {
                    Ok(found) => found,
                    Err(message) => {
                        eprintln!("raami: {message}");
                        return ExitCode::from(UNREADABLE);
                    }
                };
                let columns = raami::analysis::table::node_columns(dataset, &node);
                let default = default_change_pair(&columns);
                let base = base
                    .clone()
                    .or_else(|| default.as_ref().map(|d| d.0.clone()));
                let target = target
                    .clone()
                    .or_else(|| default.as_ref().map(|d| d.1.clone()));
                let pair = base.as_deref().zip(target.as_deref());
                let table = node_table(dataset, &node, pair);
                let text = match format {
                    Format::Text => report::table_text(dataset, &table, lang),
                    Format::Csv => report::table_csv(&table, lang),
                    Format::Json => report::table_json(dataset, &table, lang),
                };
                print!("{text}");
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
