/// Association strength normalisation of co-occurrence counts (van Eck & Waltman 2009,
/// "How to normalize cooccurrence data? An analysis of some well-known similarity
/// measures", JASIST 60(8):1635–1651, doi:10.1002/asi.21075).
///
/// For items `i`, `j` with co-occurrence count `c_ij` and occurrence counts `s_i`, `s_j`
/// out of `total` units: `AS_ij = total · c_ij / (s_i · s_j)`, the ratio of the observed
/// co-occurrences to those expected if the two items occurred independently
/// (`s_i s_j / total`). 1 means as often as chance; the measure is the one the paper shows
/// to be a proper probabilistic similarity, unlike cosine or Jaccard, which favour items
/// that occur often. Co-citation: items are cited works, units the citing records, `s_i`
/// the citing records citing `i`. Coupling: items are citing records, units the distinct
/// references, `s_i` the number of `i`'s references.
///
/// O(1) per pair. Pure.
public enum AssociationStrength {
    /// `total · count / (s_i · s_j)`; 0 when either occurrence count is 0.
    public static func value(count: Int, occurrencesI: Int, occurrencesJ: Int, total: Int) -> Double {
        guard occurrencesI > 0, occurrencesJ > 0, count > 0 else { return 0 }
        return Double(total) * Double(count) / (Double(occurrencesI) * Double(occurrencesJ))
    }
}
