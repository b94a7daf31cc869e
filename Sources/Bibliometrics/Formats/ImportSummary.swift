/// The summary every importer prints with `--format json` (ARCHITECTURE.md §6 "import").
///
/// Keys `format`, `records`, `references`, `skipped`, `duplicates` and `matched`
/// {`byIdentifier`, `byKey`, `unmatched`} are the stable contract. Importers add
/// optional keys: `parsed` (how many cited references were split fully, partly, not at
/// all; for exports also the share of references with each of `year`, `firstAuthor`,
/// `title`, `source`, `doi`) and, for plain-text lists, `unparsed` (each entry kept
/// whole, with its file and lines). Encoding with `JSONEncoder` (`.sortedKeys`) is deterministic.
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

        /// Exports: share of cited references (0…1, 4 decimals) with a year.
        public var year: Double?
        /// Exports: share with a first author (or first editor).
        public var firstAuthor: Double?
        /// Exports: share with a title (WoS `CR` strings print none).
        public var title: Double?
        /// Exports: share with a source (journal, book or series).
        public var source: Double?
        /// Exports: share with a DOI.
        public var doi: Double?

        public init(fully: Int = 0, partly: Int = 0, notAtAll: Int = 0) {
            self.fully = fully
            self.partly = partly
            self.notAtAll = notAtAll
        }

        /// Parse completeness of cited references read from exports: `fully` = first author,
        /// year and a title or source; `notAtAll` = none of author, year, title, source, DOI;
        /// the shares of each field. Shares are 0 when there are no references. O(n).
        public init<S: Sequence>(references: S) where S.Element == CitedReference {
            var tally = Tally()
            for r in references { tally.add(r) }
            self.init(tally: tally)
        }

        /// The counts of the references given to a ``Tally`` one by one (the same as
        /// ``init(references:)`` over them, in any order).
        init(tally: Tally) {
            let n = tally.n
            self.init(fully: tally.fully, partly: n - tally.fully - tally.none, notAtAll: tally.none)
            func share(_ k: Int) -> Double { n == 0 ? 0 : (Double(k) / Double(n) * 10_000).rounded() / 10_000 }
            year = share(tally.year)
            firstAuthor = share(tally.firstAuthor)
            title = share(tally.title)
            source = share(tally.source)
            doi = share(tally.doi)
        }

        /// Running counts behind ``init(references:)``, fed one reference at a time, read in
        /// place (no copy of a reference: a copy retains every field).
        struct Tally {
            var n = 0, year = 0, firstAuthor = 0, title = 0, source = 0, doi = 0
            var fully = 0, none = 0

            mutating func add(_ r: borrowing CitedReference) {
                add(author: r.firstAuthor != nil, year: r.year != nil, title: r.title != nil, source: r.venue != nil, doi: r.doi != nil)
            }

            /// One reference, by which of its fields are present (first author or editor, year,
            /// title, source, DOI).
            mutating func add(author hasA: Bool, year hasY: Bool, title hasT: Bool, source hasS: Bool, doi hasD: Bool) {
                n += 1
                if hasA { firstAuthor += 1 }
                if hasY { year += 1 }
                if hasT { title += 1 }
                if hasS { source += 1 }
                if hasD { doi += 1 }
                if hasA && hasY && (hasT || hasS) { fully += 1 } else if !(hasA || hasY || hasT || hasS || hasD) { none += 1 }
            }
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
    /// Parse completeness of the cited references (plain-text lists and exports).
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
