import Foundation
import NetworkAlgorithms
import NetworkCore

/// One centrality measure of a citation network, with its score for every work.
struct CentralityMeasure: Sendable {
    /// Stable key (`metrics.json`, table file names): `in-degree`, `pagerank`, …
    let key: String
    /// Name shown to readers.
    let name: String
    /// What a high value means, in plain words (for the table caption).
    let meaning: String
    /// Decimals shown (0: shown as an integer).
    let digits: Int
    let scores: [Double]

    /// The name with a capital first letter, to open a sentence.
    var title: String { name.prefix(1).uppercased() + name.dropFirst() }
}

/// A work in a top list.
struct RankedWork: Encodable, Sendable, Equatable {
    var rank: Int
    var id: String
    var label: String
    var year: String?
    var group: String?
    var value: Double
}

/// The top works of one measure.
struct CentralityTopList: Encodable, Sendable {
    var measure: String
    /// Works with a non-zero value (the list holds at most `limit` of them).
    var nonZero: Int
    /// Works left out of the list although their value equals that of the last one listed.
    var tiedBeyondList: Int
    var top: [RankedWork]
}

/// The centrality part of a report: which works are most central in a citation network
/// by each of several measures, as top lists with label, year and group.
///
/// Measures (all on the citation arcs, an arc pointing from citing to cited work):
/// in-degree (times cited within the network), PageRank (damping 0.85), HITS authority,
/// exact directed betweenness (Brandes; left out above an arc limit) and the core number
/// of the undirected simple view.
///
/// Ranking (``topIndices(_:labels:ids:limit:)``): value descending, values equal to 10
/// significant digits counting as tied (so that iterative scores differing only in the
/// last bits of a double do not order works by rounding noise); ties by label ignoring
/// case, then label, then id, ascending (Swift's `String` comparison, Unicode canonical
/// order, independent of the locale; `lowercased()` is Unicode's default mapping). Works
/// with value zero (or below 10⁻⁹ of the largest, the floor of the iterative solvers)
/// are never listed. Deterministic: the measures are, and so is the order.
struct CentralityTopLists: Sendable {
    let measures: [CentralityMeasure]
    let lists: [CentralityTopList]
    let ids: [String]
    let labels: [String]
    let years: [String?]
    let groups: [String]?
    /// Whether HITS converged (it is reported when it did not).
    let hitsConverged: Bool
    /// Why betweenness was left out, when it was.
    let betweennessSkipped: String?
    let limit: Int

    /// Computes every measure on `graph` and ranks the works. `groups[w]` is the group
    /// name of work `w`, or nil without a grouping. Exact betweenness is computed only up
    /// to `betweennessArcLimit` arcs (O(n·m)).
    init(graph: Graph, ids: [String], labels: [String], years: [String?], groups: [String]?,
         limit: Int = 10, betweennessArcLimit: Int = 200_000, parameters: AnalysisParameters = AnalysisParameters()) {
        self.ids = ids
        self.labels = labels
        self.years = years
        self.groups = groups
        self.limit = limit
        // Shares (PageRank, HITS) are about 1/n each: show three significant digits at that scale.
        let shareDigits = max(4, Int((log10(Double(max(ids.count, 1)))).rounded(.up)) + 2)
        // The measures, names and meanings come from the analysis catalogue; HITS is run
        // here so that its convergence can be reported.
        var measures: [CentralityMeasure] = []
        var hitsConverged = true
        var betweennessSkipped: String?
        for key in AnalysisCatalogue.topListKeys {
            guard let entry = AnalysisCatalogue.measure(key), let reportKey = entry.reportKey else { continue }
            let scores: [Double]
            switch key {
            case "authority":
                let hits = graph.hits()
                hitsConverged = hits.converged
                scores = hits.authorities
            case "betweenness" where graph.arcCount > betweennessArcLimit:
                betweennessSkipped = "exact betweenness is left out above \(betweennessArcLimit) arcs (this network has \(graph.arcCount))"
                continue
            default:
                scores = entry.compute(graph, parameters, .silent)
            }
            let digits = entry.isCount ? 0 : (key == "betweenness" ? 1 : shareDigits)
            measures.append(CentralityMeasure(key: reportKey, name: entry.name, meaning: entry.meaning, digits: digits, scores: scores))
        }
        self.hitsConverged = hitsConverged
        self.betweennessSkipped = betweennessSkipped
        self.measures = measures
        lists = measures.map { m in
            let (top, nonZero, tied) = Self.topIndices(m.scores, labels: labels, ids: ids, limit: limit)
            return CentralityTopList(
                measure: m.key, nonZero: nonZero, tiedBeyondList: tied,
                top: top.enumerated().map { rank, w in
                    RankedWork(rank: rank + 1, id: ids[w], label: labels[w], year: years[w], group: groups?[w], value: m.scores[w])
                })
        }
    }

    /// The value used to compare scores: `x` rounded to 10 significant digits.
    static func tieKey(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(String(format: "%.9e", x)) ?? x
    }

