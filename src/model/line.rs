//! The income-statement lines (tuloslaskelma) of a Finnish municipality, after JHS 192 and
//! the State Treasury's KTAS taxonomy: each line's names in Finnish, Swedish and English,
//! its role, the formula of every subtotal, and the synonyms that files use for it.
//!
//! Amounts are stored as budget books print them: revenue positive, expenses negative.
//! So every subtotal is a plain sum of its parts.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// One standard line. The serialised name is the stable key used in package files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    Myyntituotot,
    Maksutuotot,
    TuetJaAvustukset,
    MuutToimintatuotot,
    Toimintatuotot,
    ValmistevarastojenMuutos,
    ValmistusOmaanKayttoon,
    PalkatJaPalkkiot,
    Elakekulut,
    MuutHenkilosivukulut,
    Henkilosivukulut,
    Henkilostokulut,
    PalvelujenOstot,
    AineetTarvikkeetJaTavarat,
    Avustukset,
    MuutToimintakulut,
    Toimintakulut,
    Toimintakate,
    Verotulot,
    Valtionosuudet,
    Korkotuotot,
    MuutRahoitustuotot,
    KorvausPeruspaaomasta,
    Korkokulut,
    MuutRahoituskulut,
    RahoitustuototJaKulut,
    Vuosikate,
    SuunnitelmanMukaisetPoistot,
    MuutPoistot,
    Arvonalentumiset,
    PoistotJaArvonalentumiset,
    SatunnaisetTuotot,
    SatunnaisetKulut,
    SatunnaisetErat,
    TilikaudenTulos,
    PoistoeronMuutos,
    VaraustenMuutos,
    RahastojenMuutos,
    Tilinpaatossiirrot,
    TilikaudenYlijaama,
}

/// What a line is, which decides its expected sign and how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Revenue, stored positive.
    Revenue,
    /// An expense, stored negative.
    Expense,
    /// Either sign is normal (financial items, extraordinary items, appropriations).
    Mixed,
    /// The sum of other lines, computed; a file may also state it.
    Subtotal,
}

/// Everything the catalogue knows of one line.
#[derive(Debug, Clone, Copy)]
pub struct LineInfo {
    pub line: Line,
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    pub role: Role,
    /// The parts whose sum the line is; empty for a line that is not a subtotal.
    pub parts: &'static [Line],
    /// Other names files use for the line (besides the three above), any case.
    pub synonyms: &'static [&'static str],
    /// Indentation level in the printed statement: 0 for the main lines.
    pub depth: u8,
}

use Line::*;

