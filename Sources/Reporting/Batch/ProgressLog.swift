import Foundation

/// Where long work reports what it is doing. The CLI prints to standard error; tests
/// collect the lines. Messages never go to standard output, which carries results.
public struct ProgressLog: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    /// Prints `siloscope: <message>` to standard error.
    public static let standardError = ProgressLog { message in
        FileHandle.standardError.write(Data(("siloscope: " + message + "\n").utf8))
    }

    /// Discards every message.
    public static let silent = ProgressLog { _ in }

    /// Reports one step.
    public func callAsFunction(_ message: String) { sink(message) }
}
