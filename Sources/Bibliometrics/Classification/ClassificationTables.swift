import Foundation
import NetworkCore

/// The classification tables bundled with Bibliometrics (built by
/// `scripts/classification/build_resources.py` from `../shared/data/classification`):
/// ASJC names, ISSN → ASJC codes (Scopus source list, 2017), the NLM catalogue of PubMed
/// journals (title, ISO and MEDLINE abbreviations → ASJC codes) and the WoS subject
/// category similarity matrix (cosine of citation profiles, WoS 2008–2012).
///
/// Loaded once per process (``shared``), O(size of the tables) ≈ 0.1 s.
public struct ClassificationTables: Sendable {
    /// ASJC code → (category name, subject-area name).
    public let asjc: [String: (category: String, area: String)]
    /// Normalised ISSN (``ISSN/normalised(_:)``) → ASJC codes, ascending.
    public let asjcByISSN: [String: [String]]
    /// ``VenueKey`` of an NLM title, ISO or MEDLINE abbreviation → ASJC codes; a key
    /// shared by journals with different codes is left out (ambiguous, see ``ambiguousCatalogueKeys``).
    public let asjcByCatalogueVenue: [String: [String]]
    /// Catalogue keys refused because two journals with different ASJC codes share them.
    public let ambiguousCatalogueKeys: Int
    /// Normalised print or online ISSN of an NLM journal → ASJC codes, for the ISSNs the
    /// Scopus table does not list (a journal reached through its NLM id); an ISSN two NLM
    /// journals with different codes share is left out.
    public let asjcByCatalogueISSN: [String: [String]]
    /// WoS category names (upper case, as the similarity source prints them) in matrix order.
    public let wosCategories: [String]
    /// `wosSimilarity[i][j]` = cosine similarity of categories `i` and `j` (4 decimals).
    public let wosSimilarity: [[Double]]

    /// The bundled tables, loaded on first use.
    public static let shared: Result<ClassificationTables, InputError> = {
        do { return .success(try load()) } catch let e as InputError { return .failure(e) } catch {
            return .failure(InputError(file: "Bibliometrics resources", message: "\(error)"))
        }
    }()

    /// No tables (when the bundle is missing: records' own WoS and OpenAlex fields still work).
    public static let empty = ClassificationTables(asjc: [:], asjcByISSN: [:], asjcByCatalogueVenue: [:], ambiguousCatalogueKeys: 0,
                                                   asjcByCatalogueISSN: [:], wosCategories: [], wosSimilarity: [])

