import Foundation
import Testing

/// Two different artifacts never share one link, and each link serves its own bytes.
@Suite struct ArtifactLinkTests {
    @Test func artifactsWhoseNamesCollideKeepTheirOwnBytes() throws {
        let input = TestSite.temporaryDirectory()
        let run = input.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("artifacts/ckpt"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        let contents = ["Model.pt": "upper", "model.pt": "lower", "report.html": "<p>html</p>", "report.html.txt": "text",
                        "ckpt/1.pt": "one"]
        for (name, text) in contents { try Data(text.utf8).write(to: run.appendingPathComponent("artifacts/" + name)) }
        let (site, _) = try TestSite.build([input])
        let files = TestSite.contents(of: site)
        let page = try #require(files.keys.first { $0.hasSuffix("/r/index.html") })
        let folder = String(page.dropLast("index.html".count))
        let links = HTMLTag.scan(TestSite.text(site, page)).filter { $0.name == "a" }.compactMap { tag -> (String, String)? in
            guard let href = tag.attribute("href"), let range = href.range(of: "/r/files/") else { return nil }
            return (String(href[range.upperBound...]).removingPercentEncoding!, href)
        }
        #expect(links.count == contents.count)
        #expect(Set(links.map { $0.0.lowercased() }).count == contents.count, "one link per artifact, even on a case-insensitive disk")
        let served = Set(links.compactMap { files[folder + "files/" + $0.0].map { String(decoding: $0, as: UTF8.self) } })
        #expect(served == Set(contents.values), "every artifact's bytes are in the site")
    }
}
