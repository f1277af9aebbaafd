/*
 * Inside an embedded page: tell the partner page how tall the content is, whenever it changes.
 * Messages go only to the origins allowed to frame this partner's pages (listed by the server
 * on <html data-parent-origins>); the browser drops them for any other parent.
 */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var origins = (document.documentElement.dataset.parentOrigins || "").split(" ");
  var lastHeight = 0;

  function sendHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) {
      return;
    }
    lastHeight = height;
    origins.forEach(function (origin) {
      if (origin) {
        window.parent.postMessage({ type: "all-phase-portal:height", height: height }, origin);
      }
    });
  }

  new ResizeObserver(sendHeight).observe(document.body);
  window.addEventListener("load", sendHeight);
})();
