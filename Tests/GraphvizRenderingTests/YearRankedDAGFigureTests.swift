import Foundation
import NetworkCore
import Testing
@testable import GraphvizRendering

/// Five works: 0 (1990, A), 1 (1995, A), 2 (1995, B), 3 (2000, B), 4 (no year, missing).
/// Citing → cited arcs: 1→0, 2→0, 3→1, 3→2, 4→3, then 3→1 again (duplicate) and 2→2 (loop).
/// In knowledge-flow direction the drawn arcs are 0→1, 0→2, 1→3, 2→3, 3→4; of these
/// 0→2 and 1→3 join A and B (3→4 touches the missing group, which is not a crossing).
enum SmallDAG {
    static let years: [Int?] = [1990, 1995, 1995, 2000, nil]
    static let partition = Partition(values: ["A", "A", "B", "B", nil])
    static let arcs: [(Int32, Int32)] = [(1, 0), (2, 0), (3, 1), (3, 2), (4, 3), (3, 1), (2, 2)]
    static let labels = ["Price 1990", "Garfield 1995", "Merton 1995", "Hummon 2000", "Anon"]

    static func figure(
        scores: [Double]? = nil, weights: [Double]? = nil, highlighted: Set<Int> = [],
        _ configure: (inout YearRankedDAGFigure.Options) -> Void = { _ in }
    ) throws -> YearRankedDAGFigure {
        var o = YearRankedDAGFigure.Options()
        configure(&o)
        return try YearRankedDAGFigure(nodeCount: 5, years: years, arcs: arcs, partition: partition, labels: labels,
                                       scores: scores, arcWeights: weights, highlightedArcs: highlighted, options: o)
    }

    /// The work arcs (not the axis) as "tail>head".
    static func workArcs(_ fig: YearRankedDAGFigure) -> [String] {
        fig.dotGraph.edges.filter { !$0.from.hasPrefix("year:") }.map { "\($0.from)>\($0.to)" }
    }
}

@Suite struct YearRankedDAGFigureTests {
    @Test func drawsKnowledgeFlowOncePerPairWithoutLoops() throws {
        let fig = try SmallDAG.figure()
        #expect(fig.shownNodes == [0, 1, 2, 3, 4])
        #expect(SmallDAG.workArcs(fig) == ["n0>n1", "n0>n2", "n1>n3", "n2>n3", "n3>n4"])
        // First input arc of each drawn pair: 1→0 is arc 0, 2→0 arc 1, 3→1 arc 2, 3→2 arc 3, 4→3 arc 4.
        #expect(fig.shownArcs == [0, 1, 2, 3, 4])
        #expect(fig.caption.contains("2 of 5 drawn arcs join different literatures and are drawn as double lines."))
        let cross = fig.dotGraph.edges.filter { $0.attributes["color"] == .text("#555555:invis:#555555") }
        #expect(cross.map { "\($0.from)>\($0.to)" } == ["n0>n2", "n1>n3"])
    }

    /// No work has a year: no axis, no rank=same rows, and every work arc constrains
    /// the layout, so dot layers the works by their arcs instead of one long row.
    @Test func withoutAnyYearTheArcsLayerTheWorks() throws {
        let fig = try YearRankedDAGFigure(nodeCount: 5, years: [nil, nil, nil, nil, nil], arcs: SmallDAG.arcs,
                                          partition: SmallDAG.partition, labels: SmallDAG.labels)
        #expect(fig.dotGraph.subgraphs.isEmpty)
        #expect(!fig.dotGraph.nodes.contains { $0.id.hasPrefix("year:") })
        #expect(fig.dotGraph.edges.allSatisfy { $0.attributes["constraint"] == nil })
        #expect(SmallDAG.workArcs(fig) == ["n0>n1", "n0>n2", "n1>n3", "n2>n3", "n3>n4"])
        #expect(fig.caption.hasPrefix("5 works without years, layered by their arcs"))
        #expect(!fig.caption.contains("last row"))
    }

