"""Opens a page of a site that `runsite watch` is building, scrolls it, appends a line to a run's
metrics file, and checks that the page reloads itself and keeps its scroll position.

    python3 scripts/live-reload-check.py PAGE_URL METRICS_FILE LINE

Prints "reloaded SCROLL_Y" on success; exits 1 otherwise. Needs selenium and chromedriver.
"""
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options

page, metrics, line = sys.argv[1], sys.argv[2], sys.argv[3]
options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,800"):
    options.add_argument(flag)
driver = webdriver.Chrome(options=options)
try:
    driver.get(page)
    time.sleep(1)
    driver.execute_script("window.scrollTo(0, 300); window.__beforeReload = true;")
    time.sleep(0.5)
    with open(metrics, "a") as f:
        f.write(line + "\n")
    deadline = time.time() + 20
    while time.time() < deadline:
        time.sleep(0.25)
        if driver.execute_script("return window.__beforeReload === undefined && document.readyState === 'complete'"):
            time.sleep(0.5)
            print("reloaded", driver.execute_script("return Math.round(window.scrollY)"))
            sys.exit(0)
    print("not reloaded")
    sys.exit(1)
finally:
    driver.quit()
