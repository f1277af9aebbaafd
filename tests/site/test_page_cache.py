"""The page cache (phases/site/page_cache.py): public pages and API answers are served from the
cache, and every change to what they show is on the very next request; drafts, the checker's results
and the admin never enter it."""

import html
import json
import pickle
import zlib
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from phases.models import Disclaimer, GlossaryTerm, Partner, Phase
from phases.site import page_cache
from phases.site.page_store import generation as generations
from tests.conftest import edit_form

pytestmark = pytest.mark.django_db

PAGE, API = "/phases/remission/", "/api/v1/phases/remission"
REVIEWER = "Dr A. Example, paediatric haematologist"


def remission():
    return Phase.objects.get(language="en", slug="remission")


def served_from_cache(client, address, **headers):
    """The answer, asserting it cost no database query: the page came from the cache."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, **headers)
    assert response.status_code in (200, 304), address
    assert queries.captured_queries == [], f"{address} was not served from the cache"
    return response


def made_again(client, address, **headers):
    """The answer, asserting it was made afresh (it read the database)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, **headers)
    assert queries.captured_queries, f"{address} was served from the cache"
    return response


def cached(client, *addresses):
    """Each address fetched, then shown to be served from the cache."""
    for address in addresses:
        client.get(address)
        served_from_cache(client, address)


def publish(client, obj, url, **changes):
    return client.post(url, edit_form(obj, **changes) | {"_publish": "Publish"})


def publish_remission(client, **changes):
    url = f"/admin/phases/phase/{remission().pk}/change/"
    return publish(client, remission(), url, **changes)


# Each kind of change shows on the very next request


def test_an_approver_publishing_a_phase_shows_on_the_page_and_in_the_api_at_once(
    approver_client, client
):
    cached(client, PAGE, API, "/", "/api/v1/phases")

    publish_remission(approver_client, summary="A summary published just now.")

    assert "A summary published just now." in made_again(client, PAGE).text
    assert made_again(client, API).json()["summary"] == "A summary published just now."
    assert "A summary published just now." in client.get("/").text
    assert "A summary published just now." in client.get("/api/v1/phases").text


def test_an_approvers_revert_shows_at_once(approver_client, client):
    before = remission().history.first()
    publish_remission(approver_client, summary="A mistaken summary.")
    cached(client, PAGE, API)

    approver_client.post(f"/admin/phases/phase/{remission().pk}/history/{before.history_id}/")

    assert "A mistaken summary." not in made_again(client, PAGE).text
    assert html.escape(before.summary) in client.get(PAGE).text
    assert made_again(client, API).json()["summary"] == before.summary


def test_marking_a_phase_reviewed_shows_at_once(approver_client, client):
    cached(client, PAGE, API)
    assert "awaiting review by a clinician" in client.get(PAGE).text

    approver_client.post(
        "/admin/phases/phase/",
        {"action": "mark_reviewed", "_selected_action": [remission().pk]}
        | {"reviewer": REVIEWER, "apply": "Mark"},
    )

    assert f"Reviewed by {REVIEWER} on" in made_again(client, PAGE).text
    answer = made_again(client, API).json()
    assert (answer["review_status"], answer["reviewer"]) == ("reviewed", REVIEWER)


def test_import_content_shows_at_once(client, tmp_path, capsys):
    call_command("export_content")
    content = json.loads(capsys.readouterr().out)
    for phase in content["phases"]:
        if phase["slug"] == "remission":
            phase["summary"] = "A summary brought in by an import."
    file = tmp_path / "content.json"
    file.write_text(json.dumps(content))
    cached(client, PAGE, API)

    call_command("import_content", str(file))

    assert "A summary brought in by an import." in made_again(client, PAGE).text
    assert made_again(client, API).json()["summary"] == "A summary brought in by an import."


def partner_form(partner, **changes):
    fields = ["name", "key", "allowed_origins", "accent_colour", "back_link_url", "back_link_text"]
    data = {field: getattr(partner, field) for field in fields}
    return data | {"is_active": "on" if partner.is_active else ""} | changes | {"_save": "Save"}


@pytest.fixture
def library():
    return Partner.objects.create(
        name="Example Library",
        key="example",
        allowed_origins="https://library.example.org",
        back_link_url="https://library.example.org/cancer/",
        back_link_text="Back to Example Library",
    )


