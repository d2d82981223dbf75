import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteSite
import RunsiteTestSupport
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

    /// A template's path depends on where runsite is installed and on the current folder; the
    /// page must not (the table id once hashed the path, so two checkouts built different sites).
    @Test func tableIdsDoNotDependOnWhereTheTemplateLives() throws {
        let input = try ReportFixture.make()
        let text = "```{runs-table}\n```\n"
        func html(_ file: String) throws -> String {
            let (site, _) = try TestSite.build([input]) { request in
                request.siteOptions.pages = [UserPage(file: file, slug: "report", text: text)]
            }
            return TestSite.text(site, "reports/report.html")
        }
        let here = try html("report.md"), there = try html("/elsewhere/checkout/reports/report.md")
        #expect(here.contains("data-table=\"runs-"))
        #expect(here == there)
    }

    @Test func groupByShowsMeanAndStd() throws {
        let (_, html, warnings) = try build("```{runs-table}\n:group-by: optimizer.name\n:columns: metric:val/loss:min\n:diff-only: true\n```\n")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(html.contains("rs-grouped"))
        #expect(html.contains("0.450 ± 0.071"))
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
        let text = MarkedText("```{runs-table}\n:runs: 1️⃣name:zzz*\n```\n")
        let (_, html, warnings) = try build(text.text)
        #expect(warnings.map(\.id) == ["report.no-match"])
        #expect(warnings.first?.location?.isAt(text["1️⃣"]) == true, "\(warnings.map(\.formatted))")
        #expect(html.contains("rs-directive-error"))
    }

    @Test func badFrontMatterSelectorIsPlacedAndSelectsNothing() throws {
        let (_, html, warnings) = try build("---\ntitle: x\nruns: tag:sweep and param:optimizer.l<1\n---\n\n```{runs-table}\n```\n")
        #expect(warnings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.id)" } == ["3:27 report.unknown-param"])
        #expect(html.contains("rs-directive-error"))
        #expect(html.contains("No runs."))
    }

    @Test func defaultTableIsUnchangedByTheNewOptions() throws {
        let (_, html, warnings) = try build("```{runs-table}\n```\n")
        #expect(warnings.isEmpty)
        #expect(html.contains("rs-allcols"), "hidden columns stay reachable")
        #expect(html.contains("data-rows=\"4\""))
    }

    @Test func roleErrorsPointInsideDoubleBacktickSpans() throws {
        let (_, _, warnings) = try build("x {metric}`` best by val/loss:min -> test/ac `` y\n")
        #expect(warnings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.id)" } == ["1:38 role.unknown-metric"])
    }
}
