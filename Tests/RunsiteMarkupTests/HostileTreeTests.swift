import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RunsiteCore
import RunsiteMarkup
import Testing

/// Seeded random trees whose text and attribute values are built from markup's special characters:
/// the serialized output holds exactly the tags of the tree, and an XML parser reads back every
/// value as written (forbidden characters as U+FFFD).
@Suite struct HostileTreeTests {
    static let pieces = ["<", ">", "&", "\"", "'", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#39;", "&lt",
                         "\u{0}", "\u{1B}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FF21}", "\u{FEFF}", "\t", "\n", "é", "🙂",
                         "x", " ", "=", "/", "?>", "<?xml", "\\"]
    static let elementNames = ["g", "text", "title", "p", "span", "script", "style", "a", "td"]
    static let attributeNames = ["class", "title", "data-run", "href", "d"]

    static func string(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func tree(_ random: inout SeededGenerator, depth: Int) -> Node {
        let name = elementNames.randomElement(using: &random)!
        let attributes = attributeNames.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))
            .map { attr($0, string(&random)) }
        let children = (0..<Int.random(in: 0...(depth > 0 ? 4 : 0), using: &random)).map { _ -> Node in
            Bool.random(using: &random) ? .text(string(&random)) : tree(&random, depth: depth - 1)
        }
        return .el(name, attributes, children)
    }

    /// Counts of elements and attribute values in a tree.
    static func counts(_ node: Node) -> (elements: Int, values: Int) {
        guard case .element(_, let attributes, let children) = node else { return (0, 0) }
        return children.map(counts).reduce((1, attributes.count { $0.value != nil })) { ($0.0 + $1.0, $0.1 + $1.1) }
    }

    @Test(arguments: [false, true])
    func hostileValuesNeverMakeATagOrEndAnAttribute(xml: Bool) {
        var random = SeededGenerator(seed: 0x6D61_726B)
        for _ in 0..<500 {
            let node = Self.tree(&random, depth: 3)
            let out = xml ? Serializer.xml(node) : Serializer.html(node)
            let (elements, values) = Self.counts(node)
            // Each element writes one `<` (self-closed) or two (start and end tag); nothing else may.
            let angles = out.utf8.count { $0 == UInt8(ascii: "<") }
            #expect(angles >= elements && angles <= 2 * elements, "\(out)")
            #expect(out.utf8.count { $0 == UInt8(ascii: ">") } == angles, "\(out)")
            // Inside tags, each attribute value is one pair of double quotes and no single quote
            // appears; text may hold quotes as they are.
            var inTag = false, quotes = 0, apostrophes = 0
            for byte in out.utf8 {
                switch byte {
                case UInt8(ascii: "<"): inTag = true
                case UInt8(ascii: ">"): inTag = false
                case UInt8(ascii: "\""): if inTag { quotes += 1 }
                case UInt8(ascii: "'"): if inTag { apostrophes += 1 }
                default: break
                }
            }
            #expect(quotes == 2 * values && apostrophes == 0, "\(out)")
            #expect(!out.unicodeScalars.contains { !Self.allowedInXML($0) }, "\(out.debugDescription)")
        }
    }

    @Test(arguments: [false, true])
    func anXMLParserReadsBackTheTreeAsBuilt(xml: Bool) throws {
        var random = SeededGenerator(seed: 0x7365_7269)
        for _ in 0..<300 {
            let node = Self.tree(&random, depth: 3)
            let document = Node.el("root", [], [node])
            let out = xml ? Serializer.xml(document) : Serializer.html(document)
            let parsed = try #require(ParsedElement.parse(out), "\(out.debugDescription)")
            #expect(parsed.children == [ParsedElement.expected(node)], "\(out.debugDescription)")
        }
    }

    static func allowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 ? (v == 0x9 || v == 0xA || v == 0xD) : (v != 0xFFFE && v != 0xFFFF)
    }
}

/// An element as an XML parser reports it: its name, attributes, and children, where adjacent text
/// is one child and empty text none.
indirect enum ParsedElement: Equatable {
    case element(String, [String: String], [ParsedElement])
    case text(String)

    var children: [ParsedElement] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    /// What a parser should read back from `node`: forbidden characters replaced, and tabs and
    /// newlines in attribute values read as spaces (XML's attribute-value normalisation).
    static func expected(_ node: Node) -> ParsedElement {
        guard case .element(let name, let attributes, let nodes) = node else { preconditionFailure("an element") }
        var values: [String: String] = [:]
        for attribute in attributes {
            let cleaned = String(String.UnicodeScalarView(attribute.value!.unicodeScalars.map {
                $0 == "\t" || $0 == "\n" ? " " : HostileTreeTests.allowedInXML($0) ? $0 : "\u{FFFD}"
            }))
            values[attribute.name] = cleaned
        }
        var children: [ParsedElement] = []
        for child in nodes {
            switch child {
            case .text(let text):
                let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { HostileTreeTests.allowedInXML($0) ? $0 : "\u{FFFD}" }))
                if cleaned.isEmpty { continue }
                if case .text(let before)? = children.last { children[children.count - 1] = .text(before + cleaned) } else { children.append(.text(cleaned)) }
            default:
                children.append(expected(child))
            }
        }
        return .element(name, values, children)
    }

    /// The document element of `text`, or nil where it is not well-formed XML.
    static func parse(_ text: String) -> ParsedElement? {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = TreeBuilder()
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [(name: String, attributes: [String: String], children: [ParsedElement])] = []
    var root: ParsedElement?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append((elementName, attributeDict, []))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty, !string.isEmpty else { return }
        if case .text(let before)? = stack[stack.count - 1].children.last {
            stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(before + string)
        } else {
            stack[stack.count - 1].children.append(.text(string))
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let done = stack.removeLast()
        let element = ParsedElement.element(done.name, done.attributes, done.children)
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
    }
}
