import RunsiteCore
import RunsiteMarkup

/// Turns a chart's `<svg>` into a file that stands on its own in a paper: a physical size in
/// inches, fonts that survive conversion to PDF (`rsvg-convert`, Inkscape, LaTeX's svg package),
/// a white background, and nothing that only the web page uses (classes, `data-*`, scripts).
///
///     StandaloneFigure.make(chart.svg(), width: .column)   // <svg width="3.5in" height="2.5in" …>
public enum StandaloneFigure {
    /// Fonts present on Linux (DejaVu), macOS and Windows (Arial, Helvetica); no `system-ui`,
    /// which converters do not know.
    public static let fontFamily = "'DejaVu Sans', Arial, Helvetica, sans-serif"

    /// The figure at `width` inches wide, its height following the aspect ratio of the viewBox.
    public static func make(_ svg: Node, width: FigureWidth) -> Node {
        guard case .element("svg", let attributes, let children) = svg else { return svg }
        let value = { (name: String) in attributes.first { $0.name == name }?.value ?? nil }
        let pixelWidth = Double(value("width") ?? "") ?? width.pixels
        let pixelHeight = Double(value("height") ?? "") ?? width.lineChartHeight
        let heightInches = width.inches * pixelHeight / max(pixelWidth, 1)
        var root: [Attribute] = [
            attr("xmlns", "http://www.w3.org/2000/svg"), attr("version", "1.1"),
            attr("width", NumberText.fixed(width.inches, digits: 3) + "in"),
            attr("height", NumberText.fixed(heightInches, digits: 3) + "in"),
            attr("viewBox", value("viewBox") ?? "0 0 \(NumberText.fixed(pixelWidth)) \(NumberText.fixed(pixelHeight))"),
        ]
        if let role = value("role") { root.append(attr("role", role)) }
        root.append(attr("font-family", fontFamily))
        if let size = value("font-size") { root.append(attr("font-size", size)) }
        var body = children.compactMap(clean)
        // The background goes right after <title>/<desc> so that it is painted first.
        let metadata = body.prefix { node in
            if case .element(let name, _, _) = node { return name == "title" || name == "desc" }
            return false
        }.count
        body.insert(.el("rect", [attr("x", "0"), attr("y", "0"), attr("width", NumberText.fixed(pixelWidth)),
                                 attr("height", NumberText.fixed(pixelHeight)), attr("fill", "#ffffff")]), at: metadata)
        return .el("svg", root, body)
    }

    /// The node without scripts, classes and `data-*` attributes, with print fonts.
    static func clean(_ node: Node) -> Node? {
        switch node {
        case .element(let name, let attributes, let children):
            if name == "script" || name == "foreignObject" { return nil }
            let kept = attributes.compactMap { a -> Attribute? in
                if a.name == "class" || a.name.hasPrefix("data-") || a.name.hasPrefix("on") { return nil }
                if a.name == "font-family" { return attr("font-family", fontFamily) }
                return a
            }
            return .element(name, kept, children.compactMap(clean))
        case .fragment(let nodes):
            return .fragment(nodes.compactMap(clean))
        case .text, .raw:
            return node
        }
    }
}