    @Test func oneRankPerYearWithTheAxisNodeFirstAndUndatedLast() throws {
        let fig = try SmallDAG.figure()
        let ranks = fig.dotGraph.subgraphs.map { s in s.nodes.map(\.id) }
        #expect(ranks == [["year:1990", "n0"], ["year:1995", "n1", "n2"], ["year:2000", "n3"], ["year:none", "n4"]])
        #expect(fig.dotGraph.subgraphs.allSatisfy { $0.attributes["rank"] == .text("same") })
        // The axis: 1990 → 1995 → 2000 → no year, dotted because years are skipped.
        let axis = fig.dotGraph.edges.filter { $0.from.hasPrefix("year:") && $0.to.hasPrefix("year:") }
        #expect(axis.map { "\($0.from)>\($0.to)" } == ["year:1990>year:1995", "year:1995>year:2000", "year:2000>year:none"])
        #expect(axis.allSatisfy { $0.attributes["style"] == .text("dotted") })
        // Invisible flat edges keep the axis at the left of each rank.
        let pins = fig.dotGraph.edges.filter { $0.from.hasPrefix("year:") && !$0.to.hasPrefix("year:") }
        #expect(pins.map(\.to) == ["n0", "n1", "n2", "n3", "n4"])
        #expect(pins.allSatisfy { $0.attributes["style"] == .text("invis") })
        let none = fig.dotGraph.nodes.first { $0.id == "year:none" }
        #expect(none?.attributes["label"] == .text("no year"))
        // 1990–1995 skips 4 years, 1995–2000 skips 4.
        #expect(fig.caption.contains("Years without works are skipped (8 in all"))
        #expect(fig.caption.contains("1 works without a year are in the last row (no year)."))
    }

    @Test func legendInsideTheImageNamesEveryDrawnGroup() throws {
        let text = try SmallDAG.figure().dotGraph.text
        #expect(text.contains("labelloc=\"b\""))
        #expect(text.contains("<B>Literature</B>"))
        #expect(text.contains("BGCOLOR=\"#E69F00\"") && text.contains(">A (n = 2)</TD>"))
        #expect(text.contains("BGCOLOR=\"#56B4E9\"") && text.contains(">B (n = 2)</TD>"))
        #expect(text.contains("BGCOLOR=\"#BBBBBB\"") && text.contains(">(missing) (n = 1)</TD>"))
        #expect(text.contains(">arc between literatures</TD>"))
        #expect(text.contains("Arrows: knowledge flow (cited → citing)."))
    }

    @Test func everyYearGetsARankWhenNotCollapsed() throws {
        let fig = try YearRankedDAGFigure(
            nodeCount: 2, years: [1990, 1993], arcs: [(1, 0)], partition: Partition(values: ["A", "A"]), labels: ["a", "b"],
            options: { var o = YearRankedDAGFigure.Options(); o.collapseEmptyYears = false; return o }())
        #expect(fig.dotGraph.subgraphs.map(\.name) == ["rank_year:1990", "rank_year:1991", "rank_year:1992", "rank_year:1993"])
        let axis = fig.dotGraph.edges.filter { $0.to.hasPrefix("year:") }
        #expect(axis.count == 3 && axis.allSatisfy { $0.attributes["style"] == .text("solid") })
        #expect(!fig.caption.contains("skipped"))
    }

    @Test func manyYearsAreGroupedIntoPeriods() throws {
        // 1990, 1991, 1995 with at most 2 rows: 1-year rows need 3; 2-year periods
        // (floor(year / 2)) give 995, 995, 997 → 2 rows, one period (1992–1993) skipped.
        let fig = try YearRankedDAGFigure(
            nodeCount: 3, years: [1990, 1991, 1995], arcs: [(2, 0)], partition: Partition(values: ["A", "A", "A"]),
            labels: ["a", "b", "c"], options: { var o = YearRankedDAGFigure.Options(); o.maxYearRows = 2; return o }())
        #expect(fig.dotGraph.subgraphs.map { $0.nodes.map(\.id) } == [["year:1990–1991", "n0", "n1"], ["year:1994–1995", "n2"]])
        #expect(fig.caption.contains("The 3 years are grouped into 2-year periods, one row each (at most 2 rows)."))
        #expect(fig.caption.contains("2-year periods without works are skipped (1 in all"))
    }

