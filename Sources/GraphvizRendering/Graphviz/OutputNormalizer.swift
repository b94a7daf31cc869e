/// Makes Graphviz/cairo output reproducible: PDF timestamps, anonymous graph names in SVG.
enum OutputNormalizer {
    /// Graphviz names an anonymous root graph `%<counter>`, with a counter shared by the
    /// whole process, and writes that name in the SVG `Title` comment and the graph's
    /// `<title>`. Rewrites those two occurrences to `%0`. No-op for named graphs. O(n).
    static func normalizeAnonymousGraphName(_ svg: [UInt8], name: String) -> [UInt8] {
        guard name.hasPrefix("%"), name.dropFirst().allSatisfy(\.isNumber) else { return svg }
        var out = svg
        for (before, after) in [("<!-- Title: \(name) Pages:", "<!-- Title: %0 Pages:"), ("<title>\(name)</title>", "<title>%0</title>")] {
            let pattern = Array(before.utf8)
            if let i = firstIndex(of: pattern, in: out, from: 0) {
                out.replaceSubrange(i..<(i + pattern.count), with: Array(after.utf8))
            }
        }
        return out
    }

    /// The date written instead of the real one (PDF date syntax, 1970-01-01 UTC).
    static let fixedDate: [UInt8] = Array("D:19700101000000Z".utf8)

    /// Replaces the contents of every `/CreationDate (…)` and `/ModDate (…)` string with
    /// a fixed date of the same byte length, so cross-reference offsets stay valid.
    /// When the length differs from ``fixedDate``, every digit is replaced by `0`.
    /// Time O(n). Pure.
    static func normalizeDates(_ pdf: [UInt8]) -> [UInt8] {
        var out = pdf
        for key in ["/CreationDate (", "/ModDate ("] {
            let pattern = Array(key.utf8)
            var i = 0
            while let start = firstIndex(of: pattern, in: out, from: i) {
                let contentStart = start + pattern.count
                guard let close = out[contentStart...].firstIndex(of: UInt8(ascii: ")")) else { break }
                let length = close - contentStart
                if length == fixedDate.count {
                    out.replaceSubrange(contentStart..<close, with: fixedDate)
                } else {
                    for j in contentStart..<close where (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(out[j]) {
                        out[j] = UInt8(ascii: "0")
                    }
                }
                i = close
            }
        }
        return out
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var i = from
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
