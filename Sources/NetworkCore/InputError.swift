/// An error in user input, located as precisely as the reader knows: the file, the
/// line (1-based) and, where it applies, the field or column, plus what was expected.
///
/// Every reader in Siloscope reports bad input through this one type so that the CLI
/// can print `file:line: message` uniformly and tests can check the message.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path of the file as the user named it (or a record name for in-memory input).
    public var file: String
    /// The 1-based line number, when the reader knows it.
    public var line: Int?
    /// The field, column or key at fault, when there is one.
    public var field: String?
    /// What was wrong and what was expected, in plain words.
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: [field] message`, the format the CLI prints.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { return "\(location): \(field): \(message)" }
        return "\(location): \(message)"
    }
}
