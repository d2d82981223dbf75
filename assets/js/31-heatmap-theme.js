// Heatmaps carry their dark-theme colours as data-dark; set through the CSSOM, which the site's
// Content-Security-Policy allows (style attributes in the markup it does not).
(function (RS) {
  "use strict";
  RS.applyDarkColours = function (root) {
    Array.prototype.forEach.call(root.querySelectorAll("svg.rs-heatmap [data-dark]"), function (el) {
      el.style.setProperty("--dark", el.getAttribute("data-dark"));
    });
  };
})(window.RUNSITE = window.RUNSITE || {});
