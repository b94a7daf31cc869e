/// Text escaping and number formatting shared by the export writers. Pure functions.
enum ExportText {
    /// `text` for an XML attribute value or element content (XML 1.0): `& < > " '`
    /// as entities; tab, LF and CR as character references so that attribute-value
    /// normalisation and line-end normalisation do not change them on reading; other
    /// control characters, which XML 1.0 cannot carry at all, become U+FFFD (counted
    /// by ``xmlReplacements(_:)``). O(length).
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if isXMLForbidden(scalar) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether XML 1.0 forbids `scalar` (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF).
    static func isXMLForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// How many characters of `text` ``xml(_:)`` replaces. O(length).
    static func xmlReplacements(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isXMLForbidden($1) ? 1 : 0) }
    }

    /// `text` on one line: tabs, CR and LF (and other C0 controls) become single spaces.
    /// For line-based formats (Pajek, VOSviewer map files, edge lists). O(length).
    static func oneLine(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
        }
        return out
    }

    /// Whether ``oneLine(_:)`` changes `text`.
    static func needsOneLine(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// A real number in Swift's shortest round-trip form, with integral values written
    /// without a fraction (`2` rather than `2.0`). Deterministic.
    static func number(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// A coordinate rounded to 2 decimals (layouts are in points; finer digits are noise).
    static func coordinate(_ x: Double) -> String {
        number((x * 100).rounded() / 100)
    }

    /// `text` between double quotes with every quote doubled (RFC 4180 and VOSviewer map
    /// files). O(length).
    static func quotedDoublingQuotes(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars { if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) } }
        return out + "\""
    }
}
