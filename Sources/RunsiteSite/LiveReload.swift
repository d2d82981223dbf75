import RunsiteCore

/// The script that reloads open pages while `runsite watch` rebuilds the site. Pages opened from
/// `file://` cannot fetch, so the page loads this file again by a `<script>` element every
/// `interval` milliseconds; the copy from a new build carries a new token, and the page then
/// reloads itself, keeping its scroll position. Written only while watching.
public enum LiveReload {
    public static let path = "live.js"
    static let interval = 1500

    static func file(token: String) -> OutputFile {
        var quoted = ""
        JSONWriter.quote(token, into: &quoted)
        let script = """
        // runsite watch: reloads this page when the site is built again (absent from other builds).
        (function (token) {
          "use strict";
          if (window.RUNSITE_LIVE) { window.RUNSITE_LIVE(token); return; }
          var key = "runsite-live-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            window.addEventListener("load", function () { window.scrollTo(0, parseFloat(saved) || 0); });
          }
          window.RUNSITE_LIVE = function (latest) {
            if (latest === token) return;
            sessionStorage.setItem(key, String(window.scrollY));
            location.reload();
          };
          var src = document.currentScript.src.split("?")[0];
          var n = 0;
          setInterval(function () {
            var again = document.createElement("script");
            again.src = src + "?" + (++n);
            again.onload = again.onerror = function () { again.remove(); };
            document.head.appendChild(again);
          }, \(interval));
        })(\(quoted));

        """
        return OutputFile(path, .text(script))
    }
}
