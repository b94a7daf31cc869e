import Foundation
import NetworkCore

/// Reader of Web of Science plain-text exports ("Other file formats" → Plain text).
///
/// Format: optional header lines `FN …` and `VR …`; each record starts with `PT`, has one
/// field per two-character tag at the start of a line (`AU`, `TI`, `SO`, `PY`, `DI`, `CR`,
/// `UT`, …), continuation lines indented by three spaces, and ends with `ER`; the file
/// ends with `EF`. Multi-valued fields (`AU`, `AF`, `CR`) have one value per line; other
/// fields join their lines with a space. Each `CR` line is a cited reference
/// (``WoSCitedReference``). Streams line by line (memory: one record).
///
/// Errors (``InputError`` with file, line, field): a line that is neither a tag nor a
/// continuation; a tag before `PT`; a record not closed by `ER` at the end of the file
/// (truncated export); a record with neither `UT`, `DI` nor `TI`; a `PY` that is not a year.
public enum WoSPlainText {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var lines = try LineReader(path: path)
        var collector = RecordCollector(file: path, format: .wos, lenient: lenient)
        var fields: [(tag: String, line: Int, values: [String])] = []
        var recordStart: Int?
        var badLine: InputError?
        var sawAnything = false
        func finish(_ end: Int) throws {
            let f = fields, start = recordStart ?? end, bad = badLine
            fields = []; recordStart = nil; badLine = nil
            try collector.add {
                if let bad { throw bad }
                return try WoSFields.record(f.map { ($0.tag, $0.line, $0.values) }, path: path, span: SourceSpan(file: path, firstLine: start, lastLine: end), format: .wos)
            }
        }
        while let line = try lines.next() {
            let n = lines.lineNumber
            let u = line.utf8
            if u.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if u.first == 0x09 || u.starts(with: [0x20, 0x20, 0x20]) {
                guard recordStart != nil, !fields.isEmpty else {
                    if recordStart == nil && !sawAnything {
                        throw InputError(file: path, line: n, message: "continuation line outside a record: not a Web of Science plain-text export")
                    }
                    continue
                }
                fields[fields.count - 1].values.append(Self.trimmed(line))
                continue
            }
            // The first three bytes, without an array per line.
            var it = u.makeIterator()
            let b0 = it.next(), b1 = it.next(), b2 = it.next()
            func isTagByte(_ b: UInt8?) -> Bool { b.map { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) } ?? false }
            let tagOK = isTagByte(b0) && isTagByte(b1) && (b2 == nil || b2 == 0x20)
            let tag = tagOK ? String(decoding: [b0 ?? 0, b1 ?? 0], as: UTF8.self) : ""
            guard tagOK else {
                let e = InputError(file: path, line: n, message: "expected a two-character field tag (e.g. 'AU ') or a continuation line indented by three spaces, got '\(line.prefix(30))'")
                if recordStart != nil { if badLine == nil { badLine = e }; continue }
                throw e
            }
            let value = u.count > 3 ? Self.trimmed(String(decoding: u.dropFirst(3), as: UTF8.self)) : ""
            switch tag {
            case "FN", "VR":
                sawAnything = true
                continue
            case "EF":
                if recordStart != nil {
                    throw InputError(file: path, line: n, field: "ER", message: "record starting on line \(recordStart ?? n) is not closed by ER before EF")
                }
                collector.result.repairs += lines.repairs
        return collector.result
            case "PT":
                if let s = recordStart {
                    let e = InputError(file: path, line: s, field: "ER", message: "record starting here is not closed by ER before the next PT (line \(n))")
                    guard lenient else { throw e }
                    collector.result.skipped.append(e)
                    fields = []
                }
                sawAnything = true
                recordStart = n
                fields = [(tag, n, [value])]
            case "ER":
                guard recordStart != nil else {
                    throw InputError(file: path, line: n, field: "ER", message: "ER without a record (no PT before it)")
                }
                try finish(n)
            default:
                guard recordStart != nil else {
                    throw InputError(file: path, line: n, field: tag, message: "field \(tag) outside a record: expected PT to start a record")
                }
                fields.append((tag, n, [value]))
            }
        }
        if let s = recordStart {
            let e = InputError(file: path, line: s, field: "ER", message: "record starting here is not closed by ER: the file ends at line \(lines.lineNumber) (truncated export?)")
            guard lenient else { throw e }
            collector.result.skipped.append(e)
        }
        if !sawAnything { throw InputError(file: path, line: 1, message: "no Web of Science records (expected FN/PT … ER lines)") }
        collector.result.repairs += lines.repairs
        return collector.result
    }
}

