/// A failure reported by libgraphviz (or detected before calling it), with the messages
/// Graphviz produced, captured through `agseterrf` instead of being printed to stderr.
public struct GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What stage failed.
    public enum Kind: String, Sendable, Equatable {
        /// The layout or render plugins are not installed (no `config6a`).
        case pluginsMissing
        /// The DOT text did not parse.
        case parse
        /// `gvLayout` failed.
        case layout
        /// `gvRenderData` failed.
        case render
        /// The input was rejected before reaching Graphviz (e.g. an unsafe URL).
        case invalidInput
    }

    /// The failing stage.
    public let kind: Kind
    /// A readable explanation, including Graphviz's own messages when there are any.
    public let message: String
    /// The layout engine requested, if the failure happened during a render.
    public let engine: LayoutEngine?
    /// The output format requested, if the failure happened during a render.
    public let format: FigureFormat?

    /// Makes an error.
    public init(kind: Kind, message: String, engine: LayoutEngine? = nil, format: FigureFormat? = nil) {
        self.kind = kind
        self.message = message
        self.engine = engine
        self.format = format
    }

    /// `Graphviz <kind> error (engine sfdp, format png): <message>`.
    public var description: String {
        var context: [String] = []
        if let engine { context.append("engine \(engine.rawValue)") }
        if let format { context.append("format \(format.rawValue)") }
        let suffix = context.isEmpty ? "" : " (" + context.joined(separator: ", ") + ")"
        return "Graphviz \(kind.rawValue) error\(suffix): \(message)"
    }

    /// Builds the error for a failed Graphviz stage from the messages it printed.
    ///
    /// `Layout type: "dot" not recognized` / `Format: "png" not recognized` mean the
    /// plugins are missing (no `config6a`, ARCHITECTURE.md §5): the error is then
    /// ``Kind/pluginsMissing`` and says to install `libgraphviz-dev` and `graphviz`.
    /// Pure.
    static func fromGraphviz(kind: Kind, what: String, messages: [String], engine: LayoutEngine?, format: FigureFormat?) -> GraphvizError {
        if messages.contains(where: { $0.contains("not recognized") && ($0.contains("Layout type") || $0.contains("Format")) }) {
            return GraphvizError(
                kind: .pluginsMissing,
                message: messages.joined(separator: "; ")
                    + ". The Graphviz plugins are not installed or not configured: install the Debian packages"
                    + " libgraphviz-dev and graphviz (apt-get install libgraphviz-dev graphviz), which also"
                    + " writes the plugin configuration (config6a).",
                engine: engine, format: format)
        }
        let detail = messages.isEmpty ? what : what + ": " + messages.joined(separator: "; ")
        return GraphvizError(kind: kind, message: detail, engine: engine, format: format)
    }
}
