import Foundation
import Testing
@testable import RunsiteSite

/// A table longer than `RunsTable.rowLimit` puts its other rows in a script beside the page; in a
/// browser the filter and sorting then cover every run (Chromium, when installed).
@Suite struct TableScriptTests {
    static func longProject(_ count: Int) throws -> URL {
        let root = TestSite.temporaryDirectory().appendingPathComponent("long")
        for i in 0..<count {
            let run = root.appendingPathComponent(String(format: "run-%04d", i))
            try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
            try Data("{\"status\": \"finished\"}".utf8).write(to: run.appendingPathComponent("runsite.json"))
            try Data("step,loss\n0,\(1.0 / Double(i + 1))\n".utf8).write(to: run.appendingPathComponent("metrics.csv"))
        }
        return root
    }

    @Test func rowsPastTheLimitAreWrittenBesideThePage() throws {
        let count = RunsTable.rowLimit + 40
        let (site, _) = try TestSite.build([try Self.longProject(count)])
        let page = TestSite.text(site, "long/index.html")
        #expect(page.components(separatedBy: "<tr data-status").count - 1 == RunsTable.rowLimit)
        let script = try #require(page.range(of: #"data-more="tables/[^"]+-rows\.js""#, options: .regularExpression)
            .map { String(page[$0].dropFirst("data-more=\"".count).dropLast()) })
        let rows = TestSite.text(site, "long/" + script)
        #expect(rows.components(separatedBy: "<tr data-status").count - 1 == 40)
        #expect(rows.contains("run-\(String(format: "%04d", count - 1))") && !rows.contains(">run-0000<"))
    }

    @Test(.enabled(if: ChartScriptTests.chromium != nil, "Chromium is not installed"))
    func filterFindsARunPastTheFirstRowsInChromium() throws {
        let browser = try #require(ChartScriptTests.chromium)
        let count = RunsTable.rowLimit + 40
        let (site, _) = try TestSite.build([try Self.longProject(count)])
        let page = site.appendingPathComponent("long/probe.html")
        // The probe is a file beside the page: the page's Content-Security-Policy blocks inline script.
        let probe = """
        window.addEventListener("load", function () {
          var search = document.querySelector(".rs-tools input[type=search]");
          search.value = "run-0330";
          search.dispatchEvent(new Event("input"));
          setTimeout(function () {
            var body = document.querySelector("table.rs-runs tbody");
            var out = document.createElement("pre");
            out.id = "probe";
            out.textContent = "rows:" + body.rows.length + "|first:" + (body.rows[0] ? body.rows[0].cells[0].textContent.trim() : "") +
              "|count:" + document.querySelector(".rs-count").textContent;
            document.body.appendChild(out);
          }, 500);
        });
        """
        try Data(probe.utf8).write(to: site.appendingPathComponent("long/probe.js"))
        try Data((TestSite.text(site, "long/index.html") + "<script src=\"probe.js\"></script>").utf8).write(to: page)
        let result = try ChartScriptTests.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                                                        "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                                                        page.absoluteString])
        let line = result.out.split(separator: "\n").first { $0.contains("id=\"probe\"") }.map(String.init) ?? ""
        #expect(line.contains("rows:1|first:run-0330"), "\(line)")
        #expect(line.contains("count:Showing 1 of \(count) runs"), "\(line)")
        let console = result.err.split(separator: "\n").filter { $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(console)")
    }
}
