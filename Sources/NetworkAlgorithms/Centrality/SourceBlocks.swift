import Foundation

/// Runs work over the sources `0..<n` split into a FIXED number of contiguous blocks,
/// blocks in parallel, each writing only its own slice of a shared output buffer.
///
/// The split depends only on `n` and `blocks`, never on the machine's core count, and
/// callers reduce the per-block results in block order: floating-point sums come out
/// bit-identical on every machine (ARCHITECTURE.md §8, determinism).
enum SourceBlocks {
    /// Default number of blocks: enough to keep a few cores busy, few enough that the
    /// per-block accumulators (blocks × n doubles) stay small.
    static let defaultCount = 8

    /// A raw buffer the blocks write disjoint slices of.
    struct Shared: @unchecked Sendable {
        let base: UnsafeMutablePointer<Double>
    }

    /// Calls `body(block, sourceRange, slice)` for each block, in parallel; `slice` is
    /// the block's own `width` doubles of a zeroed buffer; returns the buffer as one
    /// array of `blocks × width` (block-major).
    static func run(sources n: Int, width: Int, blocks requested: Int = defaultCount,
                    _ body: @Sendable (Int, Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) -> (blocks: Int, values: [Double]) {
        let blocks = max(1, min(requested, n))
        var values = [Double](repeating: 0, count: blocks * width)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let shared = Shared(base: base)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                let lo = n * b / blocks, hi = n * (b + 1) / blocks
                let slice = UnsafeMutableBufferPointer(start: shared.base + b * width, count: width)
                body(b, lo..<hi, slice)
            }
        }
        return (blocks, values)
    }

    /// Calls `body(sourceRange, out)` for each block, in parallel, where `out` is the
    /// part of an `n`-double result belonging to the block's sources (`out[i]` is the
    /// value of source `sourceRange.lowerBound + i`). For per-source values that need
    /// no reduction (closeness, harmonic centrality).
    static func map(sources n: Int, blocks requested: Int = defaultCount,
                    _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
        let blocks = max(1, min(requested, n))
        var values = [Double](repeating: 0, count: n)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let shared = Shared(base: base)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                let lo = n * b / blocks, hi = n * (b + 1) / blocks
                body(lo..<hi, UnsafeMutableBufferPointer(start: shared.base + lo, count: hi - lo))
            }
        }
        return values
    }

    /// `items` reordered so that the contiguous blocks of ``run(sources:width:blocks:_:)``
    /// hold every `blocks`-th item: block `b` gets items `b, b + B, b + 2B, …` (as far as
    /// the block sizes allow), which balances work that drifts along the item order.
    /// Depends only on `items.count` and `blocks`. O(count).
    static func interleaved<T>(_ items: [T], blocks requested: Int = defaultCount) -> [T] {
        let blocks = max(1, min(requested, items.count))
        guard blocks > 1 else { return items }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for b in 0..<blocks {
            var i = b
            while i < items.count {
                result.append(items[i])
                i += blocks
            }
        }
        return result
    }

    /// Sums the `blocks` slices of `values` element-wise, in block order.
    static func reduce(_ values: [Double], blocks: Int, width: Int) -> [Double] {
        var total = [Double](repeating: 0, count: width)
        for b in 0..<blocks {
            for i in 0..<width { total[i] += values[b * width + i] }
        }
        return total
    }
}
