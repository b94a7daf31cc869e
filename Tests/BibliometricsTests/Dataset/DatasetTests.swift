import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

@Suite("Dataset loader")
struct DatasetTests {
    @Test("manifest: required keys, defaults by layer kind, lines")
    func manifest() throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let m = try DatasetManifest.read(path: fx.manifestPath)
        #expect(m.name == "demo" && m.title == "Demo dataset")
        #expect(m.works.file == "works.csv" && m.works.id == "id" && m.works.label == nil)
        #expect(m.mappings.first?.as == "literature")
        #expect(m.mappings.first?.line == 7)
        #expect(m.group == "literature" && m.groupLine == 12)
        #expect(m.concepts?.home == "home_literature")
        #expect(m.layers.map(\.kind) == [.concept, .citation, .lineage])
        #expect(m.layers[0].from == "work" && m.layers[0].to == "concept")
        #expect(m.layers[1].from == "citing" && m.layers[1].to == "cited")
        #expect(m.layers[2].from == "from" && m.layers[2].to == "to")
        #expect(m.imports.isEmpty)
    }

    @Test("works, mapping with unmapped and empty values counted, concepts, layers with provenance")
    func load() throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let d = try Dataset.load(folder: fx.folder)
        #expect(d.workIDs == ["w1", "w2", "w3", "w4", "w5"])
        #expect(d.workLines == [2, 3, 4, 5, 6])
        #expect(d.workLabels == ["Ostrom, E", "Bovaird", "Batalden", "Unknown", "NoField"])
        #expect(d.workAttributes["literature"] == ["PAM", "PAM", "HSR/QI", nil, nil])
        #expect(d.workAttributes["discipline"]?[4] == nil)
        let mapping = try #require(d.mappings.first)
        #expect(mapping.mapped == 3 && mapping.unmapped == 1 && mapping.emptySource == 1)
        #expect(mapping.unmappedValues == ["Astrology"])
        // The missing group is explicit in the partition, never dropped.
        let partition = Partition(values: try #require(d.workAttributes["literature"]))
        #expect(partition.groupNames == ["HSR/QI", "PAM", Partition.missingLabel])
        #expect(d.conceptIDs == ["trust", "sdl", "ebcd"])
        #expect(d.conceptAttributes["home_literature"] == [nil, "PAM", "HSR/QI"])
        #expect(d.layers.map { $0.arcs.count } == [7, 1, 1])
        let first = try #require(d.layers.first?.arcs.first)
        #expect(first == DatasetArc(from: "w1", to: "trust", relation: "uses", file: "concepts.csv", line: 2, source: "s.txt:20"))
        #expect(first.provenance == "concepts.csv:2 (s.txt:20)")
    }

    @Test("citation graph over all works, arcs with provenance; zero arcs when no citation layer")
    func citationGraph() throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let d = try Dataset.load(folder: fx.folder)
        let c = d.citationGraph()
        #expect(c.graph.nodeCount == 5)
        #expect(c.graph.arcCount == 1)
        #expect(c.graph.ids[Int(c.graph.tail(ofArc: 0))] == "w3")
        #expect(c.graph.ids[Int(c.graph.outTargets[0])] == "w1")
        #expect(c.arcs.first?.provenance == "cites.csv:2 (s.txt:30)")
        #expect(c.attributes["literature"]?.count == 5)

        let noCites = DatasetFixture.manifest.replacingOccurrences(of: "  - kind: citation\n    file: cites.csv\n", with: "")
        let fx2 = try DatasetFixture(manifest: noCites)
        defer { fx2.remove() }
        let empty = try Dataset.load(folder: fx2.folder).citationGraph()
        #expect(empty.graph.nodeCount == 5 && empty.graph.arcCount == 0)
    }

    @Test("bipartite concept graph and lineage graph over works + concepts")
    func conceptAndLineage() throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let d = try Dataset.load(folder: fx.folder)
        let b = d.conceptGraph()
        #expect(b.graph.nodeCount == 8)
        #expect(b.graph.arcCount == 6)       // the repeated (w3, trust) row is dropped…
        #expect(b.duplicateArcs == 1)        // …and counted
        #expect(b.attributes["kind"] == ["work", "work", "work", "work", "work", "concept", "concept", "concept"])
        #expect(b.attributes["label"]?[6] == "Service-dominant logic")
        #expect(b.attributes["home_literature"]?[6] == "PAM")
        #expect(b.attributes["literature"]?[0] == "PAM")
        #expect(b.attributes["source"]?[0] == "s.txt:1")
        #expect(b.attributes["source"]?[5] == "s.txt:10")
        let l = d.lineageGraph()
        #expect(l.graph.arcCount == 1)
        let ebcd = try #require(l.graph.index(of: "ebcd")), sdl = try #require(l.graph.index(of: "sdl"))
        #expect(Array(l.graph.successors(of: ebcd)) == [sdl])
        #expect(l.arcs.first?.relation == "extends")
    }

    @Test("concept co-use: pairs, weights and linking concepts by hand")
    func coUse() throws {
        // trust: {w1, w2, w3}; sdl: {w2, w3}; ebcd: {w4} (w3-trust twice counts once).
        // Pairs: w1–w2 {trust}, w1–w3 {trust}, w2–w3 {trust, sdl}; w4, w5 isolated.
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let co = try Dataset.load(folder: fx.folder).conceptCoUse()
        #expect(co.links == [
            .init(a: 0, b: 1, concepts: ["trust"]),
            .init(a: 0, b: 2, concepts: ["trust"]),
            .init(a: 1, b: 2, concepts: ["trust", "sdl"]),
        ])
        #expect(co.links.map(\.weight) == [1, 1, 2])
        let g = co.graph()
        #expect(g.nodeCount == 5 && g.arcCount == 3)
        #expect(g.weights == [1, 1, 2])
        #expect(g.undirectedSimple().edgeCount == 3)
        #expect(co.pairsPerConcept() == ["trust": 3, "sdl": 1])
    }

    @Test("summary lines and dataset-folder detection")
    func summary() throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let d = try Dataset.load(folder: fx.folder)
        #expect(d.summaryLines() == [
            "5 works (works.csv)",
            "3 concepts (concept-vocabulary.csv)",
            "concept layer concepts.csv: 7 arcs",
            "citation layer cites.csv: 1 arcs",
            "lineage layer lineage.csv: 1 arcs",
            "literature from literatures.csv: 3 works mapped, 1 unmapped, 1 without a value (unmapped values: Astrology) -> group (missing)",
        ])
        #expect(Dataset.isDatasetFolder(fx.folder))
        // The folder name is resolved, so "demo/" and "demo/../demo" work too.
        #expect(try Dataset.load(folder: fx.folder + "/").workIDs.count == 5)
        #expect(try Dataset.load(folder: fx.folder + "/../demo").workIDs.count == 5)
        #expect(!Dataset.isDatasetFolder(fx.manifestPath))
        #expect(!Dataset.isDatasetFolder(fx.root))
    }

    @Test("discover lists dataset folders sorted by name, skipping others")
    func discover() throws {
        let root = NSTemporaryDirectory() + "siloscope-disc-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["zeta", "Alpha", "beta", "no-manifest", ".hidden"] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            if name != "no-manifest" { try Data("name: x".utf8).write(to: URL(fileURLWithPath: root + "/" + name + "/dataset.yml")) }
        }
        #expect(try Dataset.discover(in: root) == [root + "/Alpha", root + "/beta", root + "/zeta"])
        let e = #expect(throws: InputError.self) { _ = try Dataset.discover(in: root + "/absent") }
        #expect(e?.message == "folder not found")
    }
}
