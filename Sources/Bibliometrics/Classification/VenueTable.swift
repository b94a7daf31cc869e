import Foundation
import NetworkCore

/// The analyst's venue table (`siloscope import --venues FILE`): a CSV that states the field
/// of venues the data cannot place.
///
/// Columns: `venue` (required: a venue as references print it, matched by exact
/// ``VenueKey``), `issn` (optional: its ISSN, looked up in the bundled ASJC table and also
/// matched against records' ISSNs) and `categories` (optional: the venue's categories at the
/// import's literature level, separated by `;`). A row with neither `issn` nor
/// `categories` is an error; `categories` wins over `issn` when both are given.
/// Two rows with the same key and different categories are an error naming both lines.
public enum VenueTable {
    /// Key (`venue:KEY` or `issn:NNNNNNNN`) → categories at `level`. O(rows).
    public static func read(path: String, level: LiteratureLevel, tables: ClassificationTables) throws -> [String: [String]] {
        var csv = try CSVRecordStream(path: path)
        try csv.require(["venue"], format: "venue table (venue,issn,categories)")
        let cv = csv.column("venue"), ci = csv.column("issn"), cc = csv.column("categories")
        guard ci != nil || cc != nil else {
            throw InputError(file: path, line: 1, field: "categories", message: "expected a column 'categories' or 'issn' beside 'venue'")
        }
        var out: [String: [String]] = [:]
        var lineOf: [String: Int] = [:]
        while let r = try csv.next() {
            let venue = r.value(cv)
            let issn = ISSN.normalised(r.value(ci).trimmingCharacters(in: .whitespaces))
            var categories = SubjectFields.list(r.value(cc))
            if categories.isEmpty, let issn {
                categories = WorkCategories.asjc(tables.asjcByISSN[issn] ?? [], tables: tables).values(level)
            }
            guard !categories.isEmpty else {
                throw InputError(file: path, line: r.firstLine, field: "categories",
                                 message: "no categories for '\(venue)': give 'categories' at level \(level.rawValue), or an ISSN the ASJC table knows (ASJC levels only)")
            }
            let keys = [VenueKey.make(venue).map { "venue:" + $0 }, issn.map { "issn:" + $0 }].compactMap { $0 }
            guard !keys.isEmpty else {
                throw InputError(file: path, line: r.firstLine, field: "venue", message: "expected a venue name or an ISSN")
            }
            for k in keys {
                if let had = out[k], had != categories {
                    throw InputError(file: path, line: r.firstLine, field: "venue",
                                     message: "'\(k)' is also on line \(lineOf[k] ?? 0) with other categories")
                }
                out[k] = categories
                lineOf[k] = r.firstLine
            }
        }
        return out
    }
}
