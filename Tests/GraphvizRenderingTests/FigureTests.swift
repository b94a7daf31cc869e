import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import GraphvizRendering

/// Six nodes: groups A = {0, 1, 5}, B = {2, 3}, missing = {4}.
/// Arcs: 0→1 (twice, within A), 1→2 (A→B), 2→3 (within B), 3→3 (loop), 4→0 (missing→A).
/// Node 5 has no arcs.
struct SmallNetwork {
    static let partition = Partition(values: ["A", "A", "B", "B", nil, "A"])
    static let edges: [(Int32, Int32)] = [(0, 1), (1, 2), (0, 1), (2, 3), (3, 3), (4, 0)]
    static let labels = ["Ostrom 1996", "Bovaird 2007", "Batalden 2016", "Needham 2008", "Unknown", "Loner"]

    static func figure(directed: Bool = true, dois: [String?]? = nil, scores: [Double]? = nil,
                       _ configure: (inout PartitionNetworkFigure.Options) -> Void = { _ in }) throws -> PartitionNetworkFigure {
        var options = PartitionNetworkFigure.Options()
        options.groupTitle = "Literature"
        configure(&options)
        return try PartitionNetworkFigure(nodeCount: 6, edges: edges, directed: directed, partition: partition, labels: labels,
                                          dois: dois, scores: scores, options: options)
    }
}

@Suite struct PartitionNetworkFigureTests {
    @Test func drawsEveryNodeAndEachDistinctArcOnceWithoutLoops() throws {
        let fig = try SmallNetwork.figure()
        #expect(fig.shownNodes == [0, 1, 2, 3, 4, 5])
        #expect(fig.dotGraph.nodes.map(\.id) == ["n0", "n1", "n2", "n3", "n4", "n5"])
        // Within-group arcs first (0→1, 2→3), then between-group arcs (1→2, 4→0).
        #expect(fig.dotGraph.edges.map { "\($0.from)>\($0.to)" } == ["n0>n1", "n2>n3", "n1>n2", "n4>n0"])
        #expect(fig.dotGraph.edges.map { $0.attributes["color"] } == [nil, nil, .text("#222222"), .text("#222222")])
        #expect(fig.caption.contains("2 of 4 drawn arcs (50%) link different groups"))
    }

    @Test func coloursFollowThePaletteAndMissingIsGrey() throws {
        let fig = try SmallNetwork.figure()
        let fills = fig.dotGraph.nodes.map { $0.attributes["fillcolor"] }
        #expect(fills == [.text("#E69F00"), .text("#E69F00"), .text("#56B4E9"), .text("#56B4E9"), .text("#BBBBBB"), .text("#E69F00")])
    }

    @Test func legendInsideTheImageNamesEveryGroup() throws {
        let text = try SmallNetwork.figure().dotGraph.text
        #expect(text.contains("labelloc=\"b\""))
        #expect(text.contains("<B>Literature</B>"))
        #expect(text.contains("BGCOLOR=\"#E69F00\"") && text.contains(">A (n = 3)</TD>"))
        #expect(text.contains("BGCOLOR=\"#56B4E9\"") && text.contains(">B (n = 2)</TD>"))
        #expect(text.contains("BGCOLOR=\"#BBBBBB\"") && text.contains(">(missing) (n = 1)</TD>"))
    }

    @Test func reducesToTopKByScoreAndSaysSo() throws {
        let fig = try SmallNetwork.figure(scores: [0.30, 0.25, 0.20, 0.15, 0.05, 0.05]) { $0.maxNodes = 3 }
        #expect(fig.shownNodes == [0, 1, 2])
        #expect(fig.dotGraph.edges.map { "\($0.from)>\($0.to)" } == ["n0>n1", "n1>n2"])
        #expect(fig.caption.contains("Showing the 3 works with the highest PageRank of 6 (2 of 4 arcs among them)."))
        #expect(fig.dotGraph.text.contains("Top 3 of 6 works by PageRank."))
    }