def test_a_partners_new_colour_and_back_link_show_in_its_embed_at_once(
    admin_client, client, library
):
    cached(client, "/embed/example/phases/remission/", "/embed/example/theme.css")
    url = f"/admin/phases/partner/{library.pk}/change/"

    admin_client.post(
        url, partner_form(library, accent_colour="#5a2d82", back_link_text="Back to the stacks")
    )

    assert "Back to the stacks" in made_again(client, "/embed/example/phases/remission/").text
    assert "--portal-accent: #5a2d82;" in made_again(client, "/embed/example/theme.css").text


def test_a_switched_off_partners_embed_and_api_access_go_at_once(admin_client, client, library):
    origin = {"HTTP_ORIGIN": "https://library.example.org"}
    cached(client, "/embed/example/", "/embed/example/check/")
    client.get("/api/v1/phases", **origin)
    assert served_from_cache(client, "/api/v1/phases", **origin)["Access-Control-Allow-Origin"]

    url = f"/admin/phases/partner/{library.pk}/change/"
    admin_client.post(url, partner_form(library) | {"is_active": ""})

    for address in ["/embed/example/", "/embed/example/check/"]:
        response = client.get(address)
        assert response.status_code == 404
        assert "not available" in response.text
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/phases", **origin)


def test_a_deleted_glossary_term_goes_at_once(approver_client, client):
    term = GlossaryTerm.objects.get(language="en", slug="blasts")
    cached(client, "/glossary/", "/api/v1/glossary", "/embed/demo/glossary/")

    approver_client.post(f"/admin/phases/glossaryterm/{term.pk}/delete/", {"post": "yes"})

    assert 'id="blasts"' not in made_again(client, "/glossary/").text
    assert 'id="blasts"' not in made_again(client, "/embed/demo/glossary/").text
    anchors = [entry["anchor"] for entry in made_again(client, "/api/v1/glossary").json()]
    assert "blasts" not in anchors
    assert anchors


def test_a_published_disclaimer_shows_on_every_page_and_the_api_at_once(approver_client, client):
    disclaimer = Disclaimer.current()
    pages = ["/", PAGE, "/glossary/", "/check/", "/embed/demo/", "/api/v1/disclaimer"]
    cached(client, *pages)

    url = f"/admin/phases/disclaimer/{disclaimer.pk}/change/"
    publish(approver_client, disclaimer, url, text="A disclaimer published just now.")

    for address in pages:
        assert "A disclaimer published just now." in made_again(client, address).text, address


def test_a_review_date_passing_shows_as_overdue_from_the_first_request_of_the_next_day(
    client, settings
):
    settings.TIME_ZONE = "Etc/GMT+12"  # the last places on Earth to start a day
    phase = remission()
    phase.last_reviewed = phase.next_review_due = timezone.localdate()
    phase.reviewer = REVIEWER
    phase.reviewed_fingerprint = phase.text_fingerprint()  # a review of these words
    phase.save()
    cached(client, PAGE)
    assert "has not happened yet" not in client.get(PAGE).text

    settings.TIME_ZONE = "Etc/GMT-14"  # the first: a day later there, whatever the hour

    page = made_again(client, PAGE).text
    assert "Its next review was due" in page
    assert "has not happened yet" in page
    tomorrow = date_format(timezone.localdate(), "j F Y")
    assert f"Printed {tomorrow}" in page


# Drafts, and what invalidates after the commit


def test_a_draft_never_reaches_a_cached_page_or_the_api(editor_client, client):
    remission_url = f"/admin/phases/phase/{remission().pk}/change/"

    draft = edit_form(remission(), summary="A draft summary.") | {"_continue": "Save"}
    editor_client.post(remission_url, draft)
    for _ in range(2):  # made, then from the cache
        for address in [PAGE, API, "/", "/api/v1/phases", "/embed/demo/phases/remission/"]:
            assert "A draft summary." not in client.get(address).text
    assert remission().draft["summary"] == "A draft summary."


def test_a_change_bumps_again_once_committed(django_capture_on_commit_callbacks):
    phase = remission()
    with django_capture_on_commit_callbacks() as callbacks:
        before = page_cache.generation()
        phase.save()
        assert page_cache.generation() != before  # at once, for the same transaction
    assert page_cache.bump in callbacks  # and after the commit, for every other process


