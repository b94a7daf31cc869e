/// Where a record came from: a file and an inclusive, 1-based line range, or a record
/// number for formats without lines.
///
/// Its ``description`` is the provenance string the datasets use in their `source`
/// columns: `file:line` for one line, `file:first-last` for a range.
public struct SourceSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file name as given to the reader (the seeds use their bare file name).
    public var file: String
    /// First line (1-based) of the record.
    public var firstLine: Int
    /// Last line (1-based, inclusive) of the record; equals `firstLine` for one line.
    public var lastLine: Int

    public init(file: String, firstLine: Int, lastLine: Int) {
        self.file = file
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
    }

    public var description: String {
        firstLine == lastLine ? "\(file):\(firstLine)" : "\(file):\(firstLine)-\(lastLine)"
    }
}
