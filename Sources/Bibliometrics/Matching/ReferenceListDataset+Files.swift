import CSV
import Foundation
import NetworkCore

/// Reading the generator's inputs and writing its CSV tables.
///
/// Inputs: `citing.csv` (`id,file,first_author,year,title,venue,doi,source`: one row per
/// document whose reference list is read from `file`), the known works (`id,label,
/// first_author,year,doi,source`, extra columns ignored: the works table of another
/// dataset) and `venues.csv` (`venue,literature,reason`). Outputs: `works.csv`,
/// `citations.csv`, `references.csv`, `matches.csv`. Reading is O(file size); every bad
/// row is an ``InputError`` naming file, line and column.
extension ReferenceListDataset {
    /// One row of `citing.csv`.
    public struct CitingRow: Sendable {
        public var work: Work
        /// The text file holding the document and its reference list.
        public var file: String
    }

    /// Reads `citing.csv`.
    public static func readCiting(csv text: String, file: String) throws -> [CitingRow] {
        try rows(text, file: file, required: ["id", "file", "first_author", "year", "title", "venue", "doi", "source"]).map { r in
            let doi = r.value("doi")
            guard doi.isEmpty || DOI(doi) != nil else {
                throw InputError(file: file, line: r.line, field: "doi", message: "expected a DOI such as 10.1136/bmjopen-2019-029723, got '\(doi)'")
            }
            let work = Work(id: try r.nonEmpty("id"), authors: [AuthorName(family: try r.nonEmpty("first_author"))],
                            year: try r.year(), title: r.value("title"), venue: r.value("venue"), doi: DOI(doi),
                            sources: r.value("source").split(separator: ";").map { sourceSpan(String($0)) })
            return CitingRow(work: work, file: try r.nonEmpty("file"))
        }
    }

    /// Reads a works table of another dataset as known works (id, label, first author, year, DOI, source).
    public static func readKnownWorks(csv text: String, file: String) throws -> [KnownWork] {
        try rows(text, file: file, required: ["id", "label", "first_author", "year", "doi", "source"]).map { r in
            let doi = r.value("doi")
            guard doi.isEmpty || DOI(doi) != nil else {
                throw InputError(file: file, line: r.line, field: "doi", message: "expected a DOI, got '\(doi)'")
            }
            let work = Work(id: try r.nonEmpty("id"), authors: [AuthorName(family: try r.nonEmpty("first_author"))],
                            year: try r.year(), doi: DOI(doi))
            return KnownWork(work: work, label: r.value("label"), source: r.value("source"))
        }
    }

    /// Reads `venues.csv`; a venue listed twice is an error naming both lines.
    public static func readVenues(csv text: String, file: String) throws -> [VenueMapping] {
        var seen: [String: Int] = [:]
        return try rows(text, file: file, required: ["venue", "literature", "reason"]).map { r in
            let venue = try r.nonEmpty("venue")
            if let first = seen[venue] {
                throw InputError(file: file, line: r.line, field: "venue", message: "venue '\(venue)' is already mapped on line \(first)")
            }
            seen[venue] = r.line
            return VenueMapping(venue: venue, literature: try r.nonEmpty("literature"), reason: try r.nonEmpty("reason"))
        }
    }

    /// Builds the dataset from files: `citing.csv` and `venues.csv` in `datasetFolder`, the
    /// lists from `listsFolder/<file>`, the known works from `knownWorksFile` (optional).
    public static func build(datasetFolder: String, listsFolder: String, knownWorksFile: String?,
                             options: MatchOptions = MatchOptions()) throws -> ReferenceListDataset {
        try build(datasetFolder: datasetFolder, listsFolder: listsFolder, knownWorksFiles: knownWorksFile.map { [$0] } ?? [],
                  options: options)
    }

    /// As above, with the works tables of several datasets as known works (read in the order
    /// given; a known work keeps its id when a reference matches it).
    public static func build(datasetFolder: String, listsFolder: String, knownWorksFiles: [String],
                             options: MatchOptions = MatchOptions()) throws -> ReferenceListDataset {
        let citingPath = datasetFolder + "/citing.csv"
        let venuesPath = datasetFolder + "/venues.csv"
        let citingRows = try readCiting(csv: try readText(citingPath), file: citingPath)
        let venues = try readVenues(csv: try readText(venuesPath), file: venuesPath)
        let known = try knownWorksFiles.flatMap { try readKnownWorks(csv: try readText($0), file: $0) }
        let docs = try citingRows.map { row in
            let text = try readText(listsFolder + "/" + row.file)
            return CitingDocument(work: row.work, list: ReferencesText.parse(text, file: row.file, section: .afterHeading))
        }
        return build(citing: docs, known: known, venues: venues, options: options)
    }

