import Bibliometrics
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// Further silo analyses of a citation layer (issue 6): brokerage roles against a
    /// label-permutation null, Rao–Stirling diversity of each citing work's references,
    /// the silo statistics per year with their trajectory, the first year each pair of
    /// groups is linked, and — when the dataset also has a concept layer — missed bridges.
    func citationSiloBlocks(graph: Graph) throws -> [ReportBlock] {
        let g = groupTitle
        var blocks: [ReportBlock] = []

        // Brokerage (Gould & Fernandez 1989) against label shuffles. When the headline leaves
        // out the works without a group, so does this (the same condition and policy): only
        // two-paths of three works with a group are classified, and the shuffles deal labels
        // only among those works.
        let brokerageLeftOut = worksLeftOutOfKnownGroups()
        let brokerage = graph.brokerageNull(by: partition, samples: parameters.nullSamples, seed: parameters.seed,
                                            missing: brokerageLeftOut == nil ? .include : .exclude)
        let brokerageNote = brokerageLeftOut.map { " Two-paths through any of the \($0) works without a \(g) are left out, and the shuffles deal labels only among the works with one, as in the headline (\"In short\")." } ?? ""
        let roles = BrokerageRole.allCases
        if brokerage.openTwoPaths > 0 {
            blocks.append(.table(ReportTable(
                name: "brokerage-by-group", title: "Brokerage roles by group",
                caption: "Gould & Fernandez roles of the middle work b on each open two-path a → b → c (a cites b, b cites c, a does not cite c): observed count, and in brackets the mean under \(brokerage.samples) label shuffles (seed \(brokerage.seed)). \(brokerage.openTwoPaths) open two-paths in all." + brokerageNote,
                columns: [g] + roles.map(\.rawValue),
                rows: brokerage.groupNames.indices.map { k in
                    [.text(brokerage.groupNames[k])] + roles.indices.map { r in
                        .text("\(brokerage.observed[k][r]) (\(ReportCell.number(brokerage.expected[k][r], digits: 1).display))")
                    }
                })))
        }

        // Rao–Stirling diversity of each citing work's references. The table shows, beside
        // each work's references (its out-degree), the references the diversity counted (the
        // total its shares p_g are of); the caption says which are left out, with the counts.
        let grouping = diversityGrouping()
        let diversity = try graph.raoStirlingDiversity(by: grouping.partition, distance: grouping.distance, missing: grouping.missing)
        let countedInAll = diversity.countedReferences.reduce(0, +)
        let leftOut: String
        if grouping.missing == .exclude, let m = grouping.partition.missingGroup {
            let groupOf = grouping.partition.groupOf
            var toLeftOut = 0, byLeftOut = 0
            for u in 0..<graph.nodeCount {
                let range = graph.outOffsets[u]..<graph.outOffsets[u + 1]
                if groupOf[u] == m { byLeftOut += range.count; continue }
                for a in range where groupOf[Int(graph.outTargets[a])] == m { toLeftOut += 1 }
            }
            let works = groupOf.filter { $0 == m }.count
            let counted = "; \(countedInAll) \(countedInAll == 1 ? "reference is" : "references are") counted."
            if grouping.distance == .citationProfiles {
                // Left out because the headline leaves them out (diversityGrouping()).
                leftOut = "Left out, as in the headline (\"In short\"): the \(works) works without a \(g), the \(toLeftOut) references to them and the \(byLeftOut) they make, of \(graph.arcCount) references in all" + counted
            } else {
                leftOut = "Left out: \(works) works, \(toLeftOut) references to them and the \(byLeftOut) they make, of \(graph.arcCount) references in all" + counted
            }
        } else {
            leftOut = countedInAll == graph.arcCount
                ? "All \(graph.arcCount) references are counted, so the two columns agree."
                : "\(countedInAll) of \(graph.arcCount) references are counted."
        }
        let citing = (0..<workCount).filter { diversity.byNode[$0] != nil }
            .sorted { (diversity.byNode[$0] ?? 0, -$0) > (diversity.byNode[$1] ?? 0, -$1) }
        if !citing.isEmpty {
            blocks.append(.table(ReportTable(
                name: "reference-diversity", title: "How diverse each work's references are",
                caption: ["Rao–Stirling diversity of the groups a work cites, Σ p_g p_h d_gh over pairs of different groups, where \(grouping.distanceWords) and p_g is the share of the work's counted references that go to group g (0 = every counted reference in one group).",
                          grouping.countedWords, "The references column counts all of a work's references in this dataset.", leftOut]
                    .filter { !$0.isEmpty }.joined(separator: " "),
                columns: ["citing work", g, "references", "counted references", "Rao–Stirling diversity"],
                rows: citing.map { w in
                    [.text(labelWithYear(w)), .text(groupName(w)), .integer(graph.outDegree(Int32(w))),
                     .integer(diversity.countedReferences[w]), cell(diversity.byNode[w], 3)]
                },
                displayLimit: parameters.topRows)))
        }

        // Over time: per citing year, and when each pair of groups was first linked. When the
        // headline leaves out the works without a group, so do these (the same condition and
        // the same policy), and the captions say so.
        let intYears = years.map { $0.flatMap { Int($0) } }
        if intYears.contains(where: { $0 != nil }) {
            let leftOutWorks = worksLeftOutOfKnownGroups()
            let missing: MissingGroupPolicy = leftOutWorks == nil ? .include : .exclude
            let leftOutNote = leftOutWorks.map { " Citations to or from the \($0) works without a \(g) are left out, as in the headline (\"In short\")." } ?? ""
            let trajectory = try graph.siloTrajectory(by: partition, years: intYears, windows: .years, missing: missing)
            let withArcs = trajectory.filter { $0.arcs > 0 }
            blocks.append(.table(ReportTable(
                name: "silo-trajectory", title: "Silo statistics by year of the citing work",
                caption: "Each year's citations (arcs whose citing work appeared that year): their number, edge homophily and E-I index on the undirected simple view." + leftOutNote,
                columns: ["year", "citations", "edge homophily", "E-I index"],
                rows: withArcs.map { w in
                    [.integer(w.start), .integer(w.arcs), cell(w.edgeHomophily, 3), cell(w.eiIndex, 3)]
                })))
            if withArcs.count >= 2 {
                var options = TrajectoryFigure.Options()
                options.yTitle = "E-I index"
                options.xTitle = "Year of the citing work"
                options.yRange = -1...1
                options.referenceLine = 0
                options.referenceName = "as many links across as within"
                // Each year's E-I index rests on that year's linked pairs (E + I), so the
                // points are sized by them and the sparse years drawn hollow.
                options.weightNoun = "linked pair"
                options.weightNounPlural = "linked pairs"
                let figure = try TrajectoryFigure(
                    x: withArcs.map { Double($0.start) },
                    series: [TrajectoryFigure.Series(name: "E-I index", values: withArcs.map(\.eiIndex), lower: nil, upper: nil,
                                                     weights: withArcs.map(\.edges))],
                    options: options)
                let pairs = " A linked pair is two works joined by that year's citations, counted once however many citations join them (as the E-I index counts them; the table counts citations)."
                blocks.append(.figure(try .rendered(
                    name: "silo-trajectory", title: "E-I index of the citations by year",
                    caption: figure.caption + pairs + leftOutNote, dot: figure.dotGraph, engine: figure.engine)))
            }
            let first = graph.firstLinkYears(by: partition, years: intYears, missing: missing)
            // The rows and columns of `first`: the partition's groups, without the missing one
            // when it is left out.
            let names = partition.groupNames.enumerated()
                .filter { missing == .include || Int32($0.offset) != partition.missingGroup }.map(\.element)
            var firstLinks = ReportTable(
                name: "first-link-years", title: "When each group first cited each other group",
                caption: "The earliest year a work of the row group cites a work of the column group in this dataset (dash: never)." + leftOutNote,
                columns: ["citing \\ cited"] + names,
                rows: names.indices.map { a in
                    [.text(names[a])] + names.indices.map { b in
                        a < first.count && b < first[a].count ? (first[a][b].map { .integer($0) } ?? .missing) : .missing
                    }
                },
                displayLimit: names.count > ReportTable.maximumGroupColumns ? ReportTable.maximumGroupColumns : nil)
            firstLinks.limitGroupColumns(leading: 1)
            blocks.append(.table(firstLinks))
        }

        // Missed bridges: works of different groups naming a shared concept, with no
        // citation between them within two steps.
        if hasConceptLayer {
            var conceptIndex: [String: Int32] = [:]
            for (k, id) in dataset.conceptIDs.enumerated() { conceptIndex[id] = Int32(k) }
            var uses: [(work: Int32, concept: Int32)] = []
            for layer in dataset.layers where layer.kind == .concept {
                for arc in layer.arcs {
                    if let w = graph.index(of: arc.from), let c = conceptIndex[arc.to] { uses.append((w, c)) }
                }
            }
            let missed = try MissedBridges.find(citations: graph, uses: uses, partition: partition, limit: 50)
            blocks.append(.table(ReportTable(
                name: "missed-bridges", title: "Missed bridges",
                caption: "Pairs of works in different groups that name a shared concept but are not linked by a citation within two steps, most shared concepts first.",
                columns: ["work", "work", "shared concepts"],
                rows: missed.map { m in
                    [.text(labelWithYear(Int(m.first)) + " [\(groupName(Int(m.first)))]"),
                     .text(labelWithYear(Int(m.second)) + " [\(groupName(Int(m.second)))]"),
                     .text(m.sharedConcepts.map { conceptLabel(dataset.conceptIDs[Int($0)]) }.joined(separator: "; "))]
                },
                displayLimit: parameters.topRows)))
        }
        return blocks
    }
}
