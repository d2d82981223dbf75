import RunsiteMarkup

extension LineChart {
    /// The legend entries explaining non-finite markers, for the kinds that occur.
    static func markerKey(_ stats: LineChartStats) -> [(kind: NonFiniteMarker.Kind, text: String)] {
        var key: [(NonFiniteMarker.Kind, String)] = []
        if stats.positiveInfinity > 0 { key.append((.positiveInfinity, "+Inf (above plot)")) }
        if stats.negativeInfinity > 0 { key.append((.negativeInfinity, "\u{2212}Inf (above plot)")) }
        if stats.nan > 0 { key.append((.nan, "NaN (above plot)")) }
        return key
    }

    /// The legend: a line swatch (colour and dash) and label per series, then the marker key.
    func legendNode() -> Node {
        let legend = layout.legend
        let font = LineChartLayout.legendFont
        var items: [Node] = []
        for (position, p) in plotted.enumerated() {
            let origin = legend.origin(of: position)
            let midY = origin.y + LineChartLayout.legendRow / 2
            let color = Palette.color(p.series.colorIndex)
            var swatch = [cls("rs-legend-swatch"),
                          attr("x1", ChartText.coordinate(origin.x)), attr("y1", ChartText.coordinate(midY)),
                          attr("x2", ChartText.coordinate(origin.x + LineChartLayout.legendSwatch)), attr("y2", ChartText.coordinate(midY)),
                          attr("stroke", color), attr("stroke-width", "2.5")]
            if let dash = Palette.dash(Palette.effectiveDash(colorIndex: p.series.colorIndex, dashIndex: p.series.dashIndex)) {
                swatch.append(attr("stroke-dasharray", dash))
            }
            // Cut in the middle: run and metric names differ mostly at their ends (`…/loss_compare/val`).
            let shown = ChartText.middleTruncated(p.series.label, fontSize: font, maxWidth: legend.labelMaxWidth + 0.5)
            var children: [Node] = []
            // A cut label keeps its full text as a tooltip.
            if shown != p.series.label { children.append(.el("title", text: p.series.label)) }
            children.append(.el("line", swatch))
            children.append(legendText(shown, x: origin.x + LineChartLayout.legendSwatch + 6, midY: midY))
            items.append(.el("g", [cls("rs-legend-item"), attr("data-series", String(p.index))], children))
        }
        for (offset, entry) in LineChart.markerKey(stats).enumerated() {
            let origin = legend.origin(of: plotted.count + offset)
            let midY = origin.y + LineChartLayout.legendRow / 2
            var glyph = PathData()
            LineChart.addGlyph(entry.kind, x: origin.x + LineChartLayout.legendSwatch / 2, y: midY, to: &glyph)
            items.append(.el("g", [cls("rs-legend-key")], [
                .el("path", [attr("d", glyph.text)] + LineChart.glyphPaint(entry.kind, color: "#666666")),
                legendText(entry.text, x: origin.x + LineChartLayout.legendSwatch + 6, midY: midY),
            ]))
        }
        return .el("g", [cls("rs-legend")], items)
    }

    private func legendText(_ text: String, x: Double, midY: Double) -> Node {
        .el("text", ChartText.textAttributes(className: "rs-legend-label", size: LineChartLayout.legendFont, fill: "#333333")
            + [attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(midY + LineChartLayout.legendFont * 0.35))],
            text: text)
    }
}
