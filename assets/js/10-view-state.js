// View state: the reader's choices kept in the URL's fragment, so that a copied link opens the
// same view, and in localStorage, for the next visit. Fragment keys are `name=value` pairs
// joined by `&`, in sorted order so that one view has one address.
(function (RS) {
  "use strict";

  RS.fragment = function () {
    var found = {};
    location.hash.slice(1).split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (eq > 0) found[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
    });
    return found;
  };

  // Sets each key of `entries` in the fragment, or removes it where the value is empty.
  RS.writeFragment = function (entries) {
    var all = RS.fragment();
    Object.keys(entries).forEach(function (k) { if (entries[k]) all[k] = entries[k]; else delete all[k]; });
    var text = Object.keys(all).sort().map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(all[k]); }).join("&");
    history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  };

  RS.loadStored = function (key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  };
  RS.store = function (key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage off: the URL still holds the view */ }
  };
})(window.RUNSITE = window.RUNSITE || {});
