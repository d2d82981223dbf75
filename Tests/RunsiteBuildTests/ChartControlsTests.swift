import Foundation
import RunsiteCharts
import Testing

/// The controls under each chart: smoothing (the same EMA as the build's), log y, and zoom.
@Suite struct ChartControlsTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func smoothingLogAndZoomRedrawTheChart() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let values = [1.0, 3, 2, .nan, 5, 4.5]
        let ema = "return window.RUNSITE_EMA([1, 3, 2, NaN, 5, 4.5], 0.6).map(function (v) { return isNaN(v) ? null : v; });"
        let controls = """
        var svg = Array.prototype.filter.call(document.querySelectorAll("svg.rs-line-chart"), function (s) { return s.querySelector("title").textContent === "val/loss"; })[0];
        var bar = svg.nextElementSibling, slider = bar.querySelector("input.rs-smoothing"), log = bar.querySelector("input.rs-log-y");
        var built = [svg.getAttribute("data-x-min"), svg.getAttribute("data-x-max"), svg.getAttribute("data-y-scale")];
        slider.value = "0.6"; slider.dispatchEvent(new Event("input"));
        var smoothed = svg.querySelectorAll("path.rs-live-line").length;
        log.checked = true; log.dispatchEvent(new Event("change"));
        var scale = svg.getAttribute("data-y-scale");
        var rect = svg.getBoundingClientRect(), k = rect.width / svg.viewBox.baseVal.width;
        var left = parseFloat(svg.getAttribute("data-plot-left")), width = parseFloat(svg.getAttribute("data-plot-width"));
        var y = rect.top + (parseFloat(svg.getAttribute("data-plot-top")) + 40) * k;
        function fire(type, sx) { svg.dispatchEvent(new PointerEvent(type, { clientX: rect.left + sx * k, clientY: y, bubbles: true, button: 0 })); }
        fire("pointerdown", left + width * 0.25); fire("pointermove", left + width * 0.5); fire("pointerup", left + width * 0.5);
        var zoomed = [parseFloat(svg.getAttribute("data-x-min")), parseFloat(svg.getAttribute("data-x-max"))];
        svg.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
        bar.querySelector("button").click();
        return [smoothed, scale, zoomed[0], zoomed[1], built[0], built[1], svg.getAttribute("data-x-min"), svg.getAttribute("data-x-max"),
                svg.getAttribute("data-y-scale") === built[2], svg.querySelectorAll("path.rs-live-line").length];
        """
        let (results, console) = try Browser.run(page, [ema, controls])
        let jsEMA = (results[0] as? [Any] ?? []).map { ($0 as? Double) ?? ($0 as? Int).map(Double.init) ?? .nan }
        let swiftEMA = Smoothing.debiasedEMA(values, weight: 0.6)
        #expect(jsEMA.count == swiftEMA.count)
        // The same formula; V8's Math.pow and the C library's pow may round one ulp apart.
        for (a, b) in zip(jsEMA, swiftEMA) {
            #expect(abs(a - b) <= 1e-12 * abs(b) || (a.isNaN && b.isNaN), "the page's EMA is the build's: \(jsEMA) vs \(swiftEMA)")
        }
        let r = try #require(results[1] as? [Any])
        #expect((r[0] as? Int ?? 0) > 0, "smoothing draws the lines again: \(r)")
        #expect(r[1] as? String == "log", "log y: \(r)")
        let built0 = Double(r[4] as? String ?? "") ?? .nan, built1 = Double(r[5] as? String ?? "") ?? .nan
        let z0 = (r[2] as? Double) ?? Double(r[2] as? Int ?? -1), z1 = (r[3] as? Double) ?? Double(r[3] as? Int ?? -1)
        #expect(z0 > built0 && z1 < built1 && z1 - z0 < (built1 - built0) * 0.6, "the zoomed range is inside the built one: \(r)")
        #expect(r[6] as? String == r[4] as? String && r[7] as? String == r[5] as? String && r[8] as? Bool == true && r[9] as? Int == 0,
                "Reset restores the chart as built: \(r)")
        #expect(console.isEmpty, "\(console)")
    }

    /// A chart's smoothing is kept in the link: opening it smooths the same chart again.
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func smoothingIsKeptInTheLink() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let find = """
        var svg = Array.prototype.filter.call(document.querySelectorAll("svg.rs-line-chart"), function (s) { return s.querySelector("title").textContent === "val/loss"; })[0];
        var slider = svg.nextElementSibling.querySelector("input.rs-smoothing");
        """
        let set = find + """
        slider.value = "0.6"; slider.dispatchEvent(new Event("input")); slider.dispatchEvent(new Event("change"));
        return [location.href, svg.closest("figure").id];
        """
        let (first, console) = try Browser.run(page, [set])
        let state = try #require(first.first as? [Any])
        let href = try #require(state[0] as? String), id = try #require(state[1] as? String)
        #expect(href.contains("sm=" + id + "%3A0.60") || href.contains("sm=" + id + ":0.60"), "\(href)")
        let check = find + "return [slider.value, svg.querySelectorAll(\"path.rs-live-line\").length];"
        let (second, _) = try Browser.run(try #require(URL(string: href)), [check])
        let restored = try #require(second.first as? [Any])
        #expect(restored[0] as? String == "0.6", "\(restored)")
        #expect((restored[1] as? Int ?? 0) > 0, "the chart is drawn smoothed again: \(restored)")
        #expect(console.isEmpty, "\(console)")
    }
}
