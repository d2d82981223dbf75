import Foundation
import Testing
@testable import RunsiteSite

/// A table of 1,000 runs shows them a page at a time; every run is reachable by turning pages,
/// sorting and filtering, and the count above the table says which rows are shown.
@Suite struct TablePagingTests {
    /// Waits (polling) until `ready` is true in the page, then calls `done` with `result`.
    static func waiting(_ ready: String, _ act: String, _ result: String) -> String {
        """
        // async
        var box = document.querySelector(".rs-table"), count = box.querySelector(".rs-count");
        function names() { return Array.prototype.map.call(box.querySelectorAll("tbody tr"), function (r) { return r.cells[0].getAttribute("data-v"); }); }
        \(act)
        var tries = 0;
        (function poll() {
          if ((\(ready)) || ++tries > 200) { done(\(result)); return; }
          setTimeout(poll, 25);
        })();
        """
    }

    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func everyRunOfAThousandIsReachable() throws {
        let (site, _) = try TestSite.build([try TableScriptTests.longProject(1_000)])
        let page = site.appendingPathComponent("long/index.html")
        let start = """
        var box = document.querySelector(".rs-table"), count = box.querySelector(".rs-count"), pager = box.querySelector(".rs-pager");
        return [count.textContent, count.getAttribute("aria-live"), pager.hidden, pager.querySelector(".rs-page").textContent, box.querySelectorAll("tbody tr").length];
        """
        let last = Self.waiting("names().indexOf('run-0999') >= 0",
                                "box.querySelector(\".rs-pager button[aria-label='Last page']\").click();",
                                "[count.textContent, names().length, names()[names().length - 1], box.querySelector('.rs-page').textContent]")
        let sorted = Self.waiting("box.querySelector(\"th[aria-sort]\")",
                                  "box.querySelector(\"th[data-col='metric:loss:last']\").click();",
                                  "[count.textContent, names()[0], box.querySelector('.rs-page').textContent]")
        let filtered = Self.waiting("true", """
                                    var search = box.querySelector("input[type=search]");
                                    search.value = "loss < 0.002"; search.dispatchEvent(new Event("input"));
                                    """, "[count.textContent, names().length, box.querySelector('.rs-pager').hidden]")
        // Printing shows every matching row (the rows are loaded by now), then the page again.
        let printed = """
        var box = document.querySelector(".rs-table");
        window.dispatchEvent(new Event("beforeprint"));
        var during = box.querySelectorAll("tbody tr").length;
        window.dispatchEvent(new Event("afterprint"));
        return [during, box.querySelectorAll("tbody tr").length];
        """
        let (results, console) = try Browser.run(page, [start, last, sorted, filtered, printed])
        let r = results.map { $0 as? [Any] ?? [] }
        #expect(r[0][0] as? String == "Showing 1–300 of 1,000 runs", "\(r[0])")
        #expect(r[0][1] as? String == "polite" && r[0][2] as? Bool == false && r[0][3] as? String == "Page 1 of 4" && r[0][4] as? Int == 300, "\(r[0])")
        #expect(r[1][0] as? String == "Showing 901–1,000 of 1,000 runs" && r[1][1] as? Int == 100, "the last page: \(r[1])")
        #expect(r[1][2] as? String == "run-0999" && r[1][3] as? String == "Page 4 of 4", "\(r[1])")
        // loss is 1 / (i + 1): ascending, the last run (row 1,000 of the build's order) comes first.
        #expect(r[2][1] as? String == "run-0999" && r[2][2] as? String == "Page 1 of 4", "sorting starts again at the first page: \(r[2])")
        #expect(r[2][0] as? String == "Showing 1–300 of 1,000 runs", "\(r[2])")
        // loss < 0.002 holds for i ≥ 500: 500 runs, two pages.
        #expect(r[3][0] as? String == "Showing 1–300 of 500 runs (filtered from 1,000)" && r[3][1] as? Int == 300 && r[3][2] as? Bool == false, "\(r[3])")
        #expect(r[4][0] as? Int == 500 && r[4][1] as? Int == 300, "printed: every matching row, then the page: \(r[4])")
        #expect(console.isEmpty, "\(console)")

        // On a phone the runs are cards, 50 to a page.
        let cards = Self.waiting("box.querySelector('ol.rs-cards li:last-child a').textContent === 'run-0999'",
                                 "var before = [count.textContent, box.querySelectorAll('ol.rs-cards li').length];" +
                                 "box.querySelector(\".rs-pager button[aria-label='Last page']\").click();",
                                 "before.concat([count.textContent, box.querySelectorAll('ol.rs-cards li').length])")
        let (phone, phoneConsole) = try Browser.run(page, width: 390, height: 800, [cards])
        let p = try #require(phone.first as? [Any])
        #expect(p[0] as? String == "Showing 1–50 of 1,000 runs" && p[1] as? Int == 50, "\(p)")
        #expect(p[2] as? String == "Showing 951–1,000 of 1,000 runs" && p[3] as? Int == 50, "\(p)")
        #expect(phoneConsole.isEmpty, "\(phoneConsole)")
    }
}
