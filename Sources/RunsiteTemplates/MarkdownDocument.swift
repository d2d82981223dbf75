import RunsiteCore
import RunsiteMarkup

/// A parsed trusted Markdown document: HTML pieces interleaved with directives, in source order.
///
///     # Loss                              blocks: .html("<h1 id=\"loss\">Loss</h1>\n<p>Best: <!--…:r0--></p>\n"),
///     Best: {metric}`val/loss:min`                .directive(chart "val/loss")
///     ```{chart} val/loss                 roles:  [metric "val/loss:min"]
///     ```
///
/// HTML pieces are cmark's output with raw HTML passed through and an `id` on every `<h1>`–`<h3>`.
/// They still hold one placeholder per inline role; `render(resolveDirective:resolveRole:)`
/// (or `resolvingRoles(in:_:)` for one piece) replaces them. A directive inside a list or a quote
/// splits the HTML around it, so a piece may open an element that a later piece closes: only the
/// concatenation of all blocks is balanced.
public struct MarkdownDocument: Sendable {
    /// One piece of the document in source order.
    public enum Block: Sendable, Hashable {
        /// cmark's HTML between two directives, possibly holding role placeholders.
        case html(String)
        /// A directive block, to be replaced by its resolver's HTML.
        case directive(Directive)
    }

    /// HTML pieces and directives in source order; empty HTML between directives is left out.
    public var blocks: [Block]
    /// The leading `---` block's `key: value` lines, in order (see `FrontMatter`); empty without one.
    public var frontMatter: [(key: String, value: String)]
    /// The inline roles in source order; the HTML pieces mark where each one goes.
    public var roles: [Role]
    /// Warnings about malformed front matter or directive fences; parsing always succeeds.
    public var diagnostics: [Diagnostic]
    let slots: Slot.Prefix

    /// Parses trusted Markdown (templates, reports): raw HTML is allowed.
    /// - Parameter file: the path that source locations name.
    /// - Parameter policy: how the Markdown's links, images and raw HTML refer to other files; nil keeps them.
    public static func parse(_ text: String, file: String, policy: OutputPolicy? = nil) -> MarkdownDocument {
        let front = FrontMatter(splitting: text, file: file)
        let source = SourceLines(front.markdown)
        let slots = Slot.Prefix(avoiding: front.markdown)
        let output = CmarkRenderer.renderTemplate(front.markdown, source: source, slots: slots, policy: policy)
        let directives = output.directives.map { makeDirective($0, file: file, source: source) }
        let roles = output.roles.map {
            Role(name: $0.name, content: $0.content, location: SourceLocation(file: file, line: $0.line, column: $0.column))
        }
        var slugs = HeadingSlugs()
        let ids = output.headings.map { slugs.next(for: $0) }
        let blocks = assemble(output.html, slots: slots, directives: directives, headingIDs: ids)
        let malformed = output.malformed.map {
            Diagnostic.warning(.malformedDirectiveFence($0.info), at: SourceLocation(file: file, line: $0.line, column: $0.column))
        }
        return MarkdownDocument(blocks: blocks, frontMatter: front.entries, roles: roles,
                                diagnostics: front.diagnostics + malformed, slots: slots)
    }

    /// The directives in source order.
    public var directives: [Directive] {
        blocks.compactMap { if case .directive(let directive) = $0 { directive } else { nil } }
    }

    /// The value of the first front matter entry named `key`, if any.
    public func frontMatterValue(_ key: String) -> String? {
        frontMatter.first { $0.key == key }?.value
    }

    /// The final HTML: each directive replaced by its resolver's HTML (followed by a line break when
    /// it has none), each role placeholder by its resolver's HTML. Resolvers return trusted markup.
    public func render(resolveDirective: (Directive) -> String, resolveRole: (Role) -> String) -> String {
        var html = ""
        for block in blocks {
            switch block {
            case .html(let piece):
                html += resolvingRoles(in: piece, resolveRole)
            case .directive(let directive):
                let output = resolveDirective(directive)
                html += output
                if !output.isEmpty && !output.hasSuffix("\n") { html += "\n" }
            }
        }
        return html
    }

    /// Replaces the role placeholders in one HTML piece of this document.
    public func resolvingRoles(in html: String, _ resolveRole: (Role) -> String) -> String {
        var out = ""
        for piece in slots.scan(html, kinds: [.role]) {
            switch piece {
            case .text(let text): out += text
            case .slot(let slot) where roles.indices.contains(slot.index): out += resolveRole(roles[slot.index])
            case .slot(let slot): out += slots.marker(slot)
            }
        }
        return out
    }

    private static func makeDirective(_ fence: CmarkRenderer.Fence, file: String, source: SourceLines) -> Directive {
        let location = SourceLocation(file: file, line: fence.line, column: fence.column)
        guard case .directive(let name, let argument) = DirectiveSyntax.classify(info: fence.info) else {
            preconditionFailure("CmarkRenderer hands over directive fences only")
        }
        return DirectiveSyntax.directive(name: name, argument: argument, content: fence.content, location: location, source: source)
    }

    /// Splits cmark's HTML at directive slots and puts the ids into the headings' start tags.
    private static func assemble(_ html: String, slots: Slot.Prefix, directives: [Directive], headingIDs: [String]) -> [Block] {
        var blocks: [Block] = []
        var current = ""
        var afterDirective = false
        for piece in slots.scan(html, kinds: [.directive, .heading]) {
            switch piece {
            case .text(var text):
                // cmark ends a custom block's line itself; that break belongs to the slot, not to the next piece.
                if afterDirective && text.hasPrefix("\n") { text.removeFirst() }
                current += text
            case .slot(let slot) where slot.kind == .heading:
                current = openingHeading(current, id: headingIDs[slot.index])
            case .slot(let slot):
                if !current.isEmpty { blocks.append(.html(current)) }
                current = ""
                blocks.append(.directive(directives[slot.index]))
            }
            if case .slot(let slot) = piece { afterDirective = slot.kind == .directive } else { afterDirective = false }
        }
        if !current.isEmpty { blocks.append(.html(current)) }
        return blocks
    }

    /// `…<h2>` → `…<h2 id="slug">`: cmark writes the start tag right before the heading's first child, our slot.
    private static func openingHeading(_ html: String, id: String) -> String {
        let tag = html.suffix(4)
        guard tag.count == 4, tag.hasPrefix("<h"), tag.hasSuffix(">"), let level = tag.dropFirst(2).first, ("1"..."6").contains(level) else {
            return html
        }
        return String(html.dropLast(4)) + "<h\(level) id=\"\(Serializer.escaped(id))\">"
    }
}
