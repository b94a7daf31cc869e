/// The bibliographic export formats `siloscope import` reads.
///
/// Raw values are the names the CLI accepts after `--format` (`wos` covers both Web of
/// Science plain text and tab-delimited: the content decides which). ``FormatDetector``
/// recognises each from the file's content, never from its name.
public enum ImportFormat: String, CaseIterable, Sendable, Codable {
    /// OpenAlex works: a JSON array, `{"results": [...]}`, or JSON Lines; 2022 (`host_venue`) and current (`primary_location`) schemas.
    case openAlex = "openalex"
    /// OpenAlex CSV (flattened columns such as `authorships.author.display_name`); no references.
    case openAlexCSV = "openalex-csv"
    /// Crossref REST API `/works/{doi}` (`message-type: work`) or `/works` (`work-list`) responses.
    case crossref
    /// Web of Science plain text (`FN`, `PT`, … `ER`, `EF`).
    case wos
    /// Web of Science tab-delimited (header row of field tags `PT AU … CR … UT`).
    case wosTab = "wos-tab"
    /// Scopus CSV export (`References` column).
    case scopus
    /// BibTeX / BibLaTeX, including the WoS (`Cited-References`) and Scopus (`references`) exports.
    case bibtex
    /// RIS (`TY  - … ER  -`).
    case ris
    /// CSL-JSON: an array of items (or one item), optionally with a Crossref-style `reference` array.
    case cslJSON = "csl-json"
    /// Lens.org scholarly CSV (`Lens ID`, `References` as Lens ids).
    case lens
    /// PubMed MEDLINE (`PMID- ` records).
    case medline
    /// A plain-text reference list copied out of an article (``ReferencesText``).
    case referencesText = "references-text"

    /// Parses a CLI name (case-insensitive; `auto` gives `nil`). Aliases: `csl`, `csljson`,
    /// `pubmed`, `wos-tab-delimited`, `scopus-csv`, `lens-csv`.
    public init?(name: String) {
        let n = name.lowercased()
        let aliases: [String: ImportFormat] = ["csl": .cslJSON, "csljson": .cslJSON, "pubmed": .medline,
                                               "wos-tab-delimited": .wosTab, "scopus-csv": .scopus,
                                               "lens-csv": .lens, "openalex-json": .openAlex, "bib": .bibtex,
                                               "biblatex": .bibtex, "wos-plaintext": .wos]
        if let f = ImportFormat(rawValue: n) { self = f } else if let f = aliases[n] { self = f } else { return nil }
    }
}
