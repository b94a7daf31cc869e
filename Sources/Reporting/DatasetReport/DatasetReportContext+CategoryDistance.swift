import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// The distance between groups for Rao–Stirling diversity (issue 12).
    ///
    /// When every group except the missing one is a Web of Science subject category of the
    /// bundled similarity matrix (Rafols & Meyer 2010, doi:10.1007/s11192-009-0041-y; cosine
    /// similarity of the categories' citation profiles, WoS 2008–2012), `d_gh = 1 − s_gh` from
    /// that matrix, and references to works without a category are left out (the matrix has
    /// no row for them). Otherwise the distances come from the dataset's own citation
    /// profiles (``GroupDistance/citationProfiles``), the missing group included.
    /// Returns the distance, the missing-group policy and the caption's words for `d_gh`.
    func diversityDistance() -> (GroupDistance, MissingGroupPolicy, String) {
        let profiles = (GroupDistance.citationProfiles, MissingGroupPolicy.include,
                        "d_gh is 1 − the cosine similarity of the two groups' citation profiles in this dataset")
        let named = partition.groupNames.enumerated().filter { Int32($0.offset) != partition.missingGroup }.map(\.element)
        guard named.count >= 2, case .success(let tables) = ClassificationTables.shared,
              let d = tables.wosDistances(named) else { return profiles }
        return (.matrix(d), .exclude,
                "d_gh is 1 − the cosine similarity of the two Web of Science categories' citation profiles (WoS 2008–2012, Rafols & Meyer 2010), and references to works without a category are not counted")
    }
}
