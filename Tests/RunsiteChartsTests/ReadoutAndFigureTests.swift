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
