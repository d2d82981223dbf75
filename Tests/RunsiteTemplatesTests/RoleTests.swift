import RunsiteCore
import RunsiteTestSupport
import Testing
@testable import RunsiteTemplates

@Suite struct RoleTests {
    private func render(_ document: MarkdownDocument) -> String {
        document.render(resolveDirective: { "[\($0.name)]" }, resolveRole: { "<b>\($0.name):\($0.content)</b>" })
    }

    @Test func rolesInParagraphsAreResolvedWithLocations() {
        let text = MarkedText("""
        Best 1️⃣{metric}`val/loss:min` so far,
          at lr 2️⃣{param}`optimizer.lr`.
        """)
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.roles == [
            Role(name: "metric", content: "val/loss:min", location: text.location("1️⃣", file: "t.md")),
            Role(name: "param", content: "optimizer.lr", location: text.location("2️⃣", file: "t.md")),
        ])
        #expect(render(document) == "<p>Best <b>metric:val/loss:min</b> so far,\nat lr <b>param:optimizer.lr</b>.</p>\n")
    }

    @Test func rolesInsideListsQuotesAndEmphasis() {
        let text = MarkedText("""
        - *x* 1️⃣{metric}`a`
        > quote 2️⃣{param}`b` end
        """)
        let document = MarkdownDocument.parse(text.text, file: "t.md")
        #expect(document.roles.map(\.content) == ["a", "b"])
        #expect(document.roles.map(\.location) == [text.location("1️⃣", file: "t.md"), text.location("2️⃣", file: "t.md")])
        #expect(render(document).contains("<em>x</em> <b>metric:a</b>"))
    }

    @Test func plainCodeSpansAndEscapedBracesAreNoRoles() {
        let document = MarkdownDocument.parse("a `code` and \\{metric}`x` and { metric}`y`", file: "t.md")
        #expect(document.roles.isEmpty)
        #expect(render(document) == "<p>a <code>code</code> and {metric}<code>x</code> and { metric}<code>y</code></p>\n")
    }

    @Test func resolvingRolesWorksOnOnePiece() {
        let document = MarkdownDocument.parse("x {param}`lr`\n\n```{chart}\n```\n", file: "t.md")
        guard case .html(let piece) = document.blocks.first else {
            Issue.record("expected HTML first")
            return
        }
        #expect(document.resolvingRoles(in: piece) { $0.content } == "<p>x lr</p>\n")
    }

    @Test func documentTextCannotForgeAPlaceholder() {
        let text = "a <!--runsite-slot:r0--> <!--runsite-slot:d0-->\n\nx {param}`lr`"
        let document = MarkdownDocument.parse(text, file: "t.md")
        #expect(document.directives.isEmpty)
        #expect(render(document) == "<p>a <!--runsite-slot:r0--> <!--runsite-slot:d0--></p>\n<p>x <b>param:lr</b></p>\n")
    }
}