/// The catalogue, in the order a budget book prints the statement: parts before their
/// subtotal.
pub const CATALOGUE: &[LineInfo] = &[
    LineInfo {
        line: Myyntituotot,
        fi: "Myyntituotot",
        sv: "Försäljningsintäkter",
        en: "Sales revenue",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Myyntitulot", "Sales income"],
        depth: 1,
    },
    LineInfo {
        line: Maksutuotot,
        fi: "Maksutuotot",
        sv: "Avgiftsintäkter",
        en: "Fee revenue",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Maksutulot", "Fee income"],
        depth: 1,
    },
    LineInfo {
        line: TuetJaAvustukset,
        fi: "Tuet ja avustukset",
        sv: "Understöd och bidrag",
        en: "Subsidies and grants received",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Subsidies and grants", "Tuen ja avustukset"],
        depth: 1,
    },
    LineInfo {
        line: MuutToimintatuotot,
        fi: "Muut toimintatuotot",
        sv: "Övriga verksamhetsintäkter",
        en: "Other operating revenue",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Muut toimintatulot", "Other operating income"],
        depth: 1,
    },
    LineInfo {
        line: Toimintatuotot,
        fi: "Toimintatuotot",
        sv: "Verksamhetsintäkter",
        en: "Operating revenue",
        role: Role::Subtotal,
        parts: &[
            Myyntituotot,
            Maksutuotot,
            TuetJaAvustukset,
            MuutToimintatuotot,
        ],
        synonyms: &[
            "Toimintatulot",
            "Tulot",
            "Operating income",
            "Toimintatuotot yhteensä",
            "Toimintatulot yhteensä",
            "Toimintatuotot yhteensä",
        ],
        depth: 0,
    },
    LineInfo {
        line: ValmistevarastojenMuutos,
        fi: "Valmistevarastojen muutos",
        sv: "Förändring av produktlager",
        en: "Change in stocks of products",
        role: Role::Mixed,
        parts: &[],
        synonyms: &["Varastojen muutos"],
        depth: 0,
    },
    LineInfo {
        line: ValmistusOmaanKayttoon,
        fi: "Valmistus omaan käyttöön",
        sv: "Tillverkning för eget bruk",
        en: "Manufacturing for own use",
        role: Role::Revenue,
        parts: &[],
        synonyms: &[],
        depth: 0,
    },
    LineInfo {
        line: PalkatJaPalkkiot,
        fi: "Palkat ja palkkiot",
        sv: "Löner och arvoden",
        en: "Wages and salaries",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Palkat"],
        depth: 2,
    },
    LineInfo {
        line: Elakekulut,
        fi: "Eläkekulut",
        sv: "Pensionskostnader",
        en: "Pension costs",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Eläkemenot"],
        depth: 3,
    },
    LineInfo {
        line: MuutHenkilosivukulut,
        fi: "Muut henkilösivukulut",
        sv: "Övriga lönebikostnader",
        en: "Other social security costs",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Muut henkilösivumenot", "Muut henkilöstösivukulut"],
        depth: 3,
    },
    LineInfo {
        line: Henkilosivukulut,
        fi: "Henkilösivukulut",
        sv: "Lönebikostnader",
        en: "Social security costs",
        role: Role::Subtotal,
        parts: &[Elakekulut, MuutHenkilosivukulut],
        synonyms: &["Henkilösivumenot", "Henkilöstösivukulut"],
        depth: 2,
    },
    LineInfo {
        line: Henkilostokulut,
        fi: "Henkilöstökulut",
        sv: "Personalkostnader",
        en: "Staff expenses",
        role: Role::Subtotal,
        parts: &[PalkatJaPalkkiot, Henkilosivukulut],
        synonyms: &["Henkilöstömenot", "Staff expenditure"],
        depth: 1,
    },
    LineInfo {
        line: PalvelujenOstot,
        fi: "Palvelujen ostot",
        sv: "Köp av tjänster",
        en: "Purchases of services",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Services purchased"],
        depth: 1,
    },
    LineInfo {
        line: AineetTarvikkeetJaTavarat,
        fi: "Aineet, tarvikkeet ja tavarat",
        sv: "Material, förnödenheter och varor",
        en: "Materials, supplies and goods",
        role: Role::Expense,
        parts: &[],
        synonyms: &[
            "Aineet tarvikkeet ja tavarat",
            "Raw materials and consumables",
            "Aineet ja tarvikkeet",
            "Aineet, tarvikkeet, tavarat",
        ],
        depth: 1,
    },
    LineInfo {
        line: Avustukset,
        fi: "Avustukset",
        sv: "Bidrag",
        en: "Grants paid",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Subsidies", "Avustukset muille"],
        depth: 1,
    },
    LineInfo {
        line: MuutToimintakulut,
        fi: "Muut toimintakulut",
        sv: "Övriga verksamhetskostnader",
        en: "Other operating expenses",
        role: Role::Expense,
        parts: &[],
        synonyms: &[
            "Muut toimintamenot",
            "Övriga omkostnader",
            "Other operating expenditure",
            "Muut menot",
        ],
        depth: 1,
    },
    LineInfo {
        line: Toimintakulut,
        fi: "Toimintakulut",
        sv: "Verksamhetskostnader",
        en: "Operating expenses",
        role: Role::Subtotal,
        parts: &[
            Henkilostokulut,
            PalvelujenOstot,
            AineetTarvikkeetJaTavarat,
            Avustukset,
            MuutToimintakulut,
        ],
        synonyms: &[
            "Toimintamenot",
            "Menot",
            "Omkostnader",
            "Toimintakulut yhteensä",
            "Toimintamenot yhteensä",
        ],
        depth: 0,
    },
    LineInfo {
        line: Toimintakate,
        fi: "Toimintakate",
        sv: "Verksamhetsbidrag",
        en: "Operating margin",
        role: Role::Subtotal,
        parts: &[
            Toimintatuotot,
            ValmistevarastojenMuutos,
            ValmistusOmaanKayttoon,
            Toimintakulut,
        ],
        synonyms: &[
            "Netto",
            "Operating margin",
            "Toimintakate/Jäämä",
            "Toimintakate / jäämä",
            "Toimintakate (sitova)",
            "Toimintakate, sitova",
        ],
        depth: 0,
    },
    LineInfo {
        line: Verotulot,
        fi: "Verotulot",
        sv: "Skatteinkomster",
        en: "Tax revenue",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Skatteintäkter"],
        depth: 0,
    },
    LineInfo {
        line: Valtionosuudet,
        fi: "Valtionosuudet",
        sv: "Statsandelar",
        en: "Central government transfers",
        role: Role::Revenue,
        parts: &[],
        synonyms: &[],
        depth: 0,
    },
    LineInfo {
        line: Korkotuotot,
        fi: "Korkotuotot",
        sv: "Ränteintäkter",
        en: "Interest income",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Korkotulot", "Korkotuotot muilta", "Korkotulot muilta"],
        depth: 1,
    },
    LineInfo {
        line: MuutRahoitustuotot,
        fi: "Muut rahoitustuotot",
        sv: "Övriga finansiella intäkter",
        en: "Other financial income",
        role: Role::Revenue,
        parts: &[],
        synonyms: &[
            "Muut rahoitustulot",
            "Muut rahoitustuotot muilta",
            "Muut rahoitustulot muilta",
        ],
        depth: 1,
    },
    LineInfo {
        line: KorvausPeruspaaomasta,
        fi: "Korvaus peruspääomasta",
        sv: "Ersättning för grundkapital",
        en: "Return on basic capital",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Korvaus peruspääomasta liikelaitoksilta"],
        depth: 1,
    },
    LineInfo {
        line: Korkokulut,
        fi: "Korkokulut",
        sv: "Räntekostnader",
        en: "Interest expenses",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Korkomenot", "Korkokulut muille", "Korkomenot muille"],
        depth: 1,
    },
    LineInfo {
        line: MuutRahoituskulut,
        fi: "Muut rahoituskulut",
        sv: "Övriga finansiella kostnader",
        en: "Other financial expenses",
        role: Role::Expense,
        parts: &[],
        synonyms: &[
            "Muut rahoitusmenot",
            "Muut rahoituskulut muille",
            "Muut rahoitusmenot muille",
        ],
        depth: 1,
    },
    LineInfo {
        line: RahoitustuototJaKulut,
        fi: "Rahoitustuotot ja -kulut",
        sv: "Finansiella intäkter och kostnader",
        en: "Financial income and expenses",
        role: Role::Subtotal,
        parts: &[
            Korkotuotot,
            MuutRahoitustuotot,
            KorvausPeruspaaomasta,
            Korkokulut,
            MuutRahoituskulut,
        ],
        synonyms: &[
            "Rahoitustulot ja -menot",
            "Rahoitustulot (+) ja -menot (-)",
            "Rahoitustuotot ja kulut",
            "Finansiella intäkter (+) och kostnader (-)",
            "Financial revenue (+) and expenditure (-)",
            "Rahoitustuotot- ja kulut",
            "Rahoitustulot- ja menot",
            "Rahoitustuotot ja -kulut yhteensä",
            "Rahoitustulot ja -menot yhteensä",
        ],
        depth: 0,
    },
    LineInfo {
        line: Vuosikate,
        fi: "Vuosikate",
        sv: "Årsbidrag",
        en: "Annual margin",
        role: Role::Subtotal,
        parts: &[
            Toimintakate,
            Verotulot,
            Valtionosuudet,
            RahoitustuototJaKulut,
        ],
        synonyms: &[],
        depth: 0,
    },
    LineInfo {
        line: SuunnitelmanMukaisetPoistot,
        fi: "Suunnitelman mukaiset poistot",
        sv: "Avskrivningar enligt plan",
        en: "Planned depreciation",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Sumu-poistot", "Suunnitelmapoistot"],
        depth: 1,
    },
    LineInfo {
        line: MuutPoistot,
        fi: "Muut poistot",
        sv: "Övriga avskrivningar",
        en: "Other depreciation",
        role: Role::Expense,
        parts: &[],
        synonyms: &[
            "Kertaluonteiset poistot",
            "Muut lisäpoistot",
            "Lisäpoistot",
            "Kertapoistot",
        ],
        depth: 1,
    },
    LineInfo {
        line: Arvonalentumiset,
        fi: "Arvonalentumiset",
        sv: "Nedskrivningar",
        en: "Impairment",
        role: Role::Expense,
        parts: &[],
        synonyms: &[],
        depth: 1,
    },
    LineInfo {
        line: PoistotJaArvonalentumiset,
        fi: "Poistot ja arvonalentumiset",
        sv: "Avskrivningar och nedskrivningar",
        en: "Depreciation and impairment",
        role: Role::Subtotal,
        parts: &[SuunnitelmanMukaisetPoistot, MuutPoistot, Arvonalentumiset],
        synonyms: &[
            "Depreciations and write-downs",
            "Poistot",
            "Poistot ja arvonalentumiset yhteensä",
        ],
        depth: 0,
    },
    LineInfo {
        line: SatunnaisetTuotot,
        fi: "Satunnaiset tuotot",
        sv: "Extraordinära intäkter",
        en: "Extraordinary income",
        role: Role::Revenue,
        parts: &[],
        synonyms: &["Satunnaiset tulot"],
        depth: 1,
    },
    LineInfo {
        line: SatunnaisetKulut,
        fi: "Satunnaiset kulut",
        sv: "Extraordinära kostnader",
        en: "Extraordinary expenses",
        role: Role::Expense,
        parts: &[],
        synonyms: &["Satunnaiset menot"],
        depth: 1,
    },
    LineInfo {
        line: SatunnaisetErat,
        fi: "Satunnaiset erät",
        sv: "Extraordinära poster",
        en: "Extraordinary items",
        role: Role::Subtotal,
        parts: &[SatunnaisetTuotot, SatunnaisetKulut],
        synonyms: &["Satunnaiset tuotot ja kulut", "Satunnaiset tulot ja menot"],
        depth: 0,
    },
    LineInfo {
        line: TilikaudenTulos,
        fi: "Tilikauden tulos",
        sv: "Räkenskapsperiodens resultat",
        en: "Result for the financial year",
        role: Role::Subtotal,
        parts: &[Vuosikate, PoistotJaArvonalentumiset, SatunnaisetErat],
        synonyms: &["Results for the financial year"],
        depth: 0,
    },
    LineInfo {
        line: PoistoeronMuutos,
        fi: "Poistoeron muutos",
        sv: "Förändring av avskrivningsdifferens",
        en: "Change in depreciation difference",
        role: Role::Mixed,
        parts: &[],
        synonyms: &[
            "Poistoeron lisäys (-) tai vähennys (+)",
            "Poistoeron lisäys/vähennys",
            "Poistoeron vähennys",
            "Poistoeron lisäys",
        ],
        depth: 1,
    },
    LineInfo {
        line: VaraustenMuutos,
        fi: "Varausten muutos",
        sv: "Förändring av reserver",
        en: "Change in reserves",
        role: Role::Mixed,
        parts: &[],
        synonyms: &[
            "Varausten lisäys (-) tai vähennys (+)",
            "Varausten lisäys/vähennys",
        ],
        depth: 1,
    },
    LineInfo {
        line: RahastojenMuutos,
        fi: "Rahastojen muutos",
        sv: "Förändring av fonder",
        en: "Change in funds",
        role: Role::Mixed,
        parts: &[],
        synonyms: &[
            "Rahastojen lisäys (-) tai vähennys (+)",
            "Rahastojen lisäys/vähennys",
            "Rahastojen vähennys+/lisäys -",
        ],
        depth: 1,
    },
    LineInfo {
        line: Tilinpaatossiirrot,
        fi: "Poistoeron, varausten ja rahastojen muutos",
        sv: "Förändring av avskrivningsdifferens, reserver och fonder",
        en: "Change in depreciation difference, reserves and funds",
        role: Role::Subtotal,
        parts: &[PoistoeronMuutos, VaraustenMuutos, RahastojenMuutos],
        synonyms: &[
            "Tilinpäätössiirrot",
            "Tilinpäätössiirrot + (-)",
            "Bokslutsdispositioner",
            "Appropriations",
            "Varausten ja rahastojen muutokset",
            "Poistoeron, varausten ja rahastojen muutokset",
        ],
        depth: 0,
    },
    LineInfo {
        line: TilikaudenYlijaama,
        fi: "Tilikauden ylijäämä (alijäämä)",
        sv: "Räkenskapsperiodens överskott (underskott)",
        en: "Surplus (deficit) for the financial year",
        role: Role::Subtotal,
        parts: &[TilikaudenTulos, Tilinpaatossiirrot],
        synonyms: &[
            "Tilikauden ylijäämä",
            "Tilikauden alijäämä",
            "Tilikauden yli-/alijäämä",
            "Surplus for the financial year(deficit)",
            "Tilikauden ylijäämä tai alijäämä",
            "Tilikauden ylijäämä (+) tai alijäämä (-)",
            "Tilikauden ali/ylijäämä",
            "Tilikauden yli/alijäämä",
            "Tilikauden ylijäämä/alijäämä",
            "Tilikauden yli- / alijäämä",
            "Tilikauden ylijäämä/ alijäämä (-)",
            "Tilikauden ylijäämä/alijäämä (-)",
            "Räkenskapsperiodens överskott/underskott (-)",
            "Räkenskapsperiodens överskott/underskott",
        ],
        depth: 0,
    },
];

