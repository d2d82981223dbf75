import Foundation
import Testing

/// The table's view (filter, sort, columns) travels in the page's URL: a copied link opens it.
@Suite struct TableViewLinkTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func aCopiedLinkReopensTheSameView() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let act = """
        var box = document.querySelector(".rs-table"), input = box.querySelector("input[type=search]");
        input.value = "adam"; input.dispatchEvent(new Event("input"));
        var th = box.querySelector("th[data-col='metric:val/acc:last']") || box.querySelectorAll("th[data-col^='metric:']")[0];
        th.click(); th.click();
        var chooser = box.querySelector("details input[type=checkbox]");
        chooser.checked = false; chooser.dispatchEvent(new Event("change"));
        return [location.href, box.querySelectorAll("tbody tr").length, th.getAttribute("data-col"), th.getAttribute("aria-sort")];
        """
        let (first, console) = try Browser.run(page, [act])
        let state = try #require(first.first as? [Any])
        let href = try #require(state[0] as? String), rows = try #require(state[1] as? Int), column = try #require(state[2] as? String)
        #expect(href.contains("#") && href.contains(".f=adam"), "\(href)")
        let check = """
        var box = document.querySelector(".rs-table");
        var th = box.querySelector("th[data-col='\(column)']");
        return [box.querySelector("input[type=search]").value, box.querySelectorAll("tbody tr").length, th.getAttribute("aria-sort"),
                box.querySelector("details input[type=checkbox]").checked];
        """
        let (second, _) = try Browser.run(try #require(URL(string: href)), [check])
        let restored = try #require(second.first as? [Any])
        #expect(restored[0] as? String == "adam")
        #expect(restored[1] as? Int == rows)
        #expect(restored[2] as? String == state[3] as? String, "the sort: \(restored) vs \(state)")
        #expect(restored[3] as? Bool == false, "the hidden column")
        #expect(console.isEmpty, "\(console)")
    }
}

/// The column chooser: columns in groups, a search, and a reset to the defaults.
@Suite struct ColumnChooserTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func columnsAreGroupedFoundAndReset() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let script = """
        var box = document.querySelector(".rs-table"), chooser = box.querySelector(".rs-tools details");
        var groups = Array.prototype.map.call(chooser.querySelectorAll("fieldset legend"), function (l) { return l.textContent; });
        var find = chooser.querySelector("input.rs-column-search");
        find.value = "batch"; find.dispatchEvent(new Event("input"));
        var found = Array.prototype.filter.call(chooser.querySelectorAll("label"), function (l) { return !l.hidden; }).map(function (l) { return l.textContent.trim(); });
        var first = chooser.querySelector("fieldset input[type=checkbox]"), was = first.checked;
        first.checked = !was; first.dispatchEvent(new Event("change"));
        chooser.querySelector("button").click();
        return [groups.join(","), found.join(","), first.checked === was];
        """
        let (results, console) = try Browser.run(page, [script])
        let r = try #require(results.first as? [Any])
        #expect(r[0] as? String == "Run,Metrics,Params", "\(r)")
        #expect(r[1] as? String == "data.batch_size", "\(r)")
        #expect(r[2] as? Bool == true, "reset restores the default columns: \(r)")
        #expect(console.isEmpty, "\(console)")
    }
}
