import Bibliometrics
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Works and concepts": the bipartite work–concept network and the co-occurrence
    /// of concepts (two concepts linked when a work names both).
    func conceptMapSection() throws -> ReportSection {
        let built = dataset.conceptGraph()
        let graph = built.graph
        let n = workCount, k = dataset.conceptIDs.count
        let conceptGroup = "concept or model"
        var blocks: [ReportBlock] = []

        // Bipartite figure: works coloured by group, concepts in one colour of their own.
        let values: [String?] = (0..<graph.nodeCount).map { v in v < n ? groupName(v) : conceptGroup }
        let bipartite = Partition.bySize(values)
        let labelsAll: [String] = (0..<graph.nodeCount).map { v in v < n ? labelWithYear(v) : conceptLabel(graph.ids[v]) }
        var degree = [Double](repeating: 0, count: graph.nodeCount)
        for v in 0..<graph.nodeCount { degree[v] = Double(graph.inDegree(Int32(v)) + graph.outDegree(Int32(v))) }
        var options = PartitionNetworkFigure.Options()
        options.maxNodes = parameters.maxFigureNodes
        options.dropIsolated = true
        options.scoreName = "degree"
        options.nodeNoun = "works and concepts"
        options.groupTitle = "\(groupTitle) of works; concepts and models"
        let figure = try PartitionNetworkFigure(
            graph: graph, partition: bipartite, labels: labelsAll, dois: (0..<graph.nodeCount).map { $0 < n ? dois[$0] : nil },
            scores: degree, options: options)
        blocks.append(.figure(try .rendered(
            name: "work-concept-network", title: "Works and the concepts they name",
            caption: "Each work is joined to the concepts or models it names (arrow: work → concept). " + figure.caption,
            dot: figure.dotGraph, engine: figure.engine)))

        // Concept co-occurrence.
        var conceptsOf = [[Int]](repeating: [], count: n)
        for a in 0..<graph.arcCount {
            let u = Int(graph.tail(ofArc: a)), v = Int(graph.outTargets[a])
            if u < n && v >= n { conceptsOf[u].append(v - n) }
        }
        var pairCount: [Int: Int] = [:]
        var pairWorks: [Int: [Int]] = [:]
        for w in 0..<n {
            let cs = Array(Set(conceptsOf[w])).sorted()
            for i in 0..<cs.count { for j in (i + 1)..<cs.count {
                let key = cs[i] * k + cs[j]
                pairCount[key, default: 0] += 1
                pairWorks[key, default: []].append(w)
            } }
        }
        let pairs = pairCount.keys.sorted { (pairCount[$0] ?? 0, -$0) > (pairCount[$1] ?? 0, -$1) }
        blocks.append(.paragraph(
            "\(pairs.count) pairs of concepts or models are named together by at least one work. "
            + "Two concepts co-occur when one work names both; the count is the number of such works."))
        if !pairs.isEmpty {
            var builder = GraphBuilder(duplicates: .keep, selfLoops: .keep)
            for id in dataset.conceptIDs { builder.addNode(id) }
            for key in pairs { builder.addArc(from: Int32(key / k), to: Int32(key % k), weight: Double(pairCount[key] ?? 0)) }
            let coGraph = builder.build().graph.undirectedSimple()
            let homes = Partition.bySize(dataset.conceptIDs.map(conceptHome))
            var strength = [Double](repeating: 0, count: k)
            for key in pairs { strength[key / k] += Double(pairCount[key] ?? 0); strength[key % k] += Double(pairCount[key] ?? 0) }
            var coOptions = PartitionNetworkFigure.Options()
            coOptions.maxNodes = parameters.maxFigureNodes
            coOptions.dropIsolated = true
            coOptions.scoreName = "co-occurrences"
            coOptions.nodeNoun = "concepts"
            coOptions.groupTitle = "home literature (\(Partition.missingLabel): not stated in a seed)"
            let coFigure = try PartitionNetworkFigure(
                undirected: coGraph, partition: homes, labels: dataset.conceptIDs.map(conceptLabel),
                scores: strength, options: coOptions)
            blocks.append(.figure(try .rendered(
                name: "concept-co-occurrence", title: "Concepts and models named together",
                caption: "Two concepts are linked when a work names both; colour: the concept's home literature where a seed states it. " + coFigure.caption,
                dot: coFigure.dotGraph, engine: coFigure.engine)))
        }
        blocks.append(.table(ReportTable(
            name: "concept-co-occurrence", title: "Concepts most often named together",
            caption: "Pairs of concepts or models and the works that name both.",
            columns: ["concept", "concept", "works", "named by"],
            rows: pairs.map { key in
                let ws = (pairWorks[key] ?? []).map(labelWithYear)
                return [.text(conceptLabel(dataset.conceptIDs[key / k])), .text(conceptLabel(dataset.conceptIDs[key % k])),
                        .integer(pairCount[key] ?? 0), .text(ws.joined(separator: "; "))]
            },
            displayLimit: parameters.topRows)))
        return ReportSection(title: "Works and concepts", blocks: blocks)
    }
}
