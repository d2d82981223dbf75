import RunsiteCore
import Testing
@testable import RunsiteTemplates

/// Seeded random documents built from the syntax this module cares about: parsing must never
/// crash, and placeholders must never leak into the final HTML.
@Suite struct RobustnessTests {
    private static let fragments = [
        "```{chart} x\n", "~~~{note}\n", "```\n", "~~~\n", ":a: 1\n", "---\n", "k: v\n", "# H\n", "## H\n",
        "{metric}`v`", "\\{param}`p`", "{ x}`y`", "`", "``", "{", "}", "<!--", "-->", "<div>\n", "</div>\n",
        "> ", "- ", "1. ", "  ", "\t", "\n", "\r\n", "\r", "text ", "ü", "&#123;", "\u{0}", "\u{FEFF}", "*", "[a](javascript:x)",
    ]

    @Test func randomDocumentsParseAndRenderWithoutLeaks() {
        var generator = SeededGenerator(seed: 0x5eed)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                text += Self.fragments.randomElement(using: &generator)!
            }
            let document = MarkdownDocument.parse(text, file: "fuzz.md")
            let html = document.render(resolveDirective: { "[\($0.name)]" }, resolveRole: { "(\($0.name))" })
            #expect(!html.contains("runsite-slot"), "placeholder leaked for \(String(reflecting: text))")
            #expect(html.components(separatedBy: "(").count - 1 >= document.roles.count)
            for role in document.roles { #expect((role.location.line ?? 0) >= 1 && (role.location.column ?? 0) >= 1) }
            _ = Markdown.renderUntrusted(text)
            _ = Markdown.renderInline(text)
        }
    }
}
