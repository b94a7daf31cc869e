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

    /// The surname folded for matching: lower case, diacritics removed, letters only.
    public var matchKey: String { AuthorName.fold(family) }

    /// Lower-cases, strips diacritics and keeps letters and digits only.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