impl Line {
    /// Every line in statement order.
    pub fn all() -> impl Iterator<Item = Line> {
        CATALOGUE.iter().map(|info| info.line)
    }

    /// The catalogue entry of this line.
    pub fn info(self) -> &'static LineInfo {
        // The catalogue lists every variant once, in declaration order; a test checks it.
        &CATALOGUE[self as usize]
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let info = self.info();
        match lang {
            Lang::Fi => info.fi,
            Lang::Sv => info.sv,
            Lang::En => info.en,
        }
    }

    pub fn role(self) -> Role {
        self.info().role
    }

    pub fn parts(self) -> &'static [Line] {
        self.info().parts
    }

    pub fn is_subtotal(self) -> bool {
        !self.parts().is_empty()
    }

    /// The stable key of the line in package files (`toimintakate`).
    pub fn key(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Recognises a line from the label a file gives it: any of its names in the three
    /// languages or a synonym, in any case, with spacing, a trailing colon and a leading
    /// sign marker (`TOIMINTATUOTOT -` in budget books) ignored.
    pub fn from_label(label: &str) -> Option<Line> {
        label_index().get(&normalise_label(label)).copied()
    }
}

impl Line {
    /// The line of a JHS 192 account number, for ledger-level files (3000–3199
    /// Myyntituotot … 8000–8199 Satunnaiset erät).
    pub fn from_account(account: u32) -> Option<Line> {
        Some(match account {
            3000..=3199 => Myyntituotot,
            3200..=3299 => Maksutuotot,
            3300..=3399 => TuetJaAvustukset,
            3400..=3559 => MuutToimintatuotot,
            3600..=3699 => ValmistevarastojenMuutos,
            3700..=3799 => ValmistusOmaanKayttoon,
            4000..=4299 => Henkilostokulut,
            4300..=4499 => PalvelujenOstot,
            4500..=4699 => AineetTarvikkeetJaTavarat,
            4700..=4799 => Avustukset,
            4800..=4995 => MuutToimintakulut,
            5000..=5499 => Verotulot,
            5500..=5899 => Valtionosuudet,
            6000..=6999 => RahoitustuototJaKulut,
            7000..=7299 => PoistotJaArvonalentumiset,
            8000..=8199 => SatunnaisetErat,
            _ => return None,
        })
    }

