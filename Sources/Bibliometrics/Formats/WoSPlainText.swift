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
    /// One field of the record being read: its tag (two bytes), the line it starts on, and
    /// its values (one per line, trimmed) as ranges `values[firstValue..<firstValue + count]`.
    struct Field {
        var tag: UInt16
        var line: Int
        var firstValue: Int
        var count: Int
    }

    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        try LineRanges.withLines(path: path) { lines in try read(&lines, lenient: lenient) }
    }

    /// Reads the lines of `lines` as a WoS plain-text export. A record's lines stay ranges of
    /// the file's bytes until ``WoSFields/record(_:path:span:format:)`` builds what it keeps.
    private static func read(_ lines: inout LineRanges, lenient: Bool) throws -> FileReadResult {
        let path = lines.path
        let bytes = lines.bytes
        var collector = RecordCollector(file: path, format: .wos, lenient: lenient)
        // The fields of the record being read and their values (reused from record to record).
        var fields: [Field] = []
        var values: [Range<Int>] = []
        var recordStart: Int?
        var badLine: InputError?
        var sawAnything = false
        // Spaces and tabs trimmed, as for a `CR` part (``WoSCitedReference/trimSpaces(_:)``).
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            let t = WoSCitedReference.trimSpaces(bytes[r])
            return t.startIndex..<t.endIndex
        }
        func startRecord(_ tag: UInt16, line n: Int, value: Range<Int>) {
            fields.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            fields.append(Field(tag: tag, line: n, firstValue: 0, count: 1))
            values.append(value)
        }
        func finish(_ end: Int) throws {
            let start = recordStart ?? end, bad = badLine
            recordStart = nil; badLine = nil
            try collector.add {
                if let bad { throw bad }
                let record = WoSByteFields(bytes: bytes, fields: fields, values: values)
                return try WoSFields.record(record, path: path, span: SourceSpan(file: path, firstLine: start, lastLine: end), format: .wos)
            }
            fields.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }
        while let line = try lines.next() {
            let n = lines.lineNumber
            if trimmed(line).isEmpty { continue }
            let count = line.count, first = line.lowerBound
            let b0 = bytes[first]
            if b0 == 0x09 || (count >= 3 && b0 == 0x20 && bytes[first + 1] == 0x20 && bytes[first + 2] == 0x20) {
                guard recordStart != nil, !fields.isEmpty else {
                    if recordStart == nil && !sawAnything {
                        throw InputError(file: path, line: n, message: "continuation line outside a record: not a Web of Science plain-text export")
                    }
                    continue
                }
                values.append(trimmed(line))
                fields[fields.count - 1].count += 1
                continue
            }
            func isTagByte(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
            let tagOK = count >= 2 && isTagByte(b0) && isTagByte(bytes[first + 1]) && (count == 2 || bytes[first + 2] == 0x20)
            guard tagOK else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
                let e = InputError(file: path, line: n, message: "expected a two-character field tag (e.g. 'AU ') or a continuation line indented by three spaces, got '\(text.prefix(30))'")
                if recordStart != nil { if badLine == nil { badLine = e }; continue }
                throw e
            }
            let tag = UInt16(b0) << 8 | UInt16(bytes[first + 1])
            let value = count > 3 ? trimmed((first + 3)..<line.upperBound) : first..<first
            switch tag {
            case Tag.FN, Tag.VR:
                sawAnything = true
                continue
            case Tag.EF:
                if recordStart != nil {
                    throw InputError(file: path, line: n, field: "ER", message: "record starting on line \(recordStart ?? n) is not closed by ER before EF")
                }
                collector.result.repairs += lines.repairs
                return collector.result
            case Tag.PT:
                if let s = recordStart {
                    let e = InputError(file: path, line: s, field: "ER", message: "record starting here is not closed by ER before the next PT (line \(n))")
                    guard lenient else { throw e }
                    collector.result.skipped.append(e)
                }
                sawAnything = true
                recordStart = n
                startRecord(tag, line: n, value: value)
            case Tag.ER:
                guard recordStart != nil else {
                    throw InputError(file: path, line: n, field: "ER", message: "ER without a record (no PT before it)")
                }
                try finish(n)
            default:
                guard recordStart != nil else {
                    let name = Tag.name(tag)
                    throw InputError(file: path, line: n, field: name, message: "field \(name) outside a record: expected PT to start a record")
                }
                fields.append(Field(tag: tag, line: n, firstValue: values.count, count: 1))
                values.append(value)
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

    /// Two-byte tag codes (first byte high).
    enum Tag {
        static func code(_ tag: String) -> UInt16 {
            var it = tag.utf8.makeIterator()
            let a = it.next() ?? 0, b = it.next() ?? 0
            return UInt16(a) << 8 | UInt16(b)
        }

        static func name(_ code: UInt16) -> String { String(decoding: [UInt8(code >> 8), UInt8(code & 0xFF)], as: UTF8.self) }

        static let FN = UInt16(0x464E), VR = UInt16(0x5652), EF = UInt16(0x4546), PT = UInt16(0x5054), ER = UInt16(0x4552)
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

    static func record<F: WoSRecordFields>(_ fields: F, path: String, span: SourceSpan, format: ImportFormat) throws -> ImportedRecord {
        func text(_ tag: String) -> String? { fields.text(tag) }
        var work = Work(id: "", sources: [span])
        let afNames = fields.names("AF")
        let auNames = fields.names("AU")
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
                throw InputError(file: path, line: fields.line("PY"), field: "PY", message: "expected a four-digit publication year, got '\(py)'")
            }
            work.year = y
        } else if let ea = text("EA"), let y = Int(ea.suffix(4)) { work.year = y }
        if let di = text("DI") {
            guard let doi = DOI(di) else {
                throw InputError(file: path, line: fields.line("DI"), field: "DI", message: "expected a DOI such as 10.1016/j.joi.2017.08.007, got '\(di)'")
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
        let refs = fields.references(path: path, span: span, format: format)
        var record = ImportedRecord(work: work, references: refs, nativeIDs: ut.map { ["wos:" + $0.uppercased()] } ?? [],
                                    format: format, declaredReferences: text("NR").flatMap { Int($0) })
        record.fields = .wos(text)
        return record
    }
}

/// The tagged fields of one WoS record as a reader holds them, for ``WoSFields``. Where a
/// tag occurs more than once, the first field with it is the one read.
protocol WoSRecordFields {
    /// The values of field `tag` joined by a space and trimmed (``WoSFields/trimmedWhitespace(_:)``);
    /// `nil` when the record has no such field or it is empty.
    func text(_ tag: String) -> String?
    /// The line field `tag` starts on.
    func line(_ tag: String) -> Int?
    /// The values of field `tag` read as family-first names (``AuthorName/parseFamilyFirst(_:)``), unreadable ones left out.
    func names(_ tag: String) -> [AuthorName]
    /// The non-empty values of `CR` as cited references (``WoSCitedReference``); the value at
    /// index k has line `line("CR") + k` in plain text (`.wos`), the record's line otherwise.
    func references(path: String, span: SourceSpan, format: ImportFormat) -> [ImportedReference]
}

/// Fields as Strings (tab-delimited rows): tag, line, values.
struct WoSStringFields: WoSRecordFields {
    private var map: [String: (line: Int, values: [String])] = [:]

    init(_ fields: [(String, Int, [String])]) {
        for (tag, line, values) in fields where map[tag] == nil { map[tag] = (line, values) }
    }

    func text(_ tag: String) -> String? {
        guard let v = map[tag]?.values else { return nil }
        let joined = WoSFields.trimmedWhitespace(v.count == 1 ? v[0] : v.joined(separator: " "))
        return joined.isEmpty ? nil : joined
    }

    func line(_ tag: String) -> Int? { map[tag]?.line }

    func names(_ tag: String) -> [AuthorName] { (map[tag]?.values ?? []).compactMap { AuthorName.parseFamilyFirst($0) } }

    func references(path: String, span: SourceSpan, format: ImportFormat) -> [ImportedReference] {
        guard let cr = map["CR"] else { return [] }
        var refs: [ImportedReference] = []
        refs.reserveCapacity(cr.values.count)
        for (k, value) in cr.values.enumerated() where !value.isEmpty {
            let line = format == .wos ? cr.line + k : span.firstLine
            refs.append(ImportedReference(reference: WoSCitedReference.parse(value, source: SourceSpan(file: path, firstLine: line, lastLine: line))))
        }
        return refs
    }
}

/// Fields as ranges of the file's bytes (plain text, ``WoSPlainText``): the Strings are
/// built only for the fields read, each as ``WoSStringFields`` builds it from the same lines.
struct WoSByteFields: WoSRecordFields {
    let bytes: UnsafeBufferPointer<UInt8>
    let fields: [WoSPlainText.Field]
    let values: [Range<Int>]

    private func field(_ tag: String) -> WoSPlainText.Field? {
        let code = WoSPlainText.Tag.code(tag)
        for f in fields where f.tag == code { return f }
        return nil
    }

    private func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }

    func text(_ tag: String) -> String? {
        guard let f = field(tag) else { return nil }
        let s: String
        if f.count == 1 {
            s = string(values[f.firstValue])
        } else {
            // The values joined by single spaces, copied once.
            let parts = values[f.firstValue..<(f.firstValue + f.count)]
            let length = parts.reduce(f.count - 1) { $0 + $1.count }
            s = String(unsafeUninitializedCapacity: length) { out in
                var o = 0, k = 0
                for r in parts {
                    if k > 0 { out[o] = 0x20; o += 1 }
                    for i in r { out[o] = bytes[i]; o += 1 }
                    k += 1
                }
                return o
            }
        }
        let joined = WoSFields.trimmedWhitespace(s)
        return joined.isEmpty ? nil : joined
    }

    func line(_ tag: String) -> Int? { field(tag)?.line }

    func names(_ tag: String) -> [AuthorName] {
        guard let f = field(tag) else { return [] }
        var out: [AuthorName] = []
        out.reserveCapacity(f.count)
        for r in values[f.firstValue..<(f.firstValue + f.count)] {
            if let name = AuthorName.parseFamilyFirst(utf8: UnsafeBufferPointer(rebasing: bytes[r])) { out.append(name) }
        }
        return out
    }

    func references(path: String, span: SourceSpan, format: ImportFormat) -> [ImportedReference] {
        guard let cr = field("CR") else { return [] }
        var refs: [ImportedReference] = []
        refs.reserveCapacity(cr.count)
        for k in 0..<cr.count {
            let r = values[cr.firstValue + k]
            guard !r.isEmpty else { continue }
            let line = format == .wos ? cr.line + k : span.firstLine
            refs.append(ImportedReference(reference: WoSCitedReference.parse(utf8: UnsafeBufferPointer(rebasing: bytes[r]),
                                                                              source: SourceSpan(file: path, firstLine: line, lastLine: line))))
        }
        return refs
    }
}
