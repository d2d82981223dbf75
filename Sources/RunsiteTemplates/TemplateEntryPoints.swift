import RunsiteMarkup

/// Parse these bytes as Markdown, for fuzzing and tests: the real parsing and rendering paths, with
/// the output thrown away.
public enum TemplateEntryPoints {
    /// A template or report: front matter, directive fences with their options, inline roles, then
    /// the same text as untrusted run Markdown.
    public static func markdown(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let document = MarkdownDocument.parse(text, file: "fuzz.md")
        _ = document.render(resolveDirective: { directive in directive.options.map(\.key).joined() },
                            resolveRole: { role in role.content })
        _ = Markdown.renderUntrusted(text)
        // The same text as a single-file page sees it: links dropped, images and raw HTML read tag by tag.
        let policy = OutputPolicy(link: { $0.hasPrefix("#") ? $0 : nil }, image: { _ in "data:," })
        _ = Markdown.renderUntrusted(text, policy: policy)
        _ = policy.apply(html: text, contentSecurityPolicy: "default-src 'none'")
    }
}
