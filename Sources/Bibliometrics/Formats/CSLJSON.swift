import Foundation
import NetworkCore

/// Reader of CSL-JSON (Citation Style Language data): an array of items, one item, or
/// JSON Lines. Items without `type` and `id`/`title` are errors.
///
/// Fields: `id` (kept as native id `csl-json:<id>`), `type`, `title`, `author`/`editor`
/// (`family`/`given` or `literal`), `issued` (`date-parts`, `raw` or `literal`),
/// `container-title`, `volume`, `issue`, `page`, `publisher`, `DOI`, `PMID`, `URL`, and a
/// Crossref-style `reference` array when present (Crossref content negotiation adds it).
public enum CSLJSON {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var collector = RecordCollector(file: path, format: .cslJSON, lenient: lenient)
        for e in try JSONRecords.elements(path: path, arrayKeys: ["items"]) {
            try collector.add {
                guard e.object["type"] is String else {
                    throw InputError(file: path, line: e.firstLine, field: "type", message: "CSL-JSON item without a 'type' (e.g. \"article-journal\")")
                }
                guard e.object["title"] != nil || e.object["id"] != nil || e.object["DOI"] != nil else {
                    throw InputError(file: path, line: e.firstLine, field: "title", message: "CSL-JSON item with neither 'id', 'title' nor 'DOI'")
                }
                return try CrossrefJSON.record(e, path: path, format: .cslJSON)
            }
        }
        return collector.result
    }
}
