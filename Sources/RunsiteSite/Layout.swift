import Foundation
import Mustache
import RunsiteMarkup

/// Wraps a page body in `templates/layout.html` (a Mustache template; `{{x}}` is HTML-escaped,
/// `{{{x}}}` is for HTML runsite produced).
struct Layout {
    struct Crumb { var title: String; var href: String? }

    /// The policy every page carries (templates/layout.html has it as a `<meta http-equiv>`): the
    /// page loads only the site's own script, stylesheet and images (and `data:` images), from
    /// `file://` as from a server, runs no inline script or style, and fetches nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'"

    private let template: MustacheTemplate?
    /// Whether layout.html writes its own policy: decided once from its text, so that no rendered
    /// page is searched for it.
    private let hasOwnPolicy: Bool
    let error: String?
    /// Where in layout.html the parser stopped (1-based), when it says.
    private(set) var errorLine: Int?
    private(set) var errorColumn: Int?

    init(source: String) {
        hasOwnPolicy = Self.mentionsPolicy(source)
        do {
            template = try MustacheTemplate(string: source)
            error = nil
        } catch let failure as MustacheTemplate.ParserError {
            template = nil
            error = "layout.html is not a valid Mustache template: " + Self.describe(failure.error)
                + "; pages are written without the layout"
            errorLine = failure.context.lineNumber
            errorColumn = failure.context.columnNumber + 1
        } catch {
            template = nil
            self.error = "layout.html is not a valid Mustache template: \(error); pages are written without the layout"
        }
    }

    /// The parser's error in words (its own names read like `unfinishedName`).
    static func describe(_ error: Swift.Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a name other than the one it opened with"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section ({{#name}} or {{^name}}) is never closed"
        case .invalidSetDelimiter?: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }

    func render(title: String, body: String, pagePath: String, crumbs: [Crumb], pageClass: String,
                options: SiteOptions, reports: [(title: String, href: String)]) -> String {
        let root = SiteMap.relative("", from: pagePath)
        let nav = Serializer.html(.el("nav", [cls("rs-crumbs"), attr("aria-label", "breadcrumbs")], crumbs.enumerated().flatMap { i, crumb -> [Node] in
            let item: Node = crumb.href.map { .el("a", [attr("href", $0)], text: crumb.title) } ?? .el("span", [attr("aria-current", "page")], text: crumb.title)
            return i == 0 ? [item] : [.el("span", [cls("rs-sep"), attr("aria-hidden", "true")], text: " / "), item]
        }))
        // Only the overview carries the build time, so that other pages stay byte-identical across
        // rebuilds of unchanged runs (incremental builds reuse them).
        let built = options.buildTime.map { pagePath == "index.html" ? "Built " + Formatting.dateTime($0) + " with runsite " + options.version : nil }
            .flatMap { $0 } ?? "Built with runsite " + options.version
        let context: [String: Any] = [
            "title": title,
            "page_title": title == options.title ? title : title + " · " + options.title,
            "site_title": options.title,
            "root": root,
            "content": body,
            "nav": nav,
            "page_class": pageClass,
            "built": built,
            "has_reports": !reports.isEmpty,
            "reports": reports.map { ["title": $0.title, "href": $0.href] },
        ]
        guard let template else {
            return "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\""
                + Serializer.escaped(Self.contentSecurityPolicy) + "\"><title>" + Serializer.escaped(title) + "</title>" + body
        }
        let page = template.render(context)
        return Self.withLiveReload(hasOwnPolicy ? page : Self.withPolicy(page), root: root, options: options)
    }

    /// While watching, the page loads `live.js` (before `</head>`, or at the end without one).
    static func withLiveReload(_ page: String, root: String, options: SiteOptions) -> String {
        guard options.liveToken != nil else { return page }
        let script = "<script src=\"" + Serializer.escaped(root) + LiveReload.path + "\" defer></script>\n"
        guard let head = page.range(of: "</head>", options: .caseInsensitive) else { return page + script }
        return page.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: script)
    }

    /// The page as the layout wrote it when it carries a Content-Security-Policy; otherwise with the
    /// site's policy added at the start of `<head>` (after the doctype when there is no `<head>`),
    /// so that a custom layout that lacks the line still gets it.
    static func withPolicy(_ page: String) -> String {
        if mentionsPolicy(page) { return page }
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Serializer.escaped(contentSecurityPolicy) + "\">"
        for opening in ["<head", "<!doctype"] {
            guard let start = page.range(of: opening, options: .caseInsensitive),
                  let end = page[start.upperBound...].firstIndex(of: ">") else { continue }
            let after = page.index(after: end)
            return String(page[..<after]) + "\n" + meta + String(page[after...])
        }
        return meta + "\n" + page
    }

    static func mentionsPolicy(_ text: String) -> Bool {
        text.range(of: "http-equiv=\"content-security-policy\"", options: .caseInsensitive) != nil
    }
}
