import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteSite
import RunsiteTestSupport
import Testing

@Suite struct ReportsFolderTests {
    @Test func reportsFolderAddsEveryMarkdownFileAsAPage() throws {
        let input = try ReportFixture.make()
        let folder = TestSite.temporaryDirectory("runsite-reports")
        try ReportFixture.write("---\ntitle: Ablation\n---\n\n```{runs-table}\n:runs: tag:baseline\n```\n", to: folder.appendingPathComponent("ablation.md"))
        try ReportFixture.write("# Summary\n", to: folder.appendingPathComponent("summary.md"))
        try ReportFixture.write("not a report", to: folder.appendingPathComponent("notes.txt"))
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let result = try CommandLineTests.run(["build", input.path, "--out", out.path, "--reports", folder.path, "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = TestSite.contents(of: out).keys.filter { $0.hasPrefix("reports/") && $0.hasSuffix(".html") }.sorted()
        #expect(files == ["reports/ablation.html", "reports/summary.html"])
        let index = TestSite.text(out, "index.html")
        #expect(index.contains(">Ablation</a>") && index.contains(">summary</a>"))
        #expect(TestSite.text(out, "reports/ablation.html").contains(">adam-1<"))
    }

    @Test func reportDiagnosticsArePrintedWithFileLineAndColumn() throws {
        let input = try ReportFixture.make()
        let text = MarkedText("# R\n\n```{runs-table}\n:runs: best by 1️⃣val/los:min\n```\n")
        let report = try ReportFixture.report(text.text, named: "results.md")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let result = try CommandLineTests.run(["build", input.path, "--out", out.path, "--report", report])
        #expect(result.status == 0)
        #expect(result.stderr.contains("results.md:\(text["1️⃣"]): warning: unknown metric 'val/los'; did you mean 'val/loss'? [report.unknown-metric]"), "\(result.stderr)")
        let strict = try CommandLineTests.run(["build", input.path, "--out", out.path, "--report", report, "--strict"])
        #expect(strict.status == 1)
    }
}
