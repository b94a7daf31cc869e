/// Makes the PDF that cairo writes byte-identical across processes.
///
/// cairo prints coordinates with 6 decimals, and the last digit of some text positions
/// (`… 227.265637 Tm` vs `… 227.265638 Tm`) depends on 1-ulp differences in its
/// arithmetic that vary from process to process (font caches filled in a different
/// order). ``normalize(_:)`` rewrites the page content streams with real-number
/// operands rounded to ``contentDecimals`` decimals (see ``roundRealOperands(_:decimals:)``
/// for why that is stable), recompresses them with fixed zlib parameters and rebuilds the
/// cross-reference table. Everything else — fonts, images, dictionaries — is copied
/// byte for byte.
///
/// Residual risks: a non-dyadic operand that sits exactly on a 7-decimal tie and within
/// 10⁻⁶ of a 3-decimal rounding boundary can still round two ways (none observed);
/// differences larger than float noise (a different layout) are not hidden, by design;
/// recompressed streams depend on the zlib library's encoder (same bytes with the same
/// zlib, possibly different bytes with another zlib version, as for cairo's own output).
enum PDFNormalizer {
    /// Normalises `pdf` (see the type's documentation) and also rewrites the
    /// `/CreationDate`/`/ModDate` strings to a fixed date.
    ///
    /// Guarantees: the result depends only on the file's bytes after rounding, so two
    /// cairo outputs that differ only in float noise of content-stream operands (and in
    /// their dates) normalise to the same bytes. Every object keeps its number and
    /// order; each rewritten stream gets its `/Length` (direct or indirect) updated; the
    /// classic `xref` table gets the new byte offsets and `startxref` the table's new
    /// position. Cross-reference entries that cairo 1.16 marks in use but that point at
    /// another object's header (object numbers it reserved and never wrote) become free
    /// entries, linked in the free list, so the table describes the file exactly.
    ///
    /// Conservative: when the file is not laid out as expected — no `%PDF-` header, no
    /// classic `xref` table at `startxref`, an incremental update (`/Prev`), a
    /// cross-reference stream, encryption, a stream whose `/Length` does not end at
    /// `endstream`, an in-use entry that does not land on an object header — the input
    /// is returned with only its dates normalised. A content stream that cannot be
    /// inflated, uses another filter, or contains an inline image is copied unchanged.
    /// Only streams that are page `/Contents`, form XObjects (`/Subtype /Form` with a
    /// `/BBox`) or tiling patterns (`/PatternType 1`) are treated as content.
    ///
    /// - Complexity: O(n + e log s) for a file of n bytes with e cross-reference entries
    ///   and s rewritten streams, plus zlib's cost for the content streams.
    static func normalize(_ pdf: [UInt8]) -> [UInt8] {
        let dated = OutputNormalizer.normalizeDates(pdf)
        return normalizedStructure(dated) ?? dated
    }

    /// One replacement of a byte range of the original file.
    private struct Edit {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    /// An indirect object found in the file body.
    private struct IndirectObject {
        var number: Int
        var start: Int
        var value: PDFValue
        /// The stream data's byte range, for stream objects.
        var streamData: Range<Int>?
        /// The token range of the integer to rewrite with a new stream length.
        var lengthToken: Range<Int>?
    }

    /// One entry of the classic cross-reference table.
    private struct XrefEntry {
        var number: Int
        var offset: Int
        var inUse: Bool
        /// The whole 18-byte `oooooooooo ggggg t` field.
        var field: Range<Int>
    }

