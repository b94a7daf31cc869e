/// The random generator of every seeded computation (null models, community detection,
/// sampling, synthetic graphs, fetch back-off jitter): SplitMix64 (Steele, Lea & Flood
/// 2014, "Fast splittable pseudorandom number generators", doi:10.1145/2660193.2660195).
///
/// Fully specified here, and bounded integers are drawn by our own rejection method
/// rather than the standard library's `random(in:using:)` / `shuffle(using:)`, whose
/// algorithms may change between Swift versions: the same seed gives the same null
/// samples on every platform and toolchain.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// Inlinable (with the methods below) so that `shuffle` is specialised at its call
    /// sites: unspecialised, its generic `swapAt` and metadata look-ups took ~40% of a
    /// report's label-permutation null model.
    @usableFromInline var state: UInt64

    /// A generator whose state starts at `seed`.
    @inlinable public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1) from the top 53 bits. O(1).
    @inlinable public mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    /// A uniform integer in `0..<bound` (Lemire 2019, "Fast random integer generation in
    /// an interval", doi:10.1145/3230636: multiply-shift with rejection, unbiased).
    /// - Precondition: `bound > 0`.
    @inlinable public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let s = UInt64(bound)
        var product = next().multipliedFullWidth(by: s)
        if product.low < s {
            let threshold = (0 &- s) % s
            while product.low < threshold { product = next().multipliedFullWidth(by: s) }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place by Fisher–Yates (Durstenfeld's version). O(count).
    @inlinable public mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i > 0 {
            let j = below(i + 1)
            values.swapAt(i, j)
            i -= 1
        }
    }
}
