/// One section of a report as a value: its name (shown in progress and in stage timings)
/// and the function that builds its ``ReportPart`` from the report's shared context,
/// filling its block of the report's `metrics.json`. The function returns nil when the
/// section does not apply (no layer for it, no grouping, no years, …).
///
/// Both reports are ordered lists of such values: ``DatasetReportBuilder/sections``
/// (``DatasetSection`` over ``DatasetReportContext``) and ``NetworkReportBuilder/sections``
/// (``NetworkSection`` over ``NetworkReportContext``). Each section is defined in the file
/// of its builder function (`<Context>+<Section>.swift`), so a new section is one new file
/// plus one entry in its report's list. ``Swift/Sequence/assemble(context:metrics:progress:label:)``
/// runs a list in order and joins what the sections return.
protocol SectionDefinition: Sendable {
    /// What every section of the report reads (built once per report).
    associatedtype Context
    /// The report's `metrics.json` document, filled section by section.
    associatedtype Metrics
    var name: String { get }
    var build: @Sendable (Context, inout Metrics) throws -> ReportPart? { get }
}

extension Sequence where Element: SectionDefinition {
    /// Builds the sections in order and joins their parts: report sections and methods in
    /// section order (the methods text de-duplicates methods by key), parameter rows in
    /// order with a later row of an already present name dropped, method paragraphs in
    /// order. Reports `"<label>: <section name>"` to `progress` before each section, so a
    /// timed log gives each section's wall time. Deterministic when the sections are.
    /// O(sections + rows²) beyond the sections' own work.
    func assemble(context: Element.Context, metrics: inout Element.Metrics, progress: ProgressLog, label: String) throws -> ReportPart {
        var joined = ReportPart()
        for section in self {
            progress("\(label): \(section.name)")
            guard let part = try section.build(context, &metrics) else { continue }
            joined.sections += part.sections
            joined.methods += part.methods
            joined.methodParagraphs += part.methodParagraphs
            for row in part.parameters where !joined.parameters.contains(where: { $0.0 == row.0 }) {
                joined.parameters.append(row)
            }
        }
        return joined
    }
}
