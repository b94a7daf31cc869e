import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Silo statistics over time")
struct SiloTrajectoryTests {
    /// Works (group, year): 0 (A, 2000), 1 (B, 2000), 2 (A, 2001), 3 (B, 2001),
    /// 4 (A, 2003), 5 (B, undated).
    /// Arcs by the citing work's year:
    /// - 2000: 0→1 (A→B), 1→0 (B→A)
    /// - 2001: 2→0 (A→A), 3→1 (B→B), 3→0 (B→A)
    /// - 2002: none
    /// - 2003: 4→2 (A→A), 4→3 (A→B), 4→1 (A→B)
    /// - undated: 5→0 (never in a window)
    static func example() -> (Graph, Partition, [Int?]) {
        let g = makeGraph(nodes: 6, [(0, 1), (1, 0), (2, 0), (3, 1), (3, 0), (4, 2), (4, 3), (4, 1), (5, 0)])
        return (g, Partition(values: ["A", "B", "A", "B", "A", "B"]), [2000, 2000, 2001, 2001, 2003, nil])
    }

    /// Calendar years, by hand:
    /// - 2000: 2 arcs, mixing [[0,1],[1,0]]; one undirected pair {0,1}, external:
    ///   homophily 0/1 = 0, E-I (1 − 0)/1 = 1.
    /// - 2001: 3 arcs, mixing [[1,0],[1,1]]; pairs {0,2} internal, {1,3} internal, {0,3}
    ///   external: homophily 2/3, E-I (1 − 2)/3 = −1/3.
    /// - 2002: empty: 0 arcs, zero mixing, homophily and E-I nil.
    /// - 2003: 3 arcs, mixing [[1,2],[0,0]]; {2,4} internal, {3,4} and {1,4} external:
    ///   homophily 1/3, E-I (2 − 1)/3 = 1/3.
    @Test func calendarYears() throws {
        let (g, p, years) = Self.example()
        let t = try g.siloTrajectory(by: p, years: years, windows: .years)
        #expect(t.map(\.start) == [2000, 2001, 2002, 2003])
        #expect(t.map(\.end) == [2000, 2001, 2002, 2003])
        #expect(t.map(\.arcs) == [2, 3, 0, 3])
        #expect(t.map(\.mixing.counts) == [[[0, 1], [1, 0]], [[1, 0], [1, 1]], [[0, 0], [0, 0]], [[1, 2], [0, 0]]])
        #expect(t.allSatisfy { $0.mixing.groupNames == ["A", "B"] })
        #expect(t.map(\.edges) == [1, 3, 0, 3])
        #expect(t.map(\.internalEdges) == [0, 2, 0, 1])
        #expect(t[0].edgeHomophily == 0 && t[2].edgeHomophily == nil)
        #expect(abs((t[1].edgeHomophily ?? .nan) - 2.0 / 3) < 1e-12)
        #expect(abs((t[3].edgeHomophily ?? .nan) - 1.0 / 3) < 1e-12)
        #expect(t[0].eiIndex == 1 && t[2].eiIndex == nil)
        #expect(abs((t[1].eiIndex ?? .nan) + 1.0 / 3) < 1e-12)
        #expect(abs((t[3].eiIndex ?? .nan) - 1.0 / 3) < 1e-12)
        #expect(t.allSatisfy { $0.null == nil })
    }

    /// Sliding windows of width 2, step 2: [2000, 2001] holds the 5 arcs of those years,
    /// mixing [[1,1],[2,1]]; pairs {0,1} ext, {0,2} int, {1,3} int, {0,3} ext →
    /// homophily 2/4 = 0.5, E-I 0. [2002, 2003] equals year 2003.
    /// Width 3, step 2: starts 2000 and 2002 (2004 > 2003, the last year).
    @Test func slidingWindows() throws {
        let (g, p, years) = Self.example()
        let t = try g.siloTrajectory(by: p, years: years, windows: .sliding(width: 2, step: 2))
        #expect(t.map { [$0.start, $0.end] } == [[2000, 2001], [2002, 2003]])
        #expect(t[0].arcs == 5 && t[0].mixing.counts == [[1, 1], [2, 1]])
        #expect(t[0].edges == 4 && t[0].internalEdges == 2 && t[0].edgeHomophily == 0.5 && t[0].eiIndex == 0)
        #expect(t[1].mixing.counts == [[1, 2], [0, 0]])
        let u = try g.siloTrajectory(by: p, years: years, windows: .sliding(width: 3, step: 2))
        #expect(u.map { [$0.start, $0.end] } == [[2000, 2002], [2002, 2004]])
        #expect(u.map(\.arcs) == [5, 3])
        #expect(throws: InputError.self) { try g.siloTrajectory(by: p, years: years, windows: .sliding(width: 0, step: 1)) }
        #expect(throws: InputError.self) { try g.siloTrajectory(by: p, years: years, windows: .sliding(width: 2, step: 0)) }
    }

