import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// The numbers a script reads on hover, captions of thinned input, and standalone figure files.
@Suite struct ReadoutAndFigureTests {
    @Test func everySeriesCarriesItsExactPointsForReadout() throws {
        let series = ChartSeries(label: "a", metric: "loss", colorIndex: 0, xs: [0, 1, 2, 3], ys: [0.1, .nan, 0.30000000000000004, 2])
        let svg = LineChart(series: [series], options: LineChartOptions()).svg()
        let group = try #require(svg.elements(withClass: "rs-series").first)
        #expect(group.value("data-points") == "0,0.1 2,0.30000000000000004 3,2", "non-finite left out, values exact")
        #expect(svg.rootValue("data-x-label") == "step")
    }

    @Test func readoutKeepsAtMostOnePointPerPixelColumn() throws {
        let d = SampleData.loss(count: 100_000, seed: 3)
        var options = LineChartOptions()
        options.smoothing = 0.9
        let chart = LineChart(series: [ChartSeries(label: "a", metric: "loss", colorIndex: 0, xs: d.xs, ys: d.ys)], options: options)
        let svg = chart.svg()
        let points = try #require(svg.elements(withClass: "rs-series").first?.value("data-points")).split(separator: " ")
        let width = try #require(Double(svg.rootValue("data-plot-width") ?? ""))
        #expect(points.count <= Int(width.rounded(.up)) + 1)
        #expect(points.count > Int(width) / 2)
        #expect(points.allSatisfy { $0.split(separator: ",").count == 3 }, "smoothed value travels with the raw one")
    }

    @Test func captionCountsLoggedPointsWhenInputWasThinned() {
        var series = ChartSeries(label: "a", metric: "loss", colorIndex: 0, xs: [0, 1, 2], ys: [1, 2, .nan])
        series.loggedCount = 5000
        series.loggedNonFinite = 4
        let caption = LineChart(series: [series], options: LineChartOptions()).caption
        #expect(caption.hasPrefix("Shows 2 of 5,000 points; thinned to 3 for drawing"), "\(caption)")
        #expect(caption.contains("1 NaN, 3 more non-finite logged"), "\(caption)")
        #expect(series.isThinned)
    }

    @Test func windowSmoothingIsNamedInTheCaption() {
        var options = LineChartOptions()
        options.smoothingWindow = 5
        let d = SampleData.loss(count: 50, seed: 1)
        let chart = LineChart(series: [ChartSeries(label: "a", metric: "loss", colorIndex: 0, xs: d.xs, ys: d.ys)], options: options)
        #expect(chart.caption.contains("centred running average over 5 points"))
        #expect(!chart.svg().elements(withClass: "rs-raw").isEmpty, "raw line stays faint behind")
    }

    @Test func standaloneFigureHasPhysicalSizePrintFontsAndNoPageOnlyMarkup() throws {
        var options = LineChartOptions()
        options.width = FigureWidth.column.pixels
        options.height = FigureWidth.column.lineChartHeight
        let chart = LineChart(series: SampleData.threeSeries, options: options)
        let figure = StandaloneFigure.make(chart.svg(), width: .column)
        #expect(figure.rootValue("width") == "3.5in")
        #expect(figure.rootValue("xmlns") == "http://www.w3.org/2000/svg")
        let height = try #require(figure.rootValue("height"))
        #expect(height.hasSuffix("in"))
        let text = Serializer.xml(figure)
        #expect(!text.contains("data-") && !text.contains("class=") && !text.contains("<script"))
        #expect(!text.contains("system-ui"))
        #expect(text.contains("DejaVu Sans"))
        #expect(text.contains("fill=\"#ffffff\""), "white background")
        let page = StandaloneFigure.make(LineChart(series: SampleData.threeSeries, options: LineChartOptions()).svg(), width: .page)
        #expect(page.rootValue("width") == "7in")
    }

    @Test func standaloneHeatmapKeepsItsAspectRatio() throws {
        let map = ConfusionHeatmap(labels: ["a", "b"], counts: [[3, 1], [0, 4]])
        let svg = map.svg()
        let w = try #require(Double(svg.rootValue("width") ?? "")), h = try #require(Double(svg.rootValue("height") ?? ""))
        let figure = StandaloneFigure.make(svg, width: .column)
        let inches = try #require(Double((figure.rootValue("height") ?? "").dropLast(2)))
        #expect(abs(inches - 3.5 * h / w) < 0.001)
    }
}

