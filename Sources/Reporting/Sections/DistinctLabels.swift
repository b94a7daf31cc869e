/// Labels made distinct for a figure where two items would otherwise read the same
/// ("Royle 2008" for a 2008 journal paper and a 2008 book by the same author).
///
/// Definition: a label that occurs once is kept as it is. The k-th occurrence (in the
/// order given, k = 0, 1, …) of a label that occurs more than once gains a letter — "a",
/// "b", …, "z", then "aa", "ab", … — appended directly when the label ends in a year of
/// four digits ("Royle 2008a", the author–date convention), after a space otherwise
/// ("Anon n.d. a"). A suffixed label that would equal another label of the list gets the
/// next letter instead, so the result never holds a label twice.
///
/// Complexity: O(n) expected for n labels (hashing), plus the rare retries.
/// Deterministic: depends only on the labels and their order (callers pass the items in
/// their figure's order, most cited first).
enum DistinctLabels {
    static func make(_ labels: [String]) -> [String] {
        var count: [String: Int] = [:]
        for l in labels { count[l, default: 0] += 1 }
        guard count.values.contains(where: { $0 > 1 }) else { return labels }
        var taken = Set(labels.filter { count[$0] == 1 })
        var next: [String: Int] = [:]
        return labels.map { label in
            guard count[label, default: 0] > 1 else { return label }
            let yearEnd = label.count >= 4 && label.suffix(4).allSatisfy(\.isASCIIDigitCharacter)
                && (label.count == 4 || label.dropLast(4).last == " ")
            while true {
                let k = next[label, default: 0]
                next[label] = k + 1
                let candidate = label + (yearEnd ? "" : " ") + letters(k)
                if taken.insert(candidate).inserted { return candidate }
            }
        }
    }

    /// 0 → "a", 25 → "z", 26 → "aa", 27 → "ab", … (bijective base 26).
    static func letters(_ k: Int) -> String {
        var n = k + 1
        var out: [Character] = []
        while n > 0 {
            n -= 1
            out.append(Character(Unicode.Scalar(UInt8(97 + n % 26))))
            n /= 26
        }
        return String(out.reversed())
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