    /// The normalised file, or `nil` when anything is not as expected.
    static func normalizedStructure(_ pdf: [UInt8]) -> [UInt8]? {
        guard pdf.starts(with: Array("%PDF-".utf8)) else { return nil }
        guard let (xrefOffset, startxrefDigits) = locateXref(pdf),
              let (entries, trailer) = readXref(pdf, at: xrefOffset)
        else { return nil }
        guard case .dictionary = trailer, trailer["Prev"] == nil, trailer["XRefStm"] == nil, trailer["Encrypt"] == nil
        else { return nil }
        var offsets: [Int: Int] = [:]  // object number -> header offset, from the xref table
        for entry in entries where entry.inUse { offsets[entry.number] = entry.offset }
        guard let objects = readBody(pdf, upTo: xrefOffset, xrefOffsets: offsets) else { return nil }

        var byNumber: [Int: Int] = [:]
        for (index, object) in objects.enumerated() {
            guard byNumber[object.number] == nil, offsets[object.number] == object.start else { return nil }
            byNumber[object.number] = index
        }

        // Content streams: page /Contents, form XObjects, tiling patterns.
        var contentNumbers = Set<Int>()
        for object in objects {
            if object.value["Type"]?.isName("Page") == true, let contents = object.value["Contents"] {
                switch contents {
                case .reference(let number, _): contentNumbers.insert(number)
                case .array(let items):
                    for case .reference(let number, _) in items { contentNumbers.insert(number) }
                default: break
                }
            }
            guard object.streamData != nil else { continue }
            if object.value["Subtype"]?.isName("Form") == true, object.value["BBox"] != nil {
                contentNumbers.insert(object.number)
            }
            if case .integer(1, _)? = object.value["PatternType"] { contentNumbers.insert(object.number) }
        }

        var edits: [Edit] = []
        for number in contentNumbers.sorted() {
            guard let index = byNumber[number], let data = objects[index].streamData,
                  let lengthToken = objects[index].lengthToken,
                  let rewritten = normalizedContent(Array(pdf[data]), dictionary: objects[index].value)
            else { continue }
            edits.append(Edit(range: data, bytes: rewritten))
            edits.append(Edit(range: lengthToken, bytes: Array(String(rewritten.count).utf8)))
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (a, b) in zip(edits, edits.dropFirst()) where a.range.upperBound > b.range.lowerBound { return nil }

        // New offsets: shift by the total size change of the edits that end at or before
        // the offset (edits are sorted and disjoint: binary search over running totals).
        let ends = edits.map(\.range.upperBound)
        var runningDelta: [Int] = []
        for edit in edits { runningDelta.append((runningDelta.last ?? 0) + edit.bytes.count - edit.range.count) }
        func moved(_ offset: Int) -> Int {
            var low = 0, high = ends.count  // first edit ending after `offset`
            while low < high {
                let mid = (low + high) / 2
                if ends[mid] <= offset { low = mid + 1 } else { high = mid }
            }
            return low == 0 ? offset : offset + runningDelta[low - 1]
        }
        let objectStarts = Set(objects.map(\.start))

        // Cross-reference entries: in use and pointing at their own object -> new offset;
        // in use but pointing elsewhere (cairo's reserved, never-written numbers) or free
        // -> free, chained from entry 0 in increasing object number.
        var isFree: [Int: Bool] = [:]
        for entry in entries {
            if entry.inUse {
                guard objectStarts.contains(entry.offset) else { return nil }
                isFree[entry.number] = byNumber[entry.number].map { objects[$0].start != entry.offset } ?? true
            } else {
                isFree[entry.number] = true
            }
        }
        guard isFree[0] == true else { return nil }
        let freeNumbers = isFree.filter(\.value).map(\.key).sorted()
        var nextFree: [Int: Int] = [:]
        for (k, number) in freeNumbers.enumerated() {
            nextFree[number] = k + 1 < freeNumbers.count ? freeNumbers[k + 1] : 0
        }
        for entry in entries {
            let text: String
            if let next = nextFree[entry.number] {
                let generation = entry.number == 0 || !entry.inUse
                    ? String(decoding: pdf[(entry.field.lowerBound + 11)..<(entry.field.lowerBound + 16)], as: UTF8.self)
                    : "00001"
                text = padded(next, 10) + " " + generation + " f"
            } else {
                text = padded(moved(entry.offset), 10) + String(decoding: pdf[(entry.field.lowerBound + 10)..<entry.field.upperBound], as: UTF8.self)
            }
            guard text.utf8.count == 18 else { return nil }
            edits.append(Edit(range: entry.field, bytes: Array(text.utf8)))
        }
        edits.append(Edit(range: startxrefDigits, bytes: Array(String(moved(xrefOffset)).utf8)))
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (a, b) in zip(edits, edits.dropFirst()) where a.range.upperBound > b.range.lowerBound { return nil }

        var out: [UInt8] = []
        out.reserveCapacity(pdf.count + max(0, runningDelta.last ?? 0) + 64)
        var cursor = 0
        for edit in edits {
            out.append(contentsOf: pdf[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.bytes)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: pdf[cursor...])
        return out
    }

    /// The rewritten stream data (rounded operands, recompressed when it was Flate
    /// encoded), or `nil` to keep the stream as it is.
    private static func normalizedContent(_ data: [UInt8], dictionary: PDFValue) -> [UInt8]? {
        guard dictionary["DecodeParms"] == nil, dictionary["F"] == nil else { return nil }
        let flate: Bool
        switch dictionary["Filter"] {
        case nil: flate = false
        case .name(let name)? where name.elementsEqual("FlateDecode".utf8): flate = true
        case .array(let filters)? where filters.count == 1 && filters[0].isName("FlateDecode"): flate = true
        default: return nil
        }
        if flate {
            guard let plain = Zlib.inflate(data), let rounded = roundRealOperands(plain) else { return nil }
            return Zlib.deflate(rounded)
        }
        return roundRealOperands(data)
    }

    /// `value` in decimal, left-padded with zeros to `width` digits (longer if needed).
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The offset named by the last `startxref` and the range of its digits, provided
    /// only white space and `%%EOF` follow.
    private static func locateXref(_ pdf: [UInt8]) -> (Int, Range<Int>)? {
        let keyword = Array("startxref".utf8)
        let searchFrom = max(0, pdf.count - 1024)
        var found: Int?
        var i = pdf.count - keyword.count
        while i >= searchFrom {
            if pdf[i] == keyword[0] && pdf[i..<(i + keyword.count)].elementsEqual(keyword) {
                found = i
                break
            }
            i -= 1
        }
        guard let at = found else { return nil }
        var parser = PDFParser(pdf, at: at + keyword.count)
        guard let offset = parser.readUnsignedInteger(), offset.value < pdf.count else { return nil }
        var tail = offset.range.upperBound
        while tail < pdf.count, PDFLexer.isWhitespace(pdf[tail]) { tail += 1 }
        let eof = Array("%%EOF".utf8)
        guard pdf[tail...].starts(with: eof) else { return nil }
        tail += eof.count
        guard pdf[tail...].allSatisfy(PDFLexer.isWhitespace) else { return nil }
        return (offset.value, offset.range)
    }

    /// Reads the classic cross-reference table at `offset` and the trailer dictionary.
    private static func readXref(_ pdf: [UInt8], at offset: Int) -> ([XrefEntry], PDFValue)? {
        var parser = PDFParser(pdf, at: offset)
        guard parser.readKeyword("xref") else { return nil }
        var entries: [XrefEntry] = []
        var seen = Set<Int>()
        while true {
            if parser.readKeyword("trailer") { break }
            guard let first = parser.readUnsignedInteger(), let count = parser.readUnsignedInteger() else { return nil }
            for k in 0..<count.value {
                parser.skipWhitespaceAndComments()
                let start = parser.position
                guard start + 18 <= pdf.count,
                      let offsetValue = PDFParser.unsignedInteger(pdf[start..<(start + 10)]),
                      pdf[start + 10] == 0x20, PDFParser.unsignedInteger(pdf[(start + 11)..<(start + 16)]) != nil,
                      pdf[start + 16] == 0x20, pdf[start + 17] == UInt8(ascii: "n") || pdf[start + 17] == UInt8(ascii: "f"),
                      seen.insert(first.value + k).inserted
                else { return nil }
                entries.append(XrefEntry(number: first.value + k, offset: offsetValue, inUse: pdf[start + 17] == UInt8(ascii: "n"),
                                         field: start..<(start + 18)))
                parser.position = start + 18
            }
        }
        guard let trailer = parser.readValue() else { return nil }
        return (entries, trailer)
    }

    /// Reads every indirect object between the header and the xref table, which must be
    /// nothing but objects, white space and comments.
    private static func readBody(_ pdf: [UInt8], upTo end: Int, xrefOffsets: [Int: Int]) -> [IndirectObject]? {
        var parser = PDFParser(pdf, at: 0)
        var objects: [IndirectObject] = []
        var lengthObjectsUsed = Set<Int>()
        while true {
            parser.skipWhitespaceAndComments()
            if parser.position == end { return objects }
            guard parser.position < end else { return nil }
            let start = parser.position
            guard let header = parser.readObjectHeader(), let value = parser.readValue() else { return nil }
            var object = IndirectObject(number: header.number, start: start, value: value)
            if parser.readKeyword("stream") {
                // The keyword is followed by CRLF or LF, then exactly /Length bytes.
                var dataStart = parser.position
                if dataStart < pdf.count, pdf[dataStart] == 0x0D { dataStart += 1 }
                guard dataStart < pdf.count, pdf[dataStart] == 0x0A else { return nil }
                dataStart += 1
                let length: Int
                switch value["Length"] {
                case .integer(let direct, let range)?:
                    length = direct
                    object.lengthToken = range
                case .reference(let number, _)?:
                    guard lengthObjectsUsed.insert(number).inserted, let at = xrefOffsets[number],
                          let (indirect, range) = readLengthObject(pdf, at: at, number: number)
                    else { return nil }
                    length = indirect
                    object.lengthToken = range
                default:
                    return nil
                }
                let dataEnd = dataStart + length
                guard dataEnd <= end else { return nil }
                object.streamData = dataStart..<dataEnd
                parser.position = dataEnd
                guard parser.readKeyword("endstream") else { return nil }
            }
            guard parser.readKeyword("endobj") else { return nil }
            objects.append(object)
        }
    }

    /// Reads `N G obj <integer> endobj` at `offset`: the integer and its token range.
    private static func readLengthObject(_ pdf: [UInt8], at offset: Int, number: Int) -> (Int, Range<Int>)? {
        guard offset < pdf.count else { return nil }
        var parser = PDFParser(pdf, at: offset)
        guard let header = parser.readObjectHeader(), header.number == number,
              case .integer(let value, let range)? = parser.readValue(), parser.readKeyword("endobj")
        else { return nil }
        return (value, range)
    }
}
