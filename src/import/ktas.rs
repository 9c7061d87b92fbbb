//! The State Treasury's budget filing (KTAS, JHS 192 taxonomy): the cell code of each line
//! for each budget column. A code names both the line and the column relative to the filing's
//! budget year: `TA 202x`, `TS 202x+1`, `TS 202x+2`, and `TA 202x−1` with changes (TA+m).
//! The extract ships in `data/ktas-taxonomy-jhs-2019-03-extract.csv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{ColumnKind, Line};

const TAXONOMY_CSV: &str = include_str!("../../data/ktas-taxonomy-jhs-2019-03-extract.csv");

/// What a KTAS cell code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KtasCode {
    pub line: Line,
    pub kind: ColumnKind,
    /// Years after the filing's budget year (−1 for last year's amended budget).
    pub year_offset: i32,
}

/// The budget columns of the taxonomy's table: (CSV column, kind, years after the budget
/// year).
const COLUMNS: [(usize, ColumnKind, i32); 4] = [
    (4, ColumnKind::Ta, 0),
    (5, ColumnKind::Ts, 1),
    (6, ColumnKind::Ts, 2),
    (7, ColumnKind::TaMuutettu, -1),
];

/// A cell of the filing outside the income statement (investments, financing, loans, staff,
/// the tax rate): its name in Finnish, Swedish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherCode {
    pub names: [&'static str; 3],
    pub kind: ColumnKind,
    pub year_offset: i32,
}

impl OtherCode {
    pub fn name(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Fi => self.names[0],
            crate::i18n::Lang::Sv => self.names[1],
            crate::i18n::Lang::En => self.names[2],
        }
    }
}

struct Taxonomy {
    lines: HashMap<u32, KtasCode>,
    others: HashMap<u32, OtherCode>,
}

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| {
        let mut lines = HashMap::new();
        let mut others = HashMap::new();
        let mut reader = csv::ReaderBuilder::new().from_reader(TAXONOMY_CSV.as_bytes());
        for record in reader.records().flatten() {
            let line = record.get(0).and_then(Line::from_label);
            // A line outside the statement is named, once a row: built once for the
            // program's life, the names are kept as long.
            let names = line.is_none().then(|| {
                [0, 1, 2]
                    .map(|i| String::leak(record.get(i).unwrap_or_default().to_string()) as &str)
            });
            for (index, kind, year_offset) in COLUMNS {
                let Some(code) = record.get(index).and_then(|c| c.trim().parse::<u32>().ok())
                else {
                    continue;
                };
                match line {
                    Some(line) => {
                        lines.insert(
                            code,
                            KtasCode {
                                line,
                                kind,
                                year_offset,
                            },
                        );
                    }
                    None => {
                        others.insert(
                            code,
                            OtherCode {
                                names: names.unwrap_or_default(),
                                kind,
                                year_offset,
                            },
                        );
                    }
                }
            }
        }
        Taxonomy { lines, others }
    })
}

/// Code → meaning, for the lines of the income statement.
pub fn codes() -> &'static HashMap<u32, KtasCode> {
    &taxonomy().lines
}

/// Code → name, for the taxonomy's cells outside the income statement (investment and
/// financing lines, the loan stock, person-years, the tax rate): known, and not read.
pub fn other_codes() -> &'static HashMap<u32, OtherCode> {
    &taxonomy().others
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_taxonomy() {
        let codes = codes();
        assert_eq!(
            codes[&1843],
            KtasCode {
                line: Line::Myyntituotot,
                kind: ColumnKind::Ta,
                year_offset: 0
            }
        );
        assert_eq!(
            codes[&1849],
            KtasCode {
                line: Line::Myyntituotot,
                kind: ColumnKind::Ts,
                year_offset: 1
            }
        );
        assert_eq!(
            codes[&632],
            KtasCode {
                line: Line::Toimintakulut,
                kind: ColumnKind::Ta,
                year_offset: 0
            }
        );
        assert_eq!(
            codes[&156],
            KtasCode {
                line: Line::Toimintakate,
                kind: ColumnKind::TaMuutettu,
                year_offset: -1
            }
        );
        assert_eq!(codes[&1098].line, Line::TilikaudenYlijaama);
        // Every income-statement line of the extract is known: 23 lines × 4 columns.
        assert_eq!(codes.len(), 92);
        // Investment lines are not income-statement lines, and are known as what they are.
        assert!(!codes.contains_key(&176610));
        let investments = other_codes()[&176610];
        assert_eq!(investments.names[0], "Investointimenot yhteensä (brutto)");
        assert_eq!(
            investments.name(crate::i18n::Lang::En),
            "Investment expenditure, total (gross)"
        );
        assert_eq!(
            (investments.kind, investments.year_offset),
            (ColumnKind::Ta, 0)
        );
        assert_eq!(other_codes()[&1598].names[0], "Lainakanta 31.12.");
        assert_eq!(other_codes()[&1598].kind, ColumnKind::TaMuutettu);
        // Seven lines outside the statement × 4 columns.
        assert_eq!(other_codes().len(), 28);
    }
}
