import RunsiteMarkup
import Testing
@testable import RunsiteCharts

@Suite struct NonFiniteTests {
    static let series = ChartSeries(label: "r", metric: "loss", colorIndex: 1,
                                    xs: [0, 1, 2, 3, 4, 5, 6, 7, 8],
                                    ys: [1, 0.9, .nan, 0.7, .infinity, 0.5, 0.4, -.infinity, 0.3])

    @Test func pathBreaksAtEveryNonFiniteValue() throws {
        let svg = LineChart(series: [Self.series], options: LineChartOptions()).svg()
        let d = try #require(svg.elements(withClass: "rs-line").first?.value("d"))
        #expect(d.filter { $0 == "M" }.count == 2, "runs [0,1] and [5,6] are subpaths; [3] and [8] are dots: \(d)")
        #expect(!d.contains("NaN") && !d.contains("nf"))
        #expect(svg.elements(withClass: "rs-point").count == 2, "isolated values at x=3 and x=8 are dots")
    }

    @Test func nonFiniteValuesGetDistinctMarkersAndCaptionCounts() {
        let chart = LineChart(series: [Self.series], options: LineChartOptions())
        let svg = chart.svg()
        #expect(svg.elements(withClass: "rs-marker-nan").count == 1)
        #expect(svg.elements(withClass: "rs-marker-pos-inf").count == 1)
        #expect(svg.elements(withClass: "rs-marker-neg-inf").count == 1)
        #expect(chart.caption.hasPrefix("Shows 6 of 9 points; 1 NaN, 1 +Inf, 1 -Inf"))
        #expect(svg.elements(withClass: "rs-legend-key").count == 3, "the legend explains the three glyphs")
    }

    @Test func logScaleLeavesOutNonPositiveValuesAndSaysSo() throws {
        var options = LineChartOptions()
        options.logY = true
        let series = ChartSeries(label: "r", metric: "loss", colorIndex: 0, xs: [0, 1, 2, 3, 4, 5], ys: [10, 1, 0, 0.1, -2, 0.01])
        let chart = LineChart(series: [series], options: options)
        #expect(chart.caption.contains("2 values ≤ 0 left out (log scale)"))
        let svg = chart.svg()
        #expect(svg.rootValue("data-y-scale") == "log")
        let d = try #require(svg.elements(withClass: "rs-line").first?.value("d"))
        #expect(d.filter { $0 == "M" }.count == 1, "[0,1] joined; 0.1 and 0.01 stand alone")
        #expect(svg.elements(withClass: "rs-point").count == 2)
        #expect(Double(svg.rootValue("data-y-min") ?? "") == 0.01)
    }

    @Test func allNaNAndEmptyInputsDoNotCrash() {
        let nanOnly = ChartSeries(label: "n", metric: "m", colorIndex: 0, xs: [0, 1], ys: [.nan, .nan])
        #expect(LineChart(series: [nanOnly], options: LineChartOptions()).caption == "Shows 0 of 2 points; 2 NaN")
        let empty = LineChart(series: [], options: LineChartOptions())
        #expect(empty.caption == "Shows 0 of 0 points")
        _ = Serializer.xml(empty.svg())
        let badX = ChartSeries(label: "x", metric: "m", colorIndex: 0, xs: [.nan, 1, 2], ys: [1, 2, 3])
        #expect(LineChart(series: [badX], options: LineChartOptions()).caption.contains("1 point with an x that cannot be placed left out"))
    }

    @Test func ignoringOutliersClipsAndCounts() {
        var ys = (0..<1000).map { 1 + Double($0 % 10) / 100 }
        ys[500] = 1000
        var options = LineChartOptions()
        options.ignoreOutliers = true
        let chart = LineChart(series: [ChartSeries(label: "r", metric: "m", colorIndex: 0, xs: (0..<1000).map(Double.init), ys: ys)], options: options)
        let svg = chart.svg()
        #expect(Double(svg.rootValue("data-y-max") ?? "")! < 10)
        #expect(chart.caption.contains("y axis ignores outliers (1 point beyond it)"))
        #expect(!svg.elements { $0.name == "clipPath" }.isEmpty)
    }
}
