import RunsiteMarkup
import Testing
@testable import RunsiteCharts

@Suite struct HeatmapTests {
    static let map = ConfusionHeatmap(labels: ["a", "b"], counts: [[8, 2], [1, 9]])

    @Test func everyCellHasCountTextAndTooltip() {
        let svg = Self.map.svg()
        #expect(svg.rootValue("role") == "img")
        let cells = svg.elements(withClass: "rs-cell")
        #expect(cells.count == 4)
        let titles = cells.compactMap { cell -> String? in
            guard case .element("title", _, let text)? = cell.children.first, case .text(let t)? = text.first else { return nil }
            return t
        }
        #expect(titles.first == "true a, predicted a: 8 (80% of true a)")
        #expect(svg.elements(withClass: "rs-cell-count").map(\.text) == ["8", "2", "1", "9"])
    }

    @Test func darkCellsGetWhiteText() {
        let svg = ConfusionHeatmap(labels: ["a", "b"], counts: [[100, 0], [0, 100]]).svg()
        let fills = svg.elements(withClass: "rs-cell-count").map { $0.value("fill") }
        #expect(fills == ["#FFFFFF", "#1A1A1A", "#1A1A1A", "#FFFFFF"])
    }

    /// On dark pages the ramp turns round: empty cells near the background, full ones pale, and the
    /// numbers' ink chosen for that colour. Paper keeps the light colours only.
    @Test func darkPagesGetTheirOwnRampAndInkButPaperDoesNot() {
        let svg = ConfusionHeatmap(labels: ["a", "b"], counts: [[100, 0], [0, 100]]).svg()
        let cells = svg.elements(withClass: "rs-cell").map { $0.value("data-dark") }
        #expect(cells == ["#C6DBEF", "#1E2630", "#1E2630", "#C6DBEF"])
        #expect(svg.elements(withClass: "rs-cell-count").map { $0.value("data-dark") }
                == ["#1A1A1A", "#FFFFFF", "#FFFFFF", "#1A1A1A"])
        #expect(svg.elements(withClass: "rs-ramp").count == 48)
        let steps = stride(from: 0.0, through: 1.0, by: 0.125).map { SequentialColor.blueOnDark($0).luminance }
        #expect(steps == steps.sorted(), "the dark ramp only gets lighter")
        let paper = Serializer.xml(StandaloneFigure.make(svg, width: .column))
        #expect(!paper.contains("--dark") && paper.contains("#F7FBFF"))
    }

    @Test func normalizationChangesSharesAndCaption() {
        let counts: [[Double]] = [[8, 2], [1, 9]]
        #expect(HeatmapNormalization.rows.shares(counts) == [[0.8, 0.2], [0.1, 0.9]])
        #expect(HeatmapNormalization.columns.shares(counts)![0][0] == 8.0 / 9.0)
        #expect(HeatmapNormalization.all.shares(counts)![1][1] == 0.45)
        #expect(HeatmapNormalization.none.shares(counts) == nil)
        #expect(HeatmapNormalization.rows.shares([[0, 0], [1, 1]]) == [[0, 0], [0.5, 0.5]], "an empty row gives 0, not NaN")
        #expect(Self.map.caption == "2 classes, 20 samples; accuracy 85%; shading by share of each true class (row)")
    }

    @Test func marginsShowRecallAndPrecision() {
        let svg = Self.map.svg()
        #expect(svg.elements(withClass: "rs-recall").map(\.text) == ["80%", "90%"])
        #expect(svg.elements(withClass: "rs-precision").map(\.text) == ["88.9%", "81.8%"])
    }

    @Test func manyClassesRotateLabelsAndDropCellTextButKeepTooltips() {
        let n = HeatmapGrid.detailLimit
        let counts = (0..<n).map { i in (0..<n).map { j in i == j ? 50.0 : 1 } }
        let map = ConfusionHeatmap(labels: (0..<n).map { "class \($0)" }, counts: counts)
        let svg = map.svg()
        #expect(map.layout.rotatesColumnLabels)
        #expect(svg.elements(withClass: "rs-cell-count").isEmpty)
        #expect(svg.elements(withClass: "rs-cell").count == n * n)
        #expect(map.caption.contains("counts in each cell's tooltip"))
    }

    @Test func invalidAndMissingCountsBecomeZeroAndAreReported() {
        let map = ConfusionHeatmap(labels: ["a", "b"], counts: [[1, .nan], [-1]])
        #expect(map.counts == [[1, 0], [0, 0]])
        #expect(map.caption.contains("2 invalid cells (negative or not a number) shown as 0"))
        _ = Serializer.xml(ConfusionHeatmap(labels: [], counts: []).svg())
    }
}

@Suite struct HeatmapLabelTests {
    @Test func longClassLabelsAreCutButKeepFullTextInTooltip() {
        let long = String(repeating: "very long class name ", count: 4)
        let svg = ConfusionHeatmap(labels: [long, "b"], counts: [[1, 0], [0, 1]]).svg()
        let labels = svg.elements(withClass: "rs-class-label")
        #expect(labels.count == 4)
        #expect(labels[0].text.hasSuffix("…"))
        #expect(labels[0].children.contains(.element("title", [], [.text(long)])))
    }
}
