import NetworkCore

/// A cited reference as an importer read it, with the record-native id some formats give
/// instead of a DOI (a Lens id in a Lens `References` cell).
public struct ImportedReference: Hashable, Sendable {
    public var reference: CitedReference
    /// A format-native identifier, prefixed with its kind (`lens:000-360-106-493-122`), or `nil`.
    public var nativeID: String?

    public init(reference: CitedReference, nativeID: String? = nil) {
        self.reference = reference
        self.nativeID = nativeID
    }
}

/// One citing record of an export: the work it describes and the references it lists.
///
/// Definition: `work.sources` holds exactly the span of this record (file and lines);
/// `nativeIDs` are the export's own ids (`wos:WOS:000278542800018`, `scopus:2-s2.0-…`,
/// `lens:…`), used to recognise the same record in two files of the same database.
/// `declaredReferences` is the count the record states itself (WoS `NR`, Crossref
/// `reference-count`), when it states one, for the import log's consistency check.
public struct ImportedRecord: Sendable {
    public var work: Work
    public var references: [ImportedReference]
    public var nativeIDs: [String]
    public var format: ImportFormat
    public var declaredReferences: Int?
    /// What the record says about its field (categories, ISSNs, topics); see ``SubjectFields``.
    public var fields = SubjectFields()

    public init(work: Work, references: [ImportedReference] = [], nativeIDs: [String] = [],
                format: ImportFormat, declaredReferences: Int? = nil) {
        self.work = work
        self.references = references
        self.nativeIDs = nativeIDs
        self.format = format
        self.declaredReferences = declaredReferences
    }
}

/// What a reader did with one file: records delivered and bad records skipped (lenient mode).
public struct FileReadResult: Sendable {
    public var file: String
    public var format: ImportFormat
    public var records: [ImportedRecord]
    /// Bad records skipped in lenient mode, each with its error.
    public var skipped: [InputError]
    /// Extra counts a format reports (`referencePieces` of a Scopus `References` cell split at `;`).
    public var notes: [String: Int]
    /// What was repaired while reading (a CSV row longer or shorter than the header, lone-CR
    /// line endings, a UTF-16 file transcoded), each with file and line, for the import log.
    public var repairs: [InputError] = []

    public init(file: String, format: ImportFormat, records: [ImportedRecord] = [], skipped: [InputError] = [],
                notes: [String: Int] = [:]) {
        self.file = file
        self.format = format
        self.records = records
        self.skipped = skipped
        self.notes = notes
    }

    /// Cited references read, over all records.
    public var referenceCount: Int { records.reduce(0) { $0 + $1.references.count } }
}

/// Collects records and, in lenient mode, bad records instead of failing.
struct RecordCollector {
    var result: FileReadResult
    let lenient: Bool

    init(file: String, format: ImportFormat, lenient: Bool) {
        result = FileReadResult(file: file, format: format)
        self.lenient = lenient
    }

    /// Runs `parse`; its record is kept, or its ``InputError`` is rethrown (strict) or counted (lenient).
    mutating func add(_ parse: () throws -> ImportedRecord?) throws {
        do {
            if let r = try parse() { result.records.append(r) }
        } catch let error as InputError {
            guard lenient else { throw error }
            result.skipped.append(error)
        }
    }
}