    @Test func reductionTiesGoToLowerIndexAndDegreeWithoutScores() throws {
        let tied = try SmallNetwork.figure(scores: [1, 1, 1, 1, 1, 1]) { $0.maxNodes = 2 }
        #expect(tied.shownNodes == [0, 1])
        // Degrees in the simple view: 0:2, 1:2, 2:2, 3:1, 4:1, 5:0.
        let byDegree = try SmallNetwork.figure { $0.maxNodes = 3 }
        #expect(byDegree.shownNodes == [0, 1, 2])
        #expect(byDegree.caption.contains("with the highest degree of 6"))
    }

    @Test func dropsIsolatedNodesAndSaysSo() throws {
        let fig = try SmallNetwork.figure { $0.dropIsolated = true }
        #expect(fig.shownNodes == [0, 1, 2, 3, 4])
        #expect(fig.caption.contains("1 works without arcs among those drawn are left out."))
    }

    @Test func undirectedDrawsEachEdgeOnce() throws {
        // 0→1 and 1→0 are one edge in an undirected figure.
        let fig = try PartitionNetworkFigure(nodeCount: 2, edges: [(0, 1), (1, 0)], directed: false,
                                             partition: Partition(values: ["A", "B"]), labels: ["x", "y"])
        #expect(fig.dotGraph.edges.count == 1)
        #expect(fig.dotGraph.text.hasPrefix("graph "))
        #expect(fig.dotGraph.text.contains("\"n0\" -- \"n1\""))
    }

    @Test func buildsFromGraphAndUndirectedView() throws {
        var b = GraphBuilder()
        _ = b.addArc(from: "a", to: "b"); _ = b.addArc(from: "b", to: "a"); _ = b.addArc(from: "b", to: "c")
        let graph = b.build().graph
        let p = Partition(values: ["X", "X", "Y"])
        let directed = try PartitionNetworkFigure(graph: graph, partition: p, labels: graph.ids)
        #expect(directed.dotGraph.edges.count == 3)
        let undirected = try PartitionNetworkFigure(undirected: graph.undirectedSimple(), partition: p, labels: graph.ids)
        #expect(undirected.dotGraph.edges.count == 2)
        #expect(!undirected.dotGraph.directed)
    }

