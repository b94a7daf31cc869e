import ArgumentParser
import NetworkAlgorithms
import NetworkCore
import Reporting

/// Options of a main path analysis, shared by `mainpath` and `render --figure mainpath`.
struct MainPathOptions: ParsableArguments {
    enum CycleOption: String, CaseIterable, ExpressibleByArgument {
        case condense
        case removeArcs = "remove-arcs"
    }

    @Option(help: "Traversal weight: spc (search path count), splc (search path link count) or spnp (search path node pair).")
    var weight: TraversalWeightKind = .spc

    @Option(help: "Search: local-forward, local-backward, global, key-route, multiple or basket.")
    var search: MainPathSearch = .localForward

    @Option(help: "K: the number of key routes (key-route), or of paths (multiple).")
    var routes: Int = 1

    @Option(help: "Relative tolerance of a basket: every arc on a path within this share of the best total.")
    var tolerance: Double = 0.1

    @Option(help: "How cycles are removed: condense (merge strong components) or remove-arcs (arcs citing later works, then back-arcs).")
    var cycles: CycleOption = .condense

    @Option(help: ArgumentHelp("A node attribute holding each work's year (for remove-arcs and for the figure's year axis).", valueName: "attr"))
    var years: String?

    func validate() throws {
        guard routes >= 1 else { throw ValidationError("--routes must be at least 1") }
        guard tolerance >= 0 && tolerance.isFinite else { throw ValidationError("--tolerance must be a non-negative number") }
    }

    /// Builds the knowledge-flow DAG of `loaded` and runs the search.
    func run(on loaded: LoadedGraph) throws -> (KnowledgeFlowDAG, MainPathResult, [Int?]?) {
        let graph = loaded.graph
        var yearValues: [Int?]?
        if let years {
            yearValues = try loaded.years(years)
        }
        let handling: CycleHandling = cycles == .condense ? .condense : .removeArcs(years: yearValues)
        let dag = try KnowledgeFlowDAG(graph, direction: .citingToCited, cycles: handling)
        ProgressLog.standardError("knowledge-flow DAG: \(dag.nodeCount) nodes, \(dag.arcCount) arcs; running \(search.rawValue) on \(weight.rawValue)")
        let result = MainPathAnalysis(dag: dag, weight: weight).run(search, routes: routes, tolerance: tolerance)
        return (dag, result, yearValues)
    }
}

extension TraversalWeightKind: ExpressibleByArgument {}
extension MainPathSearch: ExpressibleByArgument {}
