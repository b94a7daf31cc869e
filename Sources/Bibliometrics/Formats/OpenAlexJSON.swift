import Foundation
import NetworkCore

/// Reader of OpenAlex work objects: API `/works` results saved as a JSON array, a
/// `{"results": [...]}` page, a single work, or JSON Lines (one work per line, streamed).
///
/// Both schemas are read: the 2022 one (`host_venue.display_name`, `biblio`) and the
/// current one (`primary_location.source.display_name`). Fields: `id` (required,
/// `https://openalex.org/W…`), `doi`, `title`/`display_name`, `publication_year`, `type`,
/// `ids.pmid`, `authorships[].author.display_name`, `biblio.volume|issue|first_page|last_page`,
/// and `referenced_works` (OpenAlex ids; each is a cited reference with only its id).
public enum OpenAlexJSON {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var collector = RecordCollector(file: path, format: .openAlex, lenient: lenient)
        try JSONRecords.forEach(path: path, arrayKeys: ["results"]) { e in
            try collector.add { try record(e, path: path) }
        }
        return collector.result
    }

    static func record(_ e: JSONRecords.Element, path: String) throws -> ImportedRecord {
        let o = e.object
        let span = SourceSpan(file: path, firstLine: e.firstLine, lastLine: e.lastLine)
        guard let idText = JSONRecords.string(o["id"]), let oa = Identifiers.openAlexWork(idText) else {
            throw InputError(file: path, line: e.firstLine, field: "id", message: "expected an OpenAlex work id (https://openalex.org/W…), got \(JSONRecords.string(o["id"]).map { "'\($0)'" } ?? "none")")
        }
        var work = Work(id: "", openAlexID: oa, sources: [span])
        work.doi = JSONRecords.string(o["doi"]).flatMap { DOI($0) }
        work.title = JSONRecords.string(o["title"]) ?? JSONRecords.string(o["display_name"])
        work.year = JSONRecords.int(o["publication_year"])
        work.type = workType(JSONRecords.string(o["type"]) ?? "")
        if let ids = o["ids"] as? JSONRecords.Object { work.pmid = JSONRecords.string(ids["pmid"]).flatMap(Identifiers.pmid) }
        if let authorships = o["authorships"] as? [JSONRecords.Object] {
            work.authors = authorships.compactMap { a in
                ((a["author"] as? JSONRecords.Object)?["display_name"] as? String).flatMap(AuthorName.parseGivenFamily)
            }
        }
        if let hv = o["host_venue"] as? JSONRecords.Object {
            work.venue = JSONRecords.string(hv["display_name"])
            work.publisher = JSONRecords.string(hv["publisher"])
        }
        if let pl = o["primary_location"] as? JSONRecords.Object, let src = pl["source"] as? JSONRecords.Object {
            work.venue = work.venue ?? JSONRecords.string(src["display_name"])
            work.publisher = work.publisher ?? JSONRecords.string(src["host_organization_name"])
        }
        if let b = o["biblio"] as? JSONRecords.Object {
            work.volume = JSONRecords.string(b["volume"])
            work.issue = JSONRecords.string(b["issue"])
            if let f = JSONRecords.string(b["first_page"]) { work.pages = JSONRecords.string(b["last_page"]).map { f + "-" + $0 } ?? f }
        }
        var refs: [ImportedReference] = []
        if let rw = o["referenced_works"], !(rw is NSNull) {
            guard let list = rw as? [Any] else {
                throw InputError(file: path, line: e.firstLine, field: "referenced_works", message: "expected an array of OpenAlex work ids")
            }
            for (k, item) in list.enumerated() {
                guard let s = item as? String, let id = Identifiers.openAlexWork(s) else {
                    throw InputError(file: path, line: e.firstLine, field: "referenced_works", message: "element \(k + 1) is not an OpenAlex work id: \(item)")
                }
                refs.append(ImportedReference(reference: CitedReference(raw: s, source: span, openAlexID: id)))
            }
        }
        var record = ImportedRecord(work: work, references: refs, format: .openAlex)
        record.fields = .openAlex(o)
        return record
    }

    static func workType(_ t: String) -> WorkType {
        switch t.lowercased() {
        case "article", "journal-article", "review", "letter", "editorial": return .article
        case "book", "monograph", "reference-book", "edited-book": return .book
        case "book-chapter", "proceedings-article", "book-part", "book-section": return .chapter
        case "dissertation": return .thesis
        case "report": return .report
        default: return .unknown
        }
    }
}
