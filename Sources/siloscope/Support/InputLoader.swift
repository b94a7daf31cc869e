import Foundation
import NetworkCore
import Reporting

/// Resolves a command's INPUT into a graph with node attributes.
enum InputLoader {
    static func load(_ options: GraphInputOptions, progress: ProgressLog = .standardError) throws -> NetworkInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.input, isDirectory: &isDirectory) else {
            throw InputError(file: options.input, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            return try DatasetInput.load(folder: options.input, nodes: options.nodes, duplicates: options.duplicates, selfLoops: options.selfLoops)
        }
        progress("reading \(options.input)")
        let input = try NetworkInput.load(
            path: options.input, reverse: options.reverse, nodes: options.nodes,
            duplicates: options.duplicates, selfLoops: options.selfLoops)
        progress("read \(input.graph.nodeCount) nodes, \(input.graph.arcCount) arcs")
        return input
    }
}
