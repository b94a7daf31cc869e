import CSV
import Testing
@testable import NetworkCore

/// `CSVRows` reads bytes itself; CSV.swift's `CSVReader` (the reader it replaced, an
/// independent implementation) must give the same cells on every input, tricky ones
/// included.
@Suite("CSV rows parser")
struct CSVRowsParserTests {
    static let inputs = [
        "id,label\na,b\n",
        "id,label\r\na,b\r\nc,d",
        "a,\"b,c\",d\n\"e\"\"f\",g\n",
        "\"multi\nline\",x\ny,z\n",
        "a,b,\n,\n\n\nc\n",
        "\"unterminated,a\nb",
        "\"ab\"cd\",e\n",
        "a\rb\rc",
        "\"q\"\r\n\"r\"\r\"s\"",
        "é,ü\n\"ñ\"\"\",日本\n",
        "trailing,",
        "\"x\",",
        "",
        "\n",
        " a , b \n",
        "a\"b,c\n",
    ]

    @Test(arguments: inputs)
    func sameCellsAsCSVSwift(_ text: String) throws {
        let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: ",")
        var expected: [[String]] = []
        while let row = reader.next() { expected.append(row) }
        #expect(CSVRows.parse(Array(text.utf8), delimiter: 0x2C) == expected, "input: \(text.debugDescription)")
    }

    @Test func tabDelimited() throws {
        let text = "a\tb,c\t\"d\te\"\n"
        let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: "\t")
        var expected: [[String]] = []
        while let row = reader.next() { expected.append(row) }
        #expect(CSVRows.parse(Array(text.utf8), delimiter: 0x09) == expected)
    }
}
