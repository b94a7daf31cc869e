extension MethodCatalogue {
    /// How map clusters are named from the works' categories and venues, besides title terms.
    public static let clusterCategoryLabels = Method(
        key: "cluster-category-labels",
        sentence: "Each map cluster is also characterised by the categories (the works' fields at the dataset's classification level, all of a work's categories counted) and the venues most over-represented among its works against the other works of the map, by the same log-likelihood ratio; a cluster's name joins its two best title terms with its best category and venue.",
        reference: "Chen, C., Ibekwe-SanJuan, F. & Hou, J. (2010). The structure and dynamics of cocitation clusters: a multiple-perspective cocitation analysis. Journal of the American Society for Information Science and Technology 61(7), 1386–1409. doi:10.1002/asi.21309")

    /// How map clusters are set against the works' literatures.
    public static let mapLiteratures = Method(
        key: "map-literatures",
        sentence: "The clusters of each map are compared with the literatures the works belong to by a contingency table, normalised mutual information and the adjusted Rand index over the works of the map that have a literature and a link; works without a literature are counted per cluster and left out of the comparison, never merged into a group of their own.",
        reference: "")

    /// The methods of a map section: the map itself and, when the works have literatures,
    /// the comparison of its clusters with them.
    static func mapMethods(_ map: Method, comparedWithLiteratures: Bool) -> [Method] {
        [map, associationStrength, leiden, clusterLabels, clusterCategoryLabels, dunning]
            + (comparedWithLiteratures ? [mapLiteratures, nmi, ari, steinley] : [])
    }
}
