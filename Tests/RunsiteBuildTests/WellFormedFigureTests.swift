import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Names with characters XML forbids still give standalone SVG figures that parse as XML.
@Suite struct WellFormedFigureTests {
    @Test func figuresOfHostileNamesAreWellFormedXML() throws {
        let input = TestSite.temporaryDirectory()
        let hostile = #"a\u0000b\u0001c\u001fd\ufffee\uffff<&>\"'"#
        for i in 0..<2 {
            let run = try TestSite.writeRun(in: input.appendingPathComponent("p"), i, meta: "\"name\": \"\(hostile)\(i)\"",
                                            header: "step,loss\u{1}x", rows: ["0,1", "1,0.5"])
            try FileManager.default.createDirectory(at: run.appendingPathComponent("confusion"), withIntermediateDirectories: true)
            try Data("{\"labels\": [\"\(hostile)\", \"b\"], \"matrix\": [[1, 2], [3, 4]]}".utf8)
                .write(to: run.appendingPathComponent("confusion/val.json"))
        }
        let (site, _) = try TestSite.build([input])
        let figures = TestSite.contents(of: site).filter { $0.key.hasSuffix(".svg") }
        #expect(figures.values.contains { String(decoding: $0, as: UTF8.self).contains("a\u{FFFD}b\u{FFFD}c") }, "the names are in the figures")
        for (path, data) in figures {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }
}