    /// Writes the four tables into `folder` (each file replaced atomically).
    public func write(to folder: String) throws {
        for (name, text) in [("works.csv", try worksCSV()), ("citations.csv", try citationsCSV()),
                             ("references.csv", try referencesCSV()), ("matches.csv", try matchesCSV())] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
        }
    }

    // MARK: Tables

    public func worksCSV() throws -> String {
        try Self.csv(header: ["id", "label", "first_author", "year", "title", "venue", "doi", "type", "role", "cited_by", "source"],
                     rows: works.map { [$0.id, $0.label, $0.firstAuthor, $0.year.map(String.init) ?? "", $0.title, $0.venue, $0.doi,
                                        $0.type, $0.role, String($0.citedBy), $0.source] })
    }

    public func citationsCSV() throws -> String {
        try Self.csv(header: ["citing", "cited", "source"], rows: citations.map { [$0.citing, $0.cited, $0.source] })
    }

    public func matchesCSV() throws -> String {
        try Self.csv(header: ["node", "method", "rejection", "kept_source", "merged_source", "title_dice", "title_overlap", "detail"],
                     rows: matches.map { [$0.node, $0.method, $0.rejection, $0.keptSource, $0.mergedSource, $0.titleDice, $0.titleOverlap, $0.detail] })
    }

    public func referencesCSV() throws -> String {
        try Self.csv(header: ["citing", "number", "node", "status", "type", "authors", "year", "title", "venue", "volume", "issue",
                              "pages", "publisher", "place", "doi", "url", "notes", "raw", "source"],
                     rows: references.map { row in
                         let e = row.entry, r = e.reference
                         return [row.citing, r.number.map(String.init) ?? "", row.node, e.status.rawValue, r.type.rawValue,
                                 (r.authors.isEmpty ? r.editors : r.authors).map(\.display).joined(separator: "; ") + (r.authorsTruncated ? "; et al." : ""),
                                 r.year.map(String.init) ?? "", r.title ?? "", r.venue ?? "", r.volume ?? "", r.issue ?? "",
                                 r.pages ?? "", r.publisher ?? "", r.place ?? "", r.doi?.value ?? "", r.url ?? "",
                                 e.notes.joined(separator: " | "), r.raw, r.source?.description ?? ""]
                     })
    }

    // MARK: Helpers

    static func csv(header: [String], rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data,
              let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: "(memory)", message: "could not write CSV")
        }
        return text + "\n"
    }

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "file not found or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, message: "not UTF-8 text")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// `file:12` or `file:12-14` back into a span (anything else: the whole string as file).
    static func sourceSpan(_ text: String) -> SourceSpan {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let colon = t.lastIndex(of: ":") else { return SourceSpan(file: t, firstLine: 0, lastLine: 0) }
        let file = String(t[..<colon])
        let range = t[t.index(after: colon)...].split(separator: "-").compactMap { Int($0) }
        guard let a = range.first else { return SourceSpan(file: t, firstLine: 0, lastLine: 0) }
        return SourceSpan(file: file, firstLine: a, lastLine: range.last ?? a)
    }

    struct Row {
        var line: Int
        var file: String
        var fields: [String: String]

        func value(_ key: String) -> String { (fields[key] ?? "").trimmingCharacters(in: .whitespaces) }

        func nonEmpty(_ key: String) throws -> String {
            let v = value(key)
            guard !v.isEmpty else { throw InputError(file: file, line: line, field: key, message: "expected a value") }
            return v
        }

        func year() throws -> Int? {
            let v = value("year")
            if v.isEmpty { return nil }
            guard let y = Int(v.prefix(4)), v.count == 4 || (v.count == 5 && v.last?.isLetter == true) else {
                throw InputError(file: file, line: line, field: "year", message: "expected a year such as 2016 or 2015a, got '\(v)'")
            }
            return y
        }
    }

    /// Rows as dictionaries; line = 1-based line of the record (header is line 1; records
    /// are assumed one line each, which holds for the files this reader is given).
    static func rows(_ text: String, file: String, required: [String]) throws -> [Row] {
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw InputError(file: file, line: 1, message: "not a CSV file with a header row: \(error)")
        }
        guard let header = reader.headerRow else { throw InputError(file: file, line: 1, message: "missing header row") }
        for column in required where !header.contains(column) {
            throw InputError(file: file, line: 1, field: column, message: "missing column '\(column)' (header: \(header.joined(separator: ",")))")
        }
        var out: [Row] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            guard row.count == header.count else {
                throw InputError(file: file, line: line, message: "expected \(header.count) fields, found \(row.count)")
            }
            out.append(Row(line: line, file: file, fields: Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })))
        }
        return out
    }
}
