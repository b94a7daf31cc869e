import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Mixing, homophily and E-I")
struct BridgingTests {
    /// Two directed triangles A = {0,1,2}, B = {3,4,5} and the bridge 2→3.
    static func twoTriangles() -> (Graph, Partition) {
        let g = makeGraph(nodes: 6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
        return (g, Partition(values: ["A", "A", "A", "B", "B", "B"]))
    }

    /// By hand: arcs A→A 3, A→B 1 (the bridge), B→B 3, B→A 0.
    /// Row shares: A [3/4, 1/4], B [0, 1]. Column shares: A [1, 0], B [1/4, 3/4].
    @Test func mixingByHand() {
        let (g, p) = Self.twoTriangles()
        let mixing = g.mixingMatrix(by: p)
        #expect(mixing.groupNames == ["A", "B"])
        #expect(mixing.counts == [[3, 1], [0, 3]])
        #expect(mixing.total == 7)
        #expect(mixing.rowShares() == [[0.75, 0.25], [0, 1]])
        #expect(mixing.columnShares() == [[1, 0.25], [0, 0.75]])
    }

    /// By hand, on the 7 undirected edges (6 internal, 1 external):
    /// edge homophily 6/7; E-I (1 − 6)/7 = −5/7; per group A: EL 1, IL 3 → (1−3)/4 = −1/2,
    /// same for B; node 2: neighbours 0, 1 (own) and 3 (other) → (1−2)/3 = −1/3; node 0: −1.
    /// Class-insensitive: h_A = 6 same-group edge ends / 7 ends = 6/7, |A|/n = 1/2,
    /// so each group gives 6/7 − 1/2 = 5/14; (5/14 + 5/14)/(C − 1 = 1) = 5/7.
    @Test func homophilyAndEIByHand() {
        let (g, p) = Self.twoTriangles()
        let h = g.homophily(by: p)
        #expect(h.edges == 7 && h.internalEdges == 6)
        #expect(h.edgeHomophily == 6.0 / 7.0)
        #expect(abs((h.classInsensitiveHomophily ?? .nan) - 5.0 / 7.0) < 1e-15)
        let ei = g.eiIndex(by: p)
        #expect(ei.external == 1 && ei.internal == 6)
        #expect(ei.network == -5.0 / 7.0)
        #expect(ei.byGroup == [-0.5, -0.5])
        #expect(ei.byNode[2] == -1.0 / 3.0)
        #expect(ei.byNode[0] == -1)
        #expect(ei.byNode[3] == -1.0 / 3.0)
    }

    /// Reciprocal arcs, duplicates and self-loops: the undirected simple view counts each
    /// linked pair once and drops loops, while the mixing matrix counts every arc.
    /// Arcs: 0→1, 1→0, 0→1 (dup), 1→1 (loop), 1→2; groups X = {0, 1}, Y = {2}.
    /// Mixing by hand: X→X = 0→1, 1→0, 0→1, 1→1 = 4; X→Y = 1 → [[4, 1], [0, 0]].
    /// Undirected: {0,1} internal, {1,2} external → homophily 1/2, E-I 0.
    @Test func simpleViewVersusArcs() {
        let g = makeGraph(nodes: 3, [(0, 1), (1, 0), (0, 1), (1, 1), (1, 2)])
        let p = Partition(values: ["X", "X", "Y"])
        #expect(g.mixingMatrix(by: p).counts == [[4, 1], [0, 0]])
        #expect(g.homophily(by: p).edgeHomophily == 0.5)
        #expect(g.eiIndex(by: p).network == 0)
        // Y has one edge end (node 2, its edge goes to X): h_Y = 0; h_X = 2 of 3 ends → 2/3.
        // |X|/n = 2/3, so both terms are 0 → class-insensitive homophily 0.
        #expect(g.homophily(by: p).classInsensitiveHomophily == 0)
    }

    /// Missing values: node 3 has no label. Included, "(missing)" is a group of its own;
    /// excluded, node 3 and its edges disappear.
    /// Arcs 0→1, 1→2, 2→3, 3→0; groups A {0,1}, B {2}, missing {3}.
    /// Include: edges {0,1} in, {1,2}, {2,3}, {0,3} out → homophily 1/4, mixing 3×3.
    /// Exclude: edges {0,1}, {1,2} → homophily 1/2, E-I 0, mixing [[1,1],[0,0]].
    @Test func missingGroupPolicy() {
        let g = makeGraph(nodes: 4, [(0, 1), (1, 2), (2, 3), (3, 0)])
        let p = Partition(values: ["A", "A", "B", nil])
        #expect(p.groupNames == ["A", "B", "(missing)"])
        #expect(g.homophily(by: p).edgeHomophily == 0.25)
        #expect(g.mixingMatrix(by: p).counts == [[1, 1, 0], [0, 0, 1], [1, 0, 0]])
        let excluded = g.bridging(by: p, attribute: "field", missing: .exclude)
        #expect(excluded.groups == ["A", "B"])
        #expect(excluded.groupSizes == [2, 1])
        #expect(excluded.edgeHomophily == 0.5)
        #expect(excluded.eiIndex == 0)
        #expect(excluded.mixing == [[1, 1], [0, 0]])
        #expect(g.eiIndex(by: p, missing: .exclude).byNode[3] == nil)
    }

    /// No edges: every ratio is undefined and encodes as JSON null; a single group
    /// leaves class-insensitive homophily undefined.
    @Test func undefinedValuesEncodeAsNull() throws {
        let g = makeGraph(nodes: 2, [])
        let result = g.bridging(by: Partition(values: ["A", "A"]), attribute: "x")
        #expect(result.edgeHomophily == nil && result.eiIndex == nil && result.classInsensitiveHomophily == nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(json.contains(#""edgeHomophily":null"#))
        #expect(json.contains(#""null":null"#))
        #expect(json.contains(#""eiIndexByGroup":[null]"#))
        // Two groups but no edges: class-insensitive homophily is undefined too (it was 0,
        // reading as "no homophily" where there is nothing to measure).
        let twoGroups = g.bridging(by: Partition(values: ["A", "B"]), attribute: "x")
        #expect(twoGroups.classInsensitiveHomophily == nil && twoGroups.edgeHomophily == nil)
    }

    /// Two triangles and a bridge, by hand. Arcs: 7; e_AA = e_BB = 3/7, e_AB = 1/7.
    /// Rows a = (4/7, 3/7), columns b = (3/7, 4/7); Σ a·b = 24/49; Σ e_ii = 6/7 = 42/49.
    /// Assortativity r = (42/49 − 24/49)/(1 − 24/49) = 18/25 = 0.72.
    /// Directed modularity Q = 42/49 − 24/49 = 18/49.
    /// Undirected: E = 7, each triangle has L = 3 and degree sum 7:
    /// Q = 2 · (3/7 − (7/14)²) = 6/7 − 1/2 = 5/14.
    @Test func assortativityAndModularityByHand() {
        let (g, p) = Self.twoTriangles()
        #expect(abs((g.nominalAssortativity(by: p) ?? .nan) - 0.72) < 1e-15)
        #expect(abs((g.modularity(of: p) ?? .nan) - 18.0 / 49.0) < 1e-15)
        #expect(abs((g.modularity(of: p, directed: false) ?? .nan) - 5.0 / 14.0) < 1e-15)
        // Resolution 0 leaves only the fraction of internal arcs / edges.
        #expect(abs((g.modularity(of: p, resolution: 0) ?? .nan) - 6.0 / 7.0) < 1e-15)
        // One group: Σ a·b = 1, assortativity undefined; modularity 1 − 1 = 0.
        let one = Partition(values: Array(repeating: "A", count: 6))
        #expect(g.nominalAssortativity(by: one) == nil)
        #expect(g.modularity(of: one) == 0)
    }

    /// The bridging document has every key of ARCHITECTURE.md §6.
    @Test func bridgingJSONKeys() throws {
        let (g, p) = Self.twoTriangles()
        let result = g.bridging(by: p, attribute: "literature")
        let data = try JSONEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["attribute", "groups", "mixing", "edgeHomophily", "classInsensitiveHomophily", "eiIndex",
                    "eiIndexByGroup", "assortativity", "modularity", "null"] {
            #expect(object.keys.contains(key), "missing key \(key)")
        }
        #expect(object["attribute"] as? String == "literature")
        let decoded = try JSONDecoder().decode(BridgingResult.self, from: data)
        #expect(decoded == result)
    }

    /// Every fixture graph with labels: mixing, homophily, class-insensitive homophily and
    /// E-I (network and per group) equal the script's values (NetworkX graph views),
    /// with "(missing)" included and excluded.
    @Test func matchesPeerScript() throws {
        for fixture in try PeerFixtures.small() {
            guard let p = fixture.partition(), let expected = fixture.bridging else { continue }
            let g = fixture.graph()
            check(g.bridging(by: p, attribute: "g"), expected, fixture.name)
            if let excluded = fixture.bridgingExcludingMissing {
                check(g.bridging(by: p, attribute: "g", missing: .exclude), excluded, fixture.name + " (excluding missing)")
            }
        }
    }
}

func check(_ ours: BridgingResult, _ expected: PeerFixtures.Bridging, _ name: String) {
    #expect(ours.groups == expected.groups, "\(name)")
    #expect(ours.groupSizes == expected.groupSizes, "\(name)")
    #expect(ours.mixing == expected.mixing, "\(name)")
    #expect(ours.edges == expected.edges, "\(name)")
    #expect(close(ours.edgeHomophily, expected.edgeHomophily, relative: 1e-12), "\(name)")
    #expect(close(ours.classInsensitiveHomophily, expected.classInsensitiveHomophily, relative: 1e-12), "\(name)")
    #expect(close(ours.eiIndex, expected.eiIndex, relative: 1e-12), "\(name)")
    #expect(ours.eiIndexByGroup.count == expected.eiIndexByGroup.count, "\(name)")
    if let r = expected.assortativity {
        #expect(close(ours.assortativity, r, relative: 1e-9), "\(name): assortativity \(String(describing: ours.assortativity)) vs \(r)")
    }
    if let q = expected.modularityDirected {
        #expect(close(ours.modularity, q, relative: 1e-9), "\(name): modularity \(String(describing: ours.modularity)) vs \(q)")
    }
    if let q = expected.modularityUndirected {
        #expect(close(ours.modularityUndirected, q, relative: 1e-9), "\(name): undirected modularity \(String(describing: ours.modularityUndirected)) vs \(q)")
    }
    for (a, b) in zip(ours.eiIndexByGroup, expected.eiIndexByGroup) {
        #expect(close(a, b, relative: 1e-12), "\(name): E-I by group \(String(describing: a)) vs \(String(describing: b))")
    }
}
