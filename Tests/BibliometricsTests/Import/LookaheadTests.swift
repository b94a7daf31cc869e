import Foundation
import Testing
@testable import Bibliometrics

/// ``Lookahead``: chunks come in order, the producer stays within `depth` of the consumer,
/// and ``Lookahead/finish()`` returns even when chunks were never taken.
struct LookaheadTests {
    /// Counts how far the producer ran ahead (chunks started minus chunks taken), under a lock.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var started = 0, taken = 0, widest = 0
        func start() { lock.lock(); started += 1; widest = max(widest, started - taken); lock.unlock() }
        func take() { lock.lock(); taken += 1; lock.unlock() }
        var maximum: Int { lock.lock(); defer { lock.unlock() }; return widest }
    }

    @Test func chunksInOrderWithinDepth() {
        let gauge = Gauge()
        // Chunk c is the squares of 10c..<10c+10; the consumer is slower than the producer.
        let pipeline = Lookahead(count: 20, depth: 2) { c in
            gauge.start()
            return (10 * c..<10 * c + 10).map { $0 * $0 }
        }
        var all: [Int] = []
        for c in 0..<20 {
            let chunk = pipeline.take(c)
            gauge.take()
            usleep(200)
            all += chunk
        }
        pipeline.finish()
        #expect(all == (0..<200).map { $0 * $0 })
        // Before chunk c is taken the producer may have started chunks c, c + 1 (depth 2) but
        // not c + 2: at most depth + 1 started and not taken.
        #expect(gauge.maximum <= 3)
    }

    @Test func finishWithoutTakingEveryChunk() {
        let pipeline = Lookahead(count: 50, depth: 1) { c in [c] }
        #expect(pipeline.take(0) == [0])
        #expect(pipeline.take(1) == [1])
        pipeline.finish()
    }
}