extension WoSPlainText {
    /// `s` without leading and trailing spaces and tabs (byte scan; no Foundation bridging).
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let a = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        guard let b = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        if a == u.startIndex, u.index(after: b) == u.endIndex { return s }
        return String(s[a...b])
    }
}

/// Turns the tagged fields of a WoS record (plain text or tab-delimited) into a record.
enum WoSFields {
    static let singleLineJoined: Set<String> = ["TI", "SO", "AB", "DE", "ID", "C1", "RP"]

    /// `trimmingCharacters(in: .whitespaces)`: spaces and tabs trimmed on bytes; Foundation
    /// only when a non-ASCII character (another Unicode space?) is left at either end.
    static func trimmedWhitespace(_ s: String) -> String {
        let t = WoSPlainText.trimmed(s)
        guard let a = t.utf8.first, let b = t.utf8.last else { return t }
        return a < 0x80 && b < 0x80 ? t : t.trimmingCharacters(in: .whitespaces)
    }

    static func record(_ fields: [(String, Int, [String])], path: String, span: SourceSpan, format: ImportFormat) throws -> ImportedRecord {
        var map: [String: (line: Int, values: [String])] = [:]
        for (tag, line, values) in fields where map[tag] == nil { map[tag] = (line, values) }
        func text(_ tag: String) -> String? {
            guard let v = map[tag]?.values else { return nil }
            let joined = WoSFields.trimmedWhitespace(v.count == 1 ? v[0] : v.joined(separator: " "))
            return joined.isEmpty ? nil : joined
        }
        var work = Work(id: "", sources: [span])
        let afNames = (map["AF"]?.values ?? []).compactMap { AuthorName.parseFamilyFirst($0) }
        let auNames = (map["AU"]?.values ?? []).compactMap { AuthorName.parseFamilyFirst($0) }
        work.authors = afNames.isEmpty ? auNames : afNames
        if !auNames.isEmpty, auNames.count == work.authors.count {
            for i in work.authors.indices where work.authors[i].initials.isEmpty { work.authors[i].initials = auNames[i].initials }
        }
        work.title = text("TI")
        work.venue = text("SO")
        work.volume = text("VL")
        work.issue = text("IS")
        if let bp = text("BP") { work.pages = text("EP").map { bp + "-" + $0 } ?? bp } else { work.pages = text("AR") }
        work.publisher = text("PU")
        if let py = text("PY") {
            guard let y = Int(py), (1000...2100).contains(y) else {
                throw InputError(file: path, line: map["PY"]?.line, field: "PY", message: "expected a four-digit publication year, got '\(py)'")
            }
            work.year = y
        } else if let ea = text("EA"), let y = Int(ea.suffix(4)) { work.year = y }
        if let di = text("DI") {
            guard let doi = DOI(di) else {
                throw InputError(file: path, line: map["DI"]?.line, field: "DI", message: "expected a DOI such as 10.1016/j.joi.2017.08.007, got '\(di)'")
            }
            work.doi = doi
        }
        work.pmid = text("PM").flatMap(Identifiers.pmid)
        switch text("PT") {
        case "J": work.type = .article
        case "B": work.type = .book
        case "S", "P": work.type = .chapter
        default: work.type = .unknown
        }
        if let dt = text("DT")?.lowercased() {
            if dt.contains("book chapter") { work.type = .chapter } else if dt.hasPrefix("book") { work.type = .book }
        }
        let ut = text("UT")
        guard ut != nil || work.doi != nil || work.title != nil else {
            throw InputError(file: path, line: span.firstLine, field: "UT", message: "record has neither UT (accession number), DI nor TI: cannot identify the work")
        }
        var refs: [ImportedReference] = []
        if let cr = map["CR"] {
            refs.reserveCapacity(cr.values.count)
            for (k, value) in cr.values.enumerated() where !value.isEmpty {
                let line = format == .wos ? cr.line + k : span.firstLine
                refs.append(ImportedReference(reference: WoSCitedReference.parse(value, source: SourceSpan(file: path, firstLine: line, lastLine: line))))
            }
        }
        var record = ImportedRecord(work: work, references: refs, nativeIDs: ut.map { ["wos:" + $0.uppercased()] } ?? [],
                                    format: format, declaredReferences: text("NR").flatMap { Int($0) })
        record.fields = .wos(text)
        return record
    }
}
