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
    /// Complexity O(m log d + Σ_v deg(v)²) time (common neighbours found through a
    /// marker array), O(n + m) memory. Deterministic (sums in ascending neighbour order).
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
        // Mutual weight of every position of the undirected view (m_vw, symmetric).
        var mutual = [Double](repeating: 1, count: view.adjacency.count)
        if directed {
            for v in 0..<n {
                for p in view.offsets[v]..<view.offsets[v + 1] {
                    let w = view.adjacency[p]
                    mutual[p] = (arc(Int32(v), w) ? 1 : 0) + (arc(w, Int32(v)) ? 1 : 0)
                }
            }
        }
        // Σ and max of the mutual weights of each node's neighbours.
        var sum = [Double](repeating: 0, count: n)
        var maxWeight = [Double](repeating: 0, count: n)
        for v in 0..<n {
            for p in view.offsets[v]..<view.offsets[v + 1] {
                sum[v] += mutual[p]
                maxWeight[v] = max(maxWeight[v], mutual[p])
            }
        }
        var constraint = [Double?](repeating: nil, count: n)
        var effective = [Double?](repeating: nil, count: n)
        // markU[w] = m_uw for the neighbours w of the current u, 0 elsewhere.
        var markU = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let lo = view.offsets[u], hi = view.offsets[u + 1]
            guard lo < hi else { continue }
            for p in lo..<hi { markU[Int(view.adjacency[p])] = mutual[p] }
            var c = 0.0, e = 0.0
            for p in lo..<hi {
                let v = Int(view.adjacency[p])
                let puv = mutual[p] / sum[u]
                // Common neighbours w of u and v (w ≠ u: u is not its own neighbour).
                var indirect = 0.0, redundancy = 0.0
                for q in view.offsets[v]..<view.offsets[v + 1] {
                    let w = Int(view.adjacency[q])
                    let muw = markU[w]
                    if muw == 0 { continue }
                    let puw = muw / sum[u]
                    indirect += puw * (mutual[q] / sum[w])       // p_wv, with m_wv = m_vw
                    redundancy += puw * (mutual[q] / maxWeight[v])
                }
                c += (puv + indirect) * (puv + indirect)
                e += 1 - redundancy
            }
            for p in lo..<hi { markU[Int(view.adjacency[p])] = 0 }
            constraint[u] = c
            effective[u] = e
        }
        return StructuralHoles(constraint: constraint, effectiveSize: effective)
    }
}
