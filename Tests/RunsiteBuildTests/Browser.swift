import Foundation

/// Headless Chromium driven through selenium (Python's `selenium` with Debian's `chromium-driver`),
/// for the behaviour `assets/runsite.js` adds to pages. Scripts run through WebDriver, which the
/// pages' Content-Security-Policy does not block, and return values as JSON.
enum Browser {
    static let chromium = ChartScriptTests.tool(["chromium", "chromium-browser", "google-chrome"])
    static let driver = ChartScriptTests.tool(["chromedriver"])
    static let python = ChartScriptTests.tool(["python3"])

    /// Whether Chromium, chromedriver and Python's selenium are all installed.
    static let available: Bool = {
        guard chromium != nil, driver != nil, let python else { return false }
        return (try? ChartScriptTests.run(python, ["-c", "import selenium"]))?.status == 0
    }()

    /// The results of `scripts` (each a function body, run in turn on `page` opened at
    /// `width`×`height` CSS pixels; its `return` value is the result) and the page's console errors.
    /// A script whose first line is `// async` gives its result by calling `done(value)` instead,
    /// and may wait for the page (a table's other rows load from a script) first.
    /// With `dark`, the page is shown as to a reader whose system prefers the dark theme.
    static func run(_ page: URL, width: Int = 1400, height: Int = 900, dark: Bool = false, _ scripts: [String]) throws -> (results: [Any], console: [String]) {
        let request: [String: Any] = ["url": page.absoluteString, "width": width, "height": height, "scripts": scripts,
                                      "chromium": chromium ?? "", "driver": driver ?? "", "dark": dark]
        let input = TestSite.temporaryDirectory("runsite-browser").appendingPathComponent("request.json")
        try JSONSerialization.data(withJSONObject: request).write(to: input)
        let result = try ChartScriptTests.run(python!, ["-c", Self.program, input.path])
        guard result.status == 0, let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] else {
            throw BrowserError(message: result.err.isEmpty ? result.out : result.err)
        }
        return (object["results"] as? [Any] ?? [], object["console"] as? [String] ?? [])
    }

    struct BrowserError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    private static let program = """
    import json, sys
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    request = json.load(open(sys.argv[1]))
    options = Options()
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--window-size=%d,%d" % (request["width"], request["height"])]:
        options.add_argument(flag)
    options.binary_location = request["chromium"]
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(request["driver"]))
    try:
        driver.set_window_size(request["width"], request["height"])
        if request["dark"]:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        driver.get(request["url"])
        # The window's outer size includes no browser chrome in headless mode; make the viewport exact.
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        if inner != [request["width"], request["height"]]:
            driver.set_window_size(2 * request["width"] - inner[0], 2 * request["height"] - inner[1])
        # A script that starts with "// async" ends by calling done(value): it may wait for the page.
        driver.set_script_timeout(30)
        results = [driver.execute_async_script("var done = arguments[arguments.length - 1];\\n" + script)
                   if script.startswith("// async") else driver.execute_script(script) for script in request["scripts"]]
        console = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    finally:
        driver.quit()
    print(json.dumps({"results": results, "console": console}))
    """
}
