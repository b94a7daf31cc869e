import Foundation
import Testing
import NetworkCore
import TestSupport

/// CiteB (`../shared/data/networks/citeb/CiteB.net.gz`, Batagelj's WoS network-analysis
/// citation network, gzip-compressed Pajek) read by ``NetworkInput`` and checked against
/// the counts in its PROVENANCE.md (measured there with a separate Python reader).
/// The component figures are checked in NetworkAlgorithmsTests (`CiteBStructureTests`).
@Suite("CiteB gzip input")
struct CiteBInputTests {
    static let path = "networks/citeb/CiteB.net.gz"

    @Test("CiteB.net.gz: 139,505 vertices, 854,032 arcs, no edges, loops or multi-arcs; 203 isolated; max in 2047 / out 705",
          .enabled(if: SharedData.path(path) != nil, "needs ../shared/data/networks/citeb"))
    func counts() throws {
        let input = try NetworkInput.load(path: try #require(SharedData.path(Self.path)))
        let g = input.graph
        #expect(input.format == .pajek)
        #expect(g.nodeCount == 139_505)
        #expect(g.arcCount == 854_032 && input.arcsRead == 854_032)
        #expect(input.selfLoops == 0)                    // loops m0: 0
        #expect(input.duplicateArcs == 0)                // multi-arcs: 0
        #expect(input.undirectedArcs?.contains(true) != true)  // edges: 0
        var isolated = 0, maxIn = 0, maxOut = 0
        for v in 0..<Int32(g.nodeCount) {
            let i = g.inDegree(v), o = g.outDegree(v)
            if i == 0 && o == 0 { isolated += 1 }
            maxIn = max(maxIn, i)
            maxOut = max(maxOut, o)
        }
        #expect(isolated == 203)                         // isolated n0: 203
        #expect(maxIn == 2047 && maxOut == 705)
        // Most cited works named in PROVENANCE (arcs citing → cited, in-degree = times cited).
        let labels = try #require(input.attributes["label"])
        let inDegreeOf: (String) -> Int? = { label in
            labels.firstIndex(of: label).map { g.inDegree(Int32($0)) }
        }
        #expect(inDegreeOf("BARABASI_A(1999)286:509") == 2047)  // Barabási & Albert 1999
        #expect(inDegreeOf("WATTS_D(1998)393:440") == 1992)     // Watts & Strogatz 1998
        #expect(inDegreeOf("WASSERMA_S(1994):") == 1754)        // Wasserman & Faust 1994
    }
}
