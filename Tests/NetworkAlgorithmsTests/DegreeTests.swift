import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Degree and strength")
struct DegreeTests {
    /// 0→1, 0→1 (duplicate), 1→1 (loop), 2→0: by hand in = [1, 3, 0], out = [2, 1, 1].
    @Test func handCountedMultigraph() {
        let g = makeGraph(nodes: 3, [(0, 1), (0, 1), (1, 1), (2, 0)])
        #expect(g.inDegrees() == [1, 3, 0])
        #expect(g.outDegrees() == [2, 1, 1])
        #expect(g.selfLoopCount() == 1)
        #expect(g.duplicateArcCount() == 1)
        #expect(g.inStrengths() == [1, 3, 0])
    }

    /// Weighted: a→b 2.5, a→c 1, c→b 0.5 → out-strength a 3.5, c 0.5; in-strength b 3.
    @Test func weightedStrength() {
        var builder = GraphBuilder()
        builder.addArc(from: "a", to: "b", weight: 2.5)
        builder.addArc(from: "a", to: "c", weight: 1)
        builder.addArc(from: "c", to: "b", weight: 0.5)
        let g = builder.build().graph
        #expect(g.outStrengths() == [3.5, 0, 0.5])
        #expect(g.inStrengths() == [0, 3, 1])
    }

    @Test func matchesNetworkXOnFixtures() throws {
        for fixture in try PeerFixtures.small() {
            let g = fixture.graph()
            #expect(g.inDegrees() == fixture.inDegree, "\(fixture.name)")
            #expect(g.outDegrees() == fixture.outDegree, "\(fixture.name)")
            #expect(g.selfLoopCount() == fixture.selfLoops, "\(fixture.name)")
        }
    }
}
