import Foundation

/// The rows of the import's large tables rendered as CSV bytes (``CSVBytes``), one function
/// per table; columns as documented in `Importer+Writing.swift`.
///
/// Each row is read in place (``Importer/forEachInPlace(_:_:_:)``: no copy of the struct, no
/// retain of its Strings) and its cells are appended as UTF-8 bytes; multi-part cells (lists joined by
/// `; `, labels, provenance shortened by ``ProvenancePaths``) are built as bytes with
/// ``CSVBytes/field(building:)``. The bytes equal those of the former String-based writer
/// (checked against reference outputs). O(row length) per row; pure apart from `csv`.
extension Importer {
    /// Calls `body` on the elements of `rows` in `range` (with their index), each as an `inout` view of the element
    /// in the array's own storage; `body` must not write to it (the row functions below only
    /// read). Why: a large struct (a reference row is ~400 bytes) passed from an array to a
    /// function is copied first — a memcpy and a retain and release of every String it holds —
    /// while an `inout` argument is read where it lies. Concurrent calls must use disjoint ranges.
    @inline(__always)
    static func forEachInPlace<T>(_ rows: [T], _ range: Range<Int>, _ body: (Int, inout T) -> Void) {
        rows.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let all = 0..<buffer.count
            for k in range where all.contains(k) {
                body(k, &UnsafeMutablePointer(mutating: base + k).pointee)
            }
        }
    }

    /// `citations.csv`: `citing,cited,source` (every reference stating the arc, `; `-separated).
    static func appendCitationRow(_ c: inout ImportedCitation, paths: ProvenancePaths, to csv: inout CSVBytes) {
        csv.field(c.citing)
        csv.field(c.cited)
        csv.field { out in
            for n in c.sources.indices {
                if n > 0 { out.append(0x3B); out.append(0x20) }
                paths.appendShown(c.sources[n], to: &out)
            }
        }
        csv.endRow()
    }

    /// `references.csv`: `citing,position,cited,method,note,first_author,year,title,venue,
    /// volume,pages,doi,openalex,native_id,raw,source`.
    static func appendReferenceRow(_ r: inout ImportedReferenceRow, paths: ProvenancePaths, to csv: inout CSVBytes) {
        csv.field(r.citing)
        csv.field(r.position)
        csv.field(r.cited)
        csv.field(r.method.rawValue)
        if r.note != nil {
            csv.field { out in if let note = r.note { paths.appendShown(note, to: &out) } }
        } else {
            csv.field("")
        }
        // `firstAuthor`: the first author, else the first editor.
        if !r.reference.authors.isEmpty {
            csv.field { appendDisplay(r.reference.authors[0], to: &$0) }
        } else if !r.reference.editors.isEmpty {
            csv.field { appendDisplay(r.reference.editors[0], to: &$0) }
        } else {
            csv.field("")
        }
        if let y = r.reference.year { csv.field(y) } else { csv.field("") }
        csv.field(r.reference.title)
        csv.field(r.reference.venue)
        csv.field(r.reference.volume)
        csv.field(r.reference.pages)
        if let doi = r.reference.doi { csv.field(doi.value) } else { csv.field("") }
        csv.field(r.reference.openAlexID)
        csv.field(r.nativeID)
        csv.field(r.reference.raw)
        csv.field { paths.appendShown(r.source, to: &$0) }
        csv.endRow()
    }

    /// A `reference` row of `matches.csv`: `work,kind,method,evidence,raw,source,first_source`
    /// (`firstMention`: the provenance of the first reference naming the work).
    static func appendMatchRow(_ r: inout ImportedReferenceRow, firstMention: String?, paths: ProvenancePaths, to csv: inout CSVBytes) {
        csv.field(r.cited)
        csv.field("reference")
        csv.field(r.method.rawValue)
        csv.field(r.evidence)
        csv.field(r.reference.raw)
        csv.field { paths.appendShown(r.source, to: &$0) }
        if let first = firstMention {
            csv.field { paths.appendShown(first, to: &$0) }
        } else {
            csv.field("")
        }
        csv.endRow()
    }

    /// A row of `works.csv` without its field cells (the caller appends them and ends the row):
    /// `id,label,first_author,authors,year,title,venue,volume,issue,pages,doi,pmid,openalex,
    /// native_ids,type,role,cited_by,source` (`firstMention` for a cited-only work's source).
    static func appendWorkCells(_ iw: inout ImportedWork, firstMention: String?, paths: ProvenancePaths, to csv: inout CSVBytes) {
        csv.field(iw.work.id)
        // "Surname Year"; with no personal author, the title's start, else the venue's
        // (a WoS reference such as "GUARDIAN, 2019" names only where it appeared).
        csv.field { out in
            if !iw.work.authors.isEmpty {
                appendLabelFamily(iw.work.authors[0], to: &out)
            } else if let title = iw.work.title {
                appendPrefix40(title, to: &out)
            } else if let venue = iw.work.venue {
                appendPrefix40(venue, to: &out)
            } else {
                out.append(0x3F)
            }
            out.append(0x20)
            if let y = iw.work.year { CSVBytes.appendDecimal(y, to: &out) } else { out.append(contentsOf: "n.d.".utf8) }
        }
        if !iw.work.authors.isEmpty {
            csv.field { appendDisplay(iw.work.authors[0], to: &$0) }
        } else {
            csv.field("")
        }
        csv.field { out in
            for n in iw.work.authors.indices {
                if n > 0 { out.append(0x3B); out.append(0x20) }
                appendDisplay(iw.work.authors[n], to: &out)
            }
        }
        if let y = iw.work.year { csv.field(y) } else { csv.field("") }
        csv.field(iw.work.title)
        csv.field(iw.work.venue)
        csv.field(iw.work.volume)
        csv.field(iw.work.issue)
        csv.field(iw.work.pages)
        if let doi = iw.work.doi { csv.field(doi.value) } else { csv.field("") }
        csv.field(iw.work.pmid)
        csv.field(iw.work.openAlexID)
        csv.field { out in
            for n in iw.nativeIDs.indices {
                if n > 0 { out.append(0x3B); out.append(0x20) }
                withUTF8Bytes(iw.nativeIDs[n]) { out.append(contentsOf: $0) }
            }
        }
        csv.field(iw.work.type.rawValue)
        csv.field(iw.isCiting ? (iw.citedBy > 0 ? "citing+cited" : "citing") : "cited")
        csv.field(iw.citedBy)
        if iw.isCiting {
            csv.field { out in
                for n in iw.work.sources.indices {
                    if n > 0 { out.append(0x3B); out.append(0x20) }
                    paths.appendShown(iw.work.sources[n].description, to: &out)
                }
            }
        } else if let mention = firstMention {
            csv.field { paths.appendShown(mention, to: &$0) }
        } else {
            csv.field("")
        }
    }

    /// The bytes of ``AuthorName/display`` ("Family I"; the family alone without initials).
    static func appendDisplay(_ a: AuthorName, to out: inout [UInt8]) {
        withUTF8Bytes(a.family) { out.append(contentsOf: $0) }
        guard !a.initials.isEmpty else { return }
        out.append(0x20)
        withUTF8Bytes(a.initials) { out.append(contentsOf: $0) }
    }

    /// The bytes of ``AuthorName/labelFamily``: an ASCII surname on its bytes (letters are
    /// `A-Z a-z`, the lower-case ones `a-z`, so a Character test is a byte test), any other
    /// through `labelFamily` itself.
    static func appendLabelFamily(_ a: AuthorName, to out: inout [UInt8]) {
        let handled = withUTF8Bytes(a.family) { u -> Bool in
            var letter = false
            for b in u {
                if b >= 0x80 { return false }
                if b >= 0x61 && b <= 0x7A { out.append(contentsOf: u); return true }  // a lower-case letter: kept as printed
                if b >= 0x41 && b <= 0x5A { letter = true }
            }
            if a.isOrganisation || !letter { out.append(contentsOf: u); return true }
            // All capitals: title case (a letter after a non-letter is kept, the others lowered).
            var startOfWord = true
            for b in u {
                let isLetter = b >= 0x41 && b <= 0x5A
                out.append(startOfWord || !isLetter ? b : b &+ 32)
                startOfWord = !isLetter
            }
            return true
        }
        if !handled { out.append(contentsOf: a.labelFamily.utf8) }
    }

    /// The bytes of `String(s.prefix(40))` (40 Characters): the first 40 bytes of an ASCII
    /// text without `\r` (where a Character is a byte), else through String.
    static func appendPrefix40(_ s: String, to out: inout [UInt8]) {
        let handled = withUTF8Bytes(s) { u -> Bool in
            let n = min(u.count, 40)
            for b in u[..<n] where b >= 0x80 || b == 0x0D { return false }
            // The 40th Character could only be extended by a non-ASCII byte after it.
            if u.count > n, u[n] >= 0x80 { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[..<n]))
            return true
        }
        if !handled { out.append(contentsOf: String(s.prefix(40)).utf8) }
    }
}
