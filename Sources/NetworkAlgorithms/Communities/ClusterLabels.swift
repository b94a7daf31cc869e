import Foundation

/// A term chosen to name a cluster, with its log-likelihood ratio.
public struct ClusterTerm: Sendable, Equatable, Codable {
    public let term: String
    /// Documents of the cluster holding the term.
    public let inCluster: Int
    /// Documents outside the cluster holding the term.
    public let outside: Int
    /// Dunning's G² (log-likelihood ratio) of the term's 2×2 table.
    public let llr: Double
}

/// Automatic cluster labels: each cluster is named by the terms most over-represented in
/// its documents against all the other documents, ranked by the log-likelihood ratio G²
/// (Dunning 1993, "Accurate methods for the statistics of surprise and coincidence",
/// Computational Linguistics 19(1):61–74), as CiteSpace labels co-citation clusters
/// (Chen, Ibekwe-SanJuan & Hou 2010, "The structure and dynamics of cocitation clusters:
/// a multiple-perspective cocitation analysis", JASIST 61(7):1386–1409,
/// doi:10.1002/asi.21309).
///
/// For a term `t` and cluster `C`: `a` documents of `C` hold `t`, `b` documents outside
/// `C` hold it, `c = |C| − a`, `d = N − |C| − b`; `G² = 2 Σ O ln(O/E)` over the four cells
/// with `E` from the margins (cells with `O = 0` add 0). Only terms *over*-represented
/// (`a/|C| > b/(N − |C|)`) held by at least `minDocuments` documents of `C` qualify.
/// A document may belong to several clusters (CiteSpace's citers of a co-citation cluster).
///
/// Ranking: G² descending, values equal to 1e-9 relative counting as tied, ties by term
/// ascending (Swift `String` order): deterministic. Time O(Σ |features| + T log T) per
/// cluster, T the distinct terms of the cluster.
public enum ClusterLabels {
    /// The `limit` best terms of each cluster.
    /// - Parameters:
    ///   - features: distinct terms of each document.
    ///   - members: for each cluster, the indices of its documents (distinct, in range).
    ///   - limit: terms kept per cluster.
    ///   - minDocuments: fewest documents of the cluster that must hold a term (≥ 1).
    public static func label(features: [[String]], members: [[Int]], limit: Int = 3, minDocuments: Int = 2) -> [[ClusterTerm]] {
        let n = features.count
        var documentFrequency: [String: Int] = [:]
        for doc in features { for t in Set(doc) { documentFrequency[t, default: 0] += 1 } }
        return members.map { cluster in
            let size = cluster.count
            guard size > 0, size < n else { return [] }
            var inside: [String: Int] = [:]
            for d in cluster { for t in Set(features[d]) { inside[t, default: 0] += 1 } }
            var scored: [ClusterTerm] = []
            for (t, a) in inside where a >= max(1, minDocuments) {
                let total = documentFrequency[t] ?? a
                let b = total - a
                guard Double(a) / Double(size) > Double(b) / Double(n - size) else { continue }
                scored.append(ClusterTerm(term: t, inCluster: a, outside: b,
                                          llr: g2(a: a, b: b, c: size - a, d: n - size - b)))
            }
            scored.sort { x, y in
                let scale = max(abs(x.llr), abs(y.llr), 1e-300)
                if abs(x.llr - y.llr) > 1e-9 * scale { return x.llr > y.llr }
                return x.term < y.term
            }
            return Array(scored.prefix(max(0, limit)))
        }
    }

    /// Dunning's G² of the 2×2 table `[[a, b], [c, d]]`. 0 for an empty table. O(1).
    public static func g2(a: Int, b: Int, c: Int, d: Int) -> Double {
        let total = Double(a + b + c + d)
        guard total > 0 else { return 0 }
        let rows = [Double(a + b), Double(c + d)], columns = [Double(a + c), Double(b + d)]
        let observed = [[Double(a), Double(b)], [Double(c), Double(d)]]
        var sum = 0.0
        for i in 0..<2 {
            for j in 0..<2 where observed[i][j] > 0 {
                let expected = rows[i] * columns[j] / total
                sum += observed[i][j] * log(observed[i][j] / expected)
            }
        }
        return 2 * sum
    }

    /// Lower-case title words of at least three letters, without common English function
    /// words, in order of first appearance, each once. Letters and digits only (anything
    /// else separates words). Pure.
    public static func titleTerms(_ title: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        var word = ""
        func flush() {
            if word.count >= 3, !stopWords.contains(word), !word.allSatisfy(\.isNumber), seen.insert(word).inserted { out.append(word) }
            word = ""
        }
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber { word.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    /// English function words and the commonest words of scientific titles that name no topic.
    static let stopWords: Set<String> = [
        "the", "and", "for", "with", "from", "into", "onto", "upon", "over", "under", "between", "among", "about",
        "its", "their", "this", "that", "these", "those", "are", "was", "were", "been", "being", "has", "have", "had",
        "not", "but", "via", "using", "use", "used", "based", "new", "two", "three", "one", "how", "what", "why",
        "when", "where", "which", "who", "can", "does", "our", "than", "all", "some", "more", "most", "other", "also",
        "study", "studies", "analysis", "approach", "method", "methods", "case", "effect", "effects", "toward", "towards",
        "within", "without", "during", "after", "before", "through", "per", "non", "les", "des", "der", "und", "die",
    ]
}
