import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteSite
import Testing

@Suite struct ReportTests {
    /// Builds the sweep fixture with one report; returns the site, the report's HTML and the warnings.
    static func build(_ text: String) throws -> (site: URL, html: String, warnings: [Diagnostic]) {
        let input = try ReportFixture.make()
        let path = try ReportFixture.report(text)
        let (site, log) = try TestSite.build([input]) { request in
            request.siteOptions.pages = [UserPage(file: path, slug: "report", text: text)]
        }
        return (site, TestSite.text(site, "reports/report.html"), log.sorted.filter { $0.severity != .note })
    }

    func build(_ text: String) throws -> (site: URL, html: String, warnings: [Diagnostic]) { try Self.build(text) }

    @Test func reportPageUsesFrontMatterAndIsListedOnTheOverview() throws {
        let (site, html, warnings) = try build("---\ntitle: Sweep results\nauthor: Ada\ndate: 2026-11-29\n---\n\n# Results\n")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(html.contains("<title>Sweep results"))
        #expect(html.contains("Ada · 2026-11-29"))
        let index = TestSite.text(site, "index.html")
        #expect(index.contains("href=\"reports/report.html\">Sweep results</a>"))
        #expect(index.contains("Ada, 2026-11-29"))
    }

    @Test func frontMatterRunsIsTheDefaultSelection() throws {
        let (_, html, warnings) = try build("---\nruns: param:optimizer.name=sgd\n---\n\n```{runs-table}\n```\n")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(html.contains(">sgd-1<") && html.contains(">sgd-2<"))
        #expect(!html.contains(">adam-1<"))
    }

    @Test func runsTableOptionsSelectSortMarkAndExport() throws {
        let (site, html, warnings) = try build("""
        ```{runs-table}
        :runs: tag:sweep and top 3 by test/acc:max
        :columns: run:name, param:optimizer.lr, metric:val/loss:min, metric:test/acc@best(val/loss:min)
        :sort: metric:val/loss:min
        :best:
        ```
        """)
        #expect(warnings.isEmpty, "\(warnings)")
        let order = ["adam-2", "adam-1", "sgd-2"].map { html.range(of: ">\($0)<")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "sorted by val/loss min")
        #expect(!html.contains(">sgd-1<"), "top 3 only")
        #expect(html.contains("rs-second"))
        #expect(html.contains("<span class=\"rs-step\"> @10</span>"))
        let files = TestSite.contents(of: site).keys.filter { $0.hasPrefix("reports/tables/") }.sorted()
        #expect(files.count == 3, "\(files)")
        let csv = TestSite.text(site, files.first { $0.hasSuffix(".csv") } ?? "")
        #expect(csv.hasPrefix("Run,optimizer.lr,val/loss (min),test/acc (at val/loss min),test/acc (at val/loss min) step\nadam-2,0.001,0.4,0.85,10\n"))
        #expect(html.contains("href=\"tables/runs-"))
    }

    @Test func groupByShowsMeanAndStd() throws {
        let (_, html, warnings) = try build("```{runs-table}\n:group-by: optimizer.name\n:columns: metric:val/loss:min\n:diff-only: true\n```\n")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(html.contains("rs-grouped"))
        #expect(html.contains("0.45 ± 0.0707107"))
    }

    @Test func errorsArePlacedAtTheirColumnWithSuggestions() throws {
        let (_, html, warnings) = try build("""
        # Errors

        ```{runs-table}
        :runs: tag:sweep and best by val/los:min
        ```

        ```{runs-table}
        :columns: run:name, metric:test/acc:mxa
        ```

        ```{runs-table}
        :sortt: run:name
        ```

        Best lr: {param}`best by val/loss:min -> optimizer.l`.

        ```{runs-tabel}
        ```
        """)
        let lines = warnings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.id) \($0.message)" }
        #expect(lines == [
            "4:30 report.unknown-metric unknown metric 'val/los'; did you mean 'val/loss'?",
            "8:37 report.unknown-aggregate unknown aggregate 'mxa' (use last, min, max, first, mean); did you mean 'max'?",
            "12:1 template.unknown-option unknown option ':sortt:' for {runs-table}; did you mean ':sort:'?",
            "15:42 role.unknown-param unknown param 'optimizer.l'; did you mean 'optimizer.lr'?",
            "17:1 template.unknown-directive unknown directive 'runs-tabel'; did you mean 'runs-table'?",
        ])
        #expect(html.components(separatedBy: "rs-directive-error").count - 1 == 3)
        #expect(html.contains("rs-role-error"))
    }

    @Test func rolesPickARunWithASelector() throws {
        let (_, html, warnings) = try build("""
        Best: {metric}`best by val/loss:min -> test/acc:last` with lr {param}`best by val/loss:min -> optimizer.lr`,
        at best: {metric}`best by val/loss:min -> test/acc@best(val/loss:min)`.
        """)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(html.contains("Best: <span class=\"rs-value\">0.9</span> with lr <span class=\"rs-value\">0.001</span>"))
        #expect(html.contains("<span class=\"rs-value\">0.85</span><span class=\"rs-step\"> (step 10)</span>"))
    }

    @Test func selectorMatchingNothingIsAWarningAndABox() throws {
        let (_, html, warnings) = try build("```{runs-table}\n:runs: name:zzz*\n```\n")
        #expect(warnings.map(\.id) == ["report.no-match"])
        #expect(warnings.first?.location?.column == 8)
        #expect(html.contains("rs-directive-error"))
    }
}

@Suite struct ExportTableCommandTests {
    @Test func exportTablePrintsLatexWithBooktabsAndMarks() throws {
        let input = try ReportFixture.make()
        let result = try CommandLineTests.run(["export", "table", input.path, "--runs", "tag:sweep", "--group-by", "optimizer.name",
                                               "--columns", "metric:val/loss:min, metric:test/acc:max", "--format", "latex", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\\toprule"))
        #expect(result.stdout.contains("optimizer.name & n & val/loss (min) & test/acc (max) \\\\"))
        #expect(result.stdout.contains("adam & 2 & \\textbf{0.45 $\\pm$ 0.0707107} & \\textbf{0.85 $\\pm$ 0.0707107} \\\\"))
    }

    @Test func exportTableMarkdownAndCSVAgreeWithTheSelector() throws {
        let input = try ReportFixture.make()
        let markdown = try CommandLineTests.run(["export", "table", input.path, "--runs", "top 2 by test/acc:max",
                                                 "--columns", "run:name, metric:test/acc:max", "--format", "markdown", "-q"])
        #expect(markdown.stdout == "| Run | test/acc (max) |\n|---|---:|\n| adam-2 | **0.9** |\n| adam-1 | <u>0.8</u> |\n")
        let csv = try CommandLineTests.run(["export", "table", input.path, "--columns", "run:name, param:seed", "--sort=-param:seed, run:name", "-q"])
        #expect(csv.stdout == "Run,seed\nadam-2,2\nsgd-2,2\nadam-1,1\nsgd-1,1\n")
    }

    @Test func exportTableReportsBadSpecsWithColumn() throws {
        let input = try ReportFixture.make()
        let result = try CommandLineTests.run(["export", "table", input.path, "--columns", "run:name, metric:val/los", "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--columns: column 18: unknown metric 'val/los'; did you mean 'val/loss'? [report.unknown-metric]"), "\(result.stderr)")
    }
}

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
}

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
        #expect(html.components(separatedBy: "<svg").count - 1 == 3, "one {chart}, one {charts} figure, one confusion matrix")
    }
}
