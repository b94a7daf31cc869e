import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

/// Every error path of the dataset loader, each checking file, line and message.
@Suite("Dataset loader errors")
struct DatasetErrorTests {
    func failure(manifest: String = DatasetFixture.manifest, replacing: [String: String?] = [:],
                 name: String = "demo") throws -> (InputError?, DatasetFixture) {
        let fx = try DatasetFixture(name: name, manifest: manifest, replacing: replacing)
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        return (e, fx)
    }

    @Test("unknown top-level key, with its line")
    func unknownTopKey() throws {
        let (e, fx) = try failure(manifest: DatasetFixture.manifest + "\ncolour: red\n")
        defer { fx.remove() }
        #expect(e?.file == fx.manifestPath)
        #expect(e?.line == 23)
        #expect(e?.field == "colour")
        #expect(e?.message.hasPrefix("unknown key 'colour' in dataset.yml (expected one of: name, title") == true)
    }

    @Test("unknown nested key in works and in a layer, with their lines")
    func unknownNestedKey() throws {
        let m = DatasetFixture.manifest.replacingOccurrences(of: "  file: works.csv\n", with: "  file: works.csv\n  lable: label\n")
        let (e, fx) = try failure(manifest: m)
        defer { fx.remove() }
        #expect(e?.line == 6)
        #expect(e?.message == "unknown key 'lable' in works (expected one of: file, id, label, year, doi)")
        let m2 = DatasetFixture.manifest.replacingOccurrences(of: "    file: cites.csv\n", with: "    file: cites.csv\n    weight: w\n")
        let (e2, fx2) = try failure(manifest: m2)
        defer { fx2.remove() }
        #expect(e2?.line == 21)
        #expect(e2?.message == "unknown key 'weight' in layers entry (expected one of: kind, file, from, to, relation)")
    }

    @Test("missing required key")
    func missingKey() throws {
        let m = DatasetFixture.manifest.replacingOccurrences(of: "title: Demo dataset\n", with: "")
        let (e, fx) = try failure(manifest: m)
        defer { fx.remove() }
        #expect(e?.line == 1)
        #expect(e?.field == "title")
        #expect(e?.message == "missing required key 'title' in dataset.yml")
    }

    @Test("wrong types: a list for text, text for a list, text for a mapping")
    func wrongTypes() throws {
        let (e, fx) = try failure(manifest: DatasetFixture.manifest.replacingOccurrences(of: "title: Demo dataset", with: "title: [a, b]"))
        defer { fx.remove() }
        #expect(e?.line == 2)
        #expect(e?.message == "expected text for 'title' in dataset.yml, found a list")
        let (e2, fx2) = try failure(manifest: DatasetFixture.manifest.replacingOccurrences(of: "group: literature", with: "group: literature\nimports: raw.jsonl"))
        defer { fx2.remove() }
        #expect(e2?.line == 13)
        #expect(e2?.message == "expected a list for 'imports', found the text 'raw.jsonl'")
        let (e3, fx3) = try failure(manifest: DatasetFixture.manifest.replacingOccurrences(of: "works:\n  file: works.csv", with: "works: works.csv"))
        defer { fx3.remove() }
        #expect(e3?.line == 4)
        #expect(e3?.message == "expected a mapping of keys (file, id, label, year, doi), found the text 'works.csv'")
    }

    @Test("unknown layer kind")
    func unknownKind() throws {
        let (e, fx) = try failure(manifest: DatasetFixture.manifest.replacingOccurrences(of: "kind: lineage", with: "kind: ancestry"))
        defer { fx.remove() }
        #expect(e?.line == 21)
        #expect(e?.message == "unknown layer kind 'ancestry' (expected citation, concept, lineage or membership)")
    }

    @Test("YAML syntax error names its line")
    func yamlSyntax() throws {
        let (e, fx) = try failure(manifest: "name: demo\ntitle: [unclosed\nsource: x\n")
        defer { fx.remove() }
        #expect(e?.file == fx.manifestPath)
        #expect(e?.line != nil)
        #expect(e?.message.hasPrefix("invalid YAML:") == true)
    }

