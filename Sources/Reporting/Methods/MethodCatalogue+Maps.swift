extension MethodCatalogue {
    public static let coCitation = Method(
        key: "cocitation",
        sentence: "The co-citation map links two of the most cited references by the number of citing records that cite both (Small 1973).",
        reference: "Small, H. (1973). Co-citation in the scientific literature: a new measure of the relationship between two documents. Journal of the American Society for Information Science 24(4), 265–269. doi:10.1002/asi.4630240406")
    public static let coupling = Method(
        key: "coupling",
        sentence: "The bibliographic-coupling map links two citing records by the number of references they share (Kessler 1963).",
        reference: "Kessler, M. M. (1963). Bibliographic coupling between scientific papers. American Documentation 14(1), 10–25. doi:10.1002/asi.5090140103")
    public static let associationStrength = Method(
        key: "association-strength",
        sentence: "Map links are normalised by association strength, the observed count divided by the count expected if the two items occurred independently (van Eck & Waltman 2009).",
        reference: "van Eck, N. J. & Waltman, L. (2009). How to normalize cooccurrence data? An analysis of some well-known similarity measures. Journal of the American Society for Information Science and Technology 60(8), 1635–1651. doi:10.1002/asi.21075")
    public static let leiden = Method(
        key: "leiden",
        sentence: "Map clusters are found by the Leiden algorithm on the normalised weights (modularity, resolution 1, seeded, 10 iterations; Traag, Waltman & van Eck 2019).",
        reference: "Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected communities. Scientific Reports 9, 5233. doi:10.1038/s41598-019-41695-z")
    public static let clusterLabels = Method(
        key: "cluster-labels",
        sentence: "Each cluster is named by the terms most over-represented in its documents by log-likelihood ratio (Dunning 1993), as CiteSpace names co-citation clusters from the titles of the records citing them (Chen, Ibekwe-SanJuan & Hou 2010).",
        reference: "Chen, C., Ibekwe-SanJuan, F. & Hou, J. (2010). The structure and dynamics of cocitation clusters: a multiple-perspective cocitation analysis. Journal of the American Society for Information Science and Technology 61(7), 1386–1409. doi:10.1002/asi.21309")
    public static let dunning = Method(
        key: "dunning",
        sentence: "",
        reference: "Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence. Computational Linguistics 19(1), 61–74.")
    public static let historiograph = Method(
        key: "historiograph",
        sentence: "The historiograph draws the citing records most cited by the other citing records (local citation score), by year, with the citations among them (Garfield, Pudovkin & Istomin 2003).",
        reference: "Garfield, E., Pudovkin, A. I. & Istomin, V. S. (2003). Why do we need algorithmic historiography? Journal of the American Society for Information Science and Technology 54(5), 400–412. doi:10.1002/asi.10226")
}
