import RunsiteCore
import RunsiteMarkup
import RunsiteTemplates

/// Renders one Markdown template (or report) into a page body: cmark renders the Markdown,
/// directives expand into generated HTML.
struct PageRenderer {
    let registry = DirectiveRegistry.standard

    func body(template: (path: String, text: String), context: PageContext) -> (html: String, title: String?) {
        let document = MarkdownDocument.parse(template.text, file: template.path)
        context.log.append(contentsOf: document.diagnostics)
        let html = document.render(
            resolveDirective: { directive in Serializer.html(registry.expand(directive, in: context)) },
            resolveRole: { role in Serializer.html(Roles.expand(role, in: context)) })
        let title = document.frontMatter.first { $0.key == "title" }?.value
        return (html, title)
    }
}
