import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

/// `claims:` in dataset.yml and the mapping alternatives: parsing, every error with its
/// line, and the claim resolved on the fixture's data (expected values worked out by hand
/// from DatasetFixture's rows, listed in each test).
@Suite("Dataset claims")
struct DatasetClaimsTests {
    /// The fixture manifest ends on line 22; the claim starts on line 23.
    static let claim = """

        claims:
          - id: hsr-less-pam
            statement: HSR/QI works draw on PAM less.
            source: [s.txt:3, other.txt:9]
            who:
              literature: HSR/QI
            draws_on:
              layers: [concept, citation]
              literatures: [PAM]
            compared_with: complement
            expect: less
        """

    func load(_ claims: String = DatasetClaimsTests.claim, replacing: [String: String?] = [:]) throws -> (Dataset, DatasetFixture) {
        let fx = try DatasetFixture(manifest: DatasetFixture.manifest + claims, replacing: replacing)
        return (try Dataset.load(folder: fx.folder), fx)
    }

    func failure(_ claims: String, replacing: [String: String?] = [:], manifest: String = DatasetFixture.manifest) throws -> (InputError?, DatasetFixture) {
        let fx = try DatasetFixture(manifest: manifest + claims, replacing: replacing)
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        return (e, fx)
    }

    @Test("a claim parses and resolves: who, comparison, and the arcs that show drawing")
    func resolves() throws {
        let (d, fx) = try load()
        defer { fx.remove() }
        let claim = try #require(d.manifest.claims.first)
        #expect(claim.id == "hsr-less-pam")
        #expect(claim.sources.map(\.text) == ["s.txt:3", "other.txt:9"])
        #expect(claim.expect == .less)
        #expect(claim.line == 24)
        // Fixture: w1 PA→PAM, w2 PM→PAM, w3 HSR→HSR/QI, w4 Astrology (unmapped), w5 no field.
        // Concept rows: w1 trust; w2 trust, sdl; w3 sdl, trust, trust; w4 ebcd. Only sdl has
        // home PAM. Citation: w3 → w1 (PAM). So w3 draws (sdl row and the citation), w2 draws
        // (sdl), w1, w4, w5 do not.
        let design = d.design(of: claim)
        #expect(design.who == [2])
        #expect(design.comparison == [0, 1, 3, 4])
        #expect(design.whoDrawing == 1 && design.comparisonDrawing == 1)
        #expect(design.evidence[2].map(\.provenance) == ["concepts.csv:5 (s.txt:23)", "cites.csv:2 (s.txt:30)"])
        #expect(design.evidence[1].map(\.to) == ["sdl"])
        #expect(design.evidence[0].isEmpty && design.evidence[3].isEmpty && design.evidence[4].isEmpty)
    }

