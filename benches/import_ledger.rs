//! Importing a generated ledger of 1 000 000 rows (org × account × column, long CSV in
//! Finnish Excel style) through the same importer the app and `raami import` use.
//! Run with `cargo bench --bench import_ledger`; the README states the measured rows/s.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(not(target_arch = "wasm32"))]
mod ledger {
    use std::fmt::Write;
    use std::hint::black_box;

    use criterion::{Criterion, Throughput, criterion_group};

    use raami::import::csvfile::import_csv;

    /// 100 units × 250 accounts × 40 columns = 1 000 000 rows, expenses positive as ledgers
    /// print them.
    pub fn ledger(units: usize, accounts: usize, columns: usize) -> String {
        let account_numbers: Vec<u32> = (0..accounts)
            .map(|i| [3000, 3200, 3300, 3400, 4000, 4300, 4500, 4700, 4800][i % 9] + (i / 9) as u32)
            .collect();
        let mut text = String::with_capacity(units * accounts * columns * 40);
        text.push_str("yksikkö;tili;sarake;euroa\n");
        for unit in 0..units {
            for (a, account) in account_numbers.iter().enumerate() {
                for c in 0..columns {
                    let year = 2000 + (c / 2) as i32;
                    let kind = if c % 2 == 0 { "TP" } else { "TA" };
                    let euros = 1_000 + (unit * 7 + a * 13 + c * 17) % 900_000;
                    writeln!(
                        text,
                        "Vastuualue {unit};{account};{kind} {year};{} {:03},{:02}",
                        euros / 1000,
                        euros % 1000,
                        (a + c) % 100
                    )
                    .unwrap();
                }
            }
        }
        text
    }

    fn bench(c: &mut Criterion) {
        let text = ledger(100, 250, 40);
        let mut group = c.benchmark_group("import");
        group.sample_size(10);
        group.throughput(Throughput::Elements(1_000_000));
        group.bench_function("ledger_1m_rows_csv", |b| {
            b.iter(|| {
                let imported = import_csv("ledger.csv", black_box(text.as_bytes())).unwrap();
                assert_eq!(imported.dataset.org.len(), 100);
                imported
            })
        });
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(ledger::benches);

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
