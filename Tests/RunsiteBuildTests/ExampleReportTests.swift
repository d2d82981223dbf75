import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteSite
import Testing

@Suite struct ExampleReportTests {
    @Test func exampleReportBuildsWithoutWarnings() throws {
        let examples = TestSite.packageRoot.appendingPathComponent("examples")
        let path = examples.appendingPathComponent("report.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (site, log) = try TestSite.build([examples.appendingPathComponent("demo")]) {
            $0.siteOptions.pages = [.init(file: path, slug: "report", text: text)]
        }
        let own = log.sorted.filter { $0.location?.file == path }
        #expect(own.isEmpty, "\(own.map(\.formatted))")
        let html = TestSite.text(site, "reports/report.html")
        #expect(!html.contains("rs-directive-error") && !html.contains("rs-role-error"))
        #expect(html.contains("<title>CIFAR sweep — results"))
    }
}
