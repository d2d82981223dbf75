#!/bin/sh
# Times the project page of 1,000 runs in headless Chromium (docs/performance.md, target 7):
# generates L's runs in runsite's format (1,000 runs × 8 metrics × 10,000 steps, 1.7 GB) unless
# they exist, builds them with the release runsite, and runs scripts/measure-page.py on the page at
# a laptop's width and a phone's.
#
#   scripts/bench-page.sh [WORKDIR]      (default /tmp/runsite-page; REPEAT=5)
#
# Needs chromium, chromedriver and Python's selenium, as the browser tests do.
set -eu
cd "$(dirname "$0")/.."
work=${1:-/tmp/runsite-page}
repeat=${REPEAT:-5}
[ -x .build/release/runsite ] && [ -x .build/release/runsite-bench ] || swift build -c release
if [ ! -d "$work/L/runsite" ]; then
    .build/release/runsite-bench generate --size L --formats runsite --out "$work/L"
fi
rm -rf "$work/site"
SOURCE_DATE_EPOCH=1764400000 .build/release/runsite build "$work/L" --out "$work/site" --no-incremental -q
page="$work/site/runsite/index.html"
echo "== 1,400 px"
python3 scripts/measure-page.py "$page" --repeat "$repeat" --width 1400
echo "== 390 px (cards)"
python3 scripts/measure-page.py "$page" --repeat "$repeat" --width 390
