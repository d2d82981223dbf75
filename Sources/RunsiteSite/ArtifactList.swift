import RunsiteCore
import RunsiteMarkup
import RunsiteModel

/// The `{artifacts}` directive: every file a run saved, with size and SHA-256, linked to its copy
/// in the site; small text files are previewed inline as escaped text, and images as thumbnails
/// (SVG artifacts are served under a neutral name, so they get none).
enum ArtifactList {
    static func render(_ context: PageContext) -> Node {
        guard case .run(let place) = context.scope else { return .empty }
        let run = context.map.run(place)
        guard !run.artifacts.isEmpty else { return .el("p", [cls("rs-muted")], text: "No artifacts were saved.") }
        let rows: [Node] = zip(run.artifacts, RunMedia.artifactPaths(context.map, place)).map { artifact, sitePath in
            let copied = artifact.size <= context.options.maxArtifactBytes
            let href = RunMedia.link(sitePath, from: context)
            let name: Node = copied ? .el("a", ActiveContent.linkAttributes(href, path: artifact.path), text: artifact.path)
                : .el("span", [attr("title", "larger than --max-artifact-size; not copied into the site")], text: artifact.path + " (not copied)")
            var preview: [Node] = []
            if let text = artifact.preview {
                preview.append(.el("details", [cls("rs-preview")], [.el("summary", [], text: "preview"), .el("pre", [], text: text)]))
            } else if copied, isImage(artifact.path), !ActiveContent.isActive(artifact.path) {
                preview.append(.el("img", [attr("src", href), attr("alt", artifact.path), attr("loading", "lazy"), cls("rs-thumb")]))
            }
            return .el("tr", [], [
                .el("td", [], [name] + preview),
                .el("td", [cls("rs-num"), attr("data-v", String(artifact.size))], text: Formatting.bytes(artifact.size)),
                .el("td", [], [.el("code", [cls("rs-hash")], text: artifact.sha256 ?? "unreadable")]),
            ])
        }
        return .el("div", [cls("rs-table-wrap")], [.el("table", [cls("rs-artifacts")], [
            .el("thead", [], [.el("tr", [], ["File", "Size", "SHA-256"].map {
                .el("th", $0 == "Size" ? [attr("scope", "col"), cls("rs-num")] : [attr("scope", "col")], text: $0)
            })]),
            .el("tbody", [], rows),
        ])])
    }

    static func isImage(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"].contains { lower.hasSuffix($0) }
    }
}
