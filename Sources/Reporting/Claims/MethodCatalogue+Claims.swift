extension MethodCatalogue {
    public static let wilson = Method(
        key: "wilson",
        sentence: "Shares of works are given with 95% Wilson score intervals (Wilson 1927), which stay informative at 0 or 100%.",
        reference: "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. Journal of the American Statistical Association 22(158), 209–212. doi:10.1080/01621459.1927.10502953")
    public static let fisherExact = Method(
        key: "fisher-exact",
        sentence: "Each claim's 2×2 table (claimed group or comparison group, draws on the target or not) is tested by Fisher's exact test (Fisher 1922): two-sided, summing the probabilities of all tables with the same margins no more probable than the observed one (ties within a relative 1e-7), and one-sided in the direction the claim states.",
        reference: "Fisher, R. A. (1922). On the interpretation of χ² from contingency tables, and the calculation of P. Journal of the Royal Statistical Society 85(1), 87–94. doi:10.2307/2340521")
    public static let labelPermutation = Method(
        key: "label-permutation",
        sentence: "A label-permutation test shuffles which works are in the claimed and the comparison group (seeded) and counts the shuffles whose difference in shares is at least as large as observed, with p = (1 + count)/(1 + shuffles) (Phipson & Smyth 2010).",
        reference: "Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero: calculating exact p-values when permutations are randomly drawn. Statistical Applications in Genetics and Molecular Biology 9(1), 39. doi:10.2202/1544-6115.1585")
    public static let newcombe = Method(
        key: "newcombe",
        sentence: "The effect size is the difference in shares with Newcombe's hybrid score interval (Newcombe 1998, method 10), and the odds ratio with Woolf's logit interval (Woolf 1955), adding 0.5 to every cell when one is empty (Haldane 1956).",
        reference: "Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions: comparison of eleven methods. Statistics in Medicine 17(8), 873–890. doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I")
    public static let woolf = Method(
        key: "woolf",
        sentence: "",
        reference: "Woolf, B. (1955). On estimating the relation between blood group and disease. Annals of Human Genetics 19(4), 251–253. doi:10.1111/j.1469-1809.1955.tb01348.x")
    public static let haldane = Method(
        key: "haldane",
        sentence: "",
        reference: "Haldane, J. B. S. (1956). The estimation and significance of the logarithm of a ratio of frequencies. Annals of Human Genetics 20(4), 309–311.")
    public static let mappingSensitivity = Method(
        key: "mapping-sensitivity",
        sentence: "The sensitivity of each claim to the analyst's literature mapping is shown by repeating its test with each mapping row that lists an alternative moved to that alternative, one row at a time, and with every such row moved to its first alternative together.",
        reference: "")

    /// The methods of the claims section, in order.
    public static let claims: [Method] = [wilson, fisherExact, labelPermutation, newcombe, woolf, haldane, mappingSensitivity]
}
