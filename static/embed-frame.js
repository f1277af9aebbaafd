/*
 * Inside an embedded page: tell the partner page how tall the content is, whenever it changes,
 * and ask it to bring a checker result into view.
 *
 * Messages go only to the origin of the page that embeds this one. embed.js on that page says
 * hello (a message) each time the frame loads; the browser tells us the hello's origin, which
 * must be one the server allows to frame this partner's pages (listed on
 * <html data-parent-origins>). Until then nothing is sent, so no other origin's console ever
 * shows a refused message.
 */
(function () {
  "use strict";
  if (window.parent === window) {
    return; // opened on its own (the partner's plain link): the back link stays
  }
  // Inside the partner's own page, a link back to it would only nest its page in itself.
  document.querySelectorAll(".embed-back-link").forEach(function (link) {
    link.remove();
  });

  var allowed = (document.documentElement.dataset.parentOrigins || "").split(" ");
  var parentOrigin = null;
  var lastHeight = 0;

  function send(message) {
    if (parentOrigin) {
      window.parent.postMessage(message, parentOrigin);
    }
  }

  function sendHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight || !parentOrigin) {
      return;
    }
    lastHeight = height;
    send({ type: "all-phase-portal:height", height: height });
  }

  // The result's heading (the urgent advice comes first in it) into the partner's view, and
  // focus on the result for screen readers.
  function showResult(result) {
    if (!result) {
      return;
    }
    if (document.activeElement !== result) {
      result.focus({ preventScroll: true });
    }
    sendHeight();
    var top = result.getBoundingClientRect().top + window.scrollY;
    send({ type: "all-phase-portal:show", top: Math.max(0, Math.floor(top)) });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || data.type !== "all-phase-portal:hello") {
      return;
    }
    if (!event.origin || allowed.indexOf(event.origin) === -1) {
      return;
    }
    parentOrigin = event.origin;
    lastHeight = 0;
    sendHeight();
    // A result that came as a whole page (sent without checker.js) is shown the same way.
    showResult(document.querySelector("#result, .error-summary"));
  });

  // A result checker.js has just put in the page.
  document.addEventListener("all-phase-portal:shown", function (event) {
    showResult(event.detail);
  });

  new ResizeObserver(sendHeight).observe(document.body);
})();
