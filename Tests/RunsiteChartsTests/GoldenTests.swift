import RunsiteMarkup
import RunsiteTestSupport
import Testing
@testable import RunsiteCharts

/// Whole-SVG snapshots; `UPDATE_GOLDEN=1 swift test` rewrites them after a deliberate change.
@Suite struct GoldenTests {
    @Test func threeSeriesLineChartWithNaNMatchesGolden() {
        var options = LineChartOptions()
        options.title = "Training loss"
        options.yLabel = "loss"
        let svg = Serializer.xml(LineChart(series: SampleData.threeSeries, options: options).svg())
        #expect(Golden.check(svg, named: "line-chart.svg") == nil)
    }

    @Test func smoothedLogChartMatchesGolden() {
        var options = LineChartOptions()
        options.logY = true
        options.smoothing = 0.6
        options.width = 480
        options.height = 260
        let d = SampleData.loss(count: 40, seed: 5)
        let series = [ChartSeries(label: "run", metric: "loss", colorIndex: 9, dashIndex: 1, xs: d.xs, ys: d.ys)]
        let svg = Serializer.xml(LineChart(series: series, options: options).svg())
        #expect(Golden.check(svg, named: "line-chart-log-smoothed.svg") == nil)
    }

    @Test func heatmapMatchesGolden() {
        let map = ConfusionHeatmap(labels: ["cat", "dog", "bird <small>"], counts: [[50, 3, 2], [4, 40, 6], [0, 12, 33]],
                                   title: "Validation confusion")
        #expect(Golden.check(Serializer.xml(map.svg()), named: "heatmap.svg") == nil)
    }
}
