import Foundation
import NetworkCore
import Synchronization
import Testing
@testable import Reporting

/// Both reports are ordered lists of section values run by one `assemble`; the network
/// report's sections, methods and parameters come from its list.
@Suite("Report sections as values")
struct ReportSectionsTests {
    /// A toy section list over an `Int` context and a `[String]` metrics document.
    struct ToySection: SectionDefinition {
        let name: String
        let build: @Sendable (Int, inout [String]) throws -> ReportPart?
    }

    @Test func assembleRunsEverySectionInOrderAndJoinsTheirParts() throws {
        let sections = [
            ToySection(name: "first") { context, metrics in
                metrics.append("first \(context)")
                return ReportPart([ReportSection(title: "A", blocks: [])], methods: [MethodCatalogue.components],
                                  parameters: [("x", "1"), ("y", "2")], methodParagraphs: ["P1"])
            },
            ToySection(name: "skipped") { _, metrics in
                metrics.append("skipped")
                return nil
            },
            ToySection(name: "second") { _, _ in
                ReportPart([ReportSection(title: "B", blocks: []), ReportSection(title: "C", blocks: [])],
                           methods: [MethodCatalogue.mixing], parameters: [("x", "3"), ("z", "4")], methodParagraphs: ["P2"])
            },
        ]
        let lines = Mutex<[String]>([])
        let log = ProgressLog { line in lines.withLock { $0.append(line) } }
        var metrics: [String] = []
        let part = try sections.assemble(context: 7, metrics: &metrics, progress: log, label: "toy")
        #expect(part.sections.map(\.title) == ["A", "B", "C"])
        #expect(part.methods.map(\.key) == ["components", "mixing"])
        // A later row of a name already present is dropped; order is kept.
        #expect(part.parameters.map(\.0) == ["x", "y", "z"])
        #expect(part.parameters.map(\.1) == ["1", "2", "4"])
        #expect(part.methodParagraphs == ["P1", "P2"])
        #expect(metrics == ["first 7", "skipped"])
        // One progress line per section, applied or not, in order (the stages of --timings).
        #expect(lines.withLock { $0 } == ["toy: first", "toy: skipped", "toy: second"])
    }

    /// a ← b, a ← c, b ← c, d ← e (arcs citing → cited), years 2000–2004.
    static func input(partition: Partition?, years: Bool) -> NetworkReportBuilder.Input {
        var builder = GraphBuilder()
        for (u, v) in [("b", "a"), ("c", "a"), ("c", "b"), ("e", "d")] { builder.addArc(from: u, to: v) }
        let graph = builder.build().graph
        return NetworkReportBuilder.Input(
            name: "toy", title: "Toy", source: "a test", graph: graph, labels: ["A", "B", "C", "D", "E"],
            years: years ? [2000, 2001, 2002, 2003, 2004] : nil, partition: partition, groupTitle: "field",
            selfLoops: 0, duplicateArcs: 0)
    }

    @Test func networkReportIsItsSectionList() throws {
        #expect(NetworkReportBuilder.sections.map(\.name) == ["summary", "centrality", "communities", "main paths", "historiograph"])
        let bare = try NetworkReportBuilder().build(Self.input(partition: nil, years: false))
        // Without a grouping and years, communities and the historiograph build nothing.
        #expect(bare.sections.map(\.title) == ["The network", "Central works", "Main paths"])
        let full = try NetworkReportBuilder().build(Self.input(partition: Partition(values: ["X", "X", "X", "Y", "Y"]), years: true))
        #expect(full.sections.map(\.title) == ["The network", "Central works", "Communities and field", "Main paths", "Historiograph"])
    }

