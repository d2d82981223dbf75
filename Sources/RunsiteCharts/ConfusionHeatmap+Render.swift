import RunsiteCore
import RunsiteMarkup

extension ConfusionHeatmap {
    /// The heatmap as an `<svg>` element with `role="img"`, `<title>` and `<desc>`.
    public func svg() -> Node {
        let c = { ChartText.coordinate($0, digits: 2) }
        var children: [Node] = [
            .el("title", text: title.isEmpty ? "Confusion matrix" : title),
            .el("desc", text: caption + ". Rows are true classes, columns predicted classes."),
        ]
        if let baseline = layout.titleBaseline {
            children.append(text(title, x: 10, y: baseline, className: "rs-title", size: 14, fill: "#222222", weight: "600"))
        }
        children.append(grid.isCompact ? compactCellsNode() : cellsNode())
        children.append(labelsNode())
        if layout.marginSize > 0 { children.append(marginsNode()) }
        children.append(legendNode())
        return .el("svg", [
            attr("xmlns", "http://www.w3.org/2000/svg"), cls("rs-chart rs-heatmap"),
            attr("width", c(layout.width)), attr("height", c(layout.height)),
            attr("viewBox", "0 0 \(c(layout.width)) \(c(layout.height))"), attr("role", "img"),
            attr("font-family", ChartText.fontFamily), attr("font-size", c(layout.labelFont)),
            attr("data-classes", String(labels.count)), attr("data-normalization", normalization.rawValue),
        ], children)
    }

