import Foundation
import Testing
import TestSupport

/// `siloscope convert` read by the peers: the fixture `Fixtures/convert-peers.json` holds
/// what NetworkX and igraph read from the files `convert` writes (made by
/// `scripts/peers/convert_peers.py`), with each file's SHA-256. These tests rerun
/// `convert`, check the bytes are the ones the peers read (else the fixture is stale:
/// rerun the script), and compare the peers' readings with the source data.
@Suite("CLI: convert read by NetworkX and igraph", .enabled(if: CLI.binary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"),
                                                              "needs the siloscope executable and sha256sum"))
struct ConvertPeerTests {
    struct Fixture: Decodable {
        struct Case: Decodable { var args: [String]; var prepare: [String]?; var formats: [String: Format]; var works: Works? }
        /// The imported dataset's works.csv as Python's csv module read it.
        struct Works: Decodable {
            struct Row: Decodable { var index: Int; var id: String; var category: String }
            var count: Int
            var distinct_labels: Int
            var with_category: Int
            var sampled: [Row]
        }
        struct Format: Decodable { var sha256: String; var networkx: Reading; var igraph: Reading? }
        struct Reading: Decodable {
            var nodes: Int
            var arcs: Int
            var directed: Bool
            var nodes_read: [Node]?
            var labels: [String]?
        }
        struct Node: Decodable { var index: Int; var id: String?; var label: String?; var attributes: [String: String?] }
        var cases: [String: Case]
    }

    static func fixture() throws -> Fixture {
        let path = SharedData.packageRoot + "/Tests/siloscopeTests/Fixtures/convert-peers.json"
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func sha256(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    /// Runs convert for `name` to every format of the fixture and checks the bytes.
    static func convertMatchesFixture(_ name: String, _ c: Fixture.Case, shared: String?) throws {
        let dir = try CLI.temporaryFolder()
        // A case with `prepare` imports a corpus first into a folder named dse-wos (GEXF records the name).
        let dataset = dir.appendingPathComponent("dse-wos").path
        func expand(_ a: String) -> String {
            a.replacingOccurrences(of: "$SHARED", with: shared ?? "").replacingOccurrences(of: "$DATASET", with: dataset)
        }
        if let prepare = c.prepare {
            let run = try CLI.run(prepare.map(expand))
            #expect(run.status == 0, "\(run.stderr)")
        }
        let args = c.args.map(expand)
        for (format, ext) in [("gexf", "gexf"), ("graphml", "graphml"), ("pajek", "net")] {
            let out = dir.appendingPathComponent("\(name).\(ext)").path
            let run = try CLI.run(["convert"] + args + ["--to", format, "--out", out])
            #expect(run.status == 0, "\(run.stderr)")
            let expected = try #require(c.formats[format]).sha256
            #expect(try sha256(out) == expected,
                    "convert --to \(format) for \(name) no longer writes the bytes the peers read: rerun python3 scripts/peers/convert_peers.py")
        }
    }

    /// The labels of the tricky fixture, written out by hand (the node table says them).
    static let trickyLabels = [
        "Quote \"inner\" & <tag>", "Müller, Ångström; naïve — 東京", "line one\nline two\ttab",
        "back\\slash {brace} [bracket] 'apos'", "a]]>b -- c->d %pct #hash",
    ]

    @Test("awkward labels survive GEXF and GraphML in NetworkX and igraph; Pajek as documented")
    func trickyLabels() throws {
        let fixture = try Self.fixture()
        let c = try #require(fixture.cases["tricky"])
        try Self.convertMatchesFixture("tricky", c, shared: nil)
        let gexf = try #require(c.formats["gexf"]).networkx
        #expect(gexf.nodes == 5 && gexf.arcs == 7 && gexf.directed)
        #expect(gexf.nodes_read?.map(\.label) == Self.trickyLabels)
        #expect(gexf.nodes_read?.map(\.id) == ["a", "b", "c", "d", "e"])
        // Missing values stay missing: c has no literature, d no year, e no score.
        #expect(gexf.nodes_read?[2].attributes["literature"] == nil)
        #expect(gexf.nodes_read?[3].attributes["year"] == nil)
        #expect(gexf.nodes_read?[0].attributes["year"] == "1999")
        let graphml = try #require(c.formats["graphml"])
        for reading in [graphml.networkx, try #require(graphml.igraph)] {
            #expect(reading.nodes == 5 && reading.arcs == 7 && reading.directed)
            #expect(reading.nodes_read?.map(\.label) == Self.trickyLabels)
            #expect(reading.nodes_read?[1].attributes["literature"] == "Sociology")
            // igraph reads numbers as floats ("2001.0"), NetworkX keeps the integer.
            #expect(reading.nodes_read?[1].attributes["year"].flatMap { $0.flatMap(Double.init) } == 2001)
        }
        // Pajek cannot hold a double quote or a line break: apostrophe and spaces, as documented.
        let pajekLabels = Self.trickyLabels.map { String($0.map { $0 == "\"" ? "'" : ($0 == "\n" || $0 == "\t" ? " " : $0) }) }
        let pajek = try #require(c.formats["pajek"])
        #expect(pajek.networkx.labels == pajekLabels)
        #expect(pajek.igraph?.labels == pajekLabels)
        #expect(pajek.networkx.arcs == 7 && pajek.igraph?.arcs == 7)
    }

    @Test("Cora with its labels, PageRank and communities: counts and sampled attributes as the peers read them")
    func cora() throws {
        guard let shared = SharedData.root, let labelsPath = SharedData.path("networks/cora/cora-labels-by-paper-id.tsv") else {
            print(SharedData.skipMessage("networks/cora")); return
        }
        let fixture = try Self.fixture()
        let c = try #require(fixture.cases["cora"])
        try Self.convertMatchesFixture("cora", c, shared: shared)
        // Cora: 2708 papers, 5429 citation arcs (PROVENANCE).
        var classOf: [String: String] = [:]
        let table = try String(contentsOfFile: labelsPath, encoding: .utf8)
        // The table: a '#' header line, then "paper_id<TAB>class_name" rows.
        for line in table.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2 { classOf[String(fields[0])] = String(fields[1]) }
        }
        #expect(classOf.count == 2708)
        let gexf = try #require(c.formats["gexf"]).networkx
        let graphml = try #require(c.formats["graphml"])
        for reading in [gexf, graphml.networkx, try #require(graphml.igraph)] {
            #expect(reading.nodes == 2708 && reading.arcs == 5429 && reading.directed)
        }
        for node in gexf.nodes_read ?? [] {
            let id = try #require(node.id)
            #expect(node.attributes["class_name"] == classOf[id], "class of \(id)")
            #expect(node.attributes["pagerank"].flatMap { $0.flatMap(Double.init) } != nil)
        }
        for node in graphml.igraph?.nodes_read ?? [] {
            let id = try #require(node.attributes["id"] ?? nil)
            #expect(node.attributes["class_name"] == classOf[id], "class of \(id)")
        }
        let pajek = try #require(c.formats["pajek"])
        #expect(pajek.networkx.nodes == 2708 && pajek.igraph?.nodes == 2708 && pajek.igraph?.arcs == 5429)
    }

