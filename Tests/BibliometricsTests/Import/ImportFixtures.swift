import Foundation
@testable import Bibliometrics

/// Temporary files for import tests (one fresh folder per call, removed by the caller).
struct TempFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "siloscope-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` in the folder and returns the path.
    func write(_ name: String, _ bytes: Data) throws -> String {
        let p = path + "/" + name
        try bytes.write(to: URL(fileURLWithPath: p))
        return p
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Small hand-written exports of one paper (WoS and Scopus hold the same citing work).
enum ImportFixtures {
    static let wos = """
    FN Clarivate Analytics Web of Science
    VR 1.0
    PT J
    AU Smith, J
       Jones, K
    AF Smith, John
       Jones, Karl
    TI Co-production in health care: a review
    SO JOURNAL OF HEALTH SERVICES RESEARCH
    PY 2020
    VL 12
    BP 100
    EP 120
    DI 10.1234/jhsr.2020.001
    CR Aria M, 2017, J INFORMETR, V11, P959, DOI 10.1016/j.joi.2017.08.007
       Osborne SP, 2016, PUBLIC MANAG REV, V18, P639
       Ostrom E, 1996, WORLD DEV, V24, P1073
    NR 3
    UT WOS:000000000000001
    ER

    EF

    """

    /// One Scopus CSV row in the 2024 style (authors of one reference separated by `; `;
    /// a cell never mixes this with the older comma-separated authors).
    static let scopusHeader = #""Authors","Title","Year","Source title","Volume","Issue","Page start","Page end","DOI","References","EID""#

    static let scopusRow = #""Smith J.; Jones K.","Co-production in health care: a review",2020,"Journal of Health Services Research","12","","100","120","10.1234/JHSR.2020.001","Aria M.; Cuccurullo C., bibliometrix: An R-tool for comprehensive science mapping analysis, J Informetr, 11, 4, pp. 959-975, (2017); Osborne S.P.; Radnor Z.; Strokosch K., Co-production and the co-creation of value in public services: a suitable case for treatment?, Public Manag Rev, 18, 5, pp. 639-653, (2016); Ostrom E., Crossing the great divide: coproduction, synergy, and development, World Dev, 24, 6, pp. 1073-1087, (1996); Batalden M.; Batalden P.; Margolis P., Coproduction of healthcare service, BMJ Qual Saf, 25, 7, pp. 509-517, (2016)","2-s2.0-1""#

    static var scopus: String { scopusHeader + "\n" + scopusRow + "\n" }

    static let openAlexLines = """
    {"id": "https://openalex.org/W1", "doi": "https://doi.org/10.1/a", "title": "Alpha", "publication_year": 2000, "authorships": [{"author": {"display_name": "Ann Lee"}}], "host_venue": {"display_name": "J A"}, "referenced_works": []}
    {"id": "https://openalex.org/W2", "doi": null, "title": "Beta", "publication_year": 2001, "primary_location": {"source": {"display_name": "J B"}}, "referenced_works": ["https://openalex.org/W1", "https://openalex.org/W9"]}
    {"id": "https://openalex.org/W3", "title": "Gamma", "publication_year": 2002, "referenced_works": ["https://openalex.org/W1", "https://openalex.org/W9", "https://openalex.org/W2"]}

    """
}
