import Foundation
import NetworkCore

/// The traversal weight used for main path analysis.
public enum TraversalWeightKind: String, Sendable, Codable, CaseIterable {
    /// Search path count: source→sink paths through the arc.
    case spc
    /// Search path link count: paths from *any* node to a sink through the arc.
    case splc
    /// Search path node pair: paths between *any* ordered pair of nodes through the arc.
    case spnp
}

/// How exactly the path counts of a ``TraversalWeights`` were computed.
public enum CountPrecision: String, Sendable, Codable {
    /// Every count fitted in `UInt64` and is exact (``TraversalWeights/exactArcWeights``).
    case exact
    /// Some count exceeded 2⁶⁴ − 1: all counts were recomputed in binary64 (relative error
    /// about (depth + 2)·2⁻⁵³; integers above 2⁵³ are rounded).
    case double
    /// Some count exceeded the binary64 range (~1.8·10³⁰⁸): counts were recomputed as
    /// natural logarithms. Raw weights may be `+infinity`; normalised weights are exact to
    /// about |ln count|·2⁻⁵³ relative, and searches use them.
    case logScale
}

/// Traversal weights of every arc and node of a ``KnowledgeFlowDAG``.
///
/// **Definitions** (Hummon & Doreian 1989, doi:10.1016/0378-8733(89)90017-8; Batagelj 2003,
/// "Efficient algorithms for citation network analysis", arXiv:cs/0309023). All paths
/// follow the knowledge flow (cited → citing), i.e. the arcs of the DAG. With
/// `N⁻(v)` the number of paths ending at `v` and `N⁺(v)` the number starting at `v`:
/// - **SPC**: `N⁻` counts paths from sources (in-degree 0), `N⁺` paths to sinks
///   (out-degree 0); arc weight `N⁻(u)·N⁺(v)` = number of source→sink paths through `u→v`.
/// - **SPLC**: `N⁻(v) = 1 + Σ N⁻(pred)` counts paths from *any* node (the trivial one too),
///   `N⁺` as for SPC; arc weight = paths from any node to a sink through the arc.
/// - **SPNP**: both `N⁻` and `N⁺` count paths from/to any node (trivial included); arc
///   weight = number of paths (length ≥ 1) between any ordered pair through the arc.
///
/// These are the SPC weights of Batagelj's augmented networks (a new source `s` linked to
/// the sources / to every node, every sink / every node linked to a new sink `t`).
/// **Node weights** are `N⁻(v)·N⁺(v)` with the same `N⁻`, `N⁺`: the s–t paths of the
/// augmented network through `v` (for SPLC and SPNP this includes the trivial paths at `v`).
///
/// **Normalisation**: every weight is divided by the size of the path family the arc
/// weights count — SPC: number of source→sink paths of length ≥ 1; SPLC: paths of length ≥ 1
/// ending at a sink; SPNP: all paths of length ≥ 1 — so a normalised arc weight is the share
/// of those paths that use the arc (0 when the family is empty).
///
/// **Overflow**: counts are first computed exactly in `UInt64` with overflow-checked
/// arithmetic (`addingReportingOverflow`, `multipliedReportingOverflow`). On the first
/// overflow the whole computation is redone in `Double`, and if a value becomes infinite,
/// in logarithms. ``precision`` says which happened; nothing ever wraps around.
///
/// **Complexity**: O(n + m) per attempt (at most three), one pass over a topological order
/// forwards and one backwards. Deterministic.
public struct TraversalWeights: Sendable, Codable {
    /// Which weight.
    public let kind: TraversalWeightKind
    /// How exactly the counts were computed.
    public let precision: CountPrecision
    /// Raw weight of each DAG arc (a count, as `Double`; `+infinity` only in ``CountPrecision/logScale``).
    public let arcWeights: [Double]
    /// Raw weight of each DAG node.
    public let nodeWeights: [Double]
    /// ``arcWeights`` divided by ``total`` (always finite, in [0, 1]).
    public let normalizedArcWeights: [Double]
    /// ``nodeWeights`` divided by ``total``.
    public let normalizedNodeWeights: [Double]
    /// Exact arc counts when ``precision`` is ``CountPrecision/exact``.
    public let exactArcWeights: [UInt64]?
    /// Exact node counts when ``precision`` is ``CountPrecision/exact``.
    public let exactNodeWeights: [UInt64]?
    /// Size of the path family (the normaliser), as `Double` (may be `+infinity` in log scale).
    public let total: Double
    /// Exact size of the path family when ``precision`` is ``CountPrecision/exact``.
    public let exactTotal: UInt64?
    /// Natural logarithm of ``total`` (finite whenever `total > 0`).
    public let logTotal: Double

    /// Whether searches use the normalised weights: in log scale, or when sums of raw
    /// weights along a path could leave the `Double` range (total × (m + 1) not finite).
    public var searchUsesNormalizedWeights: Bool {
        precision == .logScale || !(total * Double(arcWeights.count + 1)).isFinite
    }

    /// The values main path searches compare: raw weights, or normalised weights when
    /// ``searchUsesNormalizedWeights`` (same order, and path sums stay finite).
    public var searchArcWeights: [Double] { searchUsesNormalizedWeights ? normalizedArcWeights : arcWeights }

