import RunsiteCharts
import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{confusion-matrices}` with `:compare-with: RUN` (a run's name or id, looked up in the page's
/// project first, then in the whole site): for every matrix name both runs logged, the difference
/// of their last-step matrices (this run − the other) on a diverging scale centred on 0.
enum ConfusionComparison {
    /// The other run, or nil with a warning naming the closest run name.
    static func otherRun(_ directive: Directive, _ context: PageContext) -> Run? {
        guard let wanted = directive.option("compare-with")?.trimmingCharacters(in: .whitespaces), !wanted.isEmpty else { return nil }
        let all = context.map.projects.enumerated().flatMap { p, project in project.runs.map { (p, $0) } }
        let matches = all.filter { $0.1.name == wanted || $0.1.id.path == wanted || $0.1.id.path.hasSuffix("/" + wanted) }
        if let run = matches.first(where: { $0.0 == context.projectIndex })?.1 ?? matches.first?.1 { return run }
        let hint = Suggestion.closest(to: wanted, in: all.map(\.1.name)).map { "; did you mean '\($0)'?" } ?? ""
        context.warn(.unknownComparedRun(wanted, hint: hint), at: directive.location)
        return nil
    }

    /// The difference figures, or an empty node when there is nothing to compare.
    static func render(_ directive: Directive, _ context: PageContext, mode: HeatmapNormalization, width requested: FigureWidth?) -> Node {
        guard let run = context.run, let other = otherRun(directive, context) else { return .empty }
        // A template shared by every run page compares the named run with itself on its own page.
        guard other.id != run.id else {
            return .el("p", [cls("rs-muted")], text: "This is the run the others are compared with.")
        }
        var figures: [Node] = []
        var names: [String] = []
        for matrix in run.confusionMatrices where !names.contains(matrix.name) { names.append(matrix.name) }
        for name in names {
            guard let mine = latest(run, name), let theirs = latest(other, name) else { continue }
            // The other run's counts re-indexed by this run's labels; classes it lacks count 0.
            let position = Dictionary(theirs.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let base = mine.labels.map { row in
                mine.labels.map { column -> Double in
                    guard let i = position[row], let j = position[column], i < theirs.counts.count, j < theirs.counts[i].count else { return 0 }
                    return theirs.counts[i][j]
                }
            }
            let title = "\(name): \(run.name) \u{2212} \(other.name)"
            let diff = ConfusionDifferenceHeatmap(labels: mine.labels, base: base, other: mine.counts, normalization: mode,
                                                  title: title, baseName: other.name, otherName: run.name)
            let anchor = "cm-" + Slug.make(name) + "-vs-" + Slug.make(other.name)
            let svg = diff.svg()
            let width = ConfusionFigures.printedWidth(svg, requested: requested)
            let link = ChartFigure.addFile(anchor + ".svg", .text(Serializer.xml(StandaloneFigure.make(svg, width: width)) + "\n"), context)
            let missing = Set(mine.labels).subtracting(theirs.labels).sorted()
            var caption = diff.caption
            if !missing.isEmpty { caption += "; not in \(other.name): \(missing.joined(separator: ", ")) (counted as 0)" }
            figures.append(.el("figure", [cls("rs-figure rs-difference"), attr("id", anchor)], [
                svg,
                .el("figcaption", [], [
                    .el("strong", [], text: title), .text(" — " + caption + stepText(mine, theirs)),
                    .el("span", [cls(LinkGroup.downloads)], [
                        .text(" · "),
                        .el("a", [attr("href", link), attr("download", ""), attr("title", "Standalone SVG for papers")], text: "download SVG"),
                    ]),
                ]),
            ]))
        }
        if figures.isEmpty {
            return .el("p", [cls("rs-muted")], text: "\(other.name) logged no confusion matrix with the same name to compare with.")
        }
        return .fragment(figures)
    }

    static func latest(_ run: Run, _ name: String) -> ConfusionMatrix? {
        run.confusionMatrices.filter { $0.name == name }.max { ($0.step ?? .min) < ($1.step ?? .min) }
    }

    private static func stepText(_ a: ConfusionMatrix, _ b: ConfusionMatrix) -> String {
        guard a.step != nil || b.step != nil else { return "" }
        return "; steps \(a.step.map(String.init) ?? "–") and \(b.step.map(String.init) ?? "–")"
    }
}
