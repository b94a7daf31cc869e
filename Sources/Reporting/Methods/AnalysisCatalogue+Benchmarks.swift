import NetworkAlgorithms
import NetworkCore

extension AnalysisCatalogue {
    /// The parameters `bench` runs its tasks with: the catalogue's defaults (seed 1,
    /// resolution 1, ε 0.01, δ 0.1, damping 0.85) with PageRank's tolerance 1e-10, the one
    /// `scripts/bench-peers` gives the peers.
    public static var benchmarkParameters: AnalysisParameters {
        var p = AnalysisParameters()
        p.pageRankTolerance = 1e-10
        return p
    }

    /// The tasks of `siloscope bench` after `load`, in the order they run and are reported.
    /// The measures among them are computed by their ``measures`` entry (or the same
    /// catalogue function, where the bench also reports samples or modularity), so that
    /// `bench` times what `metrics` and the reports compute.
    public static let benchmarkTasks: [BenchmarkTask] = [
        BenchmarkTask("weakComponents", describe: { _ in "weakly connected components (union–find over the arcs)" }) { g, _ in
            BenchmarkOutcome(size: g.weakComponents().count)
        },
        BenchmarkTask("strongComponents", describe: { _ in "strongly connected components (Tarjan, without recursion)" }) { g, _ in
            BenchmarkOutcome(size: g.strongComponents().count)
        },
        BenchmarkTask(
            "pagerank", measure: "pagerank",
            describe: { p in "damping \(number(p.damping)), tolerance \(number(p.pageRankTolerance)), solved by Gauss–Seidel one strong component at a time" },
            note: { g, p in "Gauss–Seidel by strong component: at most \(g.pageRank(damping: p.damping, tolerance: p.pageRankTolerance).iterations) sweeps per component" }
        ) { g, p in BenchmarkOutcome(size: measureValues("pagerank", g, p)) },
        BenchmarkTask("kcore", measure: "coreness",
                      describe: { _ in "core numbers of the undirected simple view (building the view included)" }) { g, p in
            BenchmarkOutcome(size: measureValues("coreness", g, p))
        },
        BenchmarkTask("kcoreAll", describe: { _ in "core numbers by in-degree plus out-degree of the directed graph" }) { g, _ in
            BenchmarkOutcome(size: g.coreNumbers(.all).count)
        },
        BenchmarkTask(
            "topologicalOrder", describe: { _ in "Kahn's order, plus the condensation when the graph is cyclic" },
            note: { g, _ in g.topologicalOrder().order == nil ? "cyclic: topological order attempt plus condensation" : nil }
        ) { g, _ in
            switch g.topologicalOrder() {
            case .order(let order): return BenchmarkOutcome(size: order.count)
            case .cycle: return BenchmarkOutcome(size: g.condensation().components.count)
            }
        },
        BenchmarkTask("betweenness", measure: "betweenness", arcLimit: .exactBetweenness,
                      describe: { _ in "exact, directed, parallel over sources" }) { g, p in
            BenchmarkOutcome(size: measureValues("betweenness", g, p))
        },
        BenchmarkTask(
            "approximateBetweenness", measure: "approximateBetweenness", arcLimit: .approximateBetweenness,
            describe: { p in "directed, epsilon \(p.epsilon), delta \(p.delta), seed \(p.seed), KADABRA (adaptive sampling, balanced bidirectional searches)" },
            note: { _, p in "\(ApproximateBetweennessMethod.kadabra.rawValue), ε \(p.epsilon), δ \(p.delta)" }
        ) { g, p in
            let a = approximateBetweenness(g, p)
            return BenchmarkOutcome(size: a.scores.count, samples: a.samples)
        },
        BenchmarkTask(
            "approximateBetweennessRK", arcLimit: .exactBetweenness,
            describe: { _ in "the same by Riondato–Kornaropoulos' fixed sample size" },
            note: { _, p in "\(ApproximateBetweennessMethod.riondatoKornaropoulos.rawValue), ε \(p.epsilon), δ \(p.delta)" }
        ) { g, p in
            let a = approximateBetweenness(g, p, method: .riondatoKornaropoulos)
            return BenchmarkOutcome(size: a.scores.count, samples: a.samples)
        },
        BenchmarkTask("leiden", measure: "leiden",
                      describe: { p in "modularity, resolution \(number(p.resolution)), seed \(p.seed), 2 iterations" }) { g, p in
            let found = communities(g, p, leiden: true)
            return BenchmarkOutcome(size: found.partition.groupCount, modularity: found.modularity)
        },
        BenchmarkTask("louvain", measure: "louvain",
                      describe: { p in "modularity, resolution \(number(p.resolution)), seed \(p.seed), one run" }) { g, p in
            let found = communities(g, p, leiden: false)
            return BenchmarkOutcome(size: found.partition.groupCount, modularity: found.modularity)
        },
    ]

    /// The benchmark task named `name`, if any.
    public static func benchmarkTask(_ name: String) -> BenchmarkTask? { benchmarkTasks.first { $0.name == name } }

    /// The number of values the catalogue measure `key` computes on `g` (silently); 0 for
    /// an unknown key (`BenchmarkCatalogueTests` checks every key names a measure).
    private static func measureValues(_ key: String, _ g: Graph, _ p: AnalysisParameters) -> Int {
        measure(key)?.compute(g, p, .silent).count ?? 0
    }
}