    @Test func networkMethodsAndParametersComeFromTheSections() throws {
        var parameters = NetworkReportBuilder.Parameters()
        parameters.centralityTop = 4
        let report = try NetworkReportBuilder(parameters: parameters).build(Self.input(partition: Partition(values: ["X", "X", "X", "Y", "Y"]), years: true))
        #expect(report.methods.count == 3)
        #expect(report.methods[0].hasPrefix("Data: a test. Centrality on the citation arcs: "))
        // The top-list size reaches the ranking sentence through the catalogue.
        #expect(report.methods[0].contains("at most 4 per list"))
        #expect(report.methods[0].contains(MethodCatalogue.louvain.sentence))
        #expect(report.methods[1] == MethodCatalogue.mainPathParagraph)
        #expect(report.methods[2] == MethodCatalogue.yearRankedFiguresParagraph)
        for method in MethodCatalogue.mainPathReferences { #expect(report.references.contains(method.reference)) }
        #expect(report.references == report.references.sorted())
        #expect(Set(report.references).count == report.references.count)
        // The PageRank row is the catalogue's, the table keeps its order.
        let pagerank = try #require(AnalysisCatalogue.measure("pagerank")?.parameterRow?(AnalysisParameters()))
        #expect(report.parameters.first { $0.0 == "PageRank" }?.1 == pagerank.1)
        #expect(report.parameters.map(\.0) == ["weight", "key routes", "historiograph works", "cycles", "PageRank",
                                               "centrality top lists", "exact betweenness", "random seed", "generator"])
        #expect(report.parameters.first { $0.0 == "centrality top lists" }?.1 == "4 works per measure")
    }
}

/// `--timings`: each progress message opens a stage lasting until the next.
@Suite("Stage timings")
struct StageTimingsTests {
    @Test func stagesLastUntilTheNextMessage() {
        let timings = StageTimings()
        let t0 = ContinuousClock.now
        let mib = 1_048_576
        timings.mark("loading", at: t0, cpuSeconds: 0, peakResidentBytes: 10 * mib)
        timings.mark("sections", at: t0 + .seconds(2), cpuSeconds: 3, peakResidentBytes: 100 * mib)
        timings.mark("tiny", at: t0 + .milliseconds(4500), cpuSeconds: 5.5, peakResidentBytes: 200 * mib)
        timings.mark("writing", at: t0 + .milliseconds(4501), cpuSeconds: 5.5, peakResidentBytes: 250 * mib)
        let stages = timings.stages(until: t0 + .seconds(5))
        #expect(stages.map(\.stage) == ["loading", "sections", "tiny", "writing"])
        // By hand: 2, 2.5, 0.001 and 0.499 seconds.
        let expected = [2.0, 2.5, 0.001, 0.499]
        for (s, e) in zip(stages.map(\.seconds), expected) { #expect(abs(s - e) < 1e-9) }
        let table = timings.table(until: t0 + .seconds(5), cpuSeconds: 6, peakResidentBytes: 300 * mib)
        // CPU by hand: 3 − 0, 5.5 − 3, 6 − 5.5 seconds; peak: the next mark's, the last stage's the end's.
        #expect(table.contains("     2.00 s  40.0%  cpu   3.00 s  peak   100 MiB  loading\n"))
        #expect(table.contains("     2.50 s  50.0%  cpu   2.50 s  peak   200 MiB  sections\n"))
        #expect(table.contains("     0.50 s  10.0%  cpu   0.50 s  peak   300 MiB  writing\n"))
        // The stage under 5 ms is folded into one line (0.001 s rounds to 0.00; no CPU; peak 250 MiB).
        #expect(table.contains("     0.00 s   0.0%  cpu   0.00 s  peak   250 MiB  (1 stages under 0.005 s each)\n"))
        #expect(!table.contains("tiny"))
        #expect(table.hasSuffix("     5.00 s 100.0%  total (cpu 6.00 s); peak resident memory 300 MiB\n"))  // 300 · 2²⁰ bytes
        // Marks without CPU or memory readings: those columns are left out.
        let bare = StageTimings()
        bare.mark("only", at: t0, cpuSeconds: nil, peakResidentBytes: nil)
        #expect(bare.table(until: t0 + .seconds(1), cpuSeconds: nil, peakResidentBytes: nil)
                    .hasSuffix("     1.00 s 100.0%  only\n     1.00 s 100.0%  total\n"))
    }
}
