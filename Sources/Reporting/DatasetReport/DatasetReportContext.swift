import Bibliometrics
import NetworkAlgorithms
import NetworkCore

/// What every section of a dataset report shares: the dataset, its grouping of works,
/// labels, years and DOIs. Built once per report.
struct DatasetReportContext: Sendable {
    let dataset: Dataset
    let parameters: DatasetReportBuilder.Parameters
    /// The attribute that groups works (`group:` of dataset.yml), or nil.
    let groupAttribute: String?
    /// Works grouped by ``groupAttribute`` (one group "all works" without one).
    let partition: Partition
    let labels: [String]
    let years: [String?]
    let dois: [String?]
    /// The citation layer as a graph (built once per report), nil without citation arcs.
    let citation: DatasetGraph?

    init(dataset: Dataset, parameters: DatasetReportBuilder.Parameters) {
        self.dataset = dataset
        self.parameters = parameters
        let n = dataset.workIDs.count
        groupAttribute = dataset.group
        if let g = dataset.group, let values = dataset.workAttributes[g] {
            partition = Partition.bySize(values)
        } else {
            partition = Partition(values: [String?](repeating: "all works", count: n))
        }
        labels = dataset.workLabels
        years = dataset.workAttributes[dataset.manifest.works.year ?? "year"] ?? [String?](repeating: nil, count: n)
        dois = dataset.workAttributes[dataset.manifest.works.doi ?? "doi"] ?? [String?](repeating: nil, count: n)
        citation = dataset.layers.contains { $0.kind == .citation && !$0.arcs.isEmpty } ? dataset.citationGraph() : nil
    }

    var name: String { dataset.manifest.name }
    var workCount: Int { dataset.workIDs.count }
    var groupTitle: String { groupAttribute ?? "Group" }
    var hasConceptLayer: Bool { dataset.layers.contains { $0.kind == .concept && !$0.arcs.isEmpty } }
    var hasLineageLayer: Bool { dataset.layers.contains { $0.kind == .lineage && !$0.arcs.isEmpty } }
    var citationArcCount: Int { dataset.layers.filter { $0.kind == .citation }.reduce(0) { $0 + $1.arcs.count } }

    /// "Label (year)" for tables.
    func labelWithYear(_ w: Int) -> String {
        guard let y = years[w], !labels[w].contains(y) else { return labels[w] }
        return "\(labels[w]) (\(y))"
    }

    /// Group name of work `w`.
    func groupName(_ w: Int) -> String { partition.groupNames[Int(partition.groupOf[w])] }

    /// Concept label by id (the id when the vocabulary has no label).
    func conceptLabel(_ id: String) -> String {
        guard let k = dataset.conceptIDs.firstIndex(of: id) else { return id }
        let column = dataset.manifest.concepts?.label ?? "label"
        return dataset.conceptAttributes[column]?[k] ?? id
    }

    /// Home literature of a concept, where the vocabulary states one.
    func conceptHome(_ id: String) -> String? {
        guard let k = dataset.conceptIDs.firstIndex(of: id), let column = dataset.manifest.concepts?.home else { return nil }
        return dataset.conceptAttributes[column]?[k]
    }

    /// The paragraph that opens the methods: what the data is and how it was grouped.
    func dataParagraph() -> String {
        var text = "Data: the dataset '\(name)' (\(workCount) works) as described in Datasets/\(name)/README.md; every row cites its source."
        if let g = groupAttribute {
            text += " Works are grouped by '\(g)'"
            if let m = dataset.mappings.first(where: { $0.attribute == g }) {
                let mapping = dataset.manifest.mappings.first { $0.as == g }
                text += ", derived from '\(mapping?.from ?? "?")' through the editable mapping \(m.file)"
            }
            text += "; works without a value form the explicit group \(Partition.missingLabel)."
        }
        return text
    }

    /// The PageRank row of the parameters table, from the analysis catalogue.
    var pageRankParameterRow: (String, String) {
        AnalysisCatalogue.measure("pagerank")?.parameterRow?(parameters.analysis) ?? ("PageRank", "–")
    }

    /// Parameters table of the report: its own rows, then the sections' rows (`sectionRows`)
    /// before the seed and generator.
    func parameterRows(sectionRows: [(String, String)]) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("dataset", "Datasets/\(name)"),
            ("grouping attribute", groupAttribute ?? "(none)"),
            pageRankParameterRow,
            ("network figures", "Graphviz sfdp, at most \(parameters.maxFigureNodes) works (top by the score named in each caption)"),
            ("quotient figures", "Graphviz circo"),
            ("null model", "label permutation, \(parameters.nullSamples) samples"),
        ]
        if siloStatisticsUnavailable() == nil, citationArcCount > 0 || hasConceptLayer {
            rows.append(("\"In short\": more siloed than chance", "one-sided p of edge homophily below \(AnalysisCatalogue.number(Self.headlineLevel))"))
        }
        if citationArcCount > 0 {
            rows.append(("centrality top lists", "at most \(parameters.centralityTop) works per measure"))
        }
        if citationArcCount > 0 || hasConceptLayer {
            let analysis = parameters.analysis
            rows.append(("communities", "Louvain, resolution \(AnalysisCatalogue.number(analysis.resolution)), best of \(analysis.communityRuns) runs with seeds \(analysis.seed)–\(analysis.seed + UInt64(max(0, analysis.communityRuns - 1)))"))
        }
        rows += sectionRows
        rows += [
            ("random seed", "\(parameters.seed)"),
            ("generator", "Siloscope 0.1.0"),
        ]
        return rows
    }
}

extension Partition {
    /// A partition whose groups are ordered by size (largest first, ties by name), so
    /// that the largest groups get the first, most distinct palette colours.
    static func bySize(_ values: [String?]) -> Partition {
        let plain = Partition(values: values)
        let sizes = plain.groupSizes()
        let order = plain.groupNames.indices
            .filter { Int32($0) != plain.missingGroup }
            .sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
            .map { plain.groupNames[$0] }
        return Partition(values: values, order: order)
    }
}