    /// First links by hand: A→B in 2000 (0→1), B→A in 2000 (1→0), A→A in 2001 (2→0),
    /// B→B in 2001 (3→1). The undated 5→0 (B→A) is ignored. Without work 1's year, B→A
    /// first happens in 2001 (3→0) and A→B stays 2000.
    @Test func firstLinks() {
        let (g, p, years) = Self.example()
        #expect(g.firstLinkYears(by: p, years: years) == [[2001, 2000], [2000, 2001]])
        var fewer = years
        fewer[1] = nil
        #expect(g.firstLinkYears(by: p, years: fewer) == [[2001, 2000], [2001, 2001]])
        #expect(g.firstLinkYears(by: p, years: [nil, nil]) == [[nil, nil], [nil, nil]])
    }

    /// Works (group, year): 0 (A, 2000), 1 (A, 1999), 2 (B, 2000), 3 (B, 1999),
    /// 4 (missing, 2000), 5 (missing, 2001), 6 (A, 2001). Groups A, B, (missing) = 2.
    /// Arcs by the citing work's year:
    /// - 1999: 1→4 (A→m)
    /// - 2000: 0→1 (A→A), 0→4 (A→m), 2→3 (B→B), 2→4 (B→m), 4→1 (m→A), 4→3 (m→B)
    /// - 2001: 6→1 (A→A), 6→2 (A→B), 5→0 (m→A)
    static func withMissing() -> (Graph, Partition, [Int?]) {
        let g = makeGraph(nodes: 7, [(1, 4), (0, 1), (0, 4), (2, 3), (2, 4), (4, 1), (4, 3), (6, 1), (6, 2), (5, 0)])
        return (g, Partition(values: ["A", "A", "B", "B", nil, nil, "A"]), [2000, 1999, 2000, 1999, 2000, 2001, 2001])
    }

