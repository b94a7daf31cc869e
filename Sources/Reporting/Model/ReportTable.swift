import Foundation
import NetworkCore

/// One cell of a report table: kept typed so each writer formats it for its medium
/// (CSV keeps full precision, Markdown/HTML round for reading).
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number shown with `digits` decimals in Markdown/HTML; full precision in CSV.
    case number(Double, digits: Int)
    /// No value (shown as an en dash for reading, empty in CSV).
    case missing

    /// The value as readers see it (rounded numbers).
    public var display: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let x, let digits):
            guard x.isFinite else { return x.isNaN ? "–" : (x > 0 ? "∞" : "−∞") }
            let s = String(format: "%.\(digits)f", x)
            return s.hasPrefix("-") ? "−" + s.dropFirst() : s
        case .missing: return "–"
        }
    }

    /// The value as machines read it (full precision, plain ASCII minus).
    public var raw: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let x, _): return x.isFinite ? "\(x)" : ""
        case .missing: return ""
        }
    }

    /// Whether the cell is numeric (right-aligned in tables).
    public var isNumeric: Bool {
        switch self {
        case .integer, .number: return true
        default: return false
        }
    }
}

/// A table of a report: written as `tables/<name>.csv` and shown in the Markdown and HTML.
public struct ReportTable: Sendable, Equatable {
    /// File stem (`[a-z0-9-]`), unique within a report.
    public var name: String
    public var title: String
    /// One or two sentences saying what the table shows and how to read it.
    public var caption: String
    public var columns: [String]
    public var rows: [[ReportCell]]
    /// Show at most this many rows in Markdown/HTML (the CSV always has every row). With
    /// 0 — or no rows at all — readers see the title, caption and CSV link only.
    public var displayLimit: Int?
    /// The columns shown to readers, by index, in order (`nil`: all). The CSV always has
    /// every column. See ``limitGroupColumns(leading:trailing:)``.
    public var displayColumns: [Int]?

    public init(name: String, title: String, caption: String, columns: [String], rows: [[ReportCell]], displayLimit: Int? = nil) {
        self.name = name
        self.title = title
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.displayLimit = displayLimit
    }

    /// Most group columns a table shows to readers (``limitGroupColumns(leading:trailing:)``).
    public static let maximumGroupColumns = 10

    /// For a table whose columns are `leading` label columns, one column per group (largest
    /// group first) and `trailing` summary columns: shows readers only the first
    /// ``maximumGroupColumns`` group columns (with the label and summary columns, and the
    /// "(missing)" group's column wherever it is) when there are more; the CSV keeps them all
    /// and the note under the table says so. O(columns).
    public mutating func limitGroupColumns(leading: Int, trailing: Int = 0) {
        let groups = columns.count - leading - trailing
        guard groups > Self.maximumGroupColumns else { displayColumns = nil; return }
        let firstTrailing = columns.count - trailing
        let missing = (leading + Self.maximumGroupColumns..<firstTrailing).filter { columns[$0] == Partition.missingLabel }
        displayColumns = Array(0..<(leading + Self.maximumGroupColumns)) + missing + Array(firstTrailing..<columns.count)
    }

    /// The indices of the columns shown to readers.
    public var shownColumns: [Int] { displayColumns ?? Array(columns.indices) }

    /// The sentence readers see when columns are hidden ("" when none are). O(1).
    public var hiddenColumnsNote: String {
        guard let shown = displayColumns, shown.count < columns.count else { return "" }
        return " Showing \(shown.count) of \(columns.count) columns (the \(Self.maximumGroupColumns) largest groups\(shown.contains { columns[$0] == Partition.missingLabel } ? " and \(Partition.missingLabel)" : "")); every column is in the CSV."
    }

    /// The rows shown to readers.
    public var displayedRows: ArraySlice<[ReportCell]> {
        rows.prefix(displayLimit ?? rows.count)
    }
}
