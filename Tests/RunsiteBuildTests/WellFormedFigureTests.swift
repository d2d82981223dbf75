import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Names with characters XML forbids still give standalone SVG figures that parse as XML.
@Suite struct WellFormedFigureTests {
    @Test func figuresOfHostileNamesAreWellFormedXML() throws {
        let hostile = #"a\u0000b\u0001c\u001fd\ufffee\uffff<&>\"'"#
        var tree: [String: String] = [:]
        for i in 0..<2 {
            tree["p/run-\(i)/runsite.json"] = "{\"status\": \"finished\", \"name\": \"\(hostile)\(i)\"}"
            tree["p/run-\(i)/metrics.csv"] = "step,loss\u{1}x\n0,1\n1,0.5\n"
            tree["p/run-\(i)/confusion/val.json"] = "{\"labels\": [\"\(hostile)\", \"b\"], \"matrix\": [[1, 2], [3, 4]]}"
        }
        let figures = try TreeSite(tree).files.filter { $0.key.hasSuffix(".svg") }
        #expect(figures.values.contains { String(decoding: $0, as: UTF8.self).contains("a\u{FFFD}b\u{FFFD}c") }, "the names are in the figures")
        for (path, data) in figures {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }
}
