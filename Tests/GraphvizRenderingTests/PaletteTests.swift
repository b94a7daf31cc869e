import Testing
@testable import GraphvizRendering

@Suite struct PaletteTests {
    @Test func okabeItoColoursAsPublished() {
        // Okabe & Ito (2008), Color Universal Design: the eight RGB values.
        #expect(Set(Palette.colors.map(\.hex)) == ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"])
        #expect(Palette.colors.count == 8)
    }

    @Test func mappingIsDeterministicAndCyclesWithShapes() {
        #expect(Palette.style(group: 0).fill == "#E69F00")
        #expect(Palette.style(group: 0).shape == "circle")
        #expect(Palette.style(group: 7).fill == "#000000")
        #expect(Palette.style(group: 8).fill == "#E69F00")
        #expect(Palette.style(group: 8).shape == "square")
        #expect(Palette.style(group: 17).shape == "triangle")
        #expect(Palette.style(group: 17).fill == Palette.style(group: 1).fill)
        #expect(Palette.needsShapes(groupCount: 8) == false)
        #expect(Palette.needsShapes(groupCount: 9) == true)
    }

    @Test func missingGroupIsGrey() {
        #expect(Palette.style(group: 3, isMissing: true) == Palette.missing)
        #expect(!Palette.colors.map(\.hex).contains(Palette.missing.fill))
    }

    @Test func textContrast() {
        // Relative luminance: black 0, blue #0072B2 ≈ 0.15 → white text; yellow ≈ 0.78 → black.
        #expect(Palette.contrastingText(on: "#000000") == "#FFFFFF")
        #expect(Palette.contrastingText(on: "#0072B2") == "#FFFFFF")
        #expect(Palette.contrastingText(on: "#F0E442") == "#000000")
        #expect(Palette.contrastingText(on: "#E69F00") == "#000000")
    }
}
