import Foundation
import NetworkAlgorithms
import NetworkCore
import Testing
import TestSupport
@testable import Reporting

/// `bench` takes its tasks from the analysis catalogue: the names scripts/bench-peers
/// parses, the parameters it states, the measures' own computations.
@Suite("Benchmark tasks in the analysis catalogue")
struct BenchmarkCatalogueTests {
    /// a → b → c → a (one strong component of 3) plus c → d and the isolated e.
    static func cyclicGraph() -> Graph {
        var b = GraphBuilder()
        b.addArc(from: "a", to: "b")
        b.addArc(from: "b", to: "c")
        b.addArc(from: "c", to: "a")
        b.addArc(from: "c", to: "d")
        b.addNode("e")
        return b.build().graph
    }

    @Test func namesAreThoseBenchPeersParses() throws {
        // scripts/bench-peers keeps its own list (TASKS = [...]) and reads our JSON by these keys.
        let script = try String(contentsOfFile: SharedData.packageRoot + "/scripts/bench-peers", encoding: .utf8)
        let start = try #require(script.range(of: "TASKS = ["))
        let end = try #require(script[start.upperBound...].firstIndex(of: "]"))
        let listed = script[start.upperBound..<end].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        #expect(["load"] + AnalysisCatalogue.benchmarkTasks.map(\.name) == listed)
    }

    @Test func measureTasksNameCatalogueMeasuresAndObeyLimits() {
        let tasks = AnalysisCatalogue.benchmarkTasks
        #expect(tasks.compactMap(\.measureKey) == ["pagerank", "coreness", "betweenness", "approximateBetweenness", "leiden", "louvain"])
        for key in tasks.compactMap(\.measureKey) { #expect(AnalysisCatalogue.measure(key) != nil, "\(key) is not a measure") }
        #expect(tasks.filter { $0.arcLimit == .exactBetweenness }.map(\.name) == ["betweenness", "approximateBetweennessRK"])
        #expect(tasks.filter { $0.arcLimit == .approximateBetweenness }.map(\.name) == ["approximateBetweenness"])
    }

    @Test func descriptionsFollowTheParameters() throws {
        var p = AnalysisCatalogue.benchmarkParameters
        let pagerank = try #require(AnalysisCatalogue.benchmarkTask("pagerank"))
        // bench-peers gives the peers tolerance 1e-10 and damping 0.85.
        #expect(pagerank.describe(p).hasPrefix("damping 0.85, tolerance 1e-10,"))
        p.damping = 0.5
        #expect(pagerank.describe(p).hasPrefix("damping 0.5, tolerance 1e-10,"))
        let leiden = try #require(AnalysisCatalogue.benchmarkTask("leiden"))
        p.resolution = 2
        #expect(leiden.describe(p).contains("resolution 2, seed 1"))
    }

    @Test func tasksComputeWhatTheyName() throws {
        let g = Self.cyclicGraph()
        let p = AnalysisCatalogue.benchmarkParameters
        func run(_ name: String) throws -> BenchmarkOutcome { try #require(AnalysisCatalogue.benchmarkTask(name)).run(g, p) }
        // By hand: weak components {a,b,c,d}, {e}; strong {a,b,c}, {d}, {e}.
        #expect(try run("weakComponents").size == 2)
        #expect(try run("strongComponents").size == 3)
        // Cyclic: the order fails and the condensation has the 3 strong components.
        #expect(try run("topologicalOrder").size == 3)
        #expect(try #require(AnalysisCatalogue.benchmarkTask("topologicalOrder")).note(g, p) != nil)
        // One value per node for the measures, and the modularity of what the catalogue finds.
        for name in ["pagerank", "kcore", "betweenness"] { #expect(try run(name).size == 5, "\(name)") }
        let louvain = try run("louvain")
        #expect(louvain.modularity == AnalysisCatalogue.communities(g, p, leiden: false).modularity)
        #expect(louvain.size == AnalysisCatalogue.communities(g, p, leiden: false).partition.groupCount)
        let approximate = try run("approximateBetweenness")
        #expect(approximate.size == 5)
        #expect(approximate.samples == AnalysisCatalogue.approximateBetweenness(g, p).samples)
        // An acyclic graph has no note on its topological order.
        var dag = GraphBuilder()
        dag.addArc(from: "x", to: "y")
        #expect(try #require(AnalysisCatalogue.benchmarkTask("topologicalOrder")).note(dag.build().graph, p) == nil)
    }
}
