import NetworkCore
import TestSupport

/// A seeded random partitioned network for figure tests: `groups` groups of roughly equal
/// size, `arcsPerNode` arcs per node, each to the same group with probability
/// `homophily`, heavier-tailed targets (preferring lower indices) so scores vary.
struct RandomPartitionedNetwork {
    let nodeCount: Int
    let arcs: [(Int32, Int32)]
    let partition: Partition
    let labels: [String]
    let tooltips: [String]
    let dois: [String?]
    let scores: [Double]

    init(nodes n: Int, groups: Int, arcsPerNode: Int, homophily: Double, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let names = ["Public Administration", "Sociology", "HSR/QI", "Economics", "Psychology", "Design", "Nursing", "Policy", "Law", "Education"]
        let groupOf = (0..<n).map { _ in Int.random(in: 0..<groups, using: &rng) }
        var members = [[Int]](repeating: [], count: groups)
        for v in 0..<n { members[groupOf[v]].append(v) }
        var arcs: [(Int32, Int32)] = []
        var indeg = [Double](repeating: 0, count: n)
        for u in 0..<n {
            for _ in 0..<arcsPerNode {
                let same = Double.random(in: 0..<1, using: &rng) < homophily
                let pool = same ? members[groupOf[u]] : members[Int.random(in: 0..<groups, using: &rng)]
                guard !pool.isEmpty else { continue }
                // Bias to early members: min of two draws.
                let a = Int.random(in: 0..<pool.count, using: &rng), b = Int.random(in: 0..<pool.count, using: &rng)
                let v = pool[min(a, b)]
                if v != u { arcs.append((Int32(u), Int32(v))); indeg[v] += 1 }
            }
        }
        nodeCount = n
        self.arcs = arcs
        partition = Partition(values: groupOf.map { names[$0 % names.count] + (groups > names.count && $0 >= names.count ? " \($0)" : "") })
        let surnames = ["Ostrom", "Bovaird", "Batalden", "Needham", "Brandsen", "Osborne", "Voorberg", "Pestoff", "Alford", "Loeffler", "Palumbo", "Fusco"]
        labels = (0..<n).map { "\(surnames[$0 % surnames.count]) (\(1975 + $0 % 47))" }
        tooltips = (0..<n).map { "\(surnames[$0 % surnames.count]) et al. (\(1975 + $0 % 47)). A study of co-production number \($0)." }
        dois = (0..<n).map { $0 % 3 == 0 ? "10.1000/test.\($0)" : nil }
        scores = indeg.map { $0 + 1 }
    }
}
