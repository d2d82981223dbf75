import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteTestSupport
import Testing

/// Golden files of the key pages; `UPDATE_GOLDEN=1 swift test` records them after a deliberate change.
@Suite struct GoldenPageTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    @Test(arguments: [
        ("index.html", "index.html"),
        ("basic/index.html", "project.html"),
        ("basic/runs/a/index.html", "run.html"),
    ])
    func pageMatchesGolden(path: String, golden: String) throws {
        let (site, _) = try TestSite.build([basic])
        let text = TestSite.text(site, path)
        #expect(!text.isEmpty)
        let mismatch = Golden.check(text, named: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// `runs.json` publishes the readers' summaries unchanged; their content is checked against the
    /// golden in `RunsiteReaderTests`.
    @Test func runsJSONIsWhatTheReadersSummarised() throws {
        let (site, _) = try TestSite.build([basic])
        let projects = Discovery(readers: Readers.all).readProjects(in: [basic], log: DiagnosticLog())
        #expect(!projects.isEmpty)
        #expect(TestSite.text(site, "runs.json") == RunSummaryJSON.encode(projects.flatMap(\.runs)))
    }
}
