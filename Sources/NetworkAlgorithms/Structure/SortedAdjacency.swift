import NetworkCore

extension Graph {
    /// The reverse of a CSR adjacency: for every `v → w` in `offsets`/`adjacency`, `v`
    /// in `w`'s list. Lists come out ascending when the input is scanned in node order.
    /// O(n + m) time and memory.
    static func reverseAdjacency(offsets: [Int], adjacency: [Int32], n: Int) -> ([Int], [Int32]) {
        var start = [Int](repeating: 0, count: n + 1)
        for w in adjacency { start[Int(w) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var reversed = [Int32](repeating: 0, count: adjacency.count)
        for v in 0..<n {
            for p in offsets[v]..<offsets[v + 1] {
                let w = Int(adjacency[p])
                reversed[fill[w]] = Int32(v)
                fill[w] += 1
            }
        }
        return (start, reversed)
    }
}

/// The first position in `range` of the ascending `list` whose value is not below `x`
/// (`range.upperBound` when every value is below). Binary search, O(log |range|). Used
/// to find a head in a node's sorted adjacency list.
@inline(__always)
func sortedLowerBound<C: RandomAccessCollection>(of x: Int32, in list: C, _ range: Range<Int>) -> Int
where C.Element == Int32, C.Index == Int {
    var lo = range.lowerBound, hi = range.upperBound
    while lo < hi {
        let mid = (lo + hi) / 2
        if list[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
}
