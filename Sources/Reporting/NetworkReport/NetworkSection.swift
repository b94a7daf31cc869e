/// One section of a network report as a value (see ``SectionDefinition``): its name (shown
/// in progress) and the function that builds its ``ReportPart`` from the shared
/// ``NetworkReportContext``, filling its block of `metrics.json`; nil when the section does
/// not apply (no grouping, no years).
///
/// ``NetworkReportBuilder/sections`` lists the sections in report order; each is defined in
/// the file of its builder function (`NetworkReportContext+<Section>.swift`), so a new
/// section is one new file plus one entry in that list.
struct NetworkSection: SectionDefinition {
    let name: String
    let build: @Sendable (NetworkReportContext, inout NetworkReportMetrics) throws -> ReportPart?

    init(_ name: String, build: @escaping @Sendable (NetworkReportContext, inout NetworkReportMetrics) throws -> ReportPart?) {
        self.name = name
        self.build = build
    }
}
