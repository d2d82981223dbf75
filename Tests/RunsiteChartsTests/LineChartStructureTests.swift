import RunsiteMarkup
import Testing
@testable import RunsiteCharts

@Suite struct LineChartStructureTests {
    static var chart: LineChart {
        var options = LineChartOptions()
        options.title = "Loss & <accuracy>"
        return LineChart(series: SampleData.threeSeries, options: options)
    }

    @Test func svgIsAccessibleAndCarriesDataForScripts() {
        let svg = Self.chart.svg()
        #expect(svg.rootValue("role") == "img")
        for key in ["data-plot-left", "data-plot-top", "data-plot-width", "data-plot-height", "data-x-min", "data-x-max", "data-y-min", "data-y-max"] {
            #expect(Double(svg.rootValue(key) ?? "") != nil, "\(key) is a number")
        }
        guard case .element(_, _, let children) = svg else { Issue.record("not an element"); return }
        #expect(children.first.map { if case .element("title", _, _) = $0 { return true } else { return false } } == true)
        #expect(svg.elements { $0.name == "desc" }.first?.text.contains("Shows 162 of 165 points") == true)
        let groups = svg.elements(withClass: "rs-series")
        #expect(groups.map { $0.value("data-series") } == ["0", "1", "2"])
        #expect(groups.allSatisfy { $0.children.first.map { if case .element("title", _, _) = $0 { return true } else { return false } } == true })
    }

    @Test func seriesTitleNamesLabelMetricAndLastValue() throws {
        let title = try #require(Self.chart.svg().elements(withClass: "rs-series").first?.children.first)
        guard case .element(_, _, let text) = title, case .text(let value) = text.first else { Issue.record("no title text"); return }
        #expect(value.hasPrefix("baseline <lr=1e-3> — loss: last "))
        #expect(value.contains(" at 5900"))
    }

    @Test func textIsEscapedBySerializer() {
        let text = Serializer.xml(Self.chart.svg())
        #expect(text.contains("baseline &lt;lr=1e-3&gt;"))
        #expect(text.contains("Loss &amp; &lt;accuracy&gt;"))
        #expect(!text.contains("<lr="))
        #expect(text.contains("data-label=\"&quot;quoted&quot; run\""))
    }

    @Test func axesGridAndLegendUseClassesAndInlinePresentation() {
        let svg = Self.chart.svg()
        #expect(svg.elements(withClass: "rs-grid").first?.value("stroke") != nil)
        #expect(svg.elements(withClass: "rs-axis").first?.value("stroke") != nil)
        let labels = svg.elements(withClass: "rs-tick-label").map(\.text)
        #expect(labels.contains("0.5") && labels.contains("2000"))
        #expect(svg.elements(withClass: "rs-legend-item").count == 3)
        #expect(svg.rootValue("font-family")?.hasPrefix("system-ui") == true)
    }

    @Test func fiftySeriesLegendMovesBelowThePlotWithoutCoveringIt() {
        let many = (0..<50).map { i in
            ChartSeries(label: "sweep-\(i)", metric: "loss", colorIndex: i, xs: [0, 1], ys: [1, Double(i)])
        }
        let chart = LineChart(series: many, options: LineChartOptions())
        #expect(chart.layout.legend.y >= chart.layout.plotBottom + 20)
        #expect(chart.layout.height > 320)
        #expect(chart.svg().elements(withClass: "rs-legend-item").count == 50)
    }

    @Test func paletteIsStableAndDashesAfterWrapping() {
        #expect(Palette.color(0) == Palette.color(Palette.colors.count))
        #expect(Palette.dash(0) == nil && Palette.dash(1) != nil)
        #expect(Palette.effectiveDash(colorIndex: 0, dashIndex: 0) == 0)
        #expect(Palette.effectiveDash(colorIndex: 9, dashIndex: 0) == 0 && Palette.effectiveDash(colorIndex: 10, dashIndex: 0) == 1)
        #expect(Palette.effectiveDash(colorIndex: Palette.colors.count, dashIndex: 0) == 2, "run 20 has run 0's colour, another dash")
        #expect(Set((0..<60).map { "\(Palette.color($0)) \(Palette.dash(Palette.effectiveDash(colorIndex: $0, dashIndex: 0)) ?? "")" }).count == 60)
        #expect(Palette.color(Palette.greyIndex) == Palette.grey && !Palette.colors.contains(Palette.grey))
        #expect(Palette.color(-2) == Palette.colors[Palette.colors.count - 2])
    }
}

@Suite struct AxisChoiceTests {
    @Test func integerStepsNeverGetFractionalTicks() {
        let chart = LineChart(series: [ChartSeries(label: "a", metric: "m", colorIndex: 0, xs: [0, 1, 2, 3], ys: [1, 2, 3, 4])],
                              options: LineChartOptions())
        let labels = chart.xTicks.map(\.label)
        #expect(labels == ["0", "1", "2", "3"])
    }

    @Test func singlePointAtStepZeroKeepsNonNegativeAxis() {
        let chart = LineChart(series: [ChartSeries(label: "a", metric: "m", colorIndex: 0, xs: [0], ys: [0.5])], options: LineChartOptions())
        #expect(chart.xScale.domain.lower == 0)
        #expect(chart.caption == "Shows 1 of 1 point")
        #expect(chart.svg().elements(withClass: "rs-point").count == 1)
    }

    @Test func logXLeavesOutStepZero() {
        var options = LineChartOptions()
        options.logX = true
        let chart = LineChart(series: [ChartSeries(label: "a", metric: "m", colorIndex: 0, xs: [0, 1, 10, 100], ys: [1, 2, 3, 4])], options: options)
        #expect(chart.caption == "Shows 3 of 4 points; 1 point with an x that cannot be placed left out")
        #expect(chart.xTicks.map(\.label) == ["1", "2", "5", "10", "20", "50", "100"])
    }
}
