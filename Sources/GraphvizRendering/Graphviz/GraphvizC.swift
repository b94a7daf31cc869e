// Every call into libgraphviz (cgraph + gvc) lives in this file.
//
// Graphviz is not thread-safe, even for reads on different graphs with different
// contexts (ARCHITECTURE.md §5): every call below — including installing the error callback and
// seeding libc's rand() — happens inside `GraphvizC.session.withLock`, one process-wide
// lock, with one long-lived GVC_t (each gvContext() leaks ~3.6 KB).
import CGraphviz
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw result of one in-process render: output bytes plus every message Graphviz
/// emitted (warnings included), one per line.
struct GraphvizRun: Sendable {
    var bytes: [UInt8]
    var messages: [String]
    /// The root graph's name; `%<n>` (a process-wide counter) for an anonymous graph.
    var graphName: String
}

enum GraphvizC {
    /// The one Graphviz context, created on first use, never freed. Guarded by the lock.
    private struct Session: ~Copyable {
        var context: OpaquePointer?
        /// A two-node graph laid out with `circo` before every `circo` layout, never freed
        /// (see ``anchorCirco(_:_:)``).
        var circoAnchor: UnsafeMutablePointer<Agraph_t>?
    }

    private static let session = Mutex(Session(context: nil, circoAnchor: nil))

    /// Text Graphviz passed to the error callback during the current locked call.
    /// Only touched while `session` is held (the callback runs inside it).
    private static let captured = Mutex<String>("")

    /// Seed given to `srand` before every layout, so `sfdp` (which draws from libc
    /// `rand()`) places nodes the same way on every run.
    static let layoutSeed: UInt32 = 20_081_118

    /// Parses `dot` with `agmemread`, lays it out with `engine`, renders to memory in
    /// `format`, and frees everything. Serialised with every other Graphviz call.
    ///
    /// - Parameter extraGraphAttributes: root-graph attributes set with `agsafeset`
    ///   before layout (e.g. `dpi` for PNG). Values must be plain, already safe text.
    ///
    /// - Parameter layout: the Graphviz layout to run instead of `engine`'s (e.g. `nop2`:
    ///   keep every position and spline the text gives); `engine` still names it in errors.
    static func run(dot: String, engine: LayoutEngine, format: FigureFormat, extraGraphAttributes: [(String, String)], renderer: String? = nil, layout: String? = nil) throws(GraphvizError) -> GraphvizRun {
        let rendererName = renderer ?? format.rawValue
        let layoutName = layout ?? engine.rawValue
        let result: Result<GraphvizRun, GraphvizError> = session.withLock { state in
            captured.withLock { $0 = "" }
            _ = agseterrf { text in
                if let text {
                    let piece = String(cString: text)
                    GraphvizC.captured.withLock { $0 += piece }
                }
                return 0
            }
            if state.context == nil { state.context = gvContext() }
            guard let gvc = state.context else {
                return .failure(GraphvizError(kind: .pluginsMissing, message: "gvContext() failed; install libgraphviz-dev and graphviz", engine: engine, format: format))
            }
            func messages() -> [String] {
                captured.withLock { text in
                    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
                }
            }
            func failure(_ kind: GraphvizError.Kind, _ what: String) -> Result<GraphvizRun, GraphvizError> {
                .failure(GraphvizError.fromGraphviz(kind: kind, what: what, messages: messages(), engine: engine, format: format))
            }

            if layoutName == "circo" { anchorCirco(gvc, &state.circoAnchor) }

            // The DOT scanner is process-global and agmemread does not reset it: flush text
            // left over from the previous parse (which would be read first) and restart the
            // line counter (else syntax errors name a line counted across earlier parses).
            aglexbad()
            agreadline(1)
            guard let graph = dot.withCString({ agmemread($0) }) else {
                return failure(.parse, "could not parse the DOT text")
            }
            defer { agclose(graph) }
            for (key, value) in extraGraphAttributes {
                key.withCString { k in
                    value.withCString { v in
                        "".withCString { empty in
                            _ = agsafeset(
                                UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: k),
                                UnsafeMutablePointer(mutating: v), UnsafeMutablePointer(mutating: empty))
                        }
                    }
                }
            }
            srand(layoutSeed)
            let laidOut = layoutName.withCString { gvLayout(gvc, graph, $0) }
            guard laidOut == 0 else { return failure(.layout, "layout with \(layoutName) failed") }
            defer { gvFreeLayout(gvc, graph) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let rendered = rendererName.withCString { gvRenderData(gvc, graph, $0, &data, &length) }
            guard rendered == 0, let data else {
                return failure(.render, "rendering \(rendererName) failed")
            }
            let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            gvFreeRenderData(data)
            let name = agnameof(UnsafeMutableRawPointer(graph)).map { String(cString: $0) } ?? ""
            return .success(GraphvizRun(bytes: bytes, messages: messages(), graphName: name))
        }
        return try result.get()
    }
}

extension GraphvizC {
    /// Works around a use-after-free in Graphviz's `circo` (lib/circogen/circularinit.c,
    /// `initGraphAttrs`): it caches the attribute symbols and `mindist` of the last root
    /// graph it laid out in static variables, keyed only by that graph's address. When a
    /// later graph is allocated at the address of a freed one, the cache is not refreshed
    /// and `circo` reads freed symbols — different layouts of the same graph (node
    /// positions shifted by ~0.6 pt, measured) or a SIGSEGV in `late_double`. Laying out a
    /// small graph that is never freed first points the cache at a live graph whose address
    /// no other graph can take, so the next graph always refreshes it. Call under the lock.
    /// Cost: one `circo` layout of two nodes per `circo` render; one graph kept for good.
    fileprivate static func anchorCirco(_ gvc: OpaquePointer, _ anchor: inout UnsafeMutablePointer<Agraph_t>?) {
        if anchor == nil {
            aglexbad()
            agreadline(1)
            anchor = "digraph siloscope_circo_anchor { a -> b }".withCString { agmemread($0) }
        }
        guard let graph = anchor else { return }
        if "circo".withCString({ gvLayout(gvc, graph, $0) }) == 0 { gvFreeLayout(gvc, graph) }
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
