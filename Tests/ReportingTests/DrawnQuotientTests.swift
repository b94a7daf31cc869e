import Testing
@testable import Reporting

/// The quotient figure of a dataset with many literatures keeps the largest groups and
/// merges the rest into one node (hand-built flows; every expected number summed by hand).
@Suite("Drawn quotient")
struct DrawnQuotientTests {
    /// Groups A (size 5), B (4), C (3), D (2) by size, and (missing) (6) last. Flows
    /// (row cites column): A→B 10, B→A 2, C→A 3, D→A 1, C→D 4, D→C 5, A→(missing) 20,
    /// (missing)→D 7, within: A 6, C 1, D 2. Keeping 2 groups: C and D merge into "other 2
    /// groups": other→A = 3 + 1 = 4; other→other = 4 + 5 + 1 + 2 = 12; (missing)→other 7.
    @Test func smallGroupsAreMergedAndRatiosDroppedForThem() {
        let names = ["A", "B", "C", "D", "(missing)"]
        var f = [[Double]](repeating: [0, 0, 0, 0, 0], count: 5)
        f[0][1] = 10; f[1][0] = 2; f[2][0] = 3; f[3][0] = 1; f[2][3] = 4; f[3][2] = 5; f[0][4] = 20; f[4][3] = 7
        f[0][0] = 6; f[2][2] = 1; f[3][3] = 2
        let ratios: [[Double?]] = (0..<5).map { i in (0..<5).map { j in Double(10 * i + j) } }
        let d = DrawnQuotient(names: names, flows: f, sizes: [5, 4, 3, 2, 6], missingGroup: 4, ratios: ratios, keep: 2)
        #expect(d.names == ["A", "B", "other 2 groups", "(missing)"])
        #expect(d.sizes == [5, 4, 5, 6])
        #expect(d.missingGroup == 3)
        #expect(d.merged == 2)
        #expect(d.flows[2][0] == 4 && d.flows[2][2] == 12 && d.flows[3][2] == 7 && d.flows[0][3] == 20 && d.flows[0][1] == 10)
        #expect(d.ratios?[0][1] == 1 && d.ratios?[1][0] == 10 && d.ratios?[0][3] == 4)   // A→B, B→A, A→(missing) keep theirs
        #expect(d.ratios?[2][0] == nil && d.ratios?[0][2] == nil && d.ratios?[2][2] == nil)
        #expect(d.minimumFlow == 0)   // 4 nodes: every arc drawn
        #expect(!d.captionNote.isEmpty)
    }

    /// Few groups: nothing changes. Seven nodes: arcs under 1% of the between-group flow
    /// (here 1% of 1 + 100 · 6 = 601 → 7, rounded up) are not drawn.
    @Test func fewGroupsAreKeptAndManyGetAThreshold() {
        let same = DrawnQuotient(names: ["A", "B"], flows: [[1, 2], [3, 4]], sizes: [1, 1], missingGroup: nil, ratios: nil)
        #expect(same.names == ["A", "B"] && same.flows == [[1, 2], [3, 4]] && same.merged == 0 && same.minimumFlow == 0)
        var f = [[Double]](repeating: [Double](repeating: 0, count: 7), count: 7)
        f[0][1] = 1
        for j in 1..<7 { f[j][0] = 100 }
        let many = DrawnQuotient(names: (0..<7).map { "G\($0)" }, flows: f, sizes: [Int](repeating: 1, count: 7), missingGroup: nil, ratios: nil)
        #expect(many.names.count == 7 && many.minimumFlow == 7)
    }

    /// The heatmap's tables merge the same way: 3 named groups, keep 1 → "other 2 groups";
    /// expected counts add up (0.5 + 1.5 + 2 + 1 = 5 for other→other), a NaN stays NaN.
    @Test func heatmapTablesMergeAdditively() {
        let expected: [[Double]] = [[1, 2, 3], [4, 0.5, 1.5], [5, 2, 1]]
        let m = DrawnQuotient.merged(expected, names: ["A", "B", "C"], missingGroup: nil, keep: 1)
        #expect(m.names == ["A", "other 2 groups"] && m.merged == 2)
        #expect(m.table == [[1, 5], [9, 5]])
        let withNaN = DrawnQuotient.merged([[1, .nan], [1, 1]], names: ["A", "B"], missingGroup: nil, keep: 1)
        #expect(withNaN.table[0][1].isNaN && withNaN.table[1][1] == 1)
    }
}
