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
        // Each table is parsed on its bytes: cells are slices of the inflated text, and a
        // String is made only for the cells kept (Foundation's Data.split and per-cell
        // String bridging cost ~0.4 s per import on Linux).
        func rows(_ name: String, columns: Int) throws -> (bytes: [UInt8], rows: [[Range<Int>]]) {
            let url = folder.appendingPathComponent(name)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw InputError(file: url.path, message: "cannot read the bundled table: \(error.localizedDescription)")
            }
            let bytes = [UInt8](try Gzip.inflate(data, file: url.path))
            var out: [[Range<Int>]] = []
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end > start {
                    lineNumber += 1
                    var cells: [Range<Int>] = []
                    cells.reserveCapacity(max(columns, 4))
                    var a = start
                    for i in start..<end where bytes[i] == 0x09 {
                        cells.append(a..<i)
                        a = i + 1
                    }
                    cells.append(a..<end)
                    guard columns == 0 || cells.count == columns else {
                        throw InputError(file: url.path, line: lineNumber, message: "expected \(columns) tab-separated cells, found \(cells.count)")
                    }
                    out.append(cells)
                }
                start = end + 1
            }
            return (bytes, out)
        }
        func strings(_ t: (bytes: [UInt8], rows: [[Range<Int>]])) -> [[String]] {
            t.rows.map { $0.map { String(decoding: t.bytes[$0], as: UTF8.self) } }
        }
        // One array per distinct list of codes, shared by every journal listing it (most lists
        // recur thousands of times: memory, and one split per distinct cell).
        var codeLists: [ArraySlice<UInt8>: [String]] = [:]
        func codes(_ cell: ArraySlice<UInt8>) -> [String] {
            if let list = codeLists[cell] { return list }
            let list = words(cell)
            codeLists[cell] = list
            return list
        }
        var asjc: [String: (category: String, area: String)] = [:]
        for r in strings(try rows("asjc-codes.tsv.gz", columns: 3)) { asjc[r[0]] = (r[1], r[2]) }
        var byISSN: [String: [String]] = [:]
        let issnTable = try rows("issn-asjc.tsv.gz", columns: 2)
        byISSN.reserveCapacity(issnTable.rows.count)
        for r in issnTable.rows {
            byISSN[String(decoding: issnTable.bytes[r[0]], as: UTF8.self)] = codes(issnTable.bytes[r[1]])
        }
        var byVenue: [String: [String]] = [:]
        var refused = Set<String>()
        var byCatalogueISSN: [String: [String]] = [:]
        var refusedISSN = Set<String>()
        let nlm = try rows("nlm-journals.tsv.gz", columns: 5)
        for r in nlm.rows {
            let list = codes(nlm.bytes[r[4]])
            let names = r[0...2].compactMap { range -> String? in
                let cell = nlm.bytes[range]
                return cell.allSatisfy({ $0 < 0x80 }) ? VenueKey.make(ascii: cell) : VenueKey.make(String(decoding: cell, as: UTF8.self))
            }
            for name in Set(names) where !refused.contains(name) {
                if let had = byVenue[name], had != list {
                    byVenue[name] = nil
                    refused.insert(name)
                } else {
                    byVenue[name] = list
                }
            }
            for issn in words(nlm.bytes[r[3]]) where byISSN[issn] == nil && !refusedISSN.contains(issn) {
                if let had = byCatalogueISSN[issn], had != list {
                    byCatalogueISSN[issn] = nil
                    refusedISSN.insert(issn)
                } else {
                    byCatalogueISSN[issn] = list
                }
            }
        }
        let simTable = try rows("wos-category-similarity.tsv.gz", columns: 0)
        let sim = simTable.rows
        guard let header = sim.first, sim.count == header.count + 1 else {
            throw InputError(file: "wos-category-similarity.tsv.gz", message: "expected a header of category names and one row per category")
        }
        var matrix: [[Double]] = []
        let names = header.map { String(decoding: simTable.bytes[$0], as: UTF8.self) }
        for (i, row) in sim.dropFirst().enumerated() {
            let values = row.compactMap { decimal(simTable.bytes[$0]) }
            guard values.count == names.count else {
                throw InputError(file: "wos-category-similarity.tsv.gz", line: i + 2, message: "expected \(names.count) similarities")
            }
            matrix.append(values)
        }
        return ClassificationTables(asjc: asjc, asjcByISSN: byISSN, asjcByCatalogueVenue: byVenue,
                                    ambiguousCatalogueKeys: refused.count + refusedISSN.count, asjcByCatalogueISSN: byCatalogueISSN,
                                    wosCategories: names, wosSimilarity: matrix)
    }

    /// The space-separated words of `cell` (ASJC codes), as `split(separator: " ")` gives them.
    static func words(_ cell: ArraySlice<UInt8>) -> [String] {
        cell.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `Double(String(cell))`, without making the String when the cell is a plain decimal
    /// (`-`?digits(`.`digits)?, at most 15 digits): the integer of its digits divided by a
    /// power of ten is then the correctly rounded value, as `strtod` gives it. Any other
    /// shape goes through `Double.init`.
    static func decimal(_ cell: ArraySlice<UInt8>) -> Double? {
        var i = cell.startIndex
        var negative = false
        if i < cell.endIndex, cell[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: Int64 = 0, digits = 0, fraction = 0
        var sawPoint = false, plain = i < cell.endIndex
        while i < cell.endIndex {
            let b = cell[i]
            if b >= 0x30, b <= 0x39 {
                mantissa = mantissa &* 10 &+ Int64(b - 0x30)
                digits += 1
                if sawPoint { fraction += 1 }
            } else if b == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                plain = false
                break
            }
            i += 1
        }
        if sawPoint, fraction == 0 { plain = false }
        guard plain, digits > 0, digits <= 15 else { return Double(String(decoding: cell, as: UTF8.self)) }
        let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
        let v = Double(mantissa) / powers[fraction]
        return negative ? -v : v
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
    /// The key of `venue`, or `nil` when nothing is left.
    public static func make(_ venue: String) -> String? {
        // ASCII: folding changes only the case, so upper-casing the bytes gives the same key.
        if venue.utf8.allSatisfy({ $0 < 0x80 }) { return key(venue.utf8, upperCase: true) }
        let folded = venue.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).uppercased()
        return key(folded.utf8, upperCase: false)
    }

    /// ``make(_:)`` of an ASCII name given as bytes (a cell of a bundled table), without making its String.
    /// - Precondition: every byte is below 0x80.
    static func make<C: Collection<UInt8>>(ascii bytes: C) -> String? {
        key(bytes, upperCase: true)
    }

    /// The words of `bytes` (runs of ASCII letters and digits, lower case raised when
    /// `upperCase`), THE, OF and AND left out, joined by one space; `nil` when none is left.
    /// One pass over the bytes, one output buffer.
    static func key<C: Collection<UInt8>>(_ bytes: C, upperCase: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var wordStart = -1 // index in `out` of the current word's first byte
        func endWord() {
            guard wordStart >= 0 else { return }
            let n = out.count - wordStart
            let w0 = out[wordStart]
            let dropped = (n == 3 && w0 == 0x54 && out[wordStart + 1] == 0x48 && out[wordStart + 2] == 0x45) // THE
                || (n == 2 && w0 == 0x4F && out[wordStart + 1] == 0x46) // OF
                || (n == 3 && w0 == 0x41 && out[wordStart + 1] == 0x4E && out[wordStart + 2] == 0x44) // AND
            if dropped { out.removeLast(wordStart > 0 ? n + 1 : n) }
            wordStart = -1
        }
        for var b in bytes {
            if upperCase, b >= 0x61, b <= 0x7A { b -= 32 }
            if (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) {
                if wordStart < 0 {
                    if !out.isEmpty { out.append(0x20) }
                    wordStart = out.count
                }
                out.append(b)
            } else {
                endWord()
            }
        }
        endWord()
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }
}
