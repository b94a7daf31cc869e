import Bibliometrics
import NetworkCore

extension DatasetReportContext {
    /// Routes of `field_source`, in the order the importer tries them, with the record route
    /// split by key: `issn:…` (the journal's ISSN looked up in the Scopus table) or the
    /// record's own categories (`WC`, `SC`, `topics`, `concepts`).
    static let fieldRouteNames = ["record: own categories", "record: ISSN", "openalex", "user-table", "dataset-venue", "catalogue"]

    /// Index in ``fieldRouteNames`` of a work's `field_source` and `field_key`; nil for an unknown source.
    static func fieldRoute(source: String, key: String?) -> Int? {
        switch FieldSource(rawValue: source) {
        case .record: return (key ?? "").hasPrefix("issn:") ? 1 : 0
        case .openalex: return 2
        case .userTable: return 3
        case .datasetVenue: return 4
        case .catalogue: return 5
        case nil: return nil
        }
    }

    /// "How the works were placed in literatures": for an import classified by
    /// `siloscope import` (works.csv has `field_source` and `role`), the works of each role
    /// (citing records, cited works) with a field, by route, and without one (the explicit
    /// missing group). nil for other datasets. O(n).
    func fieldCoverageSection() -> ReportSection? {
        guard let sources = dataset.workAttributes["field_source"], let roles = dataset.workAttributes["role"] else { return nil }
        let keys = dataset.workAttributes["field_key"] ?? [String?](repeating: nil, count: workCount)
        let level = dataset.workAttributes["field_level"]?.lazy.compactMap { $0 }.first { !$0.isEmpty }
        let placedInGroup = (0..<workCount).map { groupAttribute != nil && groupName($0) != Partition.missingLabel }
        struct Row { var works = 0, placed = 0, grouped = 0; var byRoute = [Int](repeating: 0, count: DatasetReportContext.fieldRouteNames.count) }
        var rows = [Row(), Row()]  // citing records, cited works
        for w in 0..<workCount {
            let role = roles[w] ?? ""
            let r = role == "citing" || role == "citing+cited" ? 0 : 1
            rows[r].works += 1
            if placedInGroup[w] { rows[r].grouped += 1 }
            guard let s = sources[w], !s.isEmpty else { continue }
            rows[r].placed += 1
            if let route = Self.fieldRoute(source: s, key: keys[w]) { rows[r].byRoute[route] += 1 }
        }
        guard rows[0].works + rows[1].works > 0 else { return nil }
        let names = ["citing records", "cited works"]
        func share(_ a: Int, _ b: Int) -> String { b == 0 ? "–" : "\(ReportCell.number(100 * Double(a) / Double(b), digits: 1).display)%" }
        let used = Self.fieldRouteNames.indices.filter { i in rows.contains { $0.byRoute[i] > 0 } }
        var text = "Each work's field was found by `siloscope import`"
            + (level.map { " at level \($0)" } ?? "")
            + ", from evidence only (its own record, the venues of this dataset's own citing records, the NLM catalogue, an analyst's venue table or OpenAlex; exact venue keys, never a guess). "
        text += (0..<2).map { r in
            "\(rows[r].placed) of \(rows[r].works) \(names[r]) (\(share(rows[r].placed, rows[r].works))) have one"
        }.joined(separator: "; ") + ". "
        if let g = groupAttribute {
            let missing = rows.reduce(0) { $0 + $1.works - $1.grouped }
            text += "Works without one form the explicit group \(Partition.missingLabel) of '\(g)' (\(missing) works); the silo statistics are also given without them."
        }
        return ReportSection(title: "How the works were placed in literatures", blocks: [
            .paragraph(text),
            .table(ReportTable(
                name: "field-coverage", title: "Works with a field, by role and route",
                caption: "Citing records are the records of the export (role citing or citing+cited); cited works are the references only. "
                    + "Routes: record (the record's own categories, or its journal's ISSN in the bundled 2017 Scopus table), openalex (siloscope fetch --openalex), "
                    + "user-table (import --venues), dataset-venue (the venue or ISSN of one of the dataset's citing records), catalogue (NLM title or abbreviation → ASJC).",
                columns: ["role", "works", "with a field", "share"] + used.map { Self.fieldRouteNames[$0] } + ["without a field"],
                rows: (0..<2).map { r in
                    [.text(names[r]), .integer(rows[r].works), .integer(rows[r].placed), .text(share(rows[r].placed, rows[r].works))]
                        + used.map { .integer(rows[r].byRoute[$0]) } + [.integer(rows[r].works - rows[r].placed)]
                })),
        ])
    }
}

extension DatasetSection {
    static let fieldCoverage = DatasetSection("field coverage") { context, _ in
        context.fieldCoverageSection().map { ReportPart([$0]) }
    }
}
