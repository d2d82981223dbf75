import RunsiteMarkup

extension HeatmapLayout {
    /// The axis titles every heatmap shares: "true" (rotated, left of the rows) and "predicted" (under the columns).
    func axisTitles() -> [Node] {
        let middleY = gridTop + gridSize / 2, titleX = 10 + 12 * 0.8
        return [
            .el("text", ChartText.textAttributes(className: "rs-axis-title", size: 12, fill: "#333333", anchor: "middle")
                + [attr("x", ChartText.coordinate(titleX)), attr("y", ChartText.coordinate(middleY)),
                   attr("transform", "rotate(-90 \(ChartText.coordinate(titleX)) \(ChartText.coordinate(middleY)))")],
                text: "true"),
            ChartText.label("predicted", x: gridLeft + gridSize / 2, y: predictedTitleBaseline,
                            className: "rs-axis-title", size: 12, fill: "#333333", anchor: "middle"),
        ]
    }
}

extension ChartText {
    /// A `<text>` at (x, y) with the chart's presentation attributes.
    static func label(_ content: String, x: Double, y: Double, className: String, size: Double, fill: String = "#444444",
                      anchor: String? = nil, weight: String? = nil) -> Node {
        .el("text", textAttributes(className: className, size: size, fill: fill, anchor: anchor, weight: weight)
            + [attr("x", coordinate(x)), attr("y", coordinate(y))], text: content)
    }
}
