import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

/// The `tables:` key: extra CSV files a report shows as they are.
@Suite("Dataset tables key")
struct DatasetTablesTests {
    let tables = """

        tables:
          - file: matches.csv
            title: How references were merged
            count_by: method
        """

    @Test func loadsATableEntry() throws {
        let fx = try DatasetFixture(name: "demo", manifest: DatasetFixture.manifest + tables,
                                    replacing: ["matches.csv": "node,method\nw1,doi\nw2,key\n"])
        defer { fx.remove() }
        let d = try Dataset.load(folder: fx.folder)
        #expect(d.manifest.tables.count == 1)
        #expect(d.manifest.tables.first?.title == "How references were merged")
        #expect(d.manifest.tables.first?.countBy == "method")
    }

    @Test func missingTableFileIsNamedWithItsLine() throws {
        let fx = try DatasetFixture(name: "demo", manifest: DatasetFixture.manifest + tables)
        defer { fx.remove() }
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        #expect(e?.field == "tables")
        #expect(e?.line == 24)
        #expect(e?.message.hasPrefix("file 'matches.csv' not found in") == true)
    }

    @Test func countByMustNameAColumn() throws {
        let fx = try DatasetFixture(name: "demo", manifest: DatasetFixture.manifest + tables,
                                    replacing: ["matches.csv": "node,how\nw1,doi\n"])
        defer { fx.remove() }
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        #expect(e?.field == "method")
        #expect(e?.message == "count_by names column 'method', which the header lacks (columns: node, how)")
    }

    @Test func unknownKeyInATableEntry() throws {
        let fx = try DatasetFixture(name: "demo", manifest: DatasetFixture.manifest + tables + "\n    colour: red\n",
                                    replacing: ["matches.csv": "node,method\n"])
        defer { fx.remove() }
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        #expect(e?.field == "colour")
    }
}
