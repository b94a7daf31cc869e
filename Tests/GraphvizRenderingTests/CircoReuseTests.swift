import Foundation
import Testing
@testable import GraphvizRendering

/// Regression for Graphviz `circo`'s static cache keyed by the root graph's address
/// (circularinit.c `initGraphAttrs`, Graphviz 2.42): without ``GraphvizC``'s anchor graph,
/// re-rendering a circo figure between renders of other graphs gave a layout shifted by
/// ~0.6 pt in 3–24 of 60 renders, and with PDF renders in between a SIGSEGV in
/// `late_double` (measured before the fix; 0 of 60 after).
@Suite struct CircoReuseTests {
    @Test func circoLayoutIsStableBetweenOtherRenders() throws {
        let fig = try QuotientFigure(groupNames: ["A", "B", "C"], flows: [[5, 2, 0], [1, 3, 4], [0, 0, 0]], groupSizes: [10, 5, 1])
        for between in [FigureFormat.pdf, .svg] {
            let first = try fig.render(format: .svg)
            var differing = 0
            for i in 0..<40 {
                let size = 6.0 + Double(i % 17) * 0.37
                let other = "digraph { node [fontname=\"DejaVu Sans\", fontsize=\(size)]; a [label=\"Words \(i)\"]; a -> b [label=\"x\(i)\", fontsize=\(size + 1.3)]; }"
                _ = try GraphvizRenderer.render(dot: other, engine: .dot, format: between)
                if try fig.render(format: .svg) != first { differing += 1 }
            }
            #expect(differing == 0, "\(differing) of 40 circo renders differ (other graphs rendered as \(between) in between)")
        }
    }
}
