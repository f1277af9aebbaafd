"""Two instances, one database, one cache: whatever changes through instance A is what
instance B serves on its very next request, and a sign-in pause or a session started on A
holds on B. Everything goes through HTTP, as staff and patients use the site, except the
import, which an operator runs with manage.py on a server.

B is asked for each page before the change too, so that a page cache (shared through Redis)
holds the old page when the change is made.
"""

import collections
import json
import re
import secrets
import time
from html.parser import HTMLParser
from pathlib import Path

import pyotp
import pytest
import requests
from django.conf import settings

from tests.scale_out.conftest import PASSWORD

pytestmark = pytest.mark.scale_out

PHASE_PAGE, PHASE_API = "/phases/remission/", "/api/v1/phases/remission"
DISCLAIMER_API = "/api/v1/disclaimer"
SIGNED_IN = 'action="/admin/logout/"'
# templates/admin/locked_out.html
PAUSED = "Too many failed sign-in attempts for this account from this address."


class FormReader(HTMLParser):
    """What a browser sends with one form of a page: its fields as the page fills them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, {}
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif not self.inside:
            return
        elif tag == "input" and "name" in attrs and attrs.get("type") not in {"submit", "file"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self.fields[attrs["name"]] = attrs.get("value", "on")
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.fields[self.textarea] = ""
        elif tag == "select":
            self.select = attrs["name"]
        elif (
            tag == "option"
            and self.select
            and ("selected" in attrs or self.select not in self.fields)
        ):
            self.fields[self.select] = attrs.get("value", "")

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            # A newline just after <textarea> is not part of the text (HTML's parsing rules).
            self.fields[self.textarea] = self.fields[self.textarea].removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


class Visitor:
    """Someone with a browser. Cookies do not depend on the port, so one visitor moving between
    instances is what one browser behind a proxy that spreads requests over them is."""

    def __init__(self):
        self.browser = requests.Session()

    def get(self, instance, path):
        return self.browser.get(instance.base_url + path, timeout=10, allow_redirects=False)

    def submit(self, instance, path, form_id, page=None, **typed):
        """Open the page (unless given), fill in the form with `typed` (a button's name
        included), send it."""
        reader = FormReader(form_id)
        reader.feed(page if page is not None else self.get(instance, path).text)
        assert reader.fields, f"no form {form_id!r} on {path}"
        return self.browser.post(
            instance.base_url + path,
            data=reader.fields | typed,
            timeout=10,
            allow_redirects=False,
        )

    def sign_in(self, instance, username, password):
        """The password step's answer; a right password then goes on to the second factor
        (set up on the person's first sign-in, as everyone's is)."""
        login = "/accounts/login/?next=/admin/"
        answer = self.submit(instance, login, "login-form", login=username, password=password)
        if answer.status_code == 302:
            self.second_factor(instance, username, answer.headers["Location"])
        return answer

    def second_factor(self, instance, username, where):
        if where.endswith("/accounts/2fa/authenticate/"):
            form, app = "mfa-authenticate", AUTHENTICATOR_APPS[username]
            page = self.get(instance, where).text
        else:  # each showing of the set-up page has a new secret: the one of this page
            where, form = "/accounts/2fa/totp/activate/", "second-factor-set-up"
            page = self.get(instance, where).text
            secret = re.search(r'id="authenticator-secret">([A-Z2-7]+)<', page).group(1)
            app = AUTHENTICATOR_APPS[username] = pyotp.TOTP(secret)
        code = unused_code(username, app)
        assert self.submit(instance, where, form, page=page, code=code).status_code == 302


# Each person's authenticator app, and the codes already used (a code signs in once).
AUTHENTICATOR_APPS = {}
USED_CODES = collections.defaultdict(set)


def unused_code(username, app):
    now = time.time()
    for at in (now, now + 30, now - 30):  # the portal accepts the codes next to the current
        code = app.at(at)
        if code not in USED_CODES[username]:
            USED_CODES[username].add(code)
            return code
    raise AssertionError("three sign-ins of one person within a minute")


def test_an_approvers_publish_on_a_is_what_b_serves_next(portal):
    summary = f"Published through instance A, change {secrets.token_hex(4)}."
    for path in (PHASE_PAGE, PHASE_API):
        before = portal.b.get(path)
        assert before.status_code == 200
        assert summary not in before.text
    approver = Visitor()
    assert approver.sign_in(portal.a, "approver", PASSWORD).status_code == 302
    phase_id = portal.query("SELECT id FROM phases_phase WHERE slug = %s", "remission")

    published = approver.submit(
        portal.a,
        f"/admin/phases/phase/{phase_id}/change/",
        "phase_form",
        summary=summary,
        _publish="Publish",
    )

    assert published.status_code == 302  # saved: the admin goes back to the list
    assert summary in portal.b.get(PHASE_PAGE).text
    assert portal.b.get(PHASE_API).json()["summary"] == summary
    assert summary in portal.a.get(PHASE_PAGE).text


def test_import_content_on_a_server_is_what_b_serves_next(portal, tmp_path):
    text = f"Imported by the operator, change {secrets.token_hex(4)}."
    assert text not in portal.b.get("/").text
    assert portal.b.get(DISCLAIMER_API).json()["text_markdown"] != text
    content = json.loads(portal.manage("export_content"))
    content["disclaimer"][0]["text"] = text  # English comes first
    file = Path(tmp_path) / "content.json"
    file.write_text(json.dumps(content))

    imported = portal.manage("import_content", str(file))

    assert "Imported 5 phases" in imported
    assert text in portal.b.get("/").text
    assert portal.b.get(DISCLAIMER_API).json()["text_markdown"] == text


def test_a_sign_in_pause_caused_on_a_holds_on_b(portal):
    assert Visitor().sign_in(portal.b, "editor", PASSWORD).status_code == 302  # the right one
    for _ in range(settings.AXES_FAILURE_LIMIT):
        refused = Visitor().sign_in(portal.a, "editor", "not-the-password")
    assert PAUSED in refused.text  # the last wrong password paused signing in

    on_b = Visitor().sign_in(portal.b, "editor", PASSWORD)

    assert on_b.status_code == 429
    assert PAUSED in on_b.text
    assert SIGNED_IN not in on_b.text


def test_a_session_signed_in_on_a_works_on_b(portal):
    approver = Visitor()
    assert approver.get(portal.b, "/admin/").status_code == 302  # not signed in: to sign in

    assert approver.sign_in(portal.a, "approver", PASSWORD).status_code == 302

    admin_on_b = approver.get(portal.b, "/admin/")
    assert admin_on_b.status_code == 200
    assert SIGNED_IN in admin_on_b.text
