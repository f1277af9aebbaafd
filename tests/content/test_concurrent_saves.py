"""Editors saving at the same moment, through the real server (gunicorn, as deployed) with its
own database connections: every save either succeeds or is refused as stale, never a 500.

The server runs on a fresh database of the kind the suite runs on: a SQLite file (where two
writers at once used to fail with "database is locked"), or, when DATABASE_URL names a
PostgreSQL server, a new database on it, dropped afterwards."""

import concurrent.futures
import html.parser
import json
import os
import re
import tempfile
import threading
from urllib.parse import urlsplit

import pytest
import requests

from tests.server_commands import gunicorn, manage, server_environment
from tests.staff_sign_in import sign_in_over_http

pytestmark = pytest.mark.slow  # servers and make commands: see `make test-fast`

SAVES_OF_ONE_TERM = 10
TERMS_SAVED_ONCE = 10
PASSWORD = "a-long-approver-password"
CONFLICT = "Someone else saved this"

# Run by `manage.py shell`: an approver (as tests/conftest.py makes one), and the terms' ids.
SET_UP = f"""
import json
from django.contrib.auth.models import Group, User
from phases.models import GlossaryTerm
user = User.objects.create_user("approver", password="{PASSWORD}", is_staff=True)
user.groups.add(Group.objects.get(name="Content approvers"))
print(json.dumps(sorted(GlossaryTerm.objects.filter(language="en").values_list("pk", flat=True))))
"""


@pytest.fixture(scope="module")
def database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/portal.sqlite3"
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'portal'}_concurrent_saves_{os.getpid()}"
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            connection.execute(drop.format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def server(database_url):
    env = server_environment(database_url)
    manage(env, "migrate", "--noinput", "-v0")
    terms = json.loads(manage(env, "shell", "-c", SET_UP).strip().splitlines()[-1])
    assert len(terms) > TERMS_SAVED_ONCE
    with tempfile.TemporaryDirectory() as folder, gunicorn(database_url, folder) as running:
        running.terms = terms
        yield running


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send from the page's admin form (text, hidden, textareas)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.textarea, self.fields = form_id, False, None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input" and attrs.get("name"):
            if attrs.get("type") not in {"submit", "button", "checkbox", "radio", "file"}:
                self.fields[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "textarea":
            self.textarea = attrs["name"]
            self.fields[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self.textarea:  # a textarea's first line break is not part of its text
                self.fields[self.textarea] = self.fields[self.textarea].removeprefix("\n")
            self.textarea = None
        elif tag == "form":
            self.inside = False


def form_fields(page, form_id):
    parser = FormFields(form_id)
    parser.feed(page)
    return parser.fields


def signed_in(server):
    """A session of the approver, signed in through the sign-in page with a second factor."""
    session = requests.Session()
    sign_in_over_http(session, server.base_url, "approver", PASSWORD)
    return session


def change_url(server, pk):
    return f"{server.base_url}/admin/phases/glossaryterm/{pk}/change/"


def test_saves_at_the_same_moment_succeed_or_are_refused_but_never_fail(server):
    session = signed_in(server)
    same, *others = server.terms
    targets = [same] * SAVES_OF_ONE_TERM + others[:TERMS_SAVED_ONCE]
    # Every editor opened their form before anyone saved: the same version of each term.
    forms = {
        pk: form_fields(session.get(change_url(server, pk), timeout=30).text, "glossaryterm_form")
        for pk in set(targets)
    }
    assert {"csrfmiddlewaretoken", "term", "definition", "edit_version"} <= forms[same].keys()
    start = threading.Barrier(len(targets))

    def save(number, pk):
        with requests.Session() as editor:
            editor.cookies.update(session.cookies)
            data = forms[pk] | {"_save": "Save"}
            data["definition"] = f"Saved at once, number {number}."
            start.wait(timeout=60)
            return editor.post(change_url(server, pk), data=data, allow_redirects=False, timeout=60)

    with concurrent.futures.ThreadPoolExecutor(len(targets)) as pool:
        responses = list(pool.map(save, range(len(targets)), targets))

    statuses = [response.status_code for response in responses]
    assert 500 not in statuses, server.log()
    for response in responses:
        refused = response.status_code == 200 and CONFLICT in response.text
        assert response.status_code == 302 or refused, (response.status_code, response.text)
    # Saves of different terms all succeed; of the ten saves of one term, the first wins
    # and the others are shown what it changed.
    assert statuses[SAVES_OF_ONE_TERM:] == [302] * TERMS_SAVED_ONCE
    assert statuses[:SAVES_OF_ONE_TERM].count(302) == 1
    glossary = session.get(f"{server.base_url}/glossary/", timeout=30).text
    winner = statuses.index(302)
    for number in [winner, *range(SAVES_OF_ONE_TERM, len(targets))]:
        assert f"Saved at once, number {number}." in glossary
    assert not re.search(r"database is locked|Internal Server Error", server.log())
