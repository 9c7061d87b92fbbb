//! Finnish (the default), Swedish and English: the languages of the user interface and of
//! the command-line reports. Every text is one [`Msg`] with a translation in each language;
//! the match in [`t`] is exhaustive, so an untranslated text does not compile.

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The BCP 47 code, for `lang` attributes and links.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language's name in itself, as a language switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fi => "Suomi",
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }
}

/// A text of the interface written where it is used, in the three languages at once (for
/// texts of one component; texts shared by several are a [`Msg`]).
pub fn pick(lang: Lang, fi: &'static str, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fi => fi,
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// Every text of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppSubtitle,
    SkipToContent,
    Language,
    Organisation,
    Dataset,
    Source,
    Line,
    Poikkeama,
    ToteumaPct,
    Change,
    ChangePct,
    ChangeBase,
    ChangeTarget,
    ChangeExplain,
    StatementCaption,
    ComputedMark,
    ComputedExplain,
    FromChildrenExplain,
    RoundingMark,
    ContradictionMark,
    NotComparedMark,
    RoundingExplain,
    SumOfParts,
    Notes,
    Validation,
    ValidationAllConsistent,
    ValidationRounding,
    ValidationInconsistent,
    ValidationNotChecked,
    SubtotalCheck,
    OrgSumCheck,
    Stated,
    Computed,
    Difference,
    Investments,
    InvestMenot,
    InvestTulot,
    InvestNetto,
    NoData,
    PrivacyNote,
    NotSaved,
    Legend,
    DerivedExplain,
    OpenFiles,
    DropHint,
    PasteHeading,
    PasteLabel,
    ReadPasted,
    ImportHeading,
    ImportNothingYet,
    AddBeside,
    ReplaceAll,
    Cancel,
    Detections,
    Warnings,
    ImportFailed,
    Reading,
    DropHere,
    MapHeading,
    MapExplain,
    MapFound,
    MapMeaning,
    MapChoose,
    MapIgnore,
    MapYear,
    MapLongTable,
    PreviewCaption,
    ViewsLabel,
    ViewStatement,
    ViewFollowUp,
    FollowUpCaption,
    Effect,
    EffectBetter,
    EffectWorse,
    EffectOnBudget,
    SortStatement,
    SortDeviation,
    NoFollowUp,
    ViewBreakdown,
    BreakdownCaption,
    Unit,
    Share,
    Unallocated,
    NoUnits,
    ChooseLine,
    ChooseColumn,
    SortOrganisation,
    SortAmount,
    SortChange,
    Total,
    ViewAcross,
    AcrossCaption,
    MeasureAmount,
    MeasureChange,
    MeasureShare,
    ViewGoals,
    ViewCompare,
    GoalsHeading,
    StatusByAim,
    Aim,
    GoalCol,
    Metric,
    Responsible,
    Outcome,
    Status,
    NoStatus,
    NoGoals,
    ChartWaterfall,
    ChartStacked,
    ChartDeviation,
    ChartTrend,
    TableAlternative,
    Step,
    Cumulative,
    WaterfallUp,
    WaterfallDown,
    DeviationBetter,
    DeviationWorse,
    EffectOnResult,
    PrintedFrom,
    YearlyPct,
    CopyLink,
    LinkCopied,
    LinkNotCopied,
    Projects,
    ProjectName,
    ProjectDescription,
    TotalFunding,
    CityShare,
    SpentPct,
    Risks,
    Risk,
    RiskClass,
    Probability,
    Significance,
    RiskScore,
    Control,
    ControlStatus,
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    match (msg, lang) {
        (AppSubtitle, Lang::Fi) => "Kunnan talousarvio ja tilinpäätös selaimessa",
        (AppSubtitle, Lang::Sv) => "Kommunens budget och bokslut i webbläsaren",
        (AppSubtitle, Lang::En) => "A municipality's budget and accounts in the browser",
        (SkipToContent, Lang::Fi) => "Siirry sisältöön",
        (SkipToContent, Lang::Sv) => "Hoppa till innehållet",
        (SkipToContent, Lang::En) => "Skip to content",
        (Language, Lang::Fi) => "Kieli",
        (Language, Lang::Sv) => "Språk",
        (Language, Lang::En) => "Language",
        (Organisation, Lang::Fi) => "Organisaatio",
        (Organisation, Lang::Sv) => "Organisation",
        (Organisation, Lang::En) => "Organisation",
        (Dataset, Lang::Fi) => "Aineisto",
        (Dataset, Lang::Sv) => "Material",
        (Dataset, Lang::En) => "Dataset",
        (Source, Lang::Fi) => "Lähde",
        (Source, Lang::Sv) => "Källa",
        (Source, Lang::En) => "Source",
        (Line, Lang::Fi) => "Selite",
        (Line, Lang::Sv) => "Post",
        (Line, Lang::En) => "Line",
        (Poikkeama, Lang::Fi) => "Poikkeama",
        (Poikkeama, Lang::Sv) => "Avvikelse",
        (Poikkeama, Lang::En) => "Variance",
        (ToteumaPct, Lang::Fi) => "Toteuma %",
        (ToteumaPct, Lang::Sv) => "Utfall %",
        (ToteumaPct, Lang::En) => "Actual %",
        (Change, Lang::Fi) => "Muutos €",
        (Change, Lang::Sv) => "Förändring €",
        (Change, Lang::En) => "Change €",
        (ChangePct, Lang::Fi) => "Muutos %",
        (ChangePct, Lang::Sv) => "Förändring %",
        (ChangePct, Lang::En) => "Change %",
        (ChangeBase, Lang::Fi) => "Muutoksen vertailusarake",
        (ChangeBase, Lang::Sv) => "Jämförelsekolumn för förändringen",
        (ChangeBase, Lang::En) => "Compare from column",
        (ChangeTarget, Lang::Fi) => "Muutoksen kohdesarake",
        (ChangeTarget, Lang::Sv) => "Målkolumn för förändringen",
        (ChangeTarget, Lang::En) => "Compare to column",
        (ChangeExplain, Lang::Fi) => {
            "Muutos % on kohteen ja vertailun suhde miinus yksi; se jätetään tyhjäksi, kun vertailu on nolla tai etumerkit eroavat."
        }
        (ChangeExplain, Lang::Sv) => {
            "Förändring % är kvoten mellan mål och jämförelse minus ett; den lämnas tom när jämförelsen är noll eller tecknen skiljer sig."
        }
        (ChangeExplain, Lang::En) => {
            "Change % is the ratio of target to base minus one; it is left empty when the base is zero or the signs differ."
        }
        (StatementCaption, Lang::Fi) => "Tuloslaskelma",
        (StatementCaption, Lang::Sv) => "Resultaträkning",
        (StatementCaption, Lang::En) => "Income statement",
        (ComputedMark, Lang::Fi) => "laskettu",
        (ComputedMark, Lang::Sv) => "beräknad",
        (ComputedMark, Lang::En) => "computed",
        (ComputedExplain, Lang::Fi) => "Σ = laskettu osistaan, asiakirja ei ilmoita lukua.",
        (ComputedExplain, Lang::Sv) => "Σ = beräknad ur sina delar, dokumentet anger inte talet.",
        (ComputedExplain, Lang::En) => {
            "Σ = computed from its parts; the document does not state the figure."
        }
        (FromChildrenExplain, Lang::Fi) => "laskettu alayksiköiden summana",
        (FromChildrenExplain, Lang::Sv) => "beräknad som summan av underenheterna",
        (FromChildrenExplain, Lang::En) => "computed as the sum of the units below",
        (ContradictionMark, Lang::Fi) => "ristiriita, ero",
        (ContradictionMark, Lang::Sv) => "motsägelse, skillnad",
        (ContradictionMark, Lang::En) => "contradiction, difference",
        (NotComparedMark, Lang::Fi) => "ei verrattu, koska osia puuttuu; ero",
        (NotComparedMark, Lang::Sv) => "inte jämfört, eftersom delar saknas; skillnad",
        (NotComparedMark, Lang::En) => "not compared, parts are missing; difference",
        (RoundingMark, Lang::Fi) => "pyöristysero",
        (RoundingMark, Lang::Sv) => "avrundningsdifferens",
        (RoundingMark, Lang::En) => "rounding difference",
        (RoundingExplain, Lang::Fi) => {
            "≈ = asiakirjan ilmoittama luku poikkeaa osiensa summasta vain pyöristyksen verran; ≠ = enemmän kuin pyöristys selittää (ristiriita); ? = ei verrattu, koska osia puuttuu tai jäi lukematta. Tyhjä solu: lukua ei ole asiakirjassa, eikä sitä voi laskea kokonaisista osista."
        }
        (RoundingExplain, Lang::Sv) => {
            "≈ = talet i dokumentet avviker från summan av sina delar bara med en avrundning; ≠ = mer än avrundning förklarar (motsägelse); ? = inte jämfört, eftersom delar saknas eller inte lästes. Tom cell: talet finns inte i dokumentet och kan inte räknas ur fullständiga delar."
        }
        (RoundingExplain, Lang::En) => {
            "≈ = the figure the document states differs from the sum of its parts by rounding only; ≠ = by more than rounding explains (a contradiction); ? = not compared, because parts are missing or were not read. An empty cell: the document does not state the figure and it cannot be computed from a complete set of parts."
        }
        (SumOfParts, Lang::Fi) => "osien summa",
        (SumOfParts, Lang::Sv) => "summan av delarna",
        (SumOfParts, Lang::En) => "sum of parts",
        (Notes, Lang::Fi) => "Huomautukset",
        (Notes, Lang::Sv) => "Anmärkningar",
        (Notes, Lang::En) => "Notes",
        (Validation, Lang::Fi) => "Tarkistus",
        (Validation, Lang::Sv) => "Kontroll",
        (Validation, Lang::En) => "Validation",
        (ValidationAllConsistent, Lang::Fi) => "Luvut ovat johdonmukaiset.",
        (ValidationAllConsistent, Lang::Sv) => "Talen är konsekventa.",
        (ValidationAllConsistent, Lang::En) => "The figures are consistent.",
        (ValidationRounding, Lang::Fi) => "Pyöristyseroja",
        (ValidationRounding, Lang::Sv) => "Avrundningsdifferenser",
        (ValidationRounding, Lang::En) => "Rounding differences",
        (ValidationInconsistent, Lang::Fi) => "Ristiriitoja",
        (ValidationInconsistent, Lang::Sv) => "Motstridigheter",
        (ValidationInconsistent, Lang::En) => "Inconsistencies",
        (ValidationNotChecked, Lang::Fi) => {
            "Ei tarkistettu: alayksiköt kuuluvat organisaatioon vasta myöhemmin"
        }
        (ValidationNotChecked, Lang::Sv) => {
            "Inte kontrollerat: underenheterna hör till organisationen först senare"
        }
        (ValidationNotChecked, Lang::En) => {
            "Not checked: the units belong to the organisation only later"
        }
        (SubtotalCheck, Lang::Fi) => "välisumma ja sen osat",
        (SubtotalCheck, Lang::Sv) => "delsumma och dess delar",
        (SubtotalCheck, Lang::En) => "subtotal against its parts",
        (OrgSumCheck, Lang::Fi) => "yksikkö ja sen alayksiköt",
        (OrgSumCheck, Lang::Sv) => "enhet och dess underenheter",
        (OrgSumCheck, Lang::En) => "node against its units",
        (Stated, Lang::Fi) => "ilmoitettu",
        (Stated, Lang::Sv) => "angiven",
        (Stated, Lang::En) => "stated",
        (Computed, Lang::Fi) => "laskettu",
        (Computed, Lang::Sv) => "beräknad",
        (Computed, Lang::En) => "computed",
        (Difference, Lang::Fi) => "ero",
        (Difference, Lang::Sv) => "differens",
        (Difference, Lang::En) => "difference",
        (Investments, Lang::Fi) => "Investoinnit",
        (Investments, Lang::Sv) => "Investeringar",
        (Investments, Lang::En) => "Investments",
        (InvestMenot, Lang::Fi) => "Menot",
        (InvestMenot, Lang::Sv) => "Utgifter",
        (InvestMenot, Lang::En) => "Expenditure",
        (InvestTulot, Lang::Fi) => "Tulot",
        (InvestTulot, Lang::Sv) => "Inkomster",
        (InvestTulot, Lang::En) => "Income",
        (InvestNetto, Lang::Fi) => "Netto",
        (InvestNetto, Lang::Sv) => "Netto",
        (InvestNetto, Lang::En) => "Net",
        (NoData, Lang::Fi) => "Tälle yksikölle ei ole lukuja.",
        (NoData, Lang::Sv) => "Det finns inga tal för denna enhet.",
        (NoData, Lang::En) => "There are no figures for this unit.",
        (NotSaved, Lang::Fi) => {
            "Selain ei salli tallentamista: tulkinnat ja väkiluku säilyvät vain tämän käynnin ajan."
        }
        (NotSaved, Lang::Sv) => {
            "Webbläsaren tillåter inte lagring: tolkningar och invånarantal sparas bara under detta besök."
        }
        (NotSaved, Lang::En) => {
            "The browser does not allow storage: mappings and population are kept for this visit only."
        }
        (PrivacyNote, Lang::Fi) => {
            "Kaikki tiedot pysyvät tällä laitteella: Raami ei lähetä mitään verkkoon."
        }
        (PrivacyNote, Lang::Sv) => {
            "Alla uppgifter stannar på denna enhet: Raami skickar ingenting över nätet."
        }
        (PrivacyNote, Lang::En) => {
            "All data stays on this device: Raami sends nothing over the network."
        }
        (Legend, Lang::Fi) => "Merkinnät",
        (Legend, Lang::Sv) => "Teckenförklaring",
        (Legend, Lang::En) => "Legend",
        (DerivedExplain, Lang::Fi) => {
            "Poikkeama = TA − toteuma; toteuma % = toteuma / TA × 100. Ne lasketaan aina, niitä ei tallenneta."
        }
        (DerivedExplain, Lang::Sv) => {
            "Avvikelse = budget − utfall; utfall % = utfall / budget × 100. De beräknas alltid och lagras inte."
        }
        (OpenFiles, Lang::Fi) => "Avaa tiedostoja",
        (OpenFiles, Lang::Sv) => "Öppna filer",
        (OpenFiles, Lang::En) => "Open files",
        (DropHint, Lang::Fi) => {
            "Raamiin voi myös pudottaa tiedostoja: Raami-paketti (.json), CSV, Excel (.xlsx), talousarviokirja tai tilinpäätös PDF:nä (.pdf) tai PDF:stä kopioitu teksti (.txt)."
        }
        (DropHint, Lang::Sv) => {
            "Du kan också släppa filer i Raami: Raami-paket (.json), CSV, Excel (.xlsx), en budgetbok eller ett bokslut som PDF (.pdf) eller text kopierad ur en PDF (.txt)."
        }
        (DropHint, Lang::En) => {
            "You can also drop files on Raami: a Raami package (.json), CSV, Excel (.xlsx), a budget book or financial statement as a PDF (.pdf) or text copied from a PDF (.txt)."
        }
        (PasteHeading, Lang::Fi) => "Liitä teksti talousarviokirjasta",
        (PasteHeading, Lang::Sv) => "Klistra in text ur en budgetbok",
        (PasteHeading, Lang::En) => "Paste text from a budget book",
        (PasteLabel, Lang::Fi) => "PDF:stä kopioitu teksti tai taulukko",
        (PasteLabel, Lang::Sv) => "Text eller tabell kopierad ur en PDF",
        (PasteLabel, Lang::En) => "Text or table copied from a PDF",
        (ReadPasted, Lang::Fi) => "Lue liitetty teksti",
        (ReadPasted, Lang::Sv) => "Läs den inklistrade texten",
        (ReadPasted, Lang::En) => "Read the pasted text",
        (ImportHeading, Lang::Fi) => "Tuonnin yhteenveto",
        (ImportHeading, Lang::Sv) => "Sammanfattning av importen",
        (ImportHeading, Lang::En) => "Import summary",
        (ImportNothingYet, Lang::Fi) => {
            "Mitään ei ole vielä muutettu. Tarkista, mitä tiedostoista luettiin, ja valitse sitten."
        }
        (ImportNothingYet, Lang::Sv) => {
            "Ingenting har ändrats ännu. Kontrollera vad som lästes ur filerna och välj sedan."
        }
        (ImportNothingYet, Lang::En) => {
            "Nothing has changed yet. Check what was read from the files, then choose."
        }
        (AddBeside, Lang::Fi) => "Lisää nykyisten rinnalle",
        (AddBeside, Lang::Sv) => "Lägg till bredvid de nuvarande",
        (AddBeside, Lang::En) => "Add beside the current data",
        (ReplaceAll, Lang::Fi) => "Korvaa nykyiset",
        (ReplaceAll, Lang::Sv) => "Ersätt de nuvarande",
        (ReplaceAll, Lang::En) => "Replace the current data",
        (Cancel, Lang::Fi) => "Peruuta",
        (Cancel, Lang::Sv) => "Avbryt",
        (Cancel, Lang::En) => "Cancel",
        (Detections, Lang::Fi) => "Havainnot",
        (Detections, Lang::Sv) => "Iakttagelser",
        (Detections, Lang::En) => "Detected",
        (Warnings, Lang::Fi) => "Varoitukset",
        (Warnings, Lang::Sv) => "Varningar",
        (Warnings, Lang::En) => "Warnings",
        (ImportFailed, Lang::Fi) => "Tiedostoa ei voitu lukea",
        (ImportFailed, Lang::Sv) => "Filen kunde inte läsas",
        (ImportFailed, Lang::En) => "The file could not be read",
        (Reading, Lang::Fi) => "Luetaan…",
        (Reading, Lang::Sv) => "Läser…",
        (Reading, Lang::En) => "Reading…",
        (DropHere, Lang::Fi) => "Pudota tiedostot tähän",
        (DropHere, Lang::Sv) => "Släpp filerna här",
        (DropHere, Lang::En) => "Drop the files here",
        (MapHeading, Lang::Fi) => "Kohdista tunnistamattomat",
        (MapHeading, Lang::Sv) => "Koppla det som inte kändes igen",
        (MapHeading, Lang::En) => "Map what was not recognised",
        (MapExplain, Lang::Fi) => {
            "Valinta otetaan heti käyttöön ja muistetaan tällä laitteella seuraavia samanlaisia tiedostoja varten."
        }
        (MapExplain, Lang::Sv) => {
            "Valet tas i bruk genast och sparas på den här enheten för följande filer av samma slag."
        }
        (MapExplain, Lang::En) => {
            "A choice applies at once and is kept on this device for the next files of the same shape."
        }
        (MapFound, Lang::Fi) => "Tiedostossa",
        (MapFound, Lang::Sv) => "I filen",
        (MapFound, Lang::En) => "In the file",
        (MapMeaning, Lang::Fi) => "Tarkoittaa",
        (MapMeaning, Lang::Sv) => "Betyder",
        (MapMeaning, Lang::En) => "Means",
        (MapChoose, Lang::Fi) => "— valitse —",
        (MapChoose, Lang::Sv) => "— välj —",
        (MapChoose, Lang::En) => "— choose —",
        (MapIgnore, Lang::Fi) => "ohita",
        (MapIgnore, Lang::Sv) => "hoppa över",
        (MapIgnore, Lang::En) => "ignore",
        (MapLongTable, Lang::Fi) => "Pitkän taulukon sarake (yksi luku riviä kohti)",
        (MapLongTable, Lang::Sv) => "Kolumn i en lång tabell (ett belopp per rad)",
        (MapLongTable, Lang::En) => "Column of a long table (one figure per row)",
        (MapYear, Lang::Fi) => "Vuosi",
        (MapYear, Lang::Sv) => "År",
        (MapYear, Lang::En) => "Year",
        (PreviewCaption, Lang::Fi) => "Tiedoston alku",
        (PreviewCaption, Lang::Sv) => "Filens början",
        (PreviewCaption, Lang::En) => "The start of the file",
        (ViewsLabel, Lang::Fi) => "Näkymä",
        (ViewsLabel, Lang::Sv) => "Vy",
        (ViewsLabel, Lang::En) => "View",
        (ViewStatement, Lang::Fi) => "Tuloslaskelma",
        (ViewStatement, Lang::Sv) => "Resultaträkning",
        (ViewStatement, Lang::En) => "Income statement",
        (ViewFollowUp, Lang::Fi) => "Toteumavertailu",
        (ViewFollowUp, Lang::Sv) => "Budgetuppföljning",
        (ViewFollowUp, Lang::En) => "Budget follow-up",
        (FollowUpCaption, Lang::Fi) => "Talousarvion toteutuminen",
        (FollowUpCaption, Lang::Sv) => "Budgetens utfall",
        (FollowUpCaption, Lang::En) => "Budget against actual",
        (Effect, Lang::Fi) => "Vaikutus tulokseen",
        (Effect, Lang::Sv) => "Inverkan på resultatet",
        (Effect, Lang::En) => "Effect on the result",
        (EffectBetter, Lang::Fi) => "parempi kuin talousarvio",
        (EffectBetter, Lang::Sv) => "bättre än budget",
        (EffectBetter, Lang::En) => "better than budget",
        (EffectWorse, Lang::Fi) => "heikompi kuin talousarvio",
        (EffectWorse, Lang::Sv) => "sämre än budget",
        (EffectWorse, Lang::En) => "worse than budget",
        (EffectOnBudget, Lang::Fi) => "talousarvion mukainen",
        (EffectOnBudget, Lang::Sv) => "enligt budget",
        (EffectOnBudget, Lang::En) => "on budget",
        (SortStatement, Lang::Fi) => "Tuloslaskelman järjestys",
        (SortStatement, Lang::Sv) => "Resultaträkningens ordning",
        (SortStatement, Lang::En) => "Statement order",
        (SortDeviation, Lang::Fi) => "Suurin poikkeama ensin",
        (SortDeviation, Lang::Sv) => "Största avvikelsen först",
        (SortDeviation, Lang::En) => "Largest variance first",
        (NoFollowUp, Lang::Fi) => {
            "Tällä yksiköllä ei ole saman vuoden talousarviota ja toteumaa vertailtavaksi."
        }
        (NoFollowUp, Lang::Sv) => {
            "Denna enhet har ingen budget och inget utfall för samma år att jämföra."
        }
        (NoFollowUp, Lang::En) => "This unit has no budget and actual of the same year to compare.",
        (ViewBreakdown, Lang::Fi) => "Erittely yksiköittäin",
        (ViewBreakdown, Lang::Sv) => "Fördelning per enhet",
        (ViewBreakdown, Lang::En) => "Breakdown by unit",
        (BreakdownCaption, Lang::Fi) => "Erittely yksiköittäin",
        (BreakdownCaption, Lang::Sv) => "Fördelning per enhet",
        (BreakdownCaption, Lang::En) => "Breakdown by unit",
        (Unit, Lang::Fi) => "Yksikkö",
        (Unit, Lang::Sv) => "Enhet",
        (Unit, Lang::En) => "Unit",
        (Share, Lang::Fi) => "Osuus %",
        (Share, Lang::Sv) => "Andel %",
        (Share, Lang::En) => "Share %",
        (Unallocated, Lang::Fi) => "Kohdistamaton erotus",
        (Unallocated, Lang::Sv) => "Ofördelad skillnad",
        (Unallocated, Lang::En) => "Not allocated to units",
        (NoUnits, Lang::Fi) => "Tällä yksiköllä ei ole alayksiköitä tässä sarakkeessa.",
        (NoUnits, Lang::Sv) => "Denna enhet har inga underenheter i denna kolumn.",
        (NoUnits, Lang::En) => "This unit has no units below it in this column.",
        (ChooseLine, Lang::Fi) => "Rivi",
        (ChooseLine, Lang::Sv) => "Post",
        (ChooseLine, Lang::En) => "Line",
        (ChooseColumn, Lang::Fi) => "Sarake",
        (ChooseColumn, Lang::Sv) => "Kolumn",
        (ChooseColumn, Lang::En) => "Column",
        (SortOrganisation, Lang::Fi) => "Organisaation järjestys",
        (SortOrganisation, Lang::Sv) => "Organisationens ordning",
        (SortOrganisation, Lang::En) => "Organisation order",
        (SortAmount, Lang::Fi) => "Suurin ensin",
        (SortAmount, Lang::Sv) => "Största först",
        (SortAmount, Lang::En) => "Largest first",
        (SortChange, Lang::Fi) => "Suurin muutos ensin",
        (SortChange, Lang::Sv) => "Största förändringen först",
        (SortChange, Lang::En) => "Largest change first",
        (Total, Lang::Fi) => "Yhteensä",
        (Total, Lang::Sv) => "Totalt",
        (Total, Lang::En) => "Total",
        (ViewAcross, Lang::Fi) => "Rivi yksiköittäin ja vuosittain",
        (ViewAcross, Lang::Sv) => "Post per enhet och år",
        (ViewAcross, Lang::En) => "Line by unit and year",
        (AcrossCaption, Lang::Fi) => "Koko organisaatio",
        (AcrossCaption, Lang::Sv) => "Hela organisationen",
        (AcrossCaption, Lang::En) => "The whole organisation",
        (MeasureAmount, Lang::Fi) => "Euroina",
        (MeasureAmount, Lang::Sv) => "I euro",
        (MeasureAmount, Lang::En) => "Amounts",
        (MeasureChange, Lang::Fi) => "Muutos ensimmäisestä sarakkeesta",
        (MeasureChange, Lang::Sv) => "Förändring från första kolumnen",
        (MeasureChange, Lang::En) => "Change from the first column",
        (MeasureShare, Lang::Fi) => "Osuus yläyksiköstä",
        (MeasureShare, Lang::Sv) => "Andel av överordnad enhet",
        (MeasureShare, Lang::En) => "Share of the parent",
        (Risks, Lang::Fi) => "Riskit",
        (Risks, Lang::Sv) => "Risker",
        (Risks, Lang::En) => "Risks",
        (Risk, Lang::Fi) => "Riski",
        (Risk, Lang::Sv) => "Risk",
        (Risk, Lang::En) => "Risk",
        (RiskClass, Lang::Fi) => "Riskiluokka",
        (RiskClass, Lang::Sv) => "Riskklass",
        (RiskClass, Lang::En) => "Class",
        (Probability, Lang::Fi) => "Todennäköisyys (1–3)",
        (Probability, Lang::Sv) => "Sannolikhet (1–3)",
        (Probability, Lang::En) => "Probability (1–3)",
        (Significance, Lang::Fi) => "Merkittävyys (1–3)",
        (Significance, Lang::Sv) => "Betydelse (1–3)",
        (Significance, Lang::En) => "Significance (1–3)",
        (RiskScore, Lang::Fi) => "Riskiarvo (todennäköisyys × merkittävyys)",
        (RiskScore, Lang::Sv) => "Riskvärde (sannolikhet × betydelse)",
        (RiskScore, Lang::En) => "Score (probability × significance)",
        (Control, Lang::Fi) => "Hallintakeino",
        (Control, Lang::Sv) => "Hanteringsåtgärd",
        (Control, Lang::En) => "Control",
        (ControlStatus, Lang::Fi) => "Hallintakeinon toteutuminen",
        (ControlStatus, Lang::Sv) => "Åtgärdens utfall",
        (ControlStatus, Lang::En) => "How the control worked",
        (Projects, Lang::Fi) => "Hankkeet",
        (Projects, Lang::Sv) => "Projekt",
        (Projects, Lang::En) => "Projects",
        (ProjectName, Lang::Fi) => "Hanke",
        (ProjectName, Lang::Sv) => "Projekt",
        (ProjectName, Lang::En) => "Project",
        (ProjectDescription, Lang::Fi) => "Tavoite, kuvaus ja rahoittaja",
        (ProjectDescription, Lang::Sv) => "Mål, beskrivning och finansiär",
        (ProjectDescription, Lang::En) => "Goal, description and funder",
        (TotalFunding, Lang::Fi) => "Kokonaisrahoitus €",
        (TotalFunding, Lang::Sv) => "Total finansiering €",
        (TotalFunding, Lang::En) => "Total funding €",
        (CityShare, Lang::Fi) => "Kaupungin rahoitusosuus",
        (CityShare, Lang::Sv) => "Stadens finansieringsandel",
        (CityShare, Lang::En) => "The city's share",
        (SpentPct, Lang::Fi) => "Menojen toteuma %",
        (SpentPct, Lang::Sv) => "Utgifternas utfall %",
        (SpentPct, Lang::En) => "Expenses used %",
        (CopyLink, Lang::Fi) => "Kopioi linkki tähän näkymään",
        (CopyLink, Lang::Sv) => "Kopiera länken till vyn",
        (CopyLink, Lang::En) => "Copy the link to this view",
        (LinkCopied, Lang::Fi) => {
            "Linkki kopioitu. Se avaa saman näkymän, kun vastaanottajalla on samat tiedot ladattuina."
        }
        (LinkCopied, Lang::Sv) => {
            "Länken kopierades. Den öppnar samma vy när mottagaren har samma data inläst."
        }
        (LinkCopied, Lang::En) => {
            "Link copied. It opens the same view when the recipient has the same data loaded."
        }
        (LinkNotCopied, Lang::Fi) => "Linkkiä ei voitu kopioida; kopioi se osoiteriviltä.",
        (LinkNotCopied, Lang::Sv) => "Länken kunde inte kopieras; kopiera den från adressfältet.",
        (LinkNotCopied, Lang::En) => "The link could not be copied; copy it from the address bar.",
        (YearlyPct, Lang::Fi) => "Keskim. vuosimuutos %",
        (YearlyPct, Lang::Sv) => "Genomsnittlig årlig förändring %",
        (YearlyPct, Lang::En) => "Average yearly change %",
        (PrintedFrom, Lang::Fi) => "Tulostettu Raamista, näkymän linkki:",
        (PrintedFrom, Lang::Sv) => "Utskrivet från Raami, länk till vyn:",
        (PrintedFrom, Lang::En) => "Printed from Raami, the view's link:",
        (WaterfallUp, Lang::Fi) => "Lisää tulosta",
        (WaterfallUp, Lang::Sv) => "Ökar resultatet",
        (WaterfallUp, Lang::En) => "Adds to the result",
        (WaterfallDown, Lang::Fi) => "Vähentää tulosta",
        (WaterfallDown, Lang::Sv) => "Minskar resultatet",
        (WaterfallDown, Lang::En) => "Takes from the result",
        (DeviationBetter, Lang::Fi) => "Parempi kuin talousarvio",
        (DeviationBetter, Lang::Sv) => "Bättre än budgeten",
        (DeviationBetter, Lang::En) => "Better than budget",
        (DeviationWorse, Lang::Fi) => "Heikompi kuin talousarvio",
        (DeviationWorse, Lang::Sv) => "Sämre än budgeten",
        (DeviationWorse, Lang::En) => "Worse than budget",
        (EffectOnResult, Lang::Fi) => "Vaikutus tulokseen (toteuma − talousarvio)",
        (EffectOnResult, Lang::Sv) => "Inverkan på resultatet (utfall − budget)",
        (EffectOnResult, Lang::En) => "Effect on the result (actual − budget)",
        (ViewGoals, Lang::Fi) => "Tavoitteet ja investoinnit",
        (ViewGoals, Lang::Sv) => "Mål och investeringar",
        (ViewGoals, Lang::En) => "Goals and investments",
        (ViewCompare, Lang::Fi) => "Skenaarioiden vertailu",
        (ViewCompare, Lang::Sv) => "Jämförelse av scenarier",
        (ViewCompare, Lang::En) => "Scenario comparison",
        (GoalsHeading, Lang::Fi) => "Tavoitteet",
        (GoalsHeading, Lang::Sv) => "Mål",
        (GoalsHeading, Lang::En) => "Goals",
        (StatusByAim, Lang::Fi) => "Tavoitteiden toteutuminen strategisen päämäärän mukaan",
        (StatusByAim, Lang::Sv) => "Målens utfall per strategiskt mål",
        (StatusByAim, Lang::En) => "Goals by strategic aim and status",
        (Aim, Lang::Fi) => "Strateginen päämäärä",
        (Aim, Lang::Sv) => "Strategiskt mål",
        (Aim, Lang::En) => "Strategic aim",
        (GoalCol, Lang::Fi) => "Tavoite",
        (GoalCol, Lang::Sv) => "Mål",
        (GoalCol, Lang::En) => "Goal",
        (Metric, Lang::Fi) => "Mittari ja tavoitetaso",
        (Metric, Lang::Sv) => "Mätare och målnivå",
        (Metric, Lang::En) => "Metric and target level",
        (Responsible, Lang::Fi) => "Vastuu",
        (Responsible, Lang::Sv) => "Ansvar",
        (Responsible, Lang::En) => "Responsible",
        (Outcome, Lang::Fi) => "Toteuma",
        (Outcome, Lang::Sv) => "Utfall",
        (Outcome, Lang::En) => "Outcome",
        (Status, Lang::Fi) => "Tila",
        (Status, Lang::Sv) => "Läge",
        (Status, Lang::En) => "Status",
        (NoStatus, Lang::Fi) => "Ei tilaa",
        (NoStatus, Lang::Sv) => "Inget läge",
        (NoStatus, Lang::En) => "No status",
        (NoGoals, Lang::Fi) => {
            "Tällä yksiköllä ja sen alayksiköillä ei ole aineistossa tavoitteita, hankkeita, riskejä eikä investointeja."
        }
        (NoGoals, Lang::Sv) => {
            "Denna enhet och dess underenheter har inga mål, projekt, risker eller investeringar i materialet."
        }
        (NoGoals, Lang::En) => {
            "This unit and its units have no goals, projects, risks or investments in the data."
        }
        (ChartWaterfall, Lang::Fi) => "Tuloslaskelma vaiheittain",
        (ChartWaterfall, Lang::Sv) => "Resultaträkningen steg för steg",
        (ChartWaterfall, Lang::En) => "The income statement step by step",
        (ChartStacked, Lang::Fi) => "Rivi alayksiköittäin",
        (ChartStacked, Lang::Sv) => "Posten per underenhet",
        (ChartStacked, Lang::En) => "The line by unit",
        (ChartDeviation, Lang::Fi) => "Poikkeamat riveittäin",
        (ChartDeviation, Lang::Sv) => "Avvikelser per post",
        (ChartDeviation, Lang::En) => "Variances by line",
        (ChartTrend, Lang::Fi) => "Rivi sarakkeittain",
        (ChartTrend, Lang::Sv) => "Posten per kolumn",
        (ChartTrend, Lang::En) => "The line by column",
        (TableAlternative, Lang::Fi) => "Kaavion luvut taulukkona",
        (TableAlternative, Lang::Sv) => "Diagrammets tal som tabell",
        (TableAlternative, Lang::En) => "The chart's figures as a table",
        (Step, Lang::Fi) => "Vaihe",
        (Step, Lang::Sv) => "Steg",
        (Step, Lang::En) => "Step",
        (Cumulative, Lang::Fi) => "Kertymä",
        (Cumulative, Lang::Sv) => "Ackumulerat",
        (Cumulative, Lang::En) => "Running total",
        (DerivedExplain, Lang::En) => {
            "Variance = budget − actual; actual % = actual / budget × 100. Both are always computed, never stored."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("SV"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn finnish_is_the_default() {
        assert_eq!(Lang::default(), Lang::Fi);
        assert_eq!(t(Lang::default(), Msg::Poikkeama), "Poikkeama");
    }
}
