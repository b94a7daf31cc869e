import Foundation
import NetworkCore

/// Shared reading of JSON exports (OpenAlex, Crossref, CSL-JSON): whole documents parsed
/// with `JSONSerialization`, JSON Lines one line at a time, and the line on which each
/// element of a top-level array starts (for provenance), found by a byte scan that tracks
/// strings and nesting depth. O(file size).
enum JSONRecords {
    typealias Object = [String: Any]

    /// One JSON object with the lines it spans.
    struct Element {
        var object: Object
        var firstLine: Int
        var lastLine: Int
    }

    /// Parses `data` read from `path`; a syntax error names the file (and line when Foundation gives one).
    static func parse(_ data: Data, path: String, line: Int? = nil) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let nsError = error as NSError
            let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
            let truncated = detail.lowercased().contains("end of") || detail.lowercased().contains("unexpected end") || detail.lowercased().contains("garbage")
            throw InputError(file: path, line: line ?? lineOfDetail(detail),
                             message: "not valid JSON\(truncated ? " (truncated file?)" : ""): \(detail)")
        }
    }

    private static func lineOfDetail(_ detail: String) -> Int? {
        guard let r = detail.range(of: #"line \d+"#, options: .regularExpression) else { return nil }
        return Int(detail[r].filter(\.isNumber))
    }

    /// Start and end lines of each element of the top-level array in `data` (empty when
    /// the document is not an array).
    static func arrayElementLines(_ data: Data) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var line = 1, depth = 0, inString = false, escape = false, start = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for b in raw {
                if b == 0x0A { line += 1; continue }
                if inString {
                    if escape { escape = false } else if b == 0x5C { escape = true } else if b == 0x22 { inString = false }
                    continue
                }
                switch b {
                case 0x22: inString = true
                case 0x5B, 0x7B:
                    if depth == 1 { start = line }
                    depth += 1
                case 0x5D, 0x7D:
                    depth -= 1
                    if depth == 1 { out.append((start, line)) }
                default: break
                }
            }
        }
        return out
    }

    /// Calls `body` with each object of the file (see ``elements(path:arrayKeys:)``); JSON
    /// Lines are streamed: one line is parsed and handed over at a time.
    static func forEach(path: String, arrayKeys: [String], _ body: (Element) throws -> Void) throws {
        var head = try TextFile.prefix(path, limit: 1 << 20)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        if head.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == 0x7B, isJSONLines(head) {
            try forEachLine(path: path, body)
            return
        }
        if head.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == 0x5B {
            let data = try TextFile.data(path)
            if let spans = arraySpans(data) {
                // A well-formed top-level array: parse and hand over one element at a time, so
                // only one element's objects are alive (a whole-document parse holds them all).
                for (k, span) in spans.enumerated() {
                    let value = try parse(data.subdata(in: span.bytes), path: path, line: span.firstLine)
                    guard let o = value as? Object else {
                        throw InputError(file: path, line: span.firstLine, message: "array element \(k + 1) is not a JSON object")
                    }
                    try body(Element(object: o, firstLine: span.firstLine, lastLine: span.lastLine))
                }
                return
            }
        }
        // Anything else — and a broken array, for the whole-document parser's error message.
        for e in try elements(path: path, arrayKeys: arrayKeys) { try body(e) }
    }

    /// One element of a top-level array: its bytes and the lines it spans.
    struct ArraySpan {
        var bytes: Range<Int>
        var firstLine: Int
        var lastLine: Int
    }

    /// The elements of `data` when it is one well-formed top-level JSON array whose
    /// elements are all objects or arrays: optional UTF-8 BOM and blanks, `[`, elements
    /// separated by single commas, `]`, blanks. `nil` for anything else (a scalar element,
    /// a missing or doubled comma, an unclosed bracket, bytes after the array), which the
    /// caller then hands to the whole-document parser for its error. The elements' own
    /// syntax is checked when each is parsed. One pass over the bytes, tracking strings
    /// (with escapes) and nesting depth; O(file size) time, O(elements) memory.
    static func arraySpans(_ data: Data) -> [ArraySpan]? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [ArraySpan]? in
            var i = 0
            if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { i = 3 }
            var line = 1
            func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
            while i < raw.count, blank(raw[i]) { if raw[i] == 0x0A { line += 1 }; i += 1 }
            guard i < raw.count, raw[i] == 0x5B else { return nil }
            i += 1
            var spans: [ArraySpan] = []
            var depth = 0, inString = false, escape = false
            var start = 0, startLine = 0
            var expectElement = true, closed = false
            while i < raw.count {
                let b = raw[i]
                if b == 0x0A { line += 1 }
                if depth > 0 {
                    if inString {
                        if escape { escape = false } else if b == 0x5C { escape = true } else if b == 0x22 { inString = false }
                    } else if b == 0x22 {
                        inString = true
                    } else if b == 0x5B || b == 0x7B {
                        depth += 1
                    } else if b == 0x5D || b == 0x7D {
                        depth -= 1
                        if depth == 0 { spans.append(ArraySpan(bytes: start..<(i + 1), firstLine: startLine, lastLine: line)) }
                    }
                } else if closed {
                    guard blank(b) else { return nil }
                } else if blank(b) {
                    // between elements
                } else if expectElement, b == 0x5B || b == 0x7B {
                    depth = 1; start = i; startLine = line; expectElement = false
                } else if !expectElement, b == 0x2C {
                    expectElement = true
                } else if b == 0x5D, !expectElement || spans.isEmpty {
                    closed = true
                } else {
                    return nil
                }
                i += 1
            }
            return closed ? spans : nil
        }
    }

    /// The objects of a file holding a JSON array, a single object, an object wrapping an
    /// array under `arrayKey` (`results`, `items`), or JSON Lines (one object per line).
    static func elements(path: String, arrayKeys: [String]) throws -> [Element] {
        var head = try TextFile.prefix(path, limit: 1 << 20)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        guard let firstByte = head.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw InputError(file: path, line: 1, message: "empty file: expected JSON")
        }
        if firstByte == 0x7B, isJSONLines(head) { return try jsonLines(path: path) }
        let data = try TextFile.data(path)
        guard firstByte == 0x5B || firstByte == 0x7B else {
            throw InputError(file: path, line: 1, message: "expected a JSON array or object, the file starts with '\(String(UnicodeScalar(firstByte)))'")
        }
        let value = try parse(data, path: path)
        if let array = value as? [Any] {
            let lines = arrayElementLines(data)
            return try array.enumerated().map { i, v in
                let (a, b) = i < lines.count ? lines[i] : (1, 1)
                guard let o = v as? Object else { throw InputError(file: path, line: a, message: "array element \(i + 1) is not a JSON object") }
                return Element(object: o, firstLine: a, lastLine: b)
            }
        }
        guard let object = value as? Object else { throw InputError(file: path, line: 1, message: "expected a JSON object or array") }
        for key in arrayKeys {
            if let inner = object[key] as? [Any] {
                return try inner.enumerated().map { i, v in
                    guard let o = v as? Object else { throw InputError(file: path, line: nil, field: key, message: "element \(i + 1) of '\(key)' is not a JSON object") }
                    return Element(object: o, firstLine: 1, lastLine: 1)
                }
            }
        }
        let lineCount = data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return [Element(object: object, firstLine: 1, lastLine: lineCount)]
    }

    /// `true` when the first non-blank line is a complete JSON object and another object line follows.
    static func isJSONLines(_ data: Data) -> Bool {
        let lines = data.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: true)
        guard lines.count >= 2, let first = lines.first else { return false }
        guard (try? JSONSerialization.jsonObject(with: Data(first))) is Object else { return false }
        return lines[1].first(where: { $0 != 0x20 && $0 != 0x0D }) == 0x7B
    }

    /// Reads JSON Lines line by line.
    static func jsonLines(path: String) throws -> [Element] {
        var reader = try LineReader(path: path)
        var out: [Element] = []
        while let line = try reader.next() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let value = try parse(Data(line.utf8), path: path, line: reader.lineNumber)
            guard let o = value as? Object else { throw InputError(file: path, line: reader.lineNumber, message: "expected one JSON object per line") }
            out.append(Element(object: o, firstLine: reader.lineNumber, lastLine: reader.lineNumber))
        }
        return out
    }

    /// Streams JSON Lines: `body` gets each object as it is read.
    static func forEachLine(path: String, _ body: (Element) throws -> Void) throws {
        var reader = try LineReader(path: path)
        while let line = try reader.next() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let value = try parse(Data(line.utf8), path: path, line: reader.lineNumber)
            guard let o = value as? Object else { throw InputError(file: path, line: reader.lineNumber, message: "expected one JSON object per line") }
            try body(Element(object: o, firstLine: reader.lineNumber, lastLine: reader.lineNumber))
        }
    }

    // MARK: Field access

    static func string(_ v: Any?) -> String? {
        switch v {
        case let s as String: return nonEmpty(s)
        case let n as NSNumber: return n.stringValue
        case let a as [Any]: return a.first.flatMap { string($0) }
        default: return nil
        }
    }

    static func int(_ v: Any?) -> Int? {
        switch v {
        case let n as NSNumber: return n.intValue
        case let s as String: return Int(s.prefix(4)).flatMap { $0 > 0 ? $0 : nil }
        default: return nil
        }
    }

    /// The year of a CSL / Crossref date object `{"date-parts": [[2012, 3, 21]]}` (or `raw`, `literal`).
    static func year(ofDate v: Any?) -> Int? {
        guard let d = v as? Object else { return nil }
        if let parts = d["date-parts"] as? [[Any]], let first = parts.first?.first { return int(first) }
        if let raw = string(d["raw"]) ?? string(d["literal"]),
           let r = raw.range(of: #"\d{4}"#, options: .regularExpression) { return Int(raw[r]) }
        return nil
    }
}
