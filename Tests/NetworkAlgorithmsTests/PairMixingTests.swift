import NetworkCore
import Testing
@testable import NetworkAlgorithms

@Suite("Undirected pair mixing")
struct PairMixingTests {
    /// Hand-worked: pairs {a,b} (X–X), {a,c} (X–Y), {b,c} (X–Y), {c,d} (Y–Y); the arc
    /// c → a repeats {a,c} and the loop d → d is not a pair, so 4 pairs, 2 crossing.
    @Test func countsEachLinkedPairOnce() {
        var b = GraphBuilder()
        for (u, v) in [("a", "b"), ("a", "c"), ("c", "a"), ("b", "c"), ("c", "d"), ("d", "d")] { b.addArc(from: u, to: v) }
        let g = b.build().graph
        let p = Partition(values: ["X", "X", "Y", "Y"])  // a, b, c, d
        let m = g.undirectedSimple().pairMixing(by: p)
        #expect(m.pairs == 4)
        #expect(m.counts == [[1, 2], [2, 1]])
        #expect(m.crossPairs == 2)
    }
}
