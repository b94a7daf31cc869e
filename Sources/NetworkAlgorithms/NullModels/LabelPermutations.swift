import Foundation
import NetworkCore

/// The label-permutation samples of a null model, evaluated on both cores with exactly
/// the results of the sequential loop.
///
/// Sample `k` is the group vector after the `k`-th Fisher–Yates shuffle (by
/// ``SeededGenerator/shuffle(_:)``, one generator for the whole run) of the labels of the
/// `kept` nodes, scattered back onto them; every other node keeps its entry of `base`.
/// The shuffles stay sequential — each starts from the previous permutation, as the
/// sequential loop did — and cost O(n) each; the statistic of each sample, the expensive
/// part, runs in parallel on batches of ``batchSize`` vectors, and results are stored by
/// sample index. So the output is bit-identical to the sequential loop on any number of
/// cores.
///
/// Invariant: `results[k] == statistic(vector after shuffle k + 1)` for every k.
/// Complexity: O(samples · (n + cost of `statistic`) / cores) time,
/// O(batchSize · n) extra memory.
enum LabelPermutations {
    /// Group vectors held at once (each `n` Int32s).
    static let batchSize = 16

    /// A buffer the batch workers write disjoint elements of.
    private struct Slots<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result?>
    }

    /// Shared read-only batch of group vectors.
    private struct Batch: @unchecked Sendable {
        let vectors: UnsafePointer<[Int32]>
    }

    static func run<Result: Sendable>(
        samples: Int, rng: inout SeededGenerator, base: [Int32], kept: [Int],
        statistic: @Sendable ([Int32]) -> Result
    ) -> [Result] {
        var labels = kept.map { base[$0] }
        var results = [Result?](repeating: nil, count: samples)
        var vectors: [[Int32]] = []
        vectors.reserveCapacity(batchSize)
        var start = 0
        while start < samples {
            let count = min(batchSize, samples - start)
            vectors.removeAll(keepingCapacity: true)
            for _ in 0..<count {
                rng.shuffle(&labels)
                var groupOf = base
                for (i, v) in kept.enumerated() { groupOf[v] = labels[i] }
                vectors.append(groupOf)
            }
            results.withUnsafeMutableBufferPointer { buffer in
                vectors.withUnsafeBufferPointer { batch in
                    guard let out = buffer.baseAddress, let input = batch.baseAddress else { return }
                    let slots = Slots(base: out + start), shared = Batch(vectors: input)
                    DispatchQueue.concurrentPerform(iterations: count) { i in
                        slots.base[i] = statistic(shared.vectors[i])
                    }
                }
            }
            start += count
        }
        return results.compactMap { $0 }
    }
}
