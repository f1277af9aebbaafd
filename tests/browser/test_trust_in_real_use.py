"""Trust in real use (issue 19), in Chromium: a shared computer forgets, an embedded result
comes into view, a publish shows at once, and the checker fits a phone."""

import pytest
from playwright.sync_api import expect

from phases.models import Partner, Phase
from tests.browser.conftest import fill_in
from tests.browser.test_keeping_a_result import REMISSION, phone

URGENT = REMISSION | {"symptoms": "yes", "marrow_blasts_percent": "4.5"}


def no_values(page):
    """True when the checker's form is as an empty one is served (its "I don't know" answers
    chosen, no box filled in), or no form is shown at all."""
    assert page.locator("#result").count() == 0
    filled = page.evaluate(
        """() => Array.from(document.querySelectorAll('#lab-report input'))
             .filter(f => (f.type === 'radio' || f.type === 'checkbox')
                          ? f.checked !== f.defaultChecked
                          : f.type !== 'hidden' && f.type !== 'submit' && f.value !== '')
             .map(f => f.name)"""
    )
    assert filled == []
    return True


# A shared computer forgets


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_after_a_result_the_menu_link_and_a_new_visit_give_an_empty_form(
    browser, site_url, javascript, visit
):
    context = phone(browser, javascript=javascript)
    page = context.new_page()
    visit(page, site_url + "/check/", REMISSION)

    link = page.locator(".site-header").get_by_role("link", name="Check your results")
    if javascript:
        link.click()
        page.locator("#lab-report").wait_for()
        opened = page
    else:  # the result's links open a new tab; the result stays in its own
        with context.expect_page() as new_tab:
            link.click()
        opened = new_tab.value
        opened.wait_for_load_state()
        assert page.locator("#result").count() == 1
    assert no_values(opened)

    page.goto(site_url + "/check/")  # a new visit in the same tab
    page.locator("#lab-report").wait_for()
    assert no_values(page)
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_after_start_again_neither_reload_nor_back_shows_the_answers(
    browser, site_url, javascript, visit
):
    context = phone(browser, javascript=javascript)
    page = context.new_page()
    page.goto(site_url + "/")
    visit(page, site_url + "/check/", REMISSION)
    assert page.get_by_text("Your answers are kept only in this browser tab").is_visible()

    page.get_by_role("link", name="Start again").click()
    page.wait_for_load_state()
    page.locator("#lab-report").wait_for()
    assert no_values(page)

    page.reload()
    page.locator("#lab-report").wait_for()
    assert no_values(page)

    page.go_back()
    page.wait_for_load_state()
    # Back leads to the page before (with JavaScript) or to the browser's page saying the
    # form would have to be sent again (without): never to the answers.
    assert page.locator("#result").count() == 0
    if page.locator("#lab-report").count():
        assert no_values(page)
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_back_from_a_link_still_shows_the_result_to_the_person_using_it(
    browser, site_url, javascript, visit
):
    context = phone(browser, javascript=javascript)
    page = context.new_page()
    visit(page, site_url + "/check/", REMISSION)
    read_more = page.get_by_role("link", name="Read more about Remission")

    if javascript:
        read_more.click()
        page.wait_for_url(site_url + "/phases/remission/")
        page.go_back()
        page.locator("#result").wait_for()
    else:
        with context.expect_page() as new_tab:
            read_more.click()
        new_tab.value.close()

    assert page.locator("#result").get_attribute("data-phase") == "remission"
    context.close()


def test_the_form_is_folded_under_a_result_and_opens_without_javascript(browser, site_url, visit):
    context = phone(browser, javascript=False)
    page = context.new_page()
    plain = {name: value for name, value in REMISSION.items() if name != "platelets"}
    visit(page, site_url + "/check/", plain)  # no number read differently: the form is folded
    field = page.get_by_role("textbox", name="Blasts in the bone marrow")
    assert not field.is_visible()

    page.get_by_text("Change your answers").click()

    expect(field).to_be_visible()
    expect(field).to_have_value("2")
    context.close()


# The embedded result comes into view


def partner_page(portal):
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example Library</title></head>
<body><h1>Example Hospital Library</h1>
<div style="height: 3000px">Leukemia resources, a long page.</div>
<a href="{portal}/embed/example/check/">Check your lab results (ALL Phase Portal)</a>
<script src="{portal}/static/embed.js" data-partner="example" data-page="check" async></script>
<p>Library footer</p></body></html>"""


@pytest.fixture
def partner_page_url(editable_site_url, partner_site):
    """The partner's page on another origin: 127.0.0.1, another port."""
    return partner_site(partner_page(editable_site_url))


@pytest.mark.parametrize(
    ("values", "heading"), [(REMISSION, "#result-heading"), (URGENT, "#urgent-heading")]
)
def test_an_embedded_result_comes_into_the_partners_view_focused(
    browser, partner_page_url, values, heading
):
    Partner.objects.create(name="Example Library", key="example", allowed_origins=partner_page_url)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(partner_page_url + "/")
    iframe = page.locator("iframe.all-phase-portal")
    iframe.scroll_into_view_if_needed()
    frame = page.frame_locator("iframe.all-phase-portal")
    expect(frame.get_by_role("heading", level=1)).to_be_visible()
    assert frame.get_by_role("link", name="Back to the health library").count() == 0

    fill_in(frame, values)
    frame.get_by_role("button", name="Show what my results suggest").click()
    frame.locator("#result").wait_for()

    seen = frame.locator(heading)
    page.wait_for_function("() => window.scrollY > 2500")  # the partner page moved to it
    frame_box, heading_box = iframe.bounding_box(), seen.bounding_box()
    assert heading_box["y"] >= 0
    assert heading_box["y"] + heading_box["height"] <= 844
    assert frame_box["y"] < 844
    focused = frame.locator(":focus")
    assert focused.get_attribute("id") == "result"
    assert focused.locator(heading).count() == 1  # the result, its heading first read out
    assert frame.get_by_role("link", name="Back to the health library").count() == 0
    assert problems == []
    context.close()


def test_the_plain_link_fallback_keeps_the_back_link(browser, editable_site_url):
    Partner.objects.filter(key="demo").update(back_link_url="https://library.example.org/")
    page = browser.new_page()

    page.goto(editable_site_url + "/embed/demo/check/")

    expect(page.get_by_role("link", name="Back to the health library")).to_be_visible()
    page.close()


# A publish shows at once


def test_a_publish_is_visible_on_the_next_request_with_the_browser_cache_honoured(
    browser, editable_site_url, approver
):
    context = browser.new_context()
    page = context.new_page()
    first = page.goto(editable_site_url + "/phases/remission/")
    assert "max-age=0" in first.headers["cache-control"]

    phase = Phase.objects.get(slug="remission", language="en")
    phase.summary = "Published a moment ago: readers see these words at once."
    phase.publish(by=approver)
    # A normal navigation: the HTTP cache is used.
    page.goto(editable_site_url + "/phases/remission/")

    expect(page.get_by_text("Published a moment ago")).to_be_visible()
    context.close()


def test_the_form_stays_open_when_it_says_how_a_number_was_read(browser, site_url, visit):
    context = phone(browser, javascript=True)
    page = context.new_page()
    visit(page, site_url + "/check/", REMISSION)  # platelets typed per microlitre

    expect(page.get_by_text("We read 150000 per µL as 150 ×10⁹/L.")).to_be_visible()
    context.close()
