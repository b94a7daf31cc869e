import Foundation
import Testing
@testable import Bibliometrics

@Test(.enabled(if: ProcessInfo.processInfo.environment["DUMP"] != nil)) func dumpSeeds() throws {
    for name in SeedFiles.all {
        guard let text = SeedFiles.text(name) else { continue }
        let r = ReferencesText.parse(text, file: name)
        print("==== \(name) entries=\(r.entries.count) heading=\(String(describing: r.headingLine)) ignored=\(r.ignoredLines)")
        for e in r.entries {
            let x = e.reference
            print("#\(e.ordinal) n=\(x.number.map(String.init) ?? "-") \(x.source?.description ?? "") [\(e.status)] \(x.type)")
            print("   A=\(x.authors.map(\.display))\(x.authorsTruncated ? "+etal" : "") E=\(x.editors.map(\.display)) Y=\(x.year.map(String.init) ?? "-")")
            print("   T=\(x.title ?? "-")")
            print("   V=\(x.venue ?? "-") vol=\(x.volume ?? "-") iss=\(x.issue ?? "-") pp=\(x.pages ?? "-") pub=\(x.publisher ?? "-") place=\(x.place ?? "-")")
            print("   DOI=\(x.doi?.value ?? "-") URL=\(x.url ?? "-") notes=\(e.notes)")
        }
    }
}
