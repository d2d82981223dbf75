/// An HTML or SVG tree as plain values, so that tests can inspect it and one serializer escapes it.
///
///     let link = Node.el("a", [attr("href", "r/x.html")], text: "<run>")
///     Serializer.html(link)   // <a href="r/x.html">&lt;run&gt;</a>
public indirect enum Node: Sendable, Hashable {
    /// An element; attributes keep the order given, which keeps output deterministic.
    case element(String, [Attribute], [Node])
    /// Text, escaped on output.
    case text(String)
    /// Markup trusted as is: only for HTML that runsite itself produced (cmark output, other serialized trees).
    case raw(String)
    /// Several nodes without a wrapper.
    case fragment([Node])

    public static func el(_ name: String, _ attributes: [Attribute] = [], _ children: [Node] = []) -> Node {
        .element(name, attributes, children)
    }

    public static func el(_ name: String, _ attributes: [Attribute] = [], text: String) -> Node {
        .element(name, attributes, [.text(text)])
    }

    public static let empty = Node.fragment([])
}

/// One attribute; a nil value writes a bare boolean attribute (`hidden`).
public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }
}

extension Attribute: ExpressibleByStringLiteral {
    /// A bare attribute: `"hidden"`.
    public init(stringLiteral name: String) { self.init(name, nil) }
}

/// `attr("href", url)` reads better than `Attribute("href", url)` at call sites; `cls("rs-run")`
/// is `attr("class", "rs-run")`.
public func attr(_ name: String, _ value: String) -> Attribute { Attribute(name, value) }
public func cls(_ value: String) -> Attribute { Attribute("class", value) }
