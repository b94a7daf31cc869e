import Foundation
import Testing
import TestSupport
@testable import Reporting

/// Rao–Stirling diversity over WoS categories when a few categories have no row in the
/// similarity matrix (issue 12): the matrix is still used, and what it cannot place is left
/// out and counted.
@Suite("Diversity grouping")
struct DiversityGroupingTests {
    static let matrixFile = SharedData.path("classification/wos-category-similarity/category_similarity_matrix.txt")

    /// The similarity of ACOUSTICS (code AA) and AUTOMATION & CONTROL SYSTEMS (code AC),
    /// read from the published matrix (first row codes, then one row per code).
    static func publishedSimilarityAAAC() throws -> Double {
        let text = try String(contentsOfFile: try #require(matrixFile), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        let codes = lines[0].split(separator: " ").map { $0.replacingOccurrences(of: "\"", with: "") }
        let row = try #require(lines.dropFirst().first { $0.hasPrefix("\"AA\"") }).split(separator: " ")
        let column = try #require(codes.firstIndex(of: "AC"))
        return try #require(Double(String(row[column + 1])))
    }

    /// A dataset of works in `categories` (one work each, `work-0`…), plus the works and
    /// arcs of the case below.
    static func write(categories: [String], to dir: URL) throws {
        var works = "id,label,year,field,source\n"
        for (k, c) in categories.enumerated() { works += "work-\(k),Work \(k),2000,\"\(c)\",t\n" }
        works += "a,A,2001,ACOUSTICS,t\nb,B,2001,AUTOMATION & CONTROL SYSTEMS,t\n"
        works += "s,S,2001,SOIL SCIENCE,t\ns2,S2,2002,SOIL SCIENCE,t\nz,Z,2003,ECOLOGY,t\n"
        let files = [
            "dataset.yml": "name: demo\ntitle: Demo\nsource: test\nworks: {file: works.csv}\ngroup: field\nlayers:\n  - {kind: citation, file: cites.csv}\n",
            "works.csv": works,
            // z (Ecology) cites one Acoustics, one Automation and one Soil Science work;
            // s2 (Soil Science) cites a and b.
            "cites.csv": "citing,cited,source\nz,a,t\nz,b,t\nz,s,t\ns2,a,t\ns2,b,t\n",
        ]
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    }

    static func diversityTable(_ categories: [String]) throws -> ReportTable {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-diversity-\(UUID().uuidString)/demo")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try write(categories: categories, to: dir)
        var parameters = DatasetReportBuilder.Parameters()
        parameters.nullSamples = 20
        let report = try DatasetReportBuilder(parameters: parameters).build(folder: dir.path)
        return try #require(report.allTables.first { $0.name == "reference-diversity" })
    }

    /// Ten categories of the matrix (ACOUSTICS, AUTOMATION & CONTROL SYSTEMS, ECOLOGY and
    /// seven more) and one without a row (SOIL SCIENCE): 1 of 11 named groups, within the
    /// 10% allowed. z's counted references are a (Acoustics) and b (Automation), p = (½, ½),
    /// so D_z = 2 · ½ · ½ · (1 − s_AA,AC) = (1 − s)/2 with s from the published matrix
    /// (0.2505… → D = 0.3747). z's reference to s is not counted; s2, a Soil Science work, is
    /// not scored. Left out: s and s2 (2 works), 1 reference to them (z → s), 2 made by s2.
    /// z makes 3 references and 2 are counted; 2 of the 5 in all (5 − 1 − 2).
    @Test(.enabled(if: matrixFile != nil, "../shared/data/classification is absent"))
    func matrixWithOneRowlessCategory() throws {
        let s = try Self.publishedSimilarityAAAC()
        let table = try Self.diversityTable(["ZOOLOGY", "ACOUSTICS", "AUTOMATION & CONTROL SYSTEMS", "ECOLOGY", "AGRICULTURAL ENGINEERING",
                                             "OBSTETRICS & GYNECOLOGY", "AGRICULTURE, DAIRY & ANIMAL SCIENCE", "MATHEMATICS",
                                             "STATISTICS & PROBABILITY", "ONCOLOGY"])
        #expect(table.caption.contains("Web of Science categories"))
        #expect(table.caption.contains("(SOIL SCIENCE)"))
        #expect(table.caption.contains("Counted references are those to works in a category the matrix has a row for: references to works without a category are not counted, and works without one are not scored, nor are references to, or works of, the 1 category the matrix has no row for (SOIL SCIENCE)."), "\(table.caption)")
        #expect(table.caption.hasSuffix("Left out: 2 works, 1 references to them and the 2 they make, of 5 references in all; 2 references are counted."), "\(table.caption)")
        let z = try #require(table.rows.first { $0[0] == .text("Z (2003)") })
        #expect(z[2] == .integer(3) && z[3] == .integer(2))
        guard case .number(let d, _) = z[4] else { Issue.record("no diversity for z: \(z)"); return }
        #expect(abs(d - (1 - s) / 2) < 1e-4)  // the bundled matrix keeps 4 decimals
        #expect(!table.rows.contains { $0[0] == .text("S2 (2002)") })
    }

    /// Two of eleven named groups without a row (18% > 10%): the groups are not read as WoS
    /// categories, and the distances come from the dataset's own citation profiles. Every
    /// work has a group, so every reference is counted: z 3 of 3, s2 2 of 2, 5 in all.
    @Test(.enabled(if: matrixFile != nil, "../shared/data/classification is absent"))
    func tooManyRowlessCategoriesFallBackToProfiles() throws {
        let table = try Self.diversityTable(["ZOOLOGY", "ACOUSTICS", "AUTOMATION & CONTROL SYSTEMS", "ECOLOGY", "AGRICULTURAL ENGINEERING",
                                             "OBSTETRICS & GYNECOLOGY", "AGRICULTURE, DAIRY & ANIMAL SCIENCE", "MATHEMATICS",
                                             "NOT A CATEGORY"])
        #expect(table.caption.contains("citation profiles in this dataset"))
        #expect(!table.caption.contains("Left out"))
        #expect(table.caption.hasSuffix("The references column counts all of a work's references in this dataset. All 5 references are counted, so the two columns agree."), "\(table.caption)")
        let s2 = try #require(table.rows.first { $0[0] == .text("S2 (2002)") })
        #expect(s2[2] == .integer(2) && s2[3] == .integer(2))
        let z = try #require(table.rows.first { $0[0] == .text("Z (2003)") })
        #expect(z[2] == .integer(3) && z[3] == .integer(3))
    }
}
