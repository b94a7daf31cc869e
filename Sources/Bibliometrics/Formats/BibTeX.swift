import Foundation
import NetworkCore

/// Reader of BibTeX and BibLaTeX files, including the Web of Science export (references
/// in `Cited-References`, one per line, WoS `CR` syntax) and the Scopus export (references
/// in `references`, `; `-separated, Scopus syntax).
///
/// Syntax read: `@type{key, name = value, …}` where a value is `{…}` (nested braces),
/// `"…"`, a number or a macro name, joined with `#`. `@comment`, `@preamble` and
/// `@string` entries are skipped (string macros are not expanded: the macro name is kept).
/// Field names may contain spaces and digits (Scopus writes `funding_text 1 = {…}`).
/// Text between entries is ignored. Entries are streamed: lines are read until the
/// entry's braces balance (memory: one entry).
///
/// Fields used: `author` (split at ` and `; `Family, Given` or `Given Family`), `title`,
/// `journal`/`journaltitle`/`booktitle`, `year` or `date`, `volume`, `number`/`issue`,
/// `pages`, `publisher`, `doi`, `pmid`, `url`, `Unique-ID` (WoS accession number; also the
/// entry key `WOS:…`), the Scopus `eid=` in `url`. Errors: an entry not closed at the end
/// of the file, a field without `=`, an unterminated quoted value, a `year` that is not a
/// year — each with the line.
public enum BibTeX {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var lines = try LineReader(path: path)
        var collector = RecordCollector(file: path, format: .bibtex, lenient: lenient)
        var entry: [String] = []
        var start = 0, depth = 0, opened = false
        var sawEntry = false
        while let line = try lines.next() {
            if entry.isEmpty {
                guard line.drop(while: { $0 == " " || $0 == "\t" }).first == "@" else { continue }
                start = lines.lineNumber
                depth = 0
                opened = false
            }
            entry.append(line)
            for ch in line.unicodeScalars {
                if ch == "{" { depth += 1; opened = true } else if ch == "}" { depth -= 1 }
            }
            let end = lines.lineNumber
            if opened && depth <= 0 {
                let text = entry.joined(separator: "\n")
                entry = []
                sawEntry = true
                try collector.add { try record(text, path: path, firstLine: start, lastLine: end) }
            }
        }
        if !entry.isEmpty {
            let e = InputError(file: path, line: start, message: "entry \(entry[0].trimmingCharacters(in: .whitespaces).prefix(40)) is not closed: the file ends at line \(lines.lineNumber) with \(depth) unclosed brace(s) (truncated file?)")
            guard lenient else { throw e }
            collector.result.skipped.append(e)
        }
        if !sawEntry && collector.result.skipped.isEmpty {
            throw InputError(file: path, line: 1, message: "no BibTeX entries (expected lines starting with @article{ …)")
        }
        collector.result.repairs += lines.repairs
        return collector.result
    }

    /// Parsed entry: type, key and fields (lower-cased names) with the line of each field.
    struct Entry {
        var type: String
        var key: String
        var fields: [String: (value: String, line: Int)]
    }

    static func parseEntry(_ text: String, path: String, firstLine: Int) throws -> Entry? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var line = firstLine
        func skipSpace() { while i < s.count, s[i].properties.isWhitespace { if s[i] == "\n" { line += 1 }; i += 1 } }
        func error(_ m: String, field: String? = nil) -> InputError { InputError(file: path, line: line, field: field, message: m) }
        skipSpace()
        guard i < s.count, s[i] == "@" else { throw error("expected '@' to start an entry") }
        i += 1
        var type = ""
        while i < s.count, s[i] != "{", s[i] != "(" { type.unicodeScalars.append(s[i]); i += 1 }
        type = type.trimmingCharacters(in: .whitespaces).lowercased()
        if ["comment", "preamble", "string"].contains(type) { return nil }
        guard i < s.count, !type.isEmpty else { throw error("expected '{' after @\(type)") }
        let close: Unicode.Scalar = s[i] == "{" ? "}" : ")"
        i += 1
        skipSpace()
        var key = ""
        while i < s.count, s[i] != ",", s[i] != close { key.unicodeScalars.append(s[i]); i += 1 }
        key = key.trimmingCharacters(in: .whitespacesAndNewlines)
        var fields: [String: (String, Int)] = [:]
        while i < s.count {
            if s[i] == "," { i += 1 }
            skipSpace()
            guard i < s.count else { break }
            if s[i] == close { break }
            var name = ""
            let fieldLine = line
            // Names may hold spaces and digits (Scopus: `funding_text 1 = {…}`): read to '=' on the same line.
            while i < s.count, s[i] != "=", s[i] != ",", s[i] != close, s[i] != "\n", s[i] != "{", s[i] != "\"" { name.unicodeScalars.append(s[i]); i += 1 }
            name = name.trimmingCharacters(in: .whitespaces)
            skipSpace()
            guard i < s.count, s[i] == "=" else { throw error("field '\(name)' has no '=' (expected name = {value})", field: name) }
            i += 1
            var value = ""
            while true {
                skipSpace()
                guard i < s.count else { throw error("field '\(name)' has no value", field: name) }
                if s[i] == "{" {
                    var d = 1
                    i += 1
                    while i < s.count, d > 0 {
                        if s[i] == "{" { d += 1 } else if s[i] == "}" { d -= 1; if d == 0 { break } }
                        if s[i] == "\n" { line += 1 }
                        value.unicodeScalars.append(s[i])
                        i += 1
                    }
                    guard i < s.count else { throw error("value of '\(name)' is not closed by '}'", field: name) }
                    i += 1
                } else if s[i] == "\"" {
                    i += 1
                    var d = 0
                    while i < s.count, !(s[i] == "\"" && d == 0) {
                        if s[i] == "{" { d += 1 } else if s[i] == "}" { d -= 1 }
                        if s[i] == "\n" { line += 1 }
                        value.unicodeScalars.append(s[i])
                        i += 1
                    }
                    guard i < s.count else { throw InputError(file: path, line: fieldLine, field: name, message: "quoted value of '\(name)' is not closed by '\"'") }
                    i += 1
                } else {
                    while i < s.count, s[i] != ",", s[i] != close, s[i] != "#", !s[i].properties.isWhitespace { value.unicodeScalars.append(s[i]); i += 1 }
                }
                skipSpace()
                if i < s.count, s[i] == "#" { i += 1; continue }
                break
            }
            fields[name.lowercased()] = (value, fieldLine)
        }
        return Entry(type: type, key: key, fields: fields.mapValues { (value: $0.0, line: $0.1) })
    }

    static func record(_ text: String, path: String, firstLine: Int, lastLine: Int) throws -> ImportedRecord? {
        guard let e = try parseEntry(text, path: path, firstLine: firstLine) else { return nil }
        let span = SourceSpan(file: path, firstLine: firstLine, lastLine: lastLine)
        func f(_ names: String...) -> String? {
            for n in names { if let v = e.fields[n]?.value, let c = nonEmpty(AuthorName.clean(v)) { return c } }
            return nil
        }
        var work = Work(id: "", sources: [span])
        if let authors = e.fields["author"]?.value ?? e.fields["editor"]?.value {
            work.authors = AuthorName.clean(authors).components(separatedBy: " and ").compactMap { AuthorName.parseFamilyFirst($0) }
                .filter { $0.family.lowercased() != "others" }
        }
        work.title = f("title")
        work.venue = f("journal", "journaltitle", "booktitle", "series")
        if let y = f("year") ?? f("date") {
            guard let r = y.range(of: #"^\d{4}"#, options: .regularExpression), let v = Int(y[r]) else {
                throw InputError(file: path, line: e.fields["year"]?.line ?? e.fields["date"]?.line, field: "year", message: "expected a four-digit year, got '\(y)'")
            }
            work.year = v
        }
        work.volume = f("volume")
        work.issue = f("number", "issue")
        work.pages = f("pages").map { $0.replacingOccurrences(of: "--", with: "-").replacingOccurrences(of: " – ", with: "-").replacingOccurrences(of: "–", with: "-") }
        work.publisher = f("publisher")
        if let d = f("doi") {
            guard let doi = DOI(d) else { throw InputError(file: path, line: e.fields["doi"]?.line, field: "doi", message: "expected a DOI, got '\(d)'") }
            work.doi = doi
        }
        work.pmid = f("pmid").flatMap(Identifiers.pmid)
        work.url = f("url")
        switch e.type {
        case "article": work.type = .article
        case "book", "mvbook", "bookinbook": work.type = .book
        case "incollection", "inbook", "inproceedings", "conference": work.type = .chapter
        case "phdthesis", "mastersthesis", "thesis": work.type = .thesis
        case "techreport", "report": work.type = .report
        case "online", "webpage": work.type = .webPage
        default: work.type = .unknown
        }
        var native: [String] = []
        if let uid = f("unique-id") ?? (e.key.uppercased().hasPrefix("WOS:") ? e.key : nil) { native.append("wos:" + uid.uppercased()) }
        if let url = work.url, let r = url.range(of: #"eid=2-s2\.0-\d+"#, options: .regularExpression) { native.append("scopus:" + url[r].dropFirst(4)) }
        var refs: [ImportedReference] = []
        if let cr = e.fields["cited-references"] {
            for (k, lineText) in cr.value.components(separatedBy: "\n").enumerated() {
                let t = lineText.trimmingCharacters(in: .whitespaces)
                guard !t.isEmpty else { continue }
                let l = cr.line + k
                refs.append(ImportedReference(reference: WoSCitedReference.parse(t, source: SourceSpan(file: path, firstLine: l, lastLine: l))))
            }
        } else if let sr = e.fields["references"] {
            let fieldSpan = SourceSpan(file: path, firstLine: sr.line, lastLine: sr.line)
            refs = ScopusReference.split(AuthorName.clean(sr.value)).references.map { ImportedReference(reference: ScopusReference.parse($0, source: fieldSpan)) }
        }
        guard work.title != nil || work.doi != nil || !native.isEmpty else {
            throw InputError(file: path, line: firstLine, field: "title", message: "entry '\(e.key)' has neither title nor DOI: cannot identify the work")
        }
        var record = ImportedRecord(work: work, references: refs, nativeIDs: native, format: .bibtex,
                                    declaredReferences: f("number-of-cited-references").flatMap { Int($0) })
        record.fields = .bibTeX { f($0) }
        return record
    }
}
