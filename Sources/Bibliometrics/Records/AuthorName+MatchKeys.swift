/// Blocking keys of a surname, for matching references whose lists print one surname in
/// different shapes.
///
/// Definition: the keys are ``AuthorName/matchKey`` (the whole surname folded) followed, when
/// the surname has more than one word, by each of its words folded that is not a particle
/// (``AuthorName/keyParticles``) and has at least three letters, at most six, in printed order.
/// Words are separated by spaces and hyphens, and a particle written together with the
/// capitalised rest (`DeVeaux`, `VanDerBerg`) is split off. So `De Veaux`, `Veaux De`,
/// `de Veaux`, `De-Veaux`, `DeVeaux` and `Veaux` all share the key `veaux`, and
/// `Hoda Wilkerson` shares `wilkerson` with `Wilkerson`. Keys only select the works a
/// reference is compared with (``WorkIndex``); the comparison itself (year, title or source,
/// volume, page) decides. O(n) in the surname length; deterministic (order as printed, no
/// duplicates).
extension AuthorName {
    /// Folded particles of surnames and stop words of organisation names, never a key alone.
    public static let keyParticles: Set<String> = [
        "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "les", "van", "von", "ten",
        "ter", "te", "vander", "vanden", "st", "y", "e", "el", "al", "bin", "ben", "of", "the", "and", "for", "in", "on",
    ]

    /// The blocking keys (see the extension's definition); empty for an empty surname.
    public var matchKeys: [String] {
        let whole = matchKey
        guard !whole.isEmpty else { return [] }
        var keys = [whole]
        // One ASCII word that cannot split (no space or hyphen, and no capital after the first
        // letter or no lower-case letter at all: ``surnameWords(_:)`` splits only `DeVeaux`
        // shapes): the whole key alone, without listing the words.
        if AuthorName.isSingleASCIIWord(family) { return keys }
        let words = AuthorName.surnameWords(family)
        guard words.count > 1 else { return keys }
        for w in words {
            let f = AuthorName.fold(w)
            if f.count >= 3, !AuthorName.keyParticles.contains(f), !keys.contains(f) { keys.append(f) }
            if keys.count > 6 { break }
        }
        return keys
    }

    /// `true` when ``surnameWords(_:)`` of an ASCII `family` is one word for certain. O(n).
    static func isSingleASCIIWord(_ family: String) -> Bool {
        var laterCapital = false, lower = false, first = true
        for b in family.utf8 {
            if b >= 0x80 || b == 0x20 || b == 0x2D { return false }
            if b >= 0x41 && b <= 0x5A, !first { laterCapital = true }
            if b >= 0x61 && b <= 0x7A { lower = true }
            first = false
        }
        return !laterCapital || !lower
    }

    /// Words of a surname: split at spaces and hyphens, and after a leading particle written
    /// together with a capitalised rest (`DeVeaux` → `De`, `Veaux`).
    static func surnameWords(_ family: String) -> [String] {
        if family.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSurnameWords(family) }
        var out: [String] = []
        for piece in family.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" }) {
            let s = String(piece)
            if let k = s.dropFirst().firstIndex(where: \.isUppercase), s.first?.isUppercase == true {
                let head = String(s[..<k]), tail = String(s[k...])
                if keyParticles.contains(fold(head)), tail.count >= 3, tail.dropFirst().contains(where: \.isLowercase) {
                    out.append(head)
                    out.append(tail)
                    continue
                }
            }
            out.append(s)
        }
        return out
    }

    /// ``surnameWords(_:)`` of an ASCII surname, on bytes (the same words).
    static func asciiSurnameWords(_ family: String) -> [String] {
        let bytes = Array(family.utf8)
        @inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        var out: [String] = []
        var start = 0
        while start < bytes.count {
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x2D { start += 1 }
            guard start < bytes.count else { break }
            var end = start
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x2D { end += 1 }
            let piece = bytes[start..<end]
            start = end
            if isUpper(piece[piece.startIndex]), let k = piece.dropFirst().firstIndex(where: isUpper) {
                let head = String(decoding: piece[..<k], as: UTF8.self), tail = piece[k...]
                if tail.count >= 3, tail.dropFirst().contains(where: { $0 >= 0x61 && $0 <= 0x7A }), keyParticles.contains(fold(head)) {
                    out.append(head)
                    out.append(String(decoding: tail, as: UTF8.self))
                    continue
                }
            }
            out.append(String(decoding: piece, as: UTF8.self))
        }
        return out
    }

    /// `true` for a person's name as far as the reference shows: not flagged as an
    /// organisation, and not a name of three or more words printed without initials
    /// (`National Academies of Sciences Engineering and Medicine`).
    public var looksPersonal: Bool {
        guard !isOrganisation else { return false }
        return !(initials.isEmpty && family.split(separator: " ").count >= 3)
    }
}