def test_a_page_made_again_replaces_its_old_copy(approver_client, client):
    for summary in ["First change.", "Second change."]:
        client.get(PAGE)
        publish_remission(approver_client, summary=summary)
    made_again(client, PAGE)

    copies = [entry for entry in stored_entries() if b"Second change." in entry]
    assert len(copies) == 1
    assert not any(b"First change." in entry for entry in stored_entries())


def test_a_lost_generation_starts_afresh(client):
    cached(client, PAGE)

    generations.forget()

    made_again(client, PAGE)
    served_from_cache(client, PAGE)


# Never cached: the checker's results, the admin, what sets cookies, long addresses

SENTINEL = "4.321"  # a marrow blast value no seeded text contains
RESULTS = ["/check/", "/check/handout/", "/embed/demo/check/", "/embed/demo/check/handout/"]


def stored_entries():
    """Every value in this run's page cache, as bytes to search: the files of FileBasedCache
    (each an expiry, then the zlib-compressed value), or this run's keys in Redis (pickled
    values, whose bytes hold the page as it is)."""
    pages = settings.CACHES["pages"]
    if pages["BACKEND"].endswith("FileBasedCache"):
        for path in Path(pages["LOCATION"]).glob("*.djcache"):
            with open(path, "rb") as file:
                pickle.load(file)
                yield zlib.decompress(file.read())
    else:
        server = redis.Redis.from_url(pages["LOCATION"])
        for key in server.scan_iter(match=f"{pages['KEY_PREFIX']}:*"):
            yield server.get(key) or b""


@pytest.mark.parametrize("address", RESULTS)
def test_a_checker_result_is_no_store_and_nothing_of_it_is_cached(client, address):
    client.get("/check/")  # the empty form is stored: the scan below can see stored pages
    assert any(b'id="lab-report"' in entry for entry in stored_entries())

    values = {"treatment": "received", "marrow_blasts_percent": SENTINEL, "cbc": "normal"}
    response = client.post(address, values)
    again = client.post(address, values)

    assert SENTINEL in response.text
    assert SENTINEL in again.text
    assert "no-store" in response["Cache-Control"]
    assert not any(SENTINEL.encode() in entry for entry in stored_entries())


def test_the_apis_checker_is_no_store_and_nothing_of_it_is_cached(client):
    report = {"treatment": "received", "marrow_blasts_percent": float(SENTINEL)}
    for _ in range(2):
        response = client.post("/api/v1/classify", report, content_type="application/json")
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    client.get("/api/v1/phases")

    assert not any(SENTINEL.encode() in entry for entry in stored_entries())


def test_values_in_the_checkers_address_are_never_stored(client):
    address = f"/check/?marrow_blasts_percent={SENTINEL}"
    client.get(address)

    made_again(client, address)
    assert not any(SENTINEL.encode() in entry for entry in stored_entries())


def test_the_checkers_empty_form_is_cached_but_browsers_are_told_not_to_keep_it(client):
    client.get("/check/")

    response = served_from_cache(client, "/check/")

    assert "no-store" in response["Cache-Control"]
    assert 'id="lab-report"' in response.text


def test_the_admin_is_no_store_and_never_cached(admin_client):
    for address in ["/admin/", f"/admin/phases/phase/{remission().pk}/change/"]:
        admin_client.get(address)
        response = made_again(admin_client, address)
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_a_preview_is_never_cached(editor_client):
    address = f"/admin/phases/phase/{remission().pk}/preview/"
    editor_client.get(address)

    assert "no-store" in made_again(editor_client, address)["Cache-Control"]


def test_a_long_address_is_served_but_not_stored(client):
    address = PAGE + "?from=" + "x" * page_cache.MAX_ADDRESS_LENGTH
    client.get(address)

    assert made_again(client, address).status_code == 200


def test_a_page_not_found_is_not_stored(client):
    client.get("/phases/stage-four/")

    assert made_again(client, "/phases/stage-four/").status_code == 404


# Headers for browsers, proxies and CDNs


