import Foundation
import NetworkCore

/// Minimal test-only reader for the Pajek files in ../shared/data (a byte scanner, not a
/// general Pajek parser): `*vertices n` with `id "label"` lines, `*arcs` (`u v [w]`) and
/// `*arcslist` (`u v1 v2 …`) sections; `%` comments; other sections skipped. Node ids are
/// the vertex numbers as strings ("1" … "n"), so indices follow the file.
struct PajekTestNetwork {
    var graph: Graph
    var labels: [String]
}

func readPajekForTest(_ path: String) throws -> PajekTestNetwork {
    try parsePajekForTest(try String(contentsOfFile: path, encoding: .isoLatin1))
}

/// Reads a gzip-compressed Pajek file by piping it through `gzip -dc`.
func readGzippedPajekForTest(_ path: String) throws -> PajekTestNetwork {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try parsePajekForTest(String(decoding: data, as: UTF8.self))
}

func parsePajekForTest(_ text: String) throws -> PajekTestNetwork {
    var builder = GraphBuilder()
    var labels: [String] = []
    var section = ""
    var declared = 0
    for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0.isNewline }) {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("%") { continue }
        if line.hasPrefix("*") {
            let words = line.lowercased().split(separator: " ", omittingEmptySubsequences: true)
            section = words.first.map(String.init) ?? ""
            if section == "*vertices", labels.isEmpty, words.count > 1, let n = Int(words[1]) {
                declared = n
                for v in 1...max(n, 1) where n > 0 { builder.addNode(String(v)) }
                labels = (1...max(n, 1)).map { String($0) }
                if n == 0 { labels = [] }
            } else if section == "*vertices" {
                section = "stop"  // a second network or a partition follows (.paj)
            }
            continue
        }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        switch section {
        case "*vertices":
            guard let v = Int(fields.first ?? ""), v >= 1, v <= declared else { continue }
            if let q1 = line.firstIndex(of: "\""), let q2 = line[line.index(after: q1)...].firstIndex(of: "\"") {
                labels[v - 1] = String(line[line.index(after: q1)..<q2])
            }
        case "*arcs":
            guard fields.count >= 2, let u = Int(fields[0]), let v = Int(fields[1]) else { continue }
            builder.addArc(from: Int32(u - 1), to: Int32(v - 1))
        case "*arcslist":
            guard let u = Int(fields.first ?? "") else { continue }
            for f in fields.dropFirst() { if let v = Int(f) { builder.addArc(from: Int32(u - 1), to: Int32(v - 1)) } }
        default:
            continue
        }
    }
    return PajekTestNetwork(graph: builder.build().graph, labels: labels)
}

/// Reads a Pajek `.clu`/`.vec` file: `*vertices n` then one number per line.
func readPajekVectorForTest(_ path: String) throws -> [Int] {
    let text = try String(contentsOfFile: path, encoding: .isoLatin1)
    return text.split(whereSeparator: { $0.isNewline })
        .filter { !$0.hasPrefix("*") && !$0.hasPrefix("%") }
        .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
}
