import Testing
@testable import RunsiteSite

/// Every page carries the site's Content-Security-Policy, even from a custom layout without it.
@Suite struct LayoutPolicyTests {
    static let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Layout.contentSecurityPolicy.replacingOccurrences(of: "'", with: "&#39;") + "\">"

    @Test func aLayoutWithoutThePolicyGetsItInItsHead() {
        let page = Layout.withPolicy("<!doctype html>\n<html><head lang=\"en\"><title>x</title></head><body>b</body></html>")
        #expect(page == "<!doctype html>\n<html><head lang=\"en\">\n" + Self.meta + "<title>x</title></head><body>b</body></html>")
    }

    @Test func aLayoutWithoutHeadGetsItAfterTheDoctype() {
        #expect(Layout.withPolicy("<!DOCTYPE html><p>b") == "<!DOCTYPE html>\n" + Self.meta + "<p>b")
        #expect(Layout.withPolicy("<p>b") == Self.meta + "\n<p>b")
    }

    @Test func aLayoutWithItsOwnPolicyKeepsIt() {
        let page = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head>"
        #expect(Layout.withPolicy(page) == page)
    }

    @Test func pagesOfACustomLayoutCarryThePolicy() {
        let layout = Layout(source: "<!doctype html><html><head><title>{{title}}</title></head><body>{{{content}}}</body></html>")
        let page = layout.render(title: "t", body: "b", pagePath: "index.html", crumbs: [], pageClass: "", options: SiteOptions(), reports: [])
        #expect(page.components(separatedBy: "Content-Security-Policy").count == 2)
    }
}
