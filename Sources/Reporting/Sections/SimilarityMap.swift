import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// `metrics.json` block of a co-citation or coupling map.
struct MapMetrics: Encodable, Sendable {
    struct Cluster: Encodable, Sendable {
        var size: Int
        /// Work ids, in map order (largest size first).
        var works: [String]
        var terms: [ClusterTerm]
        var venues: [ClusterTerm]
        /// The cluster's automatic name (``SimilarityMap/clusterName(_:terms:categories:venues:)``).
        var name: String
        /// Its most over-represented categories (G²), from the works' `categories`.
        var categories: [ClusterTerm]
    }
    var works: Int
    var pairs: Int
    var modularity: Double
    var clusters: [Cluster]
}

/// A science map of a few works (VOSviewer-style): the pair counts between them
/// (co-citations or shared references), normalised by association strength, clustered
/// by weighted Leiden (seeded), each cluster named by log-likelihood ratio, drawn with its
/// strongest links and set against the dataset's groups where the works have one.
///
/// Pure apart from Graphviz rendering; deterministic for a given seed.
struct SimilarityMap: Sendable {
    /// What the map is of (words used in captions and tables).
    struct Wording: Sendable {
        /// File-name prefix: `cocitation`, `coupling`.
        var prefix: String
        /// "Co-citation map", "Bibliographic-coupling map".
        var title: String
        /// "references", "citing records".
        var itemNoun: String
        /// "co-cited", "coupled".
        var pairNoun: String
        /// "times cited by the citing records", "total coupling strength".
        var sizeName: String
        /// "citing records", "distinct cited works": the units counted in the total.
        var unitNoun: String
    }

    /// Works of the map (dataset indices), in map order (largest size first).
    let items: [Int]
    /// Size score of each item (citations, coupling strength).
    let sizes: [Int]
    /// Occurrences of each item (s_i of the association strength).
    let occurrences: [Int]
    /// Pair counts, dense `k × k`.
    let counts: [[Int]]
    /// Association strength, dense `k × k`.
    let strength: [[Double]]
    let total: Int
    let network: WeightedNetwork
    let detection: CommunityDetection
    /// Clusters, largest first (ties by smallest member in map order); each lists item positions.
    let clusters: [[Int]]
    /// Cluster number (0-based, in ``clusters`` order) of each item.
    let clusterOf: [Int]

    /// - Parameters:
    ///   - items: dataset indices of the works mapped, largest `sizes` first.
    ///   - counts: pair counts between items (symmetric, zero diagonal).
    ///   - occurrences: `s_i` of each item; `total` the units (see ``AssociationStrength``).
    init(items: [Int], sizes: [Int], occurrences: [Int], counts: [[Int]], total: Int, seed: UInt64) {
        self.items = items
        self.sizes = sizes
        self.occurrences = occurrences
        self.counts = counts
        self.total = total
        let k = items.count
        var strength = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var edges: [(Int32, Int32, Double)] = []
        for i in 0..<k {
            for j in (i + 1)..<max(i + 1, k) where counts[i][j] > 0 {
                let s = AssociationStrength.value(count: counts[i][j], occurrencesI: occurrences[i], occurrencesJ: occurrences[j], total: total)
                strength[i][j] = s
                strength[j][i] = s
                edges.append((Int32(i), Int32(j), s))
            }
        }
        self.strength = strength
        network = WeightedNetwork(nodeCount: k, edges: edges)
        detection = network.leiden(resolution: 1, seed: seed, iterations: 10)
        var byCommunity: [Int32: [Int]] = [:]
        for i in 0..<k { byCommunity[detection.partition.groupOf[i], default: []].append(i) }
        clusters = byCommunity.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var clusterOf = [Int](repeating: 0, count: k)
        for (c, members) in clusters.enumerated() { for i in members { clusterOf[i] = c } }
        self.clusterOf = clusterOf
    }

    /// Links drawn: each item's `perItem` strongest links (association strength
    /// descending, ties by the other item's position) among pairs counted at least
    /// `minCount` times; a link is drawn when either end keeps it.
    func drawnLinks(perItem: Int, minCount: Int) -> [(Int32, Int32)] {
        let k = items.count
        var keep = Set<Int>()
        for i in 0..<k {
            let ranked = (0..<k).filter { $0 != i && counts[i][$0] >= minCount }
                .sorted { strength[i][$0] != strength[i][$1] ? strength[i][$0] > strength[i][$1] : $0 < $1 }
            for j in ranked.prefix(perItem) { keep.insert(min(i, j) * k + max(i, j)) }
        }
        return keep.sorted().map { (Int32($0 / k), Int32($0 % k)) }
    }

