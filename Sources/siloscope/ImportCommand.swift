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
            matched {byIdentifier, byKey, unmatched}, works, citations, per-file counts, and parsed {fully, partly, \
            notAtAll; for exports also the shares year, firstAuthor, title, source, doi of the cited references}. \
            Repairs (CSV rows longer or shorter than the header, lone-CR line ends, UTF-16 transcoded) and skipped \
            records are named with file and line in import-log.txt.
            Formats, detected from the content (a WoS export saved as .ris is still WoS): \
            \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).
            references-text: numbered (Vancouver-like) or author–date reference lists copied from articles; each file \
            is one citing document, and an entry the parser cannot split is kept whole and listed as unparsed.
            """)

    /// `auto`, or one of the importers' formats.
    enum InputFormat: ExpressibleByArgument, Equatable {
        case auto
        case named(ImportFormat)

        init?(argument: String) {
            if argument == "auto" { self = .auto } else if let f = ImportFormat(name: argument) { self = .named(f) } else { return nil }
        }

        var defaultValueDescription: String { "auto" }

        static var allValueStrings: [String] { ["auto"] + ImportFormat.allCases.map(\.rawValue) }
    }

    @Argument(help: ArgumentHelp("The files to import; a folder stands for the files directly inside it (hidden files left out; with format detection, files that are not an export are left out and named).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The input format; auto detects it from the content, not the file name.", valueName: "format"))
    var format: InputFormat = .auto

    @Option(help: ArgumentHelp("The dataset folder to write (created if needed).", valueName: "dataset-dir"))
    var out: String

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
    }

    @Flag(help: "Skip records that cannot be read (counted in 'skipped') instead of stopping at the first.")
    var lenient = false

    @Option(help: ArgumentHelp("""
        The classification level whose categories become the literatures (attribute 'literature', group of the reports, editable in literatures.csv). Default: wos-category for WoS exports (and WoS BibTeX), openalex-field for OpenAlex, asjc-area for every other format (through the journal's ISSN).
        """, valueName: "level"))
    var literatures: LiteratureLevel?

    @Option(help: ArgumentHelp("A CSV of venues and their field (columns venue, and issn and/or categories at the chosen level) for venues the data cannot place.", valueName: "venues.csv"))
    var venues: String?

    @Flag(help: ArgumentHelp(
        "At the end, print the wall time of every stage (reading, matching, final merge pass, fields, writing) and the peak memory on standard error.",
        discussion: "The table gives each stage's wall seconds, its CPU seconds on all cores and the peak resident memory at its end. The dataset folder is the same with or without it."))
    var timings = false

    func run() throws {
        let stageTimings = timings ? StageTimings() : nil
        let progress = ProgressLog.timedStandardError(recording: stageTimings)
        var detect = true
        if case .named = format { detect = false }
        let inputs = try ImportInputs(paths: files, detect: detect)
        for (path, reason) in inputs.skipped { ProgressLog.standardError("\(path): left out, \(reason)") }
        let files = inputs.files
        // The format of every file: the one given, or the one detected from the content.
        let formats: [ImportFormat] = try zip(files, inputs.detected).map { path, detected in
            if case .named(let f) = format { return f }
            if let detected { return detected } // a folder's file, detected when the folder was listed
            do {
                return try FormatDetector.detect(path: path)
            } catch let error as InputError {
                // Not a database export: perhaps a reference list copied from an article.
                guard let text = try? InputFile(path: path).text(), ReferencesText.looksLikeReferenceList(text) else { throw error }
                return .referencesText
            }
        }
        for (path, f) in zip(files, formats) { ProgressLog.standardError("\(path): \(f.rawValue)") }
        try DatasetFolderArgument.prepare(out)
        if formats.allSatisfy({ $0 == .referencesText }) {
            // Reference lists copied from articles: each file is one citing document.
            let dataset = try ReferenceListDataset.importLists(files: files, out: out)
            StandardOutput.write(try dataset.summary.jsonString() + "\n")
        } else if formats.contains(.referencesText) {
            throw ValidationError("reference lists (references-text) cannot be mixed with database exports in one import; import them separately")
        } else {
            if let venues, !FileManager.default.fileExists(atPath: venues) { throw InputError(file: venues, field: "--venues", message: "no such file") }
            var options = ImportOptions(lenient: lenient)
            options.literatures = literatures
            options.venueTable = venues
            options.keepsDatasetUntilExit = true  // the process exits right after: no teardown of the dataset
            options.progress = { stage in progress(stage) }
            let importer = Importer(options: options)
            var given: ImportFormat?
            if case .named(let f) = format { given = f }
            // Detected once: when every file has the same format, the importer is told it
            // (reading with the detected format is what detecting again would do).
            if given == nil, let first = formats.first, formats.allSatisfy({ $0 == first }) { given = first }
            let summary = try importer.run(files: files, format: given, outputFolder: out)
            StandardOutput.write(try summary.jsonString() + "\n")
        }
        progress("wrote \(out)")
        ReportCommand.print(stageTimings)
    }
}
