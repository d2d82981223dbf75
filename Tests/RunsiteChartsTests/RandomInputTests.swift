import Foundation
import RunsiteCore
import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// Seeded random charts: whatever the data and options, coordinates stay finite numbers, counts add
/// up and output repeats byte for byte.
@Suite struct RandomInputTests {
    static let specials: [Double] = [.nan, .infinity, -.infinity, 0, -1, 1e-300, 1e300, -0.0, -1e308, 1e308, Double.leastNonzeroMagnitude]

    static func randomSeries(_ rng: inout SeededGenerator, index: Int) -> ChartSeries {
        let count = Int.random(in: 0...300, using: &rng)
        let base = pow(10, Double(Int.random(in: -6...6, using: &rng)))
        var xs: [Double] = [], ys: [Double] = []
        var x = Double(Int.random(in: -5...5, using: &rng))
        for _ in 0..<count {
            x += Bool.random(using: &rng) ? 1 : Double.random(in: 0...3, using: &rng)
            xs.append(Int.random(in: 0..<40, using: &rng) == 0 ? specials.randomElement(using: &rng)! : x)
            ys.append(Int.random(in: 0..<15, using: &rng) == 0 ? specials.randomElement(using: &rng)! : base * Double.random(in: -1...3, using: &rng))
        }
        return ChartSeries(label: "s\(index)", metric: "m", colorIndex: Int.random(in: -3...30, using: &rng), xs: xs, ys: ys)
    }

    @Test func randomChartsHaveFiniteCoordinatesAndConsistentCounts() {
        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<150 {
            var options = LineChartOptions()
            options.logY = Bool.random(using: &rng)
            options.logX = Int.random(in: 0..<4, using: &rng) == 0
            options.smoothing = Bool.random(using: &rng) ? Double.random(in: 0...0.99, using: &rng) : 0
            options.ignoreOutliers = Bool.random(using: &rng)
            options.width = Double.random(in: 100...900, using: &rng)
            options.height = Double.random(in: 80...500, using: &rng)
            let series = (0..<Int.random(in: 0...6, using: &rng)).map { Self.randomSeries(&rng, index: $0) }
            let chart = LineChart(series: series, options: options)
            let text = Serializer.xml(chart.svg())
            #expect(text == Serializer.xml(LineChart(series: series, options: options).svg()))
            let svg = chart.svg()
            for element in svg.elements(where: { $0.name == "path" || $0.name == "circle" || $0.name == "text" || $0.name == "line" }) {
                for attribute in element.attributes where ["d", "x", "y", "cx", "cy", "x1", "y1", "x2", "y2"].contains(attribute.name) {
                    let value = attribute.value ?? ""
                    #expect(!value.lowercased().contains("nan") && !value.lowercased().contains("inf"), "\(attribute.name)=\(value.prefix(80))")
                }
            }
            let stats = chart.stats
            let total = series.reduce(0) { $0 + $1.count }
            #expect(stats.total == total)
            #expect(stats.shown <= total)
        }
    }

    @Test func extremeFiniteValuesDoNotBreakScalesOrText() {
        let series = ChartSeries(label: "x", metric: "m", colorIndex: 0, xs: [-1e308, 0, 1e308], ys: [-1e308, Double.leastNonzeroMagnitude, 1e308])
        for logY in [false, true] {
            var options = LineChartOptions()
            options.logY = logY
            let text = Serializer.xml(LineChart(series: [series], options: options).svg())
            #expect(!text.contains("nan") && !text.contains("inf"))
        }
    }

    @Test func randomHeatmapsRender() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<40 {
            let n = Int.random(in: 0...30, using: &rng)
            let counts = (0..<n).map { _ in (0..<n).map { _ in Int.random(in: 0..<30, using: &rng) == 0 ? RandomInputTests.specials.randomElement(using: &rng)! : Double(Int.random(in: 0...1000, using: &rng)) } }
            let normalization = [HeatmapNormalization.none, .rows, .columns, .all].randomElement(using: &rng)!
            let map = ConfusionHeatmap(labels: (0..<n).map { "class \($0)" }, counts: counts, normalization: normalization)
            let text = Serializer.xml(map.svg())
            #expect(!text.contains("nan") && !text.contains("inf"))
            #expect(map.svg().elements(withClass: "rs-cell").count == n * n)
        }
    }
}
