/*
 * The live preview beside each Markdown text box in the admin: the text is sent (POST, with
 * the form's CSRF token) to the admin's preview view, which renders and sanitises it as a saved
 * text is; the answer is put in the preview box. A text that would be refused shows why.
 */
(function () {
  "use strict";

  function tokenOf(element) {
    var form = element.closest("form");
    var field = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function connect(preview) {
    var source = document.getElementById(preview.dataset.source);
    if (!source) {
      return;
    }
    var timer = null;
    var asked = 0;

    function refresh() {
      var number = ++asked;
      var body = new URLSearchParams();
      body.append("text", source.value);
      fetch(preview.dataset.previewUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": tokenOf(source) },
      })
        .then(function (response) {
          return response.text().then(function (text) {
            return { ok: response.ok, text: text };
          });
        })
        .then(function (answer) {
          if (number !== asked) {
            return; // a newer preview is on its way
          }
          if (answer.ok) {
            preview.innerHTML = answer.text; // sanitised by the server (nh3)
          } else {
            var problem = document.createElement("p");
            problem.className = "markdown-preview-problem";
            problem.textContent = answer.text;
            preview.replaceChildren(problem);
          }
        })
        .catch(function () {});
    }

    source.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }

  function start() {
    document.querySelectorAll(".markdown-preview[data-preview-url]").forEach(connect);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
