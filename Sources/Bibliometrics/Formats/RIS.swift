import Foundation
import NetworkCore

/// Reader of RIS files (Research Information Systems tagged format).
///
/// Format: lines `XX  - value` (two-character tag, two spaces, hyphen, space); a record
/// starts with `TY` and ends with `ER`; lines that are not tags continue the previous
/// field (some exporters wrap long abstracts); anything between records (numbering such
/// as `1.`) is ignored. Fields used: `TY`, `TI`/`T1`, `AU`/`A1` (one per line,
/// `Family, Given`), `PY`/`Y1`/`DA` (year = first four digits), `JO`/`JF`/`T2`/`JA`, `VL`,
/// `IS`, `SP`/`EP`, `PB`, `DO`, `UR`. RIS carries no references.
/// Streams line by line.
///
/// Errors: a tag before `TY`; a record not closed by `ER` at the end of the file; a
/// record with neither title nor DOI; a year field without a year.
public enum RIS {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var lines = try LineReader(path: path)
        var collector = RecordCollector(file: path, format: .ris, lenient: lenient)
        var fields: [(tag: String, line: Int, value: String)] = []
        var start: Int?
        var sawRecord = false
        while let raw = try lines.next() {
            let n = lines.lineNumber
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let (tag, value) = tagged(raw) else {
                if start != nil, !fields.isEmpty { fields[fields.count - 1].value += " " + line }
                continue
            }
            switch tag {
            case "TY":
                if let s = start {
                    let e = InputError(file: path, line: s, field: "ER", message: "record starting here is not closed by ER before the next TY (line \(n))")
                    guard lenient else { throw e }
                    collector.result.skipped.append(e)
                }
                start = n
                sawRecord = true
                fields = [(tag, n, value)]
            case "ER":
                guard let s = start else { throw InputError(file: path, line: n, field: "ER", message: "ER without a record (no TY before it)") }
                let f = fields
                start = nil
                fields = []
                try collector.add { try record(f, path: path, span: SourceSpan(file: path, firstLine: s, lastLine: n)) }
            default:
                guard start != nil else { throw InputError(file: path, line: n, field: tag, message: "field \(tag) outside a record: expected TY to start a record") }
                fields.append((tag, n, value))
            }
        }
        if let s = start {
            let e = InputError(file: path, line: s, field: "ER", message: "record starting here is not closed by ER: the file ends at line \(lines.lineNumber) (truncated file?)")
            guard lenient else { throw e }
            collector.result.skipped.append(e)
        }
        if !sawRecord { throw InputError(file: path, line: 1, message: "no RIS records (expected 'TY  - ' lines)") }
        collector.result.repairs += lines.repairs
        return collector.result
    }

    /// `("TY", "JOUR")` for `TY  - JOUR` (also `TY  -` with no value).
    static func tagged(_ line: String) -> (String, String)? {
        let u = Array(line.utf8)
        guard u.count >= 5, isTagChar(u[0]), isTagChar(u[1]), u[2] == 0x20, u[3] == 0x20, u[4] == 0x2D else { return nil }
        let value = u.count > 6 ? String(decoding: u[6...], as: UTF8.self).trimmingCharacters(in: .whitespaces) : ""
        return (String(decoding: u[0..<2], as: UTF8.self), value)
    }

    static func isTagChar(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }

    static func record(_ fields: [(tag: String, line: Int, value: String)], path: String, span: SourceSpan) throws -> ImportedRecord {
        func first(_ tags: String...) -> (value: String, line: Int)? {
            for t in tags { if let f = fields.first(where: { $0.tag == t && !$0.value.isEmpty }) { return (f.value, f.line) } }
            return nil
        }
        var work = Work(id: "", sources: [span])
        work.authors = fields.filter { ["AU", "A1"].contains($0.tag) }.compactMap { AuthorName.parseFamilyFirst($0.value) }
        if work.authors.isEmpty { work.authors = fields.filter { $0.tag == "A2" }.compactMap { AuthorName.parseFamilyFirst($0.value) } }
        work.title = first("TI", "T1")?.value
        if let y = first("PY", "Y1", "DA") {
            guard let r = y.value.range(of: #"\d{4}"#, options: .regularExpression), let v = Int(y.value[r]) else {
                throw InputError(file: path, line: y.line, field: "PY", message: "expected a year such as 2014 or 2014/05/01, got '\(y.value)'")
            }
            work.year = v
        }
        work.venue = first("JO", "JF", "T2", "JA", "J2")?.value
        work.volume = first("VL")?.value
        work.issue = first("IS")?.value
        if let sp = first("SP")?.value { work.pages = first("EP").map { sp + "-" + $0.value } ?? sp }
        work.publisher = first("PB")?.value
        if let d = first("DO") {
            guard let doi = DOI(d.value) else { throw InputError(file: path, line: d.line, field: "DO", message: "expected a DOI, got '\(d.value)'") }
            work.doi = doi
        }
        work.url = first("UR")?.value
        switch first("TY")?.value ?? "" {
        case "JOUR", "JFULL", "MGZN", "NEWS": work.type = .article
        case "BOOK", "EBOOK", "EDBOOK": work.type = .book
        case "CHAP", "ECHAP", "CONF", "CPAPER": work.type = .chapter
        case "THES": work.type = .thesis
        case "RPRT": work.type = .report
        case "ELEC", "WEB": work.type = .webPage
        default: work.type = .unknown
        }
        guard work.title != nil || work.doi != nil else {
            throw InputError(file: path, line: span.firstLine, field: "TI", message: "record has neither TI/T1 (title) nor DO (DOI): cannot identify the work")
        }
        // `ID` is a reference-manager key local to one file and `AN` a database-specific
        // accession number of unknown database: neither is used for matching.
        var record = ImportedRecord(work: work, format: .ris)
        record.fields.issns = SubjectFields.issnList(fields.filter { $0.tag == "SN" }.map(\.value))
        record.fields.venueNames = fields.filter { ["J2", "JA"].contains($0.tag) && !$0.value.isEmpty }.map(\.value)
        return record
    }
}
