import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteSite
import Testing

@Suite struct ReportsDocumentationTests {
    /// docs/reports.md is itself a report whose examples use `ReportFixture`'s names.
    @Test func reportsDocumentationBuildsWithoutWarnings() throws {
        let path = TestSite.packageRoot.appendingPathComponent("docs/reports.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (site, log) = try TestSite.build([try ReportFixture.make()]) {
            $0.siteOptions.pages = [.init(file: path, slug: "reports", text: text)]
        }
        #expect(log.sorted.isEmpty, "\(log.sorted.map(\.formatted))")
        let html = TestSite.text(site, "reports/reports.html")
        #expect(!html.contains("rs-directive-error") && !html.contains("rs-role-error"))
        let figures = html.components(separatedBy: "<svg").count - html.components(separatedBy: "<svg class=\"rs-swatch\"").count
        #expect(figures == 3, "one {chart}, one {charts} figure, one confusion matrix")
    }
}
