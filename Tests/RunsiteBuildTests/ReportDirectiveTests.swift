import Foundation
import RunsiteCore
import Testing

/// Charts, confusion matrices, params, images and artifacts with selector options in a report.
@Suite struct ReportDirectiveTests {
    @Test func chartsTakeRunsGroupByAndSize() throws {
        let (_, html, warnings) = try ReportTests.build("""
        ```{chart}
        :metrics: val/loss
        :runs: param:optimizer.name=sgd
        :size: small
        ```

        ```{charts}
        :metrics: test/acc
        :group-by: optimizer.name
        :size: 800x300
        ```
        """)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(html.contains("viewBox=\"0 0 400 "), "small chart")
        #expect(html.contains("sgd-1") && html.contains("sgd-2"))
        #expect(html.contains("adam (n=2)") && html.contains("sgd (n=2)"))
        #expect(html.contains("viewBox=\"0 0 800 "), "WxH chart")
    }

    @Test func badChartOptionsAreBoxes() throws {
        let (_, html, warnings) = try ReportTests.build("```{chart}\n:metrics: val/loss\n:size: huge\n```\n\n```{charts}\n:group-by: optimiser.name\n```\n")
        #expect(warnings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.id)" } == ["3:8 report.malformed-size", "7:12 report.unknown-param"])
        #expect(warnings.last?.message.contains("did you mean 'optimizer.name'?") == true)
        #expect(html.components(separatedBy: "rs-directive-error").count - 1 == 2)
    }

    @Test func confusionMatrixAndParamsResolveOneRun() throws {
        let (_, html, warnings) = try ReportTests.build("""
        ```{confusion-matrix}
        :run: best by val/loss:min
        :name: val
        :normalize: none
        ```

        ```{params}
        :run: name:sgd-2
        ```
        """)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(html.contains("adam-2 · val (step 20)"))
        #expect(html.contains("<code>0.05</code>"))
    }

    @Test func oneRunDirectivesRejectSeveralRuns() throws {
        let (_, _, warnings) = try ReportTests.build("```{confusion-matrix}\n:run: tag:sweep\n```\n\n```{params}\n```\n\n```{confusion-matrix}\n:run: name:adam-1\n:name: vall\n```\n")
        #expect(warnings.map(\.id) == ["report.ambiguous-run", "report.missing-run", "report.unknown-matrix"])
        #expect(warnings.last?.message == "adam-1 has no confusion matrix 'vall'; did you mean 'val'?")
    }

    @Test func artifactsAndImagesFilterByPattern() throws {
        let input = try ReportFixture.make()
        let run = input.appendingPathComponent("sweep/adam-1")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("artifacts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: run.appendingPathComponent("images"), withIntermediateDirectories: true)
        try ReportFixture.write("weights", to: run.appendingPathComponent("artifacts/model.pt"))
        try ReportFixture.write("{}", to: run.appendingPathComponent("artifacts/config.json"))
        try ReportFixture.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: run.appendingPathComponent("images/sample.svg"))
        let text = "```{artifacts}\n:run: name:adam-1\n:pattern: *.pt\n```\n\n```{images}\n:runs: tag:baseline\n:pattern: sample*\n```\n"
        let path = try ReportFixture.report(text)
        let (site, log) = try TestSite.build([input]) { $0.siteOptions.pages = [.init(file: path, slug: "report", text: text)] }
        let html = TestSite.text(site, "reports/report.html")
        #expect(log.sorted.filter { $0.severity == .warning }.isEmpty, "\(log.sorted)")
        #expect(html.contains(">model.pt<") && !html.contains("config.json"))
        #expect(html.contains("adam-1 · sample.svg"))
        for link in LinkScanner.links(in: html) where !link.hasPrefix("#") {
            let target = site.appendingPathComponent("reports").appendingPathComponent(link.removingPercentEncoding ?? link).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "broken link \(link)")
        }
    }
}
