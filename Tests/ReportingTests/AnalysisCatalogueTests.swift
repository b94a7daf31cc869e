import Testing
import NetworkCore
@testable import Reporting

/// The catalogue generates the methods sentences and parameter rows from the parameters
/// actually used, so the prose follows the computation.
@Suite("Analysis catalogue")
struct AnalysisCatalogueTests {
    @Test func keysAreUniqueAndTopListsUseCatalogueEntries() {
        let keys = AnalysisCatalogue.measures.map(\.key)
        #expect(Set(keys).count == keys.count)
        for key in AnalysisCatalogue.topListKeys { #expect(AnalysisCatalogue.measure(key)?.reportKey != nil) }
        // The report's top lists keep their table keys.
        #expect(AnalysisCatalogue.topListKeys.compactMap { AnalysisCatalogue.measure($0)?.reportKey }
                == ["in-degree", "pagerank", "hits-authority", "betweenness", "coreness"])
    }

    @Test func pageRankSentenceAndRowFollowTheParameters() throws {
        var p = AnalysisParameters()
        let pagerank = try #require(AnalysisCatalogue.measure("pagerank"))
        #expect(pagerank.methods(p).first?.sentence.contains("damping factor 0.85") == true)
        #expect(pagerank.parameterRow?(p).1.hasPrefix("damping 0.85,") == true)
        #expect(pagerank.parameterRow?(p).1.contains("tolerance 1e-12") == true)
        p.damping = 0.5
        #expect(pagerank.methods(p).first?.sentence.contains("damping factor 0.5 ") == true)
        #expect(pagerank.parameterRow?(p).1.hasPrefix("damping 0.5,") == true)
        // The computation reads the same value: a 2-cycle plus a sink, damping 0.5 vs 0.85 differ.
        var b = GraphBuilder()
        b.addArc(from: "a", to: "b")
        b.addArc(from: "b", to: "a")
        b.addArc(from: "a", to: "c")
        let g = b.build().graph
        #expect(pagerank.compute(g, p, .silent) == g.pageRank(damping: 0.5).scores)
        #expect(pagerank.compute(g, AnalysisParameters(), .silent) != g.pageRank(damping: 0.5).scores)
    }

    @Test func topListSizeReachesTheRankingSentence() {
        var p = AnalysisParameters()
        p.topListSize = 7
        #expect(AnalysisCatalogue.topListMethods(p).first?.sentence.contains("at most 7 per list") == true)
        #expect(MethodCatalogue.centrality.map(\.key)
                == ["centrality-ranking", "pagerank", "hits", "betweenness", "freeman", "coreness", "batagelj-zaversnik"])
    }
}
