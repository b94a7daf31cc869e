import NetworkCore

/// The condensation of a graph: its strong components as nodes.
public struct Condensation: Sendable {
    /// The strong components of the original graph (ids by smallest member).
    public let components: Components
    /// One node per strong component (node `c` has external id `"c"`); an arc `c → d`
    /// with weight = the number of original arcs from component `c` to component `d ≠ c`.
    /// Acyclic by construction.
    public let graph: Graph
}

extension Graph {
    /// The condensation (component graph) of the strong components (see
    /// ``strongComponents()``, Tarjan 1972, doi:10.1137/0201010): arcs inside a
    /// component, self-loops included, disappear; parallel arcs between two components
    /// merge into one weighted by their count. The result is a DAG, which lineage and
    /// topological analyses of cyclic citation data work on.
    ///
    /// Iterative; O(n + m log d) time. Deterministic.
    public func condensation() -> Condensation {
        let components = strongComponents()
        var builder = GraphBuilder(duplicates: .sum, selfLoops: .drop)
        for c in 0..<components.count { builder.addNode(String(c)) }
        builder.reserveArcs(arcCount)
        for u in 0..<nodeCount {
            let cu = components.componentOf[u]
            for a in outOffsets[u]..<outOffsets[u + 1] {
                let cv = components.componentOf[Int(outTargets[a])]
                if cu != cv { builder.addArc(from: cu, to: cv, weight: 1) }
            }
        }
        return Condensation(components: components, graph: builder.build().graph)
    }
}
