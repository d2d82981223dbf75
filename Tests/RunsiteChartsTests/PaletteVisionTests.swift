import Foundation
import Testing
@testable import RunsiteCharts

/// The first 20 runs of a project look different from each other: 20 colours, far apart in normal
/// vision, and, among runs drawn with the same dash, still apart for viewers with deuteranopia or
/// protanopia (simulated with Machado 2009's matrices), in the light and the dark theme.
@Suite struct PaletteVisionTests {
    static let runs = 0..<20
    static let themes: [(name: String, colors: [String], background: String)] = [
        ("light", Palette.colors, "#FFFFFF"), ("dark", Palette.darkColors, "#14181C"),
    ]

    static func look(_ run: Int, _ colors: [String]) -> (color: String, dash: String?) {
        (colors[run % colors.count], Palette.dash(Palette.effectiveDash(colorIndex: run, dashIndex: 0)))
    }

    @Test func deltaE2000MatchesSharmasTestData() {
        // Pairs 1, 2 and 17 of Sharma, Wu and Dalal's table.
        #expect(abs(ColorVision.deltaE2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) - 2.0425) < 1e-4)
        #expect(abs(ColorVision.deltaE2000((50, 3.1571, -77.2803), (50, 0, -82.7485)) - 2.8615) < 1e-4)
        #expect(abs(ColorVision.deltaE2000((50, 2.5, 0), (73, 25, -18)) - 27.1492) < 1e-4)
    }

    @Test func theFirstTwentyRunsHaveTwentyColours() {
        #expect(Set(Self.runs.map { Palette.color($0) }).count == 20)
        #expect(Palette.darkColors.count == Palette.colors.count && Set(Palette.darkColors).count == 20)
    }

    @Test(arguments: themes.map(\.name))
    func everyTwoColoursDifferInNormalVision(theme: String) {
        let colors = Self.themes.first { $0.name == theme }!.colors
        for i in Self.runs { for j in Self.runs where j > i {
            let d = ColorVision.deltaE2000(ColorVision.lab(colors[i]), ColorVision.lab(colors[j]))
            #expect(d >= 15, "\(theme): runs \(i) \(colors[i]) and \(j) \(colors[j]) differ by ΔE00 \(d)")
        } }
    }

    @Test(arguments: themes.map(\.name))
    func runsWithTheSameDashDifferForDeuteranopesAndProtanopes(theme: String) {
        let colors = Self.themes.first { $0.name == theme }!.colors
        for (name, matrix) in [("deuteranopia", ColorVision.deuteranopia), ("protanopia", ColorVision.protanopia)] {
            for i in Self.runs { for j in Self.runs where j > i {
                let a = Self.look(i, colors), b = Self.look(j, colors)
                guard a.dash == b.dash else { continue }   // the dash tells them apart
                let d = ColorVision.deltaE2000(ColorVision.lab(a.color, seenWith: matrix), ColorVision.lab(b.color, seenWith: matrix))
                #expect(d >= 10, "\(theme), \(name): runs \(i) \(a.color) and \(j) \(b.color) differ by ΔE00 \(d)")
            } }
        }
        // Runs 10 to 19 are dashed, 0 to 9 solid: the dash groups are the two halves.
        #expect(Self.look(9, colors).dash == nil && Self.look(10, colors).dash != nil && Self.look(19, colors).dash == Self.look(10, colors).dash)
    }

    @Test(arguments: themes.map(\.name))
    func linesStandOutFromTheBackground(theme: String) {
        let t = Self.themes.first { $0.name == theme }!
        // Thin lines, not text: WCAG's 3:1 for graphics is met by most, and nothing falls below 2:1.
        for color in t.colors {
            #expect(ColorVision.contrast(color, t.background) >= 2, "\(theme): \(color) on \(t.background)")
        }
    }
}