    @Test("named concepts, {not: [...]} and explicit comparison groups")
    func explicitComparison() throws {
        let claims = """

            claims:
              - id: sdl
                statement: x
                source: s.txt:1
                who: {literature: {not: [PAM]}}
                draws_on: {layers: [concept], concepts: [ebcd]}
                compared_with: {literature: PAM}
            """
        let (d, fx) = try load(claims)
        defer { fx.remove() }
        let design = d.design(of: try #require(d.manifest.claims.first))
        // not PAM: w3 (HSR/QI), w4 and w5 (missing counts as not PAM); only w4 names ebcd.
        #expect(design.who == [2, 3, 4])
        #expect(design.comparison == [0, 1])
        #expect(design.whoDrawing == 1 && design.comparisonDrawing == 0)
        #expect(d.manifest.claims.first?.comparedWith != .complement)
    }

    @Test("claim shape errors, each with the line of the offending key")
    func shapeErrors() throws {
        let cases: [(String, String, Int, String)] = [
            ("    expect: less", "    expect: fewer", 33, "unknown direction 'fewer' (expected less or more)"),
            ("    compared_with: complement", "    compared_with: rest", 32, "expected 'complement' or a mapping of attribute conditions, found the text 'rest'"),
            ("    source: [s.txt:3, other.txt:9]", "    source: [s.txt:3, other.txt]", 26, "expected FILE:LINE with a positive line number (e.g. 001_seed.txt:4), found 'other.txt'"),
            ("    source: [s.txt:3, other.txt:9]", "    source: []", 26, "a claim needs at least one source line (FILE:LINE)"),
            ("      layers: [concept, citation]", "      layers: [concept, membership]", 30, "unknown layer 'membership' for draws_on (expected citation, concept or lineage)"),
            ("      literatures: [PAM]", "      colour: [PAM]", 31, "unknown key 'colour' in draws_on (expected one of: layers, literatures, concepts, attribute)"),
            ("  - id: hsr-less-pam", "  - id: HSR less", 24, "claim id 'HSR less' must be lower-case letters, digits and '-' (it names report files)"),
            ("    expect: less", "    expect: less\n    verdict: true", 34, "unknown key 'verdict' in claims entry (expected one of: id, statement, source, who, draws_on, compared_with, expect, caveat)"),
            ("      literature: HSR/QI", "      literature: {only: [HSR/QI]}", 28, "expected a value, a list of values or {not: [values]} for 'literature' in who"),
            ("    who:\n      literature: HSR/QI", "    who: HSR/QI", 27, "expected a mapping of work attributes to values (e.g. model_type: practice-oriented), found the text 'HSR/QI'"),
        ]
        for (old, new, line, message) in cases {
            let (e, fx) = try failure(Self.claim.replacingOccurrences(of: old, with: new))
            defer { fx.remove() }
            #expect(e?.file == fx.manifestPath)
            #expect(e?.line == line, "\(new): line \(String(describing: e?.line))")
            #expect(e?.message == message, "\(new): \(String(describing: e?.message))")
        }
        let (e, fx) = try failure(Self.claim + "\n" + Self.claim.replacingOccurrences(of: "\nclaims:\n", with: ""))
        defer { fx.remove() }
        #expect(e?.line == 34)
        #expect(e?.message == "duplicate claim id 'hsr-less-pam' (first on line 24)")
    }

    @Test("claim errors found against the data, each with its line")
    func dataErrors() throws {
        let cases: [(String, String, Int, String)] = [
            ("      literature: HSR/QI", "      literatur: HSR/QI", 28,
             "claim 'hsr-less-pam': who names 'literatur', which is not a work attribute (attributes: label, year, discipline, source, literature)"),
            ("      literature: HSR/QI", "      literature: HSR", 28,
             "claim 'hsr-less-pam': no work has literature 'HSR' (values: HSR/QI, PAM)"),
            ("      literatures: [PAM]", "      literatures: [PAM, Marketing]", 31,
             "claim 'hsr-less-pam': 'Marketing' is neither a concept's home literature nor a work's literature (known: HSR/QI, PAM)"),
            ("      literatures: [PAM]", "      concepts: [sdl, tust]", 31,
             "claim 'hsr-less-pam': 'tust' is not a concept id of the vocabulary"),
            ("      literature: HSR/QI", "      literature: HSR/QI\n      label: Bovaird", 27,
             "claim 'hsr-less-pam': who selects no work"),
        ]
        for (old, new, line, message) in cases {
            let (e, fx) = try failure(Self.claim.replacingOccurrences(of: old, with: new))
            defer { fx.remove() }
            #expect(e?.file == fx.manifestPath)
            #expect(e?.line == line, "\(new): line \(String(describing: e?.line))")
            #expect(e?.message == message, "\(new): \(String(describing: e?.message))")
        }
        // A layer the dataset does not have.
        let noCitations = DatasetFixture.manifest.replacingOccurrences(of: "  - kind: citation\n    file: cites.csv\n", with: "")
        let (e, fx) = try failure(Self.claim, manifest: noCitations)
        defer { fx.remove() }
        #expect(e?.line == 27)
        #expect(e?.message == "claim 'hsr-less-pam': the dataset has no citation layer with arcs (layers: concept, lineage)")
    }

    static let alternativesManifest = DatasetFixture.manifest.replacingOccurrences(
        of: "    as: literature\n", with: "    as: literature\n    alternatives: alternative\n    alternatives_reason: why\n")
    static let literatures = """
        discipline,literature,reason,alternative,why
        Public administration,PAM,named in the review,,
        Public management,PAM,named in the review,HSR/QI; Management,analyst's judgement
        Health services research,HSR/QI,named in the review,,

        """

    @Test("mapping alternatives: rows listed, moves applied, the claim re-resolved")
    func alternatives() throws {
        let fx = try DatasetFixture(manifest: Self.alternativesManifest + Self.claim, replacing: ["literatures.csv": Self.literatures])
        defer { fx.remove() }
        let d = try Dataset.load(folder: fx.folder)
        let rows = try d.mappingAlternatives()
        #expect(rows == [MappingAlternative(attribute: "literature", key: "Public management", value: "PAM",
                                            alternatives: ["HSR/QI", "Management"], reason: "analyst's judgement",
                                            file: "literatures.csv", line: 3, works: 1)])
        let move = MappingMove(attribute: "literature", key: "Public management", value: "HSR/QI")
        #expect(d.workAttribute("literature", moving: [move]) == ["PAM", "HSR/QI", "HSR/QI", nil, nil])
        #expect(d.workAttribute("literature", moving: []) == ["PAM", "PAM", "HSR/QI", nil, nil])
        // w2 (Bovaird, names sdl) moves into the claimed group: 2 of 2 draw, 0 of 3 others.
        let design = d.design(of: try #require(d.manifest.claims.first), moving: [move])
        #expect(design.who == [1, 2])
        #expect(design.whoDrawing == 2 && design.comparisonDrawing == 0)
        // A value that exists only as an alternative is accepted by a claim.
        let onlyAlternative = Self.claim.replacingOccurrences(of: "      literature: HSR/QI", with: "      literature: [HSR/QI, Management]")
        let fx2 = try DatasetFixture(manifest: Self.alternativesManifest + onlyAlternative, replacing: ["literatures.csv": Self.literatures])
        defer { fx2.remove() }
        _ = try Dataset.load(folder: fx2.folder)
    }

    @Test("mapping alternative errors: no reason column, a row without reason, its own value, a repeat")
    func alternativeErrors() throws {
        let noReason = DatasetFixture.manifest.replacingOccurrences(of: "    as: literature\n", with: "    as: literature\n    alternatives: alternative\n")
        let fx = try DatasetFixture(manifest: noReason, replacing: ["literatures.csv": Self.literatures])
        defer { fx.remove() }
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        #expect(e?.file == fx.manifestPath && e?.line == 7)
        #expect(e?.message == "a mapping with 'alternatives' needs 'alternatives_reason', the column saying why each alternative is reasonable")
        let cases: [(String, String)] = [
            ("HSR/QI; Management,analyst's judgement", "row 'Public management' lists alternatives but no reason; say why the alternative is reasonable (or that it is the analyst's judgement)"),
            ("PAM,analyst's judgement", "alternative 'PAM' is the row's own value"),
            ("HSR/QI;HSR/QI,analyst's judgement", "alternative 'HSR/QI' is listed twice"),
        ]
        for (k, (cell, message)) in cases.enumerated() {
            let row = k == 0 ? "Public management,PAM,named in the review,HSR/QI; Management," : "Public management,PAM,named in the review,\(cell)"
            let csv = Self.literatures.replacingOccurrences(of: "Public management,PAM,named in the review,HSR/QI; Management,analyst's judgement", with: row)
            let fx = try DatasetFixture(manifest: Self.alternativesManifest, replacing: ["literatures.csv": csv])
            defer { fx.remove() }
            let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
            #expect(e?.file == fx.folder + "/literatures.csv")
            #expect(e?.line == 3)
            #expect(e?.message == message)
        }
    }
}
