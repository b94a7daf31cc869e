import Bibliometrics
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// `metrics.json` block of the concept co-use network.
struct ConceptCoUseMetrics: Encodable, Sendable {
    var works: Int
    var worksNamingAConcept: Int
    var linkedWorks: Int
    /// Linked pairs of works (sharing at least one concept).
    var links: Int
    var crossGroupLinks: Int
    var attribute: String
    var groups: [String]
    /// Symmetric pair counts by group (a pair between two groups in both cells).
    var pairMixing: [[Int]]
    var edgeHomophily: Double?
    var classInsensitiveHomophily: Double?
    var eiIndex: Double?
    var eiIndexByGroup: [Double?]
    var assortativity: Double?
    var modularity: Double?
    var conceptsLinkingGroups: [ConceptBridge]
    /// Louvain communities of the co-use network against the groups.
    var communities: CommunityComparison?
    /// Label-permutation null model of edge homophily, E-I and the mixing cells.
    var null: NullModelResult
}

/// A concept and the pairs of works from different groups it links.
struct ConceptBridge: Encodable, Sendable {
    var concept: String
    var label: String
    var home: String?
    var works: Int
    var groups: [String]
    var crossGroupPairs: Int
}

extension DatasetReportContext {
    /// The co-use projection as a symmetric graph (both directions per linked pair), so
    /// directed statistics (assortativity, modularity) equal their undirected forms.
    func symmetricCoUseGraph(_ coUse: ConceptCoUse) -> Graph {
        var builder = GraphBuilder(duplicates: .keep, selfLoops: .keep)
        for id in coUse.workIDs { builder.addNode(id) }
        for link in coUse.links {
            builder.addArc(from: link.a, to: link.b, weight: Double(link.weight))
            builder.addArc(from: link.b, to: link.a, weight: Double(link.weight))
        }
        return builder.build().graph
    }

    /// Works naming each concept (concept layer rows, each (work, concept) once).
    func usersByConcept() -> [String: Set<Int>] {
        var index: [String: Int] = [:]
        for (k, id) in dataset.workIDs.enumerated() { index[id] = k }
        var users: [String: Set<Int>] = [:]
        for layer in dataset.layers where layer.kind == .concept {
            for arc in layer.arcs {
                if let w = index[arc.from] { users[arc.to, default: []].insert(w) }
                else if let w = index[arc.to] { users[arc.from, default: []].insert(w) }
            }
        }
        return users
    }