    @Test func onlyValidatedDOIsBecomeLinks() throws {
        let fig = try SmallNetwork.figure(dois: [#"10.1000/a"b"#, "javascript:alert(1)", nil, "https://doi.org/10.5555/ok", "", nil])
        let urls = fig.dotGraph.nodes.map { $0.attributes["URL"] }
        #expect(urls == [.text("https://doi.org/10.1000/a%22b"), nil, nil, .text("https://doi.org/10.5555/ok"), nil, nil])
        let svg = String(decoding: try fig.render(format: .svg), as: UTF8.self)
        #expect(svg.contains("xlink:href=\"https://doi.org/10.1000/a%22b\""))
        #expect(!svg.contains("javascript:"))
        #expect(!svg.contains("a\"b"))
    }

    @Test func tooltipsCarryFullLabels() throws {
        let fig = try PartitionNetworkFigure(nodeCount: 1, edges: [], directed: true, partition: Partition(values: ["A"]),
                                             labels: ["Short"], tooltips: ["Short, A. (2001). A long title & more"])
        let svg = String(decoding: try fig.render(format: .svg), as: UTF8.self)
        #expect(svg.contains("xlink:title=\"Short, A. (2001). A long title &amp; more — A\""))
    }

    @Test func hostileGroupNamesAndLabelsRenderSafely() throws {
        let p = Partition(values: ["</TD></TABLE><B>", #"\N"q"\"#])
        let fig = try PartitionNetworkFigure(nodeCount: 2, edges: [(0, 1)], directed: true, partition: p,
                                             labels: [#"x\" ] ; evil [label="#, "<script>&amp;"])
        let svg = String(decoding: try fig.render(format: .svg), as: UTF8.self)
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;/TD&gt;&lt;/TABLE&gt;&lt;B&gt; (n = 1)"))
        #expect(svg.contains("&lt;script&gt;&amp;amp;"))
    }

    @Test func moreGroupsThanColoursUseShapesAndSaySo() throws {
        let names = (0..<10).map { "G\($0)" }
        let fig = try PartitionNetworkFigure(nodeCount: 10, edges: [], directed: true, partition: Partition(values: names),
                                             labels: names)
        #expect(fig.caption.contains("colours repeat with a different node shape every 8 groups"))
        #expect(fig.dotGraph.nodes[8].attributes["shape"] == .text("square"))
        #expect(fig.dotGraph.text.contains("G8 (n = 1) — orange square"))
    }

    @Test func emptyInputsStillRender() throws {
        let fig = try PartitionNetworkFigure(nodeCount: 0, edges: [], directed: true, partition: Partition(values: []), labels: [])
        #expect(fig.shownNodes.isEmpty)
        #expect(String(decoding: try fig.render(format: .svg), as: UTF8.self).contains("<svg"))
        let q = try QuotientFigure(groupNames: [], flows: [], groupSizes: [])
        #expect(String(decoding: try q.render(format: .svg), as: UTF8.self).contains("<svg"))
    }

    @Test func rejectsMismatchedInput() {
        let e1 = #expect(throws: GraphvizError.self) {
            try PartitionNetworkFigure(nodeCount: 3, edges: [], directed: true, partition: Partition(values: ["A", "B", "C"]), labels: ["a"])
        }
        #expect(e1?.kind == .invalidInput)
        #expect(e1?.message == "1 labels for 3 nodes")
        let e2 = #expect(throws: GraphvizError.self) {
            try PartitionNetworkFigure(nodeCount: 2, edges: [(0, 2)], directed: true, partition: Partition(values: ["A", "B"]), labels: ["a", "b"])
        }
        #expect(e2?.message == "edge (0, 2) names a node outside 0..<2")
    }

    @Test func dotEngineFallsBackToSfdpForLargeFigures() throws {
        let net = RandomPartitionedNetwork(nodes: 400, groups: 3, arcsPerNode: 2, homophily: 0.7, seed: 1)
        var o = PartitionNetworkFigure.Options()
        o.engine = .dot
        o.maxNodes = 300
        let fig = try PartitionNetworkFigure(nodeCount: net.nodeCount, edges: net.arcs, directed: true, partition: net.partition,
                                             labels: net.labels, scores: net.scores, options: o)
        #expect(fig.engine == .sfdp)
    }

    @Test func rendersWithoutGraphvizWarnings() throws {
        let names = (0..<10).map { "G\($0)" }
        let fig = try PartitionNetworkFigure(nodeCount: 10, edges: [(0, 1), (1, 2)], directed: false,
                                             partition: Partition(values: names + []), labels: names)
        let net = RandomPartitionedNetwork(nodes: 500, groups: 4, arcsPerNode: 3, homophily: 0.8, seed: 9)
        let big = try PartitionNetworkFigure(nodeCount: net.nodeCount, edges: net.arcs, directed: true, partition: net.partition,
                                             labels: net.labels, scores: net.scores)
        let q = try QuotientFigure(groupNames: ["A long literature name here", "B", "(missing)"],
                                   flows: [[3, 1, 0], [2, 5, 1], [0, 1, 0]], groupSizes: [20, 3, 1], missingGroup: 2)
        for f in [try SmallNetwork.figure() as any GraphvizFigure, fig, big, q] {
            let out = try GraphvizRenderer.renderWithDiagnostics(dot: f.dotGraph.text, engine: f.engine, format: .svg)
            #expect(out.diagnostics == [])
        }
    }

    @Test func rendersByteIdenticalSVGPDFPNG() throws {
        let net = RandomPartitionedNetwork(nodes: 300, groups: 5, arcsPerNode: 3, homophily: 0.8, seed: 42)
        func make() throws -> PartitionNetworkFigure {
            try PartitionNetworkFigure(nodeCount: net.nodeCount, edges: net.arcs, directed: true, partition: net.partition,
                                       labels: net.labels, tooltips: net.tooltips, dois: net.dois, scores: net.scores)
        }
        let a = try make(), b = try make()
        #expect(a.dotGraph.text == b.dotGraph.text)
        for format in FigureFormat.allCases {
            let first = try a.render(format: format)
            let second = try b.render(format: format)
            let same = first == second
            if !same {
                try? Data(first).write(to: URL(fileURLWithPath: "/tmp/siloscope-diff-1.\(format)"))
                try? Data(second).write(to: URL(fileURLWithPath: "/tmp/siloscope-diff-2.\(format)"))
            }
            #expect(same, "\(format) differs between runs (written to /tmp/siloscope-diff-*)")
            #expect(first.count > 1000)
        }
    }
}

@Suite struct QuotientFigureTests {
    static let names = ["A", "B", "C"]
    static let flows: [[Double]] = [[5, 2, 0], [1, 3, 4], [0, 0, 0]]
    static let sizes = [10, 5, 1]

    @Test func arcsForPositiveFlowsBetweenGroupsWithWidthsByFlow() throws {
        let fig = try QuotientFigure(groupNames: Self.names, flows: Self.flows, groupSizes: Self.sizes)
        let edges = fig.dotGraph.edges
        #expect(edges.map { "\($0.from)>\($0.to)" } == ["g0>g1", "g1>g0", "g1>g2"])
        #expect(edges.map { $0.attributes["label"] } == [.text("2"), .text("1"), .text("4")])
        // penwidth = 0.8 + 7.2 · flow / max flow (4): 4.4, 2.6, 8.0.
        #expect(edges.map { $0.attributes["penwidth"] } == [.text("4.4"), .text("2.6"), .text("8.0")])
        #expect(fig.dotGraph.nodes[0].attributes["label"] == .text("A\nn = 10\n5 within"))
        #expect(fig.caption.contains("8 of 15 arcs (53%) stay within a group"))
    }

    @Test func fromGroupQuotientOfAGraph() throws {
        var b = GraphBuilder()
        _ = b.addArc(from: "a", to: "b"); _ = b.addArc(from: "b", to: "c"); _ = b.addArc(from: "c", to: "a")
        let graph = b.build().graph
        let p = Partition(values: ["X", "X", nil])
        let fig = try QuotientFigure(quotient: graph.quotient(by: p), missingGroup: p.missingGroup)
        #expect(fig.dotGraph.nodes.map { $0.attributes["fillcolor"] } == [.text("#E69F00"), .text("#BBBBBB")])
        #expect(fig.dotGraph.edges.count == 2)
        #expect(fig.dotGraph.text.contains(">(missing) (n = 1)</TD>"))
    }

    @Test func minimumFlowHidesSmallArcsAndSaysSo() throws {
        var o = QuotientFigure.Options()
        o.minimumFlow = 2
        let fig = try QuotientFigure(groupNames: Self.names, flows: Self.flows, groupSizes: Self.sizes, options: o)
        #expect(fig.dotGraph.edges.count == 2)
        #expect(fig.caption.contains("1 arcs with fewer than 2 arcs are not drawn."))
    }

    @Test func rejectsInconsistentOrNegativeFlows() {
        let e1 = #expect(throws: GraphvizError.self) {
            try QuotientFigure(groupNames: ["A"], flows: [[1, 2]], groupSizes: [1])
        }
        #expect(e1?.kind == .invalidInput)
        let e2 = #expect(throws: GraphvizError.self) {
            try QuotientFigure(groupNames: ["A"], flows: [[-1]], groupSizes: [1])
        }
        #expect(e2?.kind == .invalidInput)
    }

    @Test func rendersByteIdentical() throws {
        let fig = try QuotientFigure(groupNames: Self.names, flows: Self.flows, groupSizes: Self.sizes)
        for format in FigureFormat.allCases {
            #expect(try fig.render(format: format) == fig.render(format: format), "\(format) differs")
        }
    }
}
