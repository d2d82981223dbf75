import Foundation
@testable import RunsiteBuild
import RunsiteCore
import Testing

/// `build --diff-with PREVIOUS_SITE`: the overview's "What changed" section (`{changes}`).
@Suite struct ChangesSectionTests {
    @Test func theOverviewShowsWhatChangedSinceThePreviousSite() throws {
        let (old, new) = try DiffCommandTests.beforeAndAfter()
        let previous = try TestSite.build([old]).site
        let log = DiagnosticLog()
        let runs = try #require(SummarySources.previousSite(previous.path, log: log))
        let (site, _) = try TestSite.build([new]) { $0.siteOptions.previousRuns = runs }
        let index = TestSite.text(site, "index.html")
        #expect(index.contains("<h2 id=\"what-changed\">What changed</h2>"))
        #expect(index.contains("<td class=\"rs-num\">0.9</td><td class=\"rs-num\">0.91</td><td class=\"rs-num\">+0.01</td>"), "\(index)")
        #expect(index.contains("<strong>Removed: </strong>sgd-1"))
        // The hostile name of the new run is text, linked to its page.
        #expect(index.contains(">&lt;b&gt;*x*&lt;/b&gt; @all</a>"), "\(index)")
        #expect(!index.contains("<b>*x*"))
        // The same inputs give the same bytes.
        let (again, _) = try TestSite.build([new]) { $0.siteOptions.previousRuns = runs }
        #expect(TestSite.pages(of: site) == TestSite.pages(of: again))
    }

    @Test func withoutAPreviousSummaryTheSectionIsAbsent() throws {
        let (_, new) = try DiffCommandTests.beforeAndAfter()
        let (plain, _) = try TestSite.build([new])
        #expect(!TestSite.text(plain, "index.html").contains("What changed"))
        let log = DiagnosticLog()
        #expect(SummarySources.previousSite(TestSite.temporaryDirectory().appendingPathComponent("none").path, log: log) == nil)
        #expect(log.sorted.map(\.id) == ["diff.no-previous-summary"])
        let (same, _) = try TestSite.build([new]) { $0.siteOptions.previousRuns = [] }
        #expect(TestSite.text(same, "index.html").contains("What changed"))
        let unchanged = try TestSite.build([new]).site
        let runs = try #require(SummarySources.previousSite(unchanged.path, log: log))
        let (nothing, _) = try TestSite.build([new]) { $0.siteOptions.previousRuns = runs }
        #expect(TestSite.text(nothing, "index.html").contains("Nothing changed since the previous build."))
    }

    @Test func diffWithOnTheCommandLine() throws {
        let (old, new) = try DiffCommandTests.beforeAndAfter()
        let site = TestSite.temporaryDirectory().appendingPathComponent("site")
        let env = ["SOURCE_DATE_EPOCH": "1764400000"]
        // A first build: no previous site, a note and no section.
        let first = try CommandLineTests.run(["build", old.path, "--out", site.path, "--diff-with", site.path], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("note: no runs.json here; the overview shows no changes [diff.no-previous-summary]"), "\(first.stderr)")
        #expect(!TestSite.text(site, "index.html").contains("What changed"))
        // The next build compares with the site it replaces.
        let second = try CommandLineTests.run(["build", new.path, "--out", site.path, "--diff-with", site.path, "-q"], environment: env)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(TestSite.text(site, "index.html").contains("+0.01"))
    }
}
