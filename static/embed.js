/*
 * ALL Phase Portal embed snippet, for hospital health-library sites. No dependencies.
 *
 *   <a href="https://PORTAL/embed/KEY/check/">Check your lab results</a>
 *   <script src="https://PORTAL/static/embed.js" data-partner="KEY" data-page="check" async></script>
 *
 * Replaces the link just before it with an iframe of that page, keeps the iframe as tall
 * as its content, and scrolls a checker result into view when the reader asks for one. Without JavaScript the plain link stays. data-page: home, check, glossary,
 * or a phase: untreated, remission, minimal-residual-disease, refractory, relapsed.
 * data-lang: en (the default) or es, for the pages in Spanish (/es/embed/...); any other
 * value gives English.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.partner) {
    return;
  }
  var portal = new URL(script.src).origin;
  // Each language's address prefix (English has none) and the frame's default title in it.
  var languages = {
    en: { prefix: "", title: "ALL Phase Portal: acute lymphoblastic leukemia" },
    es: {
      prefix: "/es",
      title: "Portal de las fases de la LLA: leucemia linfobl\u00e1stica aguda",
    },
  };
  var code = (script.dataset.lang || "en").toLowerCase().split("-")[0];
  var language = Object.prototype.hasOwnProperty.call(languages, code)
    ? languages[code]
    : languages.en;
  var page = script.dataset.page || "home";
  var paths = { home: "", check: "check/", glossary: "glossary/" };
  var path = page in paths ? paths[page] : "phases/" + encodeURIComponent(page) + "/";
  var iframe = document.createElement("iframe");
  iframe.src =
    portal + language.prefix + "/embed/" + encodeURIComponent(script.dataset.partner) + "/" + path;
  iframe.title = script.dataset.title || language.title;
  iframe.className = "all-phase-portal";
  iframe.loading = "lazy";
  iframe.style.width = "100%";
  iframe.style.border = "0";
  iframe.style.height = "40rem";

  // The plain link to the portal's embed (in any language: /embed/... or /es/embed/...).
  var fallback = script.previousElementSibling;
  var isEmbedLink = /^\/([a-z]{2}\/)?embed\//;
  if (
    fallback &&
    fallback.tagName === "A" &&
    fallback.origin === portal &&
    isEmbedLink.test(fallback.pathname)
  ) {
    fallback.replaceWith(iframe);
  } else {
    script.insertAdjacentElement("afterend", iframe);
  }

  // Each page the frame loads learns this page's origin from a hello, and answers only here.
  iframe.addEventListener("load", function () {
    iframe.contentWindow.postMessage({ type: "all-phase-portal:hello" }, portal);
  });

  window.addEventListener("message", function (event) {
    // Only the portal, and only this snippet's own frame, may resize it or scroll to it.
    if (event.origin !== portal || event.source !== iframe.contentWindow) {
      return;
    }
    var data = event.data;
    if (data && data.type === "all-phase-portal:height" && isFinite(data.height)) {
      iframe.style.height = Math.max(100, Math.ceil(data.height)) + "px";
    }
    // A checker result: its top (urgent advice first) comes into view at once.
    if (data && data.type === "all-phase-portal:show" && isFinite(data.top)) {
      var top = iframe.getBoundingClientRect().top + window.scrollY + Number(data.top);
      window.scrollTo({ top: Math.max(0, top - 16), left: 0, behavior: "instant" });
    }
  });
})();
