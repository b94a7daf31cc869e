import Foundation

/// A compiled regular expression with String-index results, used by the text parsers.
///
/// Patterns are constants of the parsers, never user input; a pattern that failed to
/// compile matches nothing (and the parsers' tests would fail), so no call can trap.
struct TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented thread-safe.
    private let regex: NSRegularExpression?

    init(_ pattern: String, caseInsensitive: Bool = false) {
        regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// `true` when the pattern compiled (checked by the tests).
    var isValid: Bool { regex != nil }

    /// One match: the whole range and the capture groups (nil when a group did not take part).
    struct Match {
        var range: Range<String.Index>
        var groups: [Range<String.Index>?]

        func group(_ i: Int, in text: String) -> String? {
            guard i < groups.count, let r = groups[i] else { return nil }
            return String(text[r])
        }
    }

    /// The first match in `text` at or after `from`; `anchored` requires it to start at `from`.
    func firstMatch(in text: String, from: String.Index? = nil, anchored: Bool = false) -> Match? {
        guard let regex else { return nil }
        let start = from ?? text.startIndex
        let ns = NSRange(start..<text.endIndex, in: text)
        guard let m = regex.firstMatch(in: text, options: anchored ? [.anchored] : [], range: ns) else { return nil }
        return convert(m, in: text)
    }

    /// Every non-overlapping match in `text`.
    func matches(in text: String) -> [Match] {
        guard let regex else { return [] }
        let ns = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.matches(in: text, options: [], range: ns).compactMap { convert($0, in: text) }
    }

    /// `text` with every match replaced by `template` (NSRegularExpression template syntax).
    func replacing(in text: String, with template: String) -> String {
        guard let regex else { return text }
        let ns = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.stringByReplacingMatches(in: text, options: [], range: ns, withTemplate: template)
    }

    private func convert(_ m: NSTextCheckingResult, in text: String) -> Match? {
        guard let whole = Range(m.range, in: text) else { return nil }
        var groups: [Range<String.Index>?] = []
        for i in 0..<m.numberOfRanges {
            let r = m.range(at: i)
            groups.append(r.location == NSNotFound ? nil : Range(r, in: text))
        }
        return Match(range: whole, groups: groups)
    }
}