    @Test("an imported WoS corpus with literatures: every work and arc, and each sampled work's literature, as the peers read them")
    func importedCorpus() throws {
        guard let shared = SharedData.root, SharedData.path("corpora/dse-citan/wos.txt") != nil else {
            print(SharedData.skipMessage("corpora/dse-citan")); return
        }
        let fixture = try Self.fixture()
        let c = try #require(fixture.cases["corpus"])
        try Self.convertMatchesFixture("corpus", c, shared: shared)
        let works = try #require(c.works)
        // corpora/PROVENANCE.md: 146 WoS records citing 5,050 references; the import merges
        // variants into works, every reference line is one arc (5,042 distinct citing→cited pairs).
        let gexf = try #require(c.formats["gexf"]).networkx
        let graphml = try #require(c.formats["graphml"])
        for reading in [gexf, graphml.networkx, try #require(graphml.igraph)] {
            #expect(reading.nodes == works.count && reading.directed)
            #expect(reading.arcs == gexf.arcs)
        }
        #expect(works.with_category >= 146, "every citing record has its WoS categories")
        let categoryOf = Dictionary(works.sampled.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        var placed = 0
        for node in gexf.nodes_read ?? [] {
            let id = try #require(node.id)
            let category = try #require(categoryOf[id], "sampled node \(id) is a work of works.csv")
            // literatures.csv as imported maps each category to itself; no category, no literature.
            #expect((node.attributes["literature"] ?? nil) == (category.isEmpty ? nil : category), "literature of \(id)")
            if !category.isEmpty { placed += 1 }
        }
        #expect(placed > 0)
        for node in graphml.igraph?.nodes_read ?? [] {
            let id = try #require(node.attributes["id"] ?? nil)
            let category = try #require(categoryOf[id])
            #expect((node.attributes["literature"] ?? nil).map { $0.isEmpty ? nil : $0 } ?? nil == (category.isEmpty ? nil : category))
        }
        // Pajek: igraph keeps every vertex; NetworkX keys Pajek vertices by label, so works
        // sharing a label ("Smith 2010") become one of its nodes.
        let pajek = try #require(c.formats["pajek"])
        #expect(pajek.igraph?.nodes == works.count && pajek.igraph?.arcs == gexf.arcs)
        #expect(pajek.networkx.nodes == works.distinct_labels)
    }
}
