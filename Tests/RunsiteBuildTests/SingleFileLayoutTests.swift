import Crypto
import Foundation
import Testing

/// `--single-file` with a custom layout: the page is made under the single-file policy whatever
/// the layout's attribute order and quoting, and a layout that writes its own asset tags is warned about.
@Suite struct SingleFileLayoutTests {
    static let report = """
    ---
    title: Alone
    ---
    ## Results

    See [the overview](../index.html), [the results](#results) and ![the logo](../assets/logo.png).

    ```{project-list}
    ```
    """

    /// A layout in another hand: single quotes, its own policy with `content` first, and links and
    /// an image written around `{{{assets}}}`.
    static let layout = """
    <!DOCTYPE html>
    <html>
    <head>
    <meta content='default-src &#39;none&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;' http-equiv='Content-Security-Policy'>
    <meta charset='utf-8'>
    <title>{{page_title}}</title>
    {{{ assets }}}
    </head>
    <body>
    <header><img alt='logo' src='{{root}}assets/logo.png'> <a class='home' href='{{root}}index.html'>{{site_title}}</a> {{{nav}}}</header>
    <main id='top'>{{{content}}}</main>
    <footer><a title='data' href='{{root}}runs.json'>runs</a> <a href='#top'>top</a></footer>
    </body>
    </html>
    """

    static let logo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    /// Builds the basic fixture with `layout` and the report; the single file's text, the site and stderr.
    static func build(layout: String) throws -> (single: String, site: URL, stderr: String) {
        let work = TestSite.temporaryDirectory()
        let templates = work.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data(layout.utf8).write(to: templates.appendingPathComponent("layout.html"))
        try Data(logo).write(to: templates.appendingPathComponent("assets/logo.png"))
        try Data(report.utf8).write(to: work.appendingPathComponent("alone.md"))
        let single = work.appendingPathComponent("out/alone.html")
        let result = try CommandLineTests.run(["build", TestSite.fixtures.appendingPathComponent("runsite/basic").path,
                                               "--templates", templates.path, "--report", work.appendingPathComponent("alone.md").path,
                                               "--out", work.appendingPathComponent("site").path, "--single-file", single.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (try String(contentsOf: single, encoding: .utf8), work.appendingPathComponent("site"), result.stderr)
    }

    @Test func aLayoutInAnotherHandGivesASelfContainedPage() throws {
        let (html, _, stderr) = try Self.build(layout: Self.layout)
        #expect(!stderr.contains("layout-without-assets"))
        let tags = HTMLTag.scan(html)
        let policies = tags.filter { $0.attribute("http-equiv")?.lowercased() == "content-security-policy" }
        #expect(policies.count == 1, "the layout's own policy is replaced")
        let policy = try #require(policies.first?.attribute("content"))
        let hash = { (text: String) in "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'" }
        let scripts = tags.filter { $0.name == "script" }, styles = tags.filter { $0.name == "style" }
        #expect(scripts.count == 1 && styles.count == 1 && scripts[0].attribute("src") == nil)
        #expect(policy.contains("script-src " + hash(scripts[0].text) + ";"), "\(policy)")
        #expect(policy.contains("style-src " + hash(styles[0].text) + ";"), "\(policy)")
        #expect(styles[0].text.contains(".rs-"), "the site's stylesheet is inlined")
        for tag in tags {
            #expect(tag.name != "link", "<link> left in")
            for name in ["href", "src"] {
                guard let value = tag.attribute(name) else { continue }
                #expect(value.hasPrefix("#") || value.hasPrefix("data:"), "<\(tag.name) \(name)=\(value)>")
            }
        }
        let logo = "data:image/png;base64," + Data(Self.logo).base64EncodedString()
        #expect(tags.filter { $0.name == "img" }.map { $0.attribute("src") } == [logo, logo], "the layout's and the report's image")
        #expect(html.contains("See the overview, <a href=\"#results\">the results</a> and"), "Markdown links: files dropped, anchors kept")
        #expect(html.contains("<a href='#top'>top</a>") && !html.contains("<a class=\"home\""), "a link to a file is its content alone")
        #expect(html.contains("<td>basic<div"), "the project list's links keep their text")
    }

    @Test func aLayoutWritingItsOwnAssetTagsIsWarnedAbout() throws {
        let own = Self.layout.replacingOccurrences(of: "{{{ assets }}}",
            with: "<link href='{{root}}assets/runsite.css' rel='stylesheet'>\n<script defer src='{{root}}assets/runsite.js'></script>")
        let (html, site, stderr) = try Self.build(layout: own)
        #expect(stderr.contains("warning: layout.html does not place {{{assets}}}"), "\(stderr)")
        #expect(stderr.contains("[template.layout-without-assets]"))
        let tags = HTMLTag.scan(html)
        #expect(!tags.contains { $0.name == "link" || $0.name == "script" || $0.name == "style" })
        #expect(tags.filter { $0.attribute("http-equiv") != nil }.map { $0.attribute("content") }
            == ["default-src 'none'; script-src 'none'; style-src 'none'; img-src data:; form-action 'none'; base-uri 'none'"])
        #expect(TestSite.text(site, "index.html").contains("<link href='assets/runsite.css' rel='stylesheet'>"), "the site keeps the layout's tags")
    }
}
