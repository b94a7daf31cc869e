import NetworkCore

/// Burt's structural-hole measures of every node.
public struct StructuralHoles: Sendable, Equatable {
    /// Burt's constraint `c_u`; `nil` for a node without neighbours.
    public let constraint: [Double?]
    /// Burt's effective size `e_u`; `nil` for a node without neighbours.
    public let effectiveSize: [Double?]
}

extension Graph {
    /// Burt's constraint and effective size (Burt 1992, *Structural Holes*, Harvard UP;
    /// the formulas as in Borgatti 1997, "Structural holes: unpacking Burt's redundancy
    /// measures", Connections 20(1):35–38), exactly as NetworkX's `constraint` and
    /// `effective_size` compute them.
    ///
    /// Neighbours `N(u)` are the nodes linked to `u` in either direction (self-loops
    /// ignored, duplicate arcs once). The mutual weight is `m_uv = a_uv + a_vu` (1 or 2
    /// when `directed`; 1 for every neighbour when not), `p_uv = m_uv / Σ_{w∈N(u)} m_uw`.
    /// - constraint `c_u = Σ_{v∈N(u)} (p_uv + Σ_{w∈N(u), w≠v} p_uw p_wv)²`: high when
    ///   `u`'s contacts are tied to each other (no structural holes);
    /// - effective size `e_u = Σ_{v∈N(u)} (1 − Σ_{w∈N(u)} p_uw · m_vw / max_k m_vk)`: the
    ///   number of non-redundant contacts.
    ///
    /// Complexity O(Σ_u deg(u)² · log d) time, O(n + m) memory. Deterministic (sums in
    /// ascending neighbour order).
    public func structuralHoles(directed: Bool = true) -> StructuralHoles {
        let n = nodeCount
        let view = undirectedSimple()
        let (outOff, outAdj) = simpleOutAdjacency()
        func arc(_ a: Int32, _ b: Int32) -> Bool {
            var lo = outOff[Int(a)], hi = outOff[Int(a) + 1]
            while lo < hi {
                let mid = (lo + hi) / 2
                if outAdj[mid] < b { lo = mid + 1 } else { hi = mid }
            }
            return lo < outOff[Int(a) + 1] && outAdj[lo] == b
        }
        /// Mutual weight of two distinct nodes.
        func mutual(_ a: Int32, _ b: Int32) -> Double {
            if !directed {
                // Linked in the simple view iff b is a neighbour of a.
                return view.neighbors(of: a).contains(b) ? 1 : 0
            }
            return (arc(a, b) ? 1 : 0) + (arc(b, a) ? 1 : 0)
        }
        // Σ and max of the mutual weights of each node's neighbours.
        var sum = [Double](repeating: 0, count: n)
        var maxWeight = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let me = Int32(u)
            for v in view.neighbors(of: me) {
                let m = directed ? mutual(me, v) : 1
                sum[u] += m
                maxWeight[u] = max(maxWeight[u], m)
            }
        }
        var constraint = [Double?](repeating: nil, count: n)
        var effective = [Double?](repeating: nil, count: n)
        var weightToNeighbor: [Double] = []
        for u in 0..<n {
            let me = Int32(u)
            let neighbors = view.neighbors(of: me)
            guard !neighbors.isEmpty else { continue }
            weightToNeighbor.removeAll(keepingCapacity: true)
            for w in neighbors { weightToNeighbor.append(directed ? mutual(me, w) : 1) }
            var c = 0.0, e = 0.0
            for (i, v) in neighbors.enumerated() {
                let puv = weightToNeighbor[i] / sum[u]
                var indirect = 0.0
                var redundancy = 0.0
                for (j, w) in neighbors.enumerated() where w != v {
                    let mvw = mutual(v, w)
                    if mvw == 0 { continue }
                    let puw = weightToNeighbor[j] / sum[u]
                    indirect += puw * (mvw / sum[Int(w)])   // p_wv uses w's normaliser; m_wv = m_vw
                    redundancy += puw * (mvw / maxWeight[Int(v)])
                }
                c += (puv + indirect) * (puv + indirect)
                e += 1 - redundancy
            }
            constraint[u] = c
            effective[u] = e
        }
        return StructuralHoles(constraint: constraint, effectiveSize: effective)
    }
}
