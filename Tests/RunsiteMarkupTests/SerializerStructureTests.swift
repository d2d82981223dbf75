import RunsiteMarkup
import Testing

/// How elements, attributes and the other node kinds are written, in HTML and in XML (SVG).
@Suite struct SerializerStructureTests {
    @Test func textEscapesOnlyAmpersandAndAngleBrackets() {
        #expect(Serializer.html(.text("a < b > c & d")) == "a &lt; b &gt; c &amp; d")
        // Quotes cannot end anything in text, so they stay as they are.
        #expect(Serializer.html(.text(#"say "hi" and 'bye'"#)) == #"say "hi" and 'bye'"#)
        // Text that looks like an entity is escaped, so it reads back as the characters written.
        #expect(Serializer.html(.text("&amp; &#60; &lt;")) == "&amp;amp; &amp;#60; &amp;lt;")
    }

    @Test func attributeValuesEscapeBothQuotes() {
        #expect(Serializer.html(.el("span", [attr("title", #"<"'&>"#)])) == #"<span title="&lt;&quot;&#39;&amp;&gt;"></span>"#)
        #expect(Serializer.escaped(#"a"b'c"#) == "a&quot;b&#39;c")
    }

    @Test func textAndAttributesWithoutSpecialCharactersAreWrittenAsGiven() {
        let value = "M0 0L10.5 20.25 héllo 🙂 \u{FF21}"
        #expect(Serializer.html(.el("path", [attr("d", value)], text: value)) == "<path d=\"\(value)\">\(value)</path>")
    }

    @Test func attributesKeepTheirOrderAndABareAttributeHasNoValue() {
        let node = Node.el("input", [attr("type", "checkbox"), "checked", attr("id", "x"), Attribute("disabled", nil)])
        #expect(Serializer.html(node) == #"<input type="checkbox" checked id="x" disabled>"#)
        #expect(Serializer.xml(node) == #"<input type="checkbox" checked id="x" disabled/>"#)
    }

    @Test func anEmptyAttributeValueIsWrittenAsEmptyQuotes() {
        #expect(Serializer.html(.el("a", [attr("href", "")], text: "x")) == #"<a href="">x</a>"#)
    }

    @Test func classHelperWritesAClassAttribute() {
        #expect(Serializer.html(.el("div", [cls("rs-run a")])) == #"<div class="rs-run a"></div>"#)
    }

