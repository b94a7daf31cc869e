import Foundation
import NetworkCore

/// One row of a mapping file that lists alternative values: a choice a reasonable
/// analyst could make differently (README, "Claims").
public struct MappingAlternative: Sendable, Equatable {
    /// The derived attribute (the mapping's `as`).
    public var attribute: String
    /// The key of the row (e.g. a discipline) and its current value.
    public var key: String
    public var value: String?
    /// The alternative values, in file order.
    public var alternatives: [String]
    /// Why the alternatives are reasonable, as the file says.
    public var reason: String
    /// Mapping file and line of the row.
    public var file: String
    public var line: Int
    /// Works whose `from` value is this key.
    public var works: Int
}

/// Moving one mapping row to another value: every work whose `from` value is `key`
/// gets `value` in `attribute`.
public struct MappingMove: Sendable, Equatable, Hashable {
    public var attribute: String
    public var key: String
    public var value: String
    public init(attribute: String, key: String, value: String) {
        self.attribute = attribute
        self.key = key
        self.value = value
    }
}

extension Dataset {
    /// The rows of every mapping with an `alternatives:` column that list alternatives, in
    /// manifest then file order. Errors (file and line): the column missing from the
    /// header; `alternatives` without `alternatives_reason`; a row with alternatives and
    /// no reason; an alternative equal to the row's value or repeated. O(rows + works).
    public func mappingAlternatives() throws -> [MappingAlternative] {
        var out: [MappingAlternative] = []
        for m in manifest.mappings {
            guard let column = m.alternatives else { continue }
            guard let reasonColumn = m.alternativesReason else {
                throw InputError(file: manifest.path, line: m.line, field: "alternatives",
                                 message: "a mapping with 'alternatives' needs 'alternatives_reason', the column saying why each alternative is reasonable")
            }
            let rows = try CSVRows(path: (folder as NSString).appendingPathComponent(m.file), hasHeader: true, comments: false)
            let keyColumn = try rows.column(m.key, role: "key")
            let valueColumn = try rows.column(m.value, role: "value")
            let alternativesColumn = try rows.column(column, role: "alternatives")
            let reasonIndex = try rows.column(reasonColumn, role: "alternatives_reason")
            let fromValues = workAttributes[m.from] ?? []
            for row in rows.rows {
                let key = row[keyColumn].trimmingWhitespace()
                let cell = row[alternativesColumn].trimmingWhitespace()
                if key.isEmpty || cell.isEmpty { continue }
                let value = row[valueColumn].trimmingWhitespace()
                var alternatives: [String] = []
                for piece in cell.split(separator: ";") {
                    let alternative = String(piece).trimmingWhitespace()
                    if alternative.isEmpty { continue }
                    if alternative == value {
                        throw InputError(file: rows.file, line: row.line, field: column,
                                         message: "alternative '\(alternative)' is the row's own value")
                    }
                    if alternatives.contains(alternative) {
                        throw InputError(file: rows.file, line: row.line, field: column,
                                         message: "alternative '\(alternative)' is listed twice")
                    }
                    alternatives.append(alternative)
                }
                let reason = row[reasonIndex].trimmingWhitespace()
                guard !reason.isEmpty else {
                    throw InputError(file: rows.file, line: row.line, field: reasonColumn,
                                     message: "row '\(key)' lists alternatives but no reason; say why the alternative is reasonable (or that it is the analyst's judgement)")
                }
                out.append(MappingAlternative(
                    attribute: m.as, key: key, value: value.isEmpty ? nil : value, alternatives: alternatives,
                    reason: reason, file: m.file, line: row.line, works: fromValues.filter { $0 == key }.count))
            }
        }
        return out
    }

    /// The values of work attribute `name` with `moves` applied (moves of other
    /// attributes are ignored; later moves of the same key win). O(works · moves).
    public func workAttribute(_ name: String, moving moves: [MappingMove]) -> [String?]? {
        guard var values = workAttributes[name] else { return nil }
        let relevant = moves.filter { $0.attribute == name }
        guard !relevant.isEmpty, let mapping = manifest.mappings.first(where: { $0.as == name }),
              let from = workAttributes[mapping.from] else { return values }
        for move in relevant {
            for (w, key) in from.enumerated() where key == move.key { values[w] = move.value }
        }
        return values
    }
}
