import RunsiteMarkup

extension LineChart {
    static let axisColor = "#555555"
    static let gridColor = "#E6E6E6"
    static let labelColor = "#444444"

    var xTicks: [Tick] { xScale.ticks(count: max(2, Int(layout.plotWidth / 90))) }
    var yTicks: [Tick] { yScale.ticks(count: max(2, Int(layout.plotHeight / 45))) }

    /// Light grid lines behind the data, snapped to half pixels so 1-px lines stay crisp; log axes
    /// also get fainter lines at 2…9 × 10^k, which show the scale's compression at a glance.
    func gridNode() -> Node {
        var nodes: [Node] = []
        if let minor = minorLogGrid() {
            nodes.append(.el("path", [cls("rs-grid rs-grid-minor"), attr("d", minor), attr("fill", "none"),
                                      attr("stroke", "#F1F1F1"), attr("stroke-width", "1")]))
        }
        var path = PathData()
        for tick in yTicks {
            let y = LineChart.crisp(yScale(tick.value))
            path.breakLine(); path.add(layout.plotLeft, y); path.add(layout.plotRight, y)
        }
        for tick in xTicks {
            let x = LineChart.crisp(xScale(tick.value))
            path.breakLine(); path.add(x, layout.plotTop); path.add(x, layout.plotBottom)
        }
        nodes.append(.el("path", [cls("rs-grid"), attr("d", path.text), attr("fill", "none"),
                                  attr("stroke", LineChart.gridColor), attr("stroke-width", "1")]))
        return nodes.count == 1 ? nodes[0] : .el("g", [cls("rs-grids")], nodes)
    }

    /// Path data for minor log grid lines not already drawn as major ones; nil when there are none
    /// or when so many decades are shown that the lines would crowd together.
    private func minorLogGrid() -> String? {
        var path = PathData()
        let multiples = Array(2...9)
        if yScale.kind == .log, yScale.domain.upper / yScale.domain.lower <= 1e6 {
            let major = Set(yTicks.map(\.value))
            for number in LogTicks.multiplesInside(yScale.domain.lower, yScale.domain.upper, multiples: multiples) where !major.contains(number.value) {
                let y = LineChart.crisp(yScale(number.value))
                path.breakLine(); path.add(layout.plotLeft, y); path.add(layout.plotRight, y)
            }
        }
        if xScale.kind == .log, xScale.domain.upper / xScale.domain.lower <= 1e6 {
            let major = Set(xTicks.map(\.value))
            for number in LogTicks.multiplesInside(xScale.domain.lower, xScale.domain.upper, multiples: multiples) where !major.contains(number.value) {
                let x = LineChart.crisp(xScale(number.value))
                path.breakLine(); path.add(x, layout.plotTop); path.add(x, layout.plotBottom)
            }
        }
        return path.isEmpty ? nil : path.text
    }

    /// Both axes with tick marks, tick labels and axis titles.
    func axesNode() -> Node {
        let font = LineChartLayout.tickFont
        var lines = PathData()
        let bottom = LineChart.crisp(layout.plotBottom), left = LineChart.crisp(layout.plotLeft)
        lines.add(layout.plotLeft, bottom); lines.add(layout.plotRight, bottom)
        lines.breakLine(); lines.add(left, layout.plotTop); lines.add(left, layout.plotBottom)
        var labels: [Node] = []
        for tick in xTicks {
            let x = LineChart.crisp(xScale(tick.value))
            lines.breakLine(); lines.add(x, bottom); lines.add(x, bottom + LineChartLayout.tickLength)
            labels.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: font, anchor: "middle")
                              + [attr("x", ChartText.coordinate(x)),
                                 attr("y", ChartText.coordinate(bottom + LineChartLayout.tickLength + 3 + font * 0.8))],
                              text: tick.label))
        }
        for tick in yTicks {
            let y = LineChart.crisp(yScale(tick.value))
            lines.breakLine(); lines.add(left - LineChartLayout.tickLength, y); lines.add(left, y)
            labels.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: font, anchor: "end")
                              + [attr("x", ChartText.coordinate(left - LineChartLayout.tickLength - 3)),
                                 attr("y", ChartText.coordinate(y + font * 0.35))],
                              text: tick.label))
        }
        var children: [Node] = [
            .el("path", [cls("rs-axis rs-tick"), attr("d", lines.text), attr("fill", "none"),
                         attr("stroke", LineChart.axisColor), attr("stroke-width", "1")]),
        ]
        children += labels
        children += axisTitles()
        return .el("g", [cls("rs-axes")], children)
    }

    private func axisTitles() -> [Node] {
        var nodes: [Node] = []
        let size = LineChartLayout.axisTitleFont
        if !options.xLabel.isEmpty {
            let y = layout.plotBottom + LineChartLayout.tickLength + 4 + LineChartLayout.tickFont + 6 + size * 0.8
            let text = options.xLabel + (xScale.kind == .log ? " (log)" : "")
            nodes.append(.el("text", ChartText.textAttributes(className: "rs-axis-title", size: size, fill: "#333333", anchor: "middle")
                             + [attr("x", ChartText.coordinate(layout.plotLeft + layout.plotWidth / 2)),
                                attr("y", ChartText.coordinate(y))], text: text))
        }
        if !options.yLabel.isEmpty {
            let x = 10 + size * 0.8, y = layout.plotTop + layout.plotHeight / 2
            let text = options.yLabel + (yScale.kind == .log ? " (log)" : "")
            nodes.append(.el("text", ChartText.textAttributes(className: "rs-axis-title", size: size, fill: "#333333", anchor: "middle")
                             + [attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(y)),
                                attr("transform", "rotate(-90 \(ChartText.coordinate(x)) \(ChartText.coordinate(y)))")],
                             text: text))
        }
        return nodes
    }

    /// The centre of the pixel a coordinate falls in, so 1-px strokes cover one pixel, not two.
    static func crisp(_ value: Double) -> Double {
        (value - 0.5).rounded() + 0.5
    }
}
