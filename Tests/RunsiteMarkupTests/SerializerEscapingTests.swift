import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RunsiteMarkup
import Testing

/// The serializer is the one place where run data becomes markup: every special character is
/// escaped and every character XML forbids is replaced, in text and attribute values alike.
@Suite struct SerializerEscapingTests {
    @Test func escapesMarkupCharactersInText() {
        #expect(Serializer.html(.el("p", text: #"<b>&"x"'y'</b>"#)) == #"<p>&lt;b&gt;&amp;"x"'y'&lt;/b&gt;</p>"#)
    }

    @Test func escapesQuotesInAttributes() {
        #expect(Serializer.html(.el("a", [attr("title", #"a"b'c<d>&e"#)], text: "x"))
            == #"<a title="a&quot;b&#39;c&lt;d&gt;&amp;e">x</a>"#)
    }

    @Test func replacesControlCharactersInText() {
        let name = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g"
        #expect(Serializer.html(.text(name)) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g")
    }

    @Test func keepsTabNewlineAndCarriageReturn() {
        #expect(Serializer.html(.text("a\tb\nc\rd")) == "a\tb\nc\rd")
        #expect(Serializer.escaped("a\tb\nc") == "a\tb\nc")
    }

    @Test func replacesNoncharactersFFFEAndFFFF() {
        #expect(Serializer.html(.text("x\u{FFFE}y\u{FFFF}z")) == "x\u{FFFD}y\u{FFFD}z")
        #expect(Serializer.escaped("x\u{FFFE}\u{FFFF}") == "x\u{FFFD}\u{FFFD}")
    }

    @Test func keepsOtherCharactersOfTheSameLeadByte() {
        // U+FF21 (fullwidth A) and U+FFFD share the lead byte 0xEF with U+FFFE.
        #expect(Serializer.html(.text("\u{FF21}\u{FFFD}\u{F8FF}")) == "\u{FF21}\u{FFFD}\u{F8FF}")
    }

    @Test func replacesControlCharactersInAttributes() {
        #expect(Serializer.xml(.el("text", [attr("data-name", "a\u{0}b\u{1B}c")])) == "<text data-name=\"a\u{FFFD}b\u{FFFD}c\"/>")
    }

    @Test func hostileSVGParsesAsXML() throws {
        let hostile = "run\u{0}\u{1}\u{2}\u{1F}\u{FFFE}\u{FFFF}<script>&\"'"
        let svg = Node.el("svg", [attr("xmlns", "http://www.w3.org/2000/svg"), attr("aria-label", hostile)], [
            .el("title", text: hostile),
            .el("text", [attr("x", "1"), attr("data-run", hostile)], text: hostile),
        ])
        let data = Data(Serializer.xml(svg).utf8)
        let parser = XMLParser(data: data)
        let collector = TextCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.text == "run\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}<script>&\"'")
        #expect(collector.attributes["data-run"] == collector.text)
    }
}

/// The text of the `<text>` element and its attributes, as an XML parser reads them back.
private final class TextCollector: NSObject, XMLParserDelegate {
    var text = ""
    var attributes: [String: String] = [:]
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
        inText = elementName == "text"
        if inText { attributes = attributeDict }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        inText = false
    }
}
