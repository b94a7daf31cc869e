import NetworkCore
import Testing
import TestSupport
@testable import NetworkAlgorithms

/// Batagelj (2003), "Efficient algorithms for citation network analysis" (arXiv
/// cs/0309023), Table 1, as reproduced in ../shared/data/networks/histcite-cite-table.md:
/// n vertices, m arcs, m0 loops, n0 isolated vertices, nC size of the largest weakly
/// connected component, kC number of nontrivial weakly connected components.
@Suite("Batagelj (2003) Table 1")
struct BatageljTableTests {
    struct Row: Sendable, CustomStringConvertible {
        let folder: String, file: String
        let n: Int, m: Int, loops: Int, isolated: Int, largestWeak: Int, nontrivialWeak: Int
        var description: String { file }
    }

    static let rows: [Row] = [
        Row(folder: "histcite-smallw", file: "SmallW.net", n: 396, m: 1988, loops: 0, isolated: 163, largestWeak: 233, nontrivialWeak: 1),
        Row(folder: "histcite-smagri", file: "SmaGri.net", n: 1059, m: 4922, loops: 1, isolated: 35, largestWeak: 1024, nontrivialWeak: 1),
        Row(folder: "histcite-scimet", file: "SciMet.net", n: 3084, m: 10416, loops: 1, isolated: 355, largestWeak: 2678, nontrivialWeak: 21),
        Row(folder: "histcite-kohonen", file: "Kohonen.net", n: 4470, m: 12731, loops: 2, isolated: 698, largestWeak: 3704, nontrivialWeak: 27),
    ]

    @Test(.enabled(if: SharedData.path("networks/histcite-smagri/SmaGri.net") != nil, "needs ../shared/data/networks/histcite-*"),
          arguments: rows)
    func reproducesTheRow(_ row: Row) throws {
        let path = try #require(SharedData.path("networks/\(row.folder)/\(row.file)"))
        let input = try NetworkInput.load(path: path, reverse: true)
        let g = input.graph
        #expect(g.nodeCount == row.n)
        #expect(g.arcCount == row.m)
        #expect(input.selfLoops == row.loops)
        // Isolated: no arc in or out.
        let isolated = (0..<Int32(g.nodeCount)).filter { g.inDegree($0) == 0 && g.outDegree($0) == 0 }.count
        #expect(isolated == row.isolated)
        let weak = g.weakComponents()
        #expect(weak.largestSize == row.largestWeak)
        #expect(weak.sizes.filter { $0 > 1 }.count == row.nontrivialWeak)
        #expect(weak.count == row.nontrivialWeak + row.isolated)
    }
}
