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
        /// Per cited work: the provenance of the first reference naming it, as in the row
        /// (shared with the row's string, no copy; shown when written), ``FirstMentions``.
        var firstMention: FirstMentions
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
        let citationCount = try writeCitationTable(d, to: outputFolder)
        return try writeRowTables(d, citationCount: citationCount, to: outputFolder)
    }

    /// The first part of ``writeReferenceTables(_:to:)``: creates the folder and writes
    /// `citations.csv`; the number of arcs. The large tables are streamed to their files in
    /// chunks of rows rendered on both cores (memory: a few chunks of bytes, never a table of
    /// Strings nor a table's whole text), one table after the other.
    func writeCitationTable(_ d: ImportedDataset, to outputFolder: String) throws -> Int {
        let folderURL = try Self.datasetFolder(outputFolder)
        let paths = ProvenancePaths(display: Self.displayNames(d.files.map(\.file)))
        do {
            try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: outputFolder, field: "--out", message: "cannot create the dataset folder: \(error.localizedDescription)")
        }
        var citations = try CSVTableFile(folder: folderURL, name: "citations.csv", header: ["citing", "cited", "source"])
        try citations.appendRows(count: d.citations.count, rowsPerChunk: 8192) { rows, csv in
            Self.forEachInPlace(d.citations, rows) { Self.appendCitationRow(&$1, paths: paths, to: &csv) }
        }
        try citations.finish()
        return d.citations.count
    }

    /// The second part of ``writeReferenceTables(_:to:)``: `references.csv` and `matches.csv`
    /// in the folder ``writeCitationTable(_:to:)`` made; reads nothing of `d.citations`.
    func writeRowTables(_ d: ImportedDataset, citationCount: Int, to outputFolder: String) throws -> WrittenReferenceTables {
        let folderURL = try Self.datasetFolder(outputFolder)
        let display = Self.displayNames(d.files.map(\.file))
        let paths = ProvenancePaths(display: display)
        let show: @Sendable (String) -> String = { paths.show($0) }
        let firstMention = FirstMentions(rows: d.references, works: d.works)
        var references = try CSVTableFile(folder: folderURL, name: "references.csv", header: [
            "citing", "position", "cited", "method", "note", "first_author", "year", "title", "venue", "volume", "pages", "doi",
            "openalex", "native_id", "raw", "source"])
        try references.appendRows(count: d.references.count, rowsPerChunk: 4096) { rows, csv in
            Self.forEachInPlace(d.references, rows) { Self.appendReferenceRow(&$1, paths: paths, to: &csv) }
        }
        try references.finish()
        // matches.csv: the duplicate records, then the references attached to an existing work.
        var matches = try CSVTableFile(folder: folderURL, name: "matches.csv", header: ["work", "kind", "method", "evidence", "raw", "source", "first_source"])
        for dup in d.duplicates {
            for c in [dup.work, "record", dup.method.rawValue, dup.evidence, "", show(dup.merged), show(dup.kept)] { matches.csv.field(c) }
            try matches.endRow()
        }
        try matches.appendRows(count: d.references.count, rowsPerChunk: 8192) { rows, csv in
            Self.forEachInPlace(d.references, rows) { k, row in
                if row.method != .new { Self.appendMatchRow(&row, firstMention: firstMention.forRow(k, cited: row.cited), paths: paths, to: &csv) }
            }
        }
        try matches.finish()
        var noted: [String] = []
        for k in d.references.indices {
            guard let note = d.references[k].note else { continue }
            noted.append(show("\(d.references[k].source) \(d.references[k].citing) -> \(d.references[k].cited): \(note)"))
        }
        return WrittenReferenceTables(firstMention: firstMention, noted: noted, citationCount: citationCount)
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
    func writeWorks(_ d: ImportedDataset, folder: URL, paths: ProvenancePaths, firstMention: FirstMentions) throws {
        let mentions = firstMention.forWorks(d.works)
        var file = try CSVTableFile(folder: folder, name: "works.csv", header: [
            "id", "label", "first_author", "authors", "year", "title", "venue", "volume", "issue", "pages", "doi", "pmid",
            "openalex", "native_ids", "type", "role", "cited_by", "source"] + (d.fields.isEmpty ? [] : Self.fieldHeader))
        try file.appendRows(count: d.works.count, rowsPerChunk: 4096) { rows, csv in
            let level = d.literatureLevel?.rawValue ?? ""
            var noSubjects = SubjectFields()
            d.fields.withUnsafeBufferPointer { fields in
                d.subjectFields.withUnsafeBufferPointer { subjects in
                    Self.forEachInPlace(d.works, rows) { i, work in
                        Self.appendWorkCells(&work, firstMention: work.isCiting ? nil : mentions[i], paths: paths, to: &csv)
                        if !d.fields.isEmpty {
                            if i < fields.count, let fb = fields.baseAddress {
                                // In place, as ``forEachInPlace(_:_:_:)`` (read only).
                                if i < subjects.count, let sb = subjects.baseAddress {
                                    Self.appendFieldCells(&UnsafeMutablePointer(mutating: fb + i).pointee,
                                                          &UnsafeMutablePointer(mutating: sb + i).pointee, level: level, to: &csv)
                                } else {
                                    Self.appendFieldCells(&UnsafeMutablePointer(mutating: fb + i).pointee, &noSubjects, level: level, to: &csv)
                                }
                            } else {
                                for _ in Self.fieldHeader { csv.field("") }
                            }
                        }
                        csv.endRow()
                    }
                }
            }
        }
        try file.finish()
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
