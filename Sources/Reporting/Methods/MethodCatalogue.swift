/// A method a report used, with the sentence that describes it in a methods paragraph
/// and the work it comes from. The methods text of every report is assembled from these
/// entries, so each method is described and cited the same way everywhere.
public struct Method: Sendable, Hashable {
    /// Stable key (used to de-duplicate and order references).
    public let key: String
    /// One sentence for the methods paragraph.
    public let sentence: String
    /// Full reference, with DOI (or arXiv / URL where no DOI exists).
    public let reference: String
}

/// The catalogue of methods Siloscope reports can cite.
public enum MethodCatalogue {
    /// PageRank as computed with the default parameters (see ``pageRankMethod(damping:tolerance:)``).
    public static let pagerank = pageRankMethod(damping: 0.85, tolerance: 1e-12)

    /// PageRank's sentence for the damping factor and tolerance actually used.
    public static func pageRankMethod(damping: Double, tolerance: Double) -> Method {
        Method(
            key: "pagerank",
            sentence: "PageRank (Brin & Page 1998), with damping factor \(AnalysisCatalogue.number(damping)) and the score of works without references spread uniformly, was computed from the equivalent sparse linear system: exactly, one work at a time in citation order, where the network is acyclic, and by Gauss–Seidel sweeps inside each strongly connected component until a sweep changed the component's scores by less than \(AnalysisCatalogue.number(tolerance)) of their sum (L1).",
            reference: "Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web search engine. Computer Networks and ISDN Systems 30(1–7), 107–117. doi:10.1016/S0169-7552(98)00110-X")
    }
    public static let components = Method(
        key: "components",
        sentence: "Weakly connected components were found by union–find over the arcs, ignoring their direction, and strongly connected components by Tarjan's algorithm, implemented without recursion (Tarjan 1972).",
        reference: "Tarjan, R. (1972). Depth-first search and linear graph algorithms. SIAM Journal on Computing 1(2), 146–160. doi:10.1137/0201010")
    public static let coword = Method(
        key: "coword",
        sentence: "The concept co-use network links two works when their entries in the review name at least one shared concept, weighted by the number of shared concepts, in the manner of co-word analysis (Callon et al. 1983).",
        reference: "Callon, M., Courtial, J.-P., Turner, W. A. & Bauin, S. (1983). From translations to problematic networks: an introduction to co-word analysis. Social Science Information 22(2), 191–235. doi:10.1177/053901883022002003")
    public static let edgeHomophily = Method(
        key: "edge-homophily",
        sentence: "Edge homophily is the share of linked pairs whose two works belong to the same group, counted on the undirected simple network (each linked pair once, self-links left out) (Zhu et al. 2020).",
        reference: "Zhu, J., Yan, Y., Zhao, L., Heimann, M., Akoglu, L. & Koutra, D. (2020). Beyond homophily in graph neural networks: current limitations and effective designs. NeurIPS 33. arXiv:2006.11468")
    public static let classInsensitive = Method(
        key: "class-insensitive-homophily",
        sentence: "Class-insensitive homophily averages, over groups, how far each group's share of same-group links exceeds the group's share of all works, so that a large group cannot dominate the measure (Lim et al. 2021).",
        reference: "Lim, D., Hohne, F., Li, X., Huang, S. L., Gupta, V., Bhalerao, O. & Lim, S.-N. (2021). Large scale learning on non-homophilous graphs: new benchmarks and strong simple methods. NeurIPS 34. arXiv:2110.14446")
    public static let eiIndex = Method(
        key: "ei-index",
        sentence: "The E-I index is (E − I)/(E + I), where E counts linked pairs between groups and I pairs within a group, on the undirected simple network; −1 means every link stays within its group, +1 that every link crosses groups (Krackhardt & Stern 1988).",
        reference: "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an experimental simulation. Social Psychology Quarterly 51(2), 123–140. doi:10.2307/2786835")
    public static let mixing = Method(
        key: "mixing",
        sentence: "The mixing matrix counts links by the groups of their two ends (for citations, rows are the citing group and columns the cited group) (Newman 2003).",
        reference: "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E 67, 026126. doi:10.1103/PhysRevE.67.026126")
    public static let permutationNull = Method(
        key: "permutation-null",
        sentence: "Each silo statistic is compared with a null model that shuffles the group labels over the works (label permutation, seeded, as UCINET does for the E-I index), keeping the network and the group sizes fixed; p-values count the shuffles at least as extreme as observed, with the +1 correction of North, Curtis & Sham (2002), and intervals are the central 95% of the null values.",
        reference: "North, B. V., Curtis, D. & Sham, P. C. (2002). A note on the calculation of empirical P values from Monte Carlo procedures. American Journal of Human Genetics 71(2), 439–441. doi:10.1086/341527")
    /// Louvain as the reports run it by default (see ``louvainMethod(runs:)``).
    public static let louvain = louvainMethod(runs: 10)

