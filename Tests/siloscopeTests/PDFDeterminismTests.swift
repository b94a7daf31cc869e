import Foundation
import Testing
import TestSupport

/// Cross-process determinism of PDF figures. Before content-stream normalisation, cairo's
/// text positions differed in the 6th decimal between processes (`… 227.265637 Tm` vs
/// `… 227.265638 Tm`): four runs of `siloscope batch` gave three different
/// `citation-network.pdf` files. The noise depends on what the process rendered before,
/// so a whole batch (many figures per process) is the run that shows it.
@Suite("PDF bytes across processes", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct PDFDeterminismTests {
    @Test func threeBatchRunsWriteIdenticalPDFs() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var runs: [[String: Data]] = []
        for k in 0..<3 {
            let out = dir.appendingPathComponent("run\(k)").path
            let r = try CLI.run(["batch", "Datasets", "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            var pdfs: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: out) where path.hasSuffix(".pdf") {
                pdfs[path] = FileManager.default.contents(atPath: out + "/" + path)
            }
            runs.append(pdfs)
        }
        #expect(runs[0].count >= 10, "the bundled datasets give a dozen PDF figures")
        #expect(runs[0].keys.contains("coproduction-reviews/figures/citation-network.pdf"))
        for (path, bytes) in runs[0].sorted(by: { $0.key < $1.key }) {
            #expect(bytes.starts(with: Array("%PDF-".utf8)), "\(path) is not a PDF")
            for k in 1..<runs.count {
                #expect(runs[k][path] == bytes, "\(path) differs between run 0 and run \(k)")
            }
        }
    }
}