    @Test("name must be the folder name")
    func nameMismatch() throws {
        let (e, fx) = try failure(name: "other")
        defer { fx.remove() }
        #expect(e?.field == "name")
        #expect(e?.message == "name 'demo' differs from the folder name 'other'")
    }

    @Test("missing dataset.yml, missing works file, missing layer file")
    func missingFiles() throws {
        let root = NSTemporaryDirectory() + "siloscope-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let e0 = #expect(throws: InputError.self) { _ = try Dataset.load(folder: root) }
        #expect(e0?.message == "file not found: a dataset folder needs a dataset.yml")
        let (e, fx) = try failure(replacing: ["works.csv": nil])
        defer { fx.remove() }
        #expect(e?.file == fx.manifestPath)
        #expect(e?.line == 4)
        #expect(e?.message == "file 'works.csv' not found in \(fx.folder)")
        let (e2, fx2) = try failure(replacing: ["lineage.csv": nil])
        defer { fx2.remove() }
        #expect(e2?.line == 21)
        #expect(e2?.message == "file 'lineage.csv' not found in \(fx2.folder)")
    }

    @Test("missing columns: id, explicit label, layer endpoint, mapping value, home")
    func missingColumns() throws {
        let (e, fx) = try failure(replacing: ["works.csv": "key,label\nw1,x\n"])
        defer { fx.remove() }
        #expect(e?.file == fx.folder + "/works.csv")
        #expect(e?.line == 1)
        #expect(e?.message == "id column 'id' not found in the header (columns: key, label)")
        let m = DatasetFixture.manifest.replacingOccurrences(of: "  file: works.csv\n", with: "  file: works.csv\n  label: title\n")
        let (e2, fx2) = try failure(manifest: m)
        defer { fx2.remove() }
        #expect(e2?.message == "label column 'title' not found in the header (columns: id, label, year, discipline, source)")
        let (e3, fx3) = try failure(replacing: ["cites.csv": "from,cited\nw3,w1\n"])
        defer { fx3.remove() }
        #expect(e3?.file == fx3.folder + "/cites.csv")
        #expect(e3?.field == "citing")
        #expect(e3?.message == "from column 'citing' not found in the header (columns: from, cited)")
        let (e4, fx4) = try failure(replacing: ["literatures.csv": "discipline,lit\nx,y\n"])
        defer { fx4.remove() }
        #expect(e4?.message == "value column 'literature' not found in the header (columns: discipline, lit)")
        let (e5, fx5) = try failure(replacing: ["concept-vocabulary.csv": "id,label\ntrust,Trust\n"])
        defer { fx5.remove() }
        #expect(e5?.message == "home column 'home_literature' not found in the header (columns: id, label)")
    }

    @Test("duplicate work id names both lines; duplicate concept id; concept id equal to a work id")
    func duplicates() throws {
        let works = "id,label\nw1,a\nw2,b\nw3,c\nw4,d\nw5,e\nw2,again\n"
        let m = DatasetFixture.manifest.replacingOccurrences(of: "group: literature\n", with: "")
            .replacingOccurrences(of: "mappings:\n  - file: literatures.csv\n    from: discipline\n    key: discipline\n    value: literature\n    as: literature\n", with: "")
        let (e, fx) = try failure(manifest: m, replacing: ["works.csv": works])
        defer { fx.remove() }
        #expect(e?.description == "\(fx.folder)/works.csv:7: id: duplicate work id 'w2' (first on line 3)")
        let vocabulary = "id,label,home_literature\ntrust,T,\nsdl,S,\ntrust,again,\n"
        let (e2, fx2) = try failure(replacing: ["concept-vocabulary.csv": vocabulary])
        defer { fx2.remove() }
        #expect(e2?.line == 4)
        #expect(e2?.message == "duplicate concept id 'trust' (first on line 2)")
        let clash = "id,label,home_literature\ntrust,T,\nsdl,S,\nebcd,E,\nw4,W,\n"
        let (e3, fx3) = try failure(replacing: ["concept-vocabulary.csv": clash])
        defer { fx3.remove() }
        #expect(e3?.line == 5)
        #expect(e3?.message == "concept id 'w4' is also a work id (\(fx3.folder)/works.csv:5)")
    }

