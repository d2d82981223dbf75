import RunsiteCore
import RunsiteMarkup
import RunsiteTemplates

/// Renders one Markdown template (or report) into a page body: cmark renders the Markdown,
/// directives expand into generated HTML. A report's front matter may set `title`, `author`,
/// `date` (shown under the title) and `runs`, the selector every directive of the page starts from.
struct PageRenderer {
    let registry = DirectiveRegistry.standard

    func body(template: (path: String, text: String), context: PageContext) -> (html: String, title: String?) {
        let document = MarkdownDocument.parse(template.text, file: template.path, policy: context.policy)
        context.log.append(contentsOf: document.diagnostics)
        var context = context
        context.sourceLines = template.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var prefix: [Node] = []
        if let selector = document.frontMatterValue("runs") {
            if let box = FrontMatterRuns.apply(selector, file: template.path, to: &context) { prefix.append(box) }
        }
        let byline = [document.frontMatterValue("author"), document.frontMatterValue("date")].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { prefix.insert(.el("p", [cls("rs-byline")], text: byline.joined(separator: " · ")), at: 0) }
        let finalContext = context
        // Generated markup meets the page's output policy as a tree, before it becomes text.
        let policy = context.policy
        func html(_ node: Node) -> String { Serializer.html(policy?.apply(node) ?? node) }
        let body = document.render(
            resolveDirective: { directive in html(registry.expand(directive, in: finalContext)) },
            resolveRole: { role in html(Roles.expand(role, in: finalContext)) })
        let title = document.frontMatter.first { $0.key == "title" }?.value
        return ((prefix.isEmpty ? "" : html(.fragment(prefix)) + "\n") + body, title)
    }
}
