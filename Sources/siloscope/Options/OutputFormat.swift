import ArgumentParser

/// Machine-readable output formats of the analysis commands.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case csv
}
