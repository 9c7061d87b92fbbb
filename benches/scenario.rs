//! One what-if edit applied and every figure of the visible view recomputed (the node's
//! table), on the sample and on a dataset of 100 000 figures (2 000 units × 10 lines × 5
//! columns). Run with `cargo bench --bench scenario`; it prints the median and the 95th
//! percentile of each, which the README reports. `RAAMI_BENCH_PARTS=1` also times the parts
//! of an edit on the large dataset (its copy, its fingerprint, the table, the edit alone).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(not(target_arch = "wasm32"))]
mod run {
    use std::collections::BTreeMap;
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use rust_decimal::Decimal;

    use raami::analysis::node_table;
    use raami::model::{Column, ColumnKind, Dataset, Line, OrgLevel, OrgNode};
    use raami::scenario::spec::parse_edit;
    use raami::scenario::{Scenario, apply};

    /// 2 000 units under one sector, each with 10 lines in 5 columns.
    pub fn large() -> Dataset {
        let columns: Vec<Column> = [
            (ColumnKind::Tp, 2022),
            (ColumnKind::Ta, 2023),
            (ColumnKind::Ta, 2024),
            (ColumnKind::Ts, 2025),
            (ColumnKind::Ts, 2026),
        ]
        .into_iter()
        .map(|(kind, year)| Column::new(kind, year))
        .collect();
        let mut org = vec![OrgNode {
            id: "kunta".into(),
            name: "Kunta".into(),
            level: OrgLevel::Toimiala,
            parent: None,
            valid_from: None,
            valid_to: None,
            source: None,
        }];
        let mut figures = BTreeMap::new();
        let lines = [
            (Line::Myyntituotot, 1),
            (Line::Maksutuotot, 1),
            (Line::TuetJaAvustukset, 1),
            (Line::MuutToimintatuotot, 1),
            (Line::Henkilostokulut, -1),
            (Line::PalvelujenOstot, -1),
            (Line::AineetTarvikkeetJaTavarat, -1),
            (Line::Avustukset, -1),
            (Line::MuutToimintakulut, -1),
            (Line::Toimintakate, 0),
        ];
        for unit in 0..2000 {
            let id = format!("yksikko_{unit}");
            org.push(OrgNode {
                id: id.clone(),
                name: format!("Yksikkö {unit}"),
                level: OrgLevel::Vastuualue,
                parent: Some("kunta".into()),
                valid_from: None,
                valid_to: None,
                source: None,
            });
            let mut by_line = BTreeMap::new();
            for column in &columns {
                let mut total = Decimal::ZERO;
                for (i, (line, sign)) in lines.iter().enumerate() {
                    let amount = if *sign == 0 {
                        total
                    } else {
                        let a =
                            Decimal::from(*sign * (10_000 + ((unit * 31 + i * 7) % 90_000) as i64));
                        total += a;
                        a
                    };
                    by_line
                        .entry(*line)
                        .or_insert_with(BTreeMap::new)
                        .insert(column.id.clone(), amount);
                }
            }
            figures.insert(id, by_line);
        }
        Dataset {
            id: "suuri".into(),
            name: "Suuri".into(),
            columns,
            org,
            figures,
            ..Dataset::default()
        }
    }

    fn time(name: &str, runs: usize, mut f: impl FnMut()) {
        f();
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect();
        times.sort();
        let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
        println!(
            "{name}: median {:.3} ms, p95 {:.3} ms ({runs} runs)",
            at(0.5).as_secs_f64() * 1e3,
            at(0.95).as_secs_f64() * 1e3
        );
    }

    fn edit_and_table(dataset: &Dataset, spec: &str, org: &str, runs: usize, name: &str) {
        let edit = parse_edit(dataset, spec).unwrap();
        let scenario = Scenario {
            edits: vec![edit],
            ..Scenario::new("bench", dataset)
        };
        time(name, runs, || {
            let applied = apply(dataset, &scenario);
            assert!(applied.outcomes[0].is_ok());
            black_box(node_table(&applied.dataset, org, None));
        });
    }

    pub fn main() {
        let sample = raami::sample::heinola().unwrap();
        edit_and_table(
            &sample,
            "varhaiskasvatus:palvelujen_ostot:TS2026:-5%",
            "hyvinvointitoimiala",
            500,
            "sample, one unit's line",
        );
        edit_and_table(
            &sample,
            "Hyvinvointitoimiala/*:henkilostokulut:TS2026:+3%",
            "hyvinvointitoimiala",
            500,
            "sample, every unit of the sector",
        );
        let large = large();
        if std::env::var("RAAMI_BENCH_PARTS").is_ok() {
            time("parts: clone", 10, || {
                black_box(large.clone());
            });
            time("parts: fingerprint", 10, || {
                black_box(raami::scenario::fingerprint(&large));
            });
            time("parts: node_table", 10, || {
                black_box(node_table(&large, "kunta", None));
            });
            time("parts: apply without made_on", 10, || {
                let edit = parse_edit(&large, "yksikko_7:palvelujen_ostot:TS2026:-5%").unwrap();
                black_box(apply(
                    &large,
                    &Scenario {
                        edits: vec![edit],
                        ..Scenario::default()
                    },
                ));
            });
        }
        edit_and_table(
            &large,
            "yksikko_7:palvelujen_ostot:TS2026:-5%",
            "kunta",
            30,
            "100 000 figures, one unit's line",
        );
        edit_and_table(
            &large,
            "kunta/*:henkilostokulut:TS2026:+3%",
            "kunta",
            10,
            "100 000 figures, every unit (2 000)",
        );
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    run::main();
}
