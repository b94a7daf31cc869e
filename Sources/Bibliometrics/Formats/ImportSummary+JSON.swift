import Foundation

extension ImportSummary {
    /// The summary as the CLI prints it with `--format json`: UTF-8 JSON, keys sorted,
    /// pretty-printed, ending in a newline. Deterministic: equal summaries give equal bytes.
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        return (String(data: data, encoding: .utf8) ?? "{}") + "\n"
    }
}
