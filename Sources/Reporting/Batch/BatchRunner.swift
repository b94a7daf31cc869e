import Bibliometrics
import Foundation

/// Runs the main job: a report for every dataset folder under a directory, then
/// `index.md` beside them. A dataset that fails keeps its previous report (writes are
/// atomic per dataset); the failure is reported on stderr and in the index, and the
/// run's result says so.
public struct BatchRunner: Sendable {
    public var builder: DatasetReportBuilder
    public var progress: ProgressLog

    public init(builder: DatasetReportBuilder = DatasetReportBuilder(), progress: ProgressLog = .silent) {
        self.builder = builder
        self.progress = progress
    }

    /// What a batch run did.
    public struct Outcome: Sendable {
        public var written: [String]
        public var failures: [(dataset: String, error: String)]
    }

    /// Reports every dataset under `datasetsDirectory` into `outputDirectory`.
    public func run(datasetsDirectory: String, outputDirectory: String) throws -> Outcome {
        let folders = try Dataset.discover(in: datasetsDirectory)
        guard !folders.isEmpty else {
            throw ReportError.io(path: datasetsDirectory, message: "no dataset folders (folders with a dataset.yml) found")
        }
        var rows: [BatchIndexRow] = []
        var outcome = Outcome(written: [], failures: [])
        for (k, folder) in folders.enumerated() {
            let name = (folder as NSString).lastPathComponent
            progress("[\(k + 1)/\(folders.count)] \(name): loading")
            do {
                var b = builder
                b.progress = progress
                let dataset = try Dataset.load(folder: folder)
                let report = try b.build(dataset)
                progress("[\(k + 1)/\(folders.count)] \(name): writing the report files")
                let written = try ReportFiles.write(report, into: outputDirectory)
                progress("[\(k + 1)/\(folders.count)] \(name): wrote \(written)")
                outcome.written.append(written)
                let layers = dataset.layers.filter { !$0.arcs.isEmpty }
                    .map { "\($0.kind.rawValue) \($0.arcs.count)" }.joined(separator: ", ")
                rows.append(BatchIndexRow(name: name, title: dataset.manifest.title, works: dataset.workIDs.count,
                                          links: layers.isEmpty ? "none" : layers, status: "ok"))
            } catch {
                progress("[\(k + 1)/\(folders.count)] \(name): FAILED: \(error)")
                outcome.failures.append((name, "\(error)"))
                rows.append(BatchIndexRow(name: name, title: "", works: 0, links: "", status: "failed: \(error)"))
            }
        }
        try OutputFolder.writeFile(outputDirectory + "/index.md", Array(BatchIndex.markdown(rows).utf8))
        progress("wrote \(outputDirectory)/index.md (\(rows.count) datasets)")
        return outcome
    }
}
