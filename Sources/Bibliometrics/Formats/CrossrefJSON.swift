import Foundation
import NetworkCore

/// Reader of Crossref REST API responses: `/works/{doi}` (`{"status":"ok","message-type":
/// "work","message":{…}}`), `/works` pages (`message-type: work-list`, `message.items`),
/// a bare message object, an array of them, or JSON Lines.
///
/// Fields: `DOI` (required), `title[0]`, `author[].family/given` (or `name`), year from
/// `issued` (else `published-print`, `published-online`, `created`), `container-title[0]`,
/// `volume`, `issue`, `page`, `type`, `publisher`, and `reference[]`: each entry is a cited
/// reference with its `DOI` when deposited, `author`, `year`, `article-title`,
/// `journal-title`/`volume-title`/`series-title`, `volume`, `first-page`; its raw string is
/// `unstructured` when given, else the fields joined. `reference-count` is kept as the
/// declared count.
public enum CrossrefJSON {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var collector = RecordCollector(file: path, format: .crossref, lenient: lenient)
        try JSONRecords.forEach(path: path, arrayKeys: ["items"]) { e in
            var messages: [JSONRecords.Element] = []
            if let m = e.object["message"] as? JSONRecords.Object {
                if let items = m["items"] as? [JSONRecords.Object] {
                    messages = items.map { JSONRecords.Element(object: $0, firstLine: e.firstLine, lastLine: e.lastLine) }
                } else {
                    messages = [JSONRecords.Element(object: m, firstLine: e.firstLine, lastLine: e.lastLine)]
                }
            } else if let status = e.object["status"] as? String, status != "ok" {
                throw InputError(file: path, line: e.firstLine, field: "status", message: "Crossref response status '\(status)': \(JSONRecords.string(e.object["message"]) ?? "no message")")
            } else {
                messages = [e]
            }
            for m in messages { try collector.add { try record(m, path: path, format: .crossref) } }
        }
        return collector.result
    }

    /// A work from a Crossref message or a CSL-JSON item (the field names overlap).
    static func record(_ e: JSONRecords.Element, path: String, format: ImportFormat) throws -> ImportedRecord {
        let o = e.object
        let span = SourceSpan(file: path, firstLine: e.firstLine, lastLine: e.lastLine)
        var work = Work(id: "", sources: [span])
        let doiText = JSONRecords.string(o["DOI"]) ?? JSONRecords.string(o["doi"])
        if let doiText {
            guard let doi = DOI(doiText) else {
                throw InputError(file: path, line: e.firstLine, field: "DOI", message: "expected a DOI, got '\(doiText)'")
            }
            work.doi = doi
        }
        if format == .crossref, work.doi == nil {
            throw InputError(file: path, line: e.firstLine, field: "DOI", message: "Crossref work without a DOI")
        }
        work.title = JSONRecords.string(o["title"]).map(AuthorName.clean)
        work.authors = authors(o["author"])
        if work.authors.isEmpty { work.authors = authors(o["editor"]) }
        work.year = JSONRecords.year(ofDate: o["issued"]) ?? JSONRecords.year(ofDate: o["published-print"])
            ?? JSONRecords.year(ofDate: o["published-online"]) ?? JSONRecords.year(ofDate: o["published"])
            ?? (format == .crossref ? JSONRecords.year(ofDate: o["created"]) : nil)
        work.venue = JSONRecords.string(o["container-title"])
        work.volume = JSONRecords.string(o["volume"])
        work.issue = JSONRecords.string(o["issue"])
        work.pages = JSONRecords.string(o["page"])
        work.publisher = JSONRecords.string(o["publisher"])
        work.url = JSONRecords.string(o["URL"])
        work.pmid = JSONRecords.string(o["PMID"]).flatMap(Identifiers.pmid)
        work.type = OpenAlexJSON.workType(JSONRecords.string(o["type"]) ?? "")
        if format == .cslJSON, work.type == .unknown {
            switch JSONRecords.string(o["type"]) ?? "" {
            case "article-journal", "article", "article-magazine", "article-newspaper", "paper-conference": work.type = .article
            case "chapter": work.type = .chapter
            case "thesis": work.type = .thesis
            case "webpage", "post-weblog": work.type = .webPage
            default: break
            }
        }
        var refs: [ImportedReference] = []
        if let list = o["reference"] {
            guard let entries = list as? [Any] else {
                throw InputError(file: path, line: e.firstLine, field: "reference", message: "expected an array of references")
            }
            for (k, item) in entries.enumerated() {
                guard let r = item as? JSONRecords.Object else {
                    throw InputError(file: path, line: e.firstLine, field: "reference", message: "reference \(k + 1) is not a JSON object")
                }
                refs.append(ImportedReference(reference: reference(r, span: span)))
            }
        }
        // CSL `id`s are citation keys local to one file, not identifiers: not used for matching.
        var record = ImportedRecord(work: work, references: refs,
                                    format: format, declaredReferences: JSONRecords.int(o["reference-count"]))
        record.fields = .crossref(o)
        return record
    }

    static func authors(_ v: Any?) -> [AuthorName] {
        guard let list = v as? [JSONRecords.Object] else { return [] }
        return list.compactMap { a in
            if let family = JSONRecords.string(a["family"]) {
                return AuthorName(family: AuthorName.clean(family), initials: AuthorName.initials(ofGiven: JSONRecords.string(a["given"]) ?? ""))
            }
            if let name = JSONRecords.string(a["name"]) ?? JSONRecords.string(a["literal"]) { return AuthorName(family: name, isOrganisation: true) }
            return nil
        }
    }

    /// One entry of a Crossref `reference` array.
    static func reference(_ r: JSONRecords.Object, span: SourceSpan) -> CitedReference {
        let s = { (k: String) in JSONRecords.string(r[k]) }
        var ref = CitedReference(raw: "", source: span)
        ref.doi = s("DOI").flatMap { DOI($0) }
        ref.authors = s("author").flatMap(AuthorName.parseShort).map { [$0] } ?? []
        if let y = s("year"), let v = Int(y.prefix(4)) { ref.year = v }
        ref.title = s("article-title") ?? s("volume-title")
        ref.venue = s("journal-title") ?? s("series-title") ?? (s("article-title") != nil ? s("volume-title") : nil)
        ref.volume = s("volume")
        ref.issue = s("issue")
        ref.pages = s("first-page")
        if ref.volume != nil || ref.pages != nil { ref.type = .article }
        let fields = [s("author"), s("year"), ref.title, ref.venue, ref.volume, ref.pages, ref.doi.map { "doi:" + $0.value }].compactMap { $0 }
        ref.raw = s("unstructured") ?? (fields.isEmpty ? (s("key") ?? "(empty reference)") : fields.joined(separator: ", "))
        if ref.authors.isEmpty, ref.title == nil, ref.doi == nil, let u = s("unstructured") {
            // Only an unstructured string: read what the plain-text parser can.
            let parsed = ReferencesText.splitFields(u)
            ref.authors = parsed.reference.authors
            ref.year = ref.year ?? parsed.reference.year
            ref.title = parsed.reference.title
            ref.venue = ref.venue ?? parsed.reference.venue
            ref.doi = parsed.reference.doi
        }
        return ref
    }
}
