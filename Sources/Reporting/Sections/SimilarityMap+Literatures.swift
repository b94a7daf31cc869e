import NetworkAlgorithms
import NetworkCore

/// The literatures a map's clusters draw: each cluster's name, and the comparison of the
/// clusters with the literatures the works of the map belong to.
extension SimilarityMap {
    /// The name of every cluster, in ``clusters`` order (see ``clusterName(_:terms:categories:venues:)``).
    func clusterNames(terms: [[ClusterTerm]], categories: [[ClusterTerm]], venues: [[ClusterTerm]]) -> [String] {
        clusters.indices.map { c in
            Self.clusterName(c + 1, terms: c < terms.count ? terms[c] : [],
                             categories: c < categories.count ? categories[c] : [], venues: c < venues.count ? venues[c] : [])
        }
    }

    /// "Cluster 2: mark, recapture (Statistics & Probability; BIOMETRIKA)": the number, the
    /// two best title terms, then the best category and the best venue, each where one
    /// passes the label threshold (the lists come ranked by G², best first). Pure.
    static func clusterName(_ number: Int, terms: [ClusterTerm], categories: [ClusterTerm], venues: [ClusterTerm]) -> String {
        let words = terms.prefix(2).map(\.term).joined(separator: ", ")
        let apart = [categories.first?.term, venues.first?.term].compactMap { $0 }.joined(separator: "; ")
        switch (words.isEmpty, apart.isEmpty) {
        case (true, true): return "Cluster \(number)"
        case (false, true): return "Cluster \(number): \(words)"
        case (true, false): return "Cluster \(number): \(apart)"
        case (false, false): return "Cluster \(number): \(words) (\(apart))"
        }
    }

    /// The clusters against the works' literatures (`groupValues`, nil for a work without
    /// one; nil altogether when the dataset names no grouping): how many works of each
    /// cluster have a literature, each cluster's largest literature in plain words, and the
    /// contingency table with NMI and the adjusted Rand index (``CommunityComparison``) over
    /// the works with a literature and at least one link. Works without a literature are
    /// counted, not dropped silently. O(k² + k · g).
    func comparisonBlocks(wording w: Wording, groupValues: [String?]?, groupTitle: String,
                          clusterNames: [String], seed: UInt64) -> [ReportBlock] {
        let k = items.count
        guard let groupValues else {
            return [.paragraph("The \(w.itemNoun) name no literature (the dataset has no grouping), so the named clusters above are the only literatures this map shows; "
                + "an import with `--literatures LEVEL` places the works in categories the clusters can be compared with.")]
        }
        let linked = (0..<k).map { !network.neighbors(of: Int32($0)).isEmpty }
        let placed = (0..<k).filter { groupValues[$0] != nil }
        var blocks: [ReportBlock] = []
        var rows: [[ReportCell]] = []
        var readings: [String] = []
        for (c, members) in clusters.enumerated() {
            let withGroup = members.filter { groupValues[$0] != nil }
            var count: [String: Int] = [:]
            for i in withGroup { if let g = groupValues[i] { count[g, default: 0] += 1 } }
            let top = count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
            rows.append([.text(clusterNames[c]), .integer(members.count), .integer(withGroup.count),
                         .integer(members.count - withGroup.count), .integer(members.filter { !linked[$0] }.count),
                         top.map { .text("\($0.key) (\($0.value) of \(withGroup.count))") } ?? .missing])
            if let top {
                let share = Double(top.value) / Double(withGroup.count)
                readings.append("\(clusterNames[c]): \("\(Int((share * 100).rounded()))%") \(top.key) (\(top.value) of \(withGroup.count) with a literature)")
            }
        }
        let missing = k - placed.count
        blocks.append(.paragraph(
            "Literatures of the map's \(w.itemNoun): \(placed.count) of the \(k) have one ('\(groupTitle)'), \(missing) have none (\(Partition.missingLabel)); "
            + "those are counted below and left out of the comparison rather than treated as a literature of their own. "
            + (readings.isEmpty ? "" : "Largest literature of each cluster: " + readings.joined(separator: "; ") + ".")))
        blocks.append(.table(ReportTable(
            name: "\(w.prefix)-clusters-literatures", title: "\(w.title): clusters and the literatures of their \(w.itemNoun)",
            caption: "Each cluster's \(w.itemNoun), how many have a literature of '\(groupTitle)' and how many have none, how many have no link in the map (left out of the comparison as well), and the cluster's largest literature.",
            columns: ["cluster", w.itemNoun, "with a literature", "without a literature", "without a link", "largest literature"],
            rows: rows)))
        let compared = (0..<k).filter { groupValues[$0] != nil && linked[$0] }
        guard compared.count >= 2 else {
            blocks.append(.paragraph("Fewer than two \(w.itemNoun) of the map have both a literature and a link, so the clusters cannot be compared with the literatures."))
            return blocks
        }
        let restricted = Partition(values: groupValues)
        let comparison = CommunityComparison(
            algorithm: "Leiden (association strength)", runs: 1, seed: seed, detected: detection, grouping: restricted,
            compared: compared, groupModularity: network.modularity(of: restricted.groupOf))
        // Rows of the comparison are detected communities; name them as the map's clusters.
        var nameOfCommunity: [Int: String] = [:]
        for i in 0..<k { nameOfCommunity[Int(detection.partition.groupOf[i])] = clusterNames[clusterOf[i]] }
        blocks += comparison.blocks(
            prefix: "\(w.prefix)-clusters", groupTitle: groupTitle, subject: "\(w.itemNoun) of the map with a literature and a link",
            largely: "the clusters of the map largely reproduce the literatures of '\(groupTitle)'.",
            partly: "the clusters of the map reproduce the literatures of '\(groupTitle)' only in part.",
            not: "the clusters of the map cut across the literatures of '\(groupTitle)'.",
            rowName: { nameOfCommunity[$0] })
        return blocks
    }
}
