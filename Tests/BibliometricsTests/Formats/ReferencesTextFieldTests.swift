import Foundation
import Testing
@testable import Bibliometrics

/// Hand-checked field splits: each expected value was read off the seed line named with it
/// (not produced by the parser). `nil` means the field must be absent.
struct FieldCase: Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var ordinal: Int
    var type: WorkType
    var authors: [String]
    var editors: [String] = []
    var etAl = false
    var year: Int?
    var title: String?
    var venue: String?
    var volume: String? = nil
    var issue: String? = nil
    var pages: String? = nil
    var publisher: String? = nil
    var place: String? = nil
    var doi: String? = nil
    var url: String? = nil
    var description: String { "\(file):\(line)" }
}

let fieldCases: [FieldCase] = [
    // Seed 000 (BMJ style, Markdown italics, unnumbered bullets).
    FieldCase(file: SeedFiles.robert2024, line: 162, ordinal: 6, type: .book, authors: [],
              editors: ["Fugini M", "Bracci E", "Sicilia M"], year: 2016,
              title: "Co-production in the Public Sector. Experiences and Challenges", venue: nil,
              publisher: "Springer", place: "New York"),
    FieldCase(file: SeedFiles.robert2024, line: 163, ordinal: 7, type: .article,
              authors: ["Osborne SP", "Radnor Z", "Nasi G"], year: 2012,
              title: "A new theory for public service management? Toward a (public) service-dominant approach",
              venue: "Am Rev Pub Adm", volume: "43", pages: "135–58", doi: "10.1177/0275074012466935"),
    FieldCase(file: SeedFiles.robert2024, line: 173, ordinal: 16, type: .article,
              authors: ["Jaspers S", "Steen T"], year: 2019,
              title: "Realizing public values: enhancement or obstruction? Exploring value tensions and coping strategies in the co-production of social care",
              venue: "Public Manage Rev", volume: "21", pages: "606–27", doi: "10.1080/14719037.2018.1508608"),
    FieldCase(file: SeedFiles.robert2024, line: 183, ordinal: 24, type: .article, authors: ["Goffman E"], year: 1949,
              title: "Presentation of self in everyday life", venue: "Am J Sociol", volume: "55", pages: "6-7"),
    FieldCase(file: SeedFiles.robert2024, line: 200, ordinal: 38, type: .article, authors: ["Porter ME"], year: 2010,
              title: "What is value in health care", venue: "N Engl J Med", volume: "363", pages: "2477–81",
              doi: "10.1056/nejmp1011024"),
    FieldCase(file: SeedFiles.robert2024, line: 160, ordinal: 4, type: .article, authors: ["Ewert B", "Evers A"], year: 2014,
              title: "An ambiguous concept: on the meanings of co-production for health care users and user organizations",
              venue: "VOL-UNTAS: Int J Volunt Nonprofit Organizations", volume: "25", pages: "425–42",
              doi: "10.1007/s11266-012-9345-2"),
    // Seed 002 (PMC Vancouver style with link tails).
    FieldCase(file: SeedFiles.conquer2024, line: 391, ordinal: 1, type: .report, authors: ["Donaldson L"], year: 2013,
              title: "Exploring patient participation in reducing health-care-related safety risks", venue: nil,
              publisher: "World Health Organisation", place: "Copenhagen",
              url: "https://iris.who.int/bitstream/handle/10665/326442/9789289002943-eng.pdf?sequence=1&isAllowed=y"),
    FieldCase(file: SeedFiles.conquer2024, line: 393, ordinal: 3, type: .report, authors: ["European Commission"], year: 2018,
              title: "Co-production – enhancing the role of citizens in governance and service delivery", venue: nil,
              publisher: "European Social Fund Plus",
              url: "https://ec.europa.eu/european-social-fund-plus/en/publications/co-production-enhancing-role-citizens-governance-and-service-delivery"),
    FieldCase(file: SeedFiles.conquer2024, line: 402, ordinal: 12, type: .book, authors: ["Cahn ES"], year: 2000,
              title: "No more throw-away people: The co-production imperative", venue: nil,
              publisher: "Essential; Jon Carpenter", place: "Washington, DC, Charlbury"),
    FieldCase(file: SeedFiles.conquer2024, line: 404, ordinal: 14, type: .article,
              authors: ["Batalden M", "Batalden P", "Margolis P", "Seid M", "Armstrong G", "Opipari-Arrigan L"], etAl: true,
              year: 2016, title: "Coproduction of healthcare service", venue: "BMJ Quality & Safety", volume: "25", issue: "7",
              pages: "509", doi: "10.1136/bmjqs-2015-004315"),
    FieldCase(file: SeedFiles.conquer2024, line: 417, ordinal: 27, type: .article,
              authors: ["Vennik FD", "van de Bovenkamp HM", "Putters K", "Grit KJ"], year: 2015,
              title: "Co-production in healthcare: Rhetoric and practice", venue: "International Review of Administrative Sciences",
              volume: "82", issue: "1", pages: "150–68", doi: "10.1177/0020852315570553"),
    FieldCase(file: SeedFiles.conquer2024, line: 435, ordinal: 45, type: .webPage, authors: ["Think Local Act Personal"], year: 2021,
              title: "Ladder of co-production", venue: nil,
              url: "https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/"),
    FieldCase(file: SeedFiles.conquer2024, line: 440, ordinal: 50, type: .article,
              authors: ["O’Donnell D", "Ní Shé É", "McCarthy M", "Thornton S", "Doran T", "Smith F"], etAl: true, year: 2019,
              title: "Enabling public, patient and practitioner involvement in co-designing frailty pathways in the acute care setting",
              venue: "BMC Health Services Research", volume: "19", issue: "1", pages: "797", doi: "10.1186/s12913-019-4626-8"),
    FieldCase(file: SeedFiles.conquer2024, line: 444, ordinal: 54, type: .article,
              authors: ["Flora L", "Lebel P", "Dumez V", "Bell C", "Lamoureux J", "Saint-Laurent D"], year: 2015,
              title: "L’expérimentation du Programme partenaires de soins en psychiatrie: Le modèle de Montréal",
              venue: "Santé mentale au Québec", volume: "40", issue: "1", pages: "101–17", doi: "10.7202/1032385ar"),
    FieldCase(file: SeedFiles.conquer2024, line: 449, ordinal: 59, type: .book, authors: ["Alford J", "O’Flynn J"], year: 2012,
              title: "Rethinking public service delivery: managing with external providers", venue: nil,
              publisher: "Palgrave Macmillan", place: "Basingstoke"),
    FieldCase(file: SeedFiles.conquer2024, line: 452, ordinal: 62, type: .chapter, authors: ["Loeffler E"],
              editors: ["Loeffler E", "Bovaird T"], year: 2021, title: "Co-delivering public services and public outcomes",
              venue: "The Palgrave handbook of co-production of public services and outcomes",
              publisher: "Palgrave Macmillan", place: "Cham", doi: "10.1007/978-3-030-53705-0"),
    FieldCase(file: SeedFiles.conquer2024, line: 466, ordinal: 76, type: .chapter, authors: ["Thomas N"],
              editors: ["Baillie L", "Maxwell E"], year: 2017, title: "Service user involvement in healthcare improvement",
              venue: "Improving healthcare: A handbook for practitioners", pages: "53–63",
              publisher: "Taylor & Francis", place: "London", doi: "10.1201/9781315151823-4"),
    FieldCase(file: SeedFiles.conquer2024, line: 467, ordinal: 77, type: .thesis, authors: ["Bamber H"], year: 2020,
              title: "Managers’ and clinical leads’ perspectives of a co-production model for community mental health service improvement in the NHS: A case study",
              venue: nil, publisher: "DProf Thesis", doi: "10.5334/ijic.icic2070",
              url: "https://salford-repository.worktribe.com/output/1354203/managers-and-clinical-leads-perspectives-of-a-co-production-model-for-community-mental-health-service-improvement-in-the-nhs-a-case-study"),
    // Seed 003 (BMJ Open / PMC style).
    FieldCase(file: SeedFiles.kjellstrom2019, line: 231, ordinal: 1, type: .article,
              authors: ["Palmer V", "Weavell W", "Callander R"], etAl: true, year: nil,
              title: "The participatory Zeitgeist - identification of mechanisms of change and the development of an explanatory theoretical model for a new era of healthcare quality improvement",
              venue: "Medical Humanities"),
    FieldCase(file: SeedFiles.kjellstrom2019, line: 235, ordinal: 5, type: .article,
              authors: ["Oxman AD", "Lewin S", "Lavis JN"], etAl: true, year: 2009,
              title: "SUPPORT Tools for evidence-informed health Policymaking (STP) 15: Engaging the public in evidence-informed policymaking",
              venue: "Health Res Policy Syst", volume: "7 Suppl 1", pages: "S15", doi: "10.1186/1478-4505-7-s1-s15"),
    FieldCase(file: SeedFiles.kjellstrom2019, line: 239, ordinal: 9, type: .book, authors: ["Brandsen T", "Steen T", "Verschuere B"],
              year: 2018, title: "Co-production and co-creation. Engaging citizens in public services", venue: nil,
              publisher: "Routledge", place: "NY"),
    FieldCase(file: SeedFiles.kjellstrom2019, line: 243, ordinal: 13, type: .report, authors: ["Realpe A", "Wallace LM"], year: 2016,
              title: "What is co-production?", venue: nil, publisher: "The Health Foundation", place: "London"),
    FieldCase(file: SeedFiles.kjellstrom2019, line: 247, ordinal: 17, type: .chapter, authors: ["Alford J", "Freijer L"],
              editors: ["Brandsen T", "Steen T", "Verschuere B"], year: 2018, title: "Public management and co-production",
              venue: "Co-production and co-creation. Engaging citizens in public services", publisher: "Routledge", place: "NY",
              doi: "10.1080/14719037.2014.930505"),
    FieldCase(file: SeedFiles.kjellstrom2019, line: 264, ordinal: 34, type: .article, authors: ["Brown PR", "Head BW"], year: 2018,
              title: "Navigating tensions in co‐production: a missing link in leadership for public value", venue: "Public Admin",
              pages: "1–14"),
    FieldCase(file: SeedFiles.kjellstrom2019, line: 266, ordinal: 36, type: .article,
              authors: ["Svensson L", "Ellström P-E", "Brulin G"], year: 2007, title: "Introduction: On Interactive Research",
              venue: "International Journal of Action Research", volume: "3", pages: "233–49"),
    FieldCase(file: SeedFiles.kjellstrom2019, line: 278, ordinal: 48, type: .book, authors: ["Sandelowski M", "Barroso J"], year: 2007,
              title: "Handbook for synthesizing qualitative research", venue: nil,
              publisher: "Springer Publishing Company", place: "New York"),
]

