import Bibliometrics
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// `metrics.json` block of the citation layer.
struct CitationMetrics: Encodable, Sendable {
    var graph: GraphSummary
    var bridging: BridgingResult
    /// Top works per centrality measure (see ``CentralityTopLists``).
    var centrality: [CentralityTopList]?
    /// Louvain communities of the undirected citation network against the groups.
    var communities: CommunityComparison?
    /// The silo statistics over the works that have a group, with their null, when some
    /// works have none (``DatasetReportContext/knownGroupSiloBlock(graph:)``).
    var knownGroups: BridgingResult?
}

extension DatasetReportContext {
    /// "Citation network": summary, figure by group, quotient of citation flows,
    /// directed mixing and further silo analyses (the most central works have their own
    /// section, ``centralitySection(graph:)``).
    func citationSection(built: DatasetGraph) throws -> (ReportSection, CitationMetrics) {
        let graph = built.graph
        let g = groupTitle
        let summary = GraphSummary(graph: graph, selfLoops: built.selfLoops, duplicateArcs: built.duplicateArcs)
        let bridging = graph.bridging(by: partition, attribute: g)
        let pagerank = graph.pageRank().scores
        var blocks: [ReportBlock] = []
        blocks.append(.paragraph(
            "\(summary.arcs) citation arcs among \(summary.nodes) works (an arc points from the citing to the cited work); "
            + (summary.weakComponents == 1 ? "one weakly connected component; " :
                "\(summary.weakComponents) weakly connected components, the largest with \(summary.largestWeakComponent) works; ")
            + (summary.acyclic ? "no citation cycles." : "\(summary.strongComponents) strongly connected components (the network has cycles).")))

        var options = PartitionNetworkFigure.Options()
        options.maxNodes = parameters.maxFigureNodes
        options.dropIsolated = true
        options.groupTitle = g
        options.selection = structureKeepingSelection(graph: graph, pagerank: pagerank, limit: parameters.maxFigureNodes)
        let network = try PartitionNetworkFigure(
            graph: graph, partition: partition, labels: labels, tooltips: (0..<workCount).map(labelWithYear),
            dois: dois, scores: pagerank, options: options)
        var networkFigure = try ReportFigure.rendered(
            name: "citation-network", title: "Citation network by \(g)",
            caption: network.caption, dot: network.dotGraph, engine: network.engine)
        networkFigure.map = workMap(shown: network.shownNodes, measure: ("PageRank", pagerank))
        networkFigure.network = workNetwork(graph: graph, shown: network.shownNodes, measure: ("pagerank", pagerank),
                                            title: "Citation network of \(name) (the works drawn in the figure)")
        blocks.append(.figure(networkFigure))

        if let why = siloStatisticsUnavailable() {
            blocks.append(.paragraph(why))
            blocks.append(sharedReferencesTable(graph: graph))
            return (ReportSection(title: "Citation network", blocks: blocks), CitationMetrics(graph: summary, bridging: bridging))
        }
        let null = graph.bridgingNull(by: partition, model: .permutation, samples: parameters.nullSamples, seed: parameters.seed)
        let citingGroups = bridging.mixing.filter { $0.reduce(0, +) > 0 }.count
        var qOptions = QuotientFigure.Options()
        qOptions.groupTitle = g
        qOptions.flowNoun = "citations"
        qOptions.engine = .circo
        if citingGroups >= 2, null.expected.mixing.count == partition.groupCount {
            // The null's mixing follows the bridging groups, which equal the partition's
            // under the default missing-group policy.
            qOptions.ratios = bridging.mixing.indices.map { a in
                bridging.mixing[a].indices.map { b in
                    guard let e = null.expected.mixing[a][b], e > 0 else { return nil }
                    return Double(bridging.mixing[a][b]) / e
                }
            }
            qOptions.ratioBasis = "label permutation (\(null.samples) shuffles)"
        }
        let flows = graph.quotient(by: partition)
        let drawn = DrawnQuotient(names: flows.groupNames, flows: flows.flows, sizes: flows.groupSizes,
                                  missingGroup: partition.missingGroup, ratios: qOptions.ratios)
        qOptions.ratios = drawn.ratios
        qOptions.minimumFlow = drawn.minimumFlow
        qOptions.mergedGroup = drawn.mergedIndex
        let quotient = try QuotientFigure(groupNames: drawn.names, flows: drawn.flows, groupSizes: drawn.sizes,
                                          missingGroup: drawn.missingGroup, options: qOptions)
        var quotientFigure = try ReportFigure.rendered(
            name: "citation-quotient", title: "Citations between groups of \(g)",
            caption: quotient.caption + drawn.captionNote, dot: quotient.dotGraph, engine: quotient.engine)
        quotientFigure.map = InteractiveMap.quotient(groupNames: drawn.names, missingGroup: drawn.missingGroup,
                                                     mergedGroup: drawn.mergedIndex, sizes: drawn.sizes, groupTitle: g)
        quotientFigure.network = .quotient(flows, missingGroup: partition.missingGroup,
                                           title: "Citations between groups of \(g) in \(name)")
        blocks.append(.figure(quotientFigure))

        let groups = bridging.groups
        var whoCitesWhom = ReportTable(
            name: "citation-mixing", title: "Who cites whom",
            caption: "Citation arcs by the group of the citing work (rows) and of the cited work (columns).",
            columns: ["citing \\ cited"] + groups,
            rows: groups.indices.map { a in [.text(groups[a])] + groups.indices.map { .integer(bridging.mixing[a][$0]) } },
            displayLimit: groups.count > ReportTable.maximumGroupColumns ? ReportTable.maximumGroupColumns : nil)
        whoCitesWhom.limitGroupColumns(leading: 1)
        blocks.append(.table(whoCitesWhom))
        let expected = null.expected.mixing
        if citingGroups < 2 {
            blocks.append(.paragraph(
                "All citing works belong to one group of '\(g)', so who-cites-whom cannot be compared with chance: "
                + "under a label shuffle every other group would trivially cite 'less than expected'. "
                + "The table below gives the observed counts only."))
        } else if expected.count == bridging.groups.count {
            var hOptions = MixingHeatmapFigure.Options()
            hOptions.rowTitle = "Citing \(g)"
            hOptions.columnTitle = "Cited \(g)"
            hOptions.nullName = "label permutation (\(null.samples) shuffles)"
            let missing = bridging.groups.firstIndex(of: Partition.missingLabel).map { Int32($0) }
            // Observed counts summed over merged groups, with each drawn cell's two-sided p under
            // the null carried along (nil for cells of merged groups, which the null did not test).
            let observed = DrawnQuotient(names: bridging.groups, flows: bridging.mixing.map { $0.map(Double.init) },
                                         sizes: bridging.groupSizes, missingGroup: missing, ratios: null.pValues.mixing)
            let expectedDrawn = DrawnQuotient.merged(expected.map { $0.map { $0 ?? .nan } }, names: bridging.groups, missingGroup: missing)
            let heatmap = try MixingHeatmapFigure(
                groupNames: observed.names, observed: observed.flows.map { $0.map { Int(exactly: $0) ?? 0 } },
                expected: expectedDrawn.table, pValues: observed.ratios, options: hOptions)
            blocks.append(.figure(try .rendered(
                name: "citation-mixing-heatmap", title: "Citations between groups against chance",
                caption: heatmap.caption + (observed.merged == 0 ? "" : " Only the \(DrawnQuotient.keptGroups) largest groups have a row and a column of their own; the \(observed.merged) others are summed into one (observed and expected counts both summed; the table 'Who cites whom' has every group)."),
                dot: heatmap.dotGraph, engine: heatmap.engine)))
        }
        blocks.append(.table(ReportTable(
            name: "citation-silo-statistics", title: "How siloed the citations are",
            caption: "Edge homophily and E-I on the undirected simple view (each linked pair once); assortativity and modularity on the directed arcs. Null model: labels shuffled over the works \(null.samples) times (seed \(null.seed)); p = (1 + samples at least as siloed) / (1 + samples), one-sided (more siloed than chance).",
            columns: ["statistic", "value", "expected under the null", "95% interval", "p"],
            rows: [
                [.text("edge homophily"), cell(bridging.edgeHomophily, 3), cell(null.expected.edgeHomophily, 3), intervalCell(null.intervals.edgeHomophily), cell(null.pValues.edgeHomophily, 3)],
                [.text("class-insensitive homophily"), cell(bridging.classInsensitiveHomophily, 3), .missing, .missing, .missing],
                [.text("E-I index"), cell(bridging.eiIndex, 3), cell(null.expected.eiIndex, 3), intervalCell(null.intervals.eiIndex), cell(null.pValues.eiIndex, 3)],
                [.text("nominal assortativity"), cell(bridging.assortativity, 3), .missing, .missing, .missing],
                [.text("modularity (directed)"), cell(bridging.modularity, 3), .missing, .missing, .missing],
            ])))
        let known = knownGroupSiloBlock(graph: graph)
        if let known { blocks.append(known.block) }
        blocks += try citationSiloBlocks(graph: graph)

        // What each citing work draws on: its references by group.
        let citing = (0..<workCount).filter { graph.outDegree(Int32($0)) > 0 }
            .sorted { (graph.outDegree(Int32($0)), -$0) > (graph.outDegree(Int32($1)), -$1) }
        let usedGroups = groups.indices.filter { c in bridging.mixing.contains { $0[c] > 0 } }
        var drawsOn = ReportTable(
            name: "citing-works-by-cited-group", title: "What each citing work draws on",
            caption: "For each work with references in the dataset: how many of the works it cites belong to each group of '\(g)', and its share citing its own group. Rows sorted by number of references.",
            columns: ["citing work", g] + usedGroups.map { groups[$0] } + ["references", "own group"],
            rows: citing.map { w in
                var counts = [Int](repeating: 0, count: groups.count)
                for v in graph.successors(of: Int32(w)) { counts[Int(partition.groupOf[Int(v)])] += 1 }
                let total = counts.reduce(0, +)
                let own = counts[Int(partition.groupOf[w])]
                return [.text(labelWithYear(w)), .text(groupName(w))] + usedGroups.map { .integer(counts[$0]) }
                    + [.integer(total), .number(total > 0 ? Double(own) / Double(total) : 0, digits: 2)]
            },
            displayLimit: 30)
        drawsOn.limitGroupColumns(leading: 2, trailing: 2)
        blocks.append(.table(drawsOn))

        blocks.append(sharedReferencesTable(graph: graph))

        var withNull = bridging
        withNull.null = null
        return (ReportSection(title: "Citation network", blocks: blocks), CitationMetrics(graph: summary, bridging: withNull, knownGroups: known?.bridging))
    }

