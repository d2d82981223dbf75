import Foundation
import RunsiteCore
import RunsiteMarkup
import Testing
@testable import RunsiteCharts

@Suite struct DecimationTests {
    /// A noisy series of `count` points with one tall spike at `spikeIndex`.
    static func spiky(count: Int, spikeIndex: Int, spike: Double) -> ChartSeries {
        var rng = SeededGenerator(seed: UInt64(count))
        var ys = [Double](repeating: 0, count: count)
        for i in 0..<count { ys[i] = 1 + Double.random(in: -0.2...0.2, using: &rng) }
        ys[spikeIndex] = spike
        return ChartSeries(label: "long", metric: "loss", colorIndex: 0, xs: (0..<count).map(Double.init), ys: ys)
    }

    /// The pixel y that `value` should have, computed from the domain and plot box the SVG publishes.
    static func expectedPixelY(_ value: Double, in svg: Node) throws -> String {
        let top = try #require(Double(svg.rootValue("data-plot-top") ?? ""))
        let height = try #require(Double(svg.rootValue("data-plot-height") ?? ""))
        let lower = try #require(Double(svg.rootValue("data-y-min") ?? ""))
        let upper = try #require(Double(svg.rootValue("data-y-max") ?? ""))
        return NumberText.fixed(top + height - (value - lower) / (upper - lower) * height, digits: 1)
    }

    @Test func millionPointsFitUnder100KBWithSpikeAtTrueHeight() throws {
        let series = Self.spiky(count: 1_000_000, spikeIndex: 654_321, spike: 42)
        let chart = LineChart(series: [series], options: LineChartOptions())
        let svg = chart.svg()
        let text = Serializer.xml(svg)
        #expect(text.utf8.count < 100_000, "SVG is \(text.utf8.count) bytes")
        let line = try #require(svg.elements(withClass: "rs-line").first?.value("d"))
        let y = try Self.expectedPixelY(42, in: svg)
        #expect(PathVertices.points(line).contains { $0.hasSuffix("," + y) }, "spike y \(y) missing from the line")
        #expect(chart.caption.hasPrefix("Shows "))
        #expect(chart.caption.contains(" of 1,000,000 points"))
        #expect(text.contains("of 1,000,000 points"), "the <desc> states the counts")
    }

    @Test func twoHundredThousandPointsFitUnder150KBEvenSmoothed() throws {
        let series = Self.spiky(count: 200_000, spikeIndex: 123_456, spike: 9)
        for smoothing in [0.0, 0.9] {
            var options = LineChartOptions()
            options.smoothing = smoothing
            let svg = LineChart(series: [series], options: options).svg()
            let size = Serializer.xml(svg).utf8.count
            #expect(size < 150_000, "SVG is \(size) bytes with smoothing \(smoothing)")
            // The spike stays visible: in the raw line when smoothing, else in the line itself.
            let path = try #require(svg.elements(withClass: smoothing > 0 ? "rs-raw" : "rs-line").first?.value("d"))
            let y = try Self.expectedPixelY(9, in: svg)
            #expect(PathVertices.points(path).contains { $0.hasSuffix("," + y) })
        }
    }

    @Test func outputIsByteIdenticalAcrossRuns() {
        let series = Self.spiky(count: 50_000, spikeIndex: 10, spike: 5)
        var options = LineChartOptions()
        options.smoothing = 0.6
        let a = Serializer.xml(LineChart(series: [series], options: options).svg())
        let b = Serializer.xml(LineChart(series: [series], options: options).svg())
        #expect(a == b)
    }

    @Test func decimatorKeepsGlobalExtremesAndFollowsPixelBudget() {
        var rng = SeededGenerator(seed: 11)
        let n = 100_000
        let xs = (0..<n).map(Double.init)
        let ys = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
        let xScale = Scale(kind: .linear, domain: (0, Double(n)), range: (50, 550))
        let yScale = Scale(kind: .linear, domain: (-1, 1), range: (300, 0))
        let line = Decimator(xScale: xScale, yScale: yScale, left: 50, columns: 500).decimate(xs: xs, ys: ys)
        let kept = Set(line.runs.flatMap { $0 })
        #expect(line.runs.count == 1)
        #expect(kept.count <= 4 * 500)
        #expect(kept.contains(0) && kept.contains(n - 1))
        #expect(kept.contains(ys.indices.min { ys[$0] < ys[$1] }!))
        #expect(kept.contains(ys.indices.max { ys[$0] < ys[$1] }!))
        #expect(line.runs[0] == line.runs[0].sorted(), "kept points stay in input order")
        #expect(!line.bands.isEmpty, "dense columns get an envelope band")
    }

    @Test func shortSeriesKeepsEveryPoint() {
        let series = ChartSeries(label: "a", metric: "m", colorIndex: 0, xs: [0, 1, 2, 3], ys: [4, 3, 2, 1])
        let chart = LineChart(series: [series], options: LineChartOptions())
        #expect(chart.caption == "Shows 4 of 4 points")
    }
}
