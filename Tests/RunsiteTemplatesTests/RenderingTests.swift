import Testing
@testable import RunsiteTemplates
import RunsiteMarkup

@Suite struct RenderingTests {
    @Test func untrustedDropsScriptsAndJavascriptLinks() {
        let html = Markdown.renderUntrusted("""
        Hello <script>alert(1)</script> *you*

        <div onclick="x()">block</div>

        [click](javascript:alert(1)) [ok](https://example.org/a?b=1&c=2)
        """)
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<em>you</em>"))
        #expect(html.contains(#"<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">ok</a>"#))
    }

    @Test func untrustedHeadingsGetNoIDs() {
        #expect(Markdown.renderUntrusted("# Notes") == "<h1>Notes</h1>\n")
    }

    @Test func trustedDocumentKeepsRawHTML() {
        let document = MarkdownDocument.parse("<div class=\"hero\">Hi</div>\n\nText <span>inline</span>", file: "t.md")
        #expect(document.blocks == [.html("<div class=\"hero\">Hi</div>\n<p>Text <span>inline</span></p>\n")])
    }

    @Test func inlineRenderingDropsTheParagraph() {
        #expect(Markdown.renderInline("Best **val/loss** <i>x</i>") == "Best <strong>val/loss</strong> <i>x</i>")
        #expect(Markdown.renderInline("") == "")
        #expect(Markdown.renderInline("a\n\nb") == "<p>a</p>\n<p>b</p>\n")
    }

    @Test func headingsGetUniqueSlugs() {
        let text = """
        # Loss curves
        ## Loss curves
        ### Über α/β, `val/acc`!
        #### Deep
        Setext
        ======
        ## 
        """
        let html = MarkdownDocument.parse(text, file: "t.md").render(resolveDirective: { _ in "" }, resolveRole: { _ in "" })
        #expect(html == """
        <h1 id="loss-curves">Loss curves</h1>
        <h2 id="loss-curves-2">Loss curves</h2>
        <h3 id="über-α-β-val-acc">Über α/β, <code>val/acc</code>!</h3>
        <h4>Deep</h4>
        <h1 id="setext">Setext</h1>
        <h2 id="section"></h2>

        """)
    }

    @Test func headingSlugsUseRoleContentAndAvoidTaken() {
        #expect(HeadingSlugs.slug("  Hello,   World!  ") == "hello-world")
        var slugs = HeadingSlugs()
        #expect(["a-2", "a", "a", "a"].map { slugs.next(for: $0) } == ["a-2", "a", "a-3", "a-4"])
        let html = MarkdownDocument.parse("## Best {metric}`val/loss`", file: "t.md").render(resolveDirective: { _ in "" }, resolveRole: { $0.content })
        #expect(html == "<h2 id=\"best-val-loss\">Best val/loss</h2>\n")
    }
}

/// Markdown meets an output policy in cmark's tree: links and images by their node, raw HTML tag by tag.
@Suite struct MarkdownPolicyTests {
    let alone = OutputPolicy(link: { $0.hasPrefix("#") ? $0 : nil }, image: { _ in "data:image/png;base64,AA==" })

    @Test func templateLinksToFilesBecomeTheirTextAndAnchorsStay() {
        let document = MarkdownDocument.parse("""
        See [the run](../r/index.html "run"), [results](#results) and ![plot](media/a%20b.png).

        <p><a title='t' href='x.csv'>raw</a></p>
        """, file: "report.md", policy: alone)
        let html = document.render(resolveDirective: { _ in "" }, resolveRole: { _ in "" })
        #expect(html.contains("See the run, <a href=\"#results\">results</a> and <img src=\"data:image/png;base64,AA==\" alt=\"plot\" />."), "\(html)")
        #expect(html.contains("<p>raw</p>"), "a raw link to a file is its text: \(html)")
        #expect(!html.contains("index.html") && !html.contains("x.csv"))
    }

    @Test func withoutAPolicyTheMarkdownIsUnchanged() {
        let text = "[a](b.html) ![c](d.png) <a href='e.html'>f</a>"
        let plain = MarkdownDocument.parse(text, file: "x.md").render(resolveDirective: { _ in "" }, resolveRole: { _ in "" })
        #expect(plain == "<p><a href=\"b.html\">a</a> <img src=\"d.png\" alt=\"c\" /> <a href='e.html'>f</a></p>\n")
    }

    @Test func untrustedLinksFollowThePolicyToo() {
        let html = Markdown.renderUntrusted("[doc](notes.txt) [web](https://example.org) [here](#x)", policy: alone)
        #expect(html == "<p>doc web <a href=\"#x\" rel=\"noopener noreferrer nofollow\">here</a></p>\n", "\(html)")
    }
}
