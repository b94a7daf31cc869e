import GraphvizRendering
import NetworkCore

extension ExportNetwork {
    /// The network of a literature quotient figure: one node per group (its size as
    /// `works`, its colour as in the figures), one arc per ordered pair of groups with a
    /// positive flow, weighted by the flow (self-arcs are the flows within a group).
    /// O(g²).
    public static func quotient(_ q: GroupQuotient, missingGroup: Int32?, title: String) -> ExportNetwork {
        var builder = GraphBuilder()
        for name in q.groupNames { _ = builder.addNode(name) }
        for i in q.flows.indices {
            for j in q.flows[i].indices where q.flows[i][j] > 0 {
                _ = builder.addArc(from: Int32(i), to: Int32(j), weight: q.flows[i][j])
            }
        }
        let graph = builder.build().graph
        var network = ExportNetwork(
            graph: graph, labels: q.groupNames,
            attributes: [ExportAttribute(name: "works", values: q.groupSizes.map { String($0) }, kind: .integer)],
            title: title)
        network.colors = q.groupNames.indices.map { Palette.style(group: $0, isMissing: Int32($0) == missingGroup).fill }
        return network
    }
}