    /// The figure, the cluster table and the map table (and, when `grouping` gives some
    /// items a group, the comparison of the clusters with the groups). Items whose `label`
    /// is the same are told apart by ``DistinctLabels``.
    func blocks(wording w: Wording, label: (Int) -> String, tooltip: (Int) -> String, dois: [String?],
                grouping: Partition?, groupTitle: String, clusterTerms: [[ClusterTerm]], clusterVenues: [[ClusterTerm]],
                clusterCategories: [[ClusterTerm]] = [], categorySource: String = "",
                termSource: String, selection: String, seed: UInt64, minimumG2: Double) throws -> [ReportBlock] {
        let k = items.count
        var blocks: [ReportBlock] = []
        // Two different works can share "Surname Year" (a paper and a book): "Royle 2008a",
        // "Royle 2008b" in the order of `items` (most cited first), everywhere the map names them.
        let itemLabels = DistinctLabels.make(items.map(label))
        let clusterNames = clusterNames(terms: clusterTerms, categories: clusterCategories, venues: clusterVenues)
        let groupValues: [String?]? = grouping.map { g in
            items.map { v in
                let name = g.groupNames[Int(g.groupOf[v])]
                return name == Partition.missingLabel ? nil : name
            }
        }
        let withGroup = groupValues?.compactMap { $0 }.count ?? 0
        // Colour by group only where the groups can show something: at least half the items
        // have one and they span two groups; otherwise the clusters are the colours.
        let colourByGroup = withGroup > 0 && 2 * withGroup >= k && Set(groupValues?.compactMap { $0 } ?? []).count >= 2
        let colours: Partition = colourByGroup
            ? Partition.bySize(groupValues ?? [])
            : Partition(values: clusterOf.map { clusterNames[$0] }, order: clusterNames)

        let links = drawnLinks(perItem: 4, minCount: 2)
        var options = PartitionNetworkFigure.Options()
        options.maxNodes = k
        options.labeledNodes = k
        options.labelLength = 24
        options.scoreName = w.sizeName
        options.nodeNoun = w.itemNoun
        options.groupTitle = colourByGroup ? groupTitle : "Cluster (Leiden, association strength)"
        let figure = try PartitionNetworkFigure(
            nodeCount: k, edges: links, directed: false, partition: colours,
            labels: itemLabels, tooltips: items.map(tooltip), dois: items.map { dois[$0] },
            scores: sizes.map(Double.init), options: options)
        let pairs = network.edgeCount
        let caption = "\(w.title) of \(selection). Links: each \(singular(w.itemNoun)) keeps its 4 strongest links by association strength among the pairs \(w.pairNoun) at least twice (\(links.count) of the \(pairs) \(w.pairNoun) pairs are drawn; the clusters use all of them). "
            + (colourByGroup
               ? "Colour: the \(singular(w.itemNoun))'s group of '\(groupTitle)' (\(withGroup) of \(k) have one); the clusters are in the table below. "
               : "Colour: the Leiden cluster, named by its most over-represented title terms, categories and venues (log-likelihood ratio)"
                 + (withGroup > 0 ? " (not the groups of '\(groupTitle)': only \(withGroup) of the \(k) \(w.itemNoun) have one, or they are all in one group). " : ". "))
            + figure.caption
        var mapFigure = try ReportFigure.rendered(name: "\(w.prefix)-map", title: w.title, caption: caption,
                                                  dot: figure.dotGraph, engine: figure.engine)
        mapFigure.map = InteractiveMap.partitionNetwork(
            shown: figure.shownNodes, partition: colours, groupTitle: options.groupTitle, labels: itemLabels, years: nil,
            dois: items.map { dois[$0] }, measure: (w.sizeName, sizes.map(Double.init)))
        mapFigure.network = exportNetwork(labels: itemLabels, dois: items.map { dois[$0] }, colours: colours,
                                          colourTitle: options.groupTitle, sizeName: w.sizeName, title: "\(w.title) (\(selection))")
        blocks.append(.figure(mapFigure))

        blocks.append(.table(ReportTable(
            name: "\(w.prefix)-clusters", title: "\(w.title): clusters and their labels",
            caption: "Leiden clusters (weighted by association strength, resolution 1, seed \(seed), 10 iterations; modularity \(ReportCell.number(detection.modularity, digits: 3).display)), largest first. Labels are the terms most over-represented by log-likelihood ratio (G², Dunning 1993): \(termSource); "
                + (clusterCategories.isEmpty ? "" : "categories: \(categorySource); ")
                + "venues: the \(w.itemNoun)' own venues against those of the other \(w.itemNoun) of the map. A label term needs at least two documents and G² ≥ \(ReportCell.number(minimumG2, digits: 2).display); a dash: no term passes. "
                + "The name joins the two best title terms with the best category and venue.",
            columns: ["cluster", "name", w.itemNoun, "label (terms, G²)"] + (clusterCategories.isEmpty ? [] : ["categories (G²)"])
                + ["venues (G²)", "members (by \(w.sizeName))"],
            rows: clusters.enumerated().map { c, members in
                [.text("\(c + 1)"), .text(clusterNames[c]), .integer(members.count), .text(Self.termList(clusterTerms[c]))]
                    + (clusterCategories.isEmpty ? [] : [.text(Self.termList(clusterCategories[c]))])
                    + [.text(Self.termList(clusterVenues[c])), .text(members.map { itemLabels[$0] }.joined(separator: "; "))]
            })))

        blocks.append(.table(ReportTable(
            name: "\(w.prefix)-works", title: "\(w.title): the \(w.itemNoun)",
            caption: "Every \(singular(w.itemNoun)) of the map with its \(w.sizeName), its cluster and its total link strength (summed association strength to the others).",
            columns: [singular(w.itemNoun), w.sizeName, "cluster"] + (grouping == nil ? [] : [groupTitle]) + ["links", "total association strength"],
            rows: (0..<k).map { i in
                var row: [ReportCell] = [.text(tooltip(items[i])), .integer(sizes[i]), .text("\(clusterOf[i] + 1)")]
                if grouping != nil { row.append(groupValues?[i].map { .text($0) } ?? .missing) }
                row.append(.integer(network.neighbors(of: Int32(i)).count))
                row.append(.number(network.weights(of: Int32(i)).reduce(0, +), digits: 2))
                return row
            },
            displayLimit: 0)))

        blocks += comparisonBlocks(wording: w, groupValues: groupValues, groupTitle: groupTitle, clusterNames: clusterNames, seed: seed)
        return blocks
    }

