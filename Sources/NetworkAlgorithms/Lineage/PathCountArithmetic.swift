import Foundation

/// Arithmetic used to count paths. Each operation returns `nil` when the result cannot be
/// represented, so the caller can retry with a wider representation instead of wrapping.
protocol PathCountArithmetic {
    associatedtype Value
    static var zero: Value { get }
    static var one: Value { get }
    static func add(_ a: Value, _ b: Value) -> Value?
    static func multiply(_ a: Value, _ b: Value) -> Value?
}

/// Exact unsigned 64-bit counts, overflow detected with `addingReportingOverflow` /
/// `multipliedReportingOverflow`.
enum ExactCounts: PathCountArithmetic {
    static let zero: UInt64 = 0
    static let one: UInt64 = 1
    @inline(__always) static func add(_ a: UInt64, _ b: UInt64) -> UInt64? {
        let r = a.addingReportingOverflow(b)
        return r.overflow ? nil : r.partialValue
    }
    @inline(__always) static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64? {
        let r = a.multipliedReportingOverflow(by: b)
        return r.overflow ? nil : r.partialValue
    }
}

/// Binary64 counts (relative error ≤ about (depth + 2)·2⁻⁵³); fails when a value is infinite.
enum FloatingCounts: PathCountArithmetic {
    static let zero: Double = 0
    static let one: Double = 1
    @inline(__always) static func add(_ a: Double, _ b: Double) -> Double? {
        let r = a + b
        return r.isFinite ? r : nil
    }
    @inline(__always) static func multiply(_ a: Double, _ b: Double) -> Double? {
        let r = a * b
        return r.isFinite ? r : nil
    }
}

/// Natural logarithms of counts: ln 0 = -∞, addition by log-sum-exp, multiplication by
/// addition. Never fails for any graph that fits in memory.
enum LogCounts: PathCountArithmetic {
    static let zero: Double = -Double.infinity
    static let one: Double = 0
    @inline(__always) static func add(_ a: Double, _ b: Double) -> Double? {
        if a == -Double.infinity { return b }
        if b == -Double.infinity { return a }
        let hi = max(a, b), lo = min(a, b)
        return hi + Foundation.log1p(Foundation.exp(lo - hi))
    }
    @inline(__always) static func multiply(_ a: Double, _ b: Double) -> Double? {
        if a == -Double.infinity || b == -Double.infinity { return -Double.infinity }
        return a + b
    }
}