    /// The works of largest `values`, at most `limit`, ordered by value descending
    /// (``tieKey(_:)``), then label ignoring case, label, and id ascending; only works whose value is
    /// positive and at least 10⁻⁹ of the largest. Also returns how many works qualify
    /// and how many that qualify are left out although tied with the last one listed.
    /// O(n log n).
    static func topIndices(_ values: [Double], labels: [String], ids: [String], limit: Int) -> (top: [Int], nonZero: Int, tiedBeyond: Int) {
        let largest = values.filter(\.isFinite).max() ?? 0
        guard largest > 0, limit > 0 else { return ([], 0, 0) }
        let floor = largest * 1e-9
        let keys = values.map(tieKey)
        let folded = labels.map { $0.lowercased() }
        let qualifying = values.indices.filter { values[$0].isFinite && values[$0] > 0 && values[$0] >= floor }
        let ordered = qualifying.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] > keys[b] }
            if folded[a] != folded[b] { return folded[a] < folded[b] }
            if labels[a] != labels[b] { return labels[a] < labels[b] }
            if ids[a] != ids[b] { return ids[a] < ids[b] }
            return a < b
        }
        let top = Array(ordered.prefix(limit))
        guard let last = top.last, ordered.count > top.count else { return (top, ordered.count, 0) }
        let tied = ordered.dropFirst(top.count).filter { keys[$0] == keys[last] }.count
        return (top, ordered.count, tied)
    }

    /// The report blocks: an opening paragraph, one table per measure (or a sentence when
    /// no work has a non-zero value), and a CSV-only table of every work with every
    /// measure. Table names start with `prefix`.
    func blocks(prefix: String, groupTitle: String?) -> [ReportBlock] {
        let n = ids.count
        var blocks: [ReportBlock] = []
        var opening = "The most central works of the citation network by \(measures.count) measures: "
            + measures.map(\.name).joined(separator: ", ") + ". "
            + "Each list shows at most \(limit) works, ranked by value (largest first); works with equal values "
            + "(to 10 significant digits) are listed alphabetically by label (ignoring case), then by id, and works with value zero are not listed."
        if let betweennessSkipped { opening += " Note: \(betweennessSkipped)." }
        if !hitsConverged { opening += " Note: HITS did not converge to its tolerance; its scores are the last iterate." }
        blocks.append(.paragraph(opening))

        let hasYears = years.contains { $0 != nil }
        var empty: [String] = []
        for (m, list) in zip(measures, lists) {
            guard !list.top.isEmpty else { empty.append(m.name); continue }
            var caption = "\(m.title): \(m.meaning). "
            if list.nonZero == 1 {
                caption += "Only one of the \(n) works has a non-zero value."
            } else if list.nonZero == n {
                caption += "All \(n) works have a non-zero value."
            } else {
                caption += "\(list.nonZero) of the \(n) works have a non-zero value."
            }
            if list.tiedBeyondList > 0 {
                caption += " \(list.tiedBeyondList) more work\(list.tiedBeyondList == 1 ? " shares" : "s share") the value of the last one listed (all in the CSV of every work)."
            }
            var columns = ["rank", "work"]
            if hasYears { columns.append("year") }
            if let groupTitle { columns.append(groupTitle) }
            columns.append(m.name)
            blocks.append(.table(ReportTable(
                name: "\(prefix)-top-\(m.key)", title: "Top works by \(m.name)",
                caption: caption, columns: columns,
                rows: list.top.map { r in
                    var row: [ReportCell] = [.integer(r.rank), .text(r.label)]
                    if hasYears { row.append(r.year.map { .text($0) } ?? .missing) }
                    if groupTitle != nil { row.append(.text(r.group ?? "")) }
                    row.append(valueCell(r.value, digits: m.digits))
                    return row
                })))
        }
        if !empty.isEmpty {
            blocks.append(.paragraph("No work has a non-zero \(empty.joined(separator: ", ")), so \(empty.count == 1 ? "that list is" : "those lists are") left out."))
        }

        var columns = ["id", "work", "year"]
        if let groupTitle { columns.append(groupTitle) }
        columns += measures.map(\.name)
        let folded = labels.map { $0.lowercased() }
        let byLabel = (0..<n).sorted { (a: Int, b: Int) -> Bool in
            if folded[a] != folded[b] { return folded[a] < folded[b] }
            if labels[a] != labels[b] { return labels[a] < labels[b] }
            if ids[a] != ids[b] { return ids[a] < ids[b] }
            return a < b
        }
        blocks.append(.table(ReportTable(
            name: "\(prefix)-all-works", title: "Every work with every measure",
            caption: "All \(n) works with the \(measures.count) measures above, sorted by label (CSV only).",
            columns: columns,
            rows: byLabel.map { w in
                var row: [ReportCell] = [.text(ids[w]), .text(labels[w]), years[w].map { .text($0) } ?? .missing]
                if let groups { row.append(.text(groups[w])) }
                row += measures.map { valueCell($0.scores[w], digits: $0.digits) }
                return row
            },
            displayLimit: 0)))
        return blocks
    }

    func valueCell(_ x: Double, digits: Int) -> ReportCell {
        let whole: Bool = x.isFinite && x == x.rounded() && abs(x) < 1e15
        if digits == 0 && whole { return .integer(Int(x)) }
        return .number(x, digits: digits)
    }
}
