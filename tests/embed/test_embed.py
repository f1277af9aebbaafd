"""Embedded pages for hospital health libraries: who may frame them, and what they show."""

import datetime

import pytest

from phases.models import Partner, Phase
from tests.pages import PUBLIC_PAGES
from tests.site.test_views import shared_sections

pytestmark = pytest.mark.django_db

LIBRARY = "https://library.example-hospital.org"


@pytest.fixture
def partner():
    return Partner.objects.create(
        name="Example Hospital Library",
        key="example",
        allowed_origins=f"{LIBRARY}\nhttps://portal.example-hospital.org",
        accent_colour="#5a2d82",
        back_link_url=f"{LIBRARY}/cancer/",
        back_link_text="Back to Example Library",
    )


EMBED_PAGES = ["", "phases/remission/", "glossary/", "check/"]


@pytest.mark.parametrize("page", EMBED_PAGES)
def test_embedded_pages_may_be_framed_by_the_partner_only(client, partner, page):
    response = client.get(f"/embed/example/{page}")

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {LIBRARY} https://portal.example-hospital.org" in policy
    assert "X-Frame-Options" not in response
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/check/", "/embed/help/", "/api/v1/phases"])
def test_every_other_page_refuses_to_be_framed(client, partner, url):
    response = client.get(url)

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("page", EMBED_PAGES)
def test_embedded_pages_show_the_disclaimer_without_the_site_header(client, partner, page):
    response = client.get(f"/embed/example/{page}")

    assert "Medical disclaimer" in response.text
    assert 'class="site-header"' not in response.text
    assert 'class="footer-links"' not in response.text
    assert "Back to Example Library" in response.text
    assert f'href="{LIBRARY}/cancer/" target="_top"' in response.text


def test_links_stay_inside_the_embed(client, partner):
    response = client.get("/embed/example/phases/remission/")

    assert 'href="/embed/example/phases/minimal-residual-disease/"' in response.text
    assert 'href="/embed/example/glossary/#remission"' in response.text
    assert 'href="/embed/example/"' in response.text
    assert 'href="/phases/' not in response.text
    assert 'href="/glossary/' not in response.text


def test_an_embedded_phase_page_shows_what_the_portal_shows(client, partner):
    urgent, support = shared_sections()
    Phase.objects.filter(language="en", slug="remission").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )

    page = client.get("/embed/example/phases/remission/").text

    assert "awaiting review by a clinician" in page
    assert f'<h2 id="urgent-help-heading">{urgent.title}</h2>' in page
    assert f'<h2 id="support-heading">{support.title}</h2>' in page
    assert 'aria-label="Other phases"' in page
    assert 'href="/embed/example/phases/relapsed/"' in page
    assert 'rel="next"' not in page


def test_an_embedded_reviewed_page_names_its_reviewer(client, partner, approver):
    Phase.objects.get(language="en", slug="relapsed").mark_reviewed(
        reviewer="Dr A. Example, paediatric haematologist",
        by=approver,
        today=datetime.date(2026, 12, 3),
    )

    page = client.get("/embed/example/phases/relapsed/").text

    assert "Reviewed by Dr A. Example, paediatric haematologist on" in page
    assert "awaiting review" not in page


def test_the_embedded_checker_posts_to_itself_and_gives_a_result(client, partner):
    form = client.get("/embed/example/check/").text
    assert 'action="/embed/example/check/"' in form

    response = client.post("/embed/example/check/", {"treatment": "none"})

    assert 'data-phase="untreated"' in response.text
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_partner_colours_come_from_a_stylesheet(client, partner):
    page = client.get("/embed/example/").text
    css = client.get("/embed/example/theme.css")

    assert 'href="/embed/example/theme.css"' in page
    assert css["Content-Type"].startswith("text/css")
    assert "--portal-accent: #5a2d82;" in css.text
    assert "--bs-link-color-rgb: 90, 45, 130;" in css.text


@pytest.mark.parametrize("key", ["nobody", "retired"])
def test_an_unknown_or_disabled_partner_gets_a_clear_page(client, partner, key):
    Partner.objects.create(name="Retired", key="retired", is_active=False)

    response = client.get(f"/embed/{key}/check/")

    assert response.status_code == 404
    assert "This page is not available here" in response.text
    assert "Medical disclaimer" in response.text


def test_an_unknown_phase_inside_an_embed_is_a_404_the_partner_can_show(client, partner):
    response = client.get("/embed/example/phases/stage-four/")

    assert response.status_code == 404
    assert "We can&#x27;t find that page" in response.text or "We can't find that page" in (
        response.text
    )
    assert LIBRARY in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("colour", "message"),
    [("#ffcc00", "too light"), ("#a0c4ff", "too light"), ("teal", "six hex digits")],
)
def test_a_hard_to_read_accent_colour_is_refused(colour, message):
    from django.core.exceptions import ValidationError

    partner = Partner(name="Bright", key="bright", accent_colour=colour)

    with pytest.raises(ValidationError, match=message):
        partner.full_clean()


def test_origins_must_be_plain_web_origins():
    from django.core.exceptions import ValidationError

    partner = Partner(name="Sloppy", key="sloppy", allowed_origins="library.example.org/path")

    with pytest.raises(ValidationError, match="not a web origin"):
        partner.full_clean()


def test_help_page_gives_a_snippet_and_a_live_preview_for_each_page(client):
    response = client.get("/embed/help/")

    assert response.status_code == 200
    assert response.text.count('data-partner="YOUR-KEY"') == 8
    assert response.text.count('data-partner="demo"') == 8
    assert "/static/embed.js" in response.text
    assert 'data-page="check"' in response.text
    assert "reviewed content" not in response.text
    assert "same published content" in response.text
    assert "whether a clinician has reviewed it" in response.text


def test_the_admin_of_the_embeds_is_not_weakened(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/accounts/login/", {"login": "x", "password": "y"})

    assert response.status_code == 403


def test_api_allows_cross_site_browser_calls_from_partner_origins_only(client, partner):
    allowed = client.get("/api/v1/phases", HTTP_ORIGIN=LIBRARY)
    refused = client.get("/api/v1/phases", HTTP_ORIGIN="https://elsewhere.example.com")

    assert allowed["Access-Control-Allow-Origin"] == LIBRARY
    assert "Access-Control-Allow-Origin" not in refused


def test_api_preflight_from_a_partner_is_answered(client, partner):
    response = client.options(
        "/api/v1/classify",
        HTTP_ORIGIN=LIBRARY,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == LIBRARY


def test_partner_origins_get_no_cors_headers_outside_the_api(client, partner):
    response = client.get("/phases/remission/", HTTP_ORIGIN=LIBRARY)

    assert "Access-Control-Allow-Origin" not in response
