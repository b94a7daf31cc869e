/// The level of a classification whose categories become a dataset's literatures
/// (`siloscope import --literatures LEVEL`).
public enum LiteratureLevel: String, CaseIterable, Sendable, Codable {
    /// Web of Science subject categories (`WC`, about 250).
    case wosCategory = "wos-category"
    /// Web of Science research areas (`SC`, about 150).
    case wosArea = "wos-area"
    /// ASJC subject areas (27, e.g. Computer Science), through the journal's ISSN.
    case asjcArea = "asjc-area"
    /// ASJC subject categories (about 330, e.g. Ecology, Evolution, Behavior and Systematics).
    case asjcCategory = "asjc-category"
    /// OpenAlex domains (4: Life, Social, Physical, Health Sciences).
    case openAlexDomain = "openalex-domain"
    /// OpenAlex fields (26, ASJC subject areas).
    case openAlexField = "openalex-field"
    /// OpenAlex subfields (about 250, ASJC categories).
    case openAlexSubfield = "openalex-subfield"
    /// OpenAlex level-0 concepts (19, e.g. Computer science; 2022 schema, listed by score).
    case openAlexConcept = "openalex-concept"

    /// The default for a format: WoS exports carry `WC` on every record → `wos-category`;
    /// OpenAlex works carry topics → `openalex-field` (2022-schema records, which have
    /// concepts and no topics → `openalex-concept`, decided by the caller); every other export is classified
    /// through its journal's ISSN → `asjc-area` (27 areas: few enough to compare). For
    /// several formats, the first file's. BibTeX: `wos-category` when the records carry WoS
    /// categories (decided by the caller), else `asjc-area`.
    public static func defaultLevel(for format: ImportFormat) -> LiteratureLevel {
        switch format {
        case .wos, .wosTab: return .wosCategory
        case .openAlex, .openAlexCSV: return .openAlexField
        default: return .asjcArea
        }
    }

    /// `true` for the levels read from the record itself only (no ISSN look-up needed).
    public var isOpenAlex: Bool { self == .openAlexDomain || self == .openAlexField || self == .openAlexSubfield || self == .openAlexConcept }
}

/// A work's categories at every level, as far as its evidence goes.
///
/// Definition: WoS levels are the record's `WC` / `SC`; ASJC levels are the codes of its
/// ISSNs in the bundled Scopus table (category name; area name, each once, in code order);
/// OpenAlex levels are the subfield / field / domain of its topics, the primary topic's
/// first. Every list is without repeats.
public struct WorkCategories: Hashable, Sendable {
    public var wosCategory: [String] = []
    public var wosArea: [String] = []
    public var asjcCategory: [String] = []
    public var asjcArea: [String] = []
    public var openAlexDomain: [String] = []
    public var openAlexField: [String] = []
    public var openAlexSubfield: [String] = []
    public var openAlexConcept: [String] = []
    /// ASJC codes behind the ASJC levels.
    public var asjcCodes: [String] = []

    public init() {}

    /// The categories at `level`.
    public func values(_ level: LiteratureLevel) -> [String] {
        switch level {
        case .wosCategory: return wosCategory
        case .wosArea: return wosArea
        case .asjcArea: return asjcArea
        case .asjcCategory: return asjcCategory
        case .openAlexDomain: return openAlexDomain
        case .openAlexField: return openAlexField
        case .openAlexSubfield: return openAlexSubfield
        case .openAlexConcept: return openAlexConcept
        }
    }

    /// Categories from ASJC codes (unknown codes are skipped).
    public static func asjc(_ codes: [String], tables: ClassificationTables) -> WorkCategories {
        var c = WorkCategories()
        for code in codes.sorted() {
            guard let n = tables.asjc[code] else { continue }
            if !c.asjcCodes.contains(code) { c.asjcCodes.append(code) }
            if !c.asjcCategory.contains(n.category) { c.asjcCategory.append(n.category) }
            if !n.area.isEmpty, !c.asjcArea.contains(n.area) { c.asjcArea.append(n.area) }
        }
        return c
    }

    /// Categories a record states (WoS, OpenAlex) plus those of its ISSNs.
    public static func of(_ f: SubjectFields, tables: ClassificationTables) -> WorkCategories {
        var c = asjc(f.issns.flatMap { tables.asjcByISSN[$0] ?? [] }, tables: tables)
        c.wosCategory = f.wosCategories
        c.wosArea = f.wosAreas
        c.openAlexConcept = f.openAlexConcepts
        for t in f.openAlexTopics {
            if let v = t.domain, !c.openAlexDomain.contains(v) { c.openAlexDomain.append(v) }
            if let v = t.field, !c.openAlexField.contains(v) { c.openAlexField.append(v) }
            if let v = t.subfield, !c.openAlexSubfield.contains(v) { c.openAlexSubfield.append(v) }
        }
        return c
    }

    /// Adds `other`'s categories that `self` lacks.
    public mutating func merge(_ other: WorkCategories) {
        func add(_ a: inout [String], _ b: [String]) { for x in b where !a.contains(x) { a.append(x) } }
        add(&wosCategory, other.wosCategory)
        add(&wosArea, other.wosArea)
        add(&asjcCategory, other.asjcCategory)
        add(&asjcArea, other.asjcArea)
        add(&openAlexDomain, other.openAlexDomain)
        add(&openAlexField, other.openAlexField)
        add(&openAlexSubfield, other.openAlexSubfield)
        add(&openAlexConcept, other.openAlexConcept)
        add(&asjcCodes, other.asjcCodes)
    }
}
