import Foundation
import NetworkCore
import Yams

extension DatasetManifest {
    /// One entry of `claims:` — a claim about the works in words, where it comes from, and
    /// the test that puts it to the data (schema in the README, "Claims").
    ///
    /// The test compares two disjoint sets of works — `who`, and `compared_with` less the
    /// works of `who` — on one
    /// yes/no outcome: whether a work *draws on* the named literatures or concepts through
    /// the named layers. Parsing checks the shape and reports the line of every mistake;
    /// attribute names, values, layers and concept ids are checked against the data by
    /// ``Dataset/load(folder:)``.
    public struct Claim: Sendable, Equatable {
        /// A seed line the claim is taken from (`FILE:LINE`).
        public struct SourceLine: Sendable, Equatable {
            public var file: String
            public var line: Int
            public var text: String { "\(file):\(line)" }
        }

        /// `attribute: value`, `attribute: [values]` or `attribute: {not: [values]}`.
        public struct Condition: Sendable, Equatable {
            public var attribute: String
            public var values: [String]
            /// True for `{not: [...]}`: works whose value is none of `values` (a missing
            /// value counts as none of them).
            public var negated: Bool
            /// Line of the attribute key in dataset.yml.
            public var line: Int
        }

        /// Works meeting every condition (an empty list means every work).
        public struct Subset: Sendable, Equatable {
            public var conditions: [Condition]
            public var line: Int
        }

        /// What the claimed group is compared with.
        public enum Comparison: Sendable, Equatable {
            /// Every work not in `who`.
            case complement
            case subset(Subset)
        }

        /// `draws_on:` — the outcome. A work draws on the target when one of its arcs in
        /// the named layers (from the work) reaches a concept whose home literature is one
        /// of `literatures`, a work whose literature (`attribute`, default the `group:`) is
        /// one of them, or one of the named `concepts`.
        public struct DrawsOn: Sendable, Equatable {
            public var layers: [LayerKind]
            public var literatures: [String]
            public var concepts: [String]
            /// Work attribute giving a cited work's literature (default: `group:`).
            public var attribute: String?
            public var line: Int
            /// Lines of the `literatures:` and `concepts:` keys, for value errors.
            public var literaturesLine: Int
            public var conceptsLine: Int
        }

        /// The direction the claim states: the claimed group draws on the target less or
        /// more than the comparison group.
        public enum Direction: String, Sendable, Equatable, CaseIterable {
            case less, more
        }

        public var id: String
        public var statement: String
        public var sources: [SourceLine]
        public var who: Subset
        public var drawsOn: DrawsOn
        public var comparedWith: Comparison
        public var expect: Direction?
        /// Plain words on what the test rests on and cannot show (optional; the report
        /// adds its own general caveats).
        public var caveat: String?
        /// Line of the entry in dataset.yml.
        public var line: Int
    }