    /// The map's `metrics.json` block.
    func metrics(ids: [String], terms: [[ClusterTerm]], venues: [[ClusterTerm]], categories: [[ClusterTerm]] = []) -> MapMetrics {
        let names = clusterNames(terms: terms, categories: categories, venues: venues)
        return MapMetrics(works: items.count, pairs: network.edgeCount, modularity: detection.modularity,
                          clusters: clusters.enumerated().map { c, members in
                              MapMetrics.Cluster(size: members.count, works: members.map { ids[items[$0]] },
                                                 terms: c < terms.count ? terms[c] : [], venues: c < venues.count ? venues[c] : [],
                                                 name: names[c], categories: c < categories.count ? categories[c] : [])
                          })
    }

    static func termList(_ terms: [ClusterTerm]) -> String {
        terms.isEmpty ? "–" : terms.map { "\($0.term) (\(ReportCell.number($0.llr, digits: 1).display))" }.joined(separator: "; ")
    }

    func singular(_ noun: String) -> String {
        noun.hasSuffix("s") ? String(noun.dropLast()) : noun
    }
}

extension SimilarityMap {
    /// The network behind the map figure, for Gephi and VOSviewer: every item, one link per
    /// pair counted at least once (weight: the raw count — VOSviewer normalises by
    /// association strength itself), the item's size measure, its Leiden cluster and the
    /// figure's colour group. O(k²).
    func exportNetwork(labels: [String], dois: [String?], colours: Partition, colourTitle: String,
                       sizeName: String, title: String) -> ExportNetwork {
        let k = items.count
        var builder = GraphBuilder()
        for i in 0..<k { _ = builder.addNode("item\(i + 1)") }
        for i in 0..<k {
            for j in (i + 1)..<max(i + 1, k) where counts[i][j] > 0 {
                _ = builder.addArc(from: Int32(i), to: Int32(j), weight: Double(counts[i][j]))
            }
        }
        let graph = builder.build().graph
        var attributes = [
            ExportAttribute(name: sizeName, values: sizes.map { String($0) }, kind: .integer),
            ExportAttribute(name: "cluster", values: clusterOf.map { String($0 + 1) }, kind: .text, isPartition: true),
            ExportAttribute(name: "doi", values: dois, kind: .text),
        ]
        if colourTitle != "cluster" {
            attributes.insert(ExportAttribute(name: colourTitle, values: (0..<k).map { colours.groupNames[Int(colours.groupOf[$0])] },
                                              kind: .text, isPartition: true), at: 1)
        }
        var network = ExportNetwork(graph: graph, labels: labels, attributes: attributes, title: title)
        network.colorAttribute = colourTitle != "cluster" ? colourTitle : "cluster"
        network.colors = (0..<k).map { Palette.style(group: Int(colours.groupOf[$0]), isMissing: colours.groupOf[$0] == colours.missingGroup).fill }
        return network
    }
}
