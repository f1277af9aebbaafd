"""A real browser (Debian's Chromium, driven by Playwright) against a real server thread.

The server serves static files through WhiteNoise from the collected, hashed files, exactly as
in production, so the pages are checked with the stylesheets patients get.
"""

import os
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
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
def playwright():
    # While Playwright's event loop lives in this thread, Django keeps database connections per
    # async context, so the tests get a new connection object. Hand it the seeded content that
    # the test database setup saved, so `serialized_rollback` restores it after each flush.
    seeded_content = getattr(connections[DEFAULT_DB_ALIAS], "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        if seeded_content is not None:
            connections[DEFAULT_DB_ALIAS]._test_serialized_contents = seeded_content
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
