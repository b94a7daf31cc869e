import Foundation
import Testing
import TestSupport
import NetworkCore
import NetworkAlgorithms

/// CiteB (`../shared/data/networks/citeb/CiteB.net.gz`, read through the gzip-aware
/// ``NetworkInput``): the component figures of its PROVENANCE.md (measured there with
/// networkx).
@Suite("CiteB structure")
struct CiteBStructureTests {
    static let path = "networks/citeb/CiteB.net.gz"

    @Test("CiteB: largest WCC 139,133, 43 nontrivial WCCs + 203 isolated, SCC spectrum, condensation depth 43, cyclic",
          .enabled(if: SharedData.path(path) != nil, "needs ../shared/data/networks/citeb"))
    func components() throws {
        let g = try NetworkInput.load(path: try #require(SharedData.path(Self.path))).graph
        let weak = g.weakComponents()
        #expect(weak.largestSize == 139_133)                          // largest WCC nC
        #expect(weak.sizes.filter { $0 > 1 }.count == 43)             // nontrivial WCCs kC
        #expect(weak.sizes.filter { $0 == 1 }.count == 203)           // isolated n0 (no loops)
        var spectrum: [Int: Int] = [:]
        for size in g.strongComponents().sizes where size > 1 { spectrum[size, default: 0] += 1 }
        #expect(spectrum == [2: 51, 3: 10, 4: 4, 5: 2, 6: 2, 7: 1, 8: 2, 12: 1])
        #expect(!g.isAcyclic())
        // Depth h = nodes on a longest path of the condensation (levels).
        let dag = g.condensation().graph
        guard case .order(let order) = dag.topologicalOrder() else {
            Issue.record("the condensation must be acyclic")
            return
        }
        var level = [Int](repeating: 1, count: dag.nodeCount)
        for u in order {
            for v in dag.successors(of: u) { level[Int(v)] = max(level[Int(v)], level[Int(u)] + 1) }
        }
        #expect(level.max() == 43)
    }
}
