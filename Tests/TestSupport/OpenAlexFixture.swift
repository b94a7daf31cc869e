import Foundation

/// A stand-in for the OpenAlex `/works` API answering from the real works in
/// `../shared/data/formats/openalex-json/institutions-id-tu9--type-selection--py-diophila.json`
/// (410 Work objects returned by the API in Aug 2022; see that folder's PROVENANCE.md).
///
/// Served like the API: `/works/W…` and `/works/doi:…` (one work, or 404); `/works?filter=`
/// with `openalex_id:`, `doi:`, `cites:` (OR with `|`) and `publication_year:`, combined
/// with `,`; `search=` (works whose title holds any of the words, most words first);
/// `per-page` and `cursor` paging with `meta.next_cursor`. Every object served is a real
/// record, unchanged. Works the file lacks are not found, as if absent from OpenAlex.
public final class OpenAlexFixture: @unchecked Sendable {
    public static let relativePath = "formats/openalex-json/institutions-id-tu9--type-selection--py-diophila.json"
    public let works: [[String: Any]]
    private let byID: [String: Int]
    private let byDOI: [String: Int]
    /// Each work serialised once (list answers are assembled from these bytes).
    private let serialized: [Data]

    /// The fixture, or `nil` when the shared data is absent.
    public static func load() -> OpenAlexFixture? {
        guard let path = SharedData.path(relativePath), let data = FileManager.default.contents(atPath: path),
              let list = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else { return nil }
        return OpenAlexFixture(works: list)
    }

    init(works: [[String: Any]]) {
        self.works = works
        var ids: [String: Int] = [:], dois: [String: Int] = [:]
        for (k, w) in works.enumerated() {
            if let id = OpenAlexFixture.bareID(w["id"] as? String) { ids[id] = k }
            if let d = OpenAlexFixture.bareDOI(w["doi"] as? String) { dois[d] = k }
        }
        byID = ids
        byDOI = dois
        serialized = works.map { OpenAlexFixture.body($0) }
    }

    public static func bareID(_ s: String?) -> String? {
        guard let s else { return nil }
        return s.components(separatedBy: "/").last
    }

    public static func bareDOI(_ s: String?) -> String? {
        guard var d = s?.lowercased() else { return nil }
        for p in ["https://doi.org/", "doi:"] where d.hasPrefix(p) { d = String(d.dropFirst(p.count)) }
        return d
    }

    /// The work with OpenAlex id `id` (bare `W…`).
    public func work(_ id: String) -> [String: Any]? { byID[id].map { works[$0] } }

    public func id(_ w: [String: Any]) -> String { OpenAlexFixture.bareID(w["id"] as? String) ?? "" }

    /// Bare ids of `w`'s `referenced_works`.
    public func references(_ w: [String: Any]) -> [String] {
        ((w["referenced_works"] as? [String]) ?? []).compactMap { OpenAlexFixture.bareID($0) }
    }

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func body(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    static let notFound = LocalHTTPResponse.json(404, Data(#"{"error":"Not Found","message":"no such work"}"#.utf8))

    /// Answers one request as the API would.
    public func respond(_ r: LocalHTTPRequest) -> LocalHTTPResponse {
        if r.path.hasPrefix("/works/") {
            let key = String(r.path.dropFirst("/works/".count))
            if key.lowercased().hasPrefix("doi:") || key.lowercased().hasPrefix("https://doi.org/") {
                guard let d = OpenAlexFixture.bareDOI(key), let k = byDOI[d] else { return Self.notFound }
                return .json(200, serialized[k])
            }
            guard let k = byID[key] else { return Self.notFound }
            return .json(200, serialized[k])
        }
        guard r.path == "/works" else { return Self.notFound }
        var selected = Array(works.indices)
        for clause in (r.query["filter"] ?? "").split(separator: ",") {
            guard let colon = clause.firstIndex(of: ":") else { return .json(400, Data(#"{"error":"bad filter"}"#.utf8)) }
            let name = clause[..<colon]
            let values = clause[clause.index(after: colon)...].split(separator: "|").map { String($0) }
            switch name {
            case "openalex_id":
                let set = Set(values.compactMap { OpenAlexFixture.bareID($0) })
                selected = selected.filter { set.contains(id(works[$0])) }
            case "doi":
                let set = Set(values.compactMap { OpenAlexFixture.bareDOI($0) })
                selected = selected.filter { OpenAlexFixture.bareDOI(works[$0]["doi"] as? String).map(set.contains) ?? false }
            case "cites":
                let set = Set(values.compactMap { OpenAlexFixture.bareID($0) })
                selected = selected.filter { !set.isDisjoint(with: references(works[$0])) }
            case "publication_year":
                let years = Set(values.compactMap { Int($0) })
                selected = selected.filter { ((works[$0]["publication_year"] as? NSNumber)?.intValue).map(years.contains) ?? false }
            default:
                return .json(400, Data(#"{"error":"unsupported filter"}"#.utf8))
            }
        }
        if let search = r.query["search"] {
            let terms = Set(Self.words(search))
            let scored = selected.map { k in (k, Set(Self.words((works[k]["title"] as? String) ?? "")).intersection(terms).count) }
                .filter { $0.1 > 0 }
            selected = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        }
        let perPage = max(1, min(200, Int(r.query["per-page"] ?? "") ?? 25))
        var offset = 0
        if let c = r.query["cursor"], c != "*" { offset = Int(c.dropFirst()) ?? 0 }
        let page = Array(selected.dropFirst(offset).prefix(perPage))
        var meta: [String: Any] = ["count": selected.count, "db_response_time_ms": 1, "per_page": perPage]
        if r.query["cursor"] != nil {
            meta["next_cursor"] = offset + perPage < selected.count ? "o\(offset + perPage)" : NSNull()
        } else {
            meta["page"] = 1
        }
        var body = Data("{\"group_by\":[],\"meta\":".utf8)
        body.append(Self.body(meta))
        body.append(Data(",\"results\":[".utf8))
        for (n, k) in page.enumerated() {
            if n > 0 { body.append(0x2C) }
            body.append(serialized[k])
        }
        body.append(Data("]}".utf8))
        return .json(200, body)
    }
}
