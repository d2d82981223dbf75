import RunsiteCore
import RunsiteMarkup

/// The difference between two confusion matrices over the same classes (`other − base`), drawn
/// with a diverging scale centred on 0: blue where `other` has more (a larger share, or count),
/// red where it has less. Under row normalization the diagonal then reads as the change in recall.
///
///     let diff = ConfusionDifferenceHeatmap(labels: ["cat", "dog"], base: [[8, 2], [1, 9]],
///                                           other: [[9, 1], [3, 7]], baseName: "run-a", otherName: "run-b")
///     diff.caption   // "run-b − run-a; 2 classes; share of each true class (row); largest change −20 points (dog → dog)"
public struct ConfusionDifferenceHeatmap: Sendable {
    let labels: [String]
    let baseName: String
    let otherName: String
    let normalization: HeatmapNormalization
    let title: String
    /// `other − base`, as shares (0–1) or counts.
    let differences: [[Double]]
    /// The symmetric colour domain `[-limit, limit]`.
    let limit: Double
    var layout: HeatmapLayout

    /// Both matrices are read as `counts[true][predicted]` over `labels`, cut or padded to them;
    /// invalid cells (negative, NaN) count as 0.
    public init(labels: [String], base: [[Double]], other: [[Double]], normalization: HeatmapNormalization = .rows,
                title: String = "", baseName: String, otherName: String) {
        self.baseName = baseName
        self.otherName = otherName
        self.normalization = normalization
        self.title = title
        func clean(_ counts: [[Double]]) -> [[Double]] {
            labels.indices.map { i in
                labels.indices.map { j in
                    let v = i < counts.count && j < counts[i].count ? counts[i][j] : 0
                    return v.isFinite && v >= 0 ? v : 0
                }
            }
        }
        // Past `HeatmapGrid.detailLimit` classes, blocks of classes are compared, so every cell
        // keeps its tooltip and the figure stays small.
        let a = HeatmapGrid(labels: labels, counts: clean(base), limit: HeatmapGrid.detailLimit).counts
        let grid = HeatmapGrid(labels: labels, counts: clean(other), limit: HeatmapGrid.detailLimit)
        let b = grid.counts
        self.labels = grid.labels
        let va = normalization.shares(a) ?? a, vb = normalization.shares(b) ?? b
        differences = grid.labels.indices.map { i in grid.labels.indices.map { j in vb[i][j] - va[i][j] } }
        let largest = differences.flatMap { $0 }.map(abs).max() ?? 0
        limit = largest > 0 ? largest : 1
        layout = HeatmapLayout(labels: grid.labels, title: title, showsShares: false)
        // No recall/precision margins here: reclaim their room.
        if layout.marginSize > 0 {
            layout.legendLeft -= layout.marginSize
            layout.width -= layout.marginSize
            layout.columnLabelsTop -= 20
            layout.predictedTitleBaseline -= 20
            layout.marginSize = 0
        }
    }

    private var isShare: Bool { normalization != .none }

    /// A difference as text: `+3.5 pts` for shares (percentage points), `+12` / `−4` for counts.
    func differenceText(_ value: Double) -> String {
        let sign = value > 0 ? "+" : value < 0 ? "\u{2212}" : ""
        if isShare {
            let points = DecimalNumber(Int((abs(value) * 1000).rounded()), exponent: -1).plainText()
            return points == "0" ? "0" : sign + points
        }
        return sign + ConfusionHeatmap.countText(abs(value))
    }

    /// What was compared, what the colours mean and the largest change.
    public var caption: String {
        var parts = ["\(otherName) \u{2212} \(baseName)", "\(labels.count) \(labels.count == 1 ? "class" : "classes")"]
        parts.append(isShare ? "difference in \(normalization.phrase.replacingOccurrences(of: "shading by ", with: "")), in percentage points"
                             : "difference in counts")
        parts.append("blue: higher in \(otherName), red: lower")
        var best: (i: Int, j: Int)?
        for i in differences.indices {
            for j in differences[i].indices where abs(differences[i][j]) > (best.map { abs(differences[$0.i][$0.j]) } ?? 0) {
                best = (i, j)
            }
        }
        if let best {
            parts.append("largest change \(differenceText(differences[best.i][best.j]))\(isShare ? " points" : "") (\(labels[best.i]) \u{2192} \(labels[best.j]))")
        } else {
            parts.append("no differences")
        }
        return parts.joined(separator: "; ")
    }

    /// The heatmap as an `<svg>` with `role="img"`, `<title>` and `<desc>`.
    public func svg() -> Node {
        let c = { ChartText.coordinate($0, digits: 2) }
        var children: [Node] = [
            .el("title", text: title.isEmpty ? "Confusion matrix difference" : title),
            .el("desc", text: caption + ". Rows are true classes, columns predicted classes."),
        ]
        if let baseline = layout.titleBaseline {
            children.append(text(title, x: 10, y: baseline, className: "rs-title", size: 14, fill: "#222222", weight: "600"))
        }
        children.append(cellsNode())
        children.append(labelsNode())
        children.append(legendNode())
        return .el("svg", [
            attr("xmlns", "http://www.w3.org/2000/svg"), cls("rs-chart rs-heatmap rs-heatmap-difference"),
            attr("width", c(layout.width)), attr("height", c(layout.height)),
            attr("viewBox", "0 0 \(c(layout.width)) \(c(layout.height))"), attr("role", "img"),
            attr("font-family", ChartText.fontFamily), attr("font-size", c(layout.labelFont)),
        ], children)
    }

