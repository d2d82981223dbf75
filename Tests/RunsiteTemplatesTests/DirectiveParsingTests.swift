import RunsiteCore
import Testing
@testable import RunsiteTemplates

@Suite struct DirectiveParsingTests {
    @Test func directiveHasNameArgumentOptionsAndBody() {
        let text = """
        Intro.

        ```{chart} val/loss
        :height: 240
        :smooth:  0.6

        Loss over steps.
        Second line.
        ```
        """
        let document = MarkdownDocument.parse(text, file: "t.md")
        #expect(document.directives == [Directive(
            name: "chart", argument: "val/loss",
            options: [
                DirectiveOption(key: "height", value: "240", location: SourceLocation(file: "t.md", line: 4, column: 1)),
                DirectiveOption(key: "smooth", value: "0.6", location: SourceLocation(file: "t.md", line: 5, column: 1)),
            ],
            body: "Loss over steps.\nSecond line.",
            location: SourceLocation(file: "t.md", line: 3, column: 1))])
        #expect(document.blocks.first == .html("<p>Intro.</p>\n"))
        #expect(document.directives.first?.option("smooth") == "0.6")
    }

    @Test func directivesAndHTMLComeOutInSourceOrder() {
        let text = """
        ```{runs-table}
        ```

        Between.

        ```{chart} a
        ```
        ```{chart} b
        ```

        After.
        """
        let blocks = MarkdownDocument.parse(text, file: "t.md").blocks
        let summary = blocks.map { block -> String in
            switch block {
            case .html(let html): return "html " + html
            case .directive(let directive): return "\(directive.name) \(directive.argument) @\(directive.location.line ?? 0)"
            }
        }
        #expect(summary == ["runs-table  @1", "html <p>Between.</p>\n", "chart a @6", "chart b @8", "html <p>After.</p>\n"])
    }

    @Test func tildeAndLongFencesAreDirectives() {
        let text = """
        ~~~{note}
        body
        ~~~

        `````{chart}   x
        ```
        inner fence
        ```
        `````
        """
        let directives = MarkdownDocument.parse(text, file: "t.md").directives
        #expect(directives.map(\.name) == ["note", "chart"])
        #expect(directives.map(\.argument) == ["", "x"])
        #expect(directives[1].body == "```\ninner fence\n```")
        #expect(directives[1].location.line == 5)
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
        let document = MarkdownDocument.parse("```{chart val\nx\n```\n", file: "t.md")
        #expect(document.directives.isEmpty)
        #expect(document.diagnostics.map(\.id) == ["template.malformed-directive"])
        #expect(document.diagnostics.first?.location == SourceLocation(file: "t.md", line: 1, column: 1))
    }

    @Test func unterminatedFenceRunsToTheEnd() {
        let document = MarkdownDocument.parse("Text\n\n```{chart} x\n:a: 1\nrest", file: "t.md")
        #expect(document.directives.map(\.body) == ["rest"])
        #expect(document.directives.first?.options.map(\.key) == ["a"])
    }

    @Test func nestedDirectiveKeepsItsColumnAndSplitsTheQuote() {
        let document = MarkdownDocument.parse("> ```{chart} x\n> :a: 1\n> ```\n", file: "t.md")
        #expect(document.blocks == [
            .html("<blockquote>\n"),
            .directive(Directive(name: "chart", argument: "x",
                                 options: [DirectiveOption(key: "a", value: "1", location: SourceLocation(file: "t.md", line: 2, column: 3))],
                                 location: SourceLocation(file: "t.md", line: 1, column: 3))),
            .html("</blockquote>\n"),
        ])
    }

    @Test func frontMatterIsStrippedAndLinesStayTrue() {
        let text = """
        ---
        title: "Run overview"
        layout: run
        # a comment

        ---

        ```{chart} loss
        :height: 3
        ```
        """
        let document = MarkdownDocument.parse(text, file: "t.md")
        #expect(document.frontMatter.map { "\($0.key)=\($0.value)" } == ["title=Run overview", "layout=run"])
        #expect(document.frontMatterValue("layout") == "run")
        #expect(document.directives.first?.location.line == 8)
        #expect(document.directives.first?.options.first?.location.line == 9)
        #expect(document.diagnostics.isEmpty)
        #expect(!document.render(resolveDirective: { _ in "" }, resolveRole: { _ in "" }).contains("title"))
    }

    @Test func frontMatterAfterByteOrderMark() {
        let document = MarkdownDocument.parse("\u{FEFF}---\nt: 1\n---\n# T\n", file: "t.md")
        #expect(document.frontMatter.map(\.key) == ["t"])
        #expect(document.blocks == [.html("<h1 id=\"t\">T</h1>\n")])
    }

    @Test func directiveInListItemSplitsTheList() {
        let document = MarkdownDocument.parse("- a\n- ```{chart} x\n  ```\n", file: "t.md")
        #expect(document.blocks == [
            .html("<ul>\n<li>a</li>\n<li>\n"),
            .directive(Directive(name: "chart", argument: "x", location: SourceLocation(file: "t.md", line: 2, column: 3))),
            .html("</li>\n</ul>\n"),
        ])
    }

    @Test func unclosedFrontMatterIsMarkdownWithWarning() {
        let document = MarkdownDocument.parse("---\ntitle: x\n", file: "t.md")
        #expect(document.frontMatter.isEmpty)
        #expect(document.diagnostics.map(\.id) == ["template.front-matter.unclosed"])
    }

    @Test func malformedFrontMatterLineIsSkippedWithItsLine() {
        let document = MarkdownDocument.parse("---\nok: 1\n  nested: 2\njust text\n---\nBody\n", file: "t.md")
        #expect(document.frontMatter.map(\.key) == ["ok"])
        #expect(document.diagnostics.map(\.location?.line) == [3, 4])
        #expect(document.blocks == [.html("<p>Body</p>\n")])
    }

    @Test func crlfLineEndingsKeepLinesAndOptions() {
        let document = MarkdownDocument.parse("---\r\nt: 1\r\n---\r\n```{chart} x\r\n:a: 1\r\nbody\r\n```\r\n", file: "t.md")
        #expect(document.frontMatter.map(\.value) == ["1"])
        let directive = document.directives.first
        #expect(directive?.location.line == 4)
        #expect(directive?.options.map(\.value) == ["1"])
        #expect(directive?.body == "body")
    }
}

@Suite struct DirectiveOptionBlockTests {
    @Test func yamlStyleOptionBlockIsRead() {
        let text = """
        ```{chart} loss
        ---
        height: 240
        title: "Val: loss"
        ---

        body


        ```
        """
        let directive = MarkdownDocument.parse(text, file: "t.md").directives.first
        #expect(directive?.options == [
            DirectiveOption(key: "height", value: "240", location: SourceLocation(file: "t.md", line: 3, column: 1)),
            DirectiveOption(key: "title", value: "Val: loss", location: SourceLocation(file: "t.md", line: 4, column: 1)),
        ])
        #expect(directive?.body == "body")
    }

    @Test func unclosedOptionBlockIsBody() {
        let directive = MarkdownDocument.parse("```{note}\n---\na: 1\n```\n", file: "t.md").directives.first
        #expect(directive?.options == [])
        #expect(directive?.body == "---\na: 1")
    }
}
