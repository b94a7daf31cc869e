import ArgumentParser
import Bibliometrics
import Foundation
import NetworkCore
import Reporting

/// `siloscope fetch DATASET_DIR --openalex`: completes a dataset's citation layer from OpenAlex.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Complete a dataset's citation layer from OpenAlex (references and citing works).",
        discussion: """
            Resolves each work of the dataset on OpenAlex (by its OpenAlex id, else its DOI, else a confident \
            title + year match: title token Dice >= 0.9, same year, compatible first author, unambiguous), downloads \
            the works they reference and the works citing them, and adds the new works (fetched = openalex, \
            source = the OpenAlex id and URL) and citation arcs (source = the citing OpenAlex record) to the dataset, \
            never duplicating a work or an arc. openalex-fetch.csv lists how each work was resolved.
            Polite use: a User-Agent naming Siloscope, --mailto (OpenAlex's polite pool), at most --rate requests per \
            second, retries with exponential backoff and seeded jitter on 429, 5xx and timeouts (Retry-After honoured).
            Every answer is cached under DATASET/.cache/openalex (one file per request), so a rerun continues where \
            the last one stopped and --offline works from the cache alone.
            Prints a summary JSON on standard output. Exit status: 0 when the dataset was updated; 3 when the fetch \
            was incomplete (a request failed after its retries, --max-requests was reached, or --offline found \
            requests missing from the cache) — the dataset is then left unchanged and the summary lists the errors.
            """)

    @Argument(help: ArgumentHelp("The dataset folder (with dataset.yml).", valueName: "dataset-dir"))
    var dataset: String

    @Flag(help: "Fetch from OpenAlex (the only source so far; required).")
    var openalex = false

    @Option(help: ArgumentHelp("E-mail address sent as mailto (OpenAlex's polite pool).", valueName: "addr"))
    var mailto: String?

    @Flag(help: "Use only the cache; report what is missing; no network.")
    var offline = false

    @Option(help: ArgumentHelp("Cache folder (default DATASET/.cache/openalex).", valueName: "dir"))
    var cache: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("OpenAlex API root (default https://api.openalex.org).", valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("max-requests"), help: ArgumentHelp("Stop after this many network requests (retries included).", valueName: "n"))
    var maxRequests: Int?

    @Option(help: ArgumentHelp("Most requests per second.", valueName: "n"))
    var rate: Double = 10

    @Option(help: ArgumentHelp("Seconds to wait for each answer.", valueName: "s"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Retries of a failed request.", valueName: "n"))
    var retries: Int = 5

    @Option(name: .customLong("backoff"), help: ArgumentHelp("First retry delay in seconds (doubles each retry, plus jitter).", valueName: "s"))
    var backoff: Double = 1

    @Option(help: ArgumentHelp("Seed of the retry jitter.", valueName: "n"))
    var seed: UInt64 = 1

    func validate() throws {
        guard openalex else { throw ValidationError("name the source: --openalex") }
        guard rate >= 0, timeout > 0, retries >= 0, backoff >= 0 else { throw ValidationError("--rate, --timeout, --retries and --backoff must not be negative") }
        if let maxRequests, maxRequests < 0 { throw ValidationError("--max-requests must not be negative") }
    }

    func run() throws {
        var base: URL?
        if let baseURL {
            guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                throw ValidationError("--base-url must be an http(s) URL, got '\(baseURL)'")
            }
            base = url
        }
        let cacheFolder = cache ?? (dataset as NSString).appendingPathComponent(".cache/openalex")
        let options = OpenAlexClientOptions(baseURL: base, mailto: mailto, offline: offline, maxRequests: maxRequests, rate: rate,
                                            timeout: timeout, retry: RetryPolicy(maxRetries: retries, base: backoff, seed: seed))
        let progress = ProgressLog.standardError
        let client = OpenAlexClient(options: options, transport: URLSessionTransport(), cache: OpenAlexCache(folder: cacheFolder),
                                    progress: { progress($0) })
        let summary = try OpenAlexFetcher(client: client, progress: { progress($0) }).run(datasetFolder: dataset)
        StandardOutput.write(try summary.jsonString() + "\n")
        if !summary.written { throw ExitCode(3) }
    }
}
