/// A PDF object (ISO 32000-1 §7.3) as far as ``PDFNormalizer`` needs it: numbers keep
/// the byte range of their token so they can be rewritten in place.
indirect enum PDFValue: Equatable {
    case integer(Int, tokenRange: Range<Int>)
    case real
    case name([UInt8])
    case string
    case array([PDFValue])
    case dictionary([PDFDictionaryEntry])
    case reference(number: Int, generation: Int)
    /// `true`, `false`, `null`.
    case keyword([UInt8])

    /// The value of `key` (given without the slash) when this is a dictionary.
    subscript(key: String) -> PDFValue? {
        guard case .dictionary(let entries) = self else { return nil }
        let bytes = Array(key.utf8)
        return entries.first { $0.key == bytes }?.value
    }

    /// `true` when this is the name `name` (given without the slash).
    func isName(_ name: String) -> Bool {
        if case .name(let bytes) = self { return bytes.elementsEqual(name.utf8) }
        return false
    }
}

/// One key/value pair of a PDF dictionary; the key without its slash.
struct PDFDictionaryEntry: Equatable {
    var key: [UInt8]
    var value: PDFValue
}

/// A cursor over PDF bytes that reads objects. Never traps on malformed input: every
/// read returns `nil` instead. Nesting deeper than ``maximumDepth`` is rejected.
struct PDFParser {
    let bytes: [UInt8]
    var position: Int
    static let maximumDepth = 64

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Skips white space and comments. O(skipped bytes).
    mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            if PDFLexer.isWhitespace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "%") {
                position = PDFLexer.endOfComment(bytes, from: position)
            } else {
                return
            }
        }
    }

    /// Reads a regular token (keyword or number) after skipping white space; `nil` at a
    /// delimiter or the end.
    mutating func readRegularToken() -> Range<Int>? {
        skipWhitespaceAndComments()
        let end = PDFLexer.endOfRegularToken(bytes, from: position)
        guard end > position else { return nil }
        defer { position = end }
        return position..<end
    }

    /// Reads the keyword `word`; on mismatch the position is left unchanged.
    mutating func readKeyword(_ word: String) -> Bool {
        let saved = position
        if let range = readRegularToken(), bytes[range].elementsEqual(word.utf8) { return true }
        position = saved
        return false
    }

    /// Reads an unsigned decimal integer token.
    mutating func readUnsignedInteger() -> (value: Int, range: Range<Int>)? {
        let saved = position
        guard let range = readRegularToken(), let value = Self.unsignedInteger(bytes[range]) else {
            position = saved
            return nil
        }
        return (value, range)
    }

    /// Reads an indirect object header `N G obj`.
    mutating func readObjectHeader() -> (number: Int, generation: Int)? {
        let saved = position
        guard let number = readUnsignedInteger(), let generation = readUnsignedInteger(), readKeyword("obj") else {
            position = saved
            return nil
        }
        return (number.value, generation.value)
    }

    /// Reads one direct object (recognising `N G R` references).
    mutating func readValue(depth: Int = 0) -> PDFValue? {
        guard depth < Self.maximumDepth else { return nil }
        skipWhitespaceAndComments()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            let end = PDFLexer.endOfRegularToken(bytes, from: position + 1)
            defer { position = end }
            return .name(Array(bytes[(position + 1)..<end]))
        case UInt8(ascii: "("):
            guard let end = PDFLexer.endOfLiteralString(bytes, from: position) else { return nil }
            position = end
            return .string
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return readDictionaryBody(depth: depth + 1)
            }
            guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            position = close + 1
            return .string
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFValue] = []
            while true {
                skipWhitespaceAndComments()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                guard let item = readValue(depth: depth + 1) else { return nil }
                items.append(item)
            }
        default:
            guard let range = readRegularToken() else { return nil }
            let token = bytes[range]
            if let value = Self.unsignedInteger(token) {
                // `N G R` is a reference; otherwise N is a plain integer.
                let saved = position
                if let generation = readUnsignedInteger(), readKeyword("R") {
                    return .reference(number: value, generation: generation.value)
                }
                position = saved
                return .integer(value, tokenRange: range)
            }
            if Self.isNumber(token) { return .real }
            if token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8) || token.elementsEqual("null".utf8) {
                return .keyword(Array(token))
            }
            return nil
        }
    }

    /// Reads dictionary entries up to and including `>>` (the `<<` already consumed).
    private mutating func readDictionaryBody(depth: Int) -> PDFValue? {
        var entries: [PDFDictionaryEntry] = []
        while true {
            skipWhitespaceAndComments()
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: ">") {
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { return nil }
                position += 2
                return .dictionary(entries)
            }
            guard case .name(let key)? = readValue(depth: depth), let value = readValue(depth: depth) else { return nil }
            entries.append(PDFDictionaryEntry(key: key, value: value))
        }
    }

    /// The value of an unsigned decimal integer token of at most 15 digits, else `nil`.
    static func unsignedInteger(_ token: ArraySlice<UInt8>) -> Int? {
        guard !token.isEmpty, token.count <= 15, token.allSatisfy(PDFLexer.isDigit) else { return nil }
        return token.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// `true` for a PDF numeric token: optional sign, digits with at most one `.`.
    static func isNumber(_ token: ArraySlice<UInt8>) -> Bool {
        var body = token[...]
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { body = body.dropFirst() }
        let dots = body.filter { $0 == UInt8(ascii: ".") }.count
        let digits = body.filter(PDFLexer.isDigit).count
        return digits > 0 && dots <= 1 && digits + dots == body.count
    }
}
