import Foundation

/// What `siloscope fetch --openalex` did (printed as JSON on stdout, keys sorted).
///
/// `works` dataset works considered (those not themselves added by an earlier fetch);
/// `resolved` how many were found on OpenAlex and how (`byOpenAlexID` from an `openalex`
/// column or a `W…` id, `byDOI`, `byTitle`); `unresolved`; `referencedWorks` and
/// `citingWorks` distinct OpenAlex works met as references of / citations to the resolved
/// works; `matchedExisting` of those that were already dataset works (by OpenAlex id, DOI
/// or the import's fallback key); `worksAdded`, `arcsAdded`, `arcsAlreadyPresent`;
/// `metadataMissing` referenced ids OpenAlex returned no record for (added with their id
/// only); `requests` sent over the network, `cacheHits`, `retries`; `errors` (at most 20
/// listed, `errorCount` all) and `missing` (offline: requests not in the cache);
/// `complete` = no error; `written` = the dataset was updated (only when complete).
public struct FetchSummary: Codable, Sendable, Equatable {
    public struct Resolved: Codable, Sendable, Equatable {
        public var total = 0
        public var byOpenAlexID = 0
        public var byDOI = 0
        public var byTitle = 0
    }

    public var dataset: String
    public var works = 0
    public var resolved = Resolved()
    public var unresolved = 0
    public var referencedWorks = 0
    public var citingWorks = 0
    public var matchedExisting = 0
    public var worksAdded = 0
    public var arcsAdded = 0
    public var arcsAlreadyPresent = 0
    public var metadataMissing = 0
    public var requests = 0
    public var cacheHits = 0
    public var retries = 0
    public var offline = false
    public var errorCount = 0
    public var errors: [String] = []
    public var missing = 0
    public var complete = true
    public var written = false

    public init(dataset: String) { self.dataset = dataset }

    /// Pretty JSON with sorted keys (deterministic).
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
