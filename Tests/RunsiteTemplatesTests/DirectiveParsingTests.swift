import RunsiteCore
import RunsiteTestSupport
import Testing
@testable import RunsiteTemplates

@Suite struct DirectiveParsingTests {
    @Test func directiveHasNameArgumentOptionsAndBody() {
        let text = MarkedText("""
        Intro.

        1️⃣```{chart} val/loss
        2️⃣:height: 240
        3️⃣:smooth:  0.6

        Loss over steps.
        Second line.
        ```
        """)
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.directives == [Directive(
            name: "chart", argument: "val/loss",
            options: [
                DirectiveOption(key: "height", value: "240", location: text.location("2️⃣", file: "t.md")),
                DirectiveOption(key: "smooth", value: "0.6", location: text.location("3️⃣", file: "t.md")),
            ],
            body: "Loss over steps.\nSecond line.",
            location: text.location("1️⃣", file: "t.md"))])
        #expect(document.blocks.first == .html("<p>Intro.</p>\n"))
        #expect(document.directives.first?.option("smooth") == "0.6")
    }

    @Test func directivesAndHTMLComeOutInSourceOrder() {
        let text = MarkedText("""
        1️⃣```{runs-table}
        ```

        Between.

        2️⃣```{chart} a
        ```
        3️⃣```{chart} b
        ```

        After.
        """)
        let blocks = MarkdownDocument.parse(text.text, file: "t.md").blocks
        let summary = blocks.map { block -> String in
            switch block {
            case .html(let html): return "html " + html
            case .directive(let directive): return "\(directive.name) \(directive.argument) @\(directive.location.line ?? 0)"
            }
        }
        #expect(summary == ["runs-table  @\(text["1️⃣"].line)", "html <p>Between.</p>\n", "chart a @\(text["2️⃣"].line)",
                            "chart b @\(text["3️⃣"].line)", "html <p>After.</p>\n"])
    }

    @Test func tildeAndLongFencesAreDirectives() {
        let text = MarkedText("""
        ~~~{note}
        body
        ~~~

        1️⃣`````{chart}   x
        ```
        inner fence
        ```
        `````
        """)
        let directives = MarkdownDocument.parse(text.text, file: "t.md").directives
        #expect(directives.map(\.name) == ["note", "chart"])
        #expect(directives.map(\.argument) == ["", "x"])
        #expect(directives[1].body == "```\ninner fence\n```")
        #expect(directives[1].location == text.location("1️⃣", file: "t.md"))
    }

    @Test func ordinaryCodeBlocksStayCode() {
        let text = """
        ```swift
        let x = {chart}
        ```

            indented {chart}
        """
        let document = MarkdownDocument.parse(text, file: "t.md")
        #expect(document.directives.isEmpty)
        #expect(document.blocks == [.html("""
        <pre><code class="language-swift">let x = {chart}
        </code></pre>
        <pre><code>indented {chart}
        </code></pre>

        """)])
    }

    @Test func malformedDirectiveFenceStaysCodeWithWarning() {
        let text = MarkedText("1️⃣```{chart val\nx\n```\n")
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.directives.isEmpty)
        #expect(document.diagnostics.map(\.id) == ["template.malformed-directive"])
        #expect(document.diagnostics.first?.location == text.location("1️⃣", file: "t.md"))
    }

    @Test func unterminatedFenceRunsToTheEnd() {
        let document = MarkdownDocument.parse("Text\n\n```{chart} x\n:a: 1\nrest", file: "t.md")
        #expect(document.directives.map(\.body) == ["rest"])
        #expect(document.directives.first?.options.map(\.key) == ["a"])
    }

    @Test func nestedDirectiveKeepsItsColumnAndSplitsTheQuote() {
        let text = MarkedText("> 1️⃣```{chart} x\n> 2️⃣:a: 1\n> ```\n")
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.blocks == [
            .html("<blockquote>\n"),
            .directive(Directive(name: "chart", argument: "x",
                                 options: [DirectiveOption(key: "a", value: "1", location: text.location("2️⃣", file: "t.md"))],
                                 location: text.location("1️⃣", file: "t.md"))),
            .html("</blockquote>\n"),
        ])
    }

    @Test func frontMatterIsStrippedAndLinesStayTrue() {
        let text = MarkedText("""
        ---
        title: "Run overview"
        layout: run
        # a comment

        ---

        1️⃣```{chart} loss
        2️⃣:height: 3
        ```
        """)
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.frontMatter.map { "\($0.key)=\($0.value)" } == ["title=Run overview", "layout=run"])
        #expect(document.frontMatterValue("layout") == "run")
        #expect(document.directives.first?.location == text.location("1️⃣", file: "t.md"))
        #expect(document.directives.first?.options.first?.location == text.location("2️⃣", file: "t.md"))
        #expect(document.diagnostics.isEmpty)
        #expect(!document.render(resolveDirective: { _ in "" }, resolveRole: { _ in "" }).contains("title"))
    }

    @Test func frontMatterAfterByteOrderMark() {
        let document = MarkdownDocument.parse("\u{FEFF}---\nt: 1\n---\n# T\n", file: "t.md")
        #expect(document.frontMatter.map(\.key) == ["t"])
        #expect(document.blocks == [.html("<h1 id=\"t\">T</h1>\n")])
    }

    @Test func directiveInListItemSplitsTheList() {
        let text = MarkedText("- a\n- 1️⃣```{chart} x\n  ```\n")
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.blocks == [
            .html("<ul>\n<li>a</li>\n<li>\n"),
            .directive(Directive(name: "chart", argument: "x", location: text.location("1️⃣", file: "t.md"))),
            .html("</li>\n</ul>\n"),
        ])
    }

    @Test func unclosedFrontMatterIsMarkdownWithWarning() {
        let document = MarkdownDocument.parse("---\ntitle: x\n", file: "t.md")
        #expect(document.frontMatter.isEmpty)
        #expect(document.diagnostics.map(\.id) == ["template.front-matter.unclosed"])
    }

    @Test func malformedFrontMatterLineIsSkippedWithItsLine() {
        let text = MarkedText("---\nok: 1\n1️⃣  nested: 2\n2️⃣just text\n---\nBody\n")
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.frontMatter.map(\.key) == ["ok"])
        #expect(document.diagnostics.map(\.location?.line) == [text["1️⃣"].line, text["2️⃣"].line])
        #expect(document.blocks == [.html("<p>Body</p>\n")])
    }

    @Test func crlfLineEndingsKeepLinesAndOptions() {
        let text = MarkedText("---\r\nt: 1\r\n---\r\n1️⃣```{chart} x\r\n:a: 1\r\nbody\r\n```\r\n")
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.frontMatter.map(\.value) == ["1"])
        let directive = document.directives.first
        #expect(directive?.location == text.location("1️⃣", file: "t.md"))
        #expect(directive?.options.map(\.value) == ["1"])
        #expect(directive?.body == "body")
    }
}

@Suite struct DirectiveOptionBlockTests {
    @Test func yamlStyleOptionBlockIsRead() {
        let text = MarkedText("""
        ```{chart} loss
        ---
        1️⃣height: 240
        2️⃣title: "Val: loss"
        ---

        body


        ```
        """)
        let directive = MarkdownDocument.parse(text.text, file: "t.md").directives.first
        #expect(directive?.options == [
            DirectiveOption(key: "height", value: "240", location: text.location("1️⃣", file: "t.md")),
            DirectiveOption(key: "title", value: "Val: loss", location: text.location("2️⃣", file: "t.md")),
        ])
        #expect(directive?.body == "body")
    }

    @Test func unclosedOptionBlockIsBody() {
        let directive = MarkdownDocument.parse("```{note}\n---\na: 1\n```\n", file: "t.md").directives.first
        #expect(directive?.options == [])
        #expect(directive?.body == "---\na: 1")
    }
}
