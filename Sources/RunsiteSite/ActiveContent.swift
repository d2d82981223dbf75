import RunsiteMarkup

/// Files from run data that a browser would render as a document able to run script (HTML, SVG,
/// XML with a stylesheet, saved web archives, scripts). Opened from the site they would run with
/// the site's own origin, and Chromium ignores `download` under `file://`, so the site serves them
/// under a neutral name: `report.html` is copied as `report.html.txt`, which browsers show as text.
/// Images of these types are shown only through `<img>`, which never runs their scripts.
enum ActiveContent {
    static let extensions: Set<String> = [
        "html", "htm", "shtml", "shtm", "xht", "xhtml", "mht", "mhtml", "svg", "svgz",
        "xml", "xsl", "xslt", "rss", "atom", "rdf", "js", "mjs", "swf",
    ]

    /// The suffix appended to an active file's name in the site.
    static let neutralSuffix = ".txt"

    static func isActive(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The name a file is served under: active files get `.txt` appended.
    static func neutral(_ path: String) -> String {
        isActive(path) ? path + neutralSuffix : path
    }

    /// `href` (and `download` for active content, which browsers that honour it save rather than show).
    static func linkAttributes(_ href: String, path: String) -> [Attribute] {
        isActive(path) ? [attr("href", href), Attribute("download", nil)] : [attr("href", href)]
    }
}
