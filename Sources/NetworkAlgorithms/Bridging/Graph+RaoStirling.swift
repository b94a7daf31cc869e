import NetworkCore

/// Where the distance `d_gh` between two groups comes from in
/// ``NetworkCore/Graph/raoStirlingDiversity(by:distance:missing:)``.
public enum GroupDistance: Sendable, Equatable {
    /// `d_gh = 1 − cos(row_g, row_h)`, the cosine similarity of the two groups' citation
    /// profiles: the rows of the directed mixing matrix (how many references group `g`
    /// makes to each group). This is the distance Rafols & Meyer (2010,
    /// doi:10.1007/s11192-009-0041-y) and Porter & Rafols (2009,
    /// doi:10.1007/s11192-008-2197-2) take between subject categories, here computed
    /// from the network itself. A group that cites nothing has no profile: its
    /// similarity to every other group is taken as 0 (distance 1). `d_gg = 0` always.
    case citationProfiles
    /// A user-supplied `g × g` matrix, in the partition's group order (after the
    /// missing-group policy). Entries must be finite and non-negative; it need not be
    /// symmetric (the sum runs over ordered pairs). The diagonal is never used.
    case matrix([[Double]])
}

/// Rao–Stirling diversity of every work's references.
public struct RaoStirlingDiversity: Sendable, Equatable {
    /// Group names, in the order of the rows and columns of ``distance``.
    public let groupNames: [String]
    /// The distance matrix used (`distance[g][h] = d_gh`).
    public let distance: [[Double]]
    /// `D_i` per node; `nil` for a work with no reference counted (no out-arc to a kept
    /// node) or a node left out by the missing-group policy.
    public let byNode: [Double?]
    /// The references counted in `D_i` per node: its out-arcs to nodes kept by the
    /// missing-group policy, the total the shares `p_g` are taken of (at most the node's
    /// out-degree; equal to it when nothing is left out). 0 for a node left out itself,
    /// and `byNode[i] == nil` exactly when this is 0.
    public let countedReferences: [Int]
}

extension Graph {
    /// Rao–Stirling diversity of each work's references (Rao 1982, "Diversity and
    /// dissimilarity coefficients: a unified approach", Theoretical Population Biology
    /// 21:24–43, doi:10.1016/0040-5809(82)90004-1; Stirling 2007, "A general framework for
    /// analysing diversity in science, technology and society", J. R. Soc. Interface
    /// 4:707–719, doi:10.1098/rsif.2007.0213; used for interdisciplinarity by Porter &
    /// Rafols 2009, doi:10.1007/s11192-008-2197-2).
    ///
    /// Definition: for work `i` let `p_g` be the share of its references (out-arcs) that
    /// point to works of group `g`. Then `D_i = Σ_{g≠h} p_g p_h d_gh`, summed over ordered
    /// pairs (so with `d ≡ 1` off the diagonal it is the Gini–Simpson index `1 − Σ p_g²`).
    /// `D_i = 0` when all references fall in one group; it grows with the number of
    /// groups cited (variety), the evenness of the shares (balance) and their distance
    /// (disparity).
    ///
    /// Every out-arc counts once, as in ``mixingMatrix(by:missing:)``: kept duplicate
    /// arcs weigh double and a self-loop counts as a reference to the work's own group;
    /// arc weights are ignored. Arcs to nodes left out by `missing` are not counted; how
    /// many were counted per node is ``RaoStirlingDiversity/countedReferences``.
    ///
    /// Time O(n + m + g² + Σ_i k_i²), where `k_i ≤ g` is the number of distinct groups
    /// work `i` cites (so O(m·g) in the worst case, linear for a bounded number of
    /// groups); memory O(n + g²). Deterministic (sums in group order).
    /// - Throws: ``NetworkCore/InputError`` when a supplied matrix is not `g × g` or has
    ///   a negative or non-finite entry (field `distance`).
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func raoStirlingDiversity(by partition: Partition, distance: GroupDistance = .citationProfiles,
                                     missing: MissingGroupPolicy = .include) throws(InputError) -> RaoStirlingDiversity {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        let g = groups.groupCount
        let d: [[Double]]
        switch distance {
        case .citationProfiles:
            d = Self.cosineDistances(mixingCounts(groups.groupOf, groupCount: g))
        case .matrix(let given):
            guard given.count == g, given.allSatisfy({ $0.count == g }) else {
                throw InputError(file: "(distance matrix)", field: "distance",
                                 message: "expected a \(g) × \(g) matrix (one row and column per group: \(groups.groupNames.joined(separator: ", ")))")
            }
            for (r, row) in given.enumerated() {
                for (c, x) in row.enumerated() where !(x.isFinite && x >= 0) {
                    throw InputError(file: "(distance matrix)", line: r + 1, field: "distance",
                                     message: "entry [\(r)][\(c)] = \(x): expected a finite, non-negative distance")
                }
            }
            d = given
        }
        var byNode = [Double?](repeating: nil, count: nodeCount)
        var counted = [Int](repeating: 0, count: nodeCount)
        var counts = [Int](repeating: 0, count: g)
        var touched: [Int] = []
        for u in 0..<nodeCount where groups.groupOf[u] >= 0 {
            var total = 0
            for a in outOffsets[u]..<outOffsets[u + 1] {
                let h = Int(groups.groupOf[Int(outTargets[a])])
                if h < 0 { continue }
                if counts[h] == 0 { touched.append(h) }
                counts[h] += 1
                total += 1
            }
            guard total > 0 else { continue }
            counted[u] = total
            touched.sort()
            var sum = 0.0
            let t = Double(total)
            for x in touched {
                for y in touched where y != x {
                    sum += (Double(counts[x]) / t) * (Double(counts[y]) / t) * d[x][y]
                }
            }
            byNode[u] = sum
            for x in touched { counts[x] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        return RaoStirlingDiversity(groupNames: groups.groupNames, distance: d, byNode: byNode, countedReferences: counted)
    }

    /// `1 − cos(row_g, row_h)` for every pair of rows; 0 on the diagonal, 1 when either
    /// row is all zeros. O(g³).
    static func cosineDistances(_ counts: [[Int]]) -> [[Double]] {
        let g = counts.count
        let norms = counts.map { row in row.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }
        var d = [[Double]](repeating: [Double](repeating: 0, count: g), count: g)
        for x in 0..<g {
            for y in 0..<g where y != x {
                guard norms[x] > 0, norms[y] > 0 else { d[x][y] = 1; continue }
                var dot = 0.0
                for k in 0..<g { dot += Double(counts[x][k]) * Double(counts[y][k]) }
                // Clamp: rounding can push the cosine of parallel rows just above 1.
                d[x][y] = max(0, 1 - dot / (norms[x] * norms[y]))
            }
        }
        return d
    }
}
