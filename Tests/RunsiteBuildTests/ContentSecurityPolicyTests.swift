import Crypto
import Foundation
import Testing

/// Every page carries the site's Content-Security-Policy and holds no script or style the policy
/// would block; the single-file export allows its inlined script and stylesheet by hash.
@Suite struct ContentSecurityPolicyTests {
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'"
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The demo site with its report, and the report as a single file.
    static func build() throws -> (site: URL, single: URL) {
        let work = TestSite.temporaryDirectory()
        let result = try CommandLineTests.run(["build", TestSite.packageRoot.appendingPathComponent("examples").path,
                                               "--report", TestSite.packageRoot.appendingPathComponent("examples/report.md").path,
                                               "--out", work.appendingPathComponent("site").path,
                                               "--single-file", work.appendingPathComponent("alone/report.html").path, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        return (work.appendingPathComponent("site"), work.appendingPathComponent("alone/report.html"))
    }

    static func pages(of site: URL) -> [String: String] {
        TestSite.contents(of: site).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func everyPageCarriesThePolicyAndNoInlineCode() throws {
        let pages = Self.pages(of: try Self.build().site)
        #expect(pages.count > 10)
        for (path, html) in pages {
            let tags = HTMLTag.scan(html)
            let policies = tags.filter { $0.name == "meta" && $0.attribute("http-equiv")?.lowercased() == "content-security-policy" }
            #expect(policies.map { $0.attribute("content") } == [Self.policy], "\(path)")
            for tag in tags {
                #expect(tag.name != "script" || (tag.attribute("src") != nil && tag.text.isEmpty), "\(path): inline script")
                #expect(tag.name != "style", "\(path): inline <style>")
                #expect(tag.attribute("style") == nil, "\(path): style attribute on <\(tag.name)>")
                #expect(!tag.attributes.contains { $0.name.hasPrefix("on") }, "\(path): event handler on <\(tag.name)>")
                #expect(!["iframe", "object", "embed", "base", "form"].contains(tag.name), "\(path): <\(tag.name)>")
            }
        }
    }

    @Test func singleFileAllowsItsInlineCodeByHash() throws {
        let html = try String(contentsOf: try Self.build().single, encoding: .utf8)
        let tags = HTMLTag.scan(html)
        let policy = try #require(tags.first { $0.name == "meta" && $0.attribute("http-equiv") == "Content-Security-Policy" }?.attribute("content"))
        #expect(tags.filter { $0.attribute("http-equiv") != nil }.count == 1, "one policy")
        let directives = Dictionary(uniqueKeysWithValues: policy.split(separator: ";").map { part -> (String, [String]) in
            let words = part.split(separator: " ").map(String.init)
            return (words[0], Array(words.dropFirst()))
        })
        #expect(directives["default-src"] == ["'none'"] && directives["img-src"] == ["data:"] && directives["form-action"] == ["'none'"])
        let hash = { (text: String) in "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'" }
        let scripts = tags.filter { $0.name == "script" }, styles = tags.filter { $0.name == "style" }
        #expect(!scripts.isEmpty && !styles.isEmpty)
        #expect(scripts.map { hash($0.text) } == directives["script-src"])
        #expect(styles.map { hash($0.text) } == directives["style-src"])
        #expect(!tags.contains { $0.attribute("style") != nil })
    }

    /// Opens pages from `file://` in headless Chromium: the site's script runs (it marks the page
    /// `rs-js`) and Chromium reports no policy violation.
    @Test(.enabled(if: chromium != nil, "chromium is not installed"))
    func pagesRunTheirScriptWithoutViolationsInChromium() throws {
        let (site, single) = try Self.build()
        let pages = Self.pages(of: site).keys.filter { !$0.hasPrefix(".") }.sorted()
        let runWithHeatmap = try #require(pages.first { Self.pages(of: site)[$0]!.contains("rs-heatmap") && $0.split(separator: "/").count >= 4 })
        for url in [site.appendingPathComponent("index.html"), site.appendingPathComponent("demo/cifar-sweep/index.html"),
                    site.appendingPathComponent(runWithHeatmap), single] {
            let (dom, log) = try Self.open(url)
            #expect(dom.contains("rs-js"), "\(url.lastPathComponent): the site's script did not run")
            #expect(!log.contains("Content Security Policy") && !log.contains("Refused to"), "\(url.path): \(log.suffix(2000))")
        }
    }

    private static func open(_ url: URL) throws -> (dom: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--dump-dom", url.absoluteString]
        let logFile = TestSite.temporaryDirectory("runsite-chromium").appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let log = FileManager.default.contents(atPath: logFile.path) ?? Data()
        return (dom, String(decoding: log, as: UTF8.self))
    }
}
