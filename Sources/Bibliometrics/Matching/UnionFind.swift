/// Disjoint sets with path halving (Tarjan & van Leeuwen 1984, *Worst-case analysis of set
/// union algorithms*, J ACM 31(2), doi:10.1145/62.2160); each set
/// remembers the groups (reference lists) of its members and whether one has a title.
/// `find` is amortised near-constant; `union` keeps the smaller root index as root, so the
/// structure's state depends only on the sequence of calls (deterministic).
struct UnionFind {
    private var parent: [Int]
    private var groups: [Set<Int>]
    private var titled: [Bool]

    init(count: Int, groups: [Int], titled: [Bool]) {
        parent = Array(0..<count)
        self.groups = (0..<count).map { i in i < groups.count ? [groups[i]] : [] }
        self.titled = (0..<count).map { i in i < titled.count ? titled[i] : false }
    }

    /// `true` when a member of the set of `x` has a title.
    mutating func hasTitled(_ x: Int) -> Bool { titled[find(x)] }

    mutating func find(_ x: Int) -> Int { pathHalvingRoot(of: x, in: &parent) }

    /// `true` when the sets of `a` and `b` share no group.
    mutating func disjointGroups(_ a: Int, _ b: Int) -> Bool {
        let ra = find(a), rb = find(b)
        return groups[ra].isDisjoint(with: groups[rb])
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return }
        let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
        parent[child] = root
        groups[root].formUnion(groups[child])
        groups[child] = []
        titled[root] = titled[root] || titled[child]
    }
}

/// The root of `x` in the parent array of a disjoint-set forest, halving the path on the way
/// (each visited node is hung under its grandparent; Tarjan & van Leeuwen 1984,
/// doi:10.1145/62.2160). Shared by ``UnionFind`` and the import's final merge pass.
/// Amortised near-constant time with union by smaller index. Deterministic.
func pathHalvingRoot(of x: Int, in parent: inout [Int]) -> Int {
    var x = x
    while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
    }
    return x
}
