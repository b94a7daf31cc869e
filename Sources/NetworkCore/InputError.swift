/// An error in user input, located as precisely as the reader knows: the file, the
/// line (1-based) and, where it applies, the field or column, plus what was expected.
///
/// Every reader in Siloscope reports bad input through this one type so that the CLI
/// can print `file:line: message` uniformly and tests can check the message.
///
/// Containment (issue 14): whatever a reader puts in `message` or `field`, the error
/// holds only printable text — control characters (NUL, escape, carriage return, C1
/// codes) are shown as `\u{…}` escapes — and at most ``maximumMessageLength`` characters
/// of message and ``maximumQuote`` of field. Readers quote input through
/// ``quote(_:limit:)``, which keeps at most ``maximumQuote`` characters.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path of the file as the user named it (or a record name for in-memory input).
    public var file: String
    /// The 1-based line number, when the reader knows it.
    public var line: Int?
    /// The field, column or key at fault, when there is one.
    public var field: String?
    /// What was wrong and what was expected, in plain words.
    public var message: String

    /// Most characters of input one quote in a message shows.
    public static let maximumQuote = 200
    /// Most characters a message keeps (fixed text plus a few quotes).
    public static let maximumMessageLength = 600

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = InputError.printable(file, limit: 4 * InputError.maximumQuote, keepLineFeeds: false)
        self.line = line
        self.field = field.map { InputError.quote($0) }
        self.message = InputError.printable(message, limit: InputError.maximumMessageLength)
    }

    /// `file:line: [field] message`, the format the CLI prints.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { return "\(location): \(field): \(message)" }
        return "\(location): \(message)"
    }

    /// `text` as a message may quote it: control characters escaped, at most `limit`
    /// characters, then `…` and how many were left out. O(min(text, limit)).
    public static func quote(_ text: some StringProtocol, limit: Int = maximumQuote) -> String {
        printable(text, limit: limit, keepLineFeeds: false)
    }

    /// Escapes control characters and cuts once `limit` characters are shown (an escape
    /// counts as the characters it shows).
    static func printable(_ text: some StringProtocol, limit: Int, keepLineFeeds: Bool = true) -> String {
        var out = ""
        var kept = 0
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if kept >= limit {
                var left = 1
                while scalars.next() != nil { left += 1 }
                out += "… (\(left) more characters)"
                break
            }
            let v = s.value
            if v < 0x20 && !(keepLineFeeds && v == 0x0A) || v == 0x7F || (0x80...0x9F).contains(v) {
                let escape = "\\u{\(String(v, radix: 16, uppercase: true))}"
                out += escape
                kept += escape.unicodeScalars.count   // the limit counts what is shown
            } else {
                out.unicodeScalars.append(s)
                kept += 1
            }
        }
        return out
    }
}
