extension MethodCatalogue {
    /// How the centrality top lists are ranked (no reference of its own).
    public static let centralityRanking = Method(
        key: "centrality-ranking",
        sentence: "The most central works are listed per measure, at most 10 per list, by value descending; values equal to 10 significant digits count as ties, broken by the work's label (ignoring case, then exactly) and then its id in ascending order; works whose value is zero (or below 10⁻⁹ of the largest, the precision of the iterative solvers) are not listed. In-degree counts the works of the network that cite a work.",
        reference: "")
    public static let hits = Method(
        key: "hits",
        sentence: "HITS authority scores are the principal singular vector of the citation adjacency matrix on the cited side, computed by power iteration from the uniform vector and normalised to sum 1 (Kleinberg 1999).",
        reference: "Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked environment. Journal of the ACM 46(5), 604–632. doi:10.1145/324133.324140")
    public static let betweenness = Method(
        key: "betweenness",
        sentence: "Betweenness counts, for each work, the shortest directed citation chains between other works that pass through it, each pair's chains sharing one unit (Freeman 1977), computed exactly by Brandes' algorithm (Brandes 2001), unnormalised.",
        reference: "Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical Sociology 25(2), 163–177. doi:10.1080/0022250X.2001.9990249")
    public static let freeman = Method(
        key: "freeman",
        sentence: "",
        reference: "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40(1), 35–41. doi:10.2307/3033543")
    public static let coreness = Method(
        key: "coreness",
        sentence: "The core number of a work is the largest k for which it belongs to the k-core of the undirected simple network, the largest part in which every work has at least k links (Seidman 1983), computed by the O(m) peeling algorithm of Batagelj & Zaveršnik (2003).",
        reference: "Seidman, S. B. (1983). Network structure and minimum degree. Social Networks 5(3), 269–287. doi:10.1016/0378-8733(83)90028-X")
    public static let batageljZaversnik = Method(
        key: "batagelj-zaversnik",
        sentence: "",
        reference: "Batagelj, V. & Zaveršnik, M. (2003). An O(m) algorithm for cores decomposition of networks. arXiv:cs/0310049")
    public static let modularity = Method(
        key: "modularity",
        sentence: "Modularity Q = Σ_c [L_c/E − (D_c/2E)²], with L_c the links inside group c, D_c the summed degrees of its works and E the links, measures how much more a partition keeps links inside its groups than a random network with the same degrees would; it is given both for the detected communities and for the groups, on the same undirected view (Newman & Girvan 2004).",
        reference: "Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in networks. Physical Review E 69, 026113. doi:10.1103/PhysRevE.69.026113")
    public static let nmi = Method(
        key: "nmi",
        sentence: "Agreement between the detected communities and the groups is measured by normalised mutual information, 2I(X;Y)/(H(X) + H(Y)) (Danon et al. 2005),",
        reference: "Danon, L., Díaz-Guilera, A., Duch, J. & Arenas, A. (2005). Comparing community structure identification. Journal of Statistical Mechanics P09008. doi:10.1088/1742-5468/2005/09/P09008")
    public static let ari = Method(
        key: "ari",
        sentence: "and by the adjusted Rand index, the share of pairs of works on which the two partitions agree corrected for chance (Hubert & Arabie 1985); the plain-words reading calls an adjusted Rand index of at least 0.65 'largely' reproducing the groups (Steinley 2004 calls lower values a poor recovery), from 0.2 to 0.65 'in part' (a cut of this report, not a published one), and below 0.2 'not'.",
        reference: "Hubert, L. & Arabie, P. (1985). Comparing partitions. Journal of Classification 2(1), 193–218. doi:10.1007/BF01908075")
    public static let steinley = Method(
        key: "steinley",
        sentence: "",
        reference: "Steinley, D. (2004). Properties of the Hubert–Arabie adjusted Rand index. Psychological Methods 9(3), 386–396. doi:10.1037/1082-989X.9.3.386")

    /// The methods of the centrality top lists, in methods-paragraph order.
    public static let centrality: [Method] = [centralityRanking, pagerank, hits, betweenness, freeman, coreness, batageljZaversnik]
    /// The methods of a communities-versus-groups comparison.
    public static let communityComparison: [Method] = [louvain, modularity, nmi, ari, steinley]
}
