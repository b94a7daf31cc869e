import Foundation
import NetworkCore

/// Reader of Lens.org scholarly-works CSV exports.
///
/// Columns used: `Lens ID` (required), `Title`, `Publication Year`, `Source Title`,
/// `Author/s` (`Given Family; …`), `Volume`, `Issue Number`, `Start Page`, `End Page`,
/// `Publication Type`, `Publisher`, `PMID`, `DOI`, `References` (Lens ids separated by
/// `; `). A reference carries only its Lens id, so it matches a work only through that id
/// (``ImportedReference/nativeID`` `lens:<id>`). Streams record by record.
public enum LensCSV {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var csv = try CSVRecordStream(path: path)
        try csv.require(["Lens ID", "Title"], format: "Lens CSV")
        var collector = RecordCollector(file: path, format: .lens, lenient: lenient)
        let c = (id: csv.column("Lens ID"), title: csv.column("Title"), year: csv.column("Publication Year"),
                 source: csv.column("Source Title"), authors: csv.column("Author/s"), volume: csv.column("Volume"),
                 issue: csv.column("Issue Number"), start: csv.column("Start Page"), end: csv.column("End Page"),
                 type: csv.column("Publication Type"), publisher: csv.column("Publisher"), pmid: csv.column("PMID"),
                 doi: csv.column("DOI"), refs: csv.column("References"), issns: csv.column("ISSNs"), mesh: csv.column("MeSH Terms"))
        while let r = try csv.next() {
            try collector.add {
                let span = SourceSpan(file: path, firstLine: r.firstLine, lastLine: r.lastLine)
                let lensID = r.value(c.id)
                guard !lensID.isEmpty else { throw InputError(file: path, line: r.firstLine, field: "Lens ID", message: "empty Lens ID") }
                var work = Work(id: "", sources: [span])
                work.title = nonEmpty(r.value(c.title))
                let yearText = r.value(c.year)
                if !yearText.isEmpty {
                    guard let y = Int(yearText), (1000...2100).contains(y) else {
                        throw InputError(file: path, line: r.firstLine, field: "Publication Year", message: "expected a four-digit year, got '\(yearText)'")
                    }
                    work.year = y
                }
                work.authors = r.value(c.authors).components(separatedBy: ";").compactMap { AuthorName.parseGivenFamily($0) }
                work.venue = nonEmpty(r.value(c.source))
                work.volume = nonEmpty(r.value(c.volume))
                work.issue = nonEmpty(r.value(c.issue))
                let start = r.value(c.start), end = r.value(c.end)
                work.pages = start.isEmpty ? nil : (end.isEmpty ? start : start + "-" + end)
                work.publisher = nonEmpty(r.value(c.publisher))
                let doiText = r.value(c.doi)
                if !doiText.isEmpty {
                    guard let doi = DOI(doiText) else { throw InputError(file: path, line: r.firstLine, field: "DOI", message: "expected a DOI, got '\(doiText)'") }
                    work.doi = doi
                }
                work.pmid = Identifiers.pmid(r.value(c.pmid))
                work.type = r.value(c.type).lowercased() == "journal article" ? .article : ScopusCSV.workType(r.value(c.type))
                let refs = r.value(c.refs).components(separatedBy: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    .map { ImportedReference(reference: CitedReference(raw: $0, source: span), nativeID: "lens:" + $0) }
                var record = ImportedRecord(work: work, references: refs, nativeIDs: ["lens:" + lensID], format: .lens)
                record.fields.issns = SubjectFields.issnList([r.value(c.issns)])
                record.fields.mesh = SubjectFields.list(r.value(c.mesh))
                return record
            }
        }
        collector.result.repairs += csv.repairs
        return collector.result
    }
}
