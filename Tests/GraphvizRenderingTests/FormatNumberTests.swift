import Testing
@testable import GraphvizRendering

/// Numbers in figure legends and captions.
@Suite struct FormatNumberTests {
    @Test func integersAndTwoDecimals() {
        #expect(formatNumber(0) == "0")
        #expect(formatNumber(42) == "42")
        #expect(formatNumber(9_999_999_999) == "9999999999")
        #expect(formatNumber(2.346) == "2.35")
        #expect(formatNumber(0.5) == "0.5")
    }

    /// From 10¹⁰ up: three significant digits times a power of ten. 1796502049349425
    /// (the largest SPC weight on CiteB's main path) = 1.7965… × 10¹⁵ → "1.80 × 10¹⁵".
    @Test func largeNumbersInScientificForm() {
        #expect(formatNumber(1796502049349425) == "1.80 × 10¹⁵")
        #expect(formatNumber(1e10) == "1.00 × 10¹⁰")
        #expect(formatNumber(99_960_000_000) == "1.00 × 10¹¹")   // 9.996 rounds up: carried
        #expect(formatNumber(12_345_678_901) == "1.23 × 10¹⁰")
        #expect(formatNumber(-25_000_000_000) == "-2.50 × 10¹⁰")
        #expect(formatNumber(3.5e20) == "3.50 × 10²⁰")
    }
}
