/*
 * The checker's result, kept in this tab so that Back always shows it again.
 *
 * Without this script the form is sent the usual way, and the result page opens its links in
 * a new tab (a result is the answer to a POST, which the browser never keeps a copy of).
 * With it, the form is sent with fetch() and the result replaces the page's main content,
 * while the address stays /check/. The answers are put in this tab's history entry
 * (history.state): never in the address, a cookie, the server or the browser's HTTP cache
 * (the server answers no-store). When the patient follows a link and comes Back, the page is
 * loaded again by GET, and this script sends the same answers again to show the same result,
 * where the patient left it.
 *
 * A shared computer forgets: only Back (or Forward) brings a result back. A reload, the menu's
 * link to the checker, or a new visit to /check/ in the tab forgets the answers and shows an
 * empty form; so does "Start again". Closing the tab forgets them too.
 */
(function () {
  "use strict";

  var FORM_ID = "lab-report";

  function answersOf(form) {
    var answers = [];
    new FormData(form).forEach(function (value, name) {
      answers.push([name, String(value)]);
    });
    return answers;
  }

  function fillIn(form, answers) {
    answers.forEach(function (answer) {
      var field = form.elements.namedItem(answer[0]);
      if (field instanceof RadioNodeList || (field && field.type === "radio")) {
        var radios = field instanceof RadioNodeList ? Array.from(field) : [field];
        radios.forEach(function (radio) {
          radio.checked = radio.value === answer[1];
        });
      } else if (field && "value" in field) {
        field.value = answer[1];
      }
    });
  }

  function remember(extra) {
    history.replaceState(Object.assign({}, history.state, extra), "");
  }

  function forget() {
    history.replaceState(null, "");
  }

  // How this page was reached: only Back or Forward ("back_forward") may show a kept result.
  function cameBackOrForward() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return entries.length > 0 && entries[0].type === "back_forward";
  }

  // The links of a result shown here stay in this tab: Back comes back to it.
  function keepLinksInThisTab(root) {
    document.querySelectorAll("base[target]").forEach(function (base) {
      base.remove();
    });
    root.querySelectorAll(".new-tab-note").forEach(function (note) {
      note.remove();
    });
    root.querySelectorAll("[formtarget]").forEach(function (button) {
      button.removeAttribute("formtarget");
    });
  }

  function show(html, options) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var main = page.querySelector("main");
    if (!main) {
      throw new Error("no page in the answer");
    }
    document.querySelector("main").replaceWith(main);
    document.title = page.title;
    document.body.className = page.body.className;
    keepLinksInThisTab(main);
    var heading = main.querySelector("#result, .error-summary");
    if (heading) {
      heading.focus({ preventScroll: true });
    }
    var top = heading ? heading.getBoundingClientRect().top + window.scrollY : 0;
    // At once, never a long smooth scroll from the foot of the form.
    window.scrollTo({ top: options.scrollY || top, left: 0, behavior: "instant" });
    // An embedded page (embed-frame.js) asks the partner's page to bring it into view.
    document.dispatchEvent(new CustomEvent("all-phase-portal:shown", { detail: heading }));
  }

  function send(form, answers, options) {
    var body = new URLSearchParams();
    answers.forEach(function (answer) {
      body.append(answer[0], answer[1]);
    });
    return fetch(form.action, {
      method: "POST",
      body: body,
      cache: "no-store",
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("the server answered " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        show(html, options);
        remember({ checkerAnswers: answers, scrollY: options.scrollY || 0 });
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    if (form.id !== FORM_ID || (submitter && submitter.hasAttribute("formaction"))) {
      return;
    }
    event.preventDefault();
    var answers = answersOf(form);
    if (submitter && submitter.name) {
      answers.push([submitter.name, submitter.value]);
    }
    send(form, answers, {}).catch(function () {
      form.submit(); // the usual way, which needs nothing from this script
    });
  });

  document.addEventListener("click", function (event) {
    var startAgain = event.target.closest("a.start-again");
    if (startAgain) {
      // The answers leave this tab: the entry is emptied, then replaced by an empty form, so
      // neither Back nor a reload can show them again.
      event.preventDefault();
      forget();
      location.replace(startAgain.href);
      return;
    }
    if (event.target.closest(".print-result, .print-page")) {
      event.preventDefault();
      window.print();
      return;
    }
    // Leaving the page: remember where the reader was, to come back to the same place.
    if (event.target.closest("a[href]") && history.state && history.state.checkerAnswers) {
      remember({ scrollY: window.scrollY });
    }
  });

  document.querySelectorAll(".print-page").forEach(function (button) {
    button.hidden = false;
  });

  // Back to a result this tab showed: the same answers give the same result. Any other way
  // here (a reload, a link, a new visit) forgets them.
  var form = document.getElementById(FORM_ID);
  var saved = history.state && history.state.checkerAnswers;
  if (saved && !cameBackOrForward()) {
    forget();
    saved = null;
    if (form) {
      form.reset();
    }
  }
  if (form && saved && !document.getElementById("result")) {
    fillIn(form, saved);
    send(form, saved, { scrollY: history.state.scrollY }).catch(function () {
      // The answers are filled in; the patient can send them again.
    });
  }
})();
