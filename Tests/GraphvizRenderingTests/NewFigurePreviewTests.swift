import Foundation
import NetworkCore
import TestSupport
import Testing
@testable import GraphvizRendering

/// Preview PNGs of the year-ranked, heatmap and trajectory figures under
/// /tmp/siloscope-figures, for a human to look at. Enabled with SILOSCOPE_FIGURE_PREVIEW=1.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SILOSCOPE_FIGURE_PREVIEW"] != nil, "set SILOSCOPE_FIGURE_PREVIEW=1 to write preview PNGs"))
struct NewFigurePreviewTests {
    static let dir = "/tmp/siloscope-newfigs"

    func write(_ bytes: [UInt8], _ name: String) throws {
        try FileManager.default.createDirectory(atPath: Self.dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: Self.dir + "/" + name))
    }

    func timed<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let r = try body()
        print("[preview] \(what): \(ContinuousClock.now - start)")
        return r
    }

    /// (a) A main path in a 30-work citation DAG, 1950–2000, three literatures, SPC widths.
    @Test func mainPath30() throws {
        let dag = RandomCitationDAG(nodes: 30, years: 1950...2000, literatures: ["HSR/QI", "PAM", "Sociology"], homophily: 0.7, seed: 3)
        var o = YearRankedDAGFigure.Options()
        o.title = "Main path (SPC, local forward)"
        o.weightName = "SPC"
        o.scoreName = "citations"
        let fig = try YearRankedDAGFigure(nodeCount: dag.nodeCount, years: dag.years, arcs: dag.arcs, partition: dag.partition,
                                          labels: dag.labels, scores: dag.citations, arcWeights: dag.spc,
                                          highlightedArcs: dag.mainPath, options: o)
        try write(timed("mainpath30 png") { try fig.render(format: .png) }, "mainpath30.png")
        try write(Array(fig.dotGraph.text.utf8), "mainpath30.dot")
        print(fig.caption)
    }

    /// (b) Historiograph: top 40 of 120 works by local citation score.
    @Test func historiograph40() throws {
        let dag = RandomCitationDAG(nodes: 120, years: 1955...2005, literatures: ["HSR/QI", "PAM", "Sociology"], homophily: 0.75, seed: 8, undated: 2)
        var o = YearRankedDAGFigure.Options()
        o.title = "Historiograph"
        o.maxNodes = 40
        o.scoreName = "local citation score"
        let fig = try YearRankedDAGFigure(nodeCount: dag.nodeCount, years: dag.years, arcs: dag.arcs, partition: dag.partition,
                                          labels: dag.labels, scores: dag.citations, options: o)
        try write(timed("historiograph40 png") { try fig.render(format: .png) }, "historiograph40.png")
        print(fig.caption)
    }

    /// Worst case allowed: 150 drawn of 600 works.
    @Test func historiograph150() throws {
        let dag = RandomCitationDAG(nodes: 600, years: 1950...2020, literatures: ["HSR/QI", "PAM", "Sociology", "Economics"], homophily: 0.7, seed: 9)
        var o = YearRankedDAGFigure.Options()
        o.maxNodes = 1000
        let fig = try YearRankedDAGFigure(nodeCount: dag.nodeCount, years: dag.years, arcs: dag.arcs, partition: dag.partition,
                                          labels: dag.labels, scores: dag.citations, options: o)
        try write(timed("historiograph150 png") { try fig.render(format: .png) }, "historiograph150.png")
        print(fig.caption)
    }
}

extension NewFigurePreviewTests {
    /// A 6 × 6 mixing heatmap with intervals and one undefined cell.
    @Test func heatmap6() throws {
        let fig = try HeatmapFixture.figure(intervals: true)
        try write(timed("heatmap6 png") { try fig.render(format: .png) }, "heatmap6.png")
        try write(try fig.render(format: .svg), "heatmap6.svg")
        print(fig.caption)
    }
}

extension NewFigurePreviewTests {
    /// E-I index over 20 years with a 95% band, plus a second series with a gap.
    @Test func trajectory20() throws {
        let fig = try TrajectoryFixture.figure()
        try write(timed("trajectory png") { try fig.render(format: .png) }, "trajectory20.png")
        try write(try fig.render(format: .svg), "trajectory20.svg")
        try write(try fig.render(format: .pdf), "trajectory20.pdf")
        try write(Array(fig.dotGraph.text.utf8), "trajectory20.dot")
        print(fig.caption)
    }
}

extension NewFigurePreviewTests {
    /// Stress: 150 works over 70 years with long arcs (uniformly random older targets),
    /// 400 arcs drawn — the worst case the reduction allows.
    @Test func longArcs150() throws {
        var rng = SplitMix64(seed: 5)
        let n = 400
        let years: [Int?] = (0..<n).map { i -> Int? in 1950 + i * 70 / n }
        var arcs: [(Int32, Int32)] = []
        for u in 1..<n { for _ in 0..<4 { arcs.append((Int32(u), Int32(Int.random(in: 0..<u, using: &rng)))) } }
        let names = ["HSR/QI", "PAM", "Sociology", "Economics"]
        var groups: [String?] = []
        for _ in 0..<n { groups.append(names[Int.random(in: 0..<4, using: &rng)]) }
        var cites = [Double](repeating: 0, count: n)
        for (_, v) in arcs { cites[Int(v)] += 1 }
        var o = YearRankedDAGFigure.Options()
        o.maxNodes = 150
        let fig = try YearRankedDAGFigure(nodeCount: n, years: years, arcs: arcs, partition: Partition(values: groups),
                                          labels: (0..<n).map { "Work \($0) (\(years[$0] ?? 0))" }, scores: cites, options: o)
        try write(timed("longArcs150 png") { try fig.render(format: .png) }, "longarcs150.png")
        print(fig.caption)
    }
}

extension NewFigurePreviewTests {
    /// (c) A model lineage by year of first appearance ("A derives from B" arcs), with one
    /// undated model and the crossing arcs emphasised. Illustrative labels only.
    @Test func lineage() throws {
        let models = ["Shewhart cycle", "Deming PDSA", "Lean production", "Parks et al. co-production", "Ostrom co-production",
                      "Normann service logic", "Osborne public service logic", "Batalden co-production of healthcare",
                      "Experience-based co-design", "Brandsen & Honingh typology", "Voorberg review", "Needham co-production in social care",
                      "Local adaptation model"]
        let years: [Int?] = [1939, 1986, 1990, 1981, 1996, 2000, 2013, 2016, 2006, 2016, 2015, 2008, nil]
        let lit: [String?] = ["HSR/QI", "HSR/QI", "HSR/QI", "PAM", "PAM", "PAM", "PAM", "HSR/QI", "HSR/QI", "PAM", "PAM", "Sociology", nil]
        // derived → source.
        let arcs: [(Int32, Int32)] = [(1, 0), (2, 1), (4, 3), (6, 5), (6, 4), (7, 1), (7, 4), (7, 6), (8, 2), (9, 4), (10, 4), (11, 4), (12, 7), (10, 9)]
        var o = YearRankedDAGFigure.Options()
        o.title = "Model lineage"
        o.nodeNoun = "models"
        o.labelWrap = 16
        let fig = try YearRankedDAGFigure(nodeCount: models.count, years: years, arcs: arcs, partition: Partition(values: lit),
                                          labels: models, highlightedArcs: [5, 6, 7], options: { o.highlightName = "path into HSR/QI"; return o }())
        try write(timed("lineage png") { try fig.render(format: .png) }, "lineage.png")
        print(fig.caption)
    }
}