    /// One rect per cell with a tooltip, and the count (plus share) where the cell has room.
    private func cellsNode() -> Node {
        let n = grid.labels.count, size = layout.cell, counts = grid.counts
        var nodes: [Node] = [], texts: [Node] = []
        let font = min(12, size * 0.34)
        for i in 0..<n {
            for j in 0..<n {
                let color = SequentialColor.blue(shade[i][j]), dark = SequentialColor.blueOnDark(shade[i][j])
                let x = layout.x(j), y = layout.y(i)
                nodes.append(.el("rect", [cls("rs-cell"), attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(y)),
                                          attr("width", ChartText.coordinate(size)), attr("height", ChartText.coordinate(size)),
                                          attr("fill", color.hex), ChartText.darkFill(dark.hex)],
                                 [.el("title", text: cellTitle(i, j))]))
                guard layout.showsCellText else { continue }
                let count = ConfusionHeatmap.countText(counts[i][j])
                // Long counts get a smaller font before they are left to the tooltip alone.
                let fitted = min(font, font * (size - 4) / max(ChartText.width(count, fontSize: font), 1))
                guard fitted >= 7 else { continue }
                let ink = SequentialColor.prefersWhiteText(luminance: color.luminance) ? "#FFFFFF" : "#1A1A1A"
                let darkInk = SequentialColor.prefersWhiteText(luminance: dark.luminance) ? "#FFFFFF" : "#1A1A1A"
                let centreY = y + size / 2 + (layout.showsShareLine ? -2 : font * 0.35)
                texts.append(text(count, x: x + size / 2, y: centreY, className: "rs-cell-count", size: fitted, fill: ink, anchor: "middle", dark: darkInk))
                if layout.showsShareLine, let shares {
                    texts.append(text(ConfusionHeatmap.percentText(shares[i][j]), x: x + size / 2, y: centreY + font,
                                      className: "rs-cell-share", size: font * 0.8, fill: ink, anchor: "middle", dark: darkInk))
                }
            }
        }
        // The white cell borders are set once on the group: with thousands of cells, per-cell
        // attributes would double the file size.
        return .fragment([
            .el("g", [cls("rs-cells"), attr("stroke", "#FFFFFF"), attr("stroke-width", size >= 10 ? "1" : "0.5")], nodes),
            // Text lets the pointer through, so hovering a number still shows its cell's tooltip.
            .el("g", [cls("rs-cell-texts"), attr("pointer-events", "none")], texts),
        ])
    }

    /// Cells of many classes: a background of the lightest shade, then one path per shade step
    /// holding every cell of that step, so the figure grows with the cells but not by markup per cell.
    private func compactCellsNode() -> Node {
        let n = grid.labels.count, size = layout.cell, steps = 64
        var paths = Array(repeating: "", count: steps)
        let side = ChartText.coordinate(size)
        for i in 0..<n {
            for j in 0..<n {
                let step = Int((shade[i][j] * Double(steps - 1)).rounded())
                guard step > 0 else { continue }
                paths[min(step, steps - 1)] += "M\(ChartText.coordinate(layout.x(j))) \(ChartText.coordinate(layout.y(i)))h\(side)v\(side)h-\(side)z"
            }
        }
        var nodes: [Node] = [
            .el("rect", [cls("rs-cells-ground"), attr("x", ChartText.coordinate(layout.gridLeft)), attr("y", ChartText.coordinate(layout.gridTop)),
                         attr("width", ChartText.coordinate(layout.gridSize)), attr("height", ChartText.coordinate(layout.gridSize)),
                         attr("fill", SequentialColor.blue(0).hex), ChartText.darkFill(SequentialColor.blueOnDark(0).hex)]),
        ]
        for (step, data) in paths.enumerated() where !data.isEmpty {
            let t = Double(step) / Double(steps - 1)
            nodes.append(.el("path", [attr("d", data), attr("fill", SequentialColor.blue(t).hex),
                                      ChartText.darkFill(SequentialColor.blueOnDark(t).hex)]))
        }
        return .el("g", [cls("rs-cells rs-cells-compact")], nodes)
    }

    private func cellTitle(_ i: Int, _ j: Int) -> String {
        let labels = grid.labels, counts = grid.counts
        var text = "true \(labels[i]), predicted \(labels[j]): \(ConfusionHeatmap.countText(counts[i][j]))"
        if let shares {
            let of: String
            switch normalization {
            case .rows: of = "of true \(labels[i])"
            case .columns: of = "of predicted \(labels[j])"
            default: of = "of all samples"
            }
            text += " (\(ConfusionHeatmap.percentText(shares[i][j])) \(of))"
        }
        return text
    }

    /// Class labels on both axes and the axis titles "true" and "predicted".
    private func labelsNode() -> Node {
        var nodes: [Node] = []
        let font = layout.labelFont, size = layout.cell
        for (i, label) in grid.labels.enumerated() {
            let shown = ChartText.truncated(label, fontSize: font, maxWidth: HeatmapLayout.labelMax)
            // A cut label keeps its full text as a tooltip.
            let tip: [Node] = shown == label ? [] : [.el("title", text: label)]
            nodes.append(.el("text", ChartText.textAttributes(className: "rs-class-label", size: font, anchor: "end")
                             + [attr("x", ChartText.coordinate(layout.gridLeft - 6)),
                                attr("y", ChartText.coordinate(layout.y(i) + size / 2 + font * 0.35))],
                             tip + [.text(shown)]))
            let cx = layout.x(i) + size / 2
            if layout.rotatesColumnLabels {
                let y = layout.columnLabelsTop + font * 0.5
                nodes.append(.el("text", ChartText.textAttributes(className: "rs-class-label", size: font, fill: "#444444", anchor: "end")
                                 + [attr("x", ChartText.coordinate(cx)), attr("y", ChartText.coordinate(y)),
                                    attr("transform", "rotate(-45 \(ChartText.coordinate(cx)) \(ChartText.coordinate(y)))")],
                                 tip + [.text(shown)]))
            } else {
                nodes.append(.el("text", ChartText.textAttributes(className: "rs-class-label", size: font, anchor: "middle")
                                 + [attr("x", ChartText.coordinate(cx)), attr("y", ChartText.coordinate(layout.columnLabelsTop + font * 0.85))],
                                 tip + [.text(shown)]))
            }
        }
        nodes += layout.axisTitles()
        return .el("g", [cls("rs-labels")], nodes)
    }

    /// Recall beside each row and precision under each column, as percentages.
    private func marginsNode() -> Node {
        var nodes: [Node] = []
        let size = layout.cell, font = min(10.5, size * 0.32)
        let right = layout.gridLeft + layout.gridSize, below = layout.gridTop + layout.gridSize
        nodes.append(text("recall", x: right + layout.marginSize / 2, y: layout.gridTop - 4, className: "rs-margin-title",
                          size: 10, fill: "#555555", anchor: "middle"))
        nodes.append(text("precision", x: layout.gridLeft - 6, y: below + 14, className: "rs-margin-title",
                          size: 10, fill: "#555555", anchor: "end"))
        for k in grid.labels.indices {
            nodes.append(text(recall(k).map(ConfusionHeatmap.percentText) ?? "–", x: right + layout.marginSize / 2,
                              y: layout.y(k) + size / 2 + font * 0.35, className: "rs-recall", size: font, fill: "#333333", anchor: "middle"))
            nodes.append(text(precision(k).map(ConfusionHeatmap.percentText) ?? "–", x: layout.x(k) + size / 2,
                              y: below + 14, className: "rs-precision", size: font, fill: "#333333", anchor: "middle"))
        }
        return .el("g", [cls("rs-margins")], nodes)
    }

    /// A vertical colour bar from light (0) to dark (the maximum), with ticks.
    private func legendNode() -> Node {
        // The bar starts a line below the grid's top, leaving that line to the legend's title.
        let slices = 48, x = layout.legendLeft, top = layout.gridTop + 16, height = layout.legendHeight
        var nodes: [Node] = []
        for k in 0..<slices {
            // Slice 0 is the top (darkest); slices overlap by a hair so no seams show.
            let t = 1 - (Double(k) + 0.5) / Double(slices)
            nodes.append(.el("rect", [cls("rs-ramp"), attr("x", ChartText.coordinate(x)),
                                      attr("y", ChartText.coordinate(top + height * Double(k) / Double(slices))),
                                      attr("width", "12"), attr("height", ChartText.coordinate(height / Double(slices) + 0.3)),
                                      attr("fill", SequentialColor.blue(t).hex), ChartText.darkFill(SequentialColor.blueOnDark(t).hex)]))
        }
        nodes.append(.el("rect", [attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(top)), attr("width", "12"),
                                  attr("height", ChartText.coordinate(height)), attr("fill", "none"), attr("stroke", "#999999"),
                                  attr("stroke-width", "0.5")]))
        nodes.append(text(normalization.legendTitle, x: x, y: layout.gridTop + 4, className: "rs-legend-title", size: 10, fill: "#555555"))
        let percent = shares != nil
        let maximum = percent ? legendMaximum * 100 : legendMaximum
        for tick in Ticks.labeled(0, maximum > 0 ? maximum : 1, count: 4) {
            let y = top + height * (1 - tick.value / (maximum > 0 ? maximum : 1))
            nodes.append(.el("line", [attr("x1", ChartText.coordinate(x + 12)), attr("y1", ChartText.coordinate(y)),
                                      attr("x2", ChartText.coordinate(x + 15)), attr("y2", ChartText.coordinate(y)),
                                      attr("stroke", "#555555"), attr("stroke-width", "1")]))
            nodes.append(text(tick.label + (percent ? "%" : ""), x: x + 18, y: y + 3.5, className: "rs-tick-label", size: 10))
        }
        return .el("g", [cls("rs-color-legend")], nodes)
    }

    private func text(_ content: String, x: Double, y: Double, className: String, size: Double, fill: String = "#444444",
                      anchor: String? = nil, weight: String? = nil, dark: String? = nil) -> Node {
        ChartText.label(content, x: x, y: y, className: className, size: size, fill: fill, anchor: anchor, weight: weight, dark: dark)
    }
}
