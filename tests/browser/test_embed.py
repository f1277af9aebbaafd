"""A hospital library's page on another site embeds the checker with the one-line snippet."""

import pytest
from playwright.sync_api import expect

from phases.models import Partner
from tests.browser.conftest import PARTNER_HOST


def library_page(portal):
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example Library</title></head>
<body><h1>Example Hospital Library</h1><p>Leukemia resources.</p>
<a href="{portal}/embed/example/check/">Check your lab results</a>
<script src="{portal}/static/embed.js" data-partner="example" data-page="check" async></script>
<p>Library footer</p></body></html>"""


@pytest.fixture
def library_site(editable_site_url, partner_site):
    """The partner's own page, on another host name and port: a cross-site parent."""
    return partner_site(library_page(editable_site_url), host=PARTNER_HOST)


def test_checker_works_in_a_cross_site_iframe_and_the_frame_follows_its_height(
    cross_site_browser, library_site, screenshots
):
    Partner.objects.create(name="Example Library", key="example", allowed_origins=library_site)
    context = cross_site_browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()

    page.goto(library_site + "/")
    iframe = page.locator("iframe.all-phase-portal")
    expect(iframe).to_have_attribute("title", "ALL Phase Portal: acute lymphoblastic leukemia")
    frame = page.frame_locator("iframe.all-phase-portal")
    expect(frame.get_by_role("heading", level=1)).to_have_text(
        "Check what your lab results suggest"
    )
    page.wait_for_function("document.querySelector('iframe').style.height !== '40rem'")
    form_height = iframe.bounding_box()["height"]

    frame.get_by_label("Yes, treatment has been given").check()
    frame.get_by_role("textbox", name="Blasts in the bone marrow").fill("40")
    frame.locator('input[name="ever_in_remission"][value="yes"]').check()
    frame.get_by_role("button", name="Show what my results suggest").click()

    expect(frame.locator("[data-phase]")).to_have_attribute("data-phase", "relapsed")
    # The result (with the form folded under it) has its own height, and the frame takes it.
    page.wait_for_function(f"document.querySelector('iframe').offsetHeight !== {form_height}")
    content = frame.locator("body").evaluate("body => body.getBoundingClientRect().height")
    assert abs(iframe.bounding_box()["height"] - max(100, content)) <= 1
    assert page.get_by_text("Library footer").is_visible()
    assert context.cookies() == []
    page.screenshot(path=screenshots / "embed-cross-site-result.png", full_page=True)
    context.close()


def test_without_javascript_the_snippet_leaves_a_plain_link(cross_site_browser, library_site):
    Partner.objects.create(name="Example Library", key="example", allowed_origins=library_site)
    context = cross_site_browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(library_site + "/")

    assert page.get_by_role("link", name="Check your lab results").is_visible()
    assert page.locator("iframe").count() == 0
    context.close()


def test_another_site_cannot_frame_the_partners_pages(cross_site_browser, library_site):
    Partner.objects.create(
        name="Someone else", key="example", allowed_origins="https://other.example.org"
    )
    context = cross_site_browser.new_context()
    page = context.new_page()

    with page.expect_console_message(lambda message: "frame-ancestors" in message.text):
        page.goto(library_site + "/")  # the browser refuses to show the page, citing the policy
    page.wait_for_function("document.querySelector('iframe.all-phase-portal') !== null")

    frame = page.frame_locator("iframe.all-phase-portal")
    assert frame.get_by_text("Check what your lab results suggest").count() == 0
    context.close()
