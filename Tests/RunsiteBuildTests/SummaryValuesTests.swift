import Foundation
import Testing

/// Metrics logged as one value per run (summaries such as `best_val_acc`) are listed in a
/// "Summary values" table after the charts, not drawn as one-dot line charts.
@Suite struct SummaryValuesTests {
    static func project() throws -> URL {
        let root = TestSite.temporaryDirectory().appendingPathComponent("single")
        for (i, best) in ["0.91", "0.009999999776482582"].enumerated() {
            let run = root.appendingPathComponent("run-\(i)")
            try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
            try Data("{\"status\": \"finished\"}".utf8).write(to: run.appendingPathComponent("runsite.json"))
            let lines = (0..<5).map { "{\"step\": \($0), \"train/loss\": \(1.0 / Double($0 + 1 + i))}" }
                + ["{\"step\": 4, \"best_val_acc\": \(best), \"accuracy\": 0.5}"]
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
        }
        return root
    }

    static func figures(_ page: String) -> [String] {
        page.matches(of: #/<figure class="rs-figure rs-chart" id="([^"]+)"/#).map { String($0.1) }
    }

    @Test func singleValuesAreListedAfterTheCharts() throws {
        let (site, _) = try TestSite.build([try Self.project()])
        let project = TestSite.text(site, "single/index.html")
        #expect(Self.figures(project) == ["chart-train-loss"], "\(Self.figures(project))")
        let block = try #require(project.range(of: "<section class=\"rs-summary-block\">"))
        let charts = try #require(project.range(of: "id=\"chart-train-loss\""))
        #expect(charts.lowerBound < block.lowerBound, "training curves come first")
        let summary = String(project[block.lowerBound...]).components(separatedBy: "</section>")[0]
        #expect(summary.contains("<h3>Summary values</h3>"))
        #expect(summary.contains(">accuracy</th>") && summary.contains(">best_val_acc</th>"))
        #expect(summary.contains(">run-0</a>") && summary.contains(">run-1</a>"))
        #expect(summary.contains("title=\"0.009999999776482582\">0.01<"), "\(summary)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("single/figures/chart-best_val_acc.svg").path))

        let run = TestSite.text(site, "single/run-0/index.html")
        #expect(Self.figures(run) == ["chart-train-loss"], "\(Self.figures(run))")
        #expect(run.contains("<table class=\"rs-kv rs-summary-values\"><tbody><tr><th scope=\"row\">accuracy</th><td class=\"rs-num\">0.5</td></tr><tr><th scope=\"row\">best_val_acc</th><td class=\"rs-num\">0.91</td></tr>"), "\(run)")
    }

    @Test func onlySingleValuesGiveOnlyTheList() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("only")
        try TestSite.writeRun(in: root, 0, header: "step,test_acc", rows: ["0,0.8"])
        try TestSite.writeRun(in: root, 1, header: "step,test_acc", rows: ["0,0.7"])
        let (site, _) = try TestSite.build([root])
        let project = TestSite.text(site, "only/index.html")
        #expect(Self.figures(project).isEmpty)
        #expect(project.contains("<h3>Summary values</h3>") && !project.contains("rs-charts"))
    }
}
