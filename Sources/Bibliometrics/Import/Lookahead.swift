import Foundation

/// Chunks of work computed on another thread ahead of the one consuming them, in order.
///
/// Definition: `produce(c)` runs for `c = 0, 1, …, count − 1`, one after the other, on one
/// thread of the global queue; the consumer takes chunk `c` with ``take(_:)`` (waiting until
/// it is ready) in the same order. The producer stays at most `depth` chunks ahead of the
/// last chunk taken, so at most `depth + 1` results are held at once, plus the chunks handed
/// back (``giveBack(_:)``) and not yet freed by the producer (bounded memory). What
/// `produce` returns does not depend on the schedule when `produce` is a pure function of
/// its chunk (and of state only the producer touches), so the result is deterministic.
///
/// Invariant: chunk `c` is produced only after chunks `0..<c`, and `take(c)` returns only
/// after `produce(c)` returned; so once the consumer holds chunk `c` the producer never reads
/// that chunk's inputs again, and the consumer may change them.
///
/// Complexity: O(1) synchronisation per chunk (a lock and a condition). ``finish()`` must be
/// called (it waits for the producer) before anything the producer reads is freed or moved.
final class Lookahead<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let group = DispatchGroup()
    /// Produced, not yet taken (guarded by `condition`).
    private var ready: [Int: T] = [:]
    /// Chunks taken so far (guarded by `condition`).
    private var taken = 0
    /// Chunks the consumer is done with, freed on the producer's thread (guarded by `condition`).
    private var spent: [T] = []

    /// Starts producing chunks `0..<count` at most `depth` (≥ 1) ahead of the consumer.
    init(count: Int, depth: Int, produce: @escaping @Sendable (Int) -> T) {
        let depth = max(1, depth)
        DispatchQueue.global().async(group: group) { [self] in
            for c in 0..<count {
                condition.lock()
                while c - taken >= depth { condition.wait() }
                var done: [T] = []
                swap(&done, &spent)
                condition.unlock()
                // Freed here, not on the consumer's thread (the consumer is the critical path).
                done = []
                let value = produce(c)
                condition.lock()
                ready[c] = value
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// Chunk `c`, once produced (chunks are taken in order, each once).
    func take(_ c: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = ready.removeValue(forKey: c) {
                taken = c + 1
                condition.broadcast()
                return value
            }
            condition.wait()
        }
    }

    /// Hands a chunk the consumer is done with back, to be freed on the producer's thread
    /// before it produces its next chunk (or by ``finish()``). The caller gives up its own
    /// reference (`consume`), so the chunk's memory is not freed on the consumer's thread.
    func giveBack(_ value: consuming T) {
        condition.lock()
        spent.append(value)
        condition.unlock()
    }

    /// Waits until the producer has returned (chunks never taken are still produced, then dropped).
    func finish() {
        condition.lock()
        taken = Int.max / 2
        condition.broadcast()
        condition.unlock()
        group.wait()
        ready = [:]
        spent = []
    }
}
