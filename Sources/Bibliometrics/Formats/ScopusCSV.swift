import Foundation
import NetworkCore

/// Reader of Scopus CSV exports.
///
/// Columns used: `Authors` (`Liu F.; Li C.` — or `Liu F., Li C.` in older exports),
/// `Author full names`, `Title`, `Year`, `Source title`, `Volume`, `Issue`, `Page start`,
/// `Page end`, `Art. No.`, `DOI`, `PubMed ID`, `Document Type`, `EID`, `References`.
/// `Title` and `Year` are required columns. References are split and parsed by
/// ``ScopusReference``; the file's `referencePieces` note counts the raw `;` pieces.
/// Streams record by record (``CSVRecordStream``).
public enum ScopusCSV {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var csv = try CSVRecordStream(path: path)
        try csv.require(["Title", "Year"], format: "Scopus CSV")
        var collector = RecordCollector(file: path, format: .scopus, lenient: lenient)
        let c = (authors: csv.column("Authors"), title: csv.column("Title"), year: csv.column("Year"),
                 source: csv.column("Source title"), volume: csv.column("Volume"), issue: csv.column("Issue"),
                 start: csv.column("Page start"), end: csv.column("Page end"), art: csv.column("Art. No."),
                 doi: csv.column("DOI"), pmid: csv.column("PubMed ID"), type: csv.column("Document Type"),
                 eid: csv.column("EID"), refs: csv.column("References"), publisher: csv.column("Publisher"),
                 issn: csv.column("ISSN"), abbreviated: csv.column("Abbreviated Source Title"))
        var pieces = 0
        while let r = try csv.next() {
            try collector.add {
                let span = SourceSpan(file: path, firstLine: r.firstLine, lastLine: r.lastLine)
                var work = Work(id: "", sources: [span])
                let authorsText = r.value(c.authors)
                let names = authorsText.contains(";") ? authorsText.components(separatedBy: ";") : authorsText.components(separatedBy: ", ")
                work.authors = names.compactMap { AuthorName.parseShort($0) }.filter { !$0.family.lowercased().hasPrefix("[no author") }
                work.title = nonEmpty(r.value(c.title))
                let yearText = r.value(c.year)
                guard let y = Int(yearText), (1000...2100).contains(y) else {
                    throw InputError(file: path, line: r.firstLine, field: "Year", message: "expected a four-digit year, got '\(yearText)'")
                }
                work.year = y
                guard work.title != nil else {
                    throw InputError(file: path, line: r.firstLine, field: "Title", message: "empty title")
                }
                work.venue = nonEmpty(r.value(c.source))
                work.volume = nonEmpty(r.value(c.volume))
                work.issue = nonEmpty(r.value(c.issue))
                let start = r.value(c.start), end = r.value(c.end)
                work.pages = start.isEmpty ? nonEmpty(r.value(c.art)) : (end.isEmpty ? start : start + "-" + end)
                work.publisher = nonEmpty(r.value(c.publisher))
                let doiText = r.value(c.doi)
                if !doiText.isEmpty {
                    guard let doi = DOI(doiText) else {
                        throw InputError(file: path, line: r.firstLine, field: "DOI", message: "expected a DOI, got '\(doiText)'")
                    }
                    work.doi = doi
                }
                work.pmid = Identifiers.pmid(r.value(c.pmid))
                work.type = workType(r.value(c.type))
                let split = ScopusReference.split(r.value(c.refs))
                pieces += split.pieces
                let refs = split.references.map { ImportedReference(reference: ScopusReference.parse($0, source: span)) }
                let eid = r.value(c.eid)
                var record = ImportedRecord(work: work, references: refs, nativeIDs: eid.isEmpty ? [] : ["scopus:" + eid], format: .scopus)
                record.fields.issns = SubjectFields.issnList([r.value(c.issn)])
                record.fields.venueNames = [nonEmpty(r.value(c.abbreviated))].compactMap { $0 }
                return record
            }
        }
        collector.result.notes["referencePieces"] = pieces
        collector.result.repairs += csv.repairs
        return collector.result
    }

    static func workType(_ t: String) -> WorkType {
        switch t.lowercased() {
        case "article", "review", "letter", "editorial", "note", "short survey", "journal article": return .article
        case "book": return .book
        case "book chapter", "conference paper": return .chapter
        default: return .unknown
        }
    }
}

func nonEmpty(_ s: String?) -> String? {
    guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
    return t
}
