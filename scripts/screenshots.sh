#!/bin/sh
# Builds the demo site and takes headless Chromium screenshots of its chart pages, to look at
# before a release: light and dark colour schemes, a hovered chart (value read-out), and print
# (a PDF, plus PNGs of it when pdftoppm or mutool is installed).
#
#   scripts/screenshots.sh [OUT_DIR]      (default /tmp/runsite-screenshots)
#
# Needs chromium (or google-chrome) on PATH. Also prints any JavaScript console errors; exits 1
# when there are some.
set -eu
cd "$(dirname "$0")/.."
out=${1:-/tmp/runsite-screenshots}
site="$out/site"
rm -rf "$site"
mkdir -p "$out"
swift run runsite build examples --out "$site" -q

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "no chromium on PATH" >&2; exit 2; }
shot() { # shot NAME URL [extra chromium flags…]
    name=$1; url=$2; shift 2
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
        --virtual-time-budget=3000 "$@" --screenshot="$out/$name.png" "$url" 2>>"$out/console.log" >/dev/null
    echo "$out/$name.png"
}
: >"$out/console.log"
project="file://$(cd "$site" && pwd)/demo/cifar-sweep/index.html"
run="file://$(cd "$site" && pwd)/demo/cifar-sweep/runs/sgd-lr3e-1/index.html"

shot light-project "$project" --window-size=1280,2400
shot dark-project "$project" --window-size=1280,2400 --force-dark-mode --blink-settings=preferredColorScheme=0
shot light-run "$run" --window-size=1280,2600
shot dark-run "$run" --window-size=1280,2600 --force-dark-mode --blink-settings=preferredColorScheme=0
shot narrow-project "$project" --window-size=420,1600

# A hovered chart: a copy of the project page that moves the pointer over its first chart and
# hides the second series via its legend entry once the page's own script has run. The probe is a
# file beside the page, since the page's Content-Security-Policy blocks inline script.
hover="$site/demo/cifar-sweep/hover-preview.html"
cp "$site/demo/cifar-sweep/index.html" "$hover"
echo '<script src="hover-preview.js"></script>' >>"$hover"
cat >"$site/demo/cifar-sweep/hover-preview.js" <<'JS'
window.addEventListener("load", function () {
  var svg = document.querySelectorAll("svg.rs-line-chart")[1];
  // Only that chart, at the top of the page: moving the node keeps the script's listeners.
  var figure = svg.closest("figure");
  figure.style.maxWidth = "760px";
  document.querySelector(".rs-main").replaceChildren(figure);
  var r = svg.getBoundingClientRect(), s = r.width / svg.viewBox.baseVal.width;
  var x = r.left + (parseFloat(svg.getAttribute("data-plot-left")) + parseFloat(svg.getAttribute("data-plot-width")) * 0.4) * s;
  var y = r.top + (parseFloat(svg.getAttribute("data-plot-top")) + 60) * s;
  svg.querySelectorAll("g.rs-legend-item")[1].dispatchEvent(new MouseEvent("click", { bubbles: true }));
  svg.dispatchEvent(new PointerEvent("pointermove", { clientX: x, clientY: y, bubbles: true }));
});
JS
shot hover "file://$(cd "$site" && pwd)/demo/cifar-sweep/hover-preview.html" --window-size=1280,900
shot hover-dark "file://$(cd "$site" && pwd)/demo/cifar-sweep/hover-preview.html" --window-size=1280,900 --force-dark-mode --blink-settings=preferredColorScheme=0
rm "$hover" "$site/demo/cifar-sweep/hover-preview.js"

"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --virtual-time-budget=3000 \
    --print-to-pdf="$out/print-run.pdf" "$run" 2>>"$out/console.log" >/dev/null
echo "$out/print-run.pdf"
if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 60 -f 1 -l 2 "$out/print-run.pdf" "$out/print-run"
elif command -v mutool >/dev/null; then
    mutool draw -q -r 60 -o "$out/print-run-%d.png" "$out/print-run.pdf" 1-2
fi
ls "$out"/print-run*.png 2>/dev/null || true

# Standalone figures as the PDF a paper would include.
if command -v rsvg-convert >/dev/null; then
    rsvg-convert -f png -z 2 -o "$out/figure-column.png" "$site/demo/cifar-sweep/figures/chart-val-acc.svg"
    echo "$out/figure-column.png"
fi

errors=$(grep -E 'CONSOLE|Uncaught' "$out/console.log" || true)
if [ -n "$errors" ]; then
    echo "JavaScript console output:" >&2
    echo "$errors" >&2
    exit 1
fi
echo "no JavaScript console errors"
