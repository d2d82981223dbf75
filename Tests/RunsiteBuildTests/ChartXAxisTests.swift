import Foundation
import Testing

/// The x-axis switch under a chart of steps: relative time and wall time, from the times the runs
/// logged, kept in the page's URL; without times (a CSV of steps only) there is no switch.
@Suite struct ChartXAxisTests {
    static let xLabels = """
    function xLabels(svg) {
      return Array.prototype.filter.call(svg.querySelectorAll("text.rs-tick-label[text-anchor='middle']"), function (t) {
        return !t.classList.contains("rs-replaced") && getComputedStyle(t).display !== "none";
      }).map(function (t) { return t.textContent; });
    }
    var svg = document.querySelector("svg.rs-line-chart"), select = svg.nextElementSibling.querySelector("select.rs-x-axis");
    """

    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func relativeTimeAndBack() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let act = Self.xLabels + """
        var built = xLabels(svg), title = svg.querySelector("text.rs-axis-title:not([transform])").textContent;
        select.value = "relative"; select.dispatchEvent(new Event("change"));
        var relative = xLabels(svg), relativeTitle = svg.querySelector("text.rs-axis-title:not([transform])").textContent;
        var others = Array.prototype.map.call(document.querySelectorAll("select.rs-x-axis"), function (s) { return s.value; });
        var href = location.href;
        select.value = "wall"; select.dispatchEvent(new Event("change"));
        var wall = xLabels(svg);
        select.value = "step"; select.dispatchEvent(new Event("change"));
        return [built, title, relative, relativeTitle, others, wall, xLabels(svg), href, location.href];
        """
        let (results, console) = try Browser.run(page, [act])
        let r = try #require(results.first as? [Any])
        let built = r[0] as? [String] ?? [], relative = r[2] as? [String] ?? [], wall = r[5] as? [String] ?? []
        #expect(built.count >= 3 && built.allSatisfy { Double($0.replacingOccurrences(of: ",", with: "")) != nil }, "steps: \(built)")
        #expect(r[1] as? String == "step")
        #expect(relative.count >= 3 && relative.first == "0" && relative.dropFirst().allSatisfy { $0.hasSuffix(" min") || $0.hasSuffix(" h") || $0.hasSuffix(" s") },
                "durations: \(relative)")
        #expect(r[3] as? String == "relative time")
        #expect((r[4] as? [String] ?? []).allSatisfy { $0 == "relative" }, "every chart of the page follows: \(r[4])")
        #expect(wall.count >= 3 && wall.allSatisfy { $0.range(of: #"^(\d\d-\d\d )?\d\d:\d\d(:\d\d)?$"#, options: .regularExpression) != nil }, "UTC clock times: \(wall)")
        #expect(r[6] as? [String] == built, "back to steps, as built: \(r[6] as? [String] ?? [])")
        let href = try #require(r[7] as? String)
        #expect(href.contains("x=relative"), "\(href)")
        #expect(!(r[8] as? String ?? "").contains("x="), "steps need no key")

        // The link opens the page with relative time again.
        let reopened = Self.xLabels + "return [select.value, xLabels(svg)];"
        let (again, _) = try Browser.run(try #require(URL(string: href)), [reopened])
        let a = try #require(again.first as? [Any])
        #expect(a[0] as? String == "relative" && a[1] as? [String] == relative, "\(a)")
        #expect(console.isEmpty, "\(console)")
    }

    @Test func stepsWithoutTimesOfferNoSwitch() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("p")
        for i in 0..<2 { try TestSite.writeRun(in: root, i, header: "step,loss", rows: ["0,1", "1,0.5", "2,0.25"]) }
        let timed = TestSite.temporaryDirectory().appendingPathComponent("q")
        for i in 0..<2 { try TestSite.writeRun(in: timed, i, header: "step,time,loss", rows: ["0,1700000000.25,1", "1,1700000001.75,0.5", "2,,0.25"]) }
        let (site, _) = try TestSite.build([root, timed])
        #expect(!TestSite.text(site, "p/index.html").contains("data-times"))
        let page = TestSite.text(site, "q/index.html")
        // The first time exactly, then milliseconds after the previous point; the third logged none.
        #expect(page.contains(#"data-t0="1700000000.25" data-times="0 1500 ""#), "\(page.count)")
    }
}
