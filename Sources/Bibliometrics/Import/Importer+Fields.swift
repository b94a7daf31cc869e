import Foundation
import NetworkCore

/// Placing the works of an import in fields and literatures (issue 12).
extension Importer {
    /// The level used: ``ImportOptions/literatures``, else the first file's format default
    /// (``LiteratureLevel/defaultLevel(for:)``; BibTeX with WoS categories → `wos-category`).
    public func literatureLevel(_ d: ImportedDataset) -> LiteratureLevel {
        if let l = options.literatures { return l }
        guard let first = d.files.first else { return .asjcArea }
        if first.format == .bibtex, first.records.contains(where: { !$0.fields.wosCategories.isEmpty }) { return .wosCategory }
        if first.format == .openAlex, !first.records.contains(where: { !$0.fields.openAlexTopics.isEmpty }),
           first.records.contains(where: { !$0.fields.openAlexConcepts.isEmpty }) { return .openAlexConcept }
        return LiteratureLevel.defaultLevel(for: first.format)
    }

    /// Fills `d.fields` (``FieldAssigner``) and the summary's `fields` coverage.
    ///
    /// The evidence of a work is the union of its records' ``SubjectFields`` (a work read
    /// from two exports keeps both); cited-only works have only their venue.
    /// When the bundled tables cannot be loaded (a binary copied without its
    /// `Siloscope_Bibliometrics.resources` folder), the import goes on with the records' own
    /// WoS and OpenAlex fields only, and the log says why ASJC and the catalogue were not used.
    /// - Throws: ``InputError`` when the venue table is malformed.
    public func classify(_ d: inout ImportedDataset, outputFolder: String? = nil) throws {
        try classification(of: d).apply(to: &d)
    }

    /// What ``classify(_:outputFolder:)`` fills in, computed from `d` without changing it, so
    /// that it can run on one core while the tables of rows are written on the other.
    struct Classification: Sendable {
        var fields: [FieldAssignment]
        var level: LiteratureLevel
        var coverage: FieldCoverage
        var subjectFields: [SubjectFields]
        /// Why the bundled tables were not used, when they could not be loaded (for the log).
        var note: String?

        func apply(to d: inout ImportedDataset) {
            if let note { d.notes.append(note) }
            d.fields = fields
            d.literatureLevel = level
            d.summary.fields = coverage
            d.subjectFields = subjectFields
        }
    }

    /// ``classify(_:outputFolder:)``'s result for `d`. O(works + records + evidence).
    func classification(of d: ImportedDataset) throws -> Classification {
        let tables: ClassificationTables
        var note: String?
        switch ClassificationTables.shared {
        case .success(let t): tables = t
        case .failure(let e):
            tables = .empty
            note = "classification tables not loaded (ISSN → ASJC and the NLM catalogue unused): \(e)"
        }
        let level = literatureLevel(d)
        var fields = [SubjectFields](repeating: SubjectFields(), count: d.works.count)
        for (f, file) in d.files.enumerated() where f < d.recordWorkIndices.count {
            for (r, record) in file.records.enumerated() where r < d.recordWorkIndices[f].count {
                let i = d.recordWorkIndices[f][r]
                if fields.indices.contains(i) { fields[i].merge(record.fields) }
            }
        }
        // Each work's evidence is made when the assigner reads it, not stored (memory: an array
        // of 1.3·10⁵ of them was held beside the works while the assignments were built).
        let evidence = WorkEvidence(works: d.works, stated: fields)
        let user = try options.venueTable.map { try VenueTable.read(path: $0, level: level, tables: tables) } ?? [:]
        let (assignments, coverage) = FieldAssigner(level: level, tables: tables, userTable: user).assign(evidence: evidence)
        return Classification(fields: assignments, level: level, coverage: coverage, subjectFields: fields, note: note)
    }
}

/// The imported works as the field assigner reads them: each work's evidence is made when
/// read, from the work and what its records state (parallel arrays); the facts the assigner
/// reads of every work are read in place (``FieldEvidenceCollection``). O(1) per element.
struct WorkEvidence: FieldEvidenceCollection {
    let works: [ImportedWork]
    let stated: [SubjectFields]
    var startIndex: Int { 0 }
    var endIndex: Int { works.count }
    subscript(i: Int) -> FieldEvidence {
        FieldEvidence(venue: works[i].work.venue, volume: works[i].work.volume, isCiting: works[i].isCiting, fields: stated[i])
    }
    func isCiting(_ i: Int) -> Bool { works[i].isCiting }
    func statesNothing(_ i: Int) -> Bool { stated[i].isEmpty }
    func venue(_ i: Int) -> String? { works[i].work.venue }
    func volume(_ i: Int) -> String? { works[i].work.volume }
}

extension Importer {
    /// Separator of multi-valued cells in `works.csv` (as in `authors`).
    static let listSeparator = "; "

