import Foundation
import Testing

/// `assets/runsite.js` parses, and (where Chromium is installed; CI installs it) hovering a chart
/// shows values and a legend click hides a series, with no console errors.
@Suite struct ChartScriptTests {
    static func tool(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in names where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") { return "\(directory)/\(name)" }
        }
        return nil
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: tool(["node", "nodejs"]) != nil, "Node.js is not installed"))
    func scriptParses() throws {
        let node = try #require(Self.tool(["node", "nodejs"]))
        let joined = TestSite.temporaryDirectory().appendingPathComponent("runsite.js")
        try Data(TestSite.script.utf8).write(to: joined)
        for script in TestSite.scriptModules.map(\.path) + [joined.path] {
            let result = try Self.run(node, ["--check", script])
            #expect(result.status == 0, "\(script): \(result.err)")
        }
    }

    static let chromium = tool(["chromium", "chromium-browser", "google-chrome"])

    @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
    func hoverShowsValuesAndLegendHidesSeriesInChromium() throws {
        let browser = try #require(Self.chromium)
        let (site, _) = try TestSite.build([TestSite.fixtures.appendingPathComponent("runsite/basic")])
        let page = site.appendingPathComponent("basic/probe.html")
        // The probe is a file beside the page: the page's Content-Security-Policy blocks inline script.
        let probe = """
        window.addEventListener("load", function () {
          var svg = document.querySelector("svg.rs-line-chart"), r = svg.getBoundingClientRect();
          var s = r.width / svg.viewBox.baseVal.width;
          var x = r.left + (parseFloat(svg.getAttribute("data-plot-left")) + 2) * s;
          var y = r.top + (parseFloat(svg.getAttribute("data-plot-top")) + 10) * s;
          svg.dispatchEvent(new PointerEvent("pointermove", { clientX: x, clientY: y, bubbles: true }));
          var tip = svg.parentNode.querySelector(".rs-chart-tooltip");
          var hovered = tip && !tip.hidden ? tip.textContent : "none";
          // The tooltip sits under the plot, so it covers none of the lines.
          var below = tip && tip.getBoundingClientRect().top >= r.bottom - 1;
          svg.querySelector("g.rs-legend-item").dispatchEvent(new MouseEvent("click", { bubbles: true }));
          svg.focus();
          svg.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
          var keyed = tip && !tip.hidden ? tip.textContent : "none";
          var out = document.createElement("pre");
          out.id = "probe";
          out.textContent = "tip:" + hovered +
            "|hidden:" + svg.querySelectorAll("g.rs-series.rs-hidden").length + "|key:" + keyed + "|below:" + below;
          document.body.appendChild(out);
        });
        """
        try Data(probe.utf8).write(to: site.appendingPathComponent("basic/probe.js"))
        try Data((TestSite.text(site, "basic/index.html") + "<script src=\"probe.js\"></script>").utf8).write(to: page)
        let result = try Self.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                                            "--window-size=1280,900", "--virtual-time-budget=3000", "--dump-dom", page.absoluteString])
        let line = result.out.split(separator: "\n").first { $0.contains("id=\"probe\"") }.map(String.init) ?? ""
        #expect(line.contains("tip:step 0"), "\(line)")
        #expect(line.contains("|hidden:1"), "\(line)")
        #expect(line.contains("|key:step 30"), "End key reads the last step: \(line)")
        #expect(line.contains("|below:true"), "the tooltip covers the plot: \(line)")
        let console = result.err.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(console)")
    }
}
