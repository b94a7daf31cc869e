import Foundation

/// One person (or organisation) in an author or editor list, as printed.
///
/// Definition: `family` is the surname as printed ("Andersson Gäre", "van de Bovenkamp"),
/// `initials` the given-name initials without dots ("SP", "P-E"), and `isOrganisation`
/// marks a corporate author ("World Health Organisation") whose whole name is in `family`.
/// ``matchKey`` is the surname folded for matching: diacritics and case removed, letters
/// only ("O’Donnell" → "odonnell", "Kjellström" → "kjellstrom"). O(n) to compute.
public struct AuthorName: Hashable, Sendable, Codable {
    /// Surname (or the whole name of an organisation).
    public var family: String
    /// Initials of the given names, without dots; empty for organisations.
    public var initials: String
    /// `true` for a corporate author.
    public var isOrganisation: Bool

    public init(family: String, initials: String = "", isOrganisation: Bool = false) {
        self.family = family
        self.initials = initials
        self.isOrganisation = isOrganisation
    }

    /// "Family I" as a Vancouver list prints it (the organisation name alone).
    public var display: String { initials.isEmpty ? family : family + " " + initials }

    /// The surname in one case style for labels ("Surname Year"): a surname printed all in
    /// capitals (WoS `CR` strings: `PRICE`, `O'NEIL`, `VAN RAAN`) is title-cased (`Price`,
    /// `O'Neil`, `Van Raan`); any other surname is kept as printed (`Barabási`, `van Raan`).
    /// Organisations are kept. O(n).
    public var labelFamily: String {
        guard !isOrganisation, family.contains(where: \.isLetter), !family.contains(where: \.isLowercase) else { return family }
        var out = ""
        var startOfWord = true
        for ch in family {
            out += startOfWord ? String(ch) : ch.lowercased()
            startOfWord = !ch.isLetter
        }
        return out
    }

    /// The surname folded for matching: lower case, diacritics removed, letters only.
    public var matchKey: String { AuthorName.fold(family) }

    /// Lower-cases, strips diacritics and keeps letters and digits only.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same result without Foundation (lower-case letters and digits).
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            for b in text.utf8 {
                if b >= 0x41 && b <= 0x5A { out.append(b + 32) } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
