import Foundation
import RunsiteCore
import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// Writes a page of sample charts for a person to look at; runs only with RUNSITE_CHART_PREVIEW=<path>.
@Suite struct PreviewTests {
    static let path = ProcessInfo.processInfo.environment["RUNSITE_CHART_PREVIEW"]

    @Test(.enabled(if: path != nil, "set RUNSITE_CHART_PREVIEW=<file.html> to write the preview page"))
    func writesPreviewPageWhenAsked() throws {
        let path = try #require(Self.path)
        var svgs: [(String, String)] = []
        var options = LineChartOptions()
        options.title = "Training loss"
        options.yLabel = "loss"
        let three = LineChart(series: SampleData.threeSeries, options: options)
        svgs.append((Serializer.xml(three.svg()), three.caption))

        var big = SampleData.loss(count: 200_000, seed: 9)
        big.ys[120_000] = 9
        big.ys[150_000] = .nan
        var bigOptions = LineChartOptions()
        bigOptions.title = "200k points, smoothed 0.9"
        bigOptions.smoothing = 0.9
        let bigChart = LineChart(series: [ChartSeries(label: "long run", metric: "loss", colorIndex: 3, xs: big.xs, ys: big.ys)], options: bigOptions)
        svgs.append((Serializer.xml(bigChart.svg()), bigChart.caption))

        let million = DecimationTests.spiky(count: 1_000_000, spikeIndex: 654_321, spike: 3)
        var millionOptions = LineChartOptions()
        millionOptions.title = "1M points"
        let millionChart = LineChart(series: [million], options: millionOptions)
        svgs.append((Serializer.xml(millionChart.svg()), millionChart.caption + " (\(Serializer.xml(millionChart.svg()).utf8.count) bytes)"))

        var logOptions = LineChartOptions()
        logOptions.title = "Log scale"
        logOptions.logY = true
        logOptions.yLabel = "loss"
        var logData = SampleData.loss(count: 300, seed: 4, scale: 0.001)
        logData.ys[10] = -1
        let logChart = LineChart(series: [ChartSeries(label: "tiny", metric: "loss", colorIndex: 5, xs: logData.xs, ys: logData.ys)], options: logOptions)
        svgs.append((Serializer.xml(logChart.svg()), logChart.caption))

        var many: [ChartSeries] = []
        for i in 0..<50 {
            let d = SampleData.loss(count: 80, seed: UInt64(100 + i), scale: 1 + Double(i) / 50)
            many.append(ChartSeries(label: "sweep-run-\(i) lr=\(i)e-4", metric: "val/loss", colorIndex: i, xs: d.xs, ys: d.ys))
        }
        var manyOptions = LineChartOptions()
        manyOptions.title = "50 runs"
        let manyChart = LineChart(series: many, options: manyOptions)
        svgs.append((Serializer.xml(manyChart.svg()), manyChart.caption))


        svgs += PreviewTests.edgeCases().map { (Serializer.xml($0.svg()), $0.caption) }
        for heatmap in PreviewTests.heatmaps() { svgs.append((Serializer.xml(heatmap.svg()), heatmap.caption)) }

        var html = "<!doctype html><meta charset=utf-8><body style='font-family:system-ui;background:#fff;margin:16px'>"
        for (svg, caption) in svgs {
            html += "<figure style='display:inline-block;margin:8px;vertical-align:top'>" + svg
                + "<figcaption style='font-size:12px;color:#555;max-width:640px'>" + Serializer.escaped(caption) + "</figcaption></figure>"
        }
        try html.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func heatmaps() -> [ConfusionHeatmap] {
        let small = ConfusionHeatmap(labels: ["cat", "dog", "bird <small>"], counts: [[50, 3, 2], [4, 40, 6], [0, 12, 33]],
                                     title: "Validation confusion")
        var rng = SeededGenerator(seed: 7)
        let n = 12
        var counts: [[Double]] = []
        for i in 0..<n {
            var row: [Double] = []
            for j in 0..<n {
                let value = i == j ? Int.random(in: 200...900, using: &rng) : Int.random(in: 0...60, using: &rng)
                row.append(Double(value))
            }
            counts.append(row)
        }
        let medium = ConfusionHeatmap(labels: (0..<n).map { "class_\($0)_name" }, counts: counts, normalization: .all, title: "12 classes")
        var bigCounts: [[Double]] = []
        for i in 0..<60 {
            let row: [Double] = (0..<60).map { (j: Int) -> Double in i == j ? 90 : Double((i * 7 + j * 3) % 11) }
            bigCounts.append(row)
        }
        let big = ConfusionHeatmap(labels: (0..<60).map { "c\($0)" }, counts: bigCounts)
        return [small, medium, big]
    }

    static func edgeCases() -> [LineChart] {
        var options = LineChartOptions()
        options.width = 420
        options.height = 240
        options.title = "Empty"
        let empty = LineChart(series: [], options: options)
        options.title = "All NaN"
        let nan = LineChart(series: [ChartSeries(label: "n", metric: "m", colorIndex: 0, xs: [0, 1, 2], ys: [.nan, .nan, .infinity])], options: options)
        options.title = "One point"
        let one = LineChart(series: [ChartSeries(label: "p", metric: "m", colorIndex: 2, xs: [0], ys: [0.25])], options: options)
        options.title = "Two metrics, log x"
        options.logX = true
        options.yLabel = "accuracy"
        let d = SampleData.loss(count: 1000, seed: 8)
        let two = LineChart(series: [
            ChartSeries(label: "run-a train", metric: "acc", colorIndex: 0, xs: d.xs.map { $0 + 1 }, ys: d.ys.map { 1 - $0 / 3 }),
            ChartSeries(label: "run-a val", metric: "val_acc", colorIndex: 0, dashIndex: 1, xs: d.xs.map { $0 + 1 }, ys: d.ys.map { 0.95 - $0 / 3 }),
        ], options: options)
        return [empty, nan, one, two]
    }
}
