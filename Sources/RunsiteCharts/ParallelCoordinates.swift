import Foundation
import RunsiteCore
import RunsiteMarkup

/// A parallel-coordinates figure: one vertical axis per param and one for the metric, one line per
/// run, coloured by the metric on viridis with a colour bar. Numeric axes get nice ticks, and a
/// log scale when all values are positive and span two decades or more; categorical axes space
/// their values evenly. A run without a value on an axis passes through a marked "missing" place
/// below it, so that no run is dropped.
public struct ParallelCoordinates {
    public enum Value: Sendable, Hashable {
        case number(Double)
        case category(String)
        case missing
    }

    public struct Line: Sendable {
        public var label: String
        /// One value per axis, in axis order.
        public var values: [Value]
        /// The value that colours the line (the metric); nil draws it grey.
        public var color: Double?
        /// The run's page, relative to the page the figure is on: brushing an axis filters the
        /// page's experiment table to the rows that link there (`assets/runsite.js`).
        public var link: String?
        public init(label: String, values: [Value], color: Double?, link: String? = nil) {
            self.label = label
            self.values = values
            self.color = color
            self.link = link
        }
    }

    public var title: String
    public var axes: [String]
    public var lines: [Line]
    /// What the colour bar shows.
    public var colorTitle: String
    public var width: Double = 640
    public var height: Double = 340
    /// Whether high colour values are the good ones, drawn on top (accuracy); else low ones are (loss).
    public var highIsBest = false

    public init(title: String, axes: [String], lines: [Line], colorTitle: String) {
        self.title = title
        self.axes = axes
        self.lines = lines
        self.colorTitle = colorTitle
    }

    /// How one axis places values: numbers on a scale, or categories at even places.
    enum Placement {
        case scale(Scale)
        case categories([String])
    }

    static let missingLabel = "missing"

