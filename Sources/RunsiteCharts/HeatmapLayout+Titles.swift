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
    /// A `<text>` at (x, y) with the chart's presentation attributes, and its colour on dark pages.
    static func label(_ content: String, x: Double, y: Double, className: String, size: Double, fill: String = "#444444",
                      anchor: String? = nil, weight: String? = nil, dark: String? = nil) -> Node {
        .el("text", textAttributes(className: className, size: size, fill: fill, anchor: anchor, weight: weight)
            + [attr("x", coordinate(x)), attr("y", coordinate(y))] + (dark.map { [darkFill($0)] } ?? []), text: content)
    }

    /// The colour a heatmap cell (or its text) takes on dark pages, as a `data-dark` attribute that
    /// the site's script turns into the custom property `--dark`, which the stylesheet applies under
    /// `prefers-color-scheme: dark` (a `style` attribute would break the site's CSP); standalone
    /// figures drop it.
    static func darkFill(_ hex: String) -> Attribute { attr("data-dark", hex) }
}
