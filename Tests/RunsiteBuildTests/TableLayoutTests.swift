import Foundation
import Testing

/// What the experiment table shows first, and what stays on screen while it scrolls (Chromium,
/// through selenium, when installed).
@Suite struct TableLayoutTests {
    static func demo() throws -> URL {
        let site = TestSite.temporaryDirectory().appendingPathComponent("site")
        let result = try CommandLineTests.run(["build", TestSite.packageRoot.appendingPathComponent("examples").path,
                                               "--out", site.path, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        return site
    }

    /// The visible header keys of the first table on a page, in order.
    static func visibleHeaders(_ html: String) -> [String] {
        let head = html.components(separatedBy: "<thead>").dropFirst().first?.components(separatedBy: "</thead>").first ?? ""
        return head.components(separatedBy: "<th ").dropFirst().compactMap { th in
            let tag = th.prefix(while: { $0 != ">" })
            guard !tag.contains("rs-opt"), let key = tag.firstMatch(of: #/data-col="([^"]*)"/#)?.1 else { return nil }
            return String(key)
        }
    }

    @Test func statusThenMetricsThenVaryingParams() throws {
        let site = try Self.demo()
        let headers = Self.visibleHeaders(TestSite.text(site, "demo/cifar-sweep/index.html"))
        #expect(Array(headers.prefix(3)) == ["run:name", "run:status", "metric:val/acc:last"], "\(headers)")
        let firstParam = try #require(headers.firstIndex { $0.hasPrefix("param:") })
        #expect(headers[..<firstParam].dropFirst(2).allSatisfy { $0.hasPrefix("metric:") }, "\(headers)")
        #expect(headers[firstParam...].allSatisfy { $0.hasPrefix("param:") }, "\(headers)")
        // The failed run without params makes no param vary: depth and width are the same in every other run.
        #expect(!headers.contains("param:model.depth") && !headers.contains("param:model.width"), "\(headers)")
        #expect(headers.contains("param:optimizer.lr"))
        for field in ["user", "start", "duration", "tags"] {
            #expect(!headers.contains("run:" + field))
            #expect(TestSite.text(site, "demo/cifar-sweep/index.html").contains("data-col=\"run:\(field)\""), "still in the chooser")
        }
    }

    @Test(.enabled(if: Browser.available, "Chromium, chromedriver or Python's selenium is not installed"))
    func theFirstMetricIsOnScreenAt1400PixelsInChromium() throws {
        let site = try Self.demo()
        let (results, console) = try Browser.run(site.appendingPathComponent("demo/cifar-sweep/index.html"), width: 1400, height: 900, ["""
            var wrap = document.querySelector(".rs-table-wrap"), th = document.querySelector('th[data-col^="metric:"]:not(.rs-opt)');
            var w = wrap.getBoundingClientRect(), r = th.getBoundingClientRect();
            return [th.getAttribute("data-col"), r.right <= w.right && r.left >= w.left, r.right <= window.innerWidth];
            """])
        let found = results.first as? [Any]
        #expect(found?.first as? String == "metric:val/acc:last", "\(results)")
        #expect(found?.dropFirst().compactMap { $0 as? Bool } == [true, true], "\(results)")
        #expect(console.isEmpty, "\(console)")
    }

    @Test(.enabled(if: Browser.available, "Chromium, chromedriver or Python's selenium is not installed"))
    func headerAndRunColumnStayPinnedInChromium() throws {
        // 400 runs with 30 params each: the table scrolls down and across.
        let root = try TableScriptTests.longProject(400)
        for i in 0..<400 {
            let params = (0..<30).map { "\"param_\($0)\": \(i * 31 + $0)" }.joined(separator: ", ")
            try Data("{\(params)}".utf8).write(to: root.appendingPathComponent(String(format: "run-%04d/params.json", i)))
        }
        let (site, _) = try TestSite.build([root])
        let (results, console) = try Browser.run(site.appendingPathComponent("long/index.html"), width: 1000, height: 800, [
            // The page scrolled to the table, then the table down and across.
            """
            var wrap = document.querySelector(".rs-table-wrap");
            window.scrollTo(0, window.scrollY + wrap.getBoundingClientRect().top);
            wrap.scrollTop = 3000; wrap.scrollLeft = 2000;
            return [wrap.scrollTop, wrap.scrollLeft];
            """,
            """
            var wrap = document.querySelector(".rs-table-wrap"), w = wrap.getBoundingClientRect();
            var th = document.querySelector("table.rs-runs thead th");
            var rows = document.querySelectorAll("table.rs-runs tbody tr"), row = null;
            for (var i = 0; i < rows.length; i++) { if (rows[i].getBoundingClientRect().top > w.top + 60) { row = rows[i]; break; } }
            var cell = row.cells[0].getBoundingClientRect(), h = th.getBoundingClientRect();
            var hit = document.elementFromPoint(cell.left + 5, cell.top + cell.height / 2);
            return [Math.round(h.top - w.top), Math.round(cell.left - w.left), w.top >= 0 && w.bottom <= window.innerHeight + 1,
                    row.cells[0].contains(hit), th.contains(document.elementFromPoint(h.left + 5, h.top + h.height / 2))];
            """,
            // The scroll event comes with the next frame; dispatched here, the check does not race it.
            "window.scrollBy(0, 300); window.dispatchEvent(new Event('scroll')); return window.scrollY;",
            """
            var wrap = document.querySelector(".rs-table-wrap"), w = wrap.getBoundingClientRect();
            var ths = document.querySelectorAll("table.rs-runs thead th"), h = ths[0].getBoundingClientRect();
            return [Math.round(h.top), Math.round(w.top), ths[0].contains(document.elementFromPoint(h.left + 5, h.top + h.height / 2)) ? 1 : 0,
                    (document.elementFromPoint(h.right + 30, h.top + h.height / 2) || document.body).closest("thead") ? 1 : 0];
            """,
        ])
        func ints(_ value: Any?) -> [Int] { (value as? [Any] ?? []).compactMap { ($0 as? Int) ?? ($0 as? Double).map { Int($0) } } }
        let scrolled = results.first as? [Int]
        // Then the page scrolled down by 300 px more: the box's top leaves the window, and the
        // header stays at the window's top over the rows still in view.
        let page = ints(results.dropFirst(3).first)
        #expect(page.count == 4 && abs(page[0]) <= 1, "header at the top of the window: \(results)")
        #expect(page.count == 4 && page[1] < -250, "the box's top is out of view: \(results)")
        #expect(page.count == 4 && page[2] == 1 && page[3] == 1, "the header covers the rows under it: \(results)")
        #expect((scrolled?[0] ?? 0) >= 3000 && (scrolled?[1] ?? 0) >= 2000, "the table scrolls both ways: \(results)")
        let pinned = results.dropFirst().first as? [Any]
        #expect((pinned?[0] as? Int).map { abs($0) <= 1 } == true, "header at the top of the box: \(results)")
        #expect((pinned?[1] as? Int).map { abs($0) <= 1 } == true, "Run column at the left of the box: \(results)")
        #expect(pinned?.dropFirst(2).compactMap { $0 as? Bool } == [true, true, true], "\(results)")
        #expect(console.isEmpty, "\(console)")
    }

    @Test(.enabled(if: Browser.available, "Chromium, chromedriver or Python's selenium is not installed"))
    func thePinnedRunColumnLeavesRoomOnAPhoneInChromium() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("phone")
        for i in 0..<3 {
            try TestSite.writeRun(in: root, i, meta: "\"name\": \"a-very-long-run-name-from-a-sweep-with-many-settings-\(i)\"",
                                  header: "step,val/loss,val/acc", rows: ["0,1,0.5", "1,0.\(i + 1),0.\(i + 6)"])
        }
        let (site, _) = try TestSite.build([root])
        let (results, console) = try Browser.run(site.appendingPathComponent("phone/index.html"), width: 390, height: 800, ["""
            var cell = document.querySelector("table.rs-runs tbody td"), wrap = document.querySelector(".rs-table-wrap");
            return [window.innerWidth, Math.round(cell.getBoundingClientRect().width), Math.round(wrap.getBoundingClientRect().width)];
            """])
        let sizes = results.first as? [Int] ?? []
        #expect(sizes.count == 3 && sizes[0] == 390, "\(results)")
        // Its cell: at most 40% of the screen plus its padding.
        #expect(sizes.count == 3 && sizes[1] <= 390 * 4 / 10 + 24 && sizes[1] < sizes[2] / 2 + 40, "\(results)")
        #expect(console.isEmpty, "\(console)")
    }
}