    @Test("arc to an unknown work (citation) and to an unknown node (concept layer), with the CSV line")
    func unknownEndpoints() throws {
        let (e, fx) = try failure(replacing: ["cites.csv": "citing,cited,source\nw3,w1,s:1\nw3,w9,s:2\n"])
        defer { fx.remove() }
        #expect(e?.description == "\(fx.folder)/cites.csv:3: cited: 'w9' is not a work id of works.csv")
        let (e2, fx2) = try failure(replacing: ["cites.csv": "citing,cited\ntrust,w1\n"])
        defer { fx2.remove() }
        #expect(e2?.line == 2)
        #expect(e2?.message == "'trust' is not a work id of works.csv")
        let (e3, fx3) = try failure(replacing: ["concepts.csv": "work,concept\nw1,trust\nw2,governance\n"])
        defer { fx3.remove() }
        #expect(e3?.line == 3)
        #expect(e3?.field == "concept")
        #expect(e3?.message == "'governance' is neither a work nor a concept id (works.csv or concept-vocabulary.csv)")
        let (e4, fx4) = try failure(replacing: ["lineage.csv": "from,to\nebcd,\n"])
        defer { fx4.remove() }
        #expect(e4?.line == 2)
        #expect(e4?.message == "empty endpoint")
    }

    @Test("membership layer: tail must be a work, head is free text")
    func membership() throws {
        let m = DatasetFixture.manifest + "\n  - kind: membership\n    file: members.csv\n"
        let fx = try DatasetFixture(manifest: m, replacing: ["members.csv": "work,literature\nw1,PAM\nw3,HSR/QI\n"])
        defer { fx.remove() }
        let d = try Dataset.load(folder: fx.folder)
        #expect(d.memberships.map(\.to) == ["PAM", "HSR/QI"])
        let (e, fx2) = try failure(manifest: m, replacing: ["members.csv": "work,literature\nPAM,w1\n"])
        defer { fx2.remove() }
        #expect(e?.line == 2)
        #expect(e?.message == "'PAM' is not a work id of works.csv")
    }

    @Test("mapping: duplicate key names both lines; from column missing; as collides; group unknown")
    func mappingErrors() throws {
        let (e, fx) = try failure(replacing: ["literatures.csv": "discipline,literature\nA,PAM\nB,Soc\nA,HSR\n"])
        defer { fx.remove() }
        #expect(e?.description == "\(fx.folder)/literatures.csv:4: discipline: duplicate key 'A' (first on line 2)")
        let (e2, fx2) = try failure(manifest: DatasetFixture.manifest.replacingOccurrences(of: "from: discipline", with: "from: field"))
        defer { fx2.remove() }
        #expect(e2?.file == fx2.folder + "/works.csv")
        #expect(e2?.message.hasPrefix("column 'field' named by the mapping at \(fx2.manifestPath):7 not found in the header") == true)
        let (e3, fx3) = try failure(manifest: DatasetFixture.manifest.replacingOccurrences(of: "as: literature", with: "as: year")
            .replacingOccurrences(of: "group: literature", with: "group: year"))
        defer { fx3.remove() }
        #expect(e3?.line == 7)
        #expect(e3?.message == "mapping target 'year' is already a work attribute")
        let (e4, fx4) = try failure(manifest: DatasetFixture.manifest.replacingOccurrences(of: "group: literature", with: "group: school"))
        defer { fx4.remove() }
        #expect(e4?.line == 12)
        #expect(e4?.message.hasPrefix("group 'school' is neither a column of works.csv nor a mapping's 'as'") == true)
    }

    @Test("empty work id and missing import file")
    func otherErrors() throws {
        let (e, fx) = try failure(replacing: ["works.csv": "id,label\n,x\n"])
        defer { fx.remove() }
        #expect(e?.line == 2)
        #expect(e?.message == "empty work id")
        let (e2, fx2) = try failure(manifest: DatasetFixture.manifest + "\nimports:\n  - {format: openalex, file: raw/works.jsonl}\n")
        defer { fx2.remove() }
        #expect(e2?.line == 24)
        #expect(e2?.message == "file 'raw/works.jsonl' not found in \(fx2.folder)")
    }
}
