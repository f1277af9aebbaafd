"""/sitemap.xml lists every public page in both languages with its alternates and the date of
its last change; /robots.txt names it and keeps the admin, the checker's results and the
embeds out. Both are stored in the page cache and made again after a publish."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from phases.models import Disclaimer, Phase, SharedSection
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# No entities, no network: an XML parser as a crawler should use one.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
EVERY_PAGE = [*PUBLIC_PAGES, "/check/", "/privacy/"]


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content, PARSER)
    return {
        url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", namespaces=NS)
    }


def alternates(url):
    return {
        link.get("hreflang"): link.get("href")
        for link in url.findall("x:link", namespaces=NS)
        if link.get("rel") == "alternate"
    }


def lastmod(url):
    return datetime.date.fromisoformat(url.findtext("s:lastmod", namespaces=NS))


def test_every_public_page_is_listed_in_both_languages_with_its_alternates(client):
    urls = sitemap(client)

    english = [f"{SERVER}{page}" for page in EVERY_PAGE]
    spanish = [f"{SERVER}/es{page}" for page in EVERY_PAGE]
    assert sorted(urls) == sorted(english + spanish)
    for page in EVERY_PAGE:
        english_page, spanish_page = f"{SERVER}{page}", f"{SERVER}/es{page}"
        expected = {"en": english_page, "es": spanish_page, "x-default": english_page}
        assert alternates(urls[f"{SERVER}{page}"]) == expected
        assert alternates(urls[f"{SERVER}/es{page}"]) == expected


def test_lastmod_is_the_day_of_the_last_publish_in_that_language(client, approver):
    old = timezone.now() - datetime.timedelta(days=400)
    for model in (Phase, Disclaimer, SharedSection):  # all that a phase page shows, long ago
        model.history.update(history_date=old, published_at=old)
        model.objects.update(published_at=old)
    relapsed = Phase.objects.get(slug="relapsed", language="es")
    relapsed.summary = "La leucemia volvió después de la remisión."
    relapsed.publish(by=approver)

    urls = sitemap(client)

    today = timezone.now().date()
    assert lastmod(urls[f"{SERVER}/es/phases/relapsed/"]) == today
    assert lastmod(urls[f"{SERVER}/es/"]) == today  # the home page shows its summary
    assert lastmod(urls[f"{SERVER}/phases/relapsed/"]) == old.date()
    assert lastmod(urls[f"{SERVER}/es/phases/remission/"]) == old.date()


def test_robots_txt_names_the_sitemap_and_keeps_private_pages_out(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert f"Sitemap: {SERVER}/sitemap.xml" in lines
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow")}
    assert disallowed == {
        "/admin/",
        "/embed/",
        "/es/embed/",
        "/check/handout/",
        "/es/check/handout/",
    }
    assert "User-agent: *" in lines


def test_the_sitemap_and_robots_are_cached_and_the_sitemap_made_again_after_a_publish(
    client, approver
):
    for address in ("/sitemap.xml", "/robots.txt"):
        client.get(address)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        assert not queries.captured_queries, address

    untreated = Phase.objects.get(slug="untreated", language="en")
    untreated.summary += " Updated."
    untreated.publish(by=approver)

    with CaptureQueriesContext(connection) as queries:
        client.get("/sitemap.xml")
    assert queries.captured_queries
