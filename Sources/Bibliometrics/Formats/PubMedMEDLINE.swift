import Foundation
import NetworkCore

/// Reader of PubMed MEDLINE/`.nbib` exports.
///
/// Format: records separated by blank lines, each starting with `PMID- `; a field is a tag
/// of up to four characters padded to four, then `- ` and the value; continuation lines
/// are indented by six spaces. Fields used: `PMID` (required), `TI`, `FAU`/`AU`, `DP`
/// (year = first four digits), `JT`/`TA`, `VI`, `IP`, `PG`, `LID`/`AID` with `[doi]`, `PT`.
/// MEDLINE records list no references. Streams line by line.
///
/// Errors: a field before any `PMID`; a `PMID` that is not a number; a `DP` without a year.
public enum PubMedMEDLINE {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var lines = try LineReader(path: path)
        var collector = RecordCollector(file: path, format: .medline, lenient: lenient)
        var fields: [(tag: String, line: Int, value: String)] = []
        var start: Int?, last = 0
        func flush() throws {
            guard let s = start else { return }
            let f = fields, end = last
            start = nil
            fields = []
            try collector.add { try record(f, path: path, span: SourceSpan(file: path, firstLine: s, lastLine: end)) }
        }
        while let raw = try lines.next() {
            let n = lines.lineNumber
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if raw.hasPrefix("      ") {
                if start != nil, !fields.isEmpty { fields[fields.count - 1].value += " " + raw.trimmingCharacters(in: .whitespaces); last = n }
                continue
            }
            guard raw.count >= 6, Array(raw.utf8)[4] == 0x2D else {
                let e = InputError(file: path, line: n, message: "expected a MEDLINE field ('TAG - value', tag padded to four characters), got '\(raw.prefix(30))'")
                guard lenient else { throw e }
                collector.result.skipped.append(e)
                continue
            }
            let tag = String(raw.prefix(4)).trimmingCharacters(in: .whitespaces)
            let value = String(raw.dropFirst(5)).trimmingCharacters(in: .whitespaces)
            if tag == "PMID" {
                try flush()
                start = n
            } else if start == nil {
                throw InputError(file: path, line: n, field: tag, message: "field \(tag) before any PMID: a MEDLINE record starts with 'PMID- '")
            }
            fields.append((tag, n, value))
            last = n
        }
        try flush()
        if collector.result.records.isEmpty && collector.result.skipped.isEmpty {
            throw InputError(file: path, line: 1, message: "no MEDLINE records (expected 'PMID- ' lines)")
        }
        collector.result.repairs += lines.repairs
        return collector.result
    }

    static func record(_ fields: [(tag: String, line: Int, value: String)], path: String, span: SourceSpan) throws -> ImportedRecord {
        func first(_ tags: String...) -> (value: String, line: Int)? {
            for t in tags { if let f = fields.first(where: { $0.tag == t && !$0.value.isEmpty }) { return (f.value, f.line) } }
            return nil
        }
        guard let p = first("PMID"), let pmid = Identifiers.pmid(p.value) else {
            throw InputError(file: path, line: span.firstLine, field: "PMID", message: "expected a numeric PubMed id, got '\(first("PMID")?.value ?? "")'")
        }
        var work = Work(id: "", pmid: pmid, sources: [span])
        let fau = fields.filter { $0.tag == "FAU" }.compactMap { AuthorName.parseFamilyFirst($0.value) }
        work.authors = fau.isEmpty ? fields.filter { $0.tag == "AU" }.compactMap { AuthorName.parseShort($0.value) } : fau
        work.title = first("TI")?.value
        if let dp = first("DP") {
            guard let r = dp.value.range(of: #"\d{4}"#, options: .regularExpression), let y = Int(dp.value[r]) else {
                throw InputError(file: path, line: dp.line, field: "DP", message: "expected a publication date such as '2016 Jan 15', got '\(dp.value)'")
            }
            work.year = y
        }
        work.venue = first("JT", "TA")?.value
        work.volume = first("VI")?.value
        work.issue = first("IP")?.value
        work.pages = first("PG")?.value
        for f in fields where (f.tag == "LID" || f.tag == "AID") && f.value.hasSuffix("[doi]") {
            work.doi = DOI(String(f.value.dropLast(5)))
            if work.doi != nil { break }
        }
        let types = fields.filter { $0.tag == "PT" }.map { $0.value.lowercased() }
        work.type = types.contains { $0.contains("journal article") || $0.contains("review") } ? .article : (types.contains("book") ? .book : .unknown)
        var record = ImportedRecord(work: work, format: .medline)
        record.fields.issns = SubjectFields.issnList(fields.filter { $0.tag == "IS" }.map { $0.value.components(separatedBy: " (").first })
        record.fields.venueNames = fields.filter { $0.tag == "TA" && !$0.value.isEmpty }.map(\.value)
        record.fields.mesh = fields.filter { $0.tag == "MH" && !$0.value.isEmpty }.map(\.value)
        return record
    }
}