    @Test(arguments: ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])
    func voidElementsHaveNoEndTagInHTML(name: String) {
        #expect(Serializer.html(.el(name, [attr("title", "t")])) == "<\(name) title=\"t\">")
        #expect(Serializer.xml(.el(name, [attr("title", "t")])) == "<\(name) title=\"t\"/>")
    }

    @Test(arguments: ["div", "p", "span", "script", "style", "textarea", "title", "td"])
    func emptyNonVoidElementsHaveAnEndTagInHTML(name: String) {
        #expect(Serializer.html(.el(name)) == "<\(name)></\(name)>")
        #expect(Serializer.xml(.el(name)) == "<\(name)/>")
    }

    @Test func svgChildrenAreWrittenAsXMLInsideHTML() {
        let svg = Node.el("svg", [attr("viewBox", "0 0 10 10")], [
            .el("g", [cls("rs-series")], [.el("path", [attr("d", "M0 0L1 1")]), .el("circle")]),
            .el("text", [attr("x", "1")], text: "a<b"),
        ])
        let page = Node.el("div", [], [svg, .el("p")])
        #expect(Serializer.html(page) == #"<div><svg viewBox="0 0 10 10"><g class="rs-series"><path d="M0 0L1 1"/><circle/></g>"#
            + #"<text x="1">a&lt;b</text></svg><p></p></div>"#)
        // An empty svg closes itself too; outside it, HTML rules hold again.
        #expect(Serializer.html(.fragment([.el("svg"), .el("div")])) == "<svg/><div></div>")
    }

    @Test func htmlNamesInsideSVGAreNotVoid() {
        // Inside SVG an element named like an HTML void element is an ordinary XML element.
        let svg = Node.el("svg", [], [.el("image", [attr("href", "a.png")]), .el("link", [], [.text("x")])])
        #expect(Serializer.html(svg) == #"<svg><image href="a.png"/><link>x</link></svg>"#)
    }

    @Test func xmlSelfClosesEveryEmptyElement() {
        let tree = Node.el("svg", [attr("xmlns", "http://www.w3.org/2000/svg")], [.el("g", [], [.el("rect"), .el("title", text: "")])])
        #expect(Serializer.xml(tree) == #"<svg xmlns="http://www.w3.org/2000/svg"><g><rect/><title></title></g></svg>"#)
    }

    @Test func rawIsWrittenVerbatimAndTextNever() {
        let markup = "<em>trusted</em> &amp;"
        #expect(Serializer.html(.el("p", [], [.raw(markup)])) == "<p><em>trusted</em> &amp;</p>")
        #expect(Serializer.html(.el("p", [], [.text(markup)])) == "<p>&lt;em&gt;trusted&lt;/em&gt; &amp;amp;</p>")
    }

    @Test func fragmentsAndEmptyWriteTheirChildrenWithoutAWrapper() {
        #expect(Serializer.html(.fragment([.text("a"), .el("b", text: "c"), .fragment([.text("<")])])) == "a<b>c</b>&lt;")
        #expect(Serializer.html(.empty).isEmpty)
        #expect(Serializer.html(.el("p", [], [.empty, .empty])) == "<p></p>")
    }

    @Test func scriptAndStyleTextIsEscapedLikeAnyOtherText() {
        // There is no raw-text mode: data inside a script or style element cannot end it early.
        let hostile = "</script><img src=x onerror=alert(1)>"
        #expect(Serializer.html(.el("script", text: hostile)) == "<script>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</script>")
        #expect(Serializer.html(.el("style", text: "</style><b>")) == "<style>&lt;/style&gt;&lt;b&gt;</style>")
    }

    @Test func writeAppendsToWhatIsAlreadyThere() {
        var out = "<!doctype html>"
        Serializer.write(.el("p", text: "&"), into: &out, xml: false)
        Serializer.escapeText("<", into: &out)
        Serializer.escapeAttribute("'", into: &out)
        #expect(out == "<!doctype html><p>&amp;</p>&lt;&#39;")
    }

    @Test func nodeBuildersMakeTheTreeTheyName() {
        #expect(Node.el("p", text: "x") == .element("p", [], [.text("x")]))
        #expect(Node.el("p") == .element("p", [], []))
        #expect(Node.empty == .fragment([]))
        #expect(attr("a", "b") == Attribute("a", "b"))
        #expect(("hidden" as Attribute) == Attribute("hidden", nil))
        #expect(cls("c") == Attribute("class", "c"))
    }

    @Test func longEscapedTextMatchesCharacterByCharacterEscaping() {
        // The byte scan that decides whether to escape must agree with escaping every character,
        // whatever position the special character holds in a long string.
        let filler = String(repeating: "0123456789 ", count: 500)
        for special in ["<", ">", "&", "\"", "'", "\u{1}", "\u{FFFE}"] {
            for position in [0, 1, 2_750, filler.count] {
                var text = filler
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                let sameText = Serializer.html(.text(text)) == Self.slowText(text)
                let sameValue = Serializer.escaped(text) == Self.slowAttribute(text)
                #expect(sameText, "text with \(special.debugDescription) at \(position)")
                #expect(sameValue, "attribute with \(special.debugDescription) at \(position)")
            }
        }
    }

    /// Escaping written out character by character, as the rules say it.
    static func slowText(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            default: allowedInXML(scalar) ? String(scalar) : "\u{FFFD}"
            }
        }.joined()
    }

    static func slowAttribute(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": "&quot;"
            case "'": "&#39;"
            default: slowText(String(scalar))
            }
        }.joined()
    }

    static func allowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 ? (v == 0x9 || v == 0xA || v == 0xD) : (v != 0xFFFE && v != 0xFFFF)
    }
}
