import Foundation
import NetworkCore

extension Dataset {
    /// Whether `path` is a dataset folder (a folder holding `dataset.yml`), so that a CLI
    /// `INPUT` can be routed to ``Dataset/load(folder:)`` rather than a graph reader.
    public static func isDatasetFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("dataset.yml"))
    }

    /// The load summary, one plain-text line per fact, in a fixed order (works, concepts,
    /// each layer, each mapping with its unmapped values). Deterministic.
    public func summaryLines() -> [String] {
        var lines = ["\(workIDs.count) works (\(manifest.works.file))"]
        if let c = manifest.concepts { lines.append("\(conceptIDs.count) concepts (\(c.file))") }
        for layer in layers {
            lines.append("\(layer.kind.rawValue) layer \(layer.file): \(layer.arcs.count) arcs")
        }
        for m in mappings {
            var line = "\(m.attribute) from \(m.file): \(m.mapped) works mapped, \(m.unmapped) unmapped, \(m.emptySource) without a value"
            if !m.unmappedValues.isEmpty {
                line += " (unmapped values: \(m.unmappedValues.joined(separator: "; ")))"
            }
            if m.unmapped + m.emptySource > 0 { line += " -> group \(Partition.missingLabel)" }
            lines.append(line)
        }
        return lines
    }
}
