import Foundation
import Testing
@testable import NetworkAlgorithms

@Suite("Price model generator")
struct PriceModelTests {
    /// All arcs of a model, as (citing, cited) in generation order, plus the groups.
    func arcs(_ model: PriceModel) -> (arcs: [(Int, Int)], groups: [UInt16], perNode: [Int]) {
        var out: [(Int, Int)] = []
        var perNode = [Int](repeating: 0, count: model.nodeCount)
        var order: [Int] = []
        let groups = model.generate { i, refs in
            order.append(i)
            perNode[i] = refs.count
            for t in refs { out.append((i, Int(t))) }
        }
        #expect(order == Array(0..<model.nodeCount), "every work is emitted once, in order")
        return (out, groups, perNode)
    }

    /// N = 4, K = 3: work i has only i earlier works, so it cites all of them (in order):
    /// 1→0; 2→0, 2→1; 3→0, 3→1, 3→2 — six arcs, whatever the seed.
    @Test func smallNetworkByHand() {
        let r = arcs(PriceModel(nodeCount: 4, meanReferences: 3, seed: 99))
        #expect(r.arcs.map { [$0.0, $0.1] } == [[1, 0], [2, 0], [2, 1], [3, 0], [3, 1], [3, 2]])
    }

    /// Integer K = 3 on 2000 works: works 0, 1, 2 cite 0, 1, 2 works, every later work
    /// exactly 3 distinct earlier ones, so A = 3·2000 − (3 + 2 + 1) = 5994; every arc
    /// points to an older work (the network is acyclic by construction).
    @Test func exactReferenceCountsAndAcyclicity() {
        let model = PriceModel(nodeCount: 2000, meanReferences: 3, seed: 1)
        let r = arcs(model)
        #expect(r.arcs.count == 5994)
        #expect(model.expectedArcCount == 5994)
        #expect(r.arcs.allSatisfy { $0.1 < $0.0 && $0.1 >= 0 })
        for i in 0..<2000 { #expect(r.perNode[i] == min(3, i)) }
        var seen = Set<Int>()
        for (citing, cited) in r.arcs { #expect(seen.insert(citing * 2000 + cited).inserted, "duplicate arc \(citing)→\(cited)") }
    }

    /// Fractional K = 2.5: every work from 3 on has 2 or 3 references, with mean 2.5
    /// (a Bernoulli(0.5) mean over 19 997 works has s.d. 0.0035; tolerance 0.02).
    @Test func fractionalMeanReferences() {
        let r = arcs(PriceModel(nodeCount: 20_000, meanReferences: 2.5, seed: 5))
        let later = r.perNode[3...]
        #expect(later.allSatisfy { $0 == 2 || $0 == 3 })
        let mean = Double(later.reduce(0, +)) / Double(later.count)
        #expect(abs(mean - 2.5) < 0.02, "mean \(mean)")
    }

    @Test func sameSeedSameNetworkOtherSeedDifferent() {
        let model = PriceModel(nodeCount: 5000, meanReferences: 4.3, attachment: 2, groupProportions: [1, 1, 2], homophily: 0.4, seed: 11)
        let a = arcs(model), b = arcs(model)
        #expect(a.arcs.map { [$0.0, $0.1] } == b.arcs.map { [$0.0, $0.1] })
        #expect(a.groups == b.groups)
        var other = model
        other.seed = 12
        let c = arcs(other)
        #expect(a.arcs.map { [$0.0, $0.1] } != c.arcs.map { [$0.0, $0.1] })
        #expect(a.groups != c.groups)
    }

    /// Proportions 1 : 2 : 1 give shares 0.25, 0.5, 0.25 (s.d. ≤ 0.0036 on 20 000 works).
    @Test func groupProportions() {
        let model = PriceModel(nodeCount: 20_000, meanReferences: 1, groupProportions: [1, 2, 1], seed: 3)
        let groups = model.groups()
        let shares = (0..<3).map { g in Double(groups.filter { $0 == g }.count) / 20_000 }
        for (share, expected) in zip(shares, [0.25, 0.5, 0.25]) { #expect(abs(share - expected) < 0.02, "\(shares)") }
        // A zero proportion is never drawn.
        let skipping = PriceModel(nodeCount: 1000, meanReferences: 1, groupProportions: [1, 0, 1], seed: 3).groups()
        #expect(!skipping.contains(1))
        #expect(Set(skipping) == [0, 2])
    }

    /// Two equal literatures, K = 5, 20 000 works. A reference is within the citing
    /// work's literature with probability ≈ H + (1 − H)·½ (½: by symmetry the own
    /// literature holds about half the attachment weight): 0.5 for H = 0, 0.8 for H = 0.6.
    @Test(arguments: [(0.0, 0.5), (0.6, 0.8)])
    func homophilyShareOfWithinGroupArcs(h: Double, expected: Double) {
        let model = PriceModel(nodeCount: 20_000, meanReferences: 5, groupProportions: [1, 1], homophily: h, seed: 21)
        let r = arcs(model)
        let within = r.arcs.filter { r.groups[$0.0] == r.groups[$0.1] }.count
        let share = Double(within) / Double(r.arcs.count)
        #expect(abs(share - expected) < 0.05, "H = \(h): within-group share \(share)")
    }

    /// Cumulative advantage: in-degrees are heavy-tailed (the most cited work has far more
    /// than the mean K = 5), and far more so than with a huge attachment constant, which
    /// makes attachment almost uniform.
    @Test func inDegreesAreHeavyTailed() {
        func maxInDegree(_ a: Double) -> (max: Int, mean: Double) {
            var indeg = [Int](repeating: 0, count: 20_000)
            PriceModel(nodeCount: 20_000, meanReferences: 5, attachment: a, seed: 8).generate { _, refs in
                for t in refs { indeg[Int(t)] += 1 }
            }
            return (indeg.max() ?? 0, Double(indeg.reduce(0, +)) / 20_000)
        }
        let price = maxInDegree(1)
        let uniform = maxInDegree(1e9)
        #expect(price.max > 40 * Int(price.mean.rounded()), "max \(price.max), mean \(price.mean)")
        #expect(price.max > 4 * uniform.max, "Price max \(price.max), uniform max \(uniform.max)")
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: PriceModel.ParameterError.self) { try PriceModel(nodeCount: 10, meanReferences: 0.5, seed: 1).validate() }
        #expect(throws: PriceModel.ParameterError.self) { try PriceModel(nodeCount: 0, meanReferences: 2, seed: 1).validate() }
        #expect(throws: PriceModel.ParameterError.self) { try PriceModel(nodeCount: 10, meanReferences: 2, groupProportions: [1, 1], homophily: 1, seed: 1).validate() }
        #expect(throws: PriceModel.ParameterError.self) { try PriceModel(nodeCount: 10, meanReferences: 2, attachment: 0, seed: 1).validate() }
        #expect(throws: PriceModel.ParameterError.self) { try PriceModel(nodeCount: 10, meanReferences: 2, groupProportions: [0, 0], seed: 1).validate() }
        #expect(throws: Never.self) { try PriceModel(nodeCount: 10, meanReferences: 2, groupProportions: [1, 3], homophily: 0.9, seed: 1).validate() }
    }

    /// The TSV files: header comments, one line per arc and per work, byte-identical on a
    /// second run, and the nodes file's years bucketed as documented.
    @Test func tsvFilesAreDeterministic() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("price-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = PriceModel(nodeCount: 3000, meanReferences: 3.5, groupProportions: [2, 1], homophily: 0.3, seed: 4)
        var contents: [(Data, Data)] = []
        for run in 0..<2 {
            let edges = dir.appendingPathComponent("run\(run).tsv").path
            let nodes = dir.appendingPathComponent("run\(run).nodes.tsv").path
            var reports: [Int] = []
            let summary = try model.writeTSV(edgesPath: edges, nodesPath: nodes, yearBuckets: 10, firstYear: 1990) { reports.append($0) }
            #expect(reports == stride(from: 300, through: 3000, by: 300).map { $0 })
            let e = try Data(contentsOf: URL(fileURLWithPath: edges)), n = try Data(contentsOf: URL(fileURLWithPath: nodes))
            let edgeLines = String(decoding: e, as: UTF8.self).split(separator: "\n")
            #expect(edgeLines.count == summary.arcs + 2)
            #expect(edgeLines[0].hasPrefix("# siloscope generate --model price"))
            #expect(edgeLines[0].hasSuffix("seed=4"))
            #expect(edgeLines[1] == "# citing\tcited")
            #expect(edgeLines[2] == "1\t0")
            let nodeLines = String(decoding: n, as: UTF8.self).split(separator: "\n")
            #expect(nodeLines.count == 3002)
            #expect(nodeLines[0] == "# id\tgroup\tyear")
            // Work 0 is in year 1990, work 299 too, work 300 in 1991, work 2999 in 1999.
            #expect(nodeLines[2].hasPrefix("0\tL") && nodeLines[2].hasSuffix("\t1990"))
            #expect(nodeLines[301].hasPrefix("299\t") && nodeLines[301].hasSuffix("\t1990"))
            #expect(nodeLines[302].hasPrefix("300\t") && nodeLines[302].hasSuffix("\t1991"))
            #expect(nodeLines[3001].hasPrefix("2999\t") && nodeLines[3001].hasSuffix("\t1999"))
            #expect(summary.bytes == e.count + n.count)
            contents.append((e, n))
        }
        #expect(contents[0].0 == contents[1].0)
        #expect(contents[0].1 == contents[1].1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func decimalWriterHandlesEdgeValues() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("digits-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var w = try ChunkedWriter(path: path)
        for v in [0, 7, 10, 99, 100, 3_700_000, -42, Int.max] { w.appendInt(v); w.appendByte(0x20) }
        try w.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "0 7 10 99 100 3700000 -42 9223372036854775807 ")
    }
}
