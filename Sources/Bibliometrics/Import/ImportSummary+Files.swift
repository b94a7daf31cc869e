extension ImportSummary {
    /// Counts of one input file (``Importer``).
    public struct FileCounts: Codable, Sendable, Equatable {
        public var file: String
        /// The format read (as detected or named).
        public var format: String
        public var records: Int
        public var references: Int
        public var skipped: Int

        public init(file: String, format: String, records: Int, references: Int, skipped: Int) {
            self.file = file
            self.format = format
            self.records = records
            self.references = references
            self.skipped = skipped
        }
    }
}