    @Test func citationArrowsKeepOldYearsOnTop() throws {
        let fig = try SmallDAG.figure { $0.arrows = .citation }
        // Between rows each arc is written down the axis (cited → citing) with its arrow at
        // the tail (dir=back), so dot keeps the year axis intact and old years on top.
        #expect(SmallDAG.workArcs(fig) == ["n0>n1", "n0>n2", "n1>n3", "n2>n3", "n3>n4"])
        let e = try #require(fig.dotGraph.edges.first { $0.from == "n0" && $0.to == "n1" })
        #expect(e.attributes["dir"] == .text("back"))
        #expect(e.attributes["constraint"] == nil)
        // A crossing arc keeps its double line with a visible tail arrow (2nd list entry).
        let cross = try #require(fig.dotGraph.edges.first { $0.from == "n0" && $0.to == "n2" })
        #expect(cross.attributes["color"] == .text("invis:#555555:invis:#555555:invis"))
        let svg = String(decoding: try fig.render(format: .svg), as: UTF8.self)
        #expect(!svg.contains("<polygon fill=\"transparent\" stroke=\"transparent\""))
        #expect(fig.caption.contains("arrows point from the citing to the cited work"))
        #expect(fig.dotGraph.text.contains("Arrows: citing → cited."))
    }

    @Test func sourceToDerivedInputIsAlreadyInFlowDirection() throws {
        let fig = try YearRankedDAGFigure(
            nodeCount: 2, years: [1990, 2000], arcs: [(0, 1)], partition: Partition(values: ["A", "A"]), labels: ["old", "new"],
            options: { var o = YearRankedDAGFigure.Options(); o.arcInput = .sourceToDerived; return o }())
        #expect(SmallDAG.workArcs(fig) == ["n0>n1"])
    }

    @Test func arcsBackInTimeAreDashedAndDoNotConstrain() throws {
        // Work 1 (1990) cites work 0 (2000): knowledge would flow from 2000 back to 1990.
        let fig = try YearRankedDAGFigure(nodeCount: 2, years: [2000, 1990], arcs: [(1, 0)],
                                          partition: Partition(values: ["A", "A"]), labels: ["late", "early"])
        let e = try #require(fig.dotGraph.edges.first { $0.from == "n0" && $0.to == "n1" })
        #expect(e.attributes["style"] == .text("dashed"))
        #expect(e.attributes["constraint"] == .text("false"))
        #expect(fig.caption.contains("1 arcs point back in time"))
    }

    @Test func weightsBecomePenWidth() throws {
        // Weights of the five drawn arcs 1, 2, 4, 0, 2 (max 4): 0.8 + 4.2·w/4 = 1.85, 2.9, 5.0, 0.8, 2.9.
        let fig = try SmallDAG.figure(weights: [1, 2, 4, 0, 2, 3, 9]) { $0.weightName = "SPC" }
        // Duplicate 3→1 (weight 3) is merged into arc 2 (weight 4 stays the max); the loop is ignored.
        let widths = fig.dotGraph.edges.filter { !$0.from.hasPrefix("year:") }.map { $0.attributes["penwidth"] }
        #expect(widths == [.text("1.85"), .text("2.9"), .text("5.0"), .text("0.8"), .text("2.9")])
        #expect(fig.caption.contains("Arc width grows with SPC (largest drawn: 4)."))
    }

