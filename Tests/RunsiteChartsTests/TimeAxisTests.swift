import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// Relative-time axes read as durations, wall-clock axes as UTC times.
@Suite struct TimeAxisTests {
    @Test func durationTicksUseOneReadableUnit() {
        #expect(TimeTicks.labeled(0, 3600, count: 4, format: .duration).map(\.label) == ["0", "15 min", "30 min", "45 min", "60 min"])
        #expect(TimeTicks.labeled(0, 50, count: 5, format: .duration).map(\.label) == ["0", "10 s", "20 s", "30 s", "40 s", "50 s"])
        #expect(TimeTicks.labeled(0, 36 * 3600, count: 6, format: .duration).map(\.label) == ["0", "6 h", "12 h", "18 h", "24 h", "30 h", "36 h"])
    }

    @Test func dateTicksAreUTCClockTimesWithTheDayOnTheFirst() {
        // 2025-11-29 10:00:00 UTC to 12:00.
        let start = 1_764_410_400.0
        let labels = TimeTicks.labeled(start, start + 7200, count: 4, format: .date).map(\.label)
        #expect(labels == ["11-29 10:00", "10:30", "11:00", "11:30", "12:00"])
        let days = TimeTicks.labeled(start, start + 5 * 86400, count: 5, format: .date).map(\.label)
        #expect(days.first == "2025-11-30")
    }

    @Test func chartWithTimeAxisLabelsTicksAndTellsTheScript() {
        var options = LineChartOptions()
        options.xFormat = .duration
        options.xLabel = "time since start"
        let series = ChartSeries(label: "a", metric: "loss", colorIndex: 0, xs: [0, 600, 1800, 3600], ys: [1, 0.5, 0.4, 0.3])
        let svg = LineChart(series: [series], options: options).svg()
        #expect(svg.rootValue("data-x-format") == "duration")
        let labels = svg.elements(withClass: "rs-tick-label").map(\.text)
        #expect(labels.contains("30 min"), "\(labels)")
    }
}
