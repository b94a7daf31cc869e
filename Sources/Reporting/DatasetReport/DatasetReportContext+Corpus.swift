import Bibliometrics
import NetworkAlgorithms
import NetworkCore

/// What the corpus sections (co-citation map, coupling map, historiograph) share: which
/// works are the citing records of an imported search and the words that label clusters.
extension DatasetReportContext {
    /// Citing records of an imported corpus: works whose `role` (written by
    /// `siloscope import`) is `citing` or `citing+cited`. nil when the dataset has no
    /// `role` column (a curated dataset) or fewer than
    /// ``DatasetReportBuilder/Parameters/minimumCitingRecords`` citing records, so the
    /// corpus sections are not shown.
    var citingRecords: [Bool]? {
        guard let roles = dataset.workAttributes["role"] else { return nil }
        let citing = roles.map { $0 == "citing" || $0 == "citing+cited" }
        return citing.filter { $0 }.count >= max(1, parameters.minimumCitingRecords) ? citing : nil
    }

    /// The terms of each cluster whose G² reaches ``DatasetReportBuilder/Parameters/minimumLabelG2``.
    func significant(_ labels: [[ClusterTerm]]) -> [[ClusterTerm]] {
        labels.map { $0.filter { $0.llr >= parameters.minimumLabelG2 } }
    }

    /// Lower-case title terms of every work (empty without a `title` column).
    var titleTerms: [[String]] {
        let titles = dataset.workAttributes["title"] ?? [String?](repeating: nil, count: workCount)
        return titles.map { $0.map(ClusterLabels.titleTerms) ?? [] }
    }

    /// The venue of every work, as one feature ("J WILDLIFE MANAGE"), upper-cased so
    /// that full titles and abbreviations spelled in different cases meet.
    var venueFeatures: [[String]] {
        let venues = dataset.workAttributes["venue"] ?? [String?](repeating: nil, count: workCount)
        return venues.map { v in
            guard let v, !v.isEmpty else { return [] }
            return [v.uppercased()]
        }
    }

    /// The grouping of the works when at least one work has a value, for colouring and comparing maps.
    var mapGrouping: Partition? {
        guard groupAttribute != nil, partition.groupSizes().enumerated().contains(where: { Int32($0.offset) != partition.missingGroup && $0.element > 0 })
        else { return nil }
        return partition
    }

    /// "Surname Year, venue" for tooltips and map tables.
    func mapTooltip(_ w: Int) -> String {
        let venue = dataset.workAttributes["venue"]?[w] ?? nil
        return Self.readable(labelWithYear(w)) + (venue.map { $0.isEmpty ? "" : ", \($0)" } ?? "")
    }

    /// Words written all in capitals (WoS cited references: "KENDALL 1995") in title case
    /// ("Kendall 1995"); other words, digits and mixed-case words unchanged. Pure.
    static func readable(_ label: String) -> String {
        label.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let letters = word.filter(\.isLetter)
            guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { return String(word) }
            return word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
