/// The summary every importer prints with `--format json` (DESIGN §6 "import").
///
/// Keys `format`, `records`, `references`, `skipped`, `duplicates` and `matched`
/// {`byIdentifier`, `byKey`, `unmatched`} are the stable contract. Importers add
/// optional keys: the plain-text reference parser fills `parsed` (how many entries were
/// split fully, partly, not at all) and `unparsed` (each entry kept whole, with its file
/// and lines). Encoding with `JSONEncoder` (`.sortedKeys`) is deterministic.
public struct ImportSummary: Codable, Sendable, Equatable {
    /// Counts of cited references by how they were matched to works.
    public struct MatchCounts: Codable, Sendable, Equatable {
        /// Matched to another reference or work through a DOI (or another identifier).
        public var byIdentifier: Int
        /// Matched through the fallback key (first author, year ±1, title similarity).
        public var byKey: Int
        /// Not matched to anything (a work of its own).
        public var unmatched: Int

        public init(byIdentifier: Int = 0, byKey: Int = 0, unmatched: Int = 0) {
            self.byIdentifier = byIdentifier
            self.byKey = byKey
            self.unmatched = unmatched
        }
    }

    /// How completely the entries of a plain-text list were split into fields.
    public struct ParseCounts: Codable, Sendable, Equatable {
        /// Authors, title, year and the source field of the guessed type all found.
        public var fully: Int
        /// Some fields found, not all.
        public var partly: Int
        /// No field could be split: the entry is kept whole and listed in `unparsed`.
        public var notAtAll: Int

        public init(fully: Int = 0, partly: Int = 0, notAtAll: Int = 0) {
            self.fully = fully
            self.partly = partly
            self.notAtAll = notAtAll
        }
    }

    /// An entry kept whole because it could not be split.
    public struct UnparsedEntry: Codable, Sendable, Equatable {
        /// `file:first-last` of the entry.
        public var source: String
        public var text: String

        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }
    }

    /// The format as detected or named (`references-text`, `wos`, …).
    public var format: String
    /// Citing records read (for a plain-text list: the document whose list it is, 1 per file).
    public var records: Int
    /// Cited references read.
    public var references: Int
    /// Records or references skipped (the plain-text parser never skips an entry: 0).
    public var skipped: Int
    /// References recognised as duplicates of another reference in the same input.
    public var duplicates: Int
    public var matched: MatchCounts
    /// Plain-text lists only: parse completeness.
    public var parsed: ParseCounts?
    /// Plain-text lists only: the entries kept whole.
    public var unparsed: [UnparsedEntry]?
    /// Exports (``Importer``): works in the written dataset (citing and cited).
    public var works: Int? = nil
    /// Exports: citation arcs written (each citing–cited pair once).
    public var citations: Int? = nil
    /// Exports: counts per input file.
    public var files: [FileCounts]? = nil
    /// Exports: how many works got a field, by role and route (``FieldCoverage``).
    public var fields: FieldCoverage? = nil

    public init(format: String, records: Int, references: Int, skipped: Int = 0, duplicates: Int = 0,
                matched: MatchCounts = MatchCounts(), parsed: ParseCounts? = nil, unparsed: [UnparsedEntry]? = nil) {
        self.format = format
        self.records = records
        self.references = references
        self.skipped = skipped
        self.duplicates = duplicates
        self.matched = matched
        self.parsed = parsed
        self.unparsed = unparsed
    }
}
