"""A real browser (Debian's Chromium, driven by Playwright) against a real server thread.

The server serves static files through WhiteNoise from the collected, hashed files, exactly as
in production, so the pages are checked with the stylesheets patients get.
"""

import os
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

from phases.site import page_cache

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

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# the test's own database calls next to it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """The portal served on a free local port for the whole session."""
    with django_db_blocker.unblock():
        server = LiveServerThread("127.0.0.1", static_handler=lambda handler: handler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
    yield f"http://127.0.0.1:{server.port}"
    server.terminate()


@pytest.fixture(scope="session")
def seeded_content(django_db_setup, django_db_blocker):
    """The content the migrations seeded, saved before any browser test changes it."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


FLUSH_ATTEMPTS = 50


@pytest.fixture(autouse=True)
def with_seeded_content(transactional_db, seeded_content):
    """Each browser test starts from the seeded content. The live server reads the database
    from its own thread, so a test cannot keep its changes inside a transaction: the database
    is emptied and the seeded content written again. A request the last test's page still had
    under way can hold a table of SQLite's shared in-memory database for a moment: the flush
    waits for it, a bounded number of times."""
    for attempt in range(FLUSH_ATTEMPTS):
        try:
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
                reset_sequences=False,
            )
            break
        except CommandError:
            if attempt == FLUSH_ATTEMPTS - 1:
                raise
            threading.Event().wait(0.1)
    connection.creation.deserialize_db_from_string(seeded_content)
    page_cache.bump()  # written without signals: no page made from the last test's content stays


@pytest.fixture(scope="package")
def playwright(seeded_content, django_db_blocker):
    # While Playwright's event loop runs in this thread, Django takes it for an async context
    # and hands out other database connection objects; so it runs for the browser tests only.
    with sync_playwright() as playwright:
        yield playwright
    # Leave an empty database, as Django's serialized rollback expects of the tests after.
    with django_db_blocker.unblock():
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )


@pytest.fixture(scope="package")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def open_at(browser):
    """open_at(width) gives a page in a window `width` CSS pixels wide."""
    contexts = []

    def open_at(width):
        context = browser.new_context(viewport={"width": width, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_at
    for context in contexts:
        context.close()
