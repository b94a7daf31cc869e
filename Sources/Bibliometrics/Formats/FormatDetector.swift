import CSV
import Foundation
import NetworkCore

/// Recognises an export's format from its content (the first 64 KiB), never its name:
/// a Web of Science export saved as `.ris` is still read as WoS.
///
/// Rules, in order (the first that holds wins):
/// 1. A UTF-16 file is transcoded first (``TextFile/prefix(_:limit:)``); UTF-32 is an error.
/// 2. First non-blank character `{` or `[` → JSON: `"message-type"` → Crossref; `"referenced_works"`, `"host_venue"`, `"primary_location"` or an id
///    `https://openalex.org/W` → OpenAlex; otherwise CSL-JSON.
/// 3. A line starting with `PMID- ` → MEDLINE (checked first: MEDLINE also has `PT` lines).
/// 4. A line `FN ` (header) or a record start `PT J` (one-letter type) → WoS plain text.
/// 5. First line is tab-separated and contains the tags `PT` and `UT` → WoS tab-delimited.
/// 6. A line `TY  - ` → RIS.
/// 7. A line starting with `@` + letters + `{` → BibTeX.
/// 8. The first line read as a CSV header: `Lens ID` → Lens; `EID` or both `Source title`
///    and `Authors` → Scopus; `authorships.author.display_name` or an `id` column with
///    `publication_year` → OpenAlex CSV.
/// 9. The whole text passes ``ReferencesText/looksLikeReferenceList(_:)`` → references-text.
/// Anything else is an error asking for `--format`. O(64 KiB) for rules 1–8; deterministic.
public enum FormatDetector {
    public static func detect(path: String) throws -> ImportFormat {
        let head = try TextFile.prefix(path)
        var bytes = head
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        if let format = detect(text: text) { return format }
        // Last: a plain-text reference list (judged on the whole text, as the list may come late).
        if let data = FileManager.default.contents(atPath: path), let whole = String(data: data, encoding: .utf8),
           ReferencesText.looksLikeReferenceList(whole) { return .referencesText }
        throw InputError(file: path, line: 1, message: text.isEmpty
            ? "empty file"
            : "format not recognised from the content (expected WoS, Scopus CSV, BibTeX, RIS, OpenAlex/Crossref/CSL JSON, Lens CSV, MEDLINE or a plain-text reference list); name it with --format")
    }

    /// The format of `text` (the start of a file), or `nil`.
    public static func detect(text: String) -> ImportFormat? {
        let trimmed = text.drop(while: { $0.isWhitespace })
        if let c = trimmed.first, c == "{" || c == "[" {
            if text.contains("\"message-type\"") { return .crossref }
            if text.contains("\"referenced_works\"") || text.contains("\"host_venue\"") || text.contains("\"primary_location\"")
                || text.contains("\"https://openalex.org/W") { return .openAlex }
            return .cslJSON
        }
        // Lines split on the bytes: LF, CR and CRLF end a line (as Characters; they are never
        // part of a larger grapheme), empty lines dropped.
        let lines = text.utf8.split(omittingEmptySubsequences: true, whereSeparator: { $0 == 0x0A || $0 == 0x0D })
            .prefix(400).map { String(text[$0.startIndex..<$0.endIndex]) }
        guard let firstLine = lines.first else { return nil }
        if lines.contains(where: { $0.hasPrefix("PMID- ") }) { return .medline }
        if lines.contains(where: { $0.hasPrefix("FN ") }) { return .wos }
        if lines.contains(where: { $0.range(of: #"^PT [A-Z]\s*$"#, options: .regularExpression) != nil }) { return .wos }
        if firstLine.contains("\t") {
            let tags = Set(firstLine.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) })
            if tags.contains("PT"), tags.contains("UT") || tags.contains("TI") { return .wosTab }
        }
        if lines.contains(where: { $0.hasPrefix("TY  - ") || $0 == "TY  -" }) { return .ris }
        if lines.contains(where: { $0.range(of: #"^\s*@[A-Za-z]+\s*[{(]"#, options: .regularExpression) != nil }) { return .bibtex }
        if let reader = try? CSVReader(string: firstLine, hasHeaderRow: false), let header = reader.next() {
            let h = Set(header.map { $0.trimmingCharacters(in: .whitespaces) })
            if h.contains("Lens ID") { return .lens }
            if h.contains("EID") || (h.contains("Source title") && h.contains("Authors")) { return .scopus }
            if h.contains("authorships.author.display_name") || (h.contains("id") && h.contains("publication_year")) { return .openAlexCSV }
        }
        return nil
    }

    /// `(try? detect(path: path)) == .wosTab`, without the whole detection when the first
    /// line has no tab (then the file cannot be tab-delimited): a plain-text export is read
    /// without being detected again.
    static func isWoSTabDelimited(_ path: String) -> Bool {
        guard let head = try? TextFile.prefix(path) else { return false }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let firstLine = bytes.drop(while: { $0 == 0x0A || $0 == 0x0D }).prefix(while: { $0 != 0x0A && $0 != 0x0D })
        guard firstLine.contains(0x09) else { return false }
        return (try? detect(path: path)) == .wosTab
    }

    /// Reads `path` as `format` (``ImportFormat/wos`` switches to tab-delimited when the content is).
    public static func read(path: String, format: ImportFormat, lenient: Bool) throws -> FileReadResult {
        switch format {
        case .wos, .wosTab:
            return isWoSTabDelimited(path) ? try WoSTabDelimited.read(path: path, lenient: lenient) : try WoSPlainText.read(path: path, lenient: lenient)
        case .scopus: return try ScopusCSV.read(path: path, lenient: lenient)
        case .lens: return try LensCSV.read(path: path, lenient: lenient)
        case .openAlexCSV: return try OpenAlexCSV.read(path: path, lenient: lenient)
        case .openAlex: return try OpenAlexJSON.read(path: path, lenient: lenient)
        case .crossref: return try CrossrefJSON.read(path: path, lenient: lenient)
        case .cslJSON: return try CSLJSON.read(path: path, lenient: lenient)
        case .bibtex: return try BibTeX.read(path: path, lenient: lenient)
        case .ris: return try RIS.read(path: path, lenient: lenient)
        case .medline: return try PubMedMEDLINE.read(path: path, lenient: lenient)
        case .referencesText: return try ReferencesTextFile.read(path: path)
        }
    }
}

/// A plain-text reference list as an import: one citing record (the file itself, with
/// no metadata) whose references are the list's entries (``ReferencesText``).
enum ReferencesTextFile {
    static func read(path: String) throws -> FileReadResult {
        let data = try TextFile.data(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, message: "not valid UTF-8: export or save it as UTF-8")
        }
        let name = (path as NSString).lastPathComponent
        let parse = ReferencesText.parse(text, file: path)
        let work = Work(id: "", title: name, sources: [SourceSpan(file: path, firstLine: 1, lastLine: max(1, parse.lastLine ?? 1))])
        let record = ImportedRecord(work: work, references: parse.entries.map { ImportedReference(reference: $0.reference) },
                                    nativeIDs: ["file:" + name], format: .referencesText)
        return FileReadResult(file: path, format: .referencesText, records: [record])
    }
}
