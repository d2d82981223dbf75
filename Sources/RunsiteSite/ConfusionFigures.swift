import RunsiteCharts
import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{confusion-matrices}`: every confusion matrix of the run as a heatmap, with a standalone SVG
/// download and the largest off-diagonal confusions listed under it. All heatmaps of one directive
/// share one colour scale; a matrix logged at several steps is drawn as small multiples in a row.
/// `:compare-with: RUN` adds difference heatmaps against another run (see `ConfusionComparison`).
enum ConfusionFigures {
    /// The values of `:normalize:`.
    static let normalizations = ["none", "rows", "columns", "all"]

    static func render(_ directive: Directive, _ context: PageContext) -> Node {
        guard let run = context.run else { return .empty }
        guard !run.confusionMatrices.isEmpty else { return .el("p", [cls("rs-muted")], text: "No confusion matrices were logged.") }
        let mode = normalization(directive, context)
        let width = ChartDirectiveOptions.requestedFigureWidth(directive, context)
        let maximum = run.confusionMatrices.map {
            ConfusionHeatmap(labels: $0.labels, counts: $0.counts, normalization: mode).colorMaximum
        }.max() ?? 0
        let shared = run.confusionMatrices.count > 1 ? maximum : nil
        var groups: [(name: String, matrices: [ConfusionMatrix])] = []
        for matrix in run.confusionMatrices {
            if let g = groups.firstIndex(where: { $0.name == matrix.name }) { groups[g].matrices.append(matrix) } else {
                groups.append((matrix.name, [matrix]))
            }
        }
        var nodes: [Node] = []
        for group in groups {
            let sorted = group.matrices.sorted { ($0.step ?? .min) < ($1.step ?? .min) }
            let figures = sorted.map { matrix in
                figure(matrix, anchor: anchor(matrix, multiple: sorted.count > 1), mode: mode, shared: shared, width: width, context)
            }
            if sorted.count > 1 {
                nodes.append(.el("section", [cls("rs-multiples"), attr("aria-label", "\(group.name) at \(sorted.count) steps")], [
                    .el("h3", [], text: "\(group.name) at \(sorted.count) steps (one colour scale)"),
                    .el("div", [cls("rs-multiples-row")], figures),
                ]))
            } else {
                nodes += figures
            }
        }
        let comparison = ConfusionComparison.render(directive, context, mode: mode, width: width)
        if comparison != .empty { nodes.append(comparison) }
        return .el("div", [cls("rs-grid-figures")], nodes)
    }

    static func anchor(_ matrix: ConfusionMatrix, multiple: Bool) -> String {
        "cm-" + Slug.make(matrix.name) + (multiple ? matrix.step.map { "-step-\($0)" } ?? "" : "")
    }

    /// `:normalize:` as a normalization; rows when absent or unknown (which `OptionChecker` warns about).
    static func normalization(_ directive: Directive, _ context: PageContext) -> HeatmapNormalization {
        directive.option("normalize").flatMap { HeatmapNormalization(rawValue: $0.lowercased()) } ?? .rows
    }

    /// The printed width of a heatmap: as asked, else a column unless the heatmap is so wide
    /// (many classes) that its labels would print below about 6 pt; then the page width.
    static func printedWidth(_ svg: Node, requested: FigureWidth?) -> FigureWidth {
        if let requested { return requested }
        guard case .element(_, let attributes, _) = svg,
              let text = attributes.first(where: { $0.name == "width" })?.value, let width = Double(text) else { return .column }
        return width > FigureWidth.column.pixels * 1.35 ? .page : .column
    }

    static func figure(_ matrix: ConfusionMatrix, anchor: String, mode: HeatmapNormalization, shared: Double?,
                       width requested: FigureWidth?, _ context: PageContext) -> Node {
        let title = matrix.name + (matrix.step.map { " (step \($0))" } ?? "")
        let heatmap = ConfusionHeatmap(labels: matrix.labels, counts: matrix.counts, normalization: mode, title: title,
                                       sharedMaximum: shared)
        let svg = heatmap.svg()
        let width = printedWidth(svg, requested: requested)
        let link = ChartFigure.addFile(anchor + ".svg", .text(Serializer.xml(StandaloneFigure.make(svg, width: width)) + "\n"), context)
        var caption: [Node] = [
            .el("strong", [], text: title), .text(" — " + heatmap.caption),
            .el("span", [cls(LinkGroup.downloads)], [
                .text(" · "),
                .el("a", [attr("href", link), attr("download", ""),
                          attr("title", "Standalone SVG, \(NumberText.fixed(width.inches)) in wide, for papers")], text: "download SVG"),
            ]),
        ]
        // Inside the caption: a figure's caption must be its first or last child (HTML).
        let confusions = heatmap.largestConfusions(limit: 5)
        if !confusions.isEmpty {
            caption.append(.el("div", [cls("rs-confusions")], [
                .el("span", [cls("rs-muted")], text: "Largest confusions:"),
                .el("ol", [], confusions.map { .el("li", [], text: $0.text) }),
            ]))
        }
        return .el("figure", [cls("rs-figure"), attr("id", anchor)], [svg, .el("figcaption", [], caption)])
    }
}