    @Test func highlightedPathIsStrongAndTheRestFaint() throws {
        // Highlight input arcs 0 (1→0) and 2 (3→1): drawn 0→1 and 1→3; nodes 0, 1, 3 strong.
        let fig = try SmallDAG.figure(highlighted: [0, 2])
        let colors = fig.dotGraph.edges.filter { !$0.from.hasPrefix("year:") }.map { $0.attributes["color"] }
        #expect(colors == [.text("#000000"), .text("#B0B0B0:invis:#B0B0B0"), .text("#000000:invis:#000000"), .text("#B0B0B0"), .text("#B0B0B0")])
        let pens = fig.dotGraph.nodes.filter { $0.id.hasPrefix("n") }.map { $0.attributes["penwidth"] }
        #expect(pens == [.text("2.4"), .text("2.4"), .text("0.6"), .text("2.4"), .text("0.6")])
        // Faint fill: #56B4E9 (group B) mixed 60% with white: 0x56 = 86 → 86 + 0.6·169 = 187.4 (BB);
        // 0xB4 = 180 → 180 + 0.6·75 = 225 (E1); 0xE9 = 233 → 233 + 0.6·22 = 246.2 (F6).
        #expect(fig.dotGraph.nodes[2].attributes["fillcolor"] == .text("#BBE1F6"))
        #expect(fig.caption.contains("The main path (2 arcs) is drawn black and thick"))
    }

    @Test func moreThanEightGroupsGetOutlineStyles() throws {
        let names = (0..<10).map { "G\($0)" }
        let fig = try YearRankedDAGFigure(nodeCount: 10, years: Array(repeating: 2000, count: 10), arcs: [],
                                          partition: Partition(values: names), labels: names)
        #expect(fig.dotGraph.nodes[8].attributes["style"] == .text("filled,rounded,dashed"))
        #expect(fig.dotGraph.nodes[7].attributes["style"] == nil)
        #expect(fig.dotGraph.text.contains("G8 (n = 1) — orange, dashed outline"))
        #expect(fig.caption.contains("colours repeat with a dashed, then bold, box outline every 8 groups"))
    }

    @Test func lightenedMixesWithWhite() {
        // E6 = 230 → 230 + 25·0.6 = 245 (F5); 9F = 159 → 159 + 96·0.6 = 216.6 (D9); 00 → 153 (99).
        #expect(lightened("#E69F00", by: 0.6) == "#F5D999")
        #expect(lightened("#123456", by: 0) == "#123456")
        #expect(lightened("#123456", by: 1) == "#FFFFFF")
    }

    @Test func reductionKeepsTheHighlightedFirstThenTopScores() throws {
        // Scores favour 4 and 2; the highlighted arc 4→3 forces 3 and 4 in; k = 3 adds 2.
        let fig = try SmallDAG.figure(scores: [0.1, 0.2, 0.8, 0.0, 0.9], highlighted: [4]) { $0.maxNodes = 3 }
        #expect(fig.shownNodes == [2, 3, 4])
        #expect(SmallDAG.workArcs(fig) == ["n2>n3", "n3>n4"])
        #expect(fig.caption.contains("Showing 3 of 5 works: the main path first, then those with the highest local citation score."))
        #expect(fig.dotGraph.text.contains("Top 3 of 5 works by main path, then local citation score."))
    }

    @Test func neverDrawsMoreThan150NodesOrMaxArcs() throws {
        let dag = RandomCitationDAG(nodes: 400, years: 1950...2020, literatures: ["A", "B"], homophily: 0.5, seed: 1)
        var o = YearRankedDAGFigure.Options()
        o.maxNodes = 10_000
        o.maxArcs = 50
        let fig = try YearRankedDAGFigure(nodeCount: dag.nodeCount, years: dag.years, arcs: dag.arcs, partition: dag.partition,
                                          labels: dag.labels, scores: dag.citations, arcWeights: dag.spc, options: o)
        #expect(fig.shownNodes.count == 150)
        #expect(fig.shownArcs.count == 50)
        #expect(fig.caption.contains("Showing 150 of 400 works"))
        #expect(fig.caption.contains("50 of the "))
    }

