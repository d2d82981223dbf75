#!/usr/bin/env python3
"""Times a project page in headless Chromium (selenium with chromium-driver), as a reader meets it.

    scripts/measure-page.py SITE/PROJECT/index.html [--repeat 5] [--column metric:val/loss:last] [--filter TEXT]

Prints the medians over --repeat fresh loads of the page from file:// of:
  dom-interactive     navigation start to the parsed document (domInteractive)
  interactive         navigation start to the end of DOMContentLoaded: the deferred runsite.js has
                      run, so the table sorts and filters and the charts have their controls
  load                navigation start to the load event
  first-sort          a click on a column header until the table shows the sorted rows; the first
                      sort of a long table also loads its other rows (tables/<id>-rows.js)
  sort                the next click on the same header (the other direction), all rows loaded
  filter              typing a filter (one input event) until the table shows the matching rows
  clear-filter        clearing the filter again
Sort and filter are timed with performance.now() around the handlers, with a forced layout after
them so that the time includes the browser laying out the new rows.
"""
import argparse, json, os, statistics, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ACT = """
var done = arguments[arguments.length - 1], column = arguments[0], filterText = arguments[1];
var box = document.querySelector(".rs-table"), table = box.querySelector("table.rs-runs"), body = table.tBodies[0];
var nav = performance.getEntriesByType("navigation")[0];
var out = { "dom-interactive": nav.domInteractive, "interactive": nav.domContentLoadedEventEnd, "load": nav.loadEventEnd,
            rows: body.rows.length };
var th = box.querySelector("th[data-col='" + column + "']"), search = box.querySelector(".rs-tools input[type=search]");
function first() { return body.rows[0] ? body.rows[0].cells[0].getAttribute("data-v") : ""; }
var before = first(), t0 = performance.now();
th.click();
(function wait() {
  if (!th.getAttribute("aria-sort")) { setTimeout(wait, 0); return; }
  void document.body.offsetHeight;
  out["first-sort"] = performance.now() - t0;
  var t1 = performance.now();
  th.click();
  void document.body.offsetHeight;
  out.sort = performance.now() - t1;
  var t2 = performance.now();
  search.value = filterText;
  search.dispatchEvent(new Event("input"));
  void document.body.offsetHeight;
  out.filter = performance.now() - t2;
  out.matching = box.querySelector(".rs-count").textContent;
  var t3 = performance.now();
  search.value = "";
  search.dispatchEvent(new Event("input"));
  void document.body.offsetHeight;
  out["clear-filter"] = performance.now() - t3;
  out.count = box.querySelector(".rs-count").textContent;
  done(out);
})();
"""

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--column", default="metric:val/loss:last")
    parser.add_argument("--filter", default="val/loss < 0.5 and lr > 0.001")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    url = "file://" + os.path.abspath(args.page)
    options = Options()
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=%d,900" % args.width]:
        options.add_argument(flag)
    options.binary_location = args.chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(args.driver))
    driver.set_script_timeout(60)
    samples = []
    try:
        for i in range(args.repeat + 1):
            driver.get("about:blank")
            driver.get(url)
            result = driver.execute_async_script(ACT, args.column, args.filter)
            if i > 0:   # the first load warms the browser's caches and is left out
                samples.append(result)
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    keys = ["dom-interactive", "interactive", "load", "first-sort", "sort", "filter", "clear-filter"]
    print("page: %s (%d bytes), %d loads" % (args.page, os.path.getsize(args.page), len(samples)))
    print("rows on the page: %d; after the filter: %s; after clearing: %s" % (samples[0]["rows"], samples[0]["matching"], samples[0]["count"]))
    for k in keys:
        values = [s[k] for s in samples]
        print("%-16s median %7.1f ms   (min %.1f, max %.1f)" % (k, statistics.median(values), min(values), max(values)))
    if errors:
        print("console errors:", json.dumps(errors), file=sys.stderr)
        sys.exit(1)

if __name__ == "__main__":
    main()
