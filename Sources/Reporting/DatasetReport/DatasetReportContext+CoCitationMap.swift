import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Co-citation map" of an imported corpus: the most cited works (top
    /// ``DatasetReportBuilder/Parameters/coCitationTop`` by times cited, or every work cited
    /// at least ``DatasetReportBuilder/Parameters/coCitationMinCitations`` times), linked by
    /// how often the citing records cite them together, normalised by association strength,
    /// clustered by Leiden and labelled by the title terms of the records citing each
    /// cluster (CiteSpace's rule). nil for datasets that are not an imported corpus.
    func coCitationMapSection(graph: Graph) throws -> (ReportSection, MapMetrics?)? {
        guard citingRecords != nil else { return nil }
        let n = graph.nodeCount
        let cited = (0..<n).filter { graph.inDegree(Int32($0)) > 0 }
        let byCitations = cited.sorted { (graph.inDegree(Int32($0)), -$0) > (graph.inDegree(Int32($1)), -$1) }
        let items: [Int]
        let selection: String
        if let threshold = parameters.coCitationMinCitations {
            items = byCitations.filter { graph.inDegree(Int32($0)) >= threshold }
            selection = "the \(items.count) works cited at least \(threshold) times by the citing records (of \(cited.count) cited works)"
        } else {
            items = Array(byCitations.prefix(parameters.coCitationTop))
            let last = items.last.map { graph.inDegree(Int32($0)) } ?? 0
            let tiedOut = byCitations.dropFirst(items.count).filter { graph.inDegree(Int32($0)) == last }.count
            selection = "the \(items.count) most cited of \(cited.count) cited works (cited \(last)–\(items.first.map { graph.inDegree(Int32($0)) } ?? 0) times)"
                + (tiedOut > 0 ? "; \(tiedOut) more works cited \(last) times are left out (ties broken by position in works.csv)" : "")
        }
        let title = "Co-citation map"
        guard items.count >= 3 else {
            return (ReportSection(title: title, blocks: [.paragraph(
                "Fewer than three works are cited by the citing records, so there is no co-citation map to draw.")]), nil)
        }
        // Co-citation counts among the items: each citing work adds 1 to every pair of items it cites.
        let k = items.count
        var position = [Int](repeating: -1, count: n)
        for (i, w) in items.enumerated() { position[w] = i }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        var citers = [[Int]](repeating: [], count: k)
        var citingUnits = 0
        var hits: [Int] = []
        for u in 0..<n where graph.outDegree(Int32(u)) > 0 {
            citingUnits += 1
            hits.removeAll(keepingCapacity: true)
            for v in graph.successors(of: Int32(u)) where position[Int(v)] >= 0 { hits.append(position[Int(v)]) }
            hits = Array(Set(hits)).sorted()
            for a in hits.indices {
                citers[hits[a]].append(u)
                for b in (a + 1)..<max(a + 1, hits.count) {
                    counts[hits[a]][hits[b]] += 1
                    counts[hits[b]][hits[a]] += 1
                }
            }
        }
        let sizes = items.map { graph.inDegree(Int32($0)) }
        let map = SimilarityMap(items: items, sizes: sizes, occurrences: sizes, counts: counts, total: citingUnits, seed: parameters.seed)
        // Labels: title terms of the records citing each cluster, against all citing records.
        let citingList = (0..<n).filter { graph.outDegree(Int32($0)) > 0 }
        var citingPosition = [Int](repeating: -1, count: n)
        for (p, u) in citingList.enumerated() { citingPosition[u] = p }
        let terms = titleTerms
        let clusterCiters: [[Int]] = map.clusters.map { members in
            Array(Set(members.flatMap { citers[$0] })).map { citingPosition[$0] }.sorted()
        }
        let termLabels = significant(ClusterLabels.label(features: citingList.map { terms[$0] }, members: clusterCiters))
        let venues = venueFeatures
        let venueLabels = significant(ClusterLabels.label(features: items.map { venues[$0] }, members: map.clusters))
        let categoryLabels = categoryLabels(items: items, clusters: map.clusters)
        var blocks: [ReportBlock] = [.paragraph(
            "Which references the citing records cite together (Small 1973): two references are linked by the number of records citing both, "
            + "normalised by association strength — observed co-citations divided by those expected if the two were cited independently (van Eck & Waltman 2009) — "
            + "and grouped into clusters by Leiden (Traag et al. 2019). Each cluster is named by the title words most over-represented, by log-likelihood ratio, "
            + "in the records that cite it (Chen, Ibekwe-SanJuan & Hou 2010).")]
        blocks += try map.blocks(
            wording: .init(prefix: "cocitation", title: title, itemNoun: "references", pairNoun: "co-cited",
                           sizeName: "times cited", unitNoun: "citing records"),
            label: { Self.readable(labels[$0]) }, tooltip: mapTooltip, dois: dois,
            grouping: mapGrouping, groupTitle: groupTitle, clusterTerms: termLabels, clusterVenues: venueLabels,
            clusterCategories: categoryLabels, categorySource: "\(categorySourceName): the references' own categories against those of the other references of the map",
            termSource: "title words of the citing records that cite the cluster, against all \(citingList.count) citing records",
            selection: selection, seed: parameters.seed, minimumG2: parameters.minimumLabelG2)
        return (ReportSection(title: title, blocks: blocks),
                map.metrics(ids: dataset.workIDs, terms: termLabels, venues: venueLabels, categories: categoryLabels))
    }
}

extension DatasetSection {
    static let coCitationMap = DatasetSection("co-citation map") { context, metrics in
        guard let graph = context.citation?.graph, let built = try context.coCitationMapSection(graph: graph) else { return nil }
        let (section, mapMetrics) = built
        metrics.coCitationMap = mapMetrics
        let p = context.parameters
        return ReportPart(
            [section],
            methods: MethodCatalogue.mapMethods(MethodCatalogue.coCitation, comparedWithLiteratures: context.mapGrouping != nil),
            parameters: [
                ("co-citation map", p.coCitationMinCitations.map { "references cited at least \($0) times" } ?? "the \(p.coCitationTop) most cited references"),
                ("map links", "association strength; clusters by Leiden, resolution 1, 10 iterations, seed \(p.seed); the 4 strongest links of each item drawn"),
            ])
    }
}
