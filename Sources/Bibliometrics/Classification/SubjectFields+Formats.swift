import Foundation

/// Reading ``SubjectFields`` out of the records of each format (the readers call these).
extension SubjectFields {
    /// WoS plain text / tab-delimited tags: `WC`, `SC`, `SN`, `EI`, `J9`, `JI`.
    static func wos(_ text: (String) -> String?) -> SubjectFields {
        var f = SubjectFields()
        f.wosCategories = list(text("WC"))
        f.wosAreas = list(text("SC"))
        f.issns = issnList([text("SN"), text("EI")])
        f.venueNames = [text("J9"), text("JI")].compactMap { $0 }
        return f
    }

    /// BibTeX fields (lower-cased names): WoS `web-of-science-categories`, `research-areas`;
    /// `issn`, `eissn`; WoS `journal-iso`; Scopus `abbrev_source_title`.
    static func bibTeX(_ field: (String) -> String?) -> SubjectFields {
        var f = SubjectFields()
        f.wosCategories = list(field("web-of-science-categories"))
        f.wosAreas = list(field("research-areas"))
        f.issns = issnList([field("issn"), field("eissn")])
        f.venueNames = [field("journal-iso"), field("abbrev_source_title")].compactMap { $0 }
        return f
    }

    /// OpenAlex work object: `primary_topic` then `topics` (subfield, field, domain
    /// `display_name`s); level-0 `concepts`; the ISSNs of `primary_location.source`
    /// (`issn`, `issn_l`) or `host_venue` (2022 schema).
    static func openAlex(_ o: [String: Any]) -> SubjectFields {
        var f = SubjectFields()
        func name(_ v: Any?) -> String? { ((v as? [String: Any])?["display_name"] as? String).flatMap(nonEmpty) }
        func topic(_ v: Any?) -> OpenAlexTopic? {
            guard let t = v as? [String: Any] else { return nil }
            let topic = OpenAlexTopic(name: (t["display_name"] as? String).flatMap(nonEmpty), subfield: name(t["subfield"]),
                                      field: name(t["field"]), domain: name(t["domain"]))
            return topic.subfield == nil && topic.field == nil && topic.domain == nil ? nil : topic
        }
        if let p = topic(o["primary_topic"]) { f.openAlexTopics.append(p) }
        for t in (o["topics"] as? [Any] ?? []).compactMap(topic) where !f.openAlexTopics.contains(t) { f.openAlexTopics.append(t) }
        for c in o["concepts"] as? [[String: Any]] ?? [] {
            let level = (c["level"] as? NSNumber)?.intValue
            if level == 0, let n = (c["display_name"] as? String).flatMap(nonEmpty), !f.openAlexConcepts.contains(n) {
                f.openAlexConcepts.append(n)
            }
        }
        var issnTexts: [String?] = []
        for holder in [(o["primary_location"] as? [String: Any])?["source"], o["host_venue"]] {
            guard let s = holder as? [String: Any] else { continue }
            issnTexts.append(s["issn_l"] as? String)
            for i in s["issn"] as? [Any] ?? [] { issnTexts.append(i as? String) }
            if let one = s["issn"] as? String { issnTexts.append(one) }
        }
        f.issns = issnList(issnTexts)
        return f
    }

    /// Crossref work / CSL-JSON item: `ISSN` (array or string), `issn-type[].value`,
    /// `subject` (Crossref's journal subjects, array), `container-title-short`.
    static func crossref(_ o: [String: Any]) -> SubjectFields {
        var f = SubjectFields()
        var issnTexts: [String?] = []
        if let a = o["ISSN"] as? [Any] { issnTexts += a.map { $0 as? String } } else { issnTexts.append(o["ISSN"] as? String) }
        for t in o["issn-type"] as? [[String: Any]] ?? [] { issnTexts.append(t["value"] as? String) }
        f.issns = issnList(issnTexts)
        for s in o["subject"] as? [Any] ?? [] {
            if let v = (s as? String).flatMap(nonEmpty), !f.subjects.contains(v) { f.subjects.append(v) }
        }
        if let short = o["container-title-short"] {
            f.venueNames = ((short as? [Any])?.compactMap { $0 as? String } ?? [short as? String].compactMap { $0 }).compactMap(nonEmpty)
        }
        return f
    }
}
