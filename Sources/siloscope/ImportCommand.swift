import ArgumentParser
import Bibliometrics
import Foundation
import NetworkCore
import Reporting

/// `siloscope import FILE... --out DATASET_DIR`: bibliographic files → a dataset folder.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn bibliographic files into a dataset folder with a citation layer.",
        discussion: """
            Writes dataset.yml, works.csv, citations.csv (citing → cited, with the file and line of each reference), \
            references.csv (every cited reference, matched or not) and matches.csv (every merge and its method). \
            Prints the import summary as JSON on standard output: format, records, references, skipped, duplicates, \
            matched {byIdentifier, byKey, unmatched}, and for reference lists parsed {fully, partly, notAtAll}.
            references-text: numbered (Vancouver-like) or author–date reference lists copied from articles; each file \
            is one citing document, and an entry the parser cannot split is kept whole and listed as unparsed.
            """)

    enum InputFormat: String, CaseIterable, ExpressibleByArgument {
        case auto
        case referencesText = "references-text"
    }

    @Argument(help: ArgumentHelp("The files to import.", valueName: "file"))
    var files: [String]

    @Option(help: "The input format; auto detects it from the content, not the file name.")
    var format: InputFormat = .auto

    @Option(help: ArgumentHelp("The dataset folder to write (created if needed).", valueName: "dataset-dir"))
    var out: String

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
    }

    func run() throws {
        for path in files where !FileManager.default.fileExists(atPath: path) {
            throw InputError(file: path, message: "no such file")
        }
        let resolved = try detect()
        ProgressLog.standardError("importing \(files.count) file(s) as \(resolved.rawValue)")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        switch resolved {
        case .referencesText, .auto:
            let dataset = try ReferenceListDataset.importLists(files: files, out: out)
            StandardOutput.write(try dataset.summary.jsonString() + "\n")
        }
        ProgressLog.standardError("wrote \(out)")
    }

    /// The format of every file: the one given, or the one detected from the content.
    func detect() throws -> InputFormat {
        if format != .auto { return format }
        for path in files {
            let text = try InputFile(path: path).text()
            guard ReferencesText.looksLikeReferenceList(text) else {
                throw InputError(file: path, message: "cannot tell the format from the content; give --format (supported: \(InputFormat.allCases.dropFirst().map(\.rawValue).joined(separator: ", ")))")
            }
        }
        return .referencesText
    }
}