    /// Louvain's sentence for the number of seeded runs actually kept from.
    public static func louvainMethod(runs: Int) -> Method {
        Method(
            key: "louvain",
            sentence: "Communities were detected without the group labels by the Louvain method on the undirected simple network (each linked pair once, unweighted), seeded, keeping the best modularity of \(runs) runs with consecutive seeds (Blondel et al. 2008); only works with at least one link were compared with the groups.",
            reference: "Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of communities in large networks. Journal of Statistical Mechanics P10008. doi:10.1088/1742-5468/2008/10/P10008")
    }
    public static let brokerage = Method(
        key: "brokerage",
        sentence: "Brokerage roles (coordinator, itinerant, gatekeeper, representative, liaison) classify the middle work of every open two-path of citations by the groups of its three works (Gould & Fernandez 1989), compared with their means under label shuffles.",
        reference: "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in transaction networks. Sociological Methodology 19, 89–126. doi:10.2307/270949")
    /// Rao–Stirling diversity over the dataset's citation profiles, every reference counted
    /// (see ``raoStirlingMethod(leavesOutUnplaced:)``).
    public static let raoStirling = raoStirlingMethod(leavesOutUnplaced: false)

    /// Rao–Stirling diversity over the dataset's citation profiles; with
    /// `leavesOutUnplaced`, the works without a group are left out of the profiles and as
    /// citing works, and references to them are not counted (as the report's headline does).
    public static func raoStirlingMethod(leavesOutUnplaced: Bool) -> Method {
        let base = "The diversity of each work's references is Rao–Stirling diversity, with the distance between two groups one minus the cosine similarity of their citation profiles (Stirling 2007; Rafols & Meyer 2010)"
        return Method(
            key: "rao-stirling",
            sentence: base + (leavesOutUnplaced
                ? "; works without a group are left out of the profiles and are not scored, and references to them are not counted, so a work's group shares are of its counted references."
                : "."),
            reference: "Stirling, A. (2007). A general framework for analysing diversity in science, technology and society. Journal of the Royal Society Interface 4(15), 707–719. doi:10.1098/rsif.2007.0213")
    }
    /// Rao–Stirling diversity with the distances of the Web of Science category similarity
    /// matrix (used when a report's groups are WoS categories, issue 12).
    public static let raoStirlingWoS = Method(
        key: "rao-stirling-wos",
        sentence: "The diversity of each work's references is Rao–Stirling diversity, with the distance between two Web of Science subject categories one minus the cosine similarity of their citation profiles in the Web of Science 2008–2012 (Stirling 2007; Rafols & Meyer 2010); works without a category in that matrix are not scored and references to them are not counted, so a work's category shares are of its counted references.",
        reference: raoStirling.reference)
    /// The reference for the cosine distance between subject categories (no sentence of its own).
    public static let rafolsMeyer = Method(
        key: "rafols-meyer", sentence: "",
        reference: "Rafols, I. & Meyer, M. (2010). Diversity and network coherence as indicators of interdisciplinarity: case studies in bionanoscience. Scientometrics 82(2), 263–287. doi:10.1007/s11192-009-0041-y")
    public static let sfdp = Method(
        key: "sfdp",
        sentence: "Networks were drawn with Graphviz's sfdp multilevel force-directed layout (Hu 2005) through the Graphviz C libraries (Gansner & North 2000), colours from the Okabe–Ito colour-blind-safe palette.",
        reference: "Hu, Y. (2005). Efficient, high-quality force-directed graph drawing. The Mathematica Journal 10(1), 37–71.")
    public static let graphviz = Method(
        key: "graphviz",
        sentence: "",
        reference: "Gansner, E. R. & North, S. C. (2000). An open graph visualization system and its applications to software engineering. Software: Practice and Experience 30(11), 1203–1233. doi:10.1002/1097-024X(200009)30:11<1203::AID-SPE338>3.0.CO;2-N")
    public static let okabeIto = Method(
        key: "okabe-ito",
        sentence: "",
        reference: "Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/")

    /// The methods paragraph for `methods` (in the order given, each once) and the
    /// sorted, de-duplicated reference list.
    public static func text(for methods: [Method]) -> (paragraph: String, references: [String]) {
        var seen = Set<String>()
        var sentences: [String] = []
        var references = Set<String>()
        for m in methods where !seen.contains(m.key) {
            seen.insert(m.key)
            if !m.sentence.isEmpty { sentences.append(m.sentence) }
            if !m.reference.isEmpty { references.insert(m.reference) }
        }
        return (sentences.joined(separator: " "), references.sorted())
    }
}
