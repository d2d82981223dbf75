/// How a page refers to other files, applied to its markup before it is serialized: a page of the
/// site keeps its references (it is built with no policy at all); a page that must work alone
/// (`--single-file`) embeds its images and drops its links to other files.
public struct OutputPolicy: Sendable {
    /// What a link's `href` becomes; nil drops it, and the link is then only its text.
    public var link: @Sendable (String) -> String?
    /// What an image's `src` becomes; nil leaves the image out.
    public var image: @Sendable (String) -> String?

    /// Classes of elements that only offer links, such as a figure's downloads: such an element is
    /// left out whole when none of its links survive, so that no "download" text stays behind.
    public var linkGroups: Set<String>

    public init(link: @escaping @Sendable (String) -> String?, image: @escaping @Sendable (String) -> String?,
                linkGroups: Set<String> = []) {
        self.link = link
        self.image = image
        self.linkGroups = linkGroups
    }

    /// The tree with every `href` and every image's `src` rewritten; raw markup inside it goes
    /// through `apply(html:)`.
    public func apply(_ node: Node) -> Node {
        switch node {
        case .text: return node
        case .raw(let html): return .raw(apply(html: html))
        case .fragment(let nodes): return .fragment(nodes.map(apply))
        case .element(let name, let original, let children):
            guard let attributes = rewrite(name, original) else { return .empty }
            // A link whose target is dropped is only its content: an `<a>` without `href` would still look like one.
            if Self.unwraps(name, original, attributes) { return .fragment(children.map(apply)) }
            let kept = Node.element(name, attributes, children.map(apply))
            if isLinkGroup(attributes), !Self.holdsLink(kept) { return .empty }
            return kept
        }
    }

    private func isLinkGroup(_ attributes: [Attribute]) -> Bool {
        guard !linkGroups.isEmpty, let classes = attributes.first(where: { $0.name == "class" })?.value else { return false }
        return classes.split(separator: " ").contains { linkGroups.contains(String($0)) }
    }

    private static func holdsLink(_ node: Node) -> Bool {
        switch node {
        case .text, .raw: return false
        case .fragment(let nodes): return nodes.contains(where: holdsLink)
        case .element(let name, let attributes, let children):
            return (name == "a" && attributes.contains { $0.name == "href" }) || children.contains(where: holdsLink)
        }
    }

    /// HTML that was not built as a tree, tag by tag (`HTMLTags`): each tag's `href` and image
    /// `src` rewritten as in `apply(_:)`; `<link>` and `<script src>` elements, which would fetch a
    /// file, and any Content-Security-Policy `<meta>` left out; with `contentSecurityPolicy`
    /// (attribute text, written as is), the first such `<meta>` carries it instead. Tags that do
    /// not change keep their text.
    public func apply(html: String, contentSecurityPolicy: String? = nil) -> String {
        var out = ""
        var skippingScript = false
        var policy = contentSecurityPolicy
        // Links left out whose end tag is still to come (links do not nest in HTML).
        var unwrapped = 0
        for piece in HTMLTags.pieces(html) {
            switch piece {
            case .text(let text): if !skippingScript { out += text }
            case .end(let name, let source):
                if skippingScript { skippingScript = name != "script"; continue }
                if name == "a", unwrapped > 0 { unwrapped -= 1; continue }
                out += source
            case .start(let name, let attributes, let source):
                if skippingScript { continue }
                if Self.fetches(name, attributes) {
                    skippingScript = name == "script"
                    if name == "meta", let content = policy {
                        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + content + "\">"
                        policy = nil
                    }
                    continue
                }
                guard let rewritten = rewrite(name, attributes) else { continue }
                if Self.unwraps(name, attributes, rewritten) { unwrapped += 1; continue }
                out += rewritten == attributes ? String(source) : HTMLTags.startTag(name, rewritten)
            }
        }
        return out
    }

    /// An element's attributes under the policy; nil when the element is left out.
    private func rewrite(_ name: String, _ attributes: [Attribute]) -> [Attribute]? {
        var result: [Attribute] = []
        result.reserveCapacity(attributes.count)
        for attribute in attributes {
            switch attribute.name {
            case "href", "xlink:href":
                guard let value = attribute.value else { result.append(attribute); continue }
                if let kept = link(value) { result.append(Attribute(attribute.name, kept)) }
            case "src" where name == "img":
                guard let value = attribute.value else { result.append(attribute); continue }
                guard let kept = image(value) else { return nil }
                result.append(Attribute(attribute.name, kept))
            default: result.append(attribute)
            }
        }
        return result
    }

    /// Whether an element is a link whose target the policy dropped: it is then written as its content alone.
    private static func unwraps(_ name: String, _ original: [Attribute], _ rewritten: [Attribute]) -> Bool {
        name == "a" && original.contains { $0.name == "href" } && !rewritten.contains { $0.name == "href" }
    }

    /// Whether the tag loads a stylesheet, script or other file, or sets the page's content policy.
    private static func fetches(_ name: String, _ attributes: [Attribute]) -> Bool {
        func value(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
        switch name {
        case "link": return true
        case "script": return value("src") != nil
        case "meta": return value("http-equiv").map { $0.lowercased() == "content-security-policy" } ?? false
        default: return false
        }
    }
}
