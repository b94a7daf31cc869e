import Foundation
import NetworkCore

/// Reader of OpenAlex CSV exports (flattened work objects).
///
/// Columns used: `id` (required, `https://openalex.org/W…`), `display_name` or `title`,
/// `publication_year`, `doi`, `ids.pmid`, `type`, `authorships.author.display_name`
/// (names separated by `|`), `primary_location.source.display_name` or
/// `host_venue.display_name`, and `referenced_works` when present (ids separated by `|`
/// or `; `). The sample export has no reference column: its works have no references.
public enum OpenAlexCSV {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var csv = try CSVRecordStream(path: path)
        try csv.require(["id"], format: "OpenAlex CSV")
        var collector = RecordCollector(file: path, format: .openAlexCSV, lenient: lenient)
        let c = (id: csv.column("id"), title: csv.column("display_name") ?? csv.column("title"), year: csv.column("publication_year"),
                 doi: csv.column("doi"), pmid: csv.column("ids.pmid"), type: csv.column("type"),
                 authors: csv.column("authorships.author.display_name"),
                 venue: csv.column("primary_location.source.display_name") ?? csv.column("host_venue.display_name"),
                 refs: csv.column("referenced_works"))
        while let r = try csv.next() {
            try collector.add {
                let span = SourceSpan(file: path, firstLine: r.firstLine, lastLine: r.lastLine)
                guard let oa = Identifiers.openAlexWork(r.value(c.id)) else {
                    throw InputError(file: path, line: r.firstLine, field: "id", message: "expected an OpenAlex work id such as https://openalex.org/W2755950973, got '\(r.value(c.id))'")
                }
                var work = Work(id: "", openAlexID: oa, sources: [span])
                work.title = nonEmpty(r.value(c.title))
                let yearText = r.value(c.year)
                if !yearText.isEmpty {
                    guard let y = Int(yearText) else { throw InputError(file: path, line: r.firstLine, field: "publication_year", message: "expected a year, got '\(yearText)'") }
                    work.year = y
                }
                work.doi = DOI(r.value(c.doi))
                work.pmid = Identifiers.pmid(r.value(c.pmid))
                work.type = OpenAlexJSON.workType(r.value(c.type))
                work.authors = r.value(c.authors).components(separatedBy: "|").compactMap { AuthorName.parseGivenFamily($0) }
                work.venue = nonEmpty(r.value(c.venue))
                let refs = r.value(c.refs).components(separatedBy: CharacterSet(charactersIn: "|;")).compactMap { Identifiers.openAlexWork($0) }
                    .map { ImportedReference(reference: CitedReference(raw: "https://openalex.org/" + $0, source: span, openAlexID: $0)) }
                return ImportedRecord(work: work, references: refs, format: .openAlexCSV)
            }
        }
        collector.result.repairs += csv.repairs
        return collector.result
    }
}
