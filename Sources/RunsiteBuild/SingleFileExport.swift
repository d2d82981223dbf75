import Foundation

/// Turns one page of a built site into one self-contained HTML file (`--single-file`): the
/// stylesheet and script inlined, images embedded as `data:` URIs, SVG already inline, and every
/// link to another file of the site dropped (its text kept) — artifacts are listed, not linked.
/// For supplementary material and e-mail: the file works with nothing beside it and no network.
public enum SingleFileExport {
    /// The self-contained text of the page at `pagePath` in the site at `site`.
    public static func make(pagePath: String, site: URL) throws -> String {
        let pageURL = site.appendingPathComponent(pagePath)
        var html = try String(contentsOf: pageURL, encoding: .utf8)
        let directory = pageURL.deletingLastPathComponent()
        html = inlineStylesheets(html, directory: directory)
        html = inlineScripts(html, directory: directory)
        html = embedImages(html, directory: directory)
        html = dropFileLinks(html)
        return html
    }

    /// Writes `text` to `file` atomically (a temporary sibling, then a rename).
    public static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    static func inlineStylesheets(_ html: String, directory: URL) -> String {
        replace(#"<link rel="stylesheet" href="([^"]*)">"#, in: html) { href in
            guard let css = read(href, directory: directory) else { return "" }
            return "<style>\n" + String(decoding: css, as: UTF8.self) + "\n</style>"
        }
    }

    static func inlineScripts(_ html: String, directory: URL) -> String {
        replace(#"<script src="([^"]*)" defer></script>"#, in: html) { src in
            guard let js = read(src, directory: directory) else { return "" }
            // A literal "</script" inside the code would end the element early.
            let code = String(decoding: js, as: UTF8.self).replacingOccurrences(of: "</script", with: "<\\/script")
            return "<script>\n" + code + "\n</script>"
        }
    }

    static func embedImages(_ html: String, directory: URL) -> String {
        replace(#"<img src="([^"]*)""#, in: html) { src in
            guard !src.hasPrefix("data:"), let bytes = read(src, directory: directory) else { return "<img src=\"\(src)\"" }
            return "<img src=\"data:" + mediaType(src) + ";base64," + bytes.base64EncodedString() + "\""
        }
    }

    /// Relative links to other files become plain text; `#anchors` stay.
    static func dropFileLinks(_ html: String) -> String {
        replace(##" href="([^"#][^"]*)""##, in: html) { _ in "" }
    }

    private static func read(_ reference: String, directory: URL) -> Data? {
        let path = reference.replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding ?? reference
        guard !path.contains("://") else { return nil }
        return FileManager.default.contents(atPath: directory.appendingPathComponent(path).standardizedFileURL.path)
    }

    private static func mediaType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "svg": return "image/svg+xml"
        case "webp": return "image/webp"
        default: return "image/png"
        }
    }

    /// Replaces every match of `pattern` (whose first group is passed to `transform`) in `text`.
    private static func replace(_ pattern: String, in text: String, _ transform: (String) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += transform(ns.substring(with: match.range(at: 1)))
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }
}
