import Foundation
import NetworkCore

/// Writing an imported dataset folder.
///
/// Files (all UTF-8, RFC 4180 CSV with a header row and a `source` column):
/// - `dataset.yml`: `name` = the folder name, `title`, `source` (the input files and
///   formats), `works: works.csv`, one `citation` layer `citations.csv`.
/// - `works.csv`: `id,label,first_author,authors,year,title,venue,volume,issue,pages,doi,
///   pmid,openalex,native_ids,type,role,cited_by,source` (role `citing`, `cited` or
///   `citing+cited`; `source` = every record the work was read from).
/// - `citations.csv`: `citing,cited,source` — one row per pair; `source` lists every
///   reference stating it (`file:line#k`: line(s) of the reference or its record, k its
///   position in the record's list), separated by `; `.
/// - `references.csv`: every cited reference read, matched or not: `citing,position,cited,
///   method,note,first_author,year,title,venue,volume,pages,doi,openalex,native_id,raw,source`.
/// - `matches.csv`: every merge — a citing record merged into an earlier one (`kind`
///   `record`) and every reference attached to an existing work (`reference`) — with its
///   `method`, the `evidence` it rests on (``WorkIndex/evidence(_:_:method:)``), the raw
///   reference, its `source` and the `first_source` of the work it joined.
/// - `import-log.txt`: the summary, per-file counts (and declared versus read reference
///   counts), repairs made while reading (rows longer or shorter than the header, line
///   endings, UTF-16 transcoding) with file and line, skipped records with their errors, duplicate records (kept, merged, why),
///   refused identifier matches, self-citations and repeated citations.
/// - `README.md`: what the folder is and how it was made.
///
/// File names in provenance are the inputs' last path components (a name shared by two
/// inputs keeps the path as given), so output does not depend on where the inputs live.
/// In two steps (``writeReferenceTables(_:to:)``, then ``write(_:to:after:)``), so that an
/// import frees its rows before it places works in fields: the folder is created and the
/// three tables of rows written first, then `works.csv` and the small texts; each table is
/// streamed as bytes, every file replaced atomically. Only these fixed names inside `outputFolder` are written.
extension Importer {
    public func write(_ d: ImportedDataset, to outputFolder: String) throws {
        let tables = try writeReferenceTables(d, to: outputFolder)
        try write(d, to: outputFolder, after: tables)
    }

    /// What ``writeReferenceTables(_:to:)`` wrote and what the rest of the folder needs from
    /// the rows (so the rows can be freed before the works are placed in fields).
    public struct WrittenReferenceTables: Sendable {
        /// Per cited work id: the provenance of the first reference naming it, as in the row
        /// (shared with the row's string, no copy; shown when written).
        var firstMention: [String: String]
        /// The import log's lines for references without an arc (shown).
        var noted: [String]
        var citationCount: Int
    }

    /// The folder's URL, checked (`--out` must name a folder).
    static func datasetFolder(_ outputFolder: String) throws -> URL {
        let folderURL = URL(fileURLWithPath: outputFolder).standardizedFileURL
        let name = folderURL.lastPathComponent
        guard !name.isEmpty, name != "/" else {
            throw InputError(file: outputFolder, field: "--out", message: "expected a dataset folder path")
        }
        return folderURL
    }

