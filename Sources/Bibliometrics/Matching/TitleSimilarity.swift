import Foundation

/// Title comparison for reference matching.
///
/// Definition: a title's tokens are its words after folding (lower case, diacritics
/// removed), with hyphens inside words removed first (`co-production` = `coproduction`,
/// `health-care` = `healthcare`) and every other non-alphanumeric character a separator.
/// ``dice(_:_:)`` is the Sørensen–Dice coefficient of the two token sets,
/// 2|A∩B| / (|A|+|B|); ``overlap(_:_:)`` is |A∩B| / min(|A|,|B|) (the shorter title
/// contained in the longer, as when one list prints the subtitle and another does not).
/// Both are in [0, 1], symmetric, and 0 when either title has no token. Dice (1945),
/// *Measures of the amount of ecologic association between species*, Ecology 26:297–302,
/// doi:10.2307/1932409; the overlap coefficient is the Szymkiewicz–Simpson coefficient.
/// Complexity O(n + m) in the title lengths. Pure and deterministic.
public enum TitleSimilarity {
    /// The folded tokens of a title.
    public static func tokens(_ title: String) -> [String] {
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [String] = []
            forEachASCIIToken(title) { out.append(String(decoding: $0, as: UTF8.self)); return true }
            return out
        }
        var s = title.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "\u{2010}", with: "")
        s = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out: [String] = []
        var current = ""
        for scalar in s.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The first of ``tokens(_:)`` with more than `n` characters, without tokenising the
    /// rest of an ASCII title. O(position of that token).
    public static func firstToken(_ title: String, longerThan n: Int) -> String? {
        guard title.utf8.allSatisfy({ $0 < 0x80 }) else { return tokens(title).first { $0.count > n } }
        var found: String?
        forEachASCIIToken(title) { token in
            guard token.count > n else { return true }
            found = String(decoding: token, as: UTF8.self)
            return false
        }
        return found
    }

    /// The tokens of an ASCII title as ``tokens(_:)`` defines them (hyphens removed,
    /// lower-cased, split at every byte that is not a letter or digit), each handed to `body`
    /// as bytes in order until it returns `false`. O(title length up to the last token read).
    static func forEachASCIIToken(_ title: String, _ body: ([UInt8]) -> Bool) {
        var current: [UInt8] = []
        for b in title.utf8 {
            if b == 0x2D { continue }
            if b >= 0x41 && b <= 0x5A {
                current.append(b + 32)
            } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                current.append(b)
            } else if !current.isEmpty {
                guard body(current) else { return }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { _ = body(current) }
    }

    /// Sørensen–Dice coefficient of the token sets.
    public static func dice(_ a: String, _ b: String) -> Double {
        dice(Set(tokens(a)), Set(tokens(b)))
    }

    /// Overlap coefficient of the token sets.
    public static func overlap(_ a: String, _ b: String) -> Double {
        overlap(Set(tokens(a)), Set(tokens(b)))
    }

    /// Sørensen–Dice coefficient of two token sets (0 when either is empty).
    public static func dice(_ x: Set<String>, _ y: Set<String>) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return 2 * Double(commonCount(x, y)) / Double(x.count + y.count)
    }

    /// Overlap coefficient of two token sets (0 when either is empty).
    public static func overlap(_ x: Set<String>, _ y: Set<String>) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(commonCount(x, y)) / Double(min(x.count, y.count))
    }

    /// |x ∩ y| without building the intersection: the smaller set's members looked up in
    /// the larger. O(min(|x|, |y|)) expected.
    public static func commonCount(_ x: Set<String>, _ y: Set<String>) -> Int {
        let (small, large) = x.count <= y.count ? (x, y) : (y, x)
        var n = 0
        for t in small where large.contains(t) { n += 1 }
        return n
    }
}
