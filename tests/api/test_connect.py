"""The diagnosis-code lookup at /api/v1/connect, as a health record's infobutton calls it."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

from phases.api.infobutton import ATOM_NAMESPACE, ICD10CM_OID
from phases.models import Phase

pytestmark = pytest.mark.django_db

CONNECT = "/api/v1/connect"
REVIEWER = "Dr A. Example, paediatric haematologist"
SERVER = "http://testserver"
ATOM = {"atom": ATOM_NAMESPACE}
PHASES_BY_CODE = {
    "C91.00": ["untreated", "refractory"],
    "C91.01": ["remission", "minimal-residual-disease"],
    "C91.02": ["relapsed"],
}


def lookup(client, code=None, code_system=ICD10CM_OID, response_type=None, **headers):
    params = {
        "mainSearchCriteria.v.c": code,
        "mainSearchCriteria.v.cs": code_system,
        "knowledgeResponseType": response_type,
    }
    query = urlencode({name: value for name, value in params.items() if value is not None})
    return client.get(f"{CONNECT}?{query}", **headers)


def entry_slugs(answer):
    return [entry["link"][0]["href"].split("/")[-2] for entry in answer["feed"]["entry"]]


@pytest.mark.parametrize(
    ("code", "slugs"),
    [
        pytest.param(written, slugs, id=written)
        for code, slugs in PHASES_BY_CODE.items()
        for written in (code, code.replace(".", ""), code.lower(), code.replace(".", "").lower())
    ],
)
def test_each_code_finds_its_phases_with_or_without_the_dot_in_any_case(client, code, slugs):
    response = lookup(client, code)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert entry_slugs(response.json()) == slugs


def test_an_entry_is_shaped_like_medlineplus_connect_json(client, approver):
    # The feed's `updated` is the latest of every page's: all reviewed, so it is a review day.
    for phase in Phase.objects.filter(language="en"):
        phase.mark_reviewed(reviewer=REVIEWER, by=approver, today=datetime.date(2026, 12, 3))
    relapsed = Phase.objects.get(slug="relapsed", language="en")

    feed = lookup(client, "C91.02").json()["feed"]

    assert feed["title"] == {"_value": "ALL Phase Portal", "type": "text"}
    assert feed["updated"]["_value"] == "2026-12-03T00:00:00Z"
    assert feed["id"]["_value"].startswith(f"{SERVER}{CONNECT}?")
    assert {"scheme": "mainSearchCriteria.v.cs", "term": ICD10CM_OID} in feed["category"]
    (entry,) = feed["entry"]
    url = f"{SERVER}/phases/relapsed/"
    assert entry["title"] == {"_value": relapsed.name, "type": "text"}
    assert entry["link"] == [
        {"href": url, "rel": "alternate", "type": "text/html", "title": relapsed.name}
    ]
    assert entry["summary"] == {"_value": relapsed.summary, "type": "text"}
    assert entry["id"] == {"_value": url}
    assert entry["updated"] == {"_value": "2026-12-03T00:00:00Z"}
    assert feed["updated"]["_value"] >= entry["updated"]["_value"]


def test_updated_is_the_clinical_review_or_else_the_last_recorded_change(client, approver):
    Phase.objects.update(last_reviewed=None, next_review_due=None, reviewer="")
    untreated = Phase.objects.get(slug="untreated", language="en")
    refractory = Phase.objects.get(slug="refractory", language="en")
    refractory.mark_reviewed(reviewer=REVIEWER, by=approver, today=datetime.date(2026, 1, 5))
    untreated.summary = "Just found; treatment has not started."
    untreated.save()
    changed = untreated.history.first().history_date.astimezone(datetime.UTC)

    feed = lookup(client, "C91.00").json()["feed"]

    updated = [entry["updated"]["_value"] for entry in feed["entry"]]
    assert updated == [changed.strftime("%Y-%m-%dT%H:%M:%SZ"), "2026-01-05T00:00:00Z"]
    assert feed["updated"]["_value"] == updated[0]  # the latest of all the pages


def test_a_page_with_neither_review_nor_history_still_gets_a_valid_date(client):
    Phase.objects.update(last_reviewed=None, next_review_due=None, reviewer="")
    Phase.history.all().delete()

    for response_type in ("application/json", "text/xml"):
        response = lookup(client, "C91.02", response_type=response_type)
        assert response.status_code == 200
        assert "2000-01-01T00:00:00Z" in response.content.decode()


def test_the_default_answer_is_json(client):
    explicit = lookup(client, "C91.01", response_type="application/json")

    assert explicit.json()["feed"]["entry"] == lookup(client, "C91.01").json()["feed"]["entry"]


@pytest.mark.parametrize("code", ["C91.03", "C92.00", "E11.9", "leukemia", "C91"])
def test_an_unknown_code_gets_a_valid_empty_answer(client, code):
    response = lookup(client, code)

    assert response.status_code == 200
    feed = response.json()["feed"]
    assert feed["entry"] == []
    assert feed["title"]["_value"]
    assert feed["updated"]["_value"]
    assert feed["id"]["_value"]


@pytest.mark.parametrize(
    "code_system", ["2.16.840.1.113883.6.103", "2.16.840.1.113883.6.88", "ICD-10-CM", ""]
)
def test_another_code_system_is_refused_with_a_clear_400(client, code_system):
    response = lookup(client, "C91.02", code_system=code_system)

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "mainSearchCriteria.v.cs"]
    assert "ICD-10-CM" in problem["msg"]
    assert ICD10CM_OID in problem["msg"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"mainSearchCriteria.v.cs": ICD10CM_OID}, "mainSearchCriteria.v.c"),
        ({"mainSearchCriteria.v.c": "", "mainSearchCriteria.v.cs": ICD10CM_OID}, None),
        ({"mainSearchCriteria.v.c": "C91.02"}, "mainSearchCriteria.v.cs"),
    ],
)
def test_a_missing_code_or_code_system_is_a_400(client, query, parameter):
    response = client.get(f"{CONNECT}?{urlencode(query)}")

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", parameter or "mainSearchCriteria.v.c"]


@pytest.mark.parametrize(
    "response_type", ["application/javascript", "text/html", "application/xml", "json"]
)
def test_an_unsupported_response_type_is_a_400(client, response_type):
    response = lookup(client, "C91.02", response_type=response_type)

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "knowledgeResponseType"]
    assert "text/xml" in problem["msg"]


@pytest.mark.parametrize(("code", "slugs"), PHASES_BY_CODE.items())
def test_text_xml_gives_an_atom_feed_with_one_entry_per_phase(client, code, slugs):
    json_entries = {
        entry["id"]["_value"]: entry for entry in lookup(client, code).json()["feed"]["entry"]
    }

    response = lookup(client, code.replace(".", ""), response_type="text/xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{{{ATOM_NAMESPACE}}}feed"
    assert feed.findtext("atom:title", namespaces=ATOM) == "ALL Phase Portal"
    assert feed.findtext("atom:updated", namespaces=ATOM)
    assert feed.findtext("atom:id", namespaces=ATOM)
    entries = feed.findall("atom:entry", ATOM)
    assert len(entries) == len(slugs)
    for entry, slug in zip(entries, slugs, strict=True):
        phase = Phase.objects.get(slug=slug, language="en")
        url = f"{SERVER}/phases/{slug}/"
        assert entry.findtext("atom:title", namespaces=ATOM) == phase.name
        assert entry.find("atom:link", ATOM).get("href") == url
        assert entry.findtext("atom:summary", namespaces=ATOM) == phase.summary
        assert entry.findtext("atom:id", namespaces=ATOM) == url
        updated = json_entries[url]["updated"]["_value"]
        assert entry.findtext("atom:updated", namespaces=ATOM) == updated


def test_xml_and_json_say_the_same_thing(client):
    answer = lookup(client, "C91.00").json()["feed"]
    feed = ET.fromstring(lookup(client, "C91.00", response_type="text/xml").content)

    titles = [
        entry.findtext("atom:title", namespaces=ATOM)
        for entry in feed.iter(f"{{{ATOM_NAMESPACE}}}entry")
    ]
    assert titles == [entry["title"]["_value"] for entry in answer["entry"]]


def test_an_unknown_code_gets_an_empty_atom_feed_that_still_parses(client):
    response = lookup(client, "<C91&\x01>", response_type="text/xml")

    feed = ET.fromstring(response.content)
    assert feed.findall("atom:entry", ATOM) == []
    assert "&lt;C91&amp;&gt;" in response.content.decode()


@pytest.mark.parametrize("response_type", ["application/json", "text/xml"])
def test_the_answer_carries_an_etag_and_answers_if_none_match_with_304(client, response_type):
    first = lookup(client, "C91.01", response_type=response_type)

    again = lookup(client, "C91.01", response_type=response_type, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert first["ETag"]
    assert again.status_code == 304


def test_an_edit_to_a_phase_changes_the_etag(client):
    first = lookup(client, "C91.02")
    phase = Phase.objects.get(slug="relapsed", language="en")
    phase.summary = "A new summary."
    phase.save()  # as the admin and the import write: a bare UPDATE would skip the page cache

    again = lookup(client, "C91.02", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["feed"]["entry"][0]["summary"]["_value"] == "A new summary."
