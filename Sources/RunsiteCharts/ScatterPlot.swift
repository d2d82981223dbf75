import Foundation
import RunsiteCore
import RunsiteMarkup

/// A param-versus-metric scatter: one dot per run. A numeric x gets a scale (log on request); a
/// categorical x gets evenly spaced places, each run jittered by a fixed amount from its id's
/// hash so the dots of one category do not hide each other and every build places them alike.
/// Dots are coloured by a value on viridis (with a colour bar), or all one colour.
public struct ScatterPlot {
    public struct Point: Sendable {
        public var label: String
        /// What seeds the dot's jitter on a categorical x (the run's id).
        public var id: String
        public var x: ParallelCoordinates.Value
        public var y: Double
        public var color: Double?
        public init(label: String, id: String, x: ParallelCoordinates.Value, y: Double, color: Double?) {
            self.label = label
            self.id = id
            self.x = x
            self.y = y
            self.color = color
        }
    }

    public var title: String
    public var xTitle: String
    public var yTitle: String
    /// What the colour shows; nil draws every dot in one colour.
    public var colorTitle: String?
    public var points: [Point]
    public var logX = false
    public var logY = false
    public var width: Double = 640
    public var height: Double = 340

    public init(title: String, xTitle: String, yTitle: String, colorTitle: String?, points: [Point]) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.colorTitle = colorTitle
        self.points = points
    }

    public func svg() -> Node {
        let left = 64.0, top = 40.0, bottom = height - 44, right = width - (colorTitle == nil ? 24 : 78)
        let ys = points.map(\.y).filter { $0.isFinite && (!logY || $0 > 0) }
        let yScale = Scale.fitted(kind: logY ? .log : .linear, lower: ys.min(), upper: ys.max(), range: (bottom, top), tickCount: 5)
        var categories: [String] = []
        var numbers: [Double] = []
        for point in points {
            switch point.x {
            case .number(let v) where v.isFinite && (!logX || v > 0): numbers.append(v)
            case .category(let c) where !categories.contains(c): categories.append(c)
            default: break
            }
        }
        categories.sort()
        let categorical = !categories.isEmpty
        let xScale = Scale.fitted(kind: logX ? .log : .linear, lower: numbers.min(), upper: numbers.max(), range: (left, right), tickCount: 6)
        let slot = categorical ? (right - left) / Double(categories.count) : 0
        func x(_ point: Point) -> Double? {
            switch point.x {
            case .number(let v) where !categorical && xScale.accepts(v): return xScale(v)
            case .category(let c):
                guard let i = categories.firstIndex(of: c) else { return nil }
                // Jitter within ±30 % of the category's slot, from the run's id: stable across builds.
                let jitter = Double(FNV1a.hash(Array(point.id.utf8)) % 1000) / 1000 - 0.5
                return left + (Double(i) + 0.5 + 0.6 * jitter) * slot
            default: return nil
            }
        }
        let colors = points.compactMap(\.color).filter(\.isFinite)
        let low = colors.min() ?? 0, high = colors.max() ?? 1
        var children: [Node] = [
            .el("title", [], text: title),
            .el("desc", [], text: "\(title). Scatter of \(points.count) runs: \(yTitle) against \(xTitle)" + (colorTitle.map { ", coloured by \($0) on the viridis scale" } ?? "") + "."),
            .el("text", ChartText.textAttributes(className: "rs-title", size: 14, fill: "#222222", weight: "600") + [attr("x", ChartText.coordinate(left)), attr("y", "22")], text: title),
        ]
        var grid = ""
        var labels: [Node] = []
        for tick in yScale.ticks(count: 5) {
            let y = yScale(tick.value)
            grid += "M\(ChartText.coordinate(left)),\(ChartText.coordinate(y))H\(ChartText.coordinate(right))"
            labels.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: 11, anchor: "end") + [attr("x", ChartText.coordinate(left - 6)), attr("y", ChartText.coordinate(y + 4))], text: tick.label))
        }
        if categorical {
            for (i, c) in categories.enumerated() {
                labels.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: 11, anchor: "middle")
                                  + [attr("x", ChartText.coordinate(left + (Double(i) + 0.5) * slot)), attr("y", ChartText.coordinate(bottom + 16))],
                                  text: ChartText.truncated(c, fontSize: 11, maxWidth: max(slot - 4, 30))))
            }
        } else {
            for tick in xScale.ticks(count: 6) {
                let xx = xScale(tick.value)
                grid += "M\(ChartText.coordinate(xx)),\(ChartText.coordinate(top))V\(ChartText.coordinate(bottom))"
                labels.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: 11, anchor: "middle") + [attr("x", ChartText.coordinate(xx)), attr("y", ChartText.coordinate(bottom + 16))], text: tick.label))
            }
        }
        children.append(.el("path", [cls("rs-grid"), attr("d", grid), attr("fill", "none"), attr("stroke", "#E6E6E6"), attr("stroke-width", "1")]))
        children.append(.el("path", [cls("rs-axis"), attr("d", "M\(ChartText.coordinate(left)),\(ChartText.coordinate(top))V\(ChartText.coordinate(bottom))H\(ChartText.coordinate(right))"),
                                     attr("fill", "none"), attr("stroke", "#555555"), attr("stroke-width", "1")]))
        children.append(.el("g", [cls("rs-axes")], labels + [
            .el("text", ChartText.textAttributes(className: "rs-axis-title", size: 12, fill: "#333333", anchor: "middle")
                + [attr("x", ChartText.coordinate((left + right) / 2)), attr("y", ChartText.coordinate(height - 8))], text: xTitle),
            .el("text", ChartText.textAttributes(className: "rs-axis-title", size: 12, fill: "#333333", anchor: "middle")
                + [attr("x", "16"), attr("y", ChartText.coordinate((top + bottom) / 2)), attr("transform", "rotate(-90 16 \(ChartText.coordinate((top + bottom) / 2)))")], text: yTitle),
        ]))
        var dots: [Node] = []
        for point in points where point.y.isFinite && yScale.accepts(point.y) {
            guard let px = x(point) else { continue }
            let fill = colorTitle == nil ? "#0072B2" : point.color.map { ViridisColor.hex(high > low ? ($0 - low) / (high - low) : 0.5) } ?? "#9A9A9A"
            dots.append(.el("circle", [cls("rs-dot"), attr("cx", ChartText.coordinate(px)), attr("cy", ChartText.coordinate(yScale(point.y))), attr("r", "4"),
                                       attr("fill", fill), attr("fill-opacity", "0.85"), attr("stroke", "#ffffff"), attr("stroke-width", "0.8"), attr("data-label", point.label)],
                            [.el("title", [], text: "\(point.label) — \(yTitle): \(NumberText.exact(point.y))")]))
        }
        children.append(.el("g", [cls("rs-dots")], dots))
        if let colorTitle {
            var bar = ParallelCoordinates(title: "", axes: [], lines: [], colorTitle: colorTitle)
            bar.width = width
            children.append(bar.colorBar(x: right + 26, top: top, bottom: bottom, low: low, high: high))
        }
        return .el("svg", [attr("xmlns", "http://www.w3.org/2000/svg"), cls("rs-chart rs-scatter"), attr("width", ChartText.coordinate(width)),
                           attr("height", ChartText.coordinate(height)), attr("viewBox", "0 0 \(ChartText.coordinate(width)) \(ChartText.coordinate(height))"),
                           attr("role", "img"), attr("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"),
                           attr("font-size", "11")], children)
    }
}
