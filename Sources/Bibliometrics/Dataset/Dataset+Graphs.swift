import NetworkCore

/// A graph built from dataset layers, with node attributes and the provenance of every arc.
public struct DatasetGraph: Sendable {
    /// The graph. Node ids are work ids (and concept ids where concepts are nodes).
    public let graph: Graph
    /// Node attributes aligned with the graph: for graphs over works and concepts a
    /// `kind` column (`work` / `concept`) and `label`, then every work and concept column
    /// (a node has values only for its own table's columns).
    public let attributes: NodeAttributes
    /// For each graph arc (arc order), the layer row it came from (for summed duplicates,
    /// the first copy).
    public let arcs: [DatasetArc]
    /// Self-loops and duplicate arcs seen (kept or not, by policy).
    public let selfLoops: Int
    public let duplicateArcs: Int
}

extension Dataset {
    /// The citation graph over the works: every work a node (works.csv order, so works
    /// without citations are isolated nodes), arcs *citing → cited* from every `citation`
    /// layer. It may have zero arcs. O(n + m log d).
    public func citationGraph(duplicates: GraphBuilder.DuplicatePolicy = .keep,
                              selfLoops: GraphBuilder.SelfLoopPolicy = .keep) -> DatasetGraph {
        build(kinds: [.citation], includeConcepts: false, duplicates: duplicates, selfLoops: selfLoops)
    }

    /// The bipartite work → concept layer: nodes are the works then the concepts; arcs
    /// from every `concept` layer (*work uses concept*). O(n + m log d).
    public func conceptGraph(duplicates: GraphBuilder.DuplicatePolicy = .drop) -> DatasetGraph {
        build(kinds: [.concept], includeConcepts: true, duplicates: duplicates, selfLoops: .keep)
    }

    /// The lineage graph over works and concepts: arcs from every `lineage` layer
    /// (*A derives from / extends B*, so knowledge flows B → A as in citations).
    public func lineageGraph(duplicates: GraphBuilder.DuplicatePolicy = .keep) -> DatasetGraph {
        build(kinds: [.lineage], includeConcepts: true, duplicates: duplicates, selfLoops: .keep)
    }

    /// Membership arcs (work → literature name) from every `membership` layer.
    public var memberships: [DatasetArc] {
        layers.filter { $0.kind == .membership }.flatMap(\.arcs)
    }

    /// Attributes of the node set works (+ concepts), as described on ``DatasetGraph``.
    public func nodeAttributes(includeConcepts: Bool) -> NodeAttributes {
        let n = workIDs.count, k = includeConcepts ? conceptIDs.count : 0
        var attributes = NodeAttributes(nodeCount: n + k)
        if includeConcepts {
            attributes.set("kind", [String?](repeating: "work", count: n) + [String?](repeating: "concept", count: k))
            let conceptLabelColumn = manifest.concepts?.label ?? "label"
            let conceptLabels = conceptAttributes[conceptLabelColumn] ?? [String?](repeating: nil, count: k)
            let labels: [String?] = workLabels.map { Optional($0) }
                + conceptIDs.indices.map { conceptLabels[$0] ?? conceptIDs[$0] }
            attributes.set("label", labels)
        }
        for name in workAttributes.names where !attributes.has(name) {
            let values = workAttributes[name] ?? []
            attributes.set(name, values + [String?](repeating: nil, count: k))
        }
        if includeConcepts {
            for name in conceptAttributes.names {
                let values = conceptAttributes[name] ?? []
                if let existing = attributes[name] {
                    if name == "label" || name == "kind" { continue }
                    attributes.set(name, Array(existing.prefix(n)) + values)
                } else {
                    attributes.set(name, [String?](repeating: nil, count: n) + values)
                }
            }
        }
        return attributes
    }

    private func build(kinds: Set<DatasetManifest.LayerKind>, includeConcepts: Bool,
                       duplicates: GraphBuilder.DuplicatePolicy,
                       selfLoops: GraphBuilder.SelfLoopPolicy) -> DatasetGraph {
        var builder = GraphBuilder(duplicates: duplicates, selfLoops: selfLoops)
        for id in workIDs { builder.addNode(id) }
        if includeConcepts { for id in conceptIDs { builder.addNode(id) } }
        var inserted: [DatasetArc] = []
        for layer in layers where kinds.contains(layer.kind) {
            for arc in layer.arcs {
                // The loader checked every endpoint; both are interned already.
                builder.addArc(from: arc.from, to: arc.to)
                inserted.append(arc)
            }
        }
        let built = builder.build()
        return DatasetGraph(
            graph: built.graph, attributes: nodeAttributes(includeConcepts: includeConcepts),
            arcs: built.insertionOfArc.map { inserted[Int($0)] },
            selfLoops: built.selfLoops, duplicateArcs: built.duplicateArcs)
    }
}
