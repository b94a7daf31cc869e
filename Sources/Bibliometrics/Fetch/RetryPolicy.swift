import Foundation
import NetworkCore

/// Retries with exponential backoff and seeded jitter, honouring `Retry-After`.
///
/// Definition: before retry `k` (k = 0, 1, …, `maxRetries` − 1) the client waits
/// `Retry-After` seconds when the answer carried one (capped at `maxDelay`), else
/// `min(maxDelay, base · 2^k) · (1 + jitter · u)` with `u` uniform in [0, 1) from a
/// SplitMix64 generator seeded with `seed` (Steele, Lea & Flood 2014,
/// doi:10.1145/2660193.2660195) — so the same seed gives the same schedule on every run,
/// while different clients (different seeds) do not retry in lock-step. O(1) per delay.
public struct RetryPolicy: Sendable, Equatable {
    public var maxRetries: Int
    /// First delay, seconds.
    public var base: Double
    /// Upper bound of any delay, seconds (also caps `Retry-After`).
    public var maxDelay: Double
    /// Largest relative jitter added (0.5 = up to +50 %).
    public var jitter: Double
    public var seed: UInt64

    public init(maxRetries: Int = 5, base: Double = 1, maxDelay: Double = 60, jitter: Double = 0.5, seed: UInt64 = 1) {
        self.maxRetries = maxRetries
        self.base = base
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.seed = seed
    }

    /// The delays of retries 0..<maxRetries when no answer carries `Retry-After`.
    public func schedule() -> [Double] {
        var rng = FetchRandom(seed: seed)
        return (0..<max(0, maxRetries)).map { delay(attempt: $0, retryAfter: nil, rng: &rng) }
    }

    /// The delay before retry `attempt`.
    public func delay(attempt: Int, retryAfter: Double?, rng: inout FetchRandom) -> Double {
        let u = rng.unit()
        if let retryAfter, retryAfter >= 0 { return min(maxDelay, retryAfter) }
        let exponential = min(maxDelay, base * pow(2, Double(attempt)))
        return min(maxDelay, exponential * (1 + jitter * u))
    }

    /// Seconds from a `Retry-After` value: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
    public static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        if let s = Double(v), s >= 0 { return s }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: v) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// The fetcher's seeded jitter source: the project's SplitMix64 (`SeededGenerator`), so
/// the same seed gives the same back-off schedule on every platform.
public typealias FetchRandom = SeededGenerator

/// Spaces request starts at least `1 / rate` seconds apart (a request-rate ceiling, as
/// OpenAlex asks: at most 10 per second). `wait()` sleeps until the next slot. O(1).
public struct RateLimiter: Sendable {
    public let rate: Double
    private var last: Date?

    public init(rate: Double) { self.rate = rate }

    /// Blocks until a request may start, then books the slot.
    public mutating func wait(sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        let now = Date()
        if rate > 0, let last {
            let gap = 1 / rate - now.timeIntervalSince(last)
            if gap > 0 { sleep(gap) }
        }
        last = Date()
    }
}
