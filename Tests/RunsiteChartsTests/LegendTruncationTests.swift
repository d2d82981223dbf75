import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// Legend labels too long for the legend are cut in the middle, where names differ least, with
/// the whole label in a `<title>`; a chart drawn without a label limit (the standalone figure)
/// shows every label whole and widens instead.
@Suite struct LegendTruncationTests {
    static let labels = ["baseline-lr0.01-warmup-cosine-seed1/loss_compare/val", "baseline-lr0.01-warmup-cosine-seed1/loss_compare/train",
                         "adamw-lr0.001-warmup-cosine-seed1/loss_compare/val"]

    static func chart(_ options: LineChartOptions = LineChartOptions()) -> LineChart {
        let series = labels.enumerated().map { i, label in
            ChartSeries(label: label, metric: "loss", colorIndex: i, xs: [0, 1, 2], ys: [1, 0.5, Double(i)])
        }
        return LineChart(series: series, options: options)
    }

    /// Each legend entry's shown text and `<title>` (nil when the label is whole).
    static func entries(_ svg: Node) -> [(shown: String, title: String?)] {
        svg.elements(withClass: "rs-legend-item").map { item in
            let shown = Node.fragment(item.children).elements(withClass: "rs-legend-label").first?.text ?? ""
            let title = Node.fragment(item.children).elements { $0.name == "title" }.first?.text
            return (shown, title)
        }
    }

    @Test func middleTruncationKeepsTheStartAndTheEnd() {
        let cut = ChartText.middleTruncated("baseline-lr0.01/loss_compare/val", fontSize: 11, maxWidth: 150)
        #expect(cut == "baseline-…_compare/val", "\(cut)")
        #expect(ChartText.width(cut, fontSize: 11) <= 150)
        #expect(ChartText.middleTruncated("short", fontSize: 11, maxWidth: 150) == "short")
        #expect(ChartText.middleTruncated("abcdef", fontSize: 11, maxWidth: 1) == "…")
    }

    @Test func legendLabelsAreCutInTheMiddleWithTheWholeNameInATitle() {
        let entries = Self.entries(Self.chart().svg())
        #expect(entries.count == 3)
        for (entry, label) in zip(entries, Self.labels) {
            #expect(entry.title == label)
            #expect(entry.shown.contains("…") && label.hasPrefix(String(entry.shown.split(separator: "…").first ?? "")), "\(entry.shown)")
            #expect(label.hasSuffix(String(entry.shown.split(separator: "…").last ?? "")), "the end is kept: \(entry.shown)")
            #expect(ChartText.width(entry.shown, fontSize: LineChartLayout.legendFont) <= LineChartLayout.legendLabelMax + 0.5)
        }
        // The parts that tell the runs apart stay visible.
        #expect(Set(entries.map(\.shown)).count == 3, "\(entries.map(\.shown))")
    }

    @Test func withoutALimitLabelsAreWholeAndTheChartWidens() {
        var options = LineChartOptions()
        options.width = 336
        options.legendLabelMax = nil
        let chart = Self.chart(options)
        let entries = Self.entries(chart.svg())
        #expect(entries.map(\.shown) == Self.labels)
        #expect(entries.allSatisfy { $0.title == nil })
        let widest = Self.labels.map { ChartText.width($0, fontSize: LineChartLayout.legendFont) }.max()!
        #expect(chart.layout.width >= chart.layout.legend.x + LineChartLayout.legendSwatch + 6 + widest, "the legend fits the chart")
        #expect(chart.layout.width > 336)
    }
}