    /// The field columns `works.csv` gains when the works were classified.
    static let fieldHeader = ["wos_categories", "wos_areas", "asjc_categories", "asjc_areas", "openalex_domains", "openalex_fields",
                              "openalex_subfields", "concepts", "subjects", "mesh", "issn", "categories", "category",
                              "field_source", "field_key", "field_level"]

    /// Appends the field cells of a work (``fieldHeader``'s columns; lists joined by
    /// ``listSeparator``) to `csv`: its assignment `a`, what its records state `f`, the
    /// dataset's level. Read in place and written as bytes (works.csv has a row per work).
    static func appendFieldCells(_ a: inout FieldAssignment, _ f: inout SubjectFields, level: String, to csv: inout CSVBytes) {
        // A work with no field and no stated subjects (most cited works): fifteen empty cells and the level.
        if a.categories.isEmpty, a.primary == nil, a.source == nil, a.key == nil, a.own.isEmptyForCells,
           f.openAlexConcepts.isEmpty, f.subjects.isEmpty, f.mesh.isEmpty, f.issns.isEmpty {
            csv.emptyFields(15)
            csv.field(level)
            return
        }
        func joined(_ v: [String], display: Bool = false) {
            csv.field { out in
                for n in v.indices {
                    if n > 0 { out.append(contentsOf: listSeparator.utf8) }
                    if display { out.append(contentsOf: ISSN.display(v[n]).utf8) } else { withUTF8Bytes(v[n]) { out.append(contentsOf: $0) } }
                }
            }
        }
        joined(a.own.wosCategory); joined(a.own.wosArea); joined(a.own.asjcCategory); joined(a.own.asjcArea)
        joined(a.own.openAlexDomain); joined(a.own.openAlexField); joined(a.own.openAlexSubfield)
        joined(f.openAlexConcepts); joined(f.subjects); joined(f.mesh); joined(f.issns, display: true)
        joined(a.categories)
        csv.field(a.primary)
        csv.field(a.source?.rawValue)
        csv.field(a.key)
        csv.field(level)
    }

    /// `literatures.csv`: one row per primary category (`category,literature,works,note`),
    /// most works first, then by name. `literature` starts as the category itself, or as the
    /// analyst's earlier choice when `existing` (the folder's current file) maps it.
    static func literaturesTable(_ d: ImportedDataset, existing: [String: String]) -> String? {
        var count: [String: Int] = [:]
        for a in d.fields { if let p = a.primary { count[p, default: 0] += 1 } }
        guard !count.isEmpty else { return nil }
        let level = d.literatureLevel?.rawValue ?? ""
        let rows = count.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { c, n in
            [c, existing[c] ?? c, String(n), existing[c] != nil ? "kept from the previous literatures.csv" : "\(level) category (edit 'literature' to merge categories)"]
        }
        return CSVTable.text(header: ["category", "literature", "works", "note"], rows: rows)
    }

    /// `category → literature` of an existing `literatures.csv` (empty when absent or unreadable).
    static func existingLiteratures(_ folder: URL) -> [String: String] {
        let path = folder.appendingPathComponent("literatures.csv").path
        guard FileManager.default.fileExists(atPath: path), var csv = try? CSVRecordStream(path: path),
              let c = csv.column("category"), let l = csv.column("literature") else { return [:] }
        var out: [String: String] = [:]
        while let r = try? csv.next() {
            let lit = r.value(l)
            if !lit.isEmpty { out[r.value(c)] = lit }
        }
        return out
    }

    /// The `mappings:` and `group:` lines of `dataset.yml` for a classified import.
    static let literatureManifestLines = """
        mappings:
          - file: literatures.csv
            from: category
            key: category
            value: literature
            as: literature
        group: literature

        """

    /// Coverage lines for the import log and README.
    static func coverageLines(_ c: FieldCoverage) -> [String] {
        func line(_ name: String, _ r: FieldCoverage.Role) -> String {
            let routes = FieldSource.allCases.compactMap { s in r.byRoute[s.rawValue].map { "\(s.rawValue) \($0)" } }
            let pct = r.works == 0 ? "–" : String(format: "%.1f%%", 100 * r.share)
            return "\(name): \(r.assigned) of \(r.works) (\(pct))" + (routes.isEmpty ? "" : "; " + routes.joined(separator: ", "))
        }
        return ["level: \(c.level); \(c.categories) categories in use",
                line("citing records", c.citing), line("cited works", c.cited),
                line("cited works with a journal venue (venue and volume)", c.citedWithJournalVenue),
                "venue keys refused as ambiguous (records of the dataset give them disjoint categories): \(c.ambiguousVenueKeys)"]
    }
}

extension WorkCategories {
    /// Whether the seven lists ``Importer/appendFieldCells(_:_:level:to:)`` writes are all empty.
    var isEmptyForCells: Bool {
        wosCategory.isEmpty && wosArea.isEmpty && asjcCategory.isEmpty && asjcArea.isEmpty
            && openAlexDomain.isEmpty && openAlexField.isEmpty && openAlexSubfield.isEmpty
    }
}
