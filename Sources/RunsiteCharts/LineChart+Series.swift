import RunsiteCore
import RunsiteMarkup

extension LineChart {
    /// All series groups, in input order (later series draw on top).
    func seriesLayer(clipID: String?) -> Node {
        .el("g", [cls("rs-series-layer")], plotted.map { seriesNode($0, clipID: clipID) })
    }

    /// One `<g class="rs-series" data-series="i">`: tooltip, envelope band, faint raw line,
    /// main line, isolated points and non-finite markers.
    func seriesNode(_ p: PlottedSeries, clipID: String?) -> Node {
        let color = Palette.color(p.series.colorIndex)
        let dash = Palette.dash(Palette.effectiveDash(colorIndex: p.series.colorIndex, dashIndex: p.series.dashIndex))
        var drawn: [Node] = []
        if let band = groupBandNode(p.series, color: color) { drawn.append(band) }
        if let band = bandNode(p.bands, color: color) { drawn.append(band) }
        if let raw = p.raw {
            // The faint raw line stays solid: a dashed faint line reads as noise on noise.
            drawn += lineNodes(raw, ys: p.series.ys, xs: p.series.xs, color: color, dash: nil,
                               className: "rs-raw", width: 1, opacity: "0.3")
        }
        drawn += lineNodes(p.line, ys: p.lineValues, xs: p.series.xs, color: color, dash: dash,
                           className: "rs-line", width: p.raw == nil ? 1.5 : 1.75, opacity: nil)
        var children: [Node] = [.el("title", text: p.title)]
        if let clipID {
            children.append(.el("g", [attr("clip-path", "url(#\(clipID))")], drawn))
        } else {
            children += drawn
        }
        children += markerNodes(p, color: color)
        var attributes = [cls("rs-series"), attr("data-series", String(p.index)),
                          attr("data-label", p.series.label), attr("data-metric", p.series.metric)]
        if options.readout {
            let chosen = readoutIndices(p)
            attributes.append(attr("data-points", readoutText(p, chosen)))
            if let times = readoutTimes(p, chosen) { attributes += [attr("data-t0", times.t0), attr("data-times", times.deltas)] }
        }
        if let link = p.series.link { attributes.append(attr("data-run", link)) }
        return .el("g", attributes, children)
    }

    /// The line as one path of subpaths (a new `M` after every gap), plus a dot for each point
    /// that has no neighbour to join, so that a lone value between NaNs is still visible.
    private func lineNodes(_ line: DecimatedLine, ys: [Double], xs: [Double], color: String, dash: String?,
                           className: String, width: Double, opacity: String?) -> [Node] {
        var path = PathData()
        var dots: [Node] = []
        for run in line.runs {
            if run.count == 1 {
                let i = run[0]
                dots.append(.el("circle", [cls(className == "rs-line" ? "rs-point" : "rs-raw-point"),
                                           attr("cx", ChartText.coordinate(xScale(xs[i]))),
                                           attr("cy", ChartText.coordinate(yScale(ys[i]))),
                                           attr("r", ChartText.coordinate(width + 1)), attr("fill", color)]
                                    + (opacity.map { [attr("fill-opacity", $0)] } ?? [])))
                continue
            }
            path.breakLine()
            for i in run { path.add(xScale(xs[i]), yScale(ys[i])) }
        }
        var nodes: [Node] = []
        if !path.isEmpty {
            var attributes = [cls(className), attr("d", path.text), attr("fill", "none"), attr("stroke", color),
                              attr("stroke-width", ChartText.coordinate(width, digits: 2)),
                              attr("stroke-linejoin", "round"), attr("stroke-linecap", "round")]
            if let opacity { attributes.append(attr("stroke-opacity", opacity)) }
            if let dash { attributes.append(attr("stroke-dasharray", dash)) }
            nodes.append(.el("path", attributes))
        }
        return nodes + dots
    }

