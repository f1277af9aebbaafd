"""A real browser (Debian's Chromium, driven by Playwright) against the portal on real HTTP
servers on 127.0.0.1. There are two sites:

- `site_url`: the portal as it is deployed, gunicorn with gunicorn.conf.py, WhiteNoise serving
  the collected, hashed static files, on a copy of the test database as the migrations seeded
  it (tests/conftest.py makes the copy). One per xdist worker, shared by every test that only
  reads, which is most of them: nothing to empty and seed again between them, and one Chromium
  for them all. After each test, its database must not have been written to.
- `editable_site_url`: pytest-django's `live_server`, in this process, for a test that changes
  content or settings (staff accounts, partners, publishing, sign-in). pytest-django empties
  the database after the test and writes the seeded content back before the next one (its
  serialized rollback). Such a test has a Chromium of its own (see `browser`). The live server
  serves static files with Django's own handler from the source folders, so its pages name
  them without the hash.
"""

import asyncio
import contextlib
import os
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.server_commands import gunicorn

CHROMIUM = "/usr/bin/chromium"
# Screenshots and printed PDFs the browser tests make are kept here for people to look at
# (git ignores the folder); each test names its files, so a later run replaces them.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Another site, mapped to this machine for the cross-site browser.
PARTNER_HOST = "library.localhost"

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# the test's own database calls next to it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    """Every test here is marked `browser`, and runs after every other test: a worker starts
    Playwright, Chromium and its site once, and no other test runs beside Playwright's loop.
    The order pytest-django gave (database tests before transactional ones) stays."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def seeded_site(seeded_sqlite_database, tmp_path_factory):
    """gunicorn, as the README deploys it, on a copy of this worker's seeded database."""
    folder = tmp_path_factory.mktemp("seeded-site")
    database = seeded_sqlite_database(folder / "seeded.sqlite3")
    # In WAL mode already, as the server's connections put it: their first connection then
    # changes nothing, and data_version counts only what they write.
    watch = sqlite3.connect(database)
    watch.execute("PRAGMA journal_mode=WAL")
    with gunicorn(
        f"sqlite:///{database}",
        folder,
        WEB_CONCURRENCY="1",
        CACHE_DIR=str(folder / "pages"),
        REDIS_URL="",  # its pages in its own folder, never in a Redis others use
        REQUEST_HEADER_SECONDS="10",  # the server's own limits on a loaded machine
        REQUEST_BODY_SECONDS="20",
    ) as server:
        server.writes = lambda: watch.execute("PRAGMA data_version").fetchone()[0]
        server.writes_before = server.writes()
        yield server
    watch.close()


@pytest.fixture
def site_url(seeded_site):
    """The shared site's address, for a test that only reads: nothing may be written to its
    database while the test runs (SQLite's data_version moves with every write)."""
    yield seeded_site.base_url
    assert seeded_site.writes() == seeded_site.writes_before, (
        "This test changed the shared site's database: give it editable_site_url instead.\n"
        + seeded_site.log()[-3000:]
    )


@pytest.fixture
def editable_site_url(live_server, django_db_serialized_rollback, settings):
    """pytest-django's live server, for a test that changes content or settings; the seeded
    content is written back after it (pytest-django's serialized rollback)."""
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = settings.STORAGES | {"staticfiles": static}
    return live_server.url


@contextlib.contextmanager
def chromium(*args):
    """Playwright, and Chromium started with CHROMIUM_ARGS and `args`."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *args])
        yield browser
        browser.close()


class SharedChromium:
    """One Chromium for the tests on the shared site in this worker, started when one of them
    first needs it, and stopped before each test on the editable site (`playwright_not_running_yet`
    says why), whatever order the tests come in."""

    def __init__(self):
        self.running = None
        self.browser = None

    def get(self):
        if self.browser is None:
            self.running = contextlib.ExitStack()
            self.browser = self.running.enter_context(chromium())
        return self.browser

    def stop(self):
        if self.running is not None:
            self.running.close()
        self.running = self.browser = None


SHARED_CHROMIUM = SharedChromium()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of a test on the editable site is set up (pytest-django's reset
    among them), the shared Chromium is stopped; the next test on the shared site starts it
    again."""
    if "editable_site_url" in item.fixturenames:
        SHARED_CHROMIUM.stop()


