extension MethodCatalogue {
    /// The network report's paragraph on main path analysis. Its references travel as
    /// ``mainPathReferences`` (methods with an empty sentence).
    static let mainPathParagraph = "Main path analysis: strong components condensed (Tarjan 1972), search path counts computed exactly over a topological order (Batagelj 2003), and local forward, global and key-route (Liu & Lu 2012) searches."

    /// The works ``mainPathParagraph`` and the main path section cite: Batagelj's search
    /// path counts, Hummon & Doreian's main path, Liu & Lu's key-route search and Tarjan's
    /// strong components (the reference of ``components``).
    static let mainPathReferences: [Method] = [
        Method(key: "spc", sentence: "",
               reference: "Batagelj, V. (2003). Efficient algorithms for citation network analysis. arXiv:cs/0309023"),
        Method(key: "main-path", sentence: "",
               reference: "Hummon, N. P. & Doreian, P. (1989). Connectivity in a citation network: the development of DNA theory. Social Networks 11(1), 39–63. doi:10.1016/0378-8733(89)90017-8"),
        Method(key: "key-route", sentence: "",
               reference: "Liu, J. S. & Lu, L. Y. Y. (2012). An integrated approach for main path analysis: development of the Hirsch index as an example. JASIST 63(3), 528–542. doi:10.1002/asi.21692"),
        Method(key: "condensation", sentence: "", reference: components.reference),
    ]

    /// The network report's closing paragraph on its figures (main paths, historiograph).
    static let yearRankedFiguresParagraph = "Figures drawn with Graphviz's dot layout, one rank per year, in-process through its C libraries."
}
