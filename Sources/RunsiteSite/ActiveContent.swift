import RunsiteMarkup

/// Files from run data that a browser would run as a page (HTML, SVG, XML can hold scripts) are
/// linked with `download`, so that clicking them saves the file instead of opening it with the
/// site's own origin. `<img>` never runs an SVG's scripts, so galleries still show them inline.
enum ActiveContent {
    static let extensions: Set<String> = ["html", "htm", "xhtml", "svg", "svgz", "xml", "xsl", "js", "mjs"]

    static func isActive(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// `href` (and `download` for active content).
    static func linkAttributes(_ href: String, path: String) -> [Attribute] {
        isActive(path) ? [attr("href", href), Attribute("download", nil)] : [attr("href", href)]
    }
}
