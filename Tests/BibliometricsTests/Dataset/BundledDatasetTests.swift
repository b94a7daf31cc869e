import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import Bibliometrics

/// Loads every bundled dataset under `Datasets/` (or `$SILOSCOPE_DATASETS_DIR`): each
/// must pass every validation rule, and its counts must agree with its files.
@Suite("Bundled datasets")
struct BundledDatasetTests {
    static let directory: String = ProcessInfo.processInfo.environment["SILOSCOPE_DATASETS_DIR"]
        ?? SharedData.packageRoot + "/Datasets"
    static var present: Bool { FileManager.default.fileExists(atPath: directory) }

    @Test("every bundled dataset loads and validates",
          .enabled(if: present, "no Datasets/ folder in this checkout"))
    func loadAll() throws {
        let folders = try Dataset.discover(in: Self.directory)
        #expect(!folders.isEmpty)
        for folder in folders {
            let d = try Dataset.load(folder: folder)
            #expect(!d.workIDs.isEmpty, "\(folder) has no works")
            let citations = d.citationGraph()
            #expect(citations.graph.nodeCount == d.workIDs.count)
            let concepts = d.conceptGraph()
            #expect(concepts.graph.nodeCount == d.workIDs.count + d.conceptIDs.count)
            // Every arc keeps the row it came from.
            #expect(concepts.arcs.allSatisfy { $0.line >= 2 })
            let co = d.conceptCoUse()
            #expect(co.links.allSatisfy { $0.a < $0.b && !$0.concepts.isEmpty })
            if let group = d.group { #expect(d.workAttributes.has(group)) }
        }
    }

    @Test("coproduction-models: 73 included articles; literature mapping applied",
          .enabled(if: FileManager.default.fileExists(atPath: directory + "/coproduction-models/dataset.yml"),
                   "no Datasets/coproduction-models in this checkout"))
    func coproduction() throws {
        let d = try Dataset.load(folder: Self.directory + "/coproduction-models")
        // Robert et al. (2024) include 73 articles (seeds/README.md).
        #expect(d.workIDs.count == 73)
        let literature = try #require(d.workAttributes["literature"])
        #expect(literature.contains("PAM"))
        #expect(literature.contains("HSR/QI"))
        #expect(d.mappings.first?.attribute == "literature")
    }
}
