import Foundation
import Testing

/// On a phone a line chart fills the screen's width with readable text and the runs are cards
/// (the table one tap away); printed, the experiment table fits the page's width.
@Suite struct SmallScreenAndPrintTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func chartsFillAPhoneWithReadableText() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let script = """
        var out = [];
        document.querySelectorAll("svg.rs-line-chart").forEach(function (svg) {
          var figure = svg.closest("figure"), style = getComputedStyle(figure);
          var inner = figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, smallest = 99;
          svg.querySelectorAll("text").forEach(function (t) {
            if (!t.getClientRects().length) return;   // not shown (replaced labels, the legend moved below)
            smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
          });
          var legend = svg.nextElementSibling;
          out.push([Math.round(svg.getBoundingClientRect().width), Math.round(inner), figure.scrollWidth <= figure.clientWidth + 1,
                    Math.round(smallest * 10) / 10, legend && legend.classList.contains("rs-narrow-legend") ? legend.children.length : 0,
                    svg.querySelectorAll("path.rs-live-line").length]);
        });
        return [out, document.documentElement.scrollWidth <= window.innerWidth + 1];
        """
        let (results, console) = try Browser.run(page, width: 390, height: 800, [script])
        let r = try #require(results.first as? [Any])
        let charts = try #require(r[0] as? [[Any]])
        #expect(charts.count >= 4)
        for c in charts {
            let width = c[0] as? Int ?? 0, inner = c[1] as? Int ?? 0
            #expect(abs(width - inner) <= 1, "the chart fills its box's width: \(c)")
            #expect(c[2] as? Bool == true, "no sideways scroll in the figure: \(c)")
            #expect(((c[3] as? Double) ?? Double(c[3] as? Int ?? 0)) >= 11, "text at 11 CSS px or more: \(c)")
            #expect((c[4] as? Int ?? 0) > 0 && (c[5] as? Int ?? 0) > 0, "the legend as a list under it, the lines drawn again: \(c)")
        }
        #expect(r[1] as? Bool == true, "the page itself does not scroll sideways: \(r)")
        #expect(console.isEmpty, "\(console)")
    }

    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func aPhoneShowsCardsAndTheTableIsOneTapAway() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let cards = """
        var box = document.querySelector(".rs-table"), list = box.querySelector("ol.rs-cards");
        var first = list.querySelector("li.rs-card");
        var fields = Array.prototype.map.call(first.querySelectorAll("dt"), function (dt) { return dt.textContent; });
        var shown = [box.classList.contains("rs-cards-on"), list.children.length, box.querySelectorAll("tbody tr").length,
                     first.querySelector("a[href]").textContent, fields.join("|"), getComputedStyle(box.querySelector(".rs-table-wrap")).display,
                     document.documentElement.scrollWidth <= window.innerWidth + 1];
        // Filtering and sorting reach the cards too.
        var search = box.querySelector("input[type=search]");
        search.value = "adam"; search.dispatchEvent(new Event("input"));
        shown.push(list.children.length);
        var sort = box.querySelector("select.rs-card-sort");
        sort.value = Array.prototype.filter.call(sort.options, function (o) { return /^val.loss · last ↑$/.test(o.textContent); })[0].value;
        sort.dispatchEvent(new Event("change"));
        shown.push(list.querySelector("li.rs-card a[href]").textContent);
        Array.prototype.filter.call(box.querySelectorAll(".rs-view-switch button"), function (b) { return b.textContent === "Table"; })[0].click();
        shown.push(box.classList.contains("rs-cards-on"), getComputedStyle(box.querySelector(".rs-table-wrap")).display, list.children.length);
        return shown;
        """
        let stored = "var t = document.querySelector('table.rs-runs'); return localStorage.getItem('runsite-cards:' + location.pathname + ':' + t.id);"
        let (results, console) = try Browser.run(page, width: 390, height: 800, [cards, stored])
        let r = try #require(results.first as? [Any])
        #expect(r[0] as? Bool == true, "cards by default on a phone: \(r)")
        #expect((r[1] as? Int ?? 0) == (r[2] as? Int ?? -1) && (r[1] as? Int ?? 0) > 0, "one card per row: \(r)")
        #expect((r[4] as? String ?? "").contains("Status") && (r[4] as? String ?? "").contains("val/loss"), "the chosen columns: \(r)")
        #expect(r[5] as? String == "none" && r[6] as? Bool == true, "\(r)")
        #expect((r[7] as? Int ?? 0) > 0 && (r[7] as? Int ?? 0) < (r[1] as? Int ?? 0), "the filter: \(r)")
        #expect(r[9] as? Bool == false && r[10] as? String == "block" && r[11] as? Int == 0, "the table again: \(r)")
        // The choice is kept for the page's next visit.
        #expect(results[1] as? String == "false", "\(results)")
        #expect(console.isEmpty, "\(console)")
    }

    @Test func printedTablesFitThePage() throws {
        let css = StylesheetTests.css
        // The print block that restyles the page (a one-line `@media print` hides the chart controls).
        let start = try #require(css.range(of: "@media print {\n"))
        let block = css[start.upperBound...].prefix { $0 != "@" }
        #expect(block.contains("table.rs-runs { width: 100%"), "the table takes the page's width")
        #expect(block.contains("white-space: normal"), "headers and cells wrap")
    }
}
