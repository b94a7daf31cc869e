import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import Bibliometrics

/// Damaged inputs never crash a reader: random truncations and byte deletions of each
/// fixture either read or throw an ``InputError`` (strict and lenient), seeded for
/// reproducibility.
struct ReaderRobustnessTests {
    static let fixtures: [(String, ImportFormat, String)] = [
        ("w.txt", .wos, ImportFixtures.wos), ("s.csv", .scopus, ImportFixtures.scopus),
        ("o.jsonl", .openAlex, ImportFixtures.openAlexLines), ("b.bib", .bibtex, MalformedInputTests.bib),
        ("r.ris", .ris, MalformedInputTests.ris), ("m.medline", .medline, MalformedInputTests.medline),
    ]

    @Test(arguments: 0..<fixtures.count)
    func damagedInputsThrowInputErrorsOnly(_ which: Int) throws {
        let (name, format, text) = Self.fixtures[which]
        let dir = try TempFolder()
        defer { dir.remove() }
        var rng = SplitMix64(seed: 42 + UInt64(which))
        let bytes = Array(text.utf8)
        var otherErrors: [String] = []
        for trial in 0..<60 {
            var damaged = bytes
            if trial % 2 == 0 {
                damaged = Array(damaged.prefix(Int.random(in: 0...damaged.count, using: &rng)))
            } else {
                for _ in 0..<Int.random(in: 1...8, using: &rng) where !damaged.isEmpty {
                    damaged.remove(at: Int.random(in: 0..<damaged.count, using: &rng))
                }
            }
            let path = try dir.write("\(trial)-" + name, Data(damaged))
            for lenient in [false, true] {
                do {
                    _ = try FormatDetector.read(path: path, format: format, lenient: lenient)
                } catch is InputError {
                    // expected for damaged input
                } catch {
                    otherErrors.append("trial \(trial) (\(format)): not an InputError: \(error)")
                }
            }
        }
        #expect(otherErrors.isEmpty, "\(otherErrors.joined(separator: "\n"))")
    }
}
