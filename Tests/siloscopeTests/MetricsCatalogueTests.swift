import Testing
import NetworkCore
import Reporting
@testable import siloscope

/// `metrics` computes through the analysis catalogue: every `--metrics` choice has an
/// entry with the same key, and the counts are the catalogue's counts.
@Suite("Metrics and the analysis catalogue")
struct MetricsCatalogueTests {
    @Test func everyMetricsChoiceHasACatalogueEntry() {
        for m in MetricsCommand.Measure.allCases {
            #expect(AnalysisCatalogue.measure(m.rawValue)?.key == m.rawValue, "no catalogue entry for \(m.rawValue)")
        }
        #expect(Set(AnalysisCatalogue.measures.map(\.key)) == Set(MetricsCommand.Measure.allCases.map(\.rawValue)))
        let counts = Set(MetricsCommand.Measure.allCases.filter(\.isCount).map(\.rawValue))
        #expect(counts == ["inDegree", "outDegree", "coreness", "inCoreness", "outCoreness", "louvain", "leiden"])
    }
}
