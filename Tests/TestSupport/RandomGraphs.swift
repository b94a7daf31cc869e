/// A small, fully specified pseudo-random generator (SplitMix64, Steele, Lea & Flood
/// 2014, doi:10.1145/2660193.2660195) so seeded tests give the same graphs on every
/// platform and Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random arc lists for property tests: `(tail, head)` pairs over `0..<nodes`, with
/// duplicates and self-loops allowed.
public func randomArcs(nodes: Int, arcs: Int, seed: UInt64) -> [(Int, Int)] {
    var rng = SplitMix64(seed: seed)
    return (0..<arcs).map { _ in (Int.random(in: 0..<nodes, using: &rng), Int.random(in: 0..<nodes, using: &rng)) }
}