def pytest_sessionfinish(session):
    SHARED_CHROMIUM.stop()


@pytest.fixture
def shared_browser():
    """The worker's one Chromium for tests on the shared site."""
    return SHARED_CHROMIUM.get()


def playwright_not_running_yet():
    """Playwright's sync API marks its event loop as running in this thread, and while it runs
    Django hands this thread other database connection objects, which pytest-django's serialized
    rollback does not know: the seeded content would not be written back (pytest-django issue
    1117). So a test on the editable site starts its own Playwright, after pytest-django has
    reset the database, and no Playwright may be running before it."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return True
    return False


@pytest.fixture
def browser(request):
    """Chromium: the worker's shared one, or, for a test on the editable site, one of its own
    started once pytest-django has reset the database."""
    if "editable_site_url" not in request.fixturenames:
        yield request.getfixturevalue("shared_browser")
        return
    # The site (and pytest-django's reset) first, so it is torn down after this Chromium: the
    # flush at its end must not run beside Playwright's loop either.
    request.getfixturevalue("editable_site_url")
    assert playwright_not_running_yet(), "Playwright still runs in this thread"
    with chromium() as browser:
        yield browser


@pytest.fixture
def cross_site_browser(editable_site_url):
    """Chromium with PARTNER_HOST mapped to this machine, and third-party cookies blocked."""
    assert playwright_not_running_yet(), "Playwright still runs in this thread"
    args = [f"--host-resolver-rules=MAP {PARTNER_HOST} 127.0.0.1"]
    with chromium(*args, "--test-third-party-cookie-phaseout") as browser:
        yield browser


@pytest.fixture
def partner_site():
    """serve(page, host=...) puts one HTML page (a partner's, which embeds the portal) on a
    server of its own on this machine, and gives its address under `host`."""
    servers = []

    def serve(page, host="127.0.0.1"):
        body = page.encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://{host}:{server.server_port}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def fill_in(where, answers):
    """Give the checker `answers` on a page or in a frame: a radio button chosen by its value,
    a box typed into."""
    for name, value in answers.items():
        field = where.locator(f'[name="{name}"]')
        if field.first.get_attribute("type") == "radio":
            where.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            field.fill(value)


@pytest.fixture
def visit():
    """visit(page, address, answers=None) opens `address`; with `answers`, fills in the checker
    there, sends it with its button (in any language) and waits for the result or the list
    of mistakes."""

    def visit(page, address, answers=None):
        page.goto(address)
        if answers is not None:
            fill_in(page, answers)
            page.locator('[type="submit"][name="show"]').click()
            page.wait_for_selector("[data-phase], .error-summary")

    return visit


def assert_first_screen(page, *shown):
    """What a reader notices before anything else: the page does not scroll sideways, and each
    of `shown` (a heading, the result, the first question) starts on the first screen, at
    least its first line in the window without scrolling."""
    width, height, scroll_width = page.evaluate(
        "[innerWidth, innerHeight, document.documentElement.scrollWidth]"
    )
    assert scroll_width <= width, f"the page scrolls sideways: {scroll_width} > {width} px"
    for locator in shown:
        box = locator.first.bounding_box()
        assert box is not None, f"{locator} is not shown"
        assert box["y"] >= -1, (locator, box)
        assert box["y"] + min(box["height"], 24) <= height, (locator, box)


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def open_at(browser):
    """open_at(width, height=800, javascript=True) gives a page in a window `width` CSS pixels
    wide, in a context of its own."""
    contexts = []

    def open_at(width, height=800, *, javascript=True):
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_at):
    return open_at(390, 844)  # a phone
