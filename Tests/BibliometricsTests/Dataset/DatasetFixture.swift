import Foundation

/// A small dataset folder written into a fresh temporary directory, file by file, so
/// each test can break exactly one thing.
struct DatasetFixture {
    let root: String
    let folder: String

    static let manifest = """
        name: demo
        title: Demo dataset
        source: hand-written test fixture
        works:
          file: works.csv
        mappings:
          - file: literatures.csv
            from: discipline
            key: discipline
            value: literature
            as: literature
        group: literature
        concepts:
          file: concept-vocabulary.csv
          home: home_literature
        layers:
          - kind: concept
            file: concepts.csv
          - kind: citation
            file: cites.csv
          - kind: lineage
            file: lineage.csv
        """

    static let files: [String: String] = [
        "works.csv": """
            id,label,year,discipline,source
            w1,"Ostrom, E",1996,Public administration,s.txt:1
            w2,Bovaird,2007,Public management,s.txt:2
            w3,Batalden,2016,Health services research,s.txt:3
            w4,Unknown,2020,Astrology,s.txt:4
            w5,NoField,2021,,s.txt:5

            """,
        "literatures.csv": """
            discipline,literature,reason
            Public administration,PAM,named in the review
            Public management,PAM,named in the review
            Health services research,HSR/QI,named in the review

            """,
        "concept-vocabulary.csv": """
            id,label,home_literature,source
            trust,Trust,,s.txt:10
            sdl,Service-dominant logic,PAM,s.txt:11
            ebcd,Experience-based co-design,HSR/QI,s.txt:12

            """,
        "concepts.csv": """
            work,concept,relation,source
            w1,trust,uses,s.txt:20
            w2,trust,uses,s.txt:21
            w2,sdl,uses,s.txt:22
            w3,sdl,uses,s.txt:23
            w3,trust,uses,s.txt:24
            w3,trust,uses,s.txt:25
            w4,ebcd,uses,s.txt:26

            """,
        "cites.csv": "citing,cited,source\nw3,w1,s.txt:30\n",
        "lineage.csv": "from,to,relation,source\nebcd,sdl,extends,s.txt:40\n",
    ]

    init(name: String = "demo", manifest: String = DatasetFixture.manifest,
         replacing: [String: String?] = [:]) throws {
        root = NSTemporaryDirectory() + "siloscope-ds-" + UUID().uuidString
        folder = root + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write("dataset.yml", manifest)
        for (file, content) in Self.files where replacing[file] == nil {
            try write(file, content)
        }
        for (file, content) in replacing {
            if let content = content { try write(file, content) }
        }
    }

    func write(_ file: String, _ content: String) throws {
        try Data(content.utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
    }

    var manifestPath: String { folder + "/dataset.yml" }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
