import Testing
@testable import RunsiteTemplates

/// Untrusted Markdown (run notes, READMEs from run data) makes the page fetch nothing.
@Suite struct UntrustedMarkdownTests {
    @Test func remoteImagesBecomeLinksWithANote() {
        for url in ["http://evil.invalid/beacon.png", "https://evil.invalid/b.png", "//evil.invalid/b.png", "HTTP://EVIL.INVALID/B.PNG"] {
            let html = Markdown.renderUntrusted("![pixel](\(url))")
            #expect(!html.contains("<img"), "\(url)")
            #expect(html.contains(#"rel="noopener noreferrer nofollow">pixel</a> (image not shown: remote)"#), "\(html)")
        }
    }

    @Test func localPathsAreRefusedByDefault() {
        for url in ["../../../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "plot.png", "data:image/png;base64,AAAA"] {
            let html = Markdown.renderUntrusted("![](\(url))")
            #expect(!html.contains("<img") && !html.contains("<a "), "\(url): \(html)")
            #expect(html.contains("(image not shown:"), "\(url)")
        }
    }

    @Test func theDecisionSeesTheURLAsWrittenAndSetsTheSource() {
        var seen: [String] = []
        let html = Markdown.renderUntrusted("![a plot](plots/loss%201.png \"t\") and ![b](../x.png)") { url in
            seen.append(url)
            return url.hasPrefix("plots/") ? .load(src: "../r/notes/plots/loss%201.png") : .refuse(reason: "outside the run")
        }
        #expect(seen == ["plots/loss%201.png", "../x.png"])
        #expect(html.contains(#"<img src="../r/notes/plots/loss%201.png" alt="a plot" title="t" />"#), "\(html)")
        #expect(html.contains(#"<span class="rs-image-refused">b (image not shown: outside the run)</span>"#), "\(html)")
    }

    @Test func linksGetNoReferrerNoOpenerNoFollow() {
        let html = Markdown.renderUntrusted(##"[site](https://example.org/a?b=1&c=2 "T&") [js](javascript:alert(1)) [here](#top)"##)
        #expect(html.contains(#"<a href="https://example.org/a?b=1&amp;c=2" title="T&amp;" rel="noopener noreferrer nofollow">site</a>"#), "\(html)")
        #expect(html.contains(#"<a href="" rel="noopener noreferrer nofollow">js</a>"#), "\(html)")
        #expect(html.contains(##"<a href="#top" rel="noopener noreferrer nofollow">here</a>"##), "\(html)")
    }

    @Test func rawHTMLStaysSuppressed() {
        let html = Markdown.renderUntrusted("<img src=\"http://evil.invalid/x.png\">\n\nText <img src=x onerror=alert(1)> <link rel=stylesheet href=//x>")
        #expect(!html.contains("<img") && !html.contains("<link") && !html.contains("evil.invalid"), "\(html)")
    }

    @Test func anImageInsideALinkIsRefusedToo() {
        let html = Markdown.renderUntrusted("[![badge](https://evil.invalid/badge.svg)](https://example.org)")
        #expect(!html.contains("<img"))
        #expect(html.hasPrefix(#"<p><a href="https://example.org" rel="noopener noreferrer nofollow"><span class="rs-image-refused">"#), "\(html)")
    }
}
