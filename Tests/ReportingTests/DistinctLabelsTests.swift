import Testing
@testable import Reporting

/// `DistinctLabels`: hand-checked labels of a co-citation map.
@Suite struct DistinctLabelsTests {
    @Test func uniqueLabelsAreKept() {
        let labels = ["Royle 2008", "Choquet 2009", "Burnham 2002"]
        #expect(DistinctLabels.make(labels) == labels)
    }

    /// The capture-recapture map's case (session 6): a 2008 paper and a 2008 book by Royle,
    /// two 2009 works by Choquet; letters in the order given (most cited first).
    @Test func sharedAuthorYearLabelsGainLetters() {
        let labels = ["Royle 2008", "Choquet 2009", "Burnham 2002", "Royle 2008", "Choquet 2009", "Royle 2008"]
        #expect(DistinctLabels.make(labels) == ["Royle 2008a", "Choquet 2009a", "Burnham 2002", "Royle 2008b", "Choquet 2009b", "Royle 2008c"])
    }

    /// A label not ending in a year takes the letter after a space.
    @Test func labelWithoutYearTakesSpacedLetter() {
        #expect(DistinctLabels.make(["Guardian n.d.", "Guardian n.d."]) == ["Guardian n.d. a", "Guardian n.d. b"])
    }

    /// "Smith 2001a" already names another work: the second "Smith 2001" skips to "c"
    /// rather than repeat it, so no label occurs twice.
    @Test func suffixNeverCollidesWithAnExistingLabel() {
        let out = DistinctLabels.make(["Smith 2001", "Smith 2001a", "Smith 2001"])
        #expect(out == ["Smith 2001b", "Smith 2001a", "Smith 2001c"])
        #expect(Set(out).count == out.count)
    }

    /// Bijective base 26: 0 → a, 25 → z, 26 → aa, 27 → ab, 701 → zz, 702 → aaa.
    @Test func lettersCountOnPastZ() {
        #expect([0, 25, 26, 27, 701, 702].map(DistinctLabels.letters) == ["a", "z", "aa", "ab", "zz", "aaa"])
    }
}