    /// "Concept co-use network": figure, literature quotient, mixing, silo statistics,
    /// and the concepts that link groups most.
    func conceptCoUseSection() throws -> (ReportSection, ConceptCoUseMetrics) {
        let coUse = dataset.conceptCoUse()
        let graph = symmetricCoUseGraph(coUse)
        let simple = graph.undirectedSimple()
        let g = groupTitle
        let users = usersByConcept()
        let naming = Set(users.values.flatMap { $0 }).count
        var linked = Set<Int32>()
        for link in coUse.links { linked.insert(link.a); linked.insert(link.b) }

        let mixing = simple.pairMixing(by: partition)
        let bridging = graph.bridging(by: partition, attribute: g)
        let cross = mixing.crossPairs
        var blocks: [ReportBlock] = []
        let share = coUse.links.isEmpty ? 0 : Double(cross) / Double(coUse.links.count)
        blocks.append(.paragraph(
            "Two works are linked when the review names at least one shared concept for both. \(naming) of \(workCount) works name a concept; "
            + "\(linked.count) are linked to another work, through \(coUse.links.count) linked pairs. "
            + "\(cross) of those pairs (\(percent(share))) join works of different groups of '\(g)'. "
            + "These are links of shared vocabulary, not citations: they show which literatures talk about the same things, not who read whom."))

        // Figures.
        var weightedDegree = [Double](repeating: 0, count: workCount)
        for link in coUse.links {
            weightedDegree[Int(link.a)] += Double(link.weight)
            weightedDegree[Int(link.b)] += Double(link.weight)
        }
        var options = PartitionNetworkFigure.Options()
        options.maxNodes = parameters.maxFigureNodes
        options.dropIsolated = true
        options.scoreName = "shared-concept links"
        options.groupTitle = g
        let contribution = dataset.workAttributes["contribution"]
        let tooltips = (0..<workCount).map { w in
            [labelWithYear(w), groupName(w), contribution?[w]].compactMap { $0 }.joined(separator: " — ")
        }
        let network = try PartitionNetworkFigure(
            undirected: simple, partition: partition, labels: labels, tooltips: tooltips, dois: dois,
            scores: weightedDegree, options: options)
        var networkFigure = try ReportFigure.rendered(
            name: "concept-co-use-network", title: "Concept co-use network by \(g)",
            caption: "Works linked when they name a shared concept; colour: \(g). " + network.caption,
            dot: network.dotGraph, engine: network.engine)
        networkFigure.map = workMap(shown: network.shownNodes, measure: ("shared-concept links", weightedDegree))
        blocks.append(.figure(networkFigure))

        var upper = [[Double]](repeating: [Double](repeating: 0, count: partition.groupCount), count: partition.groupCount)
        for a in 0..<partition.groupCount {
            for b in a..<partition.groupCount { upper[a][b] = Double(mixing.counts[a][b]) }
        }
        var qOptions = QuotientFigure.Options()
        qOptions.groupTitle = g
        qOptions.flowNoun = "co-use links"
        qOptions.directed = false
        qOptions.engine = .circo
        let quotient = try QuotientFigure(
            groupNames: partition.groupNames, flows: upper, groupSizes: partition.groupSizes(),
            missingGroup: partition.missingGroup, options: qOptions)
        var quotientFigure = try ReportFigure.rendered(
            name: "concept-co-use-quotient", title: "Co-use links between groups of \(g)",
            caption: quotient.caption, dot: quotient.dotGraph, engine: quotient.engine)
        quotientFigure.map = InteractiveMap.quotient(groupNames: partition.groupNames, missingGroup: partition.missingGroup,
                                                     sizes: partition.groupSizes(), groupTitle: g)
        blocks.append(.figure(quotientFigure))

        // Tables.
        let groups = partition.groupNames
        blocks.append(.table(ReportTable(
            name: "concept-co-use-mixing", title: "Mixing of co-use links by \(g)",
            caption: "Linked pairs of works by the groups of their two works. The table is symmetric: a pair between two groups appears in both cells; the diagonal counts pairs within a group.",
            columns: [g] + groups,
            rows: groups.indices.map { a in [.text(groups[a])] + groups.indices.map { .integer(mixing.counts[a][$0]) } })))

        let null = graph.bridgingNull(by: partition, model: .permutation, samples: parameters.nullSamples, seed: parameters.seed)
        blocks.append(.table(ReportTable(
            name: "concept-co-use-silo-statistics", title: "How siloed the co-use network is",
            caption: "Computed on the undirected co-use network (each linked pair once). Null model: the \(g) labels shuffled over the works \(null.samples) times (seed \(null.seed)); expected = mean under the null, interval = its central 95%, p = (1 + samples at least as siloed) / (1 + samples), one-sided: is the network more siloed than chance?",
            columns: ["statistic", "value", "expected under the null", "95% interval", "p", "reading"],
            rows: [
                [.text("linked pairs"), .integer(coUse.links.count), .missing, .missing, .missing, .text("pairs of works sharing at least one concept")],
                [.text("pairs across groups"), .integer(cross), .missing, .missing, .missing, .text("pairs whose works belong to different groups")],
                [.text("edge homophily"), cell(bridging.edgeHomophily, 3), cell(null.expected.edgeHomophily, 3), intervalCell(null.intervals.edgeHomophily), cell(null.pValues.edgeHomophily, 3), .text("share of pairs within a group (1 = complete silos)")],
                [.text("class-insensitive homophily"), cell(bridging.classInsensitiveHomophily, 3), .missing, .missing, .missing, .text("homophily beyond group size, averaged over groups (0 = none)")],
                [.text("E-I index"), cell(bridging.eiIndex, 3), cell(null.expected.eiIndex, 3), intervalCell(null.intervals.eiIndex), cell(null.pValues.eiIndex, 3), .text("−1 all links within groups, +1 all across")],
                [.text("nominal assortativity"), cell(bridging.assortativity, 3), .missing, .missing, .missing, .text("Newman's r: 0 = groups mix at random, 1 = perfect sorting")],
                [.text("modularity of the grouping"), cell(bridging.modularity, 3), .missing, .missing, .missing, .text("Newman–Girvan Q of the groups, weighted by shared concepts")],
            ])))
        if let h = bridging.edgeHomophily, let e = null.expected.edgeHomophily, let p = null.pValues.edgeHomophily {
            let ratio = e > 0 ? h / e : .nan
            blocks.append(.paragraph(
                "In plain words: \(percent(h)) of the pairs of works that share a concept lie within one group of '\(g)', "
                + "against \(percent(e)) expected if the same group sizes were assigned to the works at random"
                + (ratio.isFinite ? " (\(ReportCell.number(ratio, digits: 2).display) times as many)" : "")
                + "; p = \(ReportCell.number(p, digits: 3).display) over \(null.samples) shuffles."))
        }

        let sizes = partition.groupSizes()
        blocks.append(.table(ReportTable(
            name: "concept-co-use-ei-by-group", title: "E-I index of each group",
            caption: "For each group: its works, its co-use links within and across groups, and its E-I index ((across − within)/(across + within)); a dash where a group has no links.",
            columns: [g, "works", "pairs within", "pairs across", "E-I index"],
            rows: groups.indices.map { k in
                let within = mixing.counts[k][k]
                let across = groups.indices.filter { $0 != k }.reduce(0) { $0 + mixing.counts[k][$1] }
                return [.text(groups[k]), .integer(sizes[k]), .integer(within), .integer(across),
                        k < bridging.eiIndexByGroup.count ? cell(bridging.eiIndexByGroup[k], 3) : .missing]
            })))

        // Detected communities against the groups, over the works that have links.
        let communities = CommunityComparison.louvain(on: graph, grouping: partition, seed: parameters.seed)
        blocks += communities?.blocks(
            prefix: "concept-co-use-communities", groupTitle: g, subject: "works linked by a shared concept",
            largely: "the shared vocabulary largely follows the groups of '\(g)'.",
            partly: "the shared vocabulary follows the groups of '\(g)' only in part.",
            not: "the shared vocabulary does not follow the groups of '\(g)'.") ?? []

        // Concepts that link groups most.
        var crossPairs: [String: Int] = [:]
        for link in coUse.links where partition.groupOf[Int(link.a)] != partition.groupOf[Int(link.b)] {
            for c in link.concepts { crossPairs[c, default: 0] += 1 }
        }
        let bridges: [ConceptBridge] = users.keys.map { c in
            let ws = users[c] ?? []
            var byGroup: [String: Int] = [:]
            for w in ws { byGroup[groupName(w), default: 0] += 1 }
            let groupList = byGroup.keys.sorted().map { "\($0) (\(byGroup[$0] ?? 0))" }
            return ConceptBridge(concept: c, label: conceptLabel(c), home: conceptHome(c), works: ws.count,
                                 groups: groupList, crossGroupPairs: crossPairs[c] ?? 0)
        }.sorted { ($0.crossGroupPairs, $0.works, $1.label) > ($1.crossGroupPairs, $1.works, $0.label) }
        blocks.append(.table(ReportTable(
            name: "concepts-linking-groups", title: "Concepts that link groups most",
            caption: "Each concept with the works that name it, their groups (works per group), and the number of cross-group pairs of works it links. Home: the literature a seed names as the concept's origin, where one does.",
            columns: ["concept", "home", "works", "groups of those works", "cross-group pairs"],
            rows: bridges.map { b in
                [.text(b.label), b.home.map { .text($0) } ?? .missing, .integer(b.works), .text(b.groups.joined(separator: "; ")), .integer(b.crossGroupPairs)]
            },
            displayLimit: parameters.topRows)))

        let ranked = (0..<workCount).filter { weightedDegree[$0] > 0 }
            .sorted { (weightedDegree[$0], -$0) > (weightedDegree[$1], -$1) }
        blocks.append(.table(ReportTable(
            name: "works-most-linked-by-concepts", title: "Works sharing the most concepts with others",
            caption: "Works ranked by their shared-concept links (a pair sharing two concepts counts two), with their group.",
            columns: ["work", g, "linked works", "shared-concept links"],
            rows: ranked.map { w in
                [.text(labelWithYear(w)), .text(groupName(w)), .integer(simple.degree(Int32(w))), .number(weightedDegree[w], digits: 0)]
            },
            displayLimit: parameters.topRows)))

        let metrics = ConceptCoUseMetrics(
            works: workCount, worksNamingAConcept: naming, linkedWorks: linked.count, links: coUse.links.count,
            crossGroupLinks: cross, attribute: g, groups: groups, pairMixing: mixing.counts,
            edgeHomophily: bridging.edgeHomophily, classInsensitiveHomophily: bridging.classInsensitiveHomophily,
            eiIndex: bridging.eiIndex, eiIndexByGroup: bridging.eiIndexByGroup, assortativity: bridging.assortativity,
            modularity: bridging.modularity, conceptsLinkingGroups: bridges, communities: communities, null: null)
        return (ReportSection(title: "Concept co-use network", blocks: blocks), metrics)
    }
}

/// `[low, high]` as a cell, or a dash.
func intervalCell(_ interval: [Double]?) -> ReportCell {
    guard let interval, interval.count == 2 else { return .missing }
    return .text("\(ReportCell.number(interval[0], digits: 3).display) – \(ReportCell.number(interval[1], digits: 3).display)")
}

/// A number cell, or a dash when there is no value.
func cell(_ value: Double?, _ digits: Int) -> ReportCell {
    value.map { .number($0, digits: digits) } ?? .missing
}

/// `0.123` → `12.3%`.
func percent(_ x: Double) -> String {
    ReportCell.number(100 * x, digits: 1).display + "%"
}