    /// Most groups drawn in the citation quotient figure (circo): the largest ones.

    /// "Works cited by more than one citing work": the references the citing works share.
    func sharedReferencesTable(graph: Graph) -> ReportBlock {
        let g = groupTitle
        let shared = (0..<workCount).filter { graph.inDegree(Int32($0)) >= 2 }
            .sorted { (graph.inDegree(Int32($0)), -$0) > (graph.inDegree(Int32($1)), -$1) }
        return .table(ReportTable(
            name: "shared-references", title: "Works cited by more than one citing work",
            caption: shared.isEmpty ? "No work is cited by more than one work of the dataset." :
                "\(shared.count) works are cited by two or more works of the dataset; these are the references the citing works share.",
            columns: ["cited work", g, "cited by", "citing works"],
            rows: shared.map { w in
                let citers = graph.predecessors(of: Int32(w)).map { labelWithYear(Int($0)) }
                return [.text(labelWithYear(w)), .text(groupName(w)), .integer(citers.count), .text(citers.joined(separator: "; "))]
            },
            displayLimit: 30))
    }

    /// Why the silo statistics are left out, in one sentence, or nil when at least two
    /// groups of works (the missing group aside) hold works.
    func siloStatisticsUnavailable() -> String? {
        let sizes = partition.groupSizes()
        let withWorks = sizes.indices.filter { Int32($0) != partition.missingGroup && sizes[$0] > 0 }
        guard withWorks.count < 2 else { return nil }
        guard let g = groupAttribute else {
            return "Silo statistics (mixing, homophily, E-I, null models, brokerage, diversity) are not computed: the dataset names no grouping of its works into literatures (group: in dataset.yml), so every work is in one group and the statistics would only restate that."
        }
        let missing = partition.missingGroup.map { sizes[Int($0)] } ?? 0
        let only = withWorks.first.map { "'\(partition.groupNames[$0])'" } ?? "no group"
        return "Silo statistics (mixing, homophily, E-I, null models, brokerage, diversity) are not computed: fewer than two literatures have works — every work with a value of '\(g)' is in \(only)"
            + (missing > 0 ? " and \(missing) works have none" : "") + " — so there is nothing to compare within and between."
    }
}
