import Foundation
import NetworkCore
import TestSupport
import Testing
@testable import GraphvizRendering

/// Writes preview PNGs under /tmp/siloscope-figures for a human to look at, and times
/// the renders. Enabled with SILOSCOPE_FIGURE_PREVIEW=1 (writes outside the package).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SILOSCOPE_FIGURE_PREVIEW"] != nil, "set SILOSCOPE_FIGURE_PREVIEW=1 to write preview PNGs"))
struct FigurePreviewTests {
    static let dir = "/tmp/siloscope-figures"

    func write(_ bytes: [UInt8], _ name: String) throws {
        #expect(!bytes.isEmpty, "\(name) rendered to nothing")
        try FileManager.default.createDirectory(atPath: Self.dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: Self.dir + "/" + name))
    }

    func timed<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let r = try body()
        print("[preview] \(what): \(ContinuousClock.now - start)")
        return r
    }

    @Test func network60() throws {
        let net = RandomPartitionedNetwork(nodes: 60, groups: 4, arcsPerNode: 2, homophily: 0.8, seed: 7)
        var opts = PartitionNetworkFigure.Options()
        opts.groupTitle = "Literature"
        let fig = try PartitionNetworkFigure(nodeCount: net.nodeCount, edges: net.arcs, directed: true, partition: net.partition,
                                             labels: net.labels, tooltips: net.tooltips, dois: net.dois, scores: net.scores, options: opts)
        try write(timed("60 png") { try fig.render(format: .png) }, "network60.png")
        try write(try fig.render(format: .svg), "network60.svg")
        print(fig.caption)
    }

    @Test func network3000() throws {
        let net = RandomPartitionedNetwork(nodes: 3000, groups: 5, arcsPerNode: 3, homophily: 0.75, seed: 11)
        var opts = PartitionNetworkFigure.Options()
        opts.groupTitle = "Literature"
        let fig = try PartitionNetworkFigure(nodeCount: net.nodeCount, edges: net.arcs, directed: true, partition: net.partition,
                                             labels: net.labels, tooltips: net.tooltips, dois: net.dois, scores: net.scores, options: opts)
        try write(timed("3000→150 png") { try fig.render(format: .png) }, "network3000.png")
        print(fig.caption)
    }

    @Test func quotient4() throws {
        var opts = QuotientFigure.Options()
        opts.groupTitle = "Literature"
        opts.flowNoun = "citations"
        let fig = try QuotientFigure(groupNames: ["Public Administration & Management", "Sociology", "HSR/QI", Partition.missingLabel],
                                     flows: [[40, 6, 2, 1], [9, 25, 0, 2], [1, 3, 60, 4], [2, 0, 5, 3]], groupSizes: [30, 18, 45, 7],
                                     missingGroup: 3, options: opts)
        try write(timed("quotient png") { try fig.render(format: .png) }, "quotient4.png")
        print(fig.caption)
    }

    @Test(arguments: [200, 1000])
    func sfdpTiming(nodes: Int) throws {
        let net = RandomPartitionedNetwork(nodes: nodes, groups: 5, arcsPerNode: 3, homophily: 0.75, seed: 3)
        var opts = PartitionNetworkFigure.Options()
        opts.maxNodes = nodes
        let fig = try PartitionNetworkFigure(nodeCount: net.nodeCount, edges: net.arcs, directed: true, partition: net.partition,
                                             labels: net.labels, scores: net.scores, options: opts)
        let png = try timed("sfdp \(nodes) nodes png") { try fig.render(format: .png) }
        try write(png, "timing\(nodes).png")
    }
}

extension FigurePreviewTests {
    /// Cora (2708 papers, 7 classes), reduced to the top 150 by in-degree.
    @Test(.enabled(if: SharedData.path("networks/cora/cora.cites") != nil, "needs ../shared/data"))
    func cora() throws {
        let cites = try String(contentsOfFile: SharedData.path("networks/cora/cora.cites") ?? "", encoding: .utf8)
        let labelsText = try String(contentsOfFile: SharedData.path("networks/cora/cora-labels-by-paper-id.tsv") ?? "", encoding: .utf8)
        var builder = GraphBuilder()
        for line in cites.split(separator: "\n") {
            let f = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard f.count == 2 else { continue }
            _ = builder.addArc(from: String(f[1]), to: String(f[0]))
        }
        let graph = builder.build().graph
        var classOf: [String: String] = [:]
        for line in labelsText.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            if f.count == 2 { classOf[String(f[0])] = String(f[1]).replacingOccurrences(of: "_", with: " ") }
        }
        let partition = Partition(values: graph.ids.map { classOf[$0] })
        let indeg = (0..<Int32(graph.nodeCount)).map { Double(graph.inDegree($0)) }
        var opts = PartitionNetworkFigure.Options()
        opts.groupTitle = "Cora class"
        opts.scoreName = "in-degree"
        opts.nodeNoun = "papers"
        let fig = try PartitionNetworkFigure(graph: graph, partition: partition, labels: graph.ids.map { "paper \($0)" },
                                             scores: indeg, options: opts)
        try write(timed("cora png") { try fig.render(format: .png) }, "cora.png")
        print(fig.caption)
    }
}

extension FigurePreviewTests {
    /// 12 groups (colours repeat with shapes), undirected, 80 nodes.
    @Test func manyGroupsUndirected() throws {
        let net = RandomPartitionedNetwork(nodes: 80, groups: 12, arcsPerNode: 2, homophily: 0.6, seed: 5)
        var opts = PartitionNetworkFigure.Options()
        opts.groupTitle = "Community"
        opts.nodeNoun = "articles"
        let fig = try PartitionNetworkFigure(nodeCount: net.nodeCount, edges: net.arcs, directed: false, partition: net.partition,
                                             labels: net.labels, scores: net.scores, options: opts)
        try write(try fig.render(format: .png), "many-groups.png")
        try write(try fig.render(format: .pdf), "many-groups.pdf")
        try write(Array(fig.dotGraph.text.utf8), "many-groups.dot")
        print(fig.caption)
    }
}

extension FigurePreviewTests {
    /// Cora's 7-class quotient (citations between classes).
    @Test(.enabled(if: SharedData.path("networks/cora/cora.cites") != nil, "needs ../shared/data"))
    func coraQuotient() throws {
        let cites = try String(contentsOfFile: SharedData.path("networks/cora/cora.cites") ?? "", encoding: .utf8)
        let labelsText = try String(contentsOfFile: SharedData.path("networks/cora/cora-labels-by-paper-id.tsv") ?? "", encoding: .utf8)
        var builder = GraphBuilder()
        for line in cites.split(separator: "\n") {
            let f = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard f.count == 2 else { continue }
            _ = builder.addArc(from: String(f[1]), to: String(f[0]))
        }
        let graph = builder.build().graph
        var classOf: [String: String] = [:]
        for line in labelsText.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            if f.count == 2 { classOf[String(f[0])] = String(f[1]).replacingOccurrences(of: "_", with: " ") }
        }
        let partition = Partition(values: graph.ids.map { classOf[$0] })
        var opts = QuotientFigure.Options()
        opts.groupTitle = "Cora class"
        opts.flowNoun = "citations"
        opts.minimumFlow = 10
        let fig = try QuotientFigure(quotient: graph.quotient(by: partition), missingGroup: partition.missingGroup, options: opts)
        try write(try fig.render(format: .png), "cora-quotient.png")
        try write(Array(fig.dotGraph.text.utf8), "cora-quotient.dot")
        print(fig.caption)
    }
}
