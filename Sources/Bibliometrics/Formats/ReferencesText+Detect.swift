import Foundation

extension ReferencesText {
    /// Whether `text` looks like a plain-text reference list, for `--format auto`.
    ///
    /// Definition: `false` when the text opens like a structured export (JSON `{`/`[`,
    /// BibTeX `@type{`, RIS `TY  -`, Web of Science `FN `/`PT `, MEDLINE `PMID-`, or a CSV
    /// header line with five or more commas); otherwise parse it and answer `true` when it
    /// has at least one entry and at least 60 % of the entries have both a year and a title.
    /// Complexity: that of ``parse(_:file:section:)``. Deterministic.
    public static func looksLikeReferenceList(_ text: String) -> Bool {
        let head = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let firstLine = head.prefix { $0 != "\n" && $0 != "\r\n" }
        if head.hasPrefix("{") || head.hasPrefix("[") || head.hasPrefix("@") { return false }
        for marker in ["TY  -", "FN ", "PT ", "PMID-", "%0 "] where firstLine.hasPrefix(marker) { return false }
        if firstLine.filter({ $0 == "," }).count >= 5, !firstLine.contains(". ") { return false }
        let r = parse(text, file: "(sniff)")
        guard !r.entries.isEmpty else { return false }
        let good = r.entries.filter { $0.reference.year != nil && $0.reference.title != nil }.count
        return Double(good) >= 0.6 * Double(r.entries.count)
    }
}
