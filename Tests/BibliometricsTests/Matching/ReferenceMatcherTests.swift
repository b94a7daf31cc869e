import Testing
@testable import Bibliometrics

private func ref(_ surname: String, _ year: Int?, _ title: String?, doi: String? = nil) -> CitedReference {
    CitedReference(raw: surname, authors: [AuthorName(family: surname, initials: "A")], year: year, title: title,
                   doi: doi.flatMap { DOI($0) })
}

@Suite("Reference matching")
struct ReferenceMatcherTests {
    /// Hand computation: "The challenge of co-production" has the folded tokens {the,
    /// challenge, of, coproduction} (4); the longer title has 16 distinct tokens containing
    /// those 4. Dice = 2·4/(4+16) = 0.4, overlap = 4/4 = 1.
    @Test func titleSimilarityByHand() {
        let a = "The challenge of co-production"
        let b = "The challenge of co-production: how equal partnerships between professionals and the public are crucial to improving public services"
        #expect(TitleSimilarity.tokens(a) == ["the", "challenge", "of", "coproduction"])
        #expect(Set(TitleSimilarity.tokens(b)).count == 16)
        #expect(abs(TitleSimilarity.dice(a, b) - 0.4) < 1e-12)
        #expect(TitleSimilarity.overlap(a, b) == 1)
        #expect(TitleSimilarity.dice("Coproduction of health-care service", "Coproduction of healthcare service") == 1)
        #expect(TitleSimilarity.dice("", "x") == 0)
    }

    @Test func doiMergesAcrossListsOnly() {
        let items = [ref("Batalden", 2016, "Coproduction of health-care service", doi: "10.1136/bmjqs-2015-004315"),
                     ref("Batalden", 2016, "Coproduction of healthcare service", doi: "https://doi.org/10.1136/BMJQS-2015-004315"),
                     ref("Batalden", 2016, "Coproduction of healthcare service", doi: "10.1136/bmjqs-2015-004315")]
        let r = ReferenceMatcher.cluster(items, groups: [0, 1, 1])
        // 0–1 merge by DOI; 2 shares list 1 with record 1, so it stays apart (reported).
        #expect(r.clusters == [[0, 1], [2]])
        #expect(r.merges.map(\.method) == [.doi])
        #expect(r.rejections.map(\.first) == [0, 1])
        #expect(r.rejections.map(\.second) == [2, 2])
        #expect(r.rejections[0].reason.contains("already holds another record of the same list"))
        #expect(r.rejections[1].reason.contains("both in the same list"))
    }

    @Test func doiMisprintedOnAnotherPaperIsNotMerged() {
        // Seed 003 lines 248 and 249 print the same DOI for Voorberg 2015 and Loeffler 2016.
        let items = [ref("Voorberg", 2015, "A systematic review of co-creation and co-production", doi: "10.1080/01900692.2016.1250559"),
                     ref("Loeffler", 2016, "User and community co-production of public services", doi: "10.1080/01900692.2016.1250559")]
        let r = ReferenceMatcher.cluster(items, groups: [0, 1])
        #expect(r.clusters.count == 2)
        #expect(r.rejections.first?.reason.contains("shared by different papers") == true)
    }

    @Test func keyMatchWithinYearTolerance() {
        let items = [ref("Boyle", 2009, "The challenge of co-production"),
                     ref("Boyle", 2009, "The challenge of co-production: how equal partnerships between professionals and the public are crucial to improving public services"),
                     ref("Realpe", 2010, "What is co-production?"),
                     ref("Realpe", 2016, "What is co-production?"),
                     ref("Brandsen", 2016, "Distinguishing different types of coproduction"),
                     ref("Brandsen", 2015, "Distinguishing different types of co-production")]
        let r = ReferenceMatcher.cluster(items, groups: [0, 1, 0, 1, 0, 1])
        #expect(r.clusters == [[0, 1], [2], [3], [4, 5]])
        #expect(r.merges.map(\.method) == [.key, .key])
        // Realpe: same author and title, years 6 apart: a reported near miss.
        #expect(r.rejections.contains { $0.first == 2 && $0.second == 3 && $0.reason.contains("differ by more than 1") })
    }

    @Test func differentDOIsNeverKeyMatch() {
        let items = [ref("Smith", 2001, "Same title here", doi: "10.1000/a"), ref("Smith", 2001, "Same title here", doi: "10.1000/b")]
        #expect(ReferenceMatcher.cluster(items, groups: [0, 1]).clusters.count == 2)
    }

    @Test func authorYearOnlyWhenUnique() {
        // Known works table (group 9) without titles: Robert 2015 unique; Lindsay 2018 twice.
        let items = [ref("Robert", 2015, "Patients and staff as codesigners of healthcare services"),
                     ref("Lindsay", 2018, "Co-production and social innovation in street-level employability services"),
                     ref("Robert", 2015, nil),
                     ref("Lindsay", 2018, nil),
                     ref("Lindsay", 2018, nil)]
        let r = ReferenceMatcher.cluster(items, groups: [0, 0, 9, 9, 9])
        #expect(r.clusters == [[0, 2], [1], [3], [4]])
        #expect(r.merges.map(\.method) == [.authorYear])
        #expect(r.rejections.filter { $0.reason.contains("no unique match") }.count == 2)
    }

    @Test func representativePrefersDOIThenFields() {
        let a = ref("Osborne", 2016, "Co-production and the cocreation of value", doi: nil)
        var b = ref("Osborne", 2016, "Co-production and the co-creation of value", doi: "10.1080/14719037.2015.1111927")
        b.venue = "Public Management Review"
        let r = ReferenceMatcher.cluster([a, b], groups: [0, 1])
        #expect(r.clusters == [[0, 1]])
        #expect(r.representatives == [1])
    }
}
