import Crypto
import Foundation

/// Turns one page of a built site into one self-contained HTML file (`--single-file`): the
/// stylesheet and script inlined, images embedded as `data:` URIs, SVG already inline, and every
/// link to another file of the site dropped (its text kept) — artifacts are listed, not linked.
/// For supplementary material and e-mail: the file works with nothing beside it and no network.
/// Its Content-Security-Policy allows exactly the inlined script and stylesheet, by hash.
public enum SingleFileExport {
    /// The self-contained text of the page at `pagePath` in the site at `site`.
    public static func make(pagePath: String, site: URL) throws -> String {
        let pageURL = site.appendingPathComponent(pagePath)
        var html = try String(contentsOf: pageURL, encoding: .utf8)
        let directory = pageURL.deletingLastPathComponent()
        var inlined = Inlined()
        html = inlineStylesheets(html, directory: directory, into: &inlined)
        html = inlineScripts(html, directory: directory, into: &inlined)
        html = embedImages(html, directory: directory)
        html = dropFileLinks(html)
        return withPolicy(html, inlined)
    }

    /// The hashes (`'sha256-…'`) of the inlined elements' text, for the page's policy.
    struct Inlined {
        var styles: [String] = []
        var scripts: [String] = []
    }

    /// `<style>`/`<script>` with `text` inside, its hash recorded.
    private static func element(_ name: String, _ text: String, hashes: inout [String]) -> String {
        hashes.append("'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'")
        return "<" + name + ">" + text + "</" + name + ">"
    }

    /// The policy of a page with nothing beside it: its own inlined script and style by hash,
    /// `data:` images, nothing fetched.
    static func policy(_ inlined: Inlined) -> String {
        let scripts = inlined.scripts.isEmpty ? "'none'" : inlined.scripts.joined(separator: " ")
        let styles = inlined.styles.isEmpty ? "'none'" : inlined.styles.joined(separator: " ")
        return "default-src 'none'; script-src \(scripts); style-src \(styles); img-src data:; form-action 'none'; base-uri 'none'"
    }

    /// Replaces the site's policy (or adds one after the charset) with the single file's.
    static func withPolicy(_ html: String, _ inlined: Inlined) -> String {
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy(inlined) + "\">"
        var replaced = false
        let result = replace(#"<meta http-equiv="Content-Security-Policy" content="([^"]*)">"#, in: html) { _ in
            defer { replaced = true }
            return replaced ? "" : meta
        }
        if replaced { return result }
        guard let charset = html.range(of: "<meta charset=\"utf-8\">") else { return meta + html }
        return html.replacingCharacters(in: charset, with: html[charset] + "\n" + meta)
    }

    /// Writes `text` to `file` atomically (a temporary sibling, then a rename).
    public static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    static func inlineStylesheets(_ html: String, directory: URL, into inlined: inout Inlined) -> String {
        replace(#"<link rel="stylesheet" href="([^"]*)">"#, in: html) { href in
            guard let css = read(href, directory: directory) else { return "" }
            // A literal "</style" inside the stylesheet would end the element early.
            let text = String(decoding: css, as: UTF8.self).replacingOccurrences(of: "</style", with: "<\\/style")
            return element("style", "\n" + text + "\n", hashes: &inlined.styles)
        }
    }

    static func inlineScripts(_ html: String, directory: URL, into inlined: inout Inlined) -> String {
        replace(#"<script src="([^"]*)" defer></script>"#, in: html) { src in
            guard let js = read(src, directory: directory) else { return "" }
            // A literal "</script" inside the code would end the element early.
            let code = String(decoding: js, as: UTF8.self).replacingOccurrences(of: "</script", with: "<\\/script")
            return element("script", "\n" + code + "\n", hashes: &inlined.scripts)
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