    /// Parses the `claims:` list of a manifest's top-level map.
    static func parseClaims(_ top: YAMLMap, path: String) throws -> [Claim] {
        var claims: [Claim] = []
        var seen: [String: Int] = [:]
        for item in try top.list("claims") {
            let c = try YAMLMap(item, path: path, context: "claims entry",
                                allowed: ["id", "statement", "source", "who", "draws_on", "compared_with", "expect", "caveat"])
            let id = try c.requiredText("id")
            guard id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                throw InputError(file: path, line: c.line(of: "id"), field: "id",
                                 message: "claim id '\(id)' must be lower-case letters, digits and '-' (it names report files)")
            }
            if let first = seen[id] {
                throw InputError(file: path, line: c.line(of: "id"), field: "id",
                                 message: "duplicate claim id '\(id)' (first on line \(first))")
            }
            seen[id] = c.line(of: "id")
            let sources = try parseSources(c, path: path)
            let who = try parseSubset(try c.required("who"), path: path, context: "who", line: c.line(of: "who"))
            let drawsOn = try parseDrawsOn(try c.required("draws_on"), path: path, line: c.line(of: "draws_on"))
            let comparison: Claim.Comparison
            let comparedNode = try c.required("compared_with")
            if case .scalar(let s) = comparedNode {
                guard s.string == "complement" else {
                    throw InputError(file: path, line: c.line(of: "compared_with"), field: "compared_with",
                                     message: "expected 'complement' or a mapping of attribute conditions, found the text '\(s.string)'")
                }
                comparison = .complement
            } else {
                comparison = .subset(try parseSubset(comparedNode, path: path, context: "compared_with", line: c.line(of: "compared_with")))
            }
            var expect: Claim.Direction?
            if let text = try c.text("expect") {
                guard let direction = Claim.Direction(rawValue: text) else {
                    throw InputError(file: path, line: c.line(of: "expect"), field: "expect",
                                     message: "unknown direction '\(text)' (expected less or more)")
                }
                expect = direction
            }
            claims.append(Claim(id: id, statement: try c.requiredText("statement"), sources: sources, who: who,
                                drawsOn: drawsOn, comparedWith: comparison, expect: expect,
                                caveat: try c.text("caveat"), line: c.line))
        }
        return claims
    }

    /// `source:` — one `FILE:LINE` text or a list of them.
    private static func parseSources(_ c: YAMLMap, path: String) throws -> [Claim.SourceLine] {
        let node = try c.required("source")
        let line = c.line(of: "source")
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let s): items = Array(s)
        default:
            throw InputError(file: path, line: line, field: "source",
                             message: "expected FILE:LINE or a list of them, found \(YAMLMap.describe(node))")
        }
        guard !items.isEmpty else {
            throw InputError(file: path, line: line, field: "source", message: "a claim needs at least one source line (FILE:LINE)")
        }
        return try items.map { item in
            let itemLine = item.mark?.line ?? line
            guard case .scalar(let s) = item else {
                throw InputError(file: path, line: itemLine, field: "source",
                                 message: "expected FILE:LINE, found \(YAMLMap.describe(item))")
            }
            let text = s.string.trimmingWhitespace()
            guard let colon = text.lastIndex(of: ":"), colon != text.startIndex,
                  let number = Int(text[text.index(after: colon)...]), number > 0 else {
                throw InputError(file: path, line: itemLine, field: "source",
                                 message: "expected FILE:LINE with a positive line number (e.g. 001_seed.txt:4), found '\(text)'")
            }
            return Claim.SourceLine(file: String(text[..<colon]), line: number)
        }
    }

    /// A subset: a mapping of attribute → value, list of values, or `{not: [values]}`.
    private static func parseSubset(_ node: Node, path: String, context: String, line: Int) throws -> Claim.Subset {
        guard let mapping = node.mapping else {
            throw InputError(file: path, line: line, field: context,
                             message: "expected a mapping of work attributes to values (e.g. model_type: practice-oriented), found \(YAMLMap.describe(node))")
        }
        var conditions: [Claim.Condition] = []
        for (k, v) in mapping {
            let keyLine = k.mark?.line ?? line
            guard let attribute = k.scalar?.string, !attribute.isEmpty else {
                throw InputError(file: path, line: keyLine, field: context, message: "attribute names must be plain text")
            }
            var negated = false
            var valueNode = v
            if let inner = v.mapping {
                guard inner.count == 1, let only = inner.first, only.key.scalar?.string == "not" else {
                    throw InputError(file: path, line: keyLine, field: attribute,
                                     message: "expected a value, a list of values or {not: [values]} for '\(attribute)' in \(context)")
                }
                negated = true
                valueNode = only.value
            }
            let values = try textList(valueNode, path: path, field: attribute, line: keyLine)
            guard !values.isEmpty else {
                throw InputError(file: path, line: keyLine, field: attribute, message: "'\(attribute)' in \(context) lists no values")
            }
            conditions.append(Claim.Condition(attribute: attribute, values: values, negated: negated, line: keyLine))
        }
        guard !conditions.isEmpty else {
            throw InputError(file: path, line: line, field: context,
                             message: "\(context) names no attribute (use compared_with: complement for every other work)")
        }
        return Claim.Subset(conditions: conditions, line: line)
    }

    private static func parseDrawsOn(_ node: Node, path: String, line: Int) throws -> Claim.DrawsOn {
        let m = try YAMLMap(node, path: path, context: "draws_on", allowed: ["layers", "literatures", "concepts", "attribute"])
        let layerNames = try textList(try m.required("layers"), path: path, field: "layers", line: m.line(of: "layers"))
        let layers: [LayerKind] = try layerNames.map { name in
            guard let kind = LayerKind(rawValue: name), kind != .membership else {
                throw InputError(file: path, line: m.line(of: "layers"), field: "layers",
                                 message: "unknown layer '\(name)' for draws_on (expected citation, concept or lineage)")
            }
            return kind
        }
        guard !layers.isEmpty else {
            throw InputError(file: path, line: m.line(of: "layers"), field: "layers", message: "draws_on names no layer")
        }
        let literatures = try m.node("literatures").map { try textList($0, path: path, field: "literatures", line: m.line(of: "literatures")) } ?? []
        let concepts = try m.node("concepts").map { try textList($0, path: path, field: "concepts", line: m.line(of: "concepts")) } ?? []
        guard !literatures.isEmpty || !concepts.isEmpty else {
            throw InputError(file: path, line: m.line, field: "draws_on",
                             message: "draws_on needs 'literatures' or 'concepts' (what the works draw on)")
        }
        return Claim.DrawsOn(layers: layers, literatures: literatures, concepts: concepts, attribute: try m.text("attribute"),
                             line: line, literaturesLine: m.line(of: "literatures"), conceptsLine: m.line(of: "concepts"))
    }

    /// A text or a list of texts (each non-empty).
    private static func textList(_ node: Node, path: String, field: String, line: Int) throws -> [String] {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let s): items = Array(s)
        default:
            throw InputError(file: path, line: line, field: field, message: "expected a text or a list of texts, found \(YAMLMap.describe(node))")
        }
        return try items.map { item in
            guard case .scalar(let s) = item, !s.string.trimmingWhitespace().isEmpty else {
                throw InputError(file: path, line: item.mark?.line ?? line, field: field,
                                 message: "expected non-empty text, found \(YAMLMap.describe(item))")
            }
            return s.string.trimmingWhitespace()
        }
    }
}
