import NetworkCore

/// A work selected for a historiograph, with HistCite's scores.
public struct HistoriographNode: Sendable, Codable, Equatable {
    /// External id of the work.
    public let id: String
    /// Publication year, if known.
    public let year: Int?
    /// Local citation score: how many other works *in the network* cite it.
    public let lcs: Int
    /// Local cited references: how many works in the network it cites.
    public let lcr: Int
    /// Global citation score as supplied (e.g. times cited in the whole database), if any.
    public let gcs: Double?
}

/// A citation between two selected works (project convention: `citing` cites `cited`).
public struct HistoriographArc: Sendable, Codable, Equatable, Hashable {
    public let citing: String
    public let cited: String

    public init(citing: String, cited: String) {
        self.citing = citing
        self.cited = cited
    }
}

/// A historiograph (Garfield, Pudovkin & Istomin 2003, "Why do we need algorithmic
/// historiography?", JASIST 54(5):400–412, doi:10.1002/asi.10226; HistCite):
/// the most locally cited works of a network, arranged by year, with the citations among
/// them.
///
/// **Scores.** LCS (local citation score) = number of distinct other works in the network
/// citing the work (self-citations of a work by itself and duplicate arcs not counted);
/// LCR (local cited references) = number of distinct other works it cites; GCS = a supplied
/// column (times cited in the source database).
///
/// **Selection.** The `top` works by LCS, larger first; equal LCS by larger GCS (missing
/// GCS last), then by smaller node index. Works left out although tied with the last one
/// selected on LCS are listed in ``cutoffTies``.
///
/// **Layout data.** ``nodes`` are sorted by year (unknown years last), then node index;
/// ``years`` lists the distinct known years, one rank each for `dot`. ``arcs`` are the
/// citations among selected works, sorted by citing then cited node index.
///
/// O(n + m + n log n). Deterministic.
public struct Historiograph: Sendable, Codable {
    public let nodes: [HistoriographNode]
    public let arcs: [HistoriographArc]
    /// Distinct known years of the selected works, ascending.
    public let years: [Int]
    /// Ids tied on LCS with the last selected work but not selected.
    public let cutoffTies: [String]
    /// The requested number of works.
    public let top: Int

    /// Selects the historiograph of `graph`.
    /// - Parameters:
    ///   - graph: the citation network.
    ///   - direction: meaning of its arcs (default `A → B` = A cites B).
    ///   - years: publication year of each node (same length as the graph's nodes).
    ///   - globalCitationScores: optional GCS of each node.
    ///   - top: how many works to keep.
    /// - Throws: ``InputError`` when a column has the wrong length.
    public init(
        graph: Graph, direction: CitationArcDirection = .citingToCited, years: [Int?],
        globalCitationScores: [Double?]? = nil, top: Int
    ) throws(InputError) {
        let n = graph.nodeCount
        guard years.count == n else {
            throw InputError(file: "<years>", field: "year", message: "expected one year per node (\(n)), got \(years.count)")
        }
        if let g = globalCitationScores, g.count != n {
            throw InputError(file: "<gcs>", field: "gcs", message: "expected one global citation score per node (\(n)), got \(g.count)")
        }
        // Distinct (citing, cited) pairs without self-citations.
        let tails = graph.arcTails()
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(graph.arcCount)
        for a in 0..<graph.arcCount {
            let u = tails[a], v = graph.outTargets[a]
            if u == v { continue }
            pairs.append(direction == .citingToCited ? (u, v) : (v, u))
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var unique: [(Int32, Int32)] = []
        unique.reserveCapacity(pairs.count)
        for p in pairs where unique.last.map({ $0 != p }) ?? true { unique.append(p) }
        var lcs = [Int](repeating: 0, count: n), lcr = [Int](repeating: 0, count: n)
        for (citing, cited) in unique { lcs[Int(cited)] += 1; lcr[Int(citing)] += 1 }
        let gcs = globalCitationScores ?? [Double?](repeating: nil, count: n)
        func key(_ v: Int) -> Double { gcs[v] ?? -Double.infinity }
        let ranked = (0..<n).sorted {
            if lcs[$0] != lcs[$1] { return lcs[$0] > lcs[$1] }
            if key($0) != key($1) { return key($0) > key($1) }
            return $0 < $1
        }
        let k = min(max(top, 0), n)
        let chosen = Array(ranked.prefix(k))
        var ties: [String] = []
        if let last = chosen.last {
            ties = ranked.dropFirst(k).filter { lcs[$0] == lcs[last] }.map { graph.ids[$0] }
        }
        var selected = [Bool](repeating: false, count: n)
        for v in chosen { selected[v] = true }
        let ordered = chosen.sorted {
            switch (years[$0], years[$1]) {
            case let (a?, b?) where a != b: return a < b
            case (nil, _?): return false
            case (_?, nil): return true
            default: return $0 < $1
            }
        }
        self.nodes = ordered.map {
            HistoriographNode(id: graph.ids[$0], year: years[$0], lcs: lcs[$0], lcr: lcr[$0], gcs: gcs[$0])
        }
        self.arcs = unique.filter { selected[Int($0.0)] && selected[Int($0.1)] }
            .map { HistoriographArc(citing: graph.ids[Int($0.0)], cited: graph.ids[Int($0.1)]) }
        self.years = Array(Set(chosen.compactMap { years[$0] })).sorted()
        self.cutoffTies = ties
        self.top = top
    }
}
