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
/// Every table is built in memory before anything is written; each file is then replaced
/// atomically. Only these fixed names inside `outputFolder` are written.
extension Importer {
    public func write(_ d: ImportedDataset, to outputFolder: String) throws {
        let folderURL = URL(fileURLWithPath: outputFolder).standardizedFileURL
        let name = folderURL.lastPathComponent
        guard !name.isEmpty, name != "/" else {
            throw InputError(file: outputFolder, field: "--out", message: "expected a dataset folder path")
        }
        let display = Self.displayNames(d.files.map(\.file))
        let replacements = display.sorted(by: { ($0.key.count, $0.key) > ($1.key.count, $1.key) }).filter { $0.key != $0.value }
        func show(_ s: String) -> String {
            var out = s
            // Fast path: a source `path:line#k` starts with its file's path and names no other.
            if let (path, short) = replacements.first(where: { out.hasPrefix($0.key) }) {
                let rest = out.dropFirst(path.count)
                if !rest.contains("/") { return short + rest }
            }
            for (path, short) in replacements {
                out = out.replacingOccurrences(of: path, with: short)
            }
            return out
        }
        var firstMention: [String: String] = [:]
        for r in d.references where firstMention[r.cited] == nil { firstMention[r.cited] = show(r.source) }
        let works = CSVTable.text(
            header: ["id", "label", "first_author", "authors", "year", "title", "venue", "volume", "issue", "pages", "doi", "pmid",
                     "openalex", "native_ids", "type", "role", "cited_by", "source"] + (d.fields.isEmpty ? [] : Self.fieldHeader),
            rows: d.works.enumerated().map { i, iw in
                let w = iw.work
                let first = w.authors.first
                let role = iw.isCiting ? (iw.citedBy > 0 ? "citing+cited" : "citing") : "cited"
                let label = [first?.labelFamily ?? (w.title.map { String($0.prefix(40)) } ?? "?"), w.year.map(String.init) ?? "n.d."].joined(separator: " ")
                let source = iw.isCiting ? w.sources.map { show($0.description) }.joined(separator: "; ") : (firstMention[w.id] ?? "")
                return [w.id, label, first?.display ?? "", w.authors.map(\.display).joined(separator: "; "), w.year.map(String.init) ?? "",
                        w.title ?? "", w.venue ?? "", w.volume ?? "", w.issue ?? "", w.pages ?? "", w.doi?.value ?? "", w.pmid ?? "",
                        w.openAlexID ?? "", iw.nativeIDs.joined(separator: "; "), w.type.rawValue, role, String(iw.citedBy), source]
                    + (d.fields.isEmpty ? [] : Self.fieldCells(d, i))
            })
        let citations = CSVTable.text(
            header: ["citing", "cited", "source"],
            rows: d.citations.map { [$0.citing, $0.cited, $0.sources.map(show).joined(separator: "; ")] })
        let references = CSVTable.text(
            header: ["citing", "position", "cited", "method", "note", "first_author", "year", "title", "venue", "volume", "pages", "doi",
                     "openalex", "native_id", "raw", "source"],
            rows: d.references.map { row in
                let r = row.reference
                return [row.citing, String(row.position), row.cited, row.method.rawValue, show(row.note ?? ""), r.firstAuthor?.display ?? "",
                        r.year.map(String.init) ?? "", r.title ?? "", r.venue ?? "", r.volume ?? "", r.pages ?? "", r.doi?.value ?? "",
                        r.openAlexID ?? "", row.nativeID ?? "", r.raw, show(row.source)]
            })
        var matchRows: [[String]] = d.duplicates.map { [$0.work, "record", $0.method.rawValue, $0.evidence, "", show($0.merged), show($0.kept)] }
        for row in d.references where row.method != .new {
            matchRows.append([row.cited, "reference", row.method.rawValue, row.evidence, row.reference.raw, show(row.source), firstMention[row.cited] ?? ""])
        }
        let matches = CSVTable.text(header: ["work", "kind", "method", "evidence", "raw", "source", "first_source"], rows: matchRows)
        let fileList = d.files.map { "\(display[$0.file] ?? $0.file) (\($0.format.rawValue))" }
        let title = options.title ?? "Citation network imported from \(fileList.count == 1 ? fileList[0] : "\(fileList.count) exports")"
        let literatures = Self.literaturesTable(d, existing: Self.existingLiteratures(folderURL))
        let yml = DatasetManifest.citationDatasetYAML(
            name: name, title: title, source: "siloscope import of " + fileList.joined(separator: ", "),
            description: "\(d.summary.records) citing records (\(d.summary.duplicates) duplicates merged), \(d.summary.references) cited references, \(d.works.count) works, \(d.citations.count) citation arcs. Matching: \(d.summary.matched.byIdentifier) references by identifier, \(d.summary.matched.byKey) by key, \(d.summary.matched.unmatched) new works. See import-log.txt.") + (literatures == nil ? "" : Self.literatureManifestLines)
        let log = importLog(d, show: show, display: display)
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
        do {
            try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: outputFolder, field: "--out", message: "cannot create the dataset folder: \(error.localizedDescription)")
        }
        for (file, text) in [("dataset.yml", yml), ("works.csv", works), ("citations.csv", citations),
                             ("references.csv", references), ("matches.csv", matches), ("import-log.txt", log), ("README.md", readme)]
            + (literatures.map { [("literatures.csv", $0)] } ?? []) {
            do {
                try Data(text.utf8).write(to: folderURL.appendingPathComponent(file), options: .atomic)
            } catch {
                throw InputError(file: folderURL.appendingPathComponent(file).path, message: "cannot write: \(error.localizedDescription)")
            }
        }
    }

    func importLog(_ d: ImportedDataset, show: (String) -> String, display: [String: String]) -> String {
        var out: [String] = []
        let s = d.summary
        out.append("siloscope import")
        out.append("format: \(s.format)")
        out.append("records: \(s.records)  references: \(s.references)  skipped: \(s.skipped)  duplicates: \(s.duplicates)")
        out.append("matched: byIdentifier \(s.matched.byIdentifier)  byKey \(s.matched.byKey)  unmatched \(s.matched.unmatched)")
        out.append("works: \(d.works.count)  citations: \(d.citations.count)")
        if let c = s.fields {
            out.append("")
            out.append("## Fields")
            out.append(contentsOf: Self.coverageLines(c))
        }
        out.append("")
        out.append("## Files")
        for f in d.files {
            let declared = f.records.compactMap(\.declaredReferences)
            var line = "\(display[f.file] ?? f.file): \(f.format.rawValue), \(f.records.count) records, \(f.referenceCount) references, \(f.skipped.count) skipped"
            if let pieces = f.notes["referencePieces"], pieces != f.referenceCount {
                line += "; the References cells have \(pieces) ';'-separated pieces (authors of one reference are also separated by ';' in newer Scopus exports)"
            }
            out.append(line)
            if !declared.isEmpty {
                for r in f.records {
                    if let n = r.declaredReferences, n != r.references.count {
                        out.append("  \(show(r.work.sources.first?.description ?? "?")): the record declares \(n) references, \(r.references.count) were read")
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
        let noted = d.references.filter { $0.note != nil }
        if !noted.isEmpty {
            out.append("")
            out.append("## References without an arc (\(noted.count))")
            for r in noted { out.append(show("\(r.source) \(r.citing) -> \(r.cited): \(r.note ?? "")")) }
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
