import Foundation

/// A Digital Object Identifier in canonical form: `10.<registrant>/<suffix>`, lower-cased.
///
/// Definition: DOIs are case-insensitive (DOI Handbook §2.4), so two DOIs are the same
/// identifier exactly when their canonical forms are equal. The initialiser accepts the
/// forms found in exports and reference lists: a bare DOI, `doi:` / `DOI:` prefixes,
/// `https://doi.org/…`, `http://dx.doi.org/…`, percent-encoded slashes, surrounding
/// angle brackets, and trailing punctuation (`.` `,` `;` `:` `)` `]` `>` and quotes)
/// that a sentence or list adds after the identifier.
///
/// Complexity: O(n) in the length of the text. Guarantees: pure and deterministic; never
/// traps; returns `nil` for text that does not contain the `10.<digits>/<suffix>` shape.
public struct DOI: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The canonical, lower-cased DOI without any prefix, e.g. `10.1111/hex.13470`.
    public let value: String

    /// Normalises `text` to a canonical DOI, or returns `nil` when it is not a DOI.
    public init?(_ text: String) {
        guard let canonical = DOI.asciiCanonical(text) ?? DOI.generalCanonical(text) else { return nil }
        value = canonical
    }

    /// The canonical form of `text` by the definition (Foundation trimming, percent decoding,
    /// Unicode lower-casing, prefixes and trailing punctuation removed, shape checked), or `nil`.
    static func generalCanonical(_ text: String) -> String? {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasPrefix("<"), s.hasSuffix(">") { s = String(s.dropFirst().dropLast()) }
        if s.contains("%"), let decoded = s.removingPercentEncoding { s = decoded }
        let lower = s.lowercased()
        let prefixes = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                        "doi.org/", "dx.doi.org/", "doi:", "doi "]
        var body = lower
        for prefix in prefixes where body.hasPrefix(prefix) {
            body = String(body.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        let trailing: Set<Character> = [".", ",", ";", ":", ")", "]", ">", "\"", "'", "’", "”"]
        while let last = body.last, trailing.contains(last) { body.removeLast() }
        guard DOI.isCanonicalShape(body) else { return nil }
        return body
    }

    /// The canonical DOI of UTF-8 `bytes`: what `DOI(String(decoding: bytes, as: UTF8.self))`
    /// gives, without building the intermediate String in the common (ASCII) case.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let canonical = DOI.asciiCanonical(bytes) ?? DOI.generalCanonical(String(decoding: bytes, as: UTF8.self)) else { return nil }
        value = canonical
    }

    /// The common case on bytes, without Foundation: printable ASCII starting `10.`, no
    /// `%` or white space — lower-cased, trailing punctuation removed, shape checked.
    /// `nil` sends the text through the general path (same result where both apply: text
    /// starting `10.` has none of the prefixes or `<…>` brackets the general path removes,
    /// so a `<` inside, as in SICI DOIs `10.1577/1548-8675(2001)021<0521:TRREAE>2.0.CO;2`,
    /// stays on this path).
    static func asciiCanonical(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { asciiCanonical($0) }
    }

    /// `asciiCanonical` on UTF-8 bytes: one pass to check, one to copy lower-cased.
    static func asciiCanonical(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        let n = u.count
        guard n > 4, u[0] == 0x31, u[1] == 0x30, u[2] == 0x2E else { return nil }
        for b in u where !(b > 0x20 && b < 0x7F && b != 0x25) { return nil }
        // Trailing . , ; : ) ] > " ' removed (lower-casing leaves them as they are).
        var end = n
        trailing: while end > 0 {
            switch u[end - 1] {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x29, 0x5D, 0x3E, 0x22, 0x27: end -= 1
            default: break trailing
            }
        }
        // ``isCanonicalShape(_:)`` on the bytes (all printable ASCII here, so no white space).
        var slash = 0
        while slash < end, u[slash] != 0x2F { slash += 1 }
        guard slash < end, slash > 3, slash + 1 < end else { return nil }
        var partLength = 0, firstLength = -1
        for i in 3..<slash {
            let b = u[i]
            if b == 0x2E {
                guard partLength > 0 else { return nil }
                if firstLength < 0 { firstLength = partLength }
                partLength = 0
            } else {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                partLength += 1
            }
        }
        guard partLength > 0 else { return nil }
        if firstLength < 0 { firstLength = partLength }
        guard (4...9).contains(firstLength) else { return nil }
        return String(unsafeUninitializedCapacity: end) { out in
            for i in 0..<end {
                let b = u[i]
                out[i] = b >= 0x41 && b <= 0x5A ? b + 32 : b
            }
            return end
        }
    }

    /// `https://doi.org/<value>`, the form DOI Foundation recommends for display.
    public var url: String { "https://doi.org/" + value }

    public var description: String { value }

    public static func < (lhs: DOI, rhs: DOI) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let doi = DOI(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a DOI: \(text)")
        }
        self = doi
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// `10.` then 4–9 digits (optionally dotted sub-registrants), `/`, and a non-empty
    /// suffix without whitespace.
    static func isCanonicalShape(_ s: String) -> Bool {
        guard s.hasPrefix("10."), let slash = s.firstIndex(of: "/") else { return false }
        let registrant = s[s.index(s.startIndex, offsetBy: 3)..<slash]
        let suffix = s[s.index(after: slash)...]
        guard !suffix.isEmpty, !suffix.contains(where: { $0.isWhitespace }) else { return false }
        let parts = registrant.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, (4...9).contains(first.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
