import Foundation
import NetworkCore

/// Storing the OpenAlex topics of every work a fetch resolved or added (issue 12).
///
/// Columns `openalex_domains`, `openalex_fields`, `openalex_subfields` (the primary topic's
/// first, separated by `; `) and `concepts` (level-0 concepts, 2022 schema, by score) are added to the works file when missing and filled for each
/// row whose OpenAlex record was downloaded and whose cells are empty. When the dataset was
/// classified by `siloscope import` at an OpenAlex level (column `field_level` =
/// `openalex-domain|field|subfield|concept`), a row with no `category` yet also gets `categories`,
/// `category` (the primary topic's), `field_source` = `openalex` and `field_key` = `topics`,
/// and `literatures.csv` gains a row for each new category (literature = the category).
/// Other levels (WoS, ASJC) are not filled from topics: OpenAlex subfields are not WoS
/// categories, and converting one into the other would be a guess.
extension FetchWriter {
    static let topicColumns = ["openalex_domains", "openalex_fields", "openalex_subfields", "concepts"]

    /// Fills the topic columns of `rows`; returns the categories newly used as `category`, in order of first use.
    func fillTopics(header: inout [String], rows: inout [[String]], idColumn: String) -> [String] {
        for column in Self.topicColumns where !header.contains(column) {
            header.append(column)
            for k in rows.indices { rows[k].append("") }
        }
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let idc = col(idColumn), let dc = col("openalex_domains"), let fc = col("openalex_fields"), let sc = col("openalex_subfields"),
              let cc = col("concepts") else { return [] }
        var openAlexOf: [String: String] = [:]
        for (i, r) in resolution { if i < dataset.workIDs.count { openAlexOf[dataset.workIDs[i]] = r.id } }
        let oaColumn = col("openalex")
        let levelColumn = col("field_level")
        // The import's level: every classified row states it (rows the fetch adds have none yet).
        let datasetLevel = levelColumn.flatMap { lc in rows.lazy.compactMap { LiteratureLevel(rawValue: $0[lc]) }.first }
        let targets = (col("categories"), col("category"), col("field_source"), col("field_key"))
        var added: [String] = []
        for k in rows.indices {
            let id = rows[k][idc]
            guard let oa = openAlexOf[id] ?? oaColumn.flatMap({ rows[k][$0].isEmpty ? nil : rows[k][$0] }),
                  let record = state.records[oa] else { continue }
            let fields = SubjectFields.openAlex(record)
            let topics = fields.openAlexTopics
            guard !topics.isEmpty || !fields.openAlexConcepts.isEmpty else { continue }
            var byLevel: [LiteratureLevel: [String]] = [:]
            func list(_ v: [String?]) -> [String] { var o: [String] = []; for x in v.compactMap({ $0 }) where !o.contains(x) { o.append(x) }; return o }
            byLevel[.openAlexDomain] = list(topics.map(\.domain))
            byLevel[.openAlexField] = list(topics.map(\.field))
            byLevel[.openAlexSubfield] = list(topics.map(\.subfield))
            byLevel[.openAlexConcept] = fields.openAlexConcepts
            for (c, l) in [(dc, LiteratureLevel.openAlexDomain), (fc, .openAlexField), (sc, .openAlexSubfield), (cc, .openAlexConcept)] where rows[k][c].isEmpty {
                rows[k][c] = (byLevel[l] ?? []).joined(separator: "; ")
            }
            if let lc = levelColumn, let l = datasetLevel, l.isOpenAlex,
               let cats = targets.0, let cat = targets.1, let src = targets.2, let key = targets.3, rows[k][cat].isEmpty,
               let values = byLevel[l], let primary = values.first {
                rows[k][cats] = values.joined(separator: "; ")
                rows[k][cat] = primary
                rows[k][src] = FieldSource.openalex.rawValue
                rows[k][key] = l == .openAlexConcept ? "concepts" : "topics"
                rows[k][lc] = l.rawValue
                if !added.contains(primary) { added.append(primary) }
            }
        }
        return added
    }

    /// `literatures.csv` with a row appended for each category of `added` it lacks; `nil` when nothing changes.
    func literaturesWith(_ added: [String]) throws -> String? {
        guard !added.isEmpty else { return nil }
        let path = (folder as NSString).appendingPathComponent("literatures.csv")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let rows = try CSVRows(path: path, hasHeader: true, comments: false)
        let header = rows.header ?? []
        guard let c = header.firstIndex(of: "category"), let l = header.firstIndex(of: "literature") else { return nil }
        var cells = rows.rows.map { r in (0..<max(header.count, r.cells.count)).map { r[$0] } }
        let known = Set(cells.map { $0[c] })
        let new = added.filter { !known.contains($0) }
        guard !new.isEmpty else { return nil }
        for category in new {
            var row = [String](repeating: "", count: header.count)
            row[c] = category
            row[l] = category
            if let n = header.firstIndex(of: "note") { row[n] = "added by siloscope fetch --openalex" }
            cells.append(row)
        }
        return CSVTable.text(header: header, rows: cells)
    }
}