    /// Creates the folder and writes the three tables that do not depend on fields —
    /// `citations.csv`, `references.csv`, `matches.csv` — on both cores; returns what the
    /// rest of the folder needs from the rows (``write(_:to:after:)``).
    public func writeReferenceTables(_ d: ImportedDataset, to outputFolder: String) throws -> WrittenReferenceTables {
        let folderURL = try Self.datasetFolder(outputFolder)
        let display = Self.displayNames(d.files.map(\.file))
        let paths = ProvenancePaths(display: display)
        let show: @Sendable (String) -> String = { paths.show($0) }
        let firstMention: [String: String] = {
            var out: [String: String] = [:]
            out.reserveCapacity(d.works.count)
            for k in d.references.indices where out[d.references[k].cited] == nil { out[d.references[k].cited] = d.references[k].source }
            return out
        }()
        do {
            try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: outputFolder, field: "--out", message: "cannot create the dataset folder: \(error.localizedDescription)")
        }
        // The large tables are streamed to their files row by row (memory: one chunk of
        // bytes, never a table of Strings nor a table's whole text).
        // Three independent files: written on both cores (each job writes only its own file).
        _ = try Importer.inParallel(3) { job in
            switch job {
            case 0:
                var citations = try CSVTableFile(folder: folderURL, name: "citations.csv", header: ["citing", "cited", "source"])
                for a in d.citations.indices {
                    citations.csv.field(d.citations[a].citing)
                    citations.csv.field(d.citations[a].cited)
                    citations.csv.field { out in
                        for (n, source) in d.citations[a].sources.enumerated() {
                            if n > 0 { out.append(0x3B); out.append(0x20) }
                            paths.appendShown(source, to: &out)
                        }
                    }
                    try citations.endRow()
                }
                try citations.finish()
            case 1:
                var references = try CSVTableFile(folder: folderURL, name: "references.csv", header: [
                    "citing", "position", "cited", "method", "note", "first_author", "year", "title", "venue", "volume", "pages", "doi",
                    "openalex", "native_id", "raw", "source"])
                for k in d.references.indices {
                    // Read in place: copying each row struct costs a retain per field.
                    references.csv.field(d.references[k].citing)
                    references.csv.field(d.references[k].position)
                    references.csv.field(d.references[k].cited)
                    references.csv.field(d.references[k].method.rawValue)
                    if let note = d.references[k].note {
                        references.csv.field { paths.appendShown(note, to: &$0) }
                    } else {
                        references.csv.field("")
                    }
                    if let a = d.references[k].reference.firstAuthor {
                        references.csv.field { Self.appendDisplay(a, to: &$0) }
                    } else {
                        references.csv.field("")
                    }
                    if let y = d.references[k].reference.year { references.csv.field(y) } else { references.csv.field("") }
                    references.csv.field(d.references[k].reference.title ?? "")
                    references.csv.field(d.references[k].reference.venue ?? "")
                    references.csv.field(d.references[k].reference.volume ?? "")
                    references.csv.field(d.references[k].reference.pages ?? "")
                    references.csv.field(d.references[k].reference.doi?.value ?? "")
                    references.csv.field(d.references[k].reference.openAlexID ?? "")
                    references.csv.field(d.references[k].nativeID ?? "")
                    references.csv.field(d.references[k].reference.raw)
                    references.csv.field { paths.appendShown(d.references[k].source, to: &$0) }
                    try references.endRow()
                }
                try references.finish()
            default:
                var matches = try CSVTableFile(folder: folderURL, name: "matches.csv", header: ["work", "kind", "method", "evidence", "raw", "source", "first_source"])
                for dup in d.duplicates {
                    for c in [dup.work, "record", dup.method.rawValue, dup.evidence, "", show(dup.merged), show(dup.kept)] { matches.csv.field(c) }
                    try matches.endRow()
                }
                for k in d.references.indices where d.references[k].method != .new {
                    matches.csv.field(d.references[k].cited)
                    matches.csv.field("reference")
                    matches.csv.field(d.references[k].method.rawValue)
                    matches.csv.field(d.references[k].evidence)
                    matches.csv.field(d.references[k].reference.raw)
                    matches.csv.field { paths.appendShown(d.references[k].source, to: &$0) }
                    if let first = firstMention[d.references[k].cited] {
                        matches.csv.field { paths.appendShown(first, to: &$0) }
                    } else {
                        matches.csv.field("")
                    }
                    try matches.endRow()
                }
                try matches.finish()
            }
        }
        var noted: [String] = []
        for k in d.references.indices {
            guard let note = d.references[k].note else { continue }
            noted.append(show("\(d.references[k].source) \(d.references[k].citing) -> \(d.references[k].cited): \(note)"))
        }
        return WrittenReferenceTables(firstMention: firstMention, noted: noted, citationCount: d.citations.count)
    }

    /// Writes the rest of the folder — `works.csv`, `dataset.yml`, `import-log.txt`,
    /// `README.md`, `literatures.csv` — once the works are placed in fields; reads nothing
    /// of `d.references` or `d.citations` (freed by then, see ``run(files:format:outputFolder:)``).
    public func write(_ d: ImportedDataset, to outputFolder: String, after tables: WrittenReferenceTables) throws {
        let folderURL = try Self.datasetFolder(outputFolder)
        let name = folderURL.lastPathComponent
        let display = Self.displayNames(d.files.map(\.file))
        let paths = ProvenancePaths(display: display)
        let show: @Sendable (String) -> String = { paths.show($0) }
        let firstMention = tables.firstMention
        let fileList = d.files.map { "\(display[$0.file] ?? $0.file) (\($0.format.rawValue))" }
        let title = options.title ?? "Citation network imported from \(fileList.count == 1 ? fileList[0] : "\(fileList.count) exports")"
        let literatures = Self.literaturesTable(d, existing: Self.existingLiteratures(folderURL))
        let yml = DatasetManifest.citationDatasetYAML(
            name: name, title: title, source: "siloscope import of " + fileList.joined(separator: ", "),
            description: "\(d.summary.records) citing records (\(d.summary.duplicates) duplicates merged), \(d.summary.references) cited references, \(d.works.count) works, \(tables.citationCount) citation arcs. Matching: \(d.summary.matched.byIdentifier) references by identifier, \(d.summary.matched.byKey) by key, \(d.summary.matched.unmatched) new works. See import-log.txt.") + (literatures == nil ? "" : Self.literatureManifestLines)
        let log = importLog(d, show: show, display: display, citationCount: tables.citationCount, noted: tables.noted)
        let readme = """
        # \(name)

        \(title).

        Made by `siloscope import` from: \(fileList.joined(separator: ", ")). Every row of `works.csv`,
        `citations.csv` and `references.csv` names in `source` the file and line(s) it was read from
        (`#k` = the reference's position in its record's list). How each reference was matched
        (`method`: doi, openalex, pmid, native-id, key, title, raw-text, volume-page, new) is in `references.csv`; duplicate
        records, refused matches and skipped records are in `import-log.txt`.

        """ + (d.summary.fields.map { c in
            """

            ## Fields and literatures

            Each work's field is in `works.csv` (`categories` at level `\(c.level)`, all of them, separated by `; `;
            `category` the primary one; `field_source` and `field_key` say how it was found). `literatures.csv`
            maps each category to a literature (edit its `literature` column to merge categories; a re-import
            keeps your choices). Coverage:

            \(Self.coverageLines(c).map { "- " + $0 }.joined(separator: "\n"))

            """
        } ?? "")
        try writeWorks(d, folder: folderURL, paths: paths, firstMention: firstMention)
        for (file, text) in [("dataset.yml", yml), ("import-log.txt", log), ("README.md", readme)]
            + (literatures.map { [("literatures.csv", $0)] } ?? []) {
            do {
                try Data(text.utf8).write(to: folderURL.appendingPathComponent(file), options: .atomic)
            } catch {
                throw InputError(file: folderURL.appendingPathComponent(file).path, message: "cannot write: \(error.localizedDescription)")
            }
        }
    }

    /// `works.csv` (see ``write(_:to:)``).
    func writeWorks(_ d: ImportedDataset, folder: URL, paths: ProvenancePaths, firstMention: [String: String]) throws {
        var file = try CSVTableFile(folder: folder, name: "works.csv", header: [
            "id", "label", "first_author", "authors", "year", "title", "venue", "volume", "issue", "pages", "doi", "pmid",
            "openalex", "native_ids", "type", "role", "cited_by", "source"] + (d.fields.isEmpty ? [] : Self.fieldHeader))
        for i in d.works.indices {
            // Read in place (no copy of the work struct); multi-part cells built as bytes.
            let isCiting = d.works[i].isCiting
            let role = isCiting ? (d.works[i].citedBy > 0 ? "citing+cited" : "citing") : "cited"
            file.csv.field(d.works[i].work.id)
            // "Surname Year"; with no personal author, the title's start, else the venue's
            // (a WoS reference such as "GUARDIAN, 2019" names only where it appeared).
            file.csv.field { out in
                if let first = d.works[i].work.authors.first {
                    Self.appendLabelFamily(first, to: &out)
                } else if let title = d.works[i].work.title {
                    Self.appendPrefix40(title, to: &out)
                } else if let venue = d.works[i].work.venue {
                    Self.appendPrefix40(venue, to: &out)
                } else {
                    out.append(0x3F)
                }
                out.append(0x20)
                if let y = d.works[i].work.year { CSVBytes.appendDecimal(y, to: &out) } else { out.append(contentsOf: "n.d.".utf8) }
            }
            if let first = d.works[i].work.authors.first {
                file.csv.field { Self.appendDisplay(first, to: &$0) }
            } else {
                file.csv.field("")
            }
            file.csv.field { out in
                for (n, a) in d.works[i].work.authors.enumerated() {
                    if n > 0 { out.append(0x3B); out.append(0x20) }
                    Self.appendDisplay(a, to: &out)
                }
            }
            if let y = d.works[i].work.year { file.csv.field(y) } else { file.csv.field("") }
            file.csv.field(d.works[i].work.title ?? "")
            file.csv.field(d.works[i].work.venue ?? "")
            file.csv.field(d.works[i].work.volume ?? "")
            file.csv.field(d.works[i].work.issue ?? "")
            file.csv.field(d.works[i].work.pages ?? "")
            file.csv.field(d.works[i].work.doi?.value ?? "")
            file.csv.field(d.works[i].work.pmid ?? "")
            file.csv.field(d.works[i].work.openAlexID ?? "")
            file.csv.field { out in
                for (n, id) in d.works[i].nativeIDs.enumerated() {
                    if n > 0 { out.append(0x3B); out.append(0x20) }
                    withUTF8Bytes(id) { out.append(contentsOf: $0) }
                }
            }
            file.csv.field(d.works[i].work.type.rawValue)
            file.csv.field(role)
            file.csv.field(d.works[i].citedBy)
            if isCiting {
                file.csv.field { out in
                    for (n, span) in d.works[i].work.sources.enumerated() {
                        if n > 0 { out.append(0x3B); out.append(0x20) }
                        paths.appendShown(span.description, to: &out)
                    }
                }
            } else if let mention = firstMention[d.works[i].work.id] {
                file.csv.field { paths.appendShown(mention, to: &$0) }
            } else {
                file.csv.field("")
            }
            if !d.fields.isEmpty { for c in Self.fieldCells(d, i) { file.csv.field(c) } }
            try file.endRow()
        }
        try file.finish()
    }

    /// The bytes of ``AuthorName/display`` ("Family I"; the family alone without initials).
    static func appendDisplay(_ a: AuthorName, to out: inout [UInt8]) {
        withUTF8Bytes(a.family) { out.append(contentsOf: $0) }
        guard !a.initials.isEmpty else { return }
        out.append(0x20)
        withUTF8Bytes(a.initials) { out.append(contentsOf: $0) }
    }

    /// The bytes of ``AuthorName/labelFamily``: an ASCII surname on its bytes (letters are
    /// `A-Z a-z`, the lower case ones `a-z`, so a Character is a byte for these tests), any
    /// other through `labelFamily` itself.
    static func appendLabelFamily(_ a: AuthorName, to out: inout [UInt8]) {
        let handled = withUTF8Bytes(a.family) { u -> Bool in
            var letter = false
            for b in u {
                if b >= 0x80 { return false }
                if b >= 0x61 && b <= 0x7A { out.append(contentsOf: u); return true }  // a lower-case letter: kept as printed
                if b >= 0x41 && b <= 0x5A { letter = true }
            }
            if a.isOrganisation || !letter { out.append(contentsOf: u); return true }
            // All capitals: title case (a letter after a non-letter is kept, the others lowered).
            var startOfWord = true
            for b in u {
                let isLetter = b >= 0x41 && b <= 0x5A
                out.append(startOfWord || !isLetter ? b : b &+ 32)
                startOfWord = !isLetter
            }
            return true
        }
        if !handled { out.append(contentsOf: a.labelFamily.utf8) }
    }

    /// The bytes of `String(s.prefix(40))` (40 Characters): the first 40 bytes of an ASCII
    /// text without `\r` (where a Character is a byte), else through String.
    static func appendPrefix40(_ s: String, to out: inout [UInt8]) {
        let handled = withUTF8Bytes(s) { u -> Bool in
            let n = min(u.count, 40)
            for b in u[..<n] where b >= 0x80 || b == 0x0D { return false }
            // A Character may span a 0x0D 0x0A pair or a non-ASCII sequence only: byte 41 on
            // must not extend the 40th Character either (an ASCII byte never does, except `\n` after `\r`).
            if u.count > n, u[n] >= 0x80 { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[..<n]))
            return true
        }
        if !handled { out.append(contentsOf: String(s.prefix(40)).utf8) }
    }

    func importLog(_ d: ImportedDataset, show: (String) -> String, display: [String: String], citationCount: Int, noted: [String]) -> String {
        var out: [String] = []
        let s = d.summary
        out.append("siloscope import")
        out.append("format: \(s.format)")
        out.append("records: \(s.records)  references: \(s.references)  skipped: \(s.skipped)  duplicates: \(s.duplicates)")
        out.append("matched: byIdentifier \(s.matched.byIdentifier)  byKey \(s.matched.byKey)  unmatched \(s.matched.unmatched)")
        out.append("works: \(d.works.count)  citations: \(citationCount)")
        if let c = s.fields {
            out.append("")
            out.append("## Fields")
            out.append(contentsOf: Self.coverageLines(c))
        }
        out.append("")
        out.append("## Files")
        for (i, f) in d.files.enumerated() {
            // Counts as read: after ``merge(_:)`` the records no longer hold their references.
            let perRecord = i < d.referencesPerRecord.count ? d.referencesPerRecord[i] : f.records.map(\.references.count)
            let referenceCount = perRecord.reduce(0, +)
            let declared = f.records.compactMap(\.declaredReferences)
            var line = "\(display[f.file] ?? f.file): \(f.format.rawValue), \(f.records.count) records, \(referenceCount) references, \(f.skipped.count) skipped"
            if let pieces = f.notes["referencePieces"], pieces != referenceCount {
                line += "; the References cells have \(pieces) ';'-separated pieces (authors of one reference are also separated by ';' in newer Scopus exports)"
            }
            out.append(line)
            if !declared.isEmpty {
                for (k, r) in f.records.enumerated() {
                    let read = k < perRecord.count ? perRecord[k] : r.references.count
                    if let n = r.declaredReferences, n != read {
                        out.append("  \(show(r.work.sources.first?.description ?? "?")): the record declares \(n) references, \(read) were read")
                    }
                }
            }
        }
        let repairs = d.files.flatMap(\.repairs)
        out.append("")
        out.append("## Repairs (\(repairs.count))")
        for e in repairs { out.append(show(e.description)) }
        if d.files.contains(where: { !$0.skipped.isEmpty }) {
            out.append("")
            out.append("## Skipped records")
            for f in d.files { for e in f.skipped { out.append(show(e.description)) } }
        }
        out.append("")
        out.append("## Duplicate records (\(d.duplicates.count))")
        for dup in d.duplicates {
            out.append("\(dup.work): kept \(show(dup.kept)) (read first); merged \(show(dup.merged)) (same \(dup.method == .key ? "first author, year and title" : dup.method.rawValue))")
        }
        if !d.notes.isEmpty {
            out.append("")
            out.append("## Refused identifier matches")
            out.append(contentsOf: d.notes)
        }
        if !noted.isEmpty {
            out.append("")
            out.append("## References without an arc (\(noted.count))")
            out.append(contentsOf: noted)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Last path component of each file, or the path as given when two inputs share it.
    static func displayNames(_ files: [String]) -> [String: String] {
        var count: [String: Int] = [:]
        for f in files { count[(f as NSString).lastPathComponent, default: 0] += 1 }
        var out: [String: String] = [:]
        for f in files {
            let short = (f as NSString).lastPathComponent
            out[f] = count[short] == 1 ? short : f
        }
        return out
    }

}
