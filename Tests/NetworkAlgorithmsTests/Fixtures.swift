import Foundation
import NetworkCore
import TestSupport

/// The peer fixtures written by `scripts/peers/expected_values.py` (NetworkX / igraph).
enum PeerFixtures {
    static let directory = SharedData.packageRoot + "/Tests/NetworkAlgorithmsTests/Fixtures"

    struct Bridging: Decodable {
        let groups: [String]
        let groupSizes: [Int]
        let mixing: [[Int]]
        let edges: Int
        let internalEdges: Int
        let edgeHomophily: Double?
        let classInsensitiveHomophily: Double?
        let eiIndex: Double?
        let eiIndexByGroup: [Double?]
        let assortativity: Double?
        let modularityDirected: Double?
        let modularityUndirected: Double?
    }

    /// One arc `[tail, head]` or `[tail, head, weight]`.
    struct Arc: Decodable {
        let tail: String, head: String, weight: Double?
        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            tail = try c.decode(String.self)
            head = try c.decode(String.self)
            weight = c.isAtEnd ? nil : try c.decode(Double.self)
        }
    }

    struct SmallGraph: Decodable {
        let name: String
        let nodes: [String]
        let arcs: [Arc]
        let inDegree: [Int]
        let outDegree: [Int]
        let weakComponents: Int
        let largestWeakComponent: Int
        let weakSizes: [Int]
        let strongComponents: Int
        let largestStrongComponent: Int
        let strongSizes: [Int]
        let selfLoops: Int
        let acyclic: Bool
        let pagerank: [Double]
        let personalization: [Double]?
        let labels: [String?]?
        let bridging: Bridging?
        let bridgingExcludingMissing: Bridging?
        let coreUndirected: [Int]?
        let coreAll: [Int]?
        let coreIn: [Int]?
        let coreOut: [Int]?
        let betweennessDirected: [Double]?
        let betweennessUndirectedNormalized: [Double]?
        let closenessIncoming: [Double]?
        let closenessOutgoing: [Double]?
        let closenessUndirected: [Double]?
        let harmonicIncoming: [Double]?
        let condensationNodes: Int?
        let condensationArcs: Int?
        let hubs: [Double]?
        let interGroupBetweennessDirected: [Double]?
        let constraintDirected: [Double?]?
        let katz: [Double]?
        let eigenvector: [Double]?
        let constraintUndirected: [Double?]?
        let effectiveSizeDirected: [Double?]?
        let effectiveSizeUndirected: [Double?]?
        let interGroupBetweennessUndirected: [Double]?
        let authorities: [Double]?

        /// The graph, nodes declared in fixture order, arcs kept as given.
        func graph() -> Graph {
            var builder = GraphBuilder()
            for v in nodes { builder.addNode(v) }
            for a in arcs { builder.addArc(from: a.tail, to: a.head, weight: a.weight) }
            return builder.build().graph
        }

        func partition() -> Partition? { labels.map { Partition(values: $0) } }
    }

    struct Agreement: Decodable {
        let name: String
        let a: [Int]
        let b: [Int]
        let nmi: Double?
        let ari: Double?
    }

    struct CommunityCase: Decodable {
        let name: String
        let nodes: [String]
        let arcs: [Arc]
        let igraphMultilevelModularity: Double?
    }

    struct SmallFile: Decodable {
        let graphs: [SmallGraph]
        let partitionAgreement: [Agreement]
        let communities: [CommunityCase]
    }

    static func communities() throws -> [CommunityCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/small-graphs.json"))
        return try JSONDecoder().decode(SmallFile.self, from: data).communities
    }

    static func agreement() throws -> [Agreement] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/small-graphs.json"))
        return try JSONDecoder().decode(SmallFile.self, from: data).partitionAgreement
    }

    struct RealNetwork: Decodable {
        let name: String
        /// The file the script read, relative to ../shared/data.
        let arcsFile: String
        /// Whether the script reversed the file's arcs.
        let reversed: Bool
        let nodes: Int
        let arcs: Int
        let selfLoops: Int
        let duplicateArcs: Int
        let weakComponents: Int
        let largestWeakComponent: Int
        let weakSizes: [Int]
        let strongComponents: Int
        let largestStrongComponent: Int
        let strongSizes: [Int]
        let acyclic: Bool
        let pagerankTop20: [IDValue]
        let pagerankFirst20ById: [IDValue]
        let bridging: Bridging?
        let betweennessDirectedTop20: [IDValue]?
        let betweennessUndirectedNormalizedTop20: [IDValue]?
        let closenessIncomingTop20: [IDValue]?
        let closenessOutgoingTop20: [IDValue]?
        let closenessUndirectedTop20: [IDValue]?
        let harmonicIncomingTop20: [IDValue]?
        let coreUndirectedHistogram: [[Int]]?
        let coreAllHistogram: [[Int]]?
        let condensationNodes: Int?
        let condensationArcs: Int?
        /// Nodes on a longest path of the condensation (Batagelj's depth h).
        let condensationLevels: Int?
        let igraphMultilevelModularity: Double?
        /// Decade above the largest relative difference between igraph's and NetworkX's PageRank.
        let pagerankIgraphRelativeDifferenceBelow: Double?
    }

    struct IDValue: Decodable {
        let id: String, value: Double
        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            id = try c.decode(String.self)
            value = try c.decode(Double.self)
        }
    }

    struct RealFile: Decodable { let networks: [RealNetwork] }

    static func small() throws -> [SmallGraph] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/small-graphs.json"))
        return try JSONDecoder().decode(SmallFile.self, from: data).graphs
    }

    static func real(_ name: String) throws -> RealNetwork? {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/real-networks.json"))
        return try JSONDecoder().decode(RealFile.self, from: data).networks.first { $0.name == name }
    }
}

/// Relative agreement `|a − b| ≤ tolerance · max(|b|, tiny)`.
func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), 1e-300)
}

/// Agreement within `relative` of `|b|` or `absolute`, whichever is larger (for values
/// that are 0 in exact arithmetic and ±1e-17 in the peer's).
func near(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    abs(a - b) <= max(relative * abs(b), absolute)
}

/// Value counts `[[value, count], …]` ascending by value.
func histogram(_ values: [Int]) -> [[Int]] {
    Dictionary(grouping: values, by: { $0 }).map { [$0.key, $0.value.count] }.sorted { $0[0] < $1[0] }
}

func close(_ a: Double?, _ b: Double?, relative tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return close(x, y, relative: tolerance)
    default: return false
    }
}

/// Builds a graph from `(tail, head)` index pairs over nodes "0"..."n-1".
func makeGraph(nodes n: Int, _ arcs: [(Int, Int)], duplicates: GraphBuilder.DuplicatePolicy = .keep,
               selfLoops: GraphBuilder.SelfLoopPolicy = .keep) -> Graph {
    var builder = GraphBuilder(duplicates: duplicates, selfLoops: selfLoops)
    for v in 0..<n { builder.addNode(String(v)) }
    for (u, v) in arcs { builder.addArc(from: Int32(u), to: Int32(v)) }
    return builder.build().graph
}
