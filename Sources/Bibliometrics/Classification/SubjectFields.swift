/// One OpenAlex topic with the levels above it (current schema: `primary_topic`, `topics`).
///
/// OpenAlex's field and subfield ids are ASJC codes (field `17` = Computer Science,
/// subfield `1702` = Artificial Intelligence); the names are kept as OpenAlex prints them.
public struct OpenAlexTopic: Hashable, Sendable {
    public var name: String?
    public var subfield: String?
    public var field: String?
    public var domain: String?

    public init(name: String? = nil, subfield: String? = nil, field: String? = nil, domain: String? = nil) {
        self.name = name
        self.subfield = subfield
        self.field = field
        self.domain = domain
    }
}

/// What a record says about the field it belongs to, as read (nothing looked up yet).
///
/// Definition: every list keeps the record's order with repeats removed. `wosCategories`
/// and `wosAreas` are WoS `WC` / `SC` (BibTeX `Web-of-Science-Categories`,
/// `Research-Areas`); `issns` the journal's ISSNs normalised by ``ISSN/normalised(_:)``;
/// `venueNames` further spellings of the venue besides ``Work/venue`` (WoS `J9`, `JI`,
/// Scopus `Abbreviated Source Title`) used to recognise the venue in cited references;
/// `openAlexTopics` the primary topic first, then the other topics; `openAlexConcepts` the
/// level-0 concepts (2022 schema); `subjects` Crossref `subject`; `mesh` MEDLINE `MH`
/// headings (kept as an attribute, not mapped to a literature).
public struct SubjectFields: Hashable, Sendable {
    public var wosCategories: [String] = []
    public var wosAreas: [String] = []
    public var issns: [String] = []
    public var venueNames: [String] = []
    public var openAlexTopics: [OpenAlexTopic] = []
    public var openAlexConcepts: [String] = []
    public var subjects: [String] = []
    public var mesh: [String] = []

    public init() {}

    public var isEmpty: Bool {
        wosCategories.isEmpty && wosAreas.isEmpty && issns.isEmpty && venueNames.isEmpty && openAlexTopics.isEmpty
            && openAlexConcepts.isEmpty && subjects.isEmpty && mesh.isEmpty
    }

    /// Adds what `other` has and `self` lacks (lists appended without repeats). O(total length²) on tiny lists.
    public mutating func merge(_ other: SubjectFields) {
        func add<T: Equatable>(_ a: inout [T], _ b: [T]) { for x in b where !a.contains(x) { a.append(x) } }
        add(&wosCategories, other.wosCategories)
        add(&wosAreas, other.wosAreas)
        add(&issns, other.issns)
        add(&venueNames, other.venueNames)
        add(&openAlexTopics, other.openAlexTopics)
        add(&openAlexConcepts, other.openAlexConcepts)
        add(&subjects, other.subjects)
        add(&mesh, other.mesh)
    }

    /// The values of a `;`-separated cell (`Ecology; Statistics & Probability`), trimmed,
    /// empty pieces and repeats dropped, order kept.
    public static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        var out: [String] = []
        for piece in text.split(separator: ";") {
            let v = piece.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            if !v.isEmpty, !out.contains(v) { out.append(v) }
        }
        return out
    }

    /// The normalised ISSNs found in `texts` (each may hold several, separated by `;`, `,` or spaces).
    public static func issnList(_ texts: [String?]) -> [String] {
        var out: [String] = []
        for t in texts {
            guard let t else { continue }
            for piece in t.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }) {
                if let i = ISSN.normalised(String(piece)), !out.contains(i) { out.append(i) }
            }
        }
        return out
    }
}

/// International Standard Serial Numbers.
public enum ISSN {
    /// `0022-541X` → `0022541X`: 8 characters, digits with an optional final `X` (upper
    /// case), hyphen and spaces dropped; `nil` for anything else. The check digit is not
    /// verified (exports print ISSNs as the publisher registered them). O(length).
    public static func normalised(_ text: String) -> String? {
        var out: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(b)
            case UInt8(ascii: "x"), UInt8(ascii: "X"): out.append(UInt8(ascii: "X"))
            case UInt8(ascii: "-"), UInt8(ascii: " "): continue
            default: return nil
            }
        }
        guard out.count == 8, !out[0..<7].contains(UInt8(ascii: "X")) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `0022541X` → `0022-541X`.
    public static func display(_ normalised: String) -> String {
        guard normalised.count == 8 else { return normalised }
        return String(normalised.prefix(4)) + "-" + String(normalised.suffix(4))
    }
}
