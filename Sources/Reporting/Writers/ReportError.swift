/// Errors of report writing.
public enum ReportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A file system operation failed.
    case io(path: String, message: String)
    /// An output path would leave the chosen output folder.
    case unsafePath(String)
    /// A template failed to parse or render (a programming error, reported not crashed).
    case template(String)

    public var description: String {
        switch self {
        case .io(let path, let message): return "\(path): \(message)"
        case .unsafePath(let path): return "\(path): output paths must stay inside the output folder"
        case .template(let message): return "report template: \(message)"
        }
    }
}
