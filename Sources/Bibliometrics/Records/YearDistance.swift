/// Year arithmetic that input cannot overflow: a record may state any integer as its
/// year (a fuzzed CSL-JSON item gave ±9223372036854775807), and the matching compares
/// years by their distance.
enum YearDistance {
    /// |a − b|, saturating at `Int.max` instead of trapping. O(1).
    static func between(_ a: Int, _ b: Int) -> Int {
        let (d, overflow) = a.subtractingReportingOverflow(b)
        if overflow || d == Int.min { return Int.max }
        return abs(d)
    }

    /// The years within `tolerance` (≥ 0) of `year`, clamped to the `Int` range. O(1).
    static func window(_ year: Int, _ tolerance: Int) -> ClosedRange<Int> {
        let t = max(0, tolerance)
        let (lo, underflow) = year.subtractingReportingOverflow(t)
        let (hi, overflow) = year.addingReportingOverflow(t)
        return (underflow ? Int.min : lo)...(overflow ? Int.max : hi)
    }
}
