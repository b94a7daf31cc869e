import Foundation
import NetworkAlgorithms
import Reporting

/// Writes the `metrics` JSON document (``MetricsOutput``) to a sink in batches of nodes,
/// so memory stays O(batch) beyond the measure columns instead of holding every row and
/// the encoder's tree of the whole document (5 million nodes took 3.7 GB before).
///
/// The bytes are exactly those of `JSONOutput.encode(MetricsOutput(…))` (sorted keys,
/// pretty-printed; tested): the graph summary and each batch of rows are encoded by
/// the same encoder and indented to their depth in the document (JSON strings hold no
/// raw line feed, so indenting line by line is safe). O(n · measures).
struct MetricsJSONStream {
    /// Rows per batch: large enough that encoding overhead is small, small enough that a
    /// batch's encoder tree stays a few MB.
    static let batchSize = 4096

    static func write(summary: GraphSummary, nodeCount: Int, row: (Int) -> NodeRow,
                      to sink: ([UInt8]) -> Void) throws {
        guard nodeCount > 0 else {
            sink(try JSONOutput.encode(MetricsOutput(graph: summary, nodes: [])))
            return
        }
        var head = Array("{\n  \"graph\" : ".utf8)
        head += indented(trimmingNewline(try JSONOutput.encode(summary)), by: 2, skipFirst: true)
        head += Array(",\n  \"nodes\" : [\n".utf8)
        sink(head)
        var start = 0
        while start < nodeCount {
            let end = min(nodeCount, start + batchSize)
            let rows = (start..<end).map(row)
            // "[\n  {…},\n  {…}\n]\n": keep the lines between the brackets.
            var body = trimmingNewline(try JSONOutput.encode(rows))
            body = Array(body.dropFirst(2).dropLast(2))
            var chunk = indented(body, by: 2, skipFirst: false)
            if end < nodeCount { chunk += Array(",\n".utf8) }
            sink(chunk)
            start = end
        }
        sink(Array("\n  ]\n}\n".utf8))
    }

    static func trimmingNewline(_ bytes: [UInt8]) -> [UInt8] {
        bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes
    }

    /// `bytes` with `spaces` spaces after every line feed (and at the start unless `skipFirst`).
    static func indented(_ bytes: [UInt8], by spaces: Int, skipFirst: Bool) -> [UInt8] {
        let pad = [UInt8](repeating: 0x20, count: spaces)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        if !skipFirst { out += pad }
        for b in bytes {
            out.append(b)
            if b == 0x0A { out += pad }
        }
        return out
    }
}
