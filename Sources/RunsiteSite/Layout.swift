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
    /// Whether layout.html places the site's stylesheet and script through `{{{assets}}}`; a
    /// layout that writes its own `<link>` and `<script>` tags cannot have them inlined (`SingleFile`).
    let namesAssets: Bool
    let error: String?
    /// Where in layout.html the parser stopped (1-based), when it says.
    private(set) var errorLine: Int?
    private(set) var errorColumn: Int?

    init(source: String) {
        hasOwnPolicy = Self.mentionsPolicy(source)
        namesAssets = Self.namesVariable("assets", in: source)
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

    /// The page: `body` in the layout. With `single`, the page must work alone: the generated
    /// parts (`{{{nav}}}`, `{{{assets}}}`) meet its policy as trees, and the layout's own tags are
    /// rewritten by `OutputPolicy.apply(html:)` before the body goes in.
    func render(title: String, body: String, pagePath: String, crumbs: [Crumb], pageClass: String,
                options: SiteOptions, reports: [(title: String, href: String)], single: SinglePage? = nil) -> String {
        let root = SiteMap.relative("", from: pagePath)
        let navNode: Node = .el("nav", [cls("rs-crumbs"), attr("aria-label", "breadcrumbs")], crumbs.enumerated().flatMap { i, crumb -> [Node] in
            let item: Node = crumb.href.map { .el("a", [attr("href", $0)], text: crumb.title) } ?? .el("span", [attr("aria-current", "page")], text: crumb.title)
            return i == 0 ? [item] : [.el("span", [cls("rs-sep"), attr("aria-hidden", "true")], text: " / "), item]
        })
        let nav = Serializer.html(single?.policy.apply(navNode) ?? navNode)
        let assets: Node = .fragment([
            .el("link", [attr("rel", "stylesheet"), attr("href", root + "assets/runsite.css")]), .text("\n"),
            .el("script", [attr("src", root + "assets/runsite.js"), "defer"]),
        ])
        // Only the overview carries the build time, so that other pages stay byte-identical across
        // rebuilds of unchanged runs (incremental builds reuse them).
        let built = options.buildTime.map { pagePath == "index.html" ? "Built " + Formatting.dateTime($0) + " with runsite " + options.version : nil }
            .flatMap { $0 } ?? "Built with runsite " + options.version
        let context: [String: Any] = [
            "title": title,
            "assets": single == nil ? Serializer.html(assets) : SinglePage.assetsMarker,
            "page_title": title == options.title ? title : title + " · " + options.title,
            "site_title": options.title,
            "root": root,
            "content": single == nil ? body : SinglePage.contentMarker,
            "nav": nav,
            "page_class": pageClass,
            "built": built,
            "has_reports": !reports.isEmpty,
            "reports": reports.map { ["title": $0.title, "href": $0.href] },
        ]
        guard let template else {
            return "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\""
                + (single?.contentSecurityPolicy ?? Serializer.escaped(Self.contentSecurityPolicy)) + "\"><title>" + Serializer.escaped(title) + "</title>"
                + (single.map { $0.assets + "\n" } ?? "") + body
        }
        guard let single else {
            let page = template.render(context)
            return Self.withLiveReload(hasOwnPolicy ? page : Self.withPolicy(page), root: root, options: options)
        }
        // The layout's own links and tags go and its policy gives way to the page's (added to the
        // head if it had none); then the parts runsite made, already under the policy, take their
        // places. The single file's policy holds no character to escape: its quotes stay as written.
        var page = single.policy.apply(html: template.render(context), contentSecurityPolicy: single.contentSecurityPolicy)
        if !page.contains(single.contentSecurityPolicy) { page = Self.insertingPolicy(page, single.contentSecurityPolicy) }
        return page.replacingOccurrences(of: SinglePage.assetsMarker, with: single.assets)
            .replacingOccurrences(of: SinglePage.contentMarker, with: body)
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
        mentionsPolicy(page) ? page : insertingPolicy(page, Serializer.escaped(contentSecurityPolicy))
    }

    /// `page` with a policy `<meta>` at the start of its `<head>`; `policy` is attribute text.
    static func insertingPolicy(_ page: String, _ policy: String) -> String {
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">"
        for opening in ["<head", "<!doctype"] {
            guard let start = page.range(of: opening, options: .caseInsensitive),
                  let end = page[start.upperBound...].firstIndex(of: ">") else { continue }
            let after = page.index(after: end)
            return String(page[..<after]) + "\n" + meta + String(page[after...])
        }
        return meta + "\n" + page
    }

    /// Whether `source` places `name` unescaped: `{{{name}}}` or `{{&name}}`, spaces allowed.
    static func namesVariable(_ name: String, in source: String) -> Bool {
        let compact = source.filter { $0 != " " }
        return compact.contains("{{{" + name + "}}}") || compact.contains("{{&" + name + "}}")
    }

    static func mentionsPolicy(_ text: String) -> Bool {
        text.range(of: "http-equiv=\"content-security-policy\"", options: .caseInsensitive) != nil
    }
}

/// What the layout needs for a page that works alone (`SingleFile`).
struct SinglePage {
    var policy: OutputPolicy
    /// The inlined `<style>` and `<script>` elements, and the policy that allows them.
    var assets: String
    var contentSecurityPolicy: String

    /// Stand-ins for the generated parts while the layout's own markup is rewritten: control
    /// characters, which no layout holds, so that the rewriting never reads the body.
    static let contentMarker = "\u{1}runsite-content\u{1}"
    static let assetsMarker = "\u{1}runsite-assets\u{1}"
}
