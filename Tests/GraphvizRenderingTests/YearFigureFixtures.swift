import NetworkCore
import TestSupport

/// A seeded random citation DAG with publication years, for the year-ranked figure tests:
/// `n` works with years spread over `years`, each citing 1–3 older works (same literature
/// with probability `homophily`), arcs citing → cited. SPC weights are computed by the
/// usual two-pass count (paths from sources to sinks through each arc), and the main path
/// is the local forward search on SPC — enough to look like a real main-path figure.
struct RandomCitationDAG {
    let nodeCount: Int
    let years: [Int?]
    let arcs: [(Int32, Int32)]
    let partition: Partition
    let labels: [String]
    let spc: [Double]
    let mainPath: Set<Int>
    let citations: [Double]

    init(nodes n: Int, years: ClosedRange<Int>, literatures: [String], homophily: Double, seed: UInt64, undated: Int = 0) {
        var rng = SplitMix64(seed: seed)
        let surnames = ["Hummon", "Doreian", "Batagelj", "Liu", "Lu", "Garfield", "Price", "Merton", "Ostrom", "Bovaird",
                        "Batalden", "Needham", "Brandsen", "Osborne", "Voorberg", "Pestoff", "Alford", "Loeffler", "Berwick", "Donabedian"]
        var yr = (0..<n).map { _ in Int.random(in: years, using: &rng) }
        yr.sort()
        let group = (0..<n).map { _ in Int.random(in: 0..<literatures.count, using: &rng) }
        var arcs: [(Int32, Int32)] = []
        var seen = Set<Int>()
        for u in 1..<max(1, n) {
            let want = Int.random(in: 1...3, using: &rng)
            for _ in 0..<want {
                // Prefer recent, same-literature works.
                var v = -1
                for _ in 0..<6 {
                    let back = min(u, 1 + Int.random(in: 0..<min(u, 8), using: &rng))
                    let c = u - back
                    if Double.random(in: 0..<1, using: &rng) < homophily ? group[c] == group[u] : true { v = c; break }
                }
                if v < 0 { v = u - 1 }
                if seen.insert(u * n + v).inserted { arcs.append((Int32(u), Int32(v))) }
            }
        }
        // SPC in flow direction (cited → citing): sources are works citing nothing... here
        // flow runs v → u for arc (u cites v).
        var forward = [Double](repeating: 0, count: n)  // paths from a source to the node
        var backward = [Double](repeating: 0, count: n) // paths from the node to a sink
        var flowOut = [[Int]](repeating: [], count: n), flowIn = [[Int]](repeating: [], count: n)
        for (i, (u, v)) in arcs.enumerated() { flowOut[Int(v)].append(i); flowIn[Int(u)].append(i) }
        for x in 0..<n { forward[x] = flowIn[x].isEmpty ? 1 : flowIn[x].reduce(0) { $0 + forward[Int(arcs[$1].1)] } }
        for x in stride(from: n - 1, through: 0, by: -1) {
            backward[x] = flowOut[x].isEmpty ? 1 : flowOut[x].reduce(0) { $0 + backward[Int(arcs[$1].0)] }
        }
        let spc = arcs.map { forward[Int($0.1)] * backward[Int($0.0)] }
        // Local forward main path from the source arc of highest SPC.
        var path = Set<Int>()
        let sourceArcs = arcs.indices.filter { flowIn[Int(arcs[$0].1)].isEmpty }
        if var a = sourceArcs.max(by: { spc[$0] != spc[$1] ? spc[$0] < spc[$1] : $0 > $1 }) {
            while true {
                path.insert(a)
                let next = flowOut[Int(arcs[a].0)]
                guard let b = next.max(by: { spc[$0] != spc[$1] ? spc[$0] < spc[$1] : $0 > $1 }) else { break }
                a = b
            }
        }
        var cites = [Double](repeating: 0, count: n)
        for (_, v) in arcs { cites[Int(v)] += 1 }
        nodeCount = n
        var y: [Int?] = yr
        for i in 0..<min(undated, n) { y[n - 1 - i] = nil }
        self.years = y
        self.arcs = arcs
        partition = Partition(values: group.map { literatures[$0] }, order: literatures)
        labels = (0..<n).map { "\(surnames[$0 % surnames.count])\($0 >= surnames.count ? " et al." : "") \(yr[$0])" }
        self.spc = spc
        mainPath = path
        citations = cites
    }
}