    private func cellsNode() -> Node {
        let size = layout.cell, font = min(12, size * 0.34)
        var cells: [Node] = [], texts: [Node] = []
        for i in labels.indices {
            for j in labels.indices {
                let d = differences[i][j]
                let color = DivergingColor.color(d / limit), dark = DivergingColor.colorOnDark(d / limit)
                let x = layout.x(j), y = layout.y(i)
                let tip = "true \(labels[i]), predicted \(labels[j]): \(differenceText(d))\(isShare ? " percentage points" : "")"
                cells.append(.el("rect", [cls("rs-cell"), attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(y)),
                                          attr("width", ChartText.coordinate(size)), attr("height", ChartText.coordinate(size)),
                                          attr("fill", color.hex), ChartText.darkFill(dark.hex)], [.el("title", text: tip)]))
                guard layout.showsCellText else { continue }
                let label = differenceText(d)
                let fitted = min(font, font * (size - 4) / max(ChartText.width(label, fontSize: font), 1))
                guard fitted >= 7 else { continue }
                texts.append(text(label, x: x + size / 2, y: y + size / 2 + font * 0.35, className: "rs-cell-count", size: fitted,
                                  fill: color.whiteText ? "#FFFFFF" : "#1A1A1A", anchor: "middle", dark: dark.whiteText ? "#FFFFFF" : "#1A1A1A"))
            }
        }
        return .fragment([
            .el("g", [cls("rs-cells"), attr("stroke", "#FFFFFF"), attr("stroke-width", size >= 10 ? "1" : "0.5")], cells),
            .el("g", [cls("rs-cell-texts"), attr("pointer-events", "none")], texts),
        ])
    }

    private func labelsNode() -> Node {
        var nodes: [Node] = []
        let font = layout.labelFont, size = layout.cell
        for (i, label) in labels.enumerated() {
            let shown = ChartText.truncated(label, fontSize: font, maxWidth: HeatmapLayout.labelMax)
            nodes.append(text(shown, x: layout.gridLeft - 6, y: layout.y(i) + size / 2 + font * 0.35, className: "rs-class-label",
                              size: font, anchor: "end"))
            let cx = layout.x(i) + size / 2
            if layout.rotatesColumnLabels {
                let y = layout.columnLabelsTop + font * 0.5
                nodes.append(.el("text", ChartText.textAttributes(className: "rs-class-label", size: font, anchor: "end")
                                 + [attr("x", ChartText.coordinate(cx)), attr("y", ChartText.coordinate(y)),
                                    attr("transform", "rotate(-45 \(ChartText.coordinate(cx)) \(ChartText.coordinate(y)))")],
                                 text: shown))
            } else {
                nodes.append(text(shown, x: cx, y: layout.columnLabelsTop + font * 0.85, className: "rs-class-label", size: font, anchor: "middle"))
            }
        }
        nodes += layout.axisTitles()
        return .el("g", [cls("rs-labels")], nodes)
    }

    /// A vertical bar from −limit (bottom, red) through 0 (white) to +limit (top, blue).
    private func legendNode() -> Node {
        let slices = 48, x = layout.legendLeft, top = layout.gridTop + 16, height = layout.legendHeight
        var nodes: [Node] = []
        for k in 0..<slices {
            let t = 1 - 2 * (Double(k) + 0.5) / Double(slices)
            nodes.append(.el("rect", [cls("rs-ramp"), attr("x", ChartText.coordinate(x)),
                                      attr("y", ChartText.coordinate(top + height * Double(k) / Double(slices))),
                                      attr("width", "12"), attr("height", ChartText.coordinate(height / Double(slices) + 0.3)),
                                      attr("fill", DivergingColor.color(t).hex), ChartText.darkFill(DivergingColor.colorOnDark(t).hex)]))
        }
        nodes.append(.el("rect", [attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(top)), attr("width", "12"),
                                  attr("height", ChartText.coordinate(height)), attr("fill", "none"), attr("stroke", "#999999"),
                                  attr("stroke-width", "0.5")]))
        nodes.append(text(isShare ? "\u{0394} points" : "\u{0394} count", x: x, y: layout.gridTop + 4, className: "rs-legend-title",
                          size: 10, fill: "#555555"))
        for (value, y) in [(limit, top), (0, top + height / 2), (-limit, top + height)] {
            nodes.append(.el("line", [attr("x1", ChartText.coordinate(x + 12)), attr("y1", ChartText.coordinate(y)),
                                      attr("x2", ChartText.coordinate(x + 15)), attr("y2", ChartText.coordinate(y)),
                                      attr("stroke", "#555555"), attr("stroke-width", "1")]))
            nodes.append(text(differenceText(value), x: x + 18, y: y + 3.5, className: "rs-tick-label", size: 10))
        }
        return .el("g", [cls("rs-color-legend")], nodes)
    }

    private func text(_ content: String, x: Double, y: Double, className: String, size: Double, fill: String = "#444444",
                      anchor: String? = nil, weight: String? = nil, dark: String? = nil) -> Node {
        ChartText.label(content, x: x, y: y, className: className, size: size, fill: fill, anchor: anchor, weight: weight, dark: dark)
    }
}
