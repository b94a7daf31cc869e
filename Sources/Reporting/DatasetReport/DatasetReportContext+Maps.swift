import NetworkCore

extension DatasetReportContext {
    /// The interactive map of a figure of works drawn from `shown` (work indices, the
    /// figure's `n<index>` nodes): label, year, group, DOI and `measure`.
    func workMap(shown: [Int32], measure: (name: String, values: [Double])?) -> InteractiveMap {
        InteractiveMap.partitionNetwork(shown: shown, partition: partition, groupTitle: groupTitle, labels: labels,
                                        years: years, dois: dois, measure: measure)
    }

    /// The network behind a figure of works: the works `shown` and the arcs of `graph`
    /// among them, with year, group, DOI and `measure`, coloured as the figure colours
    /// them. Written beside the figure as GEXF and VOSviewer JSON.
    func workNetwork(graph: Graph, shown: [Int32], measure: (name: String, values: [Double])?, title: String) -> ExportNetwork {
        var attributes: [ExportAttribute] = [
            ExportAttribute(name: "year", values: years),
            ExportAttribute(name: groupTitle, values: (0..<workCount).map { groupName($0) }, kind: .text, isPartition: true),
            ExportAttribute(name: "doi", values: dois, kind: .text),
        ]
        if let measure {
            attributes.append(ExportAttribute(name: measure.name, values: measure.values.map { ExportText.number($0) }, kind: .real))
        }
        var network = ExportNetwork(graph: graph, labels: labels, attributes: attributes, title: title)
        network.colorAttribute = groupTitle
        network.colors = (0..<workCount).map { v in
            let g = partition.groupOf[v]
            return GraphvizRenderingPalette.fill(group: Int(g), isMissing: g == partition.missingGroup)
        }
        return network.induced(by: shown)
    }
}
