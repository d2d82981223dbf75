import RunsiteMarkup
import RunsiteModel

/// Where a run's images and artifacts are copied inside the site. Artifacts keep their relative
/// path (so `weights/final model.pt` stays recognisable) and links percent-encode every segment.
enum RunMedia {
    /// `<run dir>/media/<n>-<name>`: numbered so that two images with one name (steps) stay apart.
    static func imagePath(_ map: SiteMap, _ p: Int, _ r: Int, index: Int) -> String {
        let image = map.run(p, r).images[index]
        return map.runDirectory(p, r) + "/media/" + String(index) + "-" + safeSegments(image.name).replacingOccurrences(of: "/", with: "-")
            + (hasImageExtension(image) ? "" : ".png")
    }

    static func artifactPath(_ map: SiteMap, _ p: Int, _ r: Int, _ artifact: Artifact) -> String {
        map.runDirectory(p, r) + "/files/" + safeSegments(artifact.path)
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