/// Confusion-matrix extras: ranked confusions and a colour scale shared between heatmaps.
@Suite struct ConfusionExtrasTests {
    @Test func largestConfusionsAreRankedOffDiagonalCells() {
        let map = ConfusionHeatmap(labels: ["cat", "dog", "bird"], counts: [[50, 3, 2], [4, 40, 6], [0, 12, 33]])
        let top = map.largestConfusions(limit: 3)
        #expect(top.map(\.text) == ["bird \u{2192} dog: 12 (26.7% of true bird)", "dog \u{2192} bird: 6 (12% of true dog)",
                                    "dog \u{2192} cat: 4 (8% of true dog)"])
        #expect(map.largestConfusions(limit: 100).count == 5, "zero cells are left out")
    }

    @Test func sharedMaximumGivesHeatmapsOneScaleAndSaysSo() {
        let small = ConfusionHeatmap(labels: ["a", "b"], counts: [[2, 1], [1, 2]], normalization: .none)
        let big = ConfusionHeatmap(labels: ["a", "b"], counts: [[20, 1], [1, 20]], normalization: .none)
        let shared = max(small.colorMaximum, big.colorMaximum)
        let rescaled = ConfusionHeatmap(labels: ["a", "b"], counts: [[2, 1], [1, 2]], normalization: .none, sharedMaximum: shared)
        #expect(rescaled.legendMaximum == 20)
        #expect(rescaled.shade[0][0] == 0.1)
        #expect(rescaled.caption.contains("colour scale shared"))
        let rows = ConfusionHeatmap(labels: ["a", "b"], counts: [[2, 1], [1, 2]], normalization: .rows, sharedMaximum: 20)
        #expect(rows.legendMaximum == 1 && !rows.caption.contains("shared"), "row shares keep their fixed 0–100% scale")
    }
}

/// The difference of two confusion matrices on a diverging scale centred on 0.
@Suite struct ConfusionDifferenceTests {
    @Test func differenceIsOtherMinusBaseInPercentagePoints() {
        let diff = ConfusionDifferenceHeatmap(labels: ["cat", "dog"], base: [[8, 2], [1, 9]], other: [[9, 1], [3, 7]],
                                              baseName: "run-a", otherName: "run-b")
        #expect(diff.differences[0][0] == 0.09999999999999998 || abs(diff.differences[0][0] - 0.1) < 1e-12)
        #expect(diff.caption.hasPrefix("run-b \u{2212} run-a; 2 classes; difference in share of each true class (row)"))
        #expect(diff.caption.contains("largest change \u{2212}20 points (dog \u{2192} dog)"), "\(diff.caption)")
        let svg = diff.svg()
        let texts = svg.elements(withClass: "rs-cell-count").map(\.text)
        #expect(texts == ["+10", "\u{2212}10", "+20", "\u{2212}20"])
        // Centred on 0: equal and opposite changes get colours equally far from white.
        let fills = svg.elements(withClass: "rs-cell").compactMap { $0.value("fill") }
        #expect(fills[0] != fills[1])
        #expect(DivergingColor.color(0).hex == "#F7F7F7")
        // On dark pages no difference is the page's dark, and the ends are bright red and blue.
        #expect(svg.elements(withClass: "rs-cell").allSatisfy { $0.value("data-dark")?.hasPrefix("#") == true })
        #expect(DivergingColor.colorOnDark(0).hex == "#1E2630" && DivergingColor.colorOnDark(0).whiteText)
        #expect(DivergingColor.colorOnDark(-1).hex == "#F47870" && DivergingColor.colorOnDark(1).hex == "#80B6E8")
        #expect(!Serializer.xml(StandaloneFigure.make(svg, width: .column)).contains("--dark"))
    }

    @Test func identicalMatricesSayNoDifference() {
        let diff = ConfusionDifferenceHeatmap(labels: ["a", "b"], base: [[1, 0], [0, 1]], other: [[1, 0], [0, 1]],
                                              normalization: .none, baseName: "x", otherName: "y")
        #expect(diff.caption.hasSuffix("no differences"))
        #expect(diff.svg().elements(withClass: "rs-cell").allSatisfy { $0.value("fill") == "#F7F7F7" })
    }
}

/// A series' own band (a group's spread) is drawn and read out.
@Suite struct SeriesBandTests {
    @Test func bandIsDrawnBehindTheLineAndWidensTheAxis() throws {
        var s = ChartSeries(label: "n=2: g", metric: "loss", colorIndex: 0, xs: [0, 1, 2], ys: [1, 2, 3])
        s.bandLow = [0.5, .nan, 2.5]
        s.bandHigh = [1.5, .nan, 8]
        let svg = LineChart(series: [s], options: LineChartOptions()).svg()
        #expect(svg.elements(withClass: "rs-group-band").isEmpty, "no stretch of two placeable bounds")
        s.bandLow = [0.5, 1, 2.5]
        s.bandHigh = [1.5, 3, 8]
        let banded = LineChart(series: [s], options: LineChartOptions()).svg()
        #expect(banded.elements(withClass: "rs-group-band").count == 1)
        #expect(try #require(Double(banded.rootValue("data-y-max") ?? "")) >= 8, "band inside the plot")
        #expect(banded.elements(withClass: "rs-series").first?.value("data-points") == "0,1,,0.5,1.5 1,2,,1,3 2,3,,2.5,8")
    }
}
