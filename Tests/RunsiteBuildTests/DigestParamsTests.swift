import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteModel
import Testing

/// A digest is untrusted: params whose keys and values disagree are refused with a warning, and
/// never reach a page that lists them (found by the digest fuzz target).
@Suite struct DigestParamsTests {
    @Test(arguments: [#""keys":["lr","momentum"]"#, #""keys":["lr","lr"]"#, #""keys":[]"#])
    func paramKeysThatDisagreeWithTheValuesAreAWarning(keys: String) throws {
        var run = Run(id: "r", source: "runsite", project: "p", name: "r", directory: "/r")
        run.params["lr"] = .double(0.1)
        let text = String(decoding: try RunDigest(project: Project(name: "p", runs: [run]), run: run).encoded(), as: UTF8.self)
        try #require(text.contains(#""keys":["lr"]"#))
        let folder = TestSite.temporaryDirectory()
        try Data(text.replacingOccurrences(of: #""keys":["lr"]"#, with: keys).utf8).write(to: folder.appendingPathComponent("r.json"))

        let log = DiagnosticLog()
        let projects = DigestStore.read([folder], log: log)
        for run in projects.flatMap(\.runs) { _ = run.params.sorted }
        #expect(projects.isEmpty)
        #expect(log.sorted.map(\.id) == ["digest.malformed"])
    }
}