    /// The subtotal this line is a part of (`Henkilöstökulut` → `Toimintakulut`), if any.
    pub fn parent(self) -> Option<Line> {
        Line::all().find(|l| l.parts().contains(&self))
    }

    /// The line just before this one in statement order, if any.
    pub fn previous(self) -> Option<Line> {
        (self as usize)
            .checked_sub(1)
            .and_then(|i| CATALOGUE.get(i))
            .map(|info| info.line)
    }

    /// The first line in statement order that is part of this one (itself for a line
    /// without parts): `Myyntituotot` for Toimintakate.
    pub fn first_part(self) -> Line {
        let mut line = self;
        while let Some(first) = line.parts().iter().min() {
            line = *first;
        }
        line
    }

    /// Whether statements leave the line out where it is zero or does not apply, so that its
    /// absence does not make its subtotal incomplete: Valmistus omaan käyttöön and the change
    /// in stocks, Verotulot and Valtionosuudet (a unit has none), Satunnaiset erät and the
    /// appropriations. Every other part that is missing may be the difference.
    pub fn may_be_omitted(self) -> bool {
        matches!(
            self,
            ValmistevarastojenMuutos
                | ValmistusOmaanKayttoon
                | Verotulot
                | Valtionosuudet
                | SatunnaisetErat
                | Tilinpaatossiirrot
        )
    }

