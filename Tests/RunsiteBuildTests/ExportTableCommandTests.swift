import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteSite
import Testing

@Suite struct ExportTableCommandTests {
    @Test func exportTablePrintsLatexWithBooktabsAndMarks() throws {
        let input = try ReportFixture.make()
        let result = try CommandLineTests.run(["export", "table", input.path, "--runs", "tag:sweep", "--group-by", "optimizer.name",
                                               "--columns", "metric:val/loss:min, metric:test/acc:max", "--format", "latex", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\\toprule"))
        #expect(result.stdout.contains("optimizer.name & n & val/loss (min) & test/acc (max) \\\\"))
        #expect(result.stdout.contains("adam & 2 & \\textbf{0.450 $\\pm$ 0.071} & \\textbf{0.850 $\\pm$ 0.071} \\\\"), "\(result.stdout)")
    }

    @Test func exportTableStatsAndBaseline() throws {
        let input = try ReportFixture.make()
        let result = try CommandLineTests.run(["export", "table", input.path, "--group-by", "optimizer.name", "--columns", "metric:val/loss:min",
                                               "--stats", "median-iqr", "--baseline", "sgd", "--format", "csv", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("optimizer.name,n,val/loss (min),val/loss (min) q1,val/loss (min) q3,val/loss (min) p,val/loss (min)_text\n"), "\(result.stdout)")
        let bad = try CommandLineTests.run(["export", "table", input.path, "--group-by", "optimizer.name", "--stats", "mean-sd"])
        #expect(bad.status != 0 && bad.stderr.contains("unknown --stats 'mean-sd'"))
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
