import Foundation
import GraphvizRendering

/// Writes an ``ExportNetwork`` in one of the supported formats to a file and its
/// companions, atomically, and says what was written.
public enum NetworkExport {
    /// The formats `siloscope convert` writes.
    public enum Format: String, Sendable, CaseIterable {
        case gexf, graphML = "graphml", pajek, vosviewer, vosviewerJSON = "vosviewer-json", dot, edgeList = "edgelist", csv
    }

    /// What was written (the `convert` summary JSON).
    public struct Written: Encodable, Sendable {
        public var format: String
        public var files: [String]
        public var nodes: Int
        public var arcs: Int
        /// Things the format could not carry, said plainly (also on standard error).
        public var notes: [String]
    }

    /// A path beside `path` with `suffix` inserted before its extension
    /// (`x/cora.net` + `-class.clu` → `x/cora-class.clu`; the suffix's own extension wins).
    public static func companion(of path: String, suffix: String) -> String {
        let ns = path as NSString
        let stem = ns.deletingPathExtension
        let suffixHasExtension = (suffix as NSString).pathExtension.isEmpty == false
        let ext = ns.pathExtension
        return suffixHasExtension || ext.isEmpty ? stem + suffix : stem + suffix + "." + ext
    }

    /// Writes `network` as `format` to `path` (plus companions). Each file is written
    /// atomically. Throws when the format cannot express the network (an id with white
    /// space in an edge list, more than 1000 VOSviewer clusters) or a file cannot be written.
    public static func write(_ network: ExportNetwork, to format: Format, path: String) throws -> Written {
        var files: [(String, [UInt8])] = []
        var notes: [String] = []
        let replaced = network.labels.reduce(0) { $0 + (ExportText.xmlReplacements($1) > 0 ? 1 : 0) }
        switch format {
        case .gexf:
            files.append((path, Array(GEXFWriter.write(network).utf8)))
            if replaced > 0 { notes.append("\(replaced) labels hold control characters XML cannot carry; written as U+FFFD") }
        case .graphML:
            files.append((path, Array(GraphMLWriter.write(network).utf8)))
            if replaced > 0 { notes.append("\(replaced) labels hold control characters XML cannot carry; written as U+FFFD") }
        case .pajek:
            let output = PajekWriter.write(network)
            for (suffix, text) in output.files {
                files.append((suffix.isEmpty ? path : companion(of: path, suffix: suffix), Array(text.utf8)))
            }
            if output.changedLabels > 0 {
                notes.append("\(output.changedLabels) labels changed for Pajek (a double quote written as an apostrophe, tabs and line breaks as spaces)")
            }
            if !output.skippedVectors.isEmpty {
                notes.append("no .vec for \(output.skippedVectors.joined(separator: ", ")): some nodes have no value and Pajek vectors cannot say 'missing'")
            }
        case .vosviewer:
            let output = try VOSviewerWriter.mapFiles(network)
            files.append((path, Array(output.map.utf8)))
            files.append((companion(of: path, suffix: "-network"), Array(output.network.utf8)))
            if output.changedLabels > 0 { notes.append("\(output.changedLabels) labels hold tabs or line breaks, written as spaces in the map file") }
            if !output.skippedColumns.isEmpty {
                notes.append("map file without \(output.skippedColumns.joined(separator: ", ")): some nodes have no value (the VOSviewer JSON keeps them per item)")
            }
            notes.append("VOSviewer links are undirected: \(network.undirectedLinks().count) links from \(network.arcCount) arcs")
        case .vosviewerJSON:
            files.append((path, try VOSviewerWriter.json(network)))
            notes.append("VOSviewer links are undirected: \(network.undirectedLinks().count) links from \(network.arcCount) arcs")
        case .dot:
            files.append((path, Array(network.dotGraph().text.utf8)))
        case .edgeList:
            let output = try EdgeListWriter.edgeList(network)
            files.append((path, Array(output.text.utf8)))
            if output.isolated > 0 { notes.append("\(output.isolated) nodes without arcs cannot appear in an edge list (write csv or graphml to keep them)") }
            if !network.attributes.isEmpty { notes.append("an edge list carries no node attributes (write csv, graphml or gexf to keep them)") }
        case .csv:
            files.append((path, Array(EdgeListWriter.arcCSV(network).utf8)))
            files.append((companion(of: path, suffix: "-nodes"), Array(EdgeListWriter.nodeCSV(network).utf8)))
        }
        for (file, bytes) in files { try OutputFolder.writeFile(file, bytes) }
        return Written(format: format.rawValue, files: files.map(\.0), nodes: network.nodeCount, arcs: network.arcCount, notes: notes)
    }
}