    /// Whether the line is an expense or a sum of expenses: stored negative, and printed
    /// positive by sources that show expenses positive (KTAS filings, many ledgers).
    pub fn is_expense_like(self) -> bool {
        match self.role() {
            Role::Expense => true,
            Role::Subtotal => self.parts().iter().all(|p| p.is_expense_like()),
            Role::Revenue | Role::Mixed => false,
        }
    }
}

/// Every name and synonym of every line, normalised, built once.
fn label_index() -> &'static std::collections::HashMap<String, Line> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, Line>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        for info in CATALOGUE {
            for name in [info.fi, info.sv, info.en]
                .into_iter()
                .chain(info.synonyms.iter().copied())
            {
                // The first line to claim a name keeps it, in the catalogue's order.
                index.entry(normalise_label(name)).or_insert(info.line);
            }
        }
        index.remove("");
        index
    })
}

/// Lower case, single spaces, and no decoration around the words.
pub fn normalise_label(label: &str) -> String {
    let lowered = label.to_lowercase();
    let words: Vec<&str> = lowered
        .split(|c: char| c.is_whitespace() || crate::numfmt::is_group_separator(c))
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    joined
        .trim_matches(|c: char| c == ':' || c == ' ' || crate::numfmt::is_minus(c) || c == '*')
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_lists_every_line_once_in_declaration_order() {
        for (index, info) in CATALOGUE.iter().enumerate() {
            assert_eq!(info.line as usize, index, "{:?}", info.line);
        }
        assert_eq!(CATALOGUE.len(), TilikaudenYlijaama as usize + 1);
    }

    #[test]
    fn parts_come_before_their_subtotal() {
        for info in CATALOGUE {
            for part in info.parts {
                assert!(
                    (*part as usize) < (info.line as usize),
                    "{:?} before {:?}",
                    part,
                    info.line
                );
            }
        }
    }

    #[test]
    fn recognises_the_names_files_use() {
        let cases = [
            ("Toimintatuotot", Toimintatuotot),
            ("TOIMINTATUOTOT -", Toimintatuotot),
            ("Toimintatulot", Toimintatuotot),
            ("Henkilöstömenot", Henkilostokulut),
            ("Muut toimintamenot", MuutToimintakulut),
            ("TOIMINTAKATE", Toimintakate),
            ("Verksamhetsbidrag", Toimintakate),
            ("Operating margin", Toimintakate),
            ("Rahoitustulot (+) ja -menot (-)", RahoitustuototJaKulut),
            (" Toimintakulut ", Toimintakulut),
            ("Aineet, tarvikkeet ja tavarat", AineetTarvikkeetJaTavarat),
            ("MENOT", Toimintakulut),
            ("Tilinpäätössiirrot + (-)", Tilinpaatossiirrot),
        ];
        for (label, line) in cases {
            assert_eq!(Line::from_label(label), Some(line), "{label}");
        }
        assert_eq!(Line::from_label("Selite"), None);
        assert_eq!(Line::from_label(""), None);
    }

    #[test]
    fn accounts_and_expense_lines() {
        assert_eq!(Line::from_account(4300), Some(PalvelujenOstot));
        assert_eq!(Line::from_account(3559), Some(MuutToimintatuotot));
        assert_eq!(Line::from_account(9999), None);
        assert!(Toimintakulut.is_expense_like());
        assert!(Henkilostokulut.is_expense_like());
        assert!(!Toimintakate.is_expense_like());
        assert!(!RahoitustuototJaKulut.is_expense_like());
    }

    #[test]
    fn keys_are_snake_case() {
        assert_eq!(Toimintakate.key(), "toimintakate");
        assert_eq!(
            AineetTarvikkeetJaTavarat.key(),
            "aineet_tarvikkeet_ja_tavarat"
        );
    }
}
