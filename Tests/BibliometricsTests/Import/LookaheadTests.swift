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

    /// Records on which thread each chunk was freed.
    final class FreedOn: @unchecked Sendable {
        private let lock = NSLock()
        private var threads: [Int: pthread_t] = [:]
        func note(_ c: Int) { lock.lock(); threads[c] = pthread_self(); lock.unlock() }
        func thread(of c: Int) -> pthread_t? { lock.lock(); defer { lock.unlock() }; return threads[c] }
    }

    final class Chunk: Sendable {
        let c: Int
        let freed: FreedOn
        init(_ c: Int, _ freed: FreedOn) { self.c = c; self.freed = freed }
        deinit { freed.note(c) }
    }

    /// Chunks handed back are freed on the producer's thread, not the consumer's (all but the
    /// last ones, handed back after the producer finished, which ``Lookahead/finish()`` frees).
    @Test func chunksHandedBackAreFreedByTheProducer() {
        let freed = FreedOn()
        let pipeline = Lookahead(count: 10, depth: 2) { c in [Chunk(c, freed)] }
        let consumer = pthread_self()
        for c in 0..<10 {
            let chunk = pipeline.take(c)
            #expect(chunk.map(\.c) == [c])
            pipeline.giveBack(consume chunk)
        }
        pipeline.finish()
        // Chunk c (c ≤ 6) is handed back before chunk c + 1 is taken, which wakes the producer
        // for chunk c + 3 ≤ 9: it frees chunk c first.
        for c in 0...6 {
            guard let t = freed.thread(of: c) else { Issue.record("chunk \(c) was not freed"); continue }
            #expect(pthread_equal(t, consumer) == 0, "chunk \(c) freed on the consumer's thread")
        }
        for c in 7..<10 { #expect(freed.thread(of: c) != nil, "chunk \(c) freed by finish()") }
    }

    @Test func finishWithoutTakingEveryChunk() {
        let pipeline = Lookahead(count: 50, depth: 1) { c in [c] }
        #expect(pipeline.take(0) == [0])
        #expect(pipeline.take(1) == [1])
        pipeline.finish()
    }
}
