/// Normalised identifiers other than the DOI that importers meet: PubMed ids, PubMed
/// Central ids and OpenAlex work ids.
///
/// Definition: each normaliser strips the URL or label forms exports use and returns the
/// bare canonical id (`12345678`, `PMC1234567`, `W2741809807`), or `nil` when the text
/// is not of that kind. Complexity O(n) in the text length; pure; never traps.
public enum Identifiers {
    /// A PubMed id: digits only, from `12345678`, `PMID: 12345678` or
    /// `https://pubmed.ncbi.nlm.nih.gov/12345678/`.
    public static func pmid(_ text: String) -> String? {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["https://pubmed.ncbi.nlm.nih.gov/", "http://pubmed.ncbi.nlm.nih.gov/",
                       "https://www.ncbi.nlm.nih.gov/pubmed/", "pmid:", "pmid"] where s.hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        while s.hasSuffix("/") { s.removeLast() }
        guard !s.isEmpty, s.count <= 9, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return s
    }

    /// A PubMed Central id in the form `PMC` + digits.
    public static func pmcid(_ text: String) -> String? {
        var s = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let range = s.range(of: "PMC") { s = String(s[range.upperBound...]) }
        while s.hasSuffix("/") { s.removeLast() }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "PMC" + s
    }

    /// An OpenAlex work id `W` + digits, from the bare id or `https://openalex.org/W…`.
    public static func openAlexWork(_ text: String) -> String? {
        var s = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["https://openalex.org/", "http://openalex.org/", "https://api.openalex.org/works/"]
        where s.lowercased().hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count))
            break
        }
        guard let first = s.first, first == "W" || first == "w" else { return nil }
        let digits = s.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "W" + digits
    }
}
