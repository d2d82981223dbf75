import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{images}` and `{artifacts}` across selected runs, filtered by a `:pattern:` glob on the file name.
enum ReportMedia {
    static func images(_ directive: Directive, _ context: PageContext) -> Node {
        let runs: [PageContext.ScopedRun]
        switch context.selectRuns(directive) {
        case .success(let selected): runs = selected
        case .failure(let box): return box.node
        }
        let pattern = directive.option("pattern") ?? "*"
        var figures: [Node] = []
        for item in runs {
            for (i, image) in item.run.images.enumerated() where Glob.matches(pattern, image.name) {
                let caption = item.run.name + " · " + image.name + (image.step.map { " · step \($0)" } ?? "")
                figures.append(RunMedia.figure(RunMedia.imagePath(context.map, item.place, index: i), caption: caption, from: context))
            }
        }
        guard !figures.isEmpty else { return .el("p", [cls("rs-muted")], text: "No images match '\(pattern)'.") }
        return .el("div", [cls("rs-gallery")], figures)
    }

    static func artifacts(_ directive: Directive, _ context: PageContext) -> Node {
        let item: PageContext.ScopedRun
        switch context.selectOneRun(directive) {
        case .success(let selected): item = selected
        case .failure(let box): return box.node
        }
        let pattern = directive.option("pattern") ?? "*"
        let sitePaths = RunMedia.artifactPaths(context.map, item.place)
        let rows: [Node] = zip(item.run.artifacts, sitePaths).filter { Glob.matches(pattern, $0.0.path) }.map { artifact, sitePath in
            let copied = artifact.size <= context.options.maxArtifactBytes
            let href = RunMedia.link(sitePath, from: context)
            return .el("tr", [], [
                .el("td", [], [copied ? .el("a", ActiveContent.linkAttributes(href, path: artifact.path), text: artifact.path) : .text(artifact.path + " (not copied)")]),
                .el("td", [cls("rs-num"), attr("data-v", String(artifact.size))], text: Formatting.bytes(artifact.size)),
                .el("td", [], [.el("code", [cls("rs-hash")], text: artifact.sha256 ?? "unreadable")]),
            ])
        }
        guard !rows.isEmpty else { return .el("p", [cls("rs-muted")], text: "\(item.run.name) saved no artifact matching '\(pattern)'.") }
        return .el("div", [cls("rs-table-wrap")], [.el("table", [cls("rs-artifacts")], [
            .el("thead", [], [.el("tr", [], ["File (\(item.run.name))", "Size", "SHA-256"].map { .el("th", [attr("scope", "col")], text: $0) })]),
            .el("tbody", [], rows),
        ])])
    }
}
