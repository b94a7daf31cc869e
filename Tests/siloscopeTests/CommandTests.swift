import Foundation
import Testing
import TestSupport

@Suite("CLI end to end", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct CommandTests {
    /// A 4-node graph: a → b, a → c, b → c, c → a, d → c; groups X = {a, b}, Y = {c, d}.
    func tinyGraph() throws -> (URL, String, String) {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("tiny.tsv").path
        try "# citing\tcited\na\tb\na\tc\nb\tc\nc\ta\nd\tc\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let nodes = dir.appendingPathComponent("groups.tsv").path
        try "id\tfield\na\tX\nb\tX\nc\tY\nd\tY\n".write(toFile: nodes, atomically: true, encoding: .utf8)
        return (dir, edges, nodes)
    }

    @Test func metricsJSONHasTheContractKeys() throws {
        let (_, edges, _) = try tinyGraph()
        let r = try CLI.run(["metrics", edges, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let graph = try #require(json["graph"] as? [String: Any])
        #expect(Set(graph.keys) == ["nodes", "arcs", "selfLoops", "duplicateArcs", "weakComponents", "largestWeakComponent", "strongComponents", "acyclic"])
        #expect(graph["nodes"] as? Int == 4)
        #expect(graph["arcs"] as? Int == 5)
        #expect(graph["acyclic"] as? Bool == false)  // a → c → a
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["id"] as? String } == ["a", "b", "c", "d"])
        #expect(nodes[2]["inDegree"] as? Int == 3)
        #expect(Set(nodes[0].keys) == ["id", "inDegree", "outDegree", "pagerank"])
        #expect(r.stderr.contains("read 4 nodes, 5 arcs"))
    }

    @Test func metricsCSVWithSelectedMeasures() throws {
        let (_, edges, _) = try tinyGraph()
        let r = try CLI.run(["metrics", edges, "--metrics", "outDegree", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout == "id,outDegree\na,2\nb,1\nc,1\nd,1\n")
    }

    /// A chain n0 → n1 → … → n9999 (10,000 nodes, more than two batches of 4,096): the CSV is
    /// written in batches, with the header once and every node's row in order; out-degree
    /// is 1 for all but the last node.
    @Test func metricsCSVIsStreamedInBatches() throws {
        let dir = try CLI.temporaryFolder()
        let path = dir.appendingPathComponent("chain.tsv").path
        try (0..<9_999).map { "n\($0)\tn\($0 + 1)\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["metrics", path, "--metrics", "outDegree", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 10_002 && lines.last == "")
        #expect(lines.filter { $0 == "id,outDegree" }.count == 1 && lines[0] == "id,outDegree")
        #expect(lines[1] == "n0,1" && lines[4097] == "n4096,1" && lines[10_000] == "n9999,0")
    }

    /// Hand computation: undirected simple pairs {a,b} XX, {a,c} XY, {b,c} XY, {c,d} YY →
    /// 2 within, 2 across: edge homophily 0.5, E-I (2 − 2)/4 = 0. Directed mixing:
    /// X→X a→b (1), X→Y a→c, b→c (2), Y→X c→a (1), Y→Y d→c (1).
    @Test func bridgingOnAHandWorkedGraph() throws {
        let (_, edges, nodes) = try tinyGraph()
        let r = try CLI.run(["bridging", edges, "--nodes", nodes, "--group", "field"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["attribute"] as? String == "field")
        #expect(json["groups"] as? [String] == ["X", "Y"])
        #expect(json["mixing"] as? [[Int]] == [[1, 2], [1, 1]])
        #expect(json["edgeHomophily"] as? Double == 0.5)
        #expect(json["eiIndex"] as? Double == 0)
        let csv = try CLI.run(["bridging", edges, "--nodes", nodes, "--group", "field", "--format", "csv"])
        #expect(csv.stdout == "citing \\ cited,X,Y\nX,1,2\nY,1,1\n")
    }

    @Test func renderWritesEachFormat() throws {
        let (dir, edges, nodes) = try tinyGraph()
        for ext in ["svg", "pdf", "png"] {
            let out = dir.appendingPathComponent("net.\(ext)").path
            let r = try CLI.run(["render", edges, "--nodes", nodes, "--group", "field", "--figure", "network", "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try #require(FileManager.default.contents(atPath: out))
            let magic: [UInt8] = ext == "png" ? [0x89, 0x50, 0x4E, 0x47] : ext == "pdf" ? Array("%PDF".utf8) : Array("<?xm".utf8)
            #expect(Array(bytes.prefix(4)) == magic)
        }
    }

    // MARK: error paths: each names what is wrong

    @Test func missingInputFile() throws {
        let r = try CLI.run(["metrics", "/nonexistent/graph.tsv"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/nonexistent/graph.tsv: no such file or folder"))
    }

    @Test func unknownMeasure() throws {
        let (_, edges, _) = try tinyGraph()
        let r = try CLI.run(["metrics", edges, "--metrics", "pagerank,eccentricity"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown measure 'eccentricity'; expected one of: inDegree, outDegree, pagerank, betweenness"))
    }

    @Test func unknownGroupAttribute() throws {
        let (_, edges, nodes) = try tinyGraph()
        let r = try CLI.run(["bridging", edges, "--nodes", nodes, "--group", "discipline"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no node attribute 'discipline'"))
        #expect(r.stderr.contains("attributes: field"))
    }

    @Test func renderNeedsAKnownExtension() throws {
        let (_, edges, _) = try tinyGraph()
        let r = try CLI.run(["render", edges, "--figure", "network", "--out", "figure.jpeg"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--out must end in .svg, .pdf or .png (got 'figure.jpeg')"))
    }

    @Test func badEdgeListLineIsLocated() throws {
        let dir = try CLI.temporaryFolder()
        let path = dir.appendingPathComponent("bad.tsv").path
        try "a\tb\nc\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["metrics", path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.tsv:2"), "\(r.stderr)")
    }

    @Test func datasetFolderRejectsGraphFileOptions() throws {
        let r = try CLI.run(["metrics", "Datasets/coproduction-models", "--reverse"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--reverse: a dataset's citation layer is always citing → cited"))
    }

    @Test func reportOfABrokenDatasetLeavesThePreviousReport() throws {
        let dir = try CLI.temporaryFolder()
        let data = dir.appendingPathComponent("Datasets/tiny")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try "name: tiny\ntitle: Tiny\nsource: a test\nworks: {file: works.csv}\ngroup: field\n".write(
            to: data.appendingPathComponent("dataset.yml"), atomically: true, encoding: .utf8)
        try "id,label,field,source\nw1,W one,X,test\nw2,W two,Y,test\n".write(
            to: data.appendingPathComponent("works.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("Reports").path
        let first = try CLI.run(["report", data.path, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        let index = out + "/tiny/index.html"
        let before = try #require(FileManager.default.contents(atPath: index))
        // Break the dataset: a duplicate id.
        try "id,label,field,source\nw1,W one,X,test\nw1,again,Y,test\n".write(
            to: data.appendingPathComponent("works.csv"), atomically: true, encoding: .utf8)
        let second = try CLI.run(["report", data.path, "--out", out])
        #expect(second.status != 0)
        #expect(second.stderr.contains("works.csv:3"), "\(second.stderr)")
        #expect(FileManager.default.contents(atPath: index) == before)
        // batch marks the failure in the index and exits non-zero.
        let batch = try CLI.run(["batch", dir.appendingPathComponent("Datasets").path, "--out", out])
        #expect(batch.status == 1)
        let md = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        #expect(md.contains("| tiny |"))
        #expect(md.contains("failed: "))
        #expect(FileManager.default.contents(atPath: index) == before)
    }

    @Test func batchIsDeterministic() throws {
        let dir = try CLI.temporaryFolder()
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        #expect(try CLI.run(["batch", "Datasets", "--out", a]).status == 0)
        #expect(try CLI.run(["batch", "Datasets", "--out", b]).status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: a).sorted()
        #expect(files.contains("coproduction-models/index.html"))
        #expect(files.contains("index.md"))
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: b).sorted()))
        for f in files {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: a + "/" + f, isDirectory: &isDir), !isDir.boolValue {
                #expect(FileManager.default.contents(atPath: a + "/" + f) == FileManager.default.contents(atPath: b + "/" + f), "\(f) differs")
            }
        }
    }
}

@Suite("import command", .enabled(if: CLI.binary != nil && SharedData.seedsPath != nil, "needs the built executable and ../shared/seeds"))
struct ImportCommandTests {
    /// Seeds 000 and 003 print 41 and 53 numbered references (seeds/README.md; issue 3).
    @Test func importsTwoSeedListsAndTheResultReports() throws {
        let seeds = try #require(SharedData.seedsPath)
        let dir = try CLI.temporaryFolder()
        let out = dir.appendingPathComponent("reviews").path
        let r = try CLI.run(["import", seeds + "/000_ff49b50716e36448.txt", seeds + "/003_395efd9858a5889f.txt", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "references-text")
        #expect(json["records"] as? Int == 2)
        #expect(json["references"] as? Int == 94)
        for file in ["dataset.yml", "works.csv", "citations.csv", "references.csv", "matches.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) missing")
        }
        let report = try CLI.run(["report", out, "--out", dir.appendingPathComponent("Reports").path])
        #expect(report.status == 0, "\(report.stderr)")
    }

    @Test func unrecognisedContentAsksForAFormat() throws {
        let dir = try CLI.temporaryFolder()
        let path = dir.appendingPathComponent("notes.txt").path
        try "just a sentence, not a list\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["import", path, "--out", dir.appendingPathComponent("x").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("notes.txt:1: format not recognised from the content"))
        #expect(r.stderr.contains("name it with --format"))
    }
}

@Suite("mainpath command", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct MainpathCommandTests {
    /// Issue 7's hand-worked fixture, arcs in knowledge-flow direction (cited → citing):
    /// 1→2, 2→3, 2→4, 3→5, 4→5. Source 1, sink 5, two source–sink paths (1-2-3-5,
    /// 1-2-4-5), so SPC: 1→2 = 2, every other arc 1. Both paths total 4: a tie at node 2,
    /// broken towards the smaller index (3).
    @Test func globalMainPathOnTheHandWorkedFixture() throws {
        let dir = try CLI.temporaryFolder()
        let path = dir.appendingPathComponent("flow.tsv").path
        try "1\t2\n2\t3\n2\t4\n3\t5\n4\t5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["mainpath", path, "--reverse", "--search", "global", "--weight", "spc"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["weight", "search", "arcs", "nodes", "totalWeight", "ties", "cyclesRemoved"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["weight"] as? String == "spc")
        #expect(json["search"] as? String == "global")
        #expect(json["nodes"] as? [String] == ["1", "2", "3", "5"])
        let arcs = try #require(json["arcs"] as? [[String: Any]])
        #expect(arcs.map { $0["weight"] as? Double } == [2, 1, 1])
        #expect(arcs.first?["from"] as? String == "1")
        #expect(json["totalWeight"] as? Double == 4)
        #expect((json["ties"] as? [Any])?.isEmpty == false)
        let dot = try CLI.run(["mainpath", path, "--reverse", "--search", "global", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph"))
    }

    /// The sweep grows monotonically with K: more key routes never shrink the network.
    @Test func keyRouteSweep() throws {
        let dir = try CLI.temporaryFolder()
        let path = dir.appendingPathComponent("flow.tsv").path
        try "1\t2\n2\t3\n2\t4\n3\t5\n4\t5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["mainpath", path, "--reverse", "--sweep", "1,2"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["routes"] as? Int } == [1, 2])
        let nodes = rows.compactMap { $0["nodes"] as? Int }
        #expect(nodes.count == 2 && nodes[0] <= nodes[1])
        let bad = try CLI.run(["mainpath", path, "--sweep", "1,x"])
        #expect(bad.stderr.contains("--sweep takes positive whole numbers"))
    }

    @Test func routesMustBePositive() throws {
        let r = try CLI.run(["mainpath", "x.tsv", "--routes", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--routes must be at least 1"))
    }
}

@Suite("bridging null models", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct BridgingNullCommandTests {
    func tiny() throws -> (String, String) {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("e.tsv").path
        try "a\tb\na\tc\nb\tc\nc\ta\nd\tc\ne\tf\nf\td\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let nodes = dir.appendingPathComponent("n.tsv").path
        try "id\tfield\tyear\na\tX\t2001\nb\tX\t2000\nc\tY\t1999\nd\tY\t2002\ne\tX\t2003\nf\tY\t2001\n".write(toFile: nodes, atomically: true, encoding: .utf8)
        return (edges, nodes)
    }

    @Test func sameSeedSameNullBlock() throws {
        let (edges, nodes) = try tiny()
        let args = ["bridging", edges, "--nodes", nodes, "--group", "field", "--null", "permutation", "--permutations", "99", "--seed", "5"]
        let a = try CLI.run(args), b = try CLI.run(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        let null = try #require(json["null"] as? [String: Any])
        #expect(null["model"] as? String == "permutation")
        #expect(null["samples"] as? Int == 99)
        #expect(null["seed"] as? Int == 5)
        // p-values with the +1 correction lie in [1/100, 1].
        let p = try #require((null["pValues"] as? [String: Any])?["edgeHomophily"] as? Double)
        #expect(p >= 0.01 && p <= 1)
    }

    /// Arcs by citing year (X = {a, b, e}, Y = {c, d, f}): 1999 c→a (Y→X); 2000 b→c (X→Y);
    /// 2001 a→b (X→X), a→c (X→Y), f→d (Y→Y); 2002 d→c (Y→Y); 2003 e→f (X→Y). First links:
    /// X→X 2001, X→Y 2000, Y→X 1999, Y→Y 2001.
    @Test func byYearBrokerageAndDiversityBlocks() throws {
        let (edges, nodes) = try tiny()
        let r = try CLI.run(["bridging", edges, "--nodes", nodes, "--group", "field", "--by-year", "year",
                             "--brokerage", "--diversity", "--permutations", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["edgeHomophily"] != nil && json["mixing"] != nil)  // the contract keys stay
        let trajectory = try #require(json["trajectory"] as? [[String: Any]])
        #expect(trajectory.map { $0["year"] as? Int } == [1999, 2000, 2001, 2002, 2003])
        #expect(trajectory.map { $0["arcs"] as? Int } == [1, 1, 3, 1, 1])
        #expect(json["firstLinkYears"] as? [[Int]] == [[2001, 2000], [1999, 2001]])
        let brokerage = try #require(json["brokerage"] as? [String: Any])
        #expect(brokerage["roles"] as? [String] == ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"])
        let diversity = try #require((json["raoStirling"] as? [String: Any])?["nodes"] as? [[String: Any]])
        #expect(diversity.count == 6)
        // Every node has a group: each counts all its references (a: b, c; b: c; d: c; e: f;
        // f: d; c: a), and a work with a diversity counts at least one.
        let counted = Dictionary(uniqueKeysWithValues: diversity.compactMap { n in
            (n["id"] as? String).map { ($0, n["countedReferences"] as? Int) } })
        #expect(counted == ["a": 2, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1])
    }

    @Test func timeRewireNeedsATimeAttribute() throws {
        let (edges, nodes) = try tiny()
        let r = try CLI.run(["bridging", edges, "--nodes", nodes, "--group", "field", "--null", "time-rewire"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--null time-rewire needs --time ATTR"))
        let ok = try CLI.run(["bridging", edges, "--nodes", nodes, "--group", "field", "--null", "time-rewire", "--time", "year", "--permutations", "20"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("\"model\" : \"time-rewire\""))
    }
}

@Suite("import of database exports", .enabled(if: CLI.binary != nil && SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt") != nil, "needs the executable and ../shared/data/formats"))
struct DatabaseImportCommandTests {
    /// formats/PROVENANCE.md: the WoS sample has 8 records and 252 cited references; the
    /// Scopus sample 8 records whose 1196 ';'-pieces hold 381 references (see
    /// SharedFormatFileTests for how that count was measured).
    @Test func wosAndScopusTogetherDetectedFromContent() throws {
        let wos = try #require(SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt"))
        let scopus = try #require(SharedData.path("formats/scopus-csv/bibliometrix-scopus_sample.csv"))
        let dir = try CLI.temporaryFolder()
        let out = dir.appendingPathComponent("wos-scopus").path
        let r = try CLI.run(["import", wos, scopus, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["records"] as? Int == 16)
        #expect(json["references"] as? Int == 633)
        #expect(r.stderr.contains("bibliometrix-wos_sample.txt: wos"))
        #expect(r.stderr.contains("bibliometrix-scopus_sample.csv: scopus"))
        let report = try CLI.run(["report", out, "--out", dir.appendingPathComponent("Reports").path])
        #expect(report.status == 0, "\(report.stderr)")
    }

    @Test func unknownFormatNameIsRejected() throws {
        let r = try CLI.run(["import", "x.txt", "--format", "endnote", "--out", "/tmp/never"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("endnote"))
    }
}

@Suite("render lineage figures", .enabled(if: CLI.binary != nil && SharedData.path("networks/histcite-smagri/SmaGri.net") != nil, "needs the executable and ../shared/data/networks/histcite-smagri"))
struct LineageFigureCommandTests {
    func smagri() throws -> [String] {
        let net = try #require(SharedData.path("networks/histcite-smagri/SmaGri.net"))
        let clu = try #require(SharedData.path("networks/histcite-smagri/SmaGriPY.clu"))
        return [net, "--reverse", "--partition", clu, "--years", "SmaGriPY"]
    }

    @Test func historiographAndMainPathOfSmaGri() throws {
        let dir = try CLI.temporaryFolder()
        for figure in ["historiograph", "mainpath"] {
            let out = dir.appendingPathComponent("\(figure).svg").path
            let r = try CLI.run(["render"] + smagri() + ["--figure", figure, "--top", "20", "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            let svg = try String(contentsOfFile: out, encoding: .utf8)
            #expect(svg.contains("<svg"))
            #expect(svg.contains("1973"))  // the year axis starts with Small (1973)
            #expect(svg.contains("SMALL H"))
        }
    }

    @Test func historiographNeedsYears() throws {
        let net = try #require(SharedData.path("networks/histcite-smagri/SmaGri.net"))
        let r = try CLI.run(["render", net, "--reverse", "--figure", "historiograph", "--out", "/tmp/never.svg"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--figure historiograph needs --years ATTR"))
    }
}

@Suite("report of a network file", .enabled(if: CLI.binary != nil && SharedData.path("networks/centrality-literature/centrality_literature.paj") != nil, "needs the executable and ../shared/data/networks/centrality-literature"))
struct NetworkReportCommandTests {
    /// The centrality literature (Hummon, Doreian & Freeman; ESNA version) is acyclic, 129
    /// works and 613 arcs (PROVENANCE.md); its SPC global main path runs from Bavelas-48
    /// to Freeman-79, the classic path of the main path literature.
    @Test func centralityLiteratureReport() throws {
        let paj = try #require(SharedData.path("networks/centrality-literature/centrality_literature.paj"))
        let dir = try CLI.temporaryFolder()
        let r = try CLI.run(["report", paj, "--reverse", "--years", "centrality_literature_year", "--out", dir.path, "--name", "central"])
        #expect(r.status == 0, "\(r.stderr)")
        let folder = dir.path + "/central"
        for file in ["index.html", "report.md", "metrics.json", "figures/main-path-2.png", "figures/historiograph.svg", "tables/global-main-path.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file) missing")
        }
        let md = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(md.contains("129 works and 613 citation arcs"))
        #expect(md.contains("The network is acyclic"))
        let path = try String(contentsOfFile: folder + "/tables/global-main-path.csv", encoding: .utf8)
        let lines = path.split(separator: "\n")
        #expect(lines.count == 16)  // header + 15 arcs
        #expect(lines[1].contains("Bavelas-48"))
        #expect(lines.last?.contains("Freeman-79") == true)
    }
}

@Suite("render lineage of a dataset", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct DatasetLineageRenderTests {
    @Test func lineageOfTheIntegratedCareDataset() throws {
        let out = try CLI.temporaryFolder().appendingPathComponent("lineage.svg").path
        let r = try CLI.run(["render", "Datasets/integrated-care-codelivery", "--figure", "lineage", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        // Conquer et al. (2024) state the ladder of participation → ladder of co-production lineage.
        #expect(svg.contains("Ladder of"))
        #expect(svg.contains("2015"))  // a year row
    }

    @Test func lineageNeedsADatasetWithLineageArcs() throws {
        let out = try CLI.temporaryFolder().appendingPathComponent("x.svg").path
        let r = try CLI.run(["render", "Datasets/coproduction-reviews", "--figure", "lineage", "--out", out])
        #expect(r.status != 0)
        #expect(r.stderr.contains("has no lineage arcs"))
    }
}

@Suite("report --timings", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct ReportTimingsCommandTests {
    /// The stage table goes to standard error and the report's files do not change.
    @Test func timingsGoToStandardErrorOnly() throws {
        let dir = try CLI.temporaryFolder()
        let file = dir.appendingPathComponent("tiny.tsv")
        try "# citing\tcited\nb\ta\nc\ta\nc\tb\ne\td\n".write(to: file, atomically: true, encoding: .utf8)
        let timed = try CLI.run(["report", file.path, "--out", dir.path + "/timed", "--timings"])
        #expect(timed.status == 0, "\(timed.stderr)")
        #expect(timed.stderr.contains("stage timings (wall clock; cpu: seconds on all cores; peak: resident memory at the stage's end):"))
        #expect(timed.stderr.contains("100.0%  total (cpu "))
        #expect(timed.stderr.contains("; peak resident memory"))
        #expect(!timed.stdout.contains("stage timings"))
        let plain = try CLI.run(["report", file.path, "--out", dir.path + "/plain"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stderr.contains("stage timings"))
        #expect(plain.stderr.contains("s] tiny: main paths"), "progress lines carry the seconds since the start")
        for name in ["report.md", "metrics.json", "index.html", "figures/main-path-1.svg"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/timed/tiny/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/plain/tiny/" + name))
            #expect(a == b, "\(name) differs with --timings")
        }
    }
}