    /// The light min/max envelope over columns that hold many points: along the column maxima,
    /// then back along the minima. Lines alone would hide how wide dense columns spread.
    private func bandNode(_ bands: [[ColumnBand]], color: String) -> Node? {
        guard !bands.isEmpty else { return nil }
        var path = PathData()
        for stretch in bands {
            for b in stretch { path.add(layout.plotLeft + Double(b.column) + 0.5, yScale(b.high)) }
            for b in stretch.reversed() { path.add(layout.plotLeft + Double(b.column) + 0.5, yScale(b.low)) }
            path.close()
        }
        return .el("path", [cls("rs-band"), attr("d", path.text), attr("fill", color),
                            attr("fill-opacity", "0.16"), attr("stroke", "none")])
    }

    /// The series' own band (a group's spread), one closed shape per stretch of placeable bounds:
    /// along the highs, then back along the lows.
    private func groupBandNode(_ series: ChartSeries, color: String) -> Node? {
        guard let low = series.bandLow, let high = series.bandHigh else { return nil }
        var path = PathData()
        var stretch: [Int] = []
        func close() {
            if stretch.count >= 2 {
                path.breakLine()
                for i in stretch { path.add(xScale(series.xs[i]), yScale(high[i])) }
                for i in stretch.reversed() { path.add(xScale(series.xs[i]), yScale(low[i])) }
                path.close()
            }
            stretch = []
        }
        for i in 0..<min(series.count, low.count, high.count) {
            if xScale.accepts(series.xs[i]) && yScale.accepts(low[i]) && yScale.accepts(high[i]) { stretch.append(i) } else { close() }
        }
        close()
        guard !path.isEmpty else { return nil }
        return .el("path", [cls("rs-group-band"), attr("d", path.text), attr("fill", color),
                            attr("fill-opacity", "0.18"), attr("stroke", "none")])
    }

    /// Non-finite markers in the strip above the plot: one path per kind, with a tooltip listing where.
    private func markerNodes(_ p: PlottedSeries, color: String) -> [Node] {
        guard let y = layout.markerStripY else { return [] }
        var nodes: [Node] = []
        for kind in NonFiniteMarker.Kind.allCases {
            let markers = p.markers.filter { $0.kind == kind }
            guard !markers.isEmpty else { continue }
            var path = PathData()
            for m in markers { LineChart.addGlyph(kind, x: xScale(m.x), y: y, to: &path) }
            let count = markers.reduce(0) { $0 + $1.count }
            let places = markers.prefix(5).map { NumberText.compact($0.x) }.joined(separator: ", ")
            let more = markers.count > 5 ? ", …" : ""
            let tip = "\(p.series.label): \(count) \(NonFiniteMarker.keyText(kind)) at \(options.xLabel.isEmpty ? "x" : options.xLabel) \(places)\(more)"
            nodes.append(.el("path", [cls("rs-marker rs-marker-\(LineChart.markerClass(kind))"), attr("d", path.text)]
                             + LineChart.glyphPaint(kind, color: color), [.el("title", text: tip)]))
        }
        return nodes
    }

    /// Adds a marker glyph centred at (x, y): ▲ for +Inf, ▼ for −Inf, ✕ for NaN.
    static func addGlyph(_ kind: NonFiniteMarker.Kind, x: Double, y: Double, to path: inout PathData) {
        path.breakLine()
        switch kind {
        case .positiveInfinity:
            path.add(x, y - 4); path.add(x + 4, y + 3); path.add(x - 4, y + 3); path.close()
        case .negativeInfinity:
            path.add(x, y + 4); path.add(x + 4, y - 3); path.add(x - 4, y - 3); path.close()
        case .nan:
            path.add(x - 3, y - 3); path.add(x + 3, y + 3); path.breakLine(); path.add(x + 3, y - 3); path.add(x - 3, y + 3)
        }
    }

    /// Triangles are filled; the cross is stroked (a filled cross would have no area).
    static func glyphPaint(_ kind: NonFiniteMarker.Kind, color: String) -> [Attribute] {
        kind == .nan ? [attr("fill", "none"), attr("stroke", color), attr("stroke-width", "1.6"), attr("stroke-linecap", "round")]
            : [attr("fill", color), attr("stroke", "none")]
    }

    static func markerClass(_ kind: NonFiniteMarker.Kind) -> String {
        switch kind {
        case .positiveInfinity: return "pos-inf"
        case .negativeInfinity: return "neg-inf"
        case .nan: return "nan"
        }
    }
}
