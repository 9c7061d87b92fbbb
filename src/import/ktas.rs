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

/// Code → meaning, for the lines of the income statement (the taxonomy's investment and
/// financing lines are not income-statement lines and are left out).
pub fn codes() -> &'static HashMap<u32, KtasCode> {
    static CODES: OnceLock<HashMap<u32, KtasCode>> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut map = HashMap::new();
        let mut reader = csv::ReaderBuilder::new().from_reader(TAXONOMY_CSV.as_bytes());
        for record in reader.records().flatten() {
            let Some(line) = record.get(0).and_then(Line::from_label) else {
                continue;
            };
            let columns = [
                (4, ColumnKind::Ta, 0),
                (5, ColumnKind::Ts, 1),
                (6, ColumnKind::Ts, 2),
                (7, ColumnKind::TaMuutettu, -1),
            ];
            for (index, kind, year_offset) in columns {
                if let Some(code) = record.get(index).and_then(|c| c.trim().parse::<u32>().ok()) {
                    map.insert(
                        code,
                        KtasCode {
                            line,
                            kind,
                            year_offset,
                        },
                    );
                }
            }
        }
        map
    })
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
        // Investment lines are not income-statement lines.
        assert!(!codes.contains_key(&176610));
    }
}
