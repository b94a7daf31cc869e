import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Bibliographic-coupling map" of an imported corpus: the citing records of largest
    /// total coupling strength (Σ over their references of the other citing records citing
    /// it; top ``DatasetReportBuilder/Parameters/couplingTop``), linked by the references
    /// they share (Kessler 1963), normalised by association strength, clustered by Leiden
    /// and labelled by their own title terms. nil for datasets that are not an imported corpus.
    ///
    /// Total strength is O(m); pair counts among the chosen records O(k² · d) by merging
    /// sorted reference lists, so no full coupling network is built.
    func couplingMapSection(graph: Graph) throws -> (ReportSection, MapMetrics?)? {
        guard let citing = citingRecords else { return nil }
        let n = graph.nodeCount
        let records = (0..<n).filter { citing[$0] && graph.outDegree(Int32($0)) > 0 }
        // Citing records citing each work (distinct).
        var citedBy = [Int](repeating: 0, count: n)
        var references = [[Int32]](repeating: [], count: n)
        for u in records {
            let refs = Array(Set(graph.successors(of: Int32(u)).filter { $0 != Int32(u) })).sorted()
            references[u] = refs
            for v in refs { citedBy[Int(v)] += 1 }
        }
        let strength = records.map { u in references[u].reduce(0) { $0 + citedBy[Int($1)] - 1 } }
        var strengthOf = [Int](repeating: 0, count: n)
        for (p, u) in records.enumerated() { strengthOf[u] = strength[p] }
        let ranked = records.filter { strengthOf[$0] > 0 }.sorted { (strengthOf[$0], -$0) > (strengthOf[$1], -$1) }
        let items = Array(ranked.prefix(parameters.couplingTop))
        let title = "Bibliographic-coupling map"
        guard items.count >= 3 else {
            return (ReportSection(title: title, blocks: [.paragraph(
                "Fewer than three citing records share a reference with another, so there is no coupling map to draw.")]), nil)
        }
        let k = items.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in (i + 1)..<k {
                let c = Self.sharedCount(references[items[i]], references[items[j]])
                counts[i][j] = c
                counts[j][i] = c
            }
        }
        let distinctCited = citedBy.filter { $0 > 0 }.count
        let map = SimilarityMap(items: items, sizes: items.map { strengthOf[$0] }, occurrences: items.map { references[$0].count },
                                counts: counts, total: distinctCited, seed: parameters.seed)
        var recordPosition = [Int](repeating: -1, count: n)
        for (p, u) in records.enumerated() { recordPosition[u] = p }
        let terms = titleTerms
        let termLabels = significant(ClusterLabels.label(features: records.map { terms[$0] },
                                             members: map.clusters.map { $0.map { recordPosition[items[$0]] } }))
        let venues = venueFeatures
        let venueLabels = significant(ClusterLabels.label(features: items.map { venues[$0] }, members: map.clusters))
        let categoryLabels = categoryLabels(items: items, clusters: map.clusters)
        let last = items.last.map { strengthOf[$0] } ?? 0
        let selection = "the \(k) citing records of largest total coupling strength (\(last)–\(strengthOf[items[0]]) shared-reference links) of \(records.count) citing records with references"
        var blocks: [ReportBlock] = [.paragraph(
            "Which citing records draw on the same references (bibliographic coupling, Kessler 1963): two records are linked by the number of references they share, "
            + "normalised by association strength — shared references divided by those expected from the lengths of the two reference lists among the \(distinctCited) distinct cited works (van Eck & Waltman 2009) — "
            + "and grouped into clusters by Leiden (Traag et al. 2019), each named by the title words most over-represented, by log-likelihood ratio, in its records against all citing records (Chen, Ibekwe-SanJuan & Hou 2010).")]
        blocks += try map.blocks(
            wording: .init(prefix: "coupling", title: title, itemNoun: "citing records", pairNoun: "coupled",
                           sizeName: "total coupling strength", unitNoun: "distinct cited works"),
            label: { Self.readable(labels[$0]) }, tooltip: mapTooltip, dois: dois,
            grouping: mapGrouping, groupTitle: groupTitle, clusterTerms: termLabels, clusterVenues: venueLabels,
            clusterCategories: categoryLabels, categorySource: "\(categorySourceName): the records' own categories against those of the other records of the map",
            termSource: "title words of the cluster's records, against all \(records.count) citing records",
            selection: selection, seed: parameters.seed, minimumG2: parameters.minimumLabelG2)
        return (ReportSection(title: title, blocks: blocks),
                map.metrics(ids: dataset.workIDs, terms: termLabels, venues: venueLabels, categories: categoryLabels))
    }

    /// Size of the intersection of two ascending lists. O(|a| + |b|).
    static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, c = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { c += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return c
    }
}

extension DatasetSection {
    static let couplingMap = DatasetSection("coupling map") { context, metrics in
        guard let graph = context.citation?.graph, let built = try context.couplingMapSection(graph: graph) else { return nil }
        let (section, mapMetrics) = built
        metrics.couplingMap = mapMetrics
        let p = context.parameters
        return ReportPart(
            [section],
            methods: MethodCatalogue.mapMethods(MethodCatalogue.coupling, comparedWithLiteratures: context.mapGrouping != nil),
            parameters: [
                ("coupling map", "the \(p.couplingTop) citing records of largest total coupling strength"),
                ("map links", "association strength; clusters by Leiden, resolution 1, 10 iterations, seed \(p.seed); the 4 strongest links of each item drawn"),
            ])
    }
}
