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
