import Foundation
import RunsiteTestSupport
import Testing

/// Golden files of the key pages; `UPDATE_GOLDEN=1 swift test` records them after a deliberate change.
@Suite struct GoldenPageTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    @Test(arguments: [
        ("index.html", "index.html"),
        ("basic/index.html", "project.html"),
        ("basic/runs/a/index.html", "run.html"),
        ("runs.json", "runs.json"),
    ])
    func pageMatchesGolden(path: String, golden: String) throws {
        let (site, _) = try TestSite.build([basic])
        let text = TestSite.text(site, path)
        #expect(!text.isEmpty)
        let mismatch = Golden.check(text, named: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
