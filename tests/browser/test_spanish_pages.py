"""The Spanish pages in a real browser: accessible, nothing wider than a small phone (Spanish
words are longer), a language switcher a keyboard reaches, and embeds in Spanish."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from phases.models import Disclaimer, Phase, SharedSection
from tests.browser.conftest import assert_first_screen
from tests.browser.test_layout import ONE_WORD_LINES, OVERFLOWS, PHASES, SMALL_TEXT

# Answers to the checker, as a parent would give them (tests/browser/test_layout.py).
CANT_TELL = {"treatment": "received", "marrow_blasts_percent": "12"}
CANT_TELL |= {"anc": "0.8", "platelets": "250", "wbc": "12.5", "hemoglobin": "9.1"}
URGENT = {"treatment": "received", "symptoms": "yes", "anc": "0.2"}


SPANISH_PAGES = [
    pytest.param("/es/", None, id="home"),
    *[pytest.param(f"/es/phases/{slug}/", None, id=f"phase-{slug}") for slug in PHASES],
    pytest.param("/es/glossary/", None, id="glossary"),
    pytest.param("/es/check/", None, id="checker"),
    pytest.param("/es/check/", CANT_TELL, id="result-cant-tell"),
    pytest.param("/es/check/", URGENT, id="result-urgent"),
    pytest.param("/es/phases/no-such-phase/", None, id="not-found"),
    pytest.param("/es/embed/help/", None, id="embed-help"),
    pytest.param("/es/embed/demo/", None, id="embed-home"),
    pytest.param("/es/embed/demo/phases/relapsed/", None, id="embed-phase"),
    pytest.param("/es/embed/demo/glossary/", None, id="embed-glossary"),
    pytest.param("/es/embed/demo/check/", None, id="embed-checker"),
]


@pytest.mark.parametrize(("path", "answers"), SPANISH_PAGES)
def test_spanish_page_has_no_accessibility_violations(page, site_url, path, answers, visit):
    visit(page, site_url + path, answers)

    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("complementary", name="Aviso médico").is_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_english_standing_in_for_a_translation_has_no_accessibility_violations(
    page, editable_site_url
):
    Phase.objects.filter(language="es", slug="remission").update(is_published=False)
    SharedSection.objects.filter(language="es", key="support").update(is_published=False)
    Disclaimer.objects.filter(language="es").update(is_published=False)

    page.goto(editable_site_url + "/es/phases/remission/")

    assert page.get_by_role("heading", level=1).get_attribute("lang") == "en"
    assert page.locator(".not-translated").count() == 3  # the page, the section, the disclaimer
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    ("start", "link", "arrival", "heading"),
    [
        ("/es/phases/remission/", "English", "/phases/remission/", "Remission"),
        ("/phases/remission/", "Español", "/es/phases/remission/", "Remisión"),
        ("/es/embed/demo/glossary/", "English", "/embed/demo/glossary/", "Glossary"),
    ],
)
def test_keyboard_user_switches_to_the_same_page_in_the_other_language(
    page, site_url, start, link, arrival, heading
):
    page.goto(site_url + start)

    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == link:
            break
    switcher = page.get_by_role("navigation", name="Idioma" if link == "English" else "Language")
    assert switcher.get_by_role("link", name=link).evaluate("e => e === document.activeElement")
    assert switcher.get_by_role("link", name=link).is_visible()
    page.keyboard.press("Enter")

    page.wait_for_url(site_url + arrival)
    assert page.get_by_role("heading", level=1).inner_text() == heading


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(("name", "path"), [("home", "/es/"), ("phase", "/es/phases/remission/")])
def test_screenshots_of_spanish_pages_at_phone_and_desktop_widths(
    open_at, site_url, screenshots, name, path, width
):
    page = open_at(width)
    page.goto(site_url + path)

    page.screenshot(path=screenshots / f"layout-es-{name}-{width}.png", full_page=True)

    language_link = page.get_by_role("navigation", name="Idioma")
    assert_first_screen(page, page.get_by_role("heading", level=1), language_link)


@pytest.mark.parametrize(("path", "answers"), SPANISH_PAGES)
def test_nothing_on_a_spanish_page_is_wider_than_a_320_pixel_phone(
    open_at, site_url, path, answers, visit
):
    page = open_at(320)
    visit(page, site_url + path, answers)

    found = page.evaluate(OVERFLOWS)
    assert found["scrollWidth"] <= found["width"]  # the page does not scroll sideways
    assert found["wider"] == []
    assert found["clipped"] == []
    assert page.evaluate(ONE_WORD_LINES) == []
    assert page.evaluate(SMALL_TEXT) == []  # no text below 16 px


SNIPPET = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library</title>
</head><body><a href="{portal}/embed/demo/">ALL Phase Portal</a>
<script src="{portal}/static/embed.js" data-partner="demo" data-page="glossary"{lang}></script>
</body></html>"""


@pytest.mark.parametrize(
    ("lang", "address", "title"),
    [
        ("", "/embed/demo/glossary/", "ALL Phase Portal: acute lymphoblastic leukemia"),
        (
            "es",
            "/es/embed/demo/glossary/",
            "Portal de las fases de la LLA: leucemia linfoblástica aguda",
        ),
        (
            "ES-mx",
            "/es/embed/demo/glossary/",
            "Portal de las fases de la LLA: leucemia linfoblástica aguda",
        ),
        ("xx", "/embed/demo/glossary/", "ALL Phase Portal: acute lymphoblastic leukemia"),
    ],
)
def test_the_embed_snippet_loads_the_language_it_is_asked_for(page, site_url, lang, address, title):
    page.route(
        site_url + "/library/",
        lambda route: route.fulfill(
            content_type="text/html",
            body=SNIPPET.format(portal=site_url, lang=f' data-lang="{lang}"' if lang else ""),
        ),
    )

    page.goto(site_url + "/library/")

    iframe = page.locator("iframe.all-phase-portal")
    assert iframe.get_attribute("src") == site_url + address
    assert iframe.get_attribute("title") == title
    assert page.locator("body > a").count() == 0  # the plain link made way for the frame
