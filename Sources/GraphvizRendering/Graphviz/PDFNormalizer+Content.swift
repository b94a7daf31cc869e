// Rounding of real-number operands inside (decompressed) PDF content streams.
extension PDFNormalizer {
    /// Decimals kept for real-number operands in content streams: 0.001 pt (0.35 µm)
    /// is far below anything a viewer or printer can show.
    static let contentDecimals = 3

    /// Rewrites every real-number token (one containing a `.`) of a content stream to at
    /// most ``contentDecimals`` decimals, copying every other byte unchanged: integers,
    /// operators, names, strings `(…)` (escapes and nested parentheses included), hex
    /// strings `<…>`, dictionaries `<<…>>`, arrays and comments.
    ///
    /// Rounding works on the decimal digits as printed (no floating point): round half
    /// away from zero at the last kept decimal, drop trailing zeros and a bare `.`,
    /// write `-0` as `0` and a missing integer part as `0` (`.25` → `0.25`). Tokens with
    /// at most ``contentDecimals`` decimals are copied unchanged.
    ///
    /// Why this removes cairo's run-to-run noise: cairo prints coordinates with 6
    /// decimals, and a 1-ulp difference in its arithmetic changes the printed digits
    /// only when the exact value lies on a 6-decimal rounding tie, i.e. has exactly 7
    /// decimals ending in 5. Text positions from Graphviz/pango are dyadic (multiples of
    /// 1/256 pt; at 72 dpi); of those, only odd multiples of 1/128 have 7 decimals, and
    /// their last four decimals are an odd multiple of 0.0000625 (a multiple of 625 in
    /// units of 10⁻⁷ that is not a multiple of 1250), so they lie at least 6.25·10⁻⁵
    /// from a 3-decimal rounding boundary (…0005): both printed neighbours (±5·10⁻⁷)
    /// round to the same 3-decimal value. Non-dyadic values essentially never sit on a
    /// 7-decimal tie; one that does and also lies within 10⁻⁶ of a 3-decimal boundary
    /// could still round two ways (probability ~10⁻³ for such a value; none observed).
    ///
    /// - Returns: the rewritten stream, or `nil` when the stream holds something this
    ///   scanner does not rewrite safely — an inline image (`BI … ID … EI`, raw binary
    ///   data) or an unterminated string — in which case the caller keeps it unchanged.
    /// - Complexity: O(n) in the stream length.
    static func roundRealOperands(_ content: [UInt8], decimals: Int = contentDecimals) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        var i = 0
        let n = content.count
        while i < n {
            let byte = content[i]
            if PDFLexer.isWhitespace(byte) {
                out.append(byte)
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "%"):
                let end = PDFLexer.endOfComment(content, from: i)
                out.append(contentsOf: content[i..<end])
                i = end
            case UInt8(ascii: "("):
                guard let end = PDFLexer.endOfLiteralString(content, from: i) else { return nil }
                out.append(contentsOf: content[i..<end])
                i = end
            case UInt8(ascii: "<"):
                if i + 1 < n, content[i + 1] == UInt8(ascii: "<") {
                    out.append(contentsOf: content[i..<(i + 2)])
                    i += 2
                } else {
                    guard let close = content[i...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                    out.append(contentsOf: content[i...close])
                    i = close + 1
                }
            case UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
                out.append(byte)
                i += 1
            case UInt8(ascii: "/"):
                let end = PDFLexer.endOfRegularToken(content, from: i + 1)
                out.append(contentsOf: content[i..<end])
                i = end
            default:
                let end = PDFLexer.endOfRegularToken(content, from: i)
                let token = content[i..<end]
                if token.elementsEqual("BI".utf8) || token.elementsEqual("ID".utf8) { return nil }
                if let rounded = roundedReal(token, decimals: decimals) {
                    out.append(contentsOf: rounded)
                } else {
                    out.append(contentsOf: token)
                }
                i = end
            }
        }
        return out
    }

    /// The rounded form of a real-number token (`[+-]digits.digits`, at least one digit),
    /// or `nil` when the token is not a real number or already has at most `decimals`
    /// decimals (then it is kept as it is). See ``roundRealOperands(_:decimals:)``.
    static func roundedReal(_ token: ArraySlice<UInt8>, decimals: Int) -> [UInt8]? {
        var digits = token[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard let dot = digits.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let whole = digits[digits.startIndex..<dot]
        let fraction = digits[(dot + 1)...]
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy(PDFLexer.isDigit), fraction.allSatisfy(PDFLexer.isDigit),
              fraction.count > decimals
        else { return nil }
        // All kept digits, most significant first, then round at the first dropped digit.
        var kept = Array(whole) + Array(fraction.prefix(decimals))
        if kept.isEmpty { kept = [UInt8(ascii: "0")] }
        if fraction[fraction.startIndex + decimals] >= UInt8(ascii: "5") {
            var k = kept.count - 1
            while k >= 0 {
                if kept[k] == UInt8(ascii: "9") {
                    kept[k] = UInt8(ascii: "0")
                    k -= 1
                } else {
                    kept[k] += 1
                    break
                }
            }
            if k < 0 { kept.insert(UInt8(ascii: "1"), at: 0) }
        }
        var wholeDigits = Array(kept[0..<(kept.count - decimals)])
        var fractionDigits = Array(kept[(kept.count - decimals)...])
        while let last = fractionDigits.last, last == UInt8(ascii: "0") { fractionDigits.removeLast() }
        while wholeDigits.count > 1, wholeDigits[0] == UInt8(ascii: "0") { wholeDigits.removeFirst() }
        if wholeDigits.isEmpty { wholeDigits = [UInt8(ascii: "0")] }
        let isZero = wholeDigits == [UInt8(ascii: "0")] && fractionDigits.isEmpty
        var result: [UInt8] = negative && !isZero ? [UInt8(ascii: "-")] : []
        result += wholeDigits
        if !fractionDigits.isEmpty {
            result.append(UInt8(ascii: "."))
            result += fractionDigits
        }
        return result
    }
}
