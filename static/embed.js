/*
 * ALL Phase Portal embed snippet, for hospital health-library sites. No dependencies.
 *
 *   <a href="https://PORTAL/embed/KEY/check/">Check your lab results</a>
 *   <script src="https://PORTAL/static/embed.js" data-partner="KEY" data-page="check" async></script>
 *
 * Replaces the link just before it with an iframe of that page, and keeps the iframe as tall
 * as its content. Without JavaScript the plain link stays. data-page: home, check, glossary,
 * or a phase: untreated, remission, minimal-residual-disease, refractory, relapsed.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.partner) {
    return;
  }
  var portal = new URL(script.src).origin;
  var page = script.dataset.page || "home";
  var paths = { home: "", check: "check/", glossary: "glossary/" };
  var path = page in paths ? paths[page] : "phases/" + encodeURIComponent(page) + "/";
  var iframe = document.createElement("iframe");
  iframe.src = portal + "/embed/" + encodeURIComponent(script.dataset.partner) + "/" + path;
  iframe.title = script.dataset.title || "ALL Phase Portal: acute lymphoblastic leukemia";
  iframe.className = "all-phase-portal";
  iframe.loading = "lazy";
  iframe.style.width = "100%";
  iframe.style.border = "0";
  iframe.style.height = "40rem";

  var fallback = script.previousElementSibling;
  if (fallback && fallback.tagName === "A" && fallback.href.indexOf(portal + "/embed/") === 0) {
    fallback.replaceWith(iframe);
  } else {
    script.insertAdjacentElement("afterend", iframe);
  }

  window.addEventListener("message", function (event) {
    // Only the portal, and only this snippet's own frame, may resize it.
    if (event.origin !== portal || event.source !== iframe.contentWindow) {
      return;
    }
    var data = event.data;
    if (data && data.type === "all-phase-portal:height" && isFinite(data.height)) {
      iframe.style.height = Math.max(100, Math.ceil(data.height)) + "px";
    }
  });
})();