@pytest.mark.parametrize("address", ["/", PAGE, "/glossary/", "/privacy/", "/embed/demo/", API])
def test_cached_pages_revalidate_in_browsers_and_may_be_kept_briefly_by_proxies(client, address):
    first = client.get(address)

    again = served_from_cache(client, address)

    # max-age=0: a browser asks again every time; s-maxage: a CDN may keep it a minute.
    assert first["Cache-Control"] == again["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert first["ETag"] == again["ETag"]


@pytest.mark.parametrize("address", ["/", PAGE, "/embed/demo/", API])
def test_if_none_match_gets_304_from_the_cache(client, address):
    etag = client.get(address)["ETag"]

    response = served_from_cache(client, address, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert not response.content
    assert response["ETag"] == etag


def test_a_publish_changes_the_etag(approver_client, client):
    etag = client.get(PAGE)["ETag"]

    publish_remission(approver_client, summary="Changed.")

    response = client.get(PAGE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_each_origin_gets_its_own_cors_answer(client, library):
    partner = {"HTTP_ORIGIN": "https://library.example.org"}
    stranger = {"HTTP_ORIGIN": "https://elsewhere.example.com"}
    client.get("/api/v1/phases", **partner)
    client.get("/api/v1/phases", **stranger)

    allowed = served_from_cache(client, "/api/v1/phases", **partner)
    refused = made_again(client, "/api/v1/phases", **stranger)  # strangers get no entry

    assert allowed["Access-Control-Allow-Origin"] == "https://library.example.org"
    assert "Access-Control-Allow-Origin" not in refused


def test_cached_pages_keep_their_security_headers(client):
    first = client.get("/embed/demo/")

    again = served_from_cache(client, "/embed/demo/")

    for header in ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"]:
        assert again[header] == first[header]
    assert "X-Frame-Options" not in again
    assert served_from_cache(client, "/embed/demo/")["Content-Security-Policy"]
    client.get("/")
    assert served_from_cache(client, "/")["X-Frame-Options"] == "DENY"


# Languages: one entry per address and per language asked for, each renewed on any publish

ES_PAGE = "/es/phases/remission/"


def spanish_remission():
    return Phase.objects.get(language="es", slug="remission")


def test_each_language_of_a_page_is_stored_apart(client):
    cached(client, PAGE, ES_PAGE, "/", "/es/")

    english, spanish = served_from_cache(client, PAGE), served_from_cache(client, ES_PAGE)

    assert '<html lang="en"' in english.text
    assert '<html lang="es"' in spanish.text
    assert spanish_remission().summary in spanish.text
    assert spanish_remission().summary not in english.text
    assert served_from_cache(client, "/es/").text != served_from_cache(client, "/").text


def test_publishing_the_spanish_shows_on_the_spanish_page_at_once_and_leaves_the_english(
    approver_client, client
):
    cached(client, PAGE, ES_PAGE)
    english_before = client.get(PAGE).text
    url = f"/admin/phases/phase/{spanish_remission().pk}/change/"

    publish(approver_client, spanish_remission(), url, summary="Un resumen publicado ahora.")

    assert "Un resumen publicado ahora." in made_again(client, ES_PAGE).text
    english = made_again(client, PAGE).text
    assert "Un resumen publicado ahora." not in english
    assert remission().summary in english
    assert english == english_before  # the same English page, made again


def test_publishing_the_english_shows_on_the_english_page_and_not_in_the_spanish(
    approver_client, client
):
    cached(client, PAGE, ES_PAGE)

    publish_remission(approver_client, summary="A summary published just now.")

    assert "A summary published just now." in made_again(client, PAGE).text
    spanish = made_again(client, ES_PAGE).text
    assert "A summary published just now." not in spanish
    assert spanish_remission().summary in spanish


def test_the_api_keeps_each_language_accept_language_asks_for_apart(client):
    english = client.get(API, HTTP_ACCEPT_LANGUAGE="en")
    spanish = client.get(API, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")

    again_es = served_from_cache(client, API, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    again_en = served_from_cache(client, API, HTTP_ACCEPT_LANGUAGE="en")

    assert spanish.json()["name"] == again_es.json()["name"] == spanish_remission().name
    assert english.json()["name"] == again_en.json()["name"] == remission().name
    assert again_es["Content-Language"] == "es"
    assert again_en["Content-Language"] == "en"