    /// The missing group counted as a group (`.include`), by hand:
    /// - 1999: 1 arc, pair {1,4} external: homophily 0, E-I (1 − 0)/1 = 1.
    /// - 2000: 6 arcs; pairs {0,1} int, {2,3} int, {0,4}, {2,4}, {1,4}, {3,4} ext:
    ///   homophily 2/6 = 1/3, E-I (4 − 2)/6 = 1/3.
    /// - 2001: 3 arcs; {1,6} int, {2,6} ext, {0,5} ext: homophily 1/3, E-I 1/3.
    /// Left out (`.exclude`): every arc touching 4 or 5 goes, so 1999 (only 1→4) has no
    /// kept arc and the windows start in 2000:
    /// - 2000: 0→1, 2→3; both pairs internal: homophily 1, E-I (0 − 2)/2 = −1.
    /// - 2001: 6→1, 6→2; {1,6} int, {2,6} ext: homophily 1/2, E-I 0.
    @Test func missingGroupCountedOrLeftOut() throws {
        let (g, p, years) = Self.withMissing()
        let all = try g.siloTrajectory(by: p, years: years, windows: .years)
        #expect(all.map(\.start) == [1999, 2000, 2001])
        #expect(all.map(\.arcs) == [1, 6, 3])
        #expect(all.allSatisfy { $0.mixing.groupNames == ["A", "B", "(missing)"] })
        #expect(all.map(\.mixing.counts) == [[[0, 0, 1], [0, 0, 0], [0, 0, 0]],
                                              [[1, 0, 1], [0, 1, 1], [1, 1, 0]],
                                              [[1, 1, 0], [0, 0, 0], [1, 0, 0]]])
        #expect(all.map(\.edges) == [1, 6, 3] && all.map(\.internalEdges) == [0, 2, 1])
        #expect(all[0].edgeHomophily == 0 && all[0].eiIndex == 1)
        for w in all.dropFirst() {
            #expect(abs((w.edgeHomophily ?? .nan) - 1.0 / 3) < 1e-12)
            #expect(abs((w.eiIndex ?? .nan) - 1.0 / 3) < 1e-12)
        }
        let known = try g.siloTrajectory(by: p, years: years, windows: .years, missing: .exclude)
        #expect(known.map(\.start) == [2000, 2001])
        #expect(known.map(\.arcs) == [2, 2])
        #expect(known.allSatisfy { $0.mixing.groupNames == ["A", "B"] })
        #expect(known.map(\.mixing.counts) == [[[1, 0], [0, 1]], [[1, 1], [0, 0]]])
        #expect(known.map(\.edges) == [2, 2] && known.map(\.internalEdges) == [2, 1])
        #expect(known.map(\.edgeHomophily) == [1, 0.5])
        #expect(known.map(\.eiIndex) == [-1, 0])
        // Without a missing group the policy changes nothing.
        let (h, q, y) = Self.example()
        #expect(try h.siloTrajectory(by: q, years: y, windows: .years, missing: .exclude)
                == h.siloTrajectory(by: q, years: y, windows: .years))
    }

    /// First links with the missing group m counted: A→A 2000 (0→1), A→B 2001 (6→2),
    /// A→m 1999 (1→4), B→A never, B→B 2000 (2→3), B→m 2000 (2→4), m→A 2000 (4→1; 5→0 is
    /// 2001), m→B 2000 (4→3), m→m never. Left out: the A, B block alone.
    @Test func firstLinksWithMissingGroup() {
        let (g, p, years) = Self.withMissing()
        #expect(g.firstLinkYears(by: p, years: years) == [[2000, 2001, 1999], [nil, 2000, 2000], [2000, 2000, nil]])
        #expect(g.firstLinkYears(by: p, years: years, missing: .exclude) == [[2000, 2001], [nil, 2000]])
    }

    /// With samples, each window with arcs gets a permutation null over its own works;
    /// the empty year has none; same seed, same result. Window 2000 has two works of
    /// different groups: every shuffle keeps the single edge external, so
    /// P(homophily ≥ 0) = 1 and the null mean is 0.
    @Test func nullPerWindow() throws {
        let (g, p, years) = Self.example()
        let t = try g.siloTrajectory(by: p, years: years, windows: .years, nullSamples: 40, seed: 3)
        #expect(t.map { $0.null != nil } == [true, true, false, true])
        #expect(t[0].null?.pValues.edgeHomophily == 1)
        #expect(t[0].null?.expected.edgeHomophily == 0)
        #expect(t[1].null?.samples == 40 && t[1].null?.seed == 3)
        #expect(try g.siloTrajectory(by: p, years: years, windows: .years, nullSamples: 40, seed: 3) == t)
    }

    /// On a random dated graph the calendar-year windows partition the dated arcs: their
    /// arc counts and mixing matrices add up to those of the dated citing works.
    @Test func windowsPartitionArcs() throws {
        let arcs = randomArcs(nodes: 200, arcs: 900, seed: 21)
        let g = makeGraph(nodes: 200, arcs)
        let p = Partition(values: (0..<200).map { ["A", "B", "C"][$0 % 3] })
        let years: [Int?] = (0..<200).map { $0 % 17 == 0 ? nil : 1990 + ($0 * 13) % 25 }
        let t = try g.siloTrajectory(by: p, years: years, windows: .years)
        let dated = arcs.filter { years[$0.0] != nil }
        #expect(t.reduce(0) { $0 + $1.arcs } == dated.count)
        var total = [[Int]](repeating: [0, 0, 0], count: 3)
        for w in t { for r in 0..<3 { for c in 0..<3 { total[r][c] += w.mixing.counts[r][c] } } }
        var expected = [[Int]](repeating: [0, 0, 0], count: 3)
        for (u, v) in dated { expected[u % 3][v % 3] += 1 }
        #expect(total == expected)
    }

    /// Sliding windows (width 4, step 3) against a brute force: for each window, the set
    /// of unordered pairs {u, v}, u ≠ v, linked by an arc whose citing work's year is in
    /// the window, and the share of those pairs within one group.
    @Test func slidingMatchesBruteForce() throws {
        let n = 120
        let arcs = randomArcs(nodes: n, arcs: 600, seed: 31)
        let g = makeGraph(nodes: n, arcs)
        let p = Partition(values: (0..<n).map { ["A", "B"][($0 * 7 / 3) % 2] })
        let years: [Int?] = (0..<n).map { $0 % 11 == 0 ? nil : 2000 + ($0 * 5) % 14 }
        let t = try g.siloTrajectory(by: p, years: years, windows: .sliding(width: 4, step: 3))
        let dated = arcs.compactMap { arc in years[arc.0].map { (arc.0, arc.1, $0) } }
        let first = dated.map(\.2).min() ?? 0, last = dated.map(\.2).max() ?? 0
        #expect(t.map(\.start) == Array(stride(from: first, through: last, by: 3)))
        for w in t {
            let inside = dated.filter { $0.2 >= w.start && $0.2 <= w.end }
            var pairs = Set<[Int]>()
            for (u, v, _) in inside where u != v { pairs.insert([min(u, v), max(u, v)]) }
            let internalPairs = pairs.filter { p.groupOf[$0[0]] == p.groupOf[$0[1]] }.count
            #expect(w.arcs == inside.count)
            #expect(w.edges == pairs.count && w.internalEdges == internalPairs)
            if !pairs.isEmpty {
                #expect(abs((w.edgeHomophily ?? .nan) - Double(internalPairs) / Double(pairs.count)) < 1e-12)
            }
        }
    }
}
