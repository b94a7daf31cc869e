/// How a work's field was found (`field_source` in `works.csv`).
public enum FieldSource: String, CaseIterable, Sendable, Codable {
    /// The work's own record: WoS `WC`/`SC`, OpenAlex topics of an imported record, or its ISSN → ASJC.
    case record
    /// Topics of the work as `siloscope fetch --openalex` resolved it.
    case openalex
    /// The user's venue table (`import --venues FILE`).
    case userTable = "user-table"
    /// The venue of one of the dataset's own citing records whose field is known (title, J9, JI, ISSN).
    case datasetVenue = "dataset-venue"
    /// The NLM catalogue of PubMed journals (title, ISO or MEDLINE abbreviation → ASJC).
    case catalogue
}

/// The field found for one work.
public struct FieldAssignment: Hashable, Sendable {
    /// What the work's own record states, at every level.
    public var own: WorkCategories
    /// Categories at the chosen level (from `source`); empty when none was found.
    public var categories: [String]
    /// The primary category (``FieldAssigner`` states the rule), `nil` when `categories` is empty.
    public var primary: String?
    public var source: FieldSource?
    /// The key that gave it: `WC`, `SC`, `issn:0022-541X`, `topics`, `venue:J WILDLIFE MANAGE`.
    public var key: String?

    public init(own: WorkCategories = WorkCategories(), categories: [String] = [], primary: String? = nil,
                source: FieldSource? = nil, key: String? = nil) {
        self.own = own
        self.categories = categories
        self.primary = primary
        self.source = source
        self.key = key
    }
}

/// Coverage of the field assignment, by role and by route (import summary key `fields`).
public struct FieldCoverage: Codable, Sendable, Equatable {
    /// Works of one role, how many got a field, and through which route.
    public struct Role: Codable, Sendable, Equatable {
        public var works: Int = 0
        public var assigned: Int = 0
        /// Route (``FieldSource`` raw value) → works.
        public var byRoute: [String: Int] = [:]

        public init() {}

        /// `assigned / works`, 0 for no works.
        public var share: Double { works == 0 ? 0 : Double(assigned) / Double(works) }

        mutating func count(_ a: FieldAssignment) {
            count(a.categories.isEmpty ? nil : a.source)
        }

        /// Counts one work, assigned through `source` (`nil`: not assigned).
        mutating func count(_ source: FieldSource?) {
            works += 1
            if let s = source {
                assigned += 1
                byRoute[s.rawValue, default: 0] += 1
            }
        }
    }

    /// The level (``LiteratureLevel`` raw value).
    public var level: String
    /// Citing records (works whose reference list was read).
    public var citing = Role()
    /// Cited-only works.
    public var cited = Role()
    /// Cited-only works with a venue and a volume (journal articles, as references print them).
    public var citedWithJournalVenue = Role()
    /// Categories in use (distinct primary categories).
    public var categories: Int = 0
    /// Venue keys refused because the dataset's records give them disjoint categories.
    public var ambiguousVenueKeys: Int = 0

    public init(level: String) {
        self.level = level
    }
}
