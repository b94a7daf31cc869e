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

extension NewFigurePreviewTests {
    /// The main path again with citation arrows and 10 literatures (colours repeat with outlines).
    @Test func mainPathCitationArrowsManyGroups() throws {
        let lits = (1...10).map { "Literature \($0)" }
        let dag = RandomCitationDAG(nodes: 30, years: 1950...2000, literatures: lits, homophily: 0.3, seed: 3)
        var o = YearRankedDAGFigure.Options()
        o.arrows = .citation
        o.weightName = "SPC"
        let fig = try YearRankedDAGFigure(nodeCount: dag.nodeCount, years: dag.years, arcs: dag.arcs, partition: dag.partition,
                                          labels: dag.labels, arcWeights: dag.spc, highlightedArcs: dag.mainPath, options: o)
        try write(timed("citation arrows png") { try fig.render(format: .png) }, "mainpath-citation-10groups.png")
        try write(Array(fig.dotGraph.text.utf8), "mainpath-citation-10groups.dot")
        print(fig.caption)
    }
}

extension NewFigurePreviewTests {
    /// Historiograph of SmaGri (Garfield's HistCite collection, Pajek file with arcs cited →
    /// citing): the 40 works with the highest local citation score, by year.
    @Test(.enabled(if: SharedData.path("networks/histcite-smagri/SmaGri.net") != nil, "needs ../shared/data"))
    func smagriHistoriograph() throws {
        let net = try String(contentsOfFile: SharedData.path("networks/histcite-smagri/SmaGri.net") ?? "", encoding: .utf8)
        let clu = try String(contentsOfFile: SharedData.path("networks/histcite-smagri/SmaGriPY.clu") ?? "", encoding: .utf8)
        var labels: [String] = []
        var arcs: [(Int32, Int32)] = []
        var inArcs = false
        for line in net.split(whereSeparator: \.isNewline) {
            let t = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.hasPrefix("*arcslist") { inArcs = true; continue }
            if t.hasPrefix("*") || t.hasPrefix("%") { continue }
            if inArcs {
                let f = t.split(separator: " ").compactMap { Int32($0) }
                guard let u = f.first else { continue }
                for v in f.dropFirst() { arcs.append((u - 1, v - 1)) }
            } else if let q = t.firstIndex(of: "\"") {
                labels.append(String(t[t.index(after: q)...].dropLast()))
            }
        }
        let years: [Int?] = clu.split(whereSeparator: \.isNewline).dropFirst().map { Int($0.trimmingCharacters(in: .whitespaces)) }
        #expect(labels.count == 1059 && years.count == 1059)
        var lcs = [Double](repeating: 0, count: labels.count)
        for (u, v) in arcs where u != v { lcs[Int(u)] += 1 }
        var o = YearRankedDAGFigure.Options()
        o.title = "SmaGri historiograph"
        o.maxNodes = 40
        o.arcInput = .sourceToDerived
        o.groupTitle = "Collection"
        let fig = try YearRankedDAGFigure(nodeCount: labels.count, years: years, arcs: arcs,
                                          partition: Partition(values: Array(repeating: "SmaGri (HistCite)", count: labels.count)),
                                          labels: zip(labels, years).map { "\($0.0) \($0.1.map(String.init) ?? "")" }, scores: lcs, options: o)
        try write(timed("smagri png") { try fig.render(format: .png) }, "smagri-historiograph.png")
        try write(Array(fig.dotGraph.text.utf8), "smagri-historiograph.dot")
        print(fig.caption)
    }
}

extension NewFigurePreviewTests {
    /// 12 groups with long names: does the table stay legible?
    @Test func heatmap12() throws {
        let names = ["Health services research & quality improvement", "Public administration & management", "Sociology", "Economics",
                     "Nursing", "Design", "Psychology", "Policy studies", "Law", "Education", "Social work", Partition.missingLabel]
        var rng = SplitMix64(seed: 4)
        let observed = (0..<12).map { i in (0..<12).map { j in i == 11 ? 0 : (i == j ? Int.random(in: 50...300, using: &rng) : Int.random(in: 0...40, using: &rng)) } }
        let rows = observed.map { $0.reduce(0, +) }
        let cols = (0..<12).map { j in observed.reduce(0) { $0 + $1[j] } }
        let total = Double(rows.reduce(0, +))
        let expected = (0..<12).map { i in (0..<12).map { j in Double(rows[i]) * Double(cols[j]) / total } }
        var o = MixingHeatmapFigure.Options()
        o.nullName = "the configuration model"
        let fig = try MixingHeatmapFigure(groupNames: names, observed: observed, expected: expected, options: o)
        try write(timed("heatmap12 png") { try fig.render(format: .png) }, "heatmap12.png")
    }

    /// Five series (per-literature E-I) over sliding 5-year windows, no bands.
    @Test func trajectoryFiveSeries() throws {
        var rng = SplitMix64(seed: 2)
        let mids = stride(from: 1992.0, through: 2018, by: 2).map { $0 }
        let lits = ["HSR/QI", "PAM", "Sociology", "Economics", "Nursing"]
        let series = lits.enumerated().map { k, name in
            TrajectoryFigure.Series(name: name, values: mids.indices.map { i -> Double? in
                -0.9 + 0.1 * Double(k) + 0.02 * Double(i) + Double.random(in: -0.06...0.06, using: &rng)
            })
        }
        var o = TrajectoryFigure.Options()
        o.title = "E-I index per literature"
        o.xTitle = "Middle year of a 5-year window"
        o.yTitle = "E-I index"
        o.yRange = -1...1
        o.referenceLine = 0
        o.referenceName = "E-I = 0"
        o.windowNoun = "5-year window"
        let fig = try TrajectoryFigure(x: mids, xLabels: mids.map { "\(Int($0) - 2)–\(Int($0) + 2)" }, series: series, options: o)
        try write(timed("trajectory5 png") { try fig.render(format: .png) }, "trajectory5.png")
        print(fig.caption)
    }
}

extension NewFigurePreviewTests {
    /// Timing: a 60 × 60 heatmap (3,600 cells).
    @Test func heatmap60Timing() throws {
        let g = 60
        let names = (0..<g).map { "Group \($0)" }
        let observed = (0..<g).map { i in (0..<g).map { j in (i * 7 + j * 3) % 50 } }
        let expected = (0..<g).map { _ in (0..<g).map { _ in 25.0 } }
        let fig = try MixingHeatmapFigure(groupNames: names, observed: observed, expected: expected)
        _ = try timed("heatmap60 svg") { try fig.render(format: .svg) }
        _ = try timed("heatmap60 png") { try fig.render(format: .png) }
    }
}
