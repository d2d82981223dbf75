import Foundation
import RunsiteMarkup
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Table columns are typed, and `assets/runsite.js` sorts by the type: numeric params as numbers,
/// empty cells last and NaN just before them in both directions, ±Infinity as numbers, and runs
/// under other runs kept under their parent.
@Suite struct TableSortTests {
    /// Seven runs with a numeric param `optimizer.lr` (one run without params) and a metric
    /// `score` holding NaN, ±Infinity and one missing value; `r0` has a sub-run.
    static func project() throws -> URL {
        let root = TestSite.temporaryDirectory().appendingPathComponent("sorts")
        let runs: [(String, String?, String?)] = [
            ("r0", "0.01", "0.5"), ("r1", "0.001", "NaN"), ("r2", "0.1", "\"Infinity\""), ("r3", "0.003", "\"-Infinity\""),
            ("r4", "0.3", nil), ("r5", "0.0005", "2"), ("r6", nil, "1"),
        ]
        for (name, lr, score) in runs {
            let run = root.appendingPathComponent(name)
            try write(run, lr: lr, score: score, name: name)
        }
        try write(root.appendingPathComponent("r0/fold-1"), lr: "0.2", score: "7", name: "r0-fold")
        return root
    }

    static func write(_ run: URL, lr: String?, score: String?, name: String) throws {
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{\"status\": \"finished\", \"name\": \"\(name)\"}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        if let lr { try Data("{\"optimizer\": {\"lr\": \(lr)}, \"note\": \"x\"}".utf8).write(to: run.appendingPathComponent("params.json")) }
        let metric = score.map { "\"score\": \($0)" } ?? "\"other\": 1"
        try Data("{\"step\": 0, \(metric)}\n".utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
    }

    @Test func headersCarryTheirType() throws {
        let (site, _) = try TestSite.build([try Self.project()])
        let page = TestSite.text(site, "sorts/index.html")
        for (column, type) in [("param:optimizer.lr", "number"), ("param:note", "text"), ("metric:score:last", "number"),
                               ("run:start", "time"), ("run:duration", "number"), ("run:name", "text"), ("run:status", "text")] {
            #expect(page.contains("data-col=\"\(column)\" data-type=\"\(type)\""), "\(column)")
        }
    }

    @Test func paramTypesFollowEveryLoggedValue() {
        func type(_ values: [ParamValue?]) -> String {
            let rows = values.enumerated().map { i, value -> RunsTable.Row in
                var run = Run(id: RunID("r\(i)"), source: "mlflow", project: "p", name: "r\(i)", directory: "r\(i)")
                if let value { run.params["k"] = value }
                return RunsTable.Row(run: run, link: "r\(i)/", color: i)
            }
            let table = RunsTable(id: "t", rows: rows, columns: [.param("k")], visible: [.param("k")], options: SiteOptions())
            let html = Serializer.html(table.render().table)
            return html.firstMatch(of: #/data-type="([a-z]+)"/#).map { String($0.1) } ?? ""
        }
        #expect(type([.double(0.01), .int(3), nil, .null]) == "number")
        #expect(type([.string("0.01"), .string("1e-4"), .string("3")]) == "number", "MLflow logs numbers as text")
        #expect(type([.string("0x10"), .string("3")]) == "text")
        #expect(type([.bool(true), .string("False")]) == "bool")
        #expect(type([.double(1), .string("adam")]) == "text")
        #expect(type([nil, .null]) == "text")
    }

    @Test(.enabled(if: Browser.available, "Chromium, chromedriver or Python's selenium is not installed"))
    func sortsFollowTheTypeInChromium() throws {
        let (site, _) = try TestSite.build([try Self.project()])
        // The names down the table after clicking a header `clicks` times.
        func order(_ column: String, clicks: Int) -> String {
            """
            var th = document.querySelector('th[data-col="\(column)"]');
            for (var i = 0; i < \(clicks); i++) th.click();
            var index = Array.prototype.indexOf.call(th.parentNode.cells, th);
            return Array.prototype.map.call(document.querySelectorAll("table.rs-runs tbody tr"), function (r) {
              return r.querySelector("a").textContent + (r.classList.contains("rs-folded") ? "(folded)" : "") + "=" + r.cells[index].textContent.trim();
            }).join(" ");
            """
        }
        let (results, console) = try Browser.run(site.appendingPathComponent("sorts/index.html"), [
            "document.querySelector('button.rs-fold').click(); return document.querySelectorAll('tr.rs-child').length;",
            order("param:optimizer.lr", clicks: 1), order("param:optimizer.lr", clicks: 1),
            order("metric:score:last", clicks: 1), order("metric:score:last", clicks: 1),
        ])
        let lines = results.dropFirst().map { "\($0)" }
        #expect(results.first as? Int == 1, "the sub-run is shown under its parent")
        #expect(lines.count == 4)
        guard lines.count == 4 else { return }
        #expect(lines[0] == "r5=0.0005 r1=0.001 r3=0.003 r0=0.01 r0-fold=0.2 r2=0.1 r4=0.3 r6=", "\(lines[0])")
        #expect(lines[1] == "r4=0.3 r2=0.1 r0=0.01 r0-fold=0.2 r3=0.003 r1=0.001 r5=0.0005 r6=", "\(lines[1])")
        #expect(lines[2].hasPrefix("r3=-Infinity r0=0.5 r0-fold=7.0"), "\(lines[2])")
        #expect(lines[2].hasSuffix("r6=1.0 r5=2.0 r2=Infinity r1=NaN r4="), "\(lines[2])")
        #expect(lines[3].hasPrefix("r2=Infinity r5=2.0 r6=1.0 r0=0.5 r0-fold=7.0"), "\(lines[3])")
        #expect(lines[3].hasSuffix("r3=-Infinity r1=NaN r4="), "\(lines[3])")
        #expect(console.isEmpty, "\(console)")
    }
}
