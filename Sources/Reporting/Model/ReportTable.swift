import Foundation

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

    public init(name: String, title: String, caption: String, columns: [String], rows: [[ReportCell]], displayLimit: Int? = nil) {
        self.name = name
        self.title = title
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.displayLimit = displayLimit
    }

    /// The rows shown to readers.
    public var displayedRows: ArraySlice<[ReportCell]> {
        rows.prefix(displayLimit ?? rows.count)
    }
}
