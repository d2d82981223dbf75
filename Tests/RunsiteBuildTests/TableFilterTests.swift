import Foundation
import Testing

/// The experiment table's filter, in Chromium: spaces around operators, short param names,
/// `in`, `or`, and a message when a term names no column.
@Suite struct TableFilterTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func filterTermsAreForgivingAndUnknownColumnsAreNamed() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        func probe(_ text: String) -> String {
            """
            var box = document.querySelector(".rs-table"), input = box.querySelector("input[type=search]");
            input.value = \(String(reflecting: text));
            input.dispatchEvent(new Event("input"));
            return [box.querySelectorAll("tbody tr").length, box.querySelector(".rs-filter-note").textContent];
            """
        }
        let (results, console) = try Browser.run(page, [probe(""), probe("optimizer.lr<0.002"), probe("optimizer.lr < 0.002"),
                                                         probe("batch_size in 64,256"), probe("batch_size=64 or batch_size=256"), probe("vall/loss<0.1")])
        let rows = results.compactMap { ($0 as? [Any])?.first as? Int }
        let notes = results.compactMap { ($0 as? [Any])?.last as? String }
        #expect(rows.count == 6 && notes.count == 6, "\(results)")
        #expect(rows[1] > 0 && rows[1] < rows[0], "a numeric filter: \(rows)")
        #expect(rows[2] == rows[1], "spaces around the operator change nothing: \(rows)")
        #expect(rows[3] > 0 && rows[3] < rows[0], "a short param name and `in`: \(rows)")
        #expect(rows[4] == rows[3], "`or` of the same values: \(rows)")
        #expect(rows[5] == 0 && notes[5].contains("no column 'vall/loss'; did you mean val/loss"), "\(notes[5])")
        #expect(notes[1].isEmpty)
        #expect(console.isEmpty, "\(console)")
    }
}
