import Foundation

/// Reading author names in the shapes exports print them.
extension AuthorName {
    private static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "ter", "ten", "dos", "das", "bin", "al", "el"]

    /// Initials of given names: `Ming Liang` → `ML`, `S. C.` → `SC`, `Jean-Paul` → `J-P`.
    static func initials(ofGiven given: String) -> String {
        initialsASCII(ofGiven: given) ?? initialsGeneral(ofGiven: given)
    }

    /// ``initials(ofGiven:)`` on Characters (any text).
    static func initialsGeneral(ofGiven given: String) -> String {
        var out = ""
        for word in given.split(whereSeparator: { $0 == " " || $0 == "." }) {
            let parts = word.split(separator: "-")
            let letters = parts.compactMap { $0.first.map { String($0).uppercased() } }
            // "ML" already as initials
            if parts.count == 1, word.count <= 3, word.allSatisfy({ $0.isUppercase }) { out += word; continue }
            out += letters.joined(separator: "-")
        }
        return out
    }

    /// ``initials(ofGiven:)`` on the bytes of a printable-ASCII name (the same rules without
    /// String splitting); `nil` for any other text.
    static func initialsASCII(ofGiven given: String) -> String? {
        guard given.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var g = given
        return g.withUTF8 { initials(ofASCIIGiven: $0) }
    }

    /// ``initialsASCII(ofGiven:)`` on the bytes (printable ASCII), written straight into the
    /// String (the initials are never longer than the name).
    static func initials(ofASCIIGiven u: UnsafeBufferPointer<UInt8>) -> String {
        let n = u.count
        return String(unsafeUninitializedCapacity: n) { out in
            var o = 0
            var i = 0
            while i < n {
                // A word: bytes up to the next space or '.'.
                while i < n, u[i] == 0x20 || u[i] == 0x2E { i += 1 }
                let start = i
                while i < n, u[i] != 0x20, u[i] != 0x2E { i += 1 }
                guard i > start else { continue }
                // Its parts: runs between '-' (empty ones dropped).
                var parts = 0, inPart = false, allUpper = true
                for k in start..<i {
                    let b = u[k]
                    if b == 0x2D { inPart = false } else if !inPart { inPart = true; parts += 1 }
                    if !(b >= 0x41 && b <= 0x5A) { allUpper = false }
                }
                // "ML" already as initials
                if parts == 1, i - start <= 3, allUpper {
                    for k in start..<i { out[o] = u[k]; o += 1 }
                    continue
                }
                inPart = false
                var written = 0
                for k in start..<i {
                    let b = u[k]
                    if b == 0x2D { inPart = false; continue }
                    guard !inPart else { continue }
                    inPart = true
                    if written > 0 { out[o] = 0x2D; o += 1 }
                    out[o] = b >= 0x61 && b <= 0x7A ? b - 32 : b
                    o += 1
                    written += 1
                }
            }
            return o
        }
    }

    /// `Family, Given` (WoS `AF`, BibTeX, RIS): everything before the first comma is the surname.
    /// A name without a comma is read with ``parseGivenFamily(_:)``.
    public static func parseFamilyFirst(_ text: String) -> AuthorName? {
        let t = clean(text)
        guard !t.isEmpty else { return nil }
        guard let comma = t.firstIndex(of: ",") else { return parseGivenFamily(t) }
        let family = WoSFields.trimmedWhitespace(String(t[..<comma]))
        let given = WoSFields.trimmedWhitespace(String(t[t.index(after: comma)...]))
        guard !family.isEmpty else { return nil }
        return AuthorName(family: family, initials: initials(ofGiven: given))
    }

    /// ``parseFamilyFirst(_:)`` of `String(decoding: bytes, as: UTF8.self)`: on the bytes for
    /// printable ASCII without braces or backslashes that has a comma (WoS `AU`/`AF` values),
    /// the String path otherwise.
    static func parseFamilyFirst(utf8 u: UnsafeBufferPointer<UInt8>) -> AuthorName? {
        var comma = -1
        for i in 0..<u.count {
            let b = u[i]
            guard b >= 0x20, b < 0x7F, b != 0x7B, b != 0x7D, b != 0x5C else { comma = -1; break }
            if b == 0x2C, comma < 0 { comma = i }
        }
        guard comma >= 0 else { return parseFamilyFirst(String(decoding: u, as: UTF8.self)) }
        // ``clean(_:)`` collapses runs of spaces and trims; the parts either side of the first
        // comma, each collapsed and trimmed, are what the String path cuts from the cleaned text.
        func collapsed(_ r: Range<Int>) -> Range<Int>? {
            var a = r.lowerBound, b = r.upperBound
            while a < b, u[a] == 0x20 { a += 1 }
            while b > a, u[b - 1] == 0x20 { b -= 1 }
            guard a < b else { return a..<a }
            for k in a..<(b - 1) where u[k] == 0x20 && u[k + 1] == 0x20 { return nil }
            return a..<b
        }
        let familyRange = 0..<comma, givenRange = (comma + 1)..<u.count
        guard let f = collapsed(familyRange), let g = collapsed(givenRange) else {
            return parseFamilyFirst(String(decoding: u, as: UTF8.self)) // runs of spaces inside: rare
        }
        guard !f.isEmpty else { return nil }
        return AuthorName(family: String(decoding: UnsafeBufferPointer(rebasing: u[f]), as: UTF8.self),
                          initials: initials(ofASCIIGiven: UnsafeBufferPointer(rebasing: u[g])))
    }

    /// `Given Family` (Lens, OpenAlex `display_name`, CSL literal): the last word with the
    /// lower-case particles before it (`van de Bovenkamp`, `De Roure`) is the surname.
    public static func parseGivenFamily(_ text: String) -> AuthorName? {
        let words = clean(text).split(separator: " ").map(String.init)
        guard let last = words.last else { return nil }
        var familyStart = words.count - 1
        while familyStart > 1, particles.contains(words[familyStart - 1].lowercased()) { familyStart -= 1 }
        let family = ([last] == words ? [last] : Array(words[familyStart...])).joined(separator: " ")
        return AuthorName(family: family, initials: initials(ofGiven: words[..<familyStart].joined(separator: " ")))
    }

    /// `Surname IN` / `Surname I.N.` / `IN Surname` (WoS `AU` and `CR`, Scopus, Crossref
    /// reference `author`): a final or initial word of one to four capitals (dots allowed)
    /// is read as initials — up to two such final words, or up to four when each is one
    /// letter (`Seber G. A. F` → Seber, GAF); otherwise the whole text is the surname. `[Anonymous]` gives `nil`.
    public static func parseShort(_ text: String) -> AuthorName? {
        if let ascii = parseShortASCII(text) { return ascii }
        return parseShortGeneral(text)
    }

    /// ``parseShort(_:)`` on Characters and Foundation (any text).
    static func parseShortGeneral(_ text: String) -> AuthorName? {
        let c = clean(text)
        let t = c.utf8.contains(0x2C) ? c.replacingOccurrences(of: ",", with: " ") : c
        guard !t.isEmpty, !t.lowercased().contains("anonymous") else { return nil }
        var words = t.split(separator: " ").map(String.init)
        func isInitials(_ w: String) -> Bool {
            let letters = w.filter { $0 != "." && $0 != "-" }
            return (1...4).contains(letters.count) && letters.allSatisfy(\.isUppercase)
                && (w.contains(".") || letters.count <= 3 || w == w.uppercased())
        }
        guard words.count > 1 else { return AuthorName(family: t) }
        var initialsParts: [String] = []
        // One letter per word ("Seber G. A. F", "Beverton R. J. H."): up to four such words;
        // otherwise at most two words of initials ("Chapra S. C.", "Smith JA B").
        func isOneLetter(_ w: String) -> Bool { w.filter { $0 != "." }.count == 1 }
        while words.count > 1, let w = words.last, isInitials(w), w.count <= 6 {
            if initialsParts.count >= 2, !(isOneLetter(w) && initialsParts.allSatisfy(isOneLetter) && initialsParts.count < 4) { break }
            initialsParts.insert(w, at: 0)
            words.removeLast()
        }
        if initialsParts.isEmpty, let w = words.first, isInitials(w), words.count == 2 {
            // "AF Arnsten" (Crossref reference authors).
            return AuthorName(family: words[1], initials: w.filter { $0 != "." })
        }
        let family = words.joined(separator: " ")
        return AuthorName(family: family, initials: initialsParts.joined().filter { $0 != "." })
    }

    /// ``parseShort(_:)`` on the bytes of a printable-ASCII name without braces or
    /// backslashes (WoS `CR` authors such as `Hosmer D. W.`, `Van Dyck H`), the same rules
    /// without Foundation; `.none` for any other text (the general path decides).
    static func parseShortASCII(_ text: String) -> AuthorName?? {
        let u = text.utf8
        guard u.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x7B && $0 != 0x7D && $0 != 0x5C }) else { return .none }
        // clean(_:) (leading and trailing spaces dropped, runs collapsed), then ',' → ' '.
        var t: [UInt8] = []
        t.reserveCapacity(u.count)
        var pendingSpace = false
        for b in u {
            if b == 0x20 { pendingSpace = !t.isEmpty; continue }
            if pendingSpace { t.append(0x20); pendingSpace = false }
            t.append(b == 0x2C ? 0x20 : b)
        }
        guard !t.isEmpty else { return .some(nil) }
        let anonymous = Array("anonymous".utf8)
        if t.count >= anonymous.count {
            for start in 0...(t.count - anonymous.count) {
                var same = true
                for k in 0..<anonymous.count {
                    var b = t[start + k]
                    if b >= 0x41, b <= 0x5A { b += 32 }
                    if b != anonymous[k] { same = false; break }
                }
                if same { return .some(nil) }
            }
        }
        var words = t.split(separator: 0x20)
        func isInitials(_ w: ArraySlice<UInt8>) -> Bool {
            // Letters (all but '.' and '-'): one to four capitals. (The general rule's third
            // condition holds for every such ASCII word: it equals its upper-case form.)
            var letters = 0
            for b in w where b != 0x2E && b != 0x2D {
                guard b >= 0x41, b <= 0x5A else { return false }
                letters += 1
            }
            return (1...4).contains(letters)
        }
        func string<C: Collection<UInt8>>(_ b: C) -> String { String(decoding: b, as: UTF8.self) }
        guard words.count > 1 else { return .some(AuthorName(family: string(t))) }
        var initialsParts: [ArraySlice<UInt8>] = []
        // As the general path: more than two words of initials only when each is one letter, four at most.
        func isOneLetter(_ w: ArraySlice<UInt8>) -> Bool { w.lazy.filter { $0 != 0x2E }.count == 1 }
        while words.count > 1, let w = words.last, isInitials(w), w.count <= 6 {
            if initialsParts.count >= 2, !(isOneLetter(w) && initialsParts.allSatisfy(isOneLetter) && initialsParts.count < 4) { break }
            initialsParts.insert(w, at: 0)
            words.removeLast()
        }
        if initialsParts.isEmpty, let w = words.first, isInitials(w), words.count == 2 {
            return .some(AuthorName(family: string(words[1]), initials: string(w.filter { $0 != 0x2E })))
        }
        let family = string(Array(words.joined(separator: [0x20])))
        return .some(AuthorName(family: family, initials: string(initialsParts.joined().filter { $0 != 0x2E })))
    }

    /// Removes LaTeX braces and common escapes, and collapses white space.
    static func clean(_ text: String) -> String {
        let u = text.utf8
        if u.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x7B && $0 != 0x7D && $0 != 0x5C }) {
            // ASCII without escapes, braces, tabs or line breaks: only runs of spaces to collapse.
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var pendingSpace = false
            for b in u {
                if b == 0x20 { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
            return out.count == u.count ? text : String(decoding: out, as: UTF8.self)
        }
        var s = text.replacingOccurrences(of: "{[}", with: "[").replacingOccurrences(of: "{]}", with: "]")
            .replacingOccurrences(of: "\\&", with: "&").replacingOccurrences(of: "\\_", with: "_")
        s.removeAll { $0 == "{" || $0 == "}" }
        return s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
