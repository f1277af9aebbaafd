"""Keeping a copy in sync through the API: `modified_since` on every content list, each item's
`modified` and review status, and Last-Modified answered by If-Modified-Since with 304."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date

from phases.models import Disclaimer, GlossaryTerm, Phase, SharedSection

pytestmark = pytest.mark.django_db

API = "/api/v1"
LISTS = ["/phases", "/glossary", "/sections"]
CONTENT = ["/phases", "/glossary", "/sections", "/disclaimer"]


def moment(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def publish_a_change(row, by):
    """Publish new words (publishing the same words again changes nothing, and says nothing)."""
    field = row.DRAFT_FIELDS[-1]
    setattr(row, field, getattr(row, field) + " Updated.")
    row.publish(by=by)


def since(client, path, when, **headers):
    return client.get(f"{API}{path}", {"modified_since": when}, **headers)


@pytest.fixture
def a_while_ago():
    """Every text published a year ago, so what a test publishes now is the only new thing."""
    old = timezone.now() - datetime.timedelta(days=365)
    for model in (Phase, GlossaryTerm, SharedSection, Disclaimer):
        model.history.update(history_date=old, published_at=old)
        model.objects.update(published_at=old)
    return old


@pytest.mark.parametrize("path", CONTENT)
def test_every_item_carries_modified_and_its_review_status(client, path):
    answer = client.get(f"{API}{path}").json()

    for item in answer if isinstance(answer, list) else [answer]:
        assert moment(item["modified"]) <= timezone.now()
        assert item["review_status"] in {"reviewed", "awaiting_clinical_review"}


@pytest.mark.parametrize("path", LISTS)
def test_modified_since_gives_only_what_was_published_after_it(client, approver, a_while_ago, path):
    phase = Phase.objects.get(slug="remission", language="en")
    term = GlossaryTerm.objects.get(slug="blasts", language="en")
    section = SharedSection.objects.get(key="support", language="en")
    cutoff = timezone.now() - datetime.timedelta(minutes=1)
    for row in (phase, term, section):
        publish_a_change(row, approver)

    everything = client.get(f"{API}{path}").json()
    changed = since(client, path, cutoff.isoformat()).json()

    assert len(everything) > 1
    (item,) = changed
    assert moment(item["modified"]) > cutoff
    assert item.get("slug", item.get("anchor", item.get("key"))) in {
        "remission",
        "blasts",
        "support",
    }


@pytest.mark.parametrize(
    "written",
    ["2026-12-01", "2026-12-01T09:30:00Z", "2026-12-01T09:30:00+01:00", "2026-12-01T09:30"],
)
def test_modified_since_takes_iso_8601_dates_and_times(client, written):
    response = since(client, "/phases", written)

    assert response.status_code == 200


@pytest.mark.parametrize("path", CONTENT)
@pytest.mark.parametrize("written", ["yesterday", "2026-13-01", "1/12/2026", "x" * 500])
def test_a_bad_date_is_refused_with_a_message_naming_the_parameter(client, path, written):
    response = since(client, path, written)

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "modified_since"]
    assert "ISO 8601" in problem["msg"]
    assert written not in problem["msg"]  # what was sent is never echoed back


def test_the_disclaimer_says_204_when_unchanged_since(client, approver, a_while_ago):
    assert since(client, "/disclaimer", timezone.now().isoformat()).status_code == 204

    cutoff = timezone.now() - datetime.timedelta(minutes=1)
    publish_a_change(Disclaimer.objects.get(language="en"), approver)

    assert since(client, "/disclaimer", cutoff.isoformat()).json()["language"] == "en"


@pytest.mark.parametrize("path", CONTENT)
def test_if_modified_since_gets_304_until_something_is_published(
    client, approver, a_while_ago, path
):
    first = client.get(f"{API}{path}")
    last_modified = first["Last-Modified"]
    assert first["ETag"]
    assert parse_http_date(last_modified) == int(a_while_ago.timestamp())

    assert client.get(f"{API}{path}", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    cached = client.get(f"{API}{path}", HTTP_IF_MODIFIED_SINCE=last_modified)  # a cache hit
    assert cached.status_code == 304

    for model in (Phase, GlossaryTerm, SharedSection, Disclaimer):
        publish_a_change(model.objects.filter(language="en").first(), approver)

    changed = client.get(f"{API}{path}", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert changed.status_code == 200
    assert changed["Last-Modified"] != last_modified


def test_a_withdrawn_term_changes_the_glossarys_last_modified(client, a_while_ago):
    before = client.get(f"{API}/glossary")["Last-Modified"]

    GlossaryTerm.objects.get(slug="cri", language="en").delete()

    after = client.get(f"{API}/glossary")["Last-Modified"]
    assert parse_http_date(after) > parse_http_date(before) == int(a_while_ago.timestamp())


def test_the_openapi_document_describes_modified_since_and_last_modified(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]

    for path in CONTENT:
        operation = paths[f"{API}{path}"]["get"]
        names = {parameter["name"] for parameter in operation["parameters"]}
        assert "modified_since" in names, path
        assert "Last-Modified" in operation["responses"]["200"]["headers"], path
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert schema, path
    assert "modified_since" not in str(paths[f"{API}/classify"])


@pytest.mark.parametrize("path", LISTS)
def test_a_list_of_changes_is_never_served_for_the_whole_list_nor_the_other_way(
    client, approver, a_while_ago, path
):
    """The page cache keeps the whole list; what changed since a moment is made each time."""
    publish_a_change(Phase.objects.get(slug="remission", language="en"), approver)
    publish_a_change(GlossaryTerm.objects.get(slug="blasts", language="en"), approver)
    publish_a_change(SharedSection.objects.get(key="support", language="en"), approver)
    cutoff = (timezone.now() - datetime.timedelta(minutes=1)).isoformat()

    changed_first = since(client, path, cutoff).json()
    everything = client.get(f"{API}{path}").json()
    changed_again = since(client, path, cutoff).json()

    assert len(changed_first) == len(changed_again) == 1
    assert len(everything) > 1