    /// The bundled tables or the error saying which resource is missing or malformed.
    public static func load() throws -> ClassificationTables {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw InputError(file: "Bibliometrics resources", message: "the Classification/Resources folder is missing from the bundle")
        }
        func rows(_ name: String, columns: Int) throws -> [[String]] {
            let url = folder.appendingPathComponent(name)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw InputError(file: url.path, message: "cannot read the bundled table: \(error.localizedDescription)")
            }
            let text = try Gzip.inflate(data, file: url.path)
            var out: [[String]] = []
            var lineNumber = 0
            for line in text.split(separator: 0x0A, omittingEmptySubsequences: true) {
                lineNumber += 1
                let cells = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                guard columns == 0 || cells.count == columns else {
                    throw InputError(file: url.path, line: lineNumber, message: "expected \(columns) tab-separated cells, found \(cells.count)")
                }
                out.append(cells)
            }
            return out
        }
        var asjc: [String: (category: String, area: String)] = [:]
        for r in try rows("asjc-codes.tsv.gz", columns: 3) { asjc[r[0]] = (r[1], r[2]) }
        var byISSN: [String: [String]] = [:]
        for r in try rows("issn-asjc.tsv.gz", columns: 2) { byISSN[r[0]] = r[1].split(separator: " ").map(String.init) }
        var byVenue: [String: [String]] = [:]
        var refused = Set<String>()
        var byCatalogueISSN: [String: [String]] = [:]
        var refusedISSN = Set<String>()
        for r in try rows("nlm-journals.tsv.gz", columns: 5) {
            let codes = r[4].split(separator: " ").map(String.init)
            for name in Set([r[0], r[1], r[2]].compactMap { VenueKey.make($0) }) where !refused.contains(name) {
                if let had = byVenue[name], had != codes {
                    byVenue[name] = nil
                    refused.insert(name)
                } else {
                    byVenue[name] = codes
                }
            }
            for issn in r[3].split(separator: " ").map(String.init) where byISSN[issn] == nil && !refusedISSN.contains(issn) {
                if let had = byCatalogueISSN[issn], had != codes {
                    byCatalogueISSN[issn] = nil
                    refusedISSN.insert(issn)
                } else {
                    byCatalogueISSN[issn] = codes
                }
            }
        }
        let sim = try rows("wos-category-similarity.tsv.gz", columns: 0)
        guard let names = sim.first, sim.count == names.count + 1 else {
            throw InputError(file: "wos-category-similarity.tsv.gz", message: "expected a header of category names and one row per category")
        }
        var matrix: [[Double]] = []
        for (i, row) in sim.dropFirst().enumerated() {
            let values = row.compactMap(Double.init)
            guard values.count == names.count else {
                throw InputError(file: "wos-category-similarity.tsv.gz", line: i + 2, message: "expected \(names.count) similarities")
            }
            matrix.append(values)
        }
        return ClassificationTables(asjc: asjc, asjcByISSN: byISSN, asjcByCatalogueVenue: byVenue,
                                    ambiguousCatalogueKeys: refused.count + refusedISSN.count, asjcByCatalogueISSN: byCatalogueISSN,
                                    wosCategories: names, wosSimilarity: matrix)
    }

    /// Index of a WoS category name in ``wosCategories`` (case-insensitive), or `nil`.
    public func wosCategoryIndex(_ name: String) -> Int? {
        wosIndex[name.uppercased()]
    }

    private var wosIndex: [String: Int] {
        Dictionary(wosCategories.enumerated().map { ($1.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `1 − similarity` between the named WoS categories, or `nil` when any name is not a
    /// WoS category of the matrix. O(g² + 247).
    public func wosDistances(_ names: [String]) -> [[Double]]? {
        let rows = wosRows(names)
        guard rows.allSatisfy({ $0 != nil }) else { return nil }
        return wosDistances(rows: rows.compactMap { $0 })
    }

    /// The matrix row of each named WoS category (case-insensitive), `nil` for a name the
    /// matrix has no row for (a category created after 2012, or not a WoS category at all).
    /// O(g + 247).
    public func wosRows(_ names: [String]) -> [Int?] {
        let index = wosIndex
        return names.map { index[$0.uppercased()] }
    }

    /// `1 − similarity` between the categories of the given matrix rows, 0 on the diagonal,
    /// clamped at 0. O(g²).
    /// - Precondition: every row is in `0..<wosCategories.count`.
    public func wosDistances(rows: [Int]) -> [[Double]] {
        rows.map { a in rows.map { b in a == b ? 0 : max(0, 1 - wosSimilarity[a][b]) } }
    }
}

/// The key a venue is matched on: its name folded to upper-case ASCII letters and digits,
/// `&` read as AND, every other character a word break, and the words THE, OF, AND dropped
/// (`The Journal of Wildlife Management` and `JOURNAL OF WILDLIFE MANAGEMENT` share
/// `JOURNAL WILDLIFE MANAGEMENT`; `J. Wildl. Manage.` gives `J WILDL MANAGE`). Matching is
/// on the whole key only — no prefixes, no similarity — so `J WILDLIFE` never matches
/// `J WILDLIFE MANAGE`. O(length).
public enum VenueKey {
    static let dropped: Set<String> = ["THE", "OF", "AND"]

    /// The key of `venue`, or `nil` when nothing is left.
    public static func make(_ venue: String) -> String? {
        let folded = venue.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).uppercased()
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                let w = String(decoding: current, as: UTF8.self)
                if !dropped.contains(w) { words.append(w) }
                current.removeAll(keepingCapacity: true)
            }
        }
        for b in folded.utf8 {
            if (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) { current.append(b) } else { flush() }
        }
        flush()
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
