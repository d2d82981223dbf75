import RunsiteMarkup

/// One element found in a `Node` tree, for assertions on structure rather than on text.
struct FoundElement {
    var name: String
    var attributes: [Attribute]
    var children: [Node]

    func value(_ attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value ?? nil
    }

    var classes: [String] { (value("class") ?? "").split(separator: " ").map(String.init) }

    /// The concatenated text of direct text children.
    var text: String {
        children.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
    }
}

extension Node {
    /// Every element in document order for which `match` holds.
    func elements(where match: (FoundElement) -> Bool) -> [FoundElement] {
        var found: [FoundElement] = []
        func walk(_ node: Node) {
            switch node {
            case .element(let name, let attributes, let children):
                let element = FoundElement(name: name, attributes: attributes, children: children)
                if match(element) { found.append(element) }
                children.forEach(walk)
            case .fragment(let nodes): nodes.forEach(walk)
            case .text, .raw: break
            }
        }
        walk(self)
        return found
    }

    func elements(withClass name: String) -> [FoundElement] {
        elements { $0.classes.contains(name) }
    }

    /// The root element's attribute.
    func rootValue(_ attribute: String) -> String? {
        guard case .element(_, let attributes, _) = self else { return nil }
        return attributes.first { $0.name == attribute }?.value ?? nil
    }
}
