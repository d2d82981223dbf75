// runsite — progressive enhancement only: every page is complete without this script.
// Each file of assets/js/ is one concern; the build joins them in name order into the one
// runsite.js the site ships. They share the `RUNSITE` object, and 90-start.js runs them.
(function (RS) {
  "use strict";
  document.documentElement.classList.add("rs-js");

  RS.slice = function (list) { return Array.prototype.slice.call(list); };

  // An HTML element with a class and text, the two things almost every control needs.
  RS.element = function (name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
})(window.RUNSITE = window.RUNSITE || {});
