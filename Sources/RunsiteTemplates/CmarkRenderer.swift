internal import CCmark
import RunsiteMarkup

/// The whole C boundary: parses with cmark, rewrites the tree, renders it to HTML and frees it
/// before returning. Only plain Swift values leave this file; no `cmark_node` pointer does.
enum CmarkRenderer {
    /// A fenced code block that is a directive, or that looked like one but was malformed.
    struct Fence {
        var info: String
        var content: String
        /// cmark's position of the fence: 1-based line and UTF-8 byte column.
        var line: Int
        var column: Int
    }

    /// A role found in the text: `{name}` then a code span.
    struct RoleSpan {
        var name: String
        var content: String
        var line: Int
        var column: Int
    }

    /// cmark's HTML of a trusted template, with slots (see `Slot`) where the pieces go.
    struct TemplateOutput {
        var html = ""
        /// In slot order: directive slot `dN` is `directives[N]`.
        var directives: [Fence] = []
        /// Fences whose info string starts with `{` but is no `{name}`; left as code.
        var malformed: [Fence] = []
        /// In slot order: role slot `rN` is `roles[N]`.
        var roles: [RoleSpan] = []
        /// The plain text of each `<h1>`–`<h3>`, in slot order.
        var headings: [String] = []
    }

    /// Renders trusted Markdown with raw HTML passed through, directive blocks, roles and
    /// headings marked by slots.
    /// - Parameter source: the lines of `markdown`, to check and place roles.
    /// - Parameter policy: how links, images and raw HTML refer to other files; nil keeps them.
    static func renderTemplate(_ markdown: String, source: SourceLines, slots: Slot.Prefix, policy: OutputPolicy? = nil) -> TemplateOutput {
        var output = TemplateOutput()
        guard let root = parse(markdown, options: CMARK_OPT_NORMALIZE) else { return output }
        defer { cmark_node_free(root) }
        let found = collect(root)
        for node in found.fences {
            let fence = Fence(info: literal(cmark_node_get_fence_info(node)), content: literal(cmark_node_get_literal(node)),
                              line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            switch DirectiveSyntax.classify(info: fence.info) {
            case .code: continue
            case .malformed: output.malformed.append(fence)
            case .directive:
                replace(node, withCustom: CMARK_NODE_CUSTOM_BLOCK, marker: slots.marker(Slot(kind: .directive, index: output.directives.count)))
                output.directives.append(fence)
            }
        }
        var roleIndex: [OpaquePointer: Int] = [:]
        for (text, code) in found.roleCandidates {
            guard let role = role(text: text, code: code, source: source) else { continue }
            let name = role.name
            let literalText = literal(cmark_node_get_literal(text))
            cmark_node_set_literal(text, String(decoding: literalText.utf8.dropLast(name.utf8.count + 2), as: UTF8.self))
            let custom = replace(code, withCustom: CMARK_NODE_CUSTOM_INLINE, marker: slots.marker(Slot(kind: .role, index: output.roles.count)))
            roleIndex[custom] = output.roles.count
            output.roles.append(role)
        }
        for heading in found.headings {
            output.headings.append(plainText(heading, roleIndex: roleIndex, roles: output.roles))
            let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(marker, slots.marker(Slot(kind: .heading, index: output.headings.count - 1)))
            cmark_node_prepend_child(heading, marker)
        }
        if let policy { apply(policy, to: root) }
        output.html = render(root, options: CMARK_OPT_UNSAFE)
        return output
    }

    /// Renders untrusted Markdown in cmark's safe mode: raw HTML becomes `<!-- raw HTML omitted -->`
    /// and `javascript:`, `vbscript:`, `file:` and most `data:` URLs become empty. Every link gets
    /// `rel="noopener noreferrer nofollow"`, and every image loads only where `images` says.
    /// `refused` hears of each image not shown: its URL, the reason, and its 1-based line and column.
    static func renderUntrusted(_ markdown: String, images: (String) -> ImageDecision, policy: OutputPolicy? = nil,
                                refused: ((_ url: String, _ reason: String, _ line: Int, _ column: Int) -> Void)? = nil) -> String {
        guard let root = parse(markdown, options: CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(root) }
        let (links, pictures, _) = linksAndImages(root)
        for link in links {
            if let policy {
                guard let url = policy.link(literal(cmark_node_get_url(link))) else { unwrap(link); continue }
                cmark_node_set_url(link, url)
            }
            let href = UntrustedURL.escapeHref(UntrustedURL.safeHref(literal(cmark_node_get_url(link))))
            let title = literal(cmark_node_get_title(link))
            wrap(link, enter: "<a href=\"" + href + "\"" + (title.isEmpty ? "" : " title=\"" + Serializer.escaped(title) + "\"")
                    + " rel=\"" + UntrustedURL.rel + "\">", exit: "</a>")
        }
        for image in pictures {
            let url = literal(cmark_node_get_url(image))
            switch images(url) {
            case .load(let src):
                guard let shown = policy.map({ $0.image(src) }) ?? src else { unwrap(image); continue }
                cmark_node_set_url(image, shown)
            case .refuse(let reason):
                refused?(url, reason, Int(cmark_node_get_start_line(image)), Int(cmark_node_get_start_column(image)))
                refuse(image, url: url, reason: reason)
            }
        }
        return render(root, options: CMARK_OPT_DEFAULT)
    }

    /// Links and images (and, when asked, raw HTML), collected before the tree changes.
    private static func linksAndImages(_ root: OpaquePointer) -> (links: [OpaquePointer], images: [OpaquePointer], html: [OpaquePointer]) {
        var links: [OpaquePointer] = [], images: [OpaquePointer] = [], html: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return ([], [], []) }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK: links.append(node)
            case CMARK_NODE_IMAGE: images.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: html.append(node)
            default: break
            }
        }
        return (links, images, html)
    }

    /// Rewrites the tree's link and image URLs under `policy`: a dropped link becomes its text, a
    /// dropped image its alt text; raw HTML goes through the policy tag by tag.
    private static func apply(_ policy: OutputPolicy, to root: OpaquePointer) {
        let (links, images, html) = linksAndImages(root)
        for link in links {
            guard let url = policy.link(literal(cmark_node_get_url(link))) else { unwrap(link); continue }
            cmark_node_set_url(link, url)
        }
        for image in images {
            guard let src = policy.image(literal(cmark_node_get_url(image))) else { unwrap(image); continue }
            cmark_node_set_url(image, src)
        }
        for node in html {
            cmark_node_set_literal(node, policy.apply(html: literal(cmark_node_get_literal(node))))
        }
    }

    /// Puts `node`'s children in its place and frees it.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Puts a custom inline that writes `enter` and `exit` in place of `node`, holding its children.
    @discardableResult
    private static func wrap(_ node: OpaquePointer, enter: String, exit: String) -> OpaquePointer {
        let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(custom, enter)
        cmark_node_set_on_exit(custom, exit)
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
        return custom
    }

    /// An image that may not load: its alt text (the URL when there is none), linked when the image
    /// is on a remote site, then `(image not shown: reason)`.
    private static func refuse(_ image: OpaquePointer, url: String, reason: String) {
        if cmark_node_first_child(image) == nil {
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, url)
            cmark_node_append_child(image, text)
        }
        let note = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(note, " (image not shown: " + reason + ")")
        let span = wrap(image, enter: "<span class=\"rs-image-refused\">", exit: "</span>")
        if UntrustedURL.isRemote(url) {
            let link = cmark_node_new(CMARK_NODE_LINK)!
            while let child = cmark_node_first_child(span) {
                cmark_node_unlink(child)
                cmark_node_append_child(link, child)
            }
            cmark_node_append_child(span, link)
            wrap(link, enter: "<a href=\"" + UntrustedURL.escapeHref(UntrustedURL.safeHref(url)) + "\" rel=\"" + UntrustedURL.rel + "\">", exit: "</a>")
        }
        cmark_node_append_child(span, note)
    }

    /// Renders trusted Markdown; a lone paragraph loses its `<p>` wrapper.
    static func renderInline(_ markdown: String) -> String {
        guard let root = parse(markdown, options: CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(root) }
        let first = cmark_node_first_child(root)
        let html = render(root, options: CMARK_OPT_UNSAFE)
        guard let first, cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH, cmark_node_next(first) == nil,
              html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return html }
        return String(html.dropFirst(3).dropLast(5))
    }

    // MARK: - Tree walking

    private struct Found {
        var fences: [OpaquePointer] = []
        var roleCandidates: [(text: OpaquePointer, code: OpaquePointer)] = []
        var headings: [OpaquePointer] = []
    }

    /// Collects the nodes to rewrite first: changing the tree while an iterator walks it is unsafe.
    private static func collect(_ root: OpaquePointer) -> Found {
        var found = Found()
        guard let iterator = cmark_iter_new(root) else { return found }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:  // indented blocks have an empty info string, so they stay code
                found.fences.append(node)
            case CMARK_NODE_CODE:
                if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT {
                    found.roleCandidates.append((previous, node))
                }
            case CMARK_NODE_HEADING where cmark_node_get_heading_level(node) <= 3:
                found.headings.append(node)
            default: break
            }
        }
        return found
    }

    /// The role if `text` ends with a literal, unescaped `{name}` in the source.
    private static func role(text: OpaquePointer, code: OpaquePointer, source: SourceLines) -> RoleSpan? {
        guard let name = RoleSyntax.trailingName(in: literal(cmark_node_get_literal(text))) else { return nil }
        let line = Int(cmark_node_get_end_line(text))
        let estimate = Int(cmark_node_get_end_column(text)) - name.utf8.count - 1
        guard let column = RoleSyntax.column(of: name, onLine: line, estimate: estimate, in: source) else { return nil }
        return RoleSpan(name: name, content: literal(cmark_node_get_literal(code)), line: line, column: column)
    }

    /// Text, code and role content of a heading, for its slug.
    private static func plainText(_ node: OpaquePointer, roleIndex: [OpaquePointer: Int], roles: [RoleSpan]) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            case CMARK_NODE_CUSTOM_INLINE: if let index = roleIndex[current] { text += roles[index].content }
            default: text += plainText(current, roleIndex: roleIndex, roles: roles)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// Puts a custom node that renders `marker` in place of `node`, and frees `node`.
    @discardableResult
    private static func replace(_ node: OpaquePointer, withCustom type: cmark_node_type, marker: String) -> OpaquePointer {
        let custom = cmark_node_new(type)!
        cmark_node_set_on_enter(custom, marker)
        cmark_node_replace(node, custom)
        cmark_node_free(node)
        return custom
    }

    // MARK: - C calls

    private static func parse(_ markdown: String, options: Int32) -> OpaquePointer? {
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parse_document(buffer.baseAddress, buffer.count - 1, options)
        }
    }

    private static func render(_ root: OpaquePointer, options: Int32) -> String {
        guard let html = cmark_render_html(root, options) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    private static func literal(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0) } ?? ""
    }
}
