import Foundation

/// Shortens the input paths inside provenance strings (`path:line#k`, notes, log lines) to
/// the display names of ``Importer/displayNames(_:)``.
///
/// Definition: when `s` starts with an input path (longest paths first) and the rest holds
/// no `/`, the path is replaced by its display name; otherwise every occurrence of every
/// input path is replaced, longest paths first. ASCII strings and paths (the usual case:
/// hundreds of thousands of sources per import) are handled on their UTF-8 bytes; anything
/// else goes through Foundation with the same result. O(|s| · paths); pure.
struct ProvenancePaths {
    private let replacements: [(key: String, value: String)]
    private let bytes: [(path: [UInt8], short: [UInt8])]
    private let allASCII: Bool

    init(display: [String: String]) {
        replacements = display.sorted(by: { ($0.key.count, $0.key) > ($1.key.count, $1.key) }).filter { $0.key != $0.value }
        bytes = replacements.map { (Array($0.key.utf8), Array($0.value.utf8)) }
        allASCII = replacements.allSatisfy { $0.key.utf8.allSatisfy { $0 < 0x80 } && !$0.key.isEmpty }
    }

    func show(_ s: String) -> String {
        if replacements.isEmpty { return s }
        if allASCII, s.utf8.allSatisfy({ $0 < 0x80 }) { return showASCII(s) }
        var out = s
        // Fast path: a source `path:line#k` starts with its file's path and names no other.
        if let (path, short) = replacements.first(where: { out.hasPrefix($0.key) }) {
            let rest = out.dropFirst(path.count)
            if !rest.contains("/") { return short + rest }
        }
        for (path, short) in replacements {
            out = out.replacingOccurrences(of: path, with: short)
        }
        return out
    }

    /// Appends the UTF-8 bytes of ``show(_:)``'s result to `out`, without building a String
    /// in the usual case (ASCII paths and source `path:line#k` naming only its own file).
    /// O(|s| · paths).
    func appendShown(_ s: String, to out: inout [UInt8]) {
        if replacements.isEmpty {
            withUTF8Bytes(s) { out.append(contentsOf: $0) }
            return
        }
        guard allASCII else {
            out.append(contentsOf: show(s).utf8)
            return
        }
        let done = withUTF8Bytes(s) { u -> Bool in
            guard ByteScan.isASCII(u) else { return false }
            for (path, short) in bytes where u.count >= path.count {
                guard let a = u.baseAddress,
                      path.withUnsafeBytes({ p in p.baseAddress.map { memcmp(a, $0, path.count) == 0 } ?? false }) else { continue }
                let rest = UnsafeBufferPointer(rebasing: u[path.count...])
                guard rest.isEmpty || memchr(UnsafeRawPointer(a + path.count), 0x2F, rest.count) == nil else { return false }
                out.append(contentsOf: short)
                out.append(contentsOf: rest)
                return true
            }
            return false
        }
        if !done { out.append(contentsOf: show(s).utf8) }
    }

    /// ``show(_:)`` on bytes (every path and `s` ASCII: characters are bytes).
    private func showASCII(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u -> String? in
            for (path, short) in bytes where u.count >= path.count {
                guard let a = u.baseAddress,
                      path.withUnsafeBytes({ p in p.baseAddress.map { memcmp(a, $0, path.count) == 0 } ?? false }) else { continue }
                if !u[path.count...].contains(0x2F) {
                    var out = short
                    out.append(contentsOf: u[path.count...])
                    return String(decoding: out, as: UTF8.self)
                }
                break
            }
            return nil
        } ?? replaceAll(s)
    }

    /// Every occurrence of every path replaced, longest paths first (ASCII).
    private func replaceAll(_ s: String) -> String {
        var u = Array(s.utf8)
        var changed = false
        for (path, short) in bytes {
            guard let first = path.first, u.count >= path.count else { continue }
            var out: [UInt8] = []
            var i = 0, found = false
            while i < u.count {
                if u[i] == first, i + path.count <= u.count, u[i..<(i + path.count)].elementsEqual(path) {
                    if !found { out.reserveCapacity(u.count); out.append(contentsOf: u[..<i]); found = true }
                    out.append(contentsOf: short)
                    i += path.count
                } else {
                    if found { out.append(u[i]) }
                    i += 1
                }
            }
            if found { u = out; changed = true }
        }
        return changed ? String(decoding: u, as: UTF8.self) : s
    }
}
