import RunsiteMarkup
import RunsiteModel

/// Where a run's images and artifacts are copied inside the site. Artifacts keep their relative
/// path (so `weights/final model.pt` stays recognisable) and links percent-encode every segment.
enum RunMedia {
    /// `<run dir>/media/<n>-<name>`: numbered so that two images with one name (steps) stay apart.
    static func imagePath(_ map: SiteMap, _ place: RunPlace, index: Int) -> String {
        let image = map.run(place).images[index]
        return map.runDirectory(place) + "/media/" + String(index) + "-" + safeSegments(image.name).replacingOccurrences(of: "/", with: "-")
            + (hasImageExtension(image) ? "" : ".png")
    }

    /// The site path of every artifact of the run, in order (see `ArtifactSitePaths`).
    static func artifactPaths(_ map: SiteMap, _ place: RunPlace) -> [String] {
        let directory = map.runDirectory(place) + "/"
        return ArtifactSitePaths.paths(for: map.projects[place.project].runs[place.run]).map { directory + $0 }
    }

    /// A gallery figure: the image at `sitePath`, linked to itself at full size; an SVG is linked
    /// to its viewer page instead, since opened on its own it could run script.
    static func figure(_ sitePath: String, caption: String, from context: PageContext) -> Node {
        let href = link(sitePath, from: context)
        let full = ActiveContent.isActive(sitePath) ? link(viewerPath(sitePath), from: context) : href
        return .el("figure", [cls("rs-image")], [
            .el("a", [attr("href", full)], [.el("img", [attr("src", href), attr("alt", caption), attr("loading", "lazy")])]),
            .el("figcaption", [], text: caption),
        ])
    }

    /// The page that shows an SVG image at full size: `<image>.html` beside it.
    static func viewerPath(_ imagePath: String) -> String { imagePath + ".html" }

    /// The viewer page of the image file `name` (in the same folder): the image through `<img>`,
    /// which never runs its scripts, under the site's Content-Security-Policy.
    static func viewerPage(imageFile name: String, title: String) -> String {
        "<!doctype html>\n" + Serializer.html(.el("html", [attr("lang", "en")], [
            .el("head", [], [
                .el("meta", [attr("charset", "utf-8")]),
                .el("meta", [attr("http-equiv", "Content-Security-Policy"), attr("content", Layout.contentSecurityPolicy)]),
                .el("title", [], text: title),
            ]),
            .el("body", [], [.el("img", [attr("src", URLPath.encodeSegment(name)), attr("alt", title)])]),
        ])) + "\n"
    }

    /// Drops empty, `.` and `..` segments so that no output path leaves its folder.
    static func safeSegments(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        return parts.isEmpty ? "file" : parts.joined(separator: "/")
    }

    private static func hasImageExtension(_ image: RunImage) -> Bool {
        let lower = image.name.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"].contains { lower.hasSuffix($0) }
    }

    /// A relative, percent-encoded link to a site path from a page.
    static func link(_ sitePath: String, from context: PageContext) -> String {
        context.link(URLPath.encode(sitePath))
    }
}
