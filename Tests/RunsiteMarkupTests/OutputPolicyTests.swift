import Testing
@testable import RunsiteMarkup

/// A policy that keeps anchors, drops other links and embeds images, as `--single-file` does.
@Suite struct OutputPolicyTests {
    let alone = OutputPolicy(link: { $0.hasPrefix("#") ? $0 : nil },
                             image: { $0 == "gone.png" ? nil : "data:image/png;base64,AA==" })

    @Test func tagsAreReadInAnyAttributeOrderAndQuoting() {
        let pieces = HTMLTags.pieces("<A title=x HREF='a.html' data-x=\"1\" hidden>t</a><!-- <a href=c> --><script>if (a<b) {}</script>")
        #expect(pieces.count == 7)
        guard case .start(let name, let attributes, _) = pieces[0] else { Issue.record("no start tag"); return }
        #expect(name == "a")
        #expect(attributes == [Attribute("title", "x"), Attribute("href", "a.html"), Attribute("data-x", "1"), Attribute("hidden", nil)])
        #expect(pieces[3] == .text("<!-- <a href=c> -->"), "a comment is text")
        #expect(pieces[5] == .text("if (a<b) {}"), "a script's text holds no tags")
    }

    @Test func treesKeepAnchorsAndEmbedImages() {
        let tree: Node = .fragment([
            .el("a", [cls("x"), attr("href", "../r/index.html")], text: "run"),
            .el("a", [attr("href", "#results")], text: "results"),
            .el("img", [attr("alt", "plot"), attr("src", "media/plot.png")]),
            .el("img", [attr("src", "gone.png")]),
        ])
        #expect(Serializer.html(alone.apply(tree))
            == ##"run<a href="#results">results</a><img alt="plot" src="data:image/png;base64,AA==">"##)
    }

    @Test func aGroupOfLinksIsLeftOutWhenNoneOfItsLinksSurvive() {
        var policy = alone
        policy.linkGroups = ["downloads"]
        let tree: Node = .fragment([
            .el("p", [cls("note downloads")], [.text("Download: "), .el("a", [attr("href", "t.csv")], text: "CSV")]),
            .el("span", [cls("downloads")], [.text("see "), .el("a", [attr("href", "#table")], text: "the table")]),
            .el("p", [cls("note")], [.el("a", [attr("href", "t.csv")], text: "CSV")]),
        ])
        #expect(Serializer.html(policy.apply(tree))
            == ##"<span class="downloads">see <a href="#table">the table</a></span><p class="note">CSV</p>"##)
    }

    @Test func authoredHTMLLosesFetchesAndFileLinksWhateverItsQuoting() {
        let layout = """
        <head><meta content='default-src &#39;self&#39;' HTTP-EQUIV='Content-Security-Policy'>
        <link href='s.css' rel='stylesheet'><script defer src='j.js'></script><SCRIPT type=module SRC=m.js></SCRIPT>
        </head><a class='brand' href='../index.html'>Home</a> <a href="#top">top</a> <img alt='logo' src=logo.png>
        """
        #expect(alone.apply(html: layout) == """
        <head>

        </head>Home <a href="#top">top</a> <img alt="logo" src="data:image/png;base64,AA==">
        """)
    }

    @Test func theFirstPolicyMetaCarriesThePagesPolicyInItsPlace() {
        let html = "<head><meta charset=utf-8><meta content='x' http-equiv=content-security-policy><meta http-equiv=\"Content-Security-Policy\" content=\"y\"></head>"
        #expect(alone.apply(html: html, contentSecurityPolicy: "default-src 'none'")
            == "<head><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head>")
    }
}