    public func svg() -> Node {
        let top = 62.0, bottom = height - 46, left = 58.0, right = width - 70
        let missingY = bottom + 20
        let step = axes.count > 1 ? (right - left) / Double(axes.count - 1) : 0
        let placements = axes.indices.map { placement($0, top: top, bottom: bottom) }
        func y(_ value: Value, _ a: Int) -> Double {
            switch (value, placements[a]) {
            case (.number(let v), .scale(let scale)) where scale.accepts(v): return scale(v)
            case (.category(let c), .categories(let all)):
                guard let i = all.firstIndex(of: c) else { return missingY }
                return all.count == 1 ? (top + bottom) / 2 : bottom - Double(i) * (bottom - top) / Double(all.count - 1)
            default: return missingY
            }
        }
        let colors = lines.compactMap(\.color).filter(\.isFinite)
        let low = colors.min() ?? 0, high = colors.max() ?? 1
        func color(_ line: Line) -> String {
            guard let c = line.color, c.isFinite else { return "#9A9A9A" }
            return ViridisColor.hex(high > low ? (c - low) / (high - low) : 0.5)
        }
        var children: [Node] = [
            .el("title", [], text: title),
            .el("desc", [], text: "\(title). Parallel coordinates of \(lines.count) runs over \(axes.count) axes: \(axes.joined(separator: ", ")). Lines are coloured by \(colorTitle) on the viridis scale, from \(NumberText.exact(low)) (dark) to \(NumberText.exact(high)) (yellow); a run without a value passes through the \"missing\" mark below an axis."),
            .el("text", ChartText.textAttributes(className: "rs-title", size: 14, fill: "#222222", weight: "600") + [attr("x", ChartText.coordinate(left)), attr("y", "22")], text: title),
        ]
        // Lines under the axes, each with its run's name; the best runs drawn last, on top, and
        // runs without a colour value first.
        let rank = { (line: Line) -> Double in
            guard let c = line.color, c.isFinite else { return -.infinity }
            return highIsBest ? c : -c
        }
        let order = lines.indices.sorted { (rank(lines[$0]), $0) < (rank(lines[$1]), $1) }
        var lineNodes: [Node] = []
        for i in order {
            let line = lines[i]
            var d = ""
            for a in axes.indices {
                let x = left + Double(a) * step, yy = y(a < line.values.count ? line.values[a] : .missing, a)
                d += (a == 0 ? "M" : "L") + ChartText.coordinate(x) + "," + ChartText.coordinate(yy)
            }
            var attributes = [cls("rs-pc-line"), attr("d", d), attr("stroke", color(line))]
            if let link = line.link { attributes.append(attr("data-page", link)) }
            lineNodes.append(.el("path", attributes,
                                 [.el("title", [], text: line.label + (line.color.map { " — \(colorTitle): " + NumberText.exact($0) } ?? ""))]))
        }
        // What every line shares is said once, on the group: a figure of thousands of runs stays small.
        children.append(.el("g", [cls("rs-pc-lines"), attr("fill", "none"), attr("stroke-width", "1.4"), attr("stroke-opacity", "0.85")], lineNodes))
        var axisNodes: [Node] = []
        let hasMissing = lines.contains { $0.values.contains(.missing) }
        for (a, name) in axes.enumerated() {
            let x = left + Double(a) * step
            axisNodes.append(.el("path", [cls("rs-axis rs-pc-axis"), attr("d", "M\(ChartText.coordinate(x)),\(ChartText.coordinate(top))V\(ChartText.coordinate(bottom))"),
                                          attr("stroke", "#555555"), attr("stroke-width", "1"), attr("data-axis", String(a)),
                                          attr("data-x", ChartText.coordinate(x)), attr("data-top", ChartText.coordinate(top)),
                                          attr("data-bottom", ChartText.coordinate(missingY + 4))]))
            // Titles alternate between two rows, so that each has two axes' room.
            let anchor = a == 0 ? "start" : a == axes.count - 1 ? "end" : "middle"
            let room = axes.count > 2 ? 2 * step - 8 : max(step, 120)
            axisNodes.append(.el("text", ChartText.textAttributes(className: "rs-axis-title", size: 11, fill: "#333333", anchor: anchor)
                                 + [attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(top - (a % 2 == 0 ? 8 : 22)))],
                                 [.el("title", [], text: name), .text(ChartText.truncated(name, fontSize: 11, maxWidth: max(room, 60)))]))
            for (value, label) in tickLabels(placements[a], top: top, bottom: bottom) {
                axisNodes.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: 10, anchor: "end")
                                     + [attr("x", ChartText.coordinate(x - 4)), attr("y", ChartText.coordinate(value + 3.5))],
                                     text: ChartText.truncated(label, fontSize: 10, maxWidth: max(step - 12, 40))))
            }
            if hasMissing {
                axisNodes.append(.el("path", [cls("rs-pc-missing"), attr("d", "M\(ChartText.coordinate(x - 4)),\(ChartText.coordinate(missingY))h8"),
                                              attr("stroke", "#555555"), attr("stroke-dasharray", "2 2")]))
            }
        }
        if hasMissing {
            axisNodes.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: 10, anchor: "end")
                                 + [attr("x", ChartText.coordinate(left - 6)), attr("y", ChartText.coordinate(missingY + 3.5))], text: Self.missingLabel))
        }
        children.append(.el("g", [cls("rs-axes")], axisNodes))
        children.append(colorBar(x: right + 22, top: top, bottom: bottom, low: low, high: high))
        return .el("svg", [attr("xmlns", "http://www.w3.org/2000/svg"), cls("rs-chart rs-parallel"), attr("width", ChartText.coordinate(width)),
                           attr("height", ChartText.coordinate(height)), attr("viewBox", "0 0 \(ChartText.coordinate(width)) \(ChartText.coordinate(height))"),
                           attr("role", "img"), attr("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"),
                           attr("font-size", "11")], children)
    }

    /// Axis `a`'s placement: categories when any value is text, else a scale over the numbers
    /// (log when positive and spanning two decades or more).
    func placement(_ a: Int, top: Double, bottom: Double) -> Placement {
        let values = lines.map { a < $0.values.count ? $0.values[a] : .missing }
        var numbers: [Double] = [], categories = Set<String>()
        for value in values {
            switch value {
            case .number(let v) where v.isFinite: numbers.append(v)
            case .category(let c): categories.insert(c)
            default: break
            }
        }
        if !categories.isEmpty {
            let all = categories.union(numbers.map(NumberText.exact)).sorted { a, b in
                if let x = Double(a), let y = Double(b) { return x < y }
                return a < b
            }
            return .categories(all)
        }
        let lo = numbers.min(), hi = numbers.max()
        let log = (lo ?? 0) > 0 && (hi ?? 0) / (lo ?? 1) >= 100
        return .scale(Scale.fitted(kind: log ? .log : .linear, lower: lo, upper: hi, range: (bottom, top), tickCount: 5))
    }

    func tickLabels(_ placement: Placement, top: Double, bottom: Double) -> [(Double, String)] {
        switch placement {
        case .scale(let scale): return scale.ticks(count: 5).map { (scale($0.value), $0.label) }
        case .categories(let all):
            return all.enumerated().map { i, c in
                (all.count == 1 ? (top + bottom) / 2 : bottom - Double(i) * (bottom - top) / Double(all.count - 1), c)
            }
        }
    }

    func colorBar(x: Double, top: Double, bottom: Double, low: Double, high: Double) -> Node {
        let steps = 24
        let h = (bottom - top) / Double(steps)
        var nodes: [Node] = (0..<steps).map { i in
            let t = 1 - (Double(i) + 0.5) / Double(steps)
            return .el("rect", [attr("x", ChartText.coordinate(x)), attr("y", ChartText.coordinate(top + Double(i) * h)), attr("width", "10"),
                                attr("height", ChartText.coordinate(h + 0.5)), attr("fill", ViridisColor.hex(t))])
        }
        let labelX = ChartText.coordinate(x + 14)
        nodes.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: 10) + [attr("x", labelX), attr("y", ChartText.coordinate(top + 4))],
                         text: NumberText.compact(high)))
        nodes.append(.el("text", ChartText.textAttributes(className: "rs-tick-label", size: 10) + [attr("x", labelX), attr("y", ChartText.coordinate(bottom))],
                         text: NumberText.compact(low)))
        // The colour's title runs along the bar, clear of the axis titles above.
        let titleX = x - 5, middle = (top + bottom) / 2
        nodes.append(.el("text", ChartText.textAttributes(className: "rs-axis-title", size: 10, fill: "#333333", anchor: "middle")
                         + [attr("x", ChartText.coordinate(titleX)), attr("y", ChartText.coordinate(middle)),
                            attr("transform", "rotate(-90 \(ChartText.coordinate(titleX)) \(ChartText.coordinate(middle)))")],
                         text: "colour: " + ChartText.truncated(colorTitle, fontSize: 10, maxWidth: bottom - top - 60)))
        return .el("g", [cls("rs-colorbar")], nodes)
    }
}