    @Test func rejectsInconsistentInput() {
        let p = Partition(values: ["A", "B"])
        func make(years: [Int?] = [1, 2], arcs: [(Int32, Int32)] = [(1, 0)], labels: [String] = ["a", "b"],
                  weights: [Double]? = nil, highlighted: Set<Int> = []) throws {
            _ = try YearRankedDAGFigure(nodeCount: 2, years: years, arcs: arcs, partition: p, labels: labels,
                                        arcWeights: weights, highlightedArcs: highlighted)
        }
        let cases: [(() throws -> Void, String)] = [
            ({ try make(years: [1]) }, "1 years for 2 nodes"),
            ({ try make(labels: ["a"]) }, "1 labels for 2 nodes"),
            ({ try make(arcs: [(0, 2)]) }, "arc 0 (0, 2) names a node outside 0..<2"),
            ({ try make(weights: [-1]) }, "arc weight -1.0 of arc 0 is not a finite non-negative number"),
            ({ try make(weights: [.nan]) }, "arc weight nan of arc 0 is not a finite non-negative number"),
            ({ try make(weights: [1, 2]) }, "2 arc weights for 1 arcs"),
            ({ try make(highlighted: [3]) }, "highlighted arc 3 is outside 0..<1"),
            ({ try make(years: [Int.min, 2000]) }, "year \(Int.min) of node 0 is outside -9999…9999"),
        ]
        for (body, message) in cases {
            let e = #expect(throws: GraphvizError.self) { try body() }
            #expect(e?.kind == .invalidInput)
            #expect(e?.message == message)
        }
    }

    @Test func rendersWithoutWarningsAndByteIdentical() throws {
        let dag = RandomCitationDAG(nodes: 60, years: 1950...2000, literatures: ["HSR/QI", "PAM", "Sociology"], homophily: 0.7, seed: 3, undated: 2)
        func make() throws -> YearRankedDAGFigure {
            try YearRankedDAGFigure(nodeCount: dag.nodeCount, years: dag.years, arcs: dag.arcs, partition: dag.partition,
                                    labels: dag.labels, scores: dag.citations, arcWeights: dag.spc, highlightedArcs: dag.mainPath)
        }
        let a = try make(), b = try make()
        #expect(a.dotGraph.text == b.dotGraph.text)
        let out = try GraphvizRenderer.renderWithDiagnostics(dot: a.dotGraph.text, engine: a.engine, format: .svg)
        #expect(out.diagnostics == [])
        for format in FigureFormat.allCases {
            let first = try a.render(format: format), second = try b.render(format: format)
            #expect(first == second, "\(format) differs between runs")
            #expect(first.count > 1000)
        }
    }

    @Test func hostileLabelsAndDOIsRenderSafely() throws {
        let fig = try YearRankedDAGFigure(
            nodeCount: 2, years: [2001, 2002], arcs: [(1, 0)], partition: Partition(values: ["</TD><B>", #"\N"q"\"#]),
            labels: [#"x\" ] ; evil [label="#, "<script>&amp;"], dois: ["javascript:alert(1)", "10.1000/ok"])
        let svg = String(decoding: try fig.render(format: .svg), as: UTF8.self)
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("javascript:"))
        #expect(svg.contains("xlink:href=\"https://doi.org/10.1000/ok\""))
        #expect(svg.contains("&lt;/TD&gt;&lt;B&gt; (n = 1)"))
    }

    @Test func emptyInputStillRenders() throws {
        let fig = try YearRankedDAGFigure(nodeCount: 0, years: [], arcs: [], partition: Partition(values: []), labels: [])
        #expect(fig.shownNodes.isEmpty)
        #expect(String(decoding: try fig.render(format: .svg), as: UTF8.self).contains("<svg"))
    }

    @Test func buildsFromAGraphWithArcNumbers() throws {
        var b = GraphBuilder()
        _ = b.addArc(from: "new", to: "old")
        let graph = b.build().graph
        let fig = try YearRankedDAGFigure(graph: graph, years: [2000, 1990], partition: Partition(values: ["A", "B"]),
                                          labels: ["new", "old"], highlightedArcs: [0])
        // Flow old (index 1) → new (index 0), highlighted, between A and B.
        #expect(SmallDAG.workArcs(fig) == ["n1>n0"])
        #expect(fig.dotGraph.edges.last?.attributes["color"] == .text("#000000:invis:#000000"))
    }
}