@Suite("ReferencesText hand-checked fields", .enabled(if: SeedFiles.available, Comment(rawValue: SeedFiles.skipMessage)))
struct ReferencesTextFieldTests {
    @Test func atLeastTwentyCasesOfEveryShape() {
        #expect(fieldCases.count >= 20)
        let types = Set(fieldCases.map(\.type))
        for t in [WorkType.article, .book, .chapter, .report, .webPage] { #expect(types.contains(t)) }
    }

    @Test(arguments: fieldCases)
    func fields(_ c: FieldCase) throws {
        let text = try #require(SeedFiles.text(c.file))
        let r = ReferencesText.parse(text, file: c.file)
        let e = try #require(r.entries.first { $0.ordinal == c.ordinal })
        let x = e.reference
        #expect(x.source?.firstLine == c.line)
        #expect(x.type == c.type)
        #expect(x.authors.map(\.display) == c.authors)
        #expect(x.editors.map(\.display) == c.editors)
        #expect(x.authorsTruncated == c.etAl)
        #expect(x.year == c.year)
        #expect(x.title == c.title)
        #expect(x.venue == c.venue)
        #expect(x.volume == c.volume)
        #expect(x.issue == c.issue)
        #expect(x.pages == c.pages)
        #expect(x.publisher == c.publisher)
        #expect(x.place == c.place)
        #expect(x.doi?.value == c.doi)
        #expect(x.url == c.url)
        // Every filled field has a confidence in (0, 1].
        if x.title != nil { #expect((e.confidence[.title] ?? 0) > 0) }
        if x.doi != nil { #expect((e.confidence[.doi] ?? 0) > 0) }
        for value in e.confidence.values { #expect(value > 0 && value <= 1) }
    }
}
