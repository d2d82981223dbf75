import Foundation
import Testing

/// axe-core (bundled by PyPI's `axe-selenium-python`) finds no serious or critical problem on the
/// demo's pages, in the light and the dark theme, and on its project page on a phone.
@Suite struct AccessibilityTests {
    static let available: Bool = {
        guard Browser.available, let python = Browser.python else { return false }
        return (try? ChartScriptTests.run(python, ["-c", "import axe_selenium_python"]))?.status == 0
    }()

    static let program = """
    import json, sys
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from axe_selenium_python import Axe
    options = Options()
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1300,1000"]:
        options.add_argument(flag)
    options.binary_location = sys.argv[1]
    driver = webdriver.Chrome(options=options, service=Service(sys.argv[2]))
    found = {}
    # Every page on a laptop; the first page after the site's front page also on a phone, where
    # its runs are cards and its charts are drawn again at the screen's width.
    visits = [(page, 1300, "") for page in sys.argv[3:]] + [(sys.argv[4], 390, " phone")]
    try:
        for page, width, name in visits:
            driver.set_window_size(width, 1000)
            for scheme in ("light", "dark"):
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                driver.get(page)
                axe = Axe(driver)
                axe.inject()
                result = axe.run()
                found[page + name + " " + scheme] = [v["id"] + ": " + v["nodes"][0]["html"][:120] for v in result["violations"]
                                                     if v["impact"] in ("serious", "critical")]
    finally:
        driver.quit()
    print(json.dumps(found))
    """

    @Test(.enabled(if: available, "needs Chromium, chromedriver, selenium and axe-selenium-python"))
    func demoPagesHaveNoSeriousFindings() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")]) { request in
            let report = TestSite.packageRoot.appendingPathComponent("examples/report.md")
            request.siteOptions.pages = [.init(file: report.path, slug: "report", text: (try? String(contentsOf: report, encoding: .utf8)) ?? "")]
        }
        let pages = ["index.html", "demo/cifar-sweep/index.html", "demo/cifar-sweep/runs/adam-lr1e-3-s0/index.html", "reports/report.html"]
            .map { site.appendingPathComponent($0).absoluteString }
        let result = try ChartScriptTests.run(try #require(Browser.python), ["-c", Self.program, try #require(Browser.chromium), try #require(Browser.driver)] + pages)
        #expect(result.status == 0, "\(result.err)")
        let found = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: [String]])
        #expect(found.count == pages.count * 2 + 2)
        for (page, problems) in found.sorted(by: { $0.key < $1.key }) { #expect(problems.isEmpty, "\(page): \(problems)") }
    }
}
