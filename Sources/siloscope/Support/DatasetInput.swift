import NetworkCore

/// Placeholder until the dataset loader is merged.
enum DatasetInput {
    static func load(folder: String, nodes: String?, duplicates: GraphBuilder.DuplicatePolicy, selfLoops: GraphBuilder.SelfLoopPolicy) throws -> NetworkInput {
        throw InputError(file: folder, message: "dataset folders are not readable yet")
    }
}
