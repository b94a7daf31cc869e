/// A file-name or anchor stem from a name: lowercase ASCII letters and digits joined by
/// single dashes, no leading or trailing dash; `fallback` when nothing is left.
/// O(length). Deterministic.
func slug(_ text: String, fallback: String = "x") -> String {
    var out = ""
    var dash = false
    for scalar in text.lowercased().unicodeScalars {
        if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
            out.unicodeScalars.append(scalar)
            dash = false
        } else if !dash && !out.isEmpty {
            out.append("-")
            dash = true
        }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? fallback : out
}