    /// Computes the traversal weight `kind` of every arc and node of `dag`.
    /// - Complexity: O(n + m) (see the type's documentation for the overflow fallback).
    public init(_ dag: KnowledgeFlowDAG, kind: TraversalWeightKind) {
        self.kind = kind
        if let c = Self.count(ExactCounts.self, dag, kind) {
            precision = .exact
            exactArcWeights = c.arc
            exactNodeWeights = c.node
            exactTotal = c.total
            let t = Double(c.total)
            total = t
            logTotal = Foundation.log(t)
            arcWeights = c.arc.map { Double($0) }
            nodeWeights = c.node.map { Double($0) }
            normalizedArcWeights = c.arc.map { c.total == 0 ? 0 : Double($0) / t }
            normalizedNodeWeights = c.node.map { c.total == 0 ? 0 : Double($0) / t }
            return
        }
        exactArcWeights = nil
        exactNodeWeights = nil
        exactTotal = nil
        if let c = Self.count(FloatingCounts.self, dag, kind) {
            precision = .double
            arcWeights = c.arc
            nodeWeights = c.node
            total = c.total
            logTotal = Foundation.log(c.total)
            normalizedArcWeights = c.arc.map { $0 / c.total }
            normalizedNodeWeights = c.node.map { $0 / c.total }
            return
        }
        // LogCounts never fails.
        let c = Self.count(LogCounts.self, dag, kind) ?? ([], [], -Double.infinity)
        precision = .logScale
        logTotal = c.total
        total = Foundation.exp(c.total)
        arcWeights = c.arc.map { Foundation.exp($0) }
        nodeWeights = c.node.map { Foundation.exp($0) }
        normalizedArcWeights = c.arc.map { Foundation.exp($0 - c.total) }
        normalizedNodeWeights = c.node.map { Foundation.exp($0 - c.total) }
    }

    /// The forward/backward path counts and products, or `nil` on overflow.
    static func count<A: PathCountArithmetic>(
        _: A.Type, _ dag: KnowledgeFlowDAG, _ kind: TraversalWeightKind
    ) -> (arc: [A.Value], node: [A.Value], total: A.Value)? {
        let n = dag.nodeCount, m = dag.arcCount
        let order = dag.topologicalOrder
        let fromAny = kind != .spc        // N⁻ counts paths from any node
        let toAny = kind == .spnp         // N⁺ counts paths to any node
        var fwd = [A.Value](repeating: A.zero, count: n)
        for v32 in order {
            let v = Int(v32)
            let range = dag.inArcRange(v32)
            var s: A.Value = (fromAny || range.isEmpty) ? A.one : A.zero
            for p in range {
                guard let r = A.add(s, fwd[Int(dag.arcTail[Int(dag.inArcs[p])])]) else { return nil }
                s = r
            }
            fwd[v] = s
        }
        var bwd = [A.Value](repeating: A.zero, count: n)
        for v32 in order.reversed() {
            let v = Int(v32)
            let range = dag.outArcRange(v32)
            var s: A.Value = (toAny || range.isEmpty) ? A.one : A.zero
            for a in range {
                guard let r = A.add(s, bwd[Int(dag.arcHead[a])]) else { return nil }
                s = r
            }
            bwd[v] = s
        }
        var arc = [A.Value](repeating: A.zero, count: m)
        var total: A.Value = A.zero
        for a in 0..<m {
            let t = Int(dag.arcTail[a]), h = Int(dag.arcHead[a])
            guard let w = A.multiply(fwd[t], bwd[h]) else { return nil }
            arc[a] = w
            // Family size: SPC counts paths whose first arc leaves a source; SPLC/SPNP all.
            if kind != .spc || dag.inDegree(Int32(t)) == 0 {
                guard let r = A.add(total, bwd[h]) else { return nil }
                total = r
            }
        }
        var node = [A.Value](repeating: A.zero, count: n)
        for v in 0..<n {
            guard let w = A.multiply(fwd[v], bwd[v]) else { return nil }
            node[v] = w
        }
        return (arc, node, total)
    }
}

/// One row of the per-arc weights table used by reports: all three weights of a DAG arc.
public struct ArcWeightRow: Sendable, Codable, Equatable {
    /// Cited (earlier) work: the tail along the knowledge flow.
    public let from: String
    /// Citing (later) work: the head along the knowledge flow.
    public let to: String
    public let spc: Double
    public let splc: Double
    public let spnp: Double
    public let spcNormalized: Double
    public let splcNormalized: Double
    public let spnpNormalized: Double
}

extension KnowledgeFlowDAG {
    /// SPC, SPLC and SPNP of every arc, in DAG arc order (`from` = cited, `to` = citing).
    /// O(n + m) per weight.
    public func arcWeightsTable() -> [ArcWeightRow] {
        let spc = TraversalWeights(self, kind: .spc)
        let splc = TraversalWeights(self, kind: .splc)
        let spnp = TraversalWeights(self, kind: .spnp)
        return (0..<arcCount).map { a in
            ArcWeightRow(
                from: ids[Int(arcTail[a])], to: ids[Int(arcHead[a])],
                spc: spc.arcWeights[a], splc: splc.arcWeights[a], spnp: spnp.arcWeights[a],
                spcNormalized: spc.normalizedArcWeights[a], splcNormalized: splc.normalizedArcWeights[a],
                spnpNormalized: spnp.normalizedArcWeights[a])
        }
    }
}
