"""The schema.org JSON-LD in a real browser: read as data (the CSP, which allows no inline
script, neither blocks nor reports it), and the pages that carry it stay free of axe
violations in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

READ_JSON_LD = """() => [...document.querySelectorAll('script[type="application/ld+json"]')]
    .map(element => JSON.parse(element.textContent))"""


@pytest.mark.parametrize(
    ("path", "language"),
    [("/", "en"), ("/es/phases/relapsed/", "es"), ("/es/glossary/", "es")],
)
def test_json_ld_is_read_as_data_without_breaking_the_security_policy(
    page, site_url, path, language
):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))

    page.goto(site_url + path)

    (data,) = page.evaluate(READ_JSON_LD)
    assert data["@type"] == "MedicalWebPage"
    assert data["inLanguage"] == language
    assert problems == []
    feed = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    assert feed.get_attribute("href") == ("/feed/" if language == "en" else "/es/feed/")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
