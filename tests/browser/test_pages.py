"""Patient pages in a real phone-sized browser: accessible, keyboard-friendly, no JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import assert_first_screen


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Understanding the phases of acute lymphoblastic leukemia (ALL)"),
        ("/phases/minimal-residual-disease/", "Minimal residual disease (MRD)"),
        ("/glossary/", "Glossary"),
        ("/phases/no-such-phase/", "We can't find that page"),
        ("/embed/help/", "Embed the ALL Phase Portal in your site"),
        ("/embed/demo/phases/relapsed/", "Relapsed (recurrent)"),
        ("/embed/demo/check/", "Check what your lab results suggest"),
    ],
)
def test_page_has_no_accessibility_violations(page, site_url, path, heading):
    page.goto(site_url + path)

    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.get_by_role("complementary", name="Medical disclaimer").is_visible()
    assert_first_screen(page, page.get_by_role("heading", level=1))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_pages_load_their_stylesheets_without_breaking_the_security_policy(page, site_url):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("response", lambda response: response.status >= 400 and problems.append(response.url))

    page.goto(site_url + "/phases/remission/")

    assert problems == []
    header_colour = page.locator(".site-header").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert header_colour == "rgb(11, 95, 111)"


def test_keyboard_user_skips_to_the_content_and_reaches_a_phase(page, site_url):
    page.goto(site_url + "/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("e => e === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")

    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Untreated":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/phases/untreated/")
    assert page.get_by_role("heading", level=1).inner_text() == "Untreated"


def test_pages_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(site_url + "/")
    page.get_by_role("link", name="Relapsed (recurrent)").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Relapsed (recurrent)"
    context.close()


def test_printed_page_leaves_out_navigation_but_keeps_the_disclaimer(page, site_url):
    page.goto(site_url + "/phases/refractory/")
    page.emulate_media(media="print")

    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not page.get_by_role("navigation", name="Other phases").is_visible()
    assert page.get_by_role("complementary", name="Medical disclaimer").is_visible()


@pytest.mark.parametrize("path", ["/phases/remission/", "/embed/demo/phases/untreated/"])
def test_phase_page_on_a_320_pixel_screen_has_no_accessibility_violations(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)

    urgent = page.get_by_role("region", name="When to get help right away")
    assert urgent.is_visible()
    assert page.get_by_role("region", name="Where to get support").is_visible()
    assert page.get_by_role("navigation", name="Other phases").get_by_role("link").count() == 4
    assert urgent.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scrolling
    results = Axe().run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()
