"""A clinical review covers the words it was made of: new words end the claim on the page, in
the API and in the admin, and bringing back the reviewed words restores it."""

import datetime

import pytest
from django.test import Client

from phases.models import Phase
from tests.conftest import edit_form

API = "/api/v1"
REVIEWER = "Dr A. Example, paediatric haematologist"
REVIEWED_ON = datetime.date(2026, 12, 3)
NEW_SUMMARY = "The leukemia cannot be found with usual tests, and treatment goes on."

pytestmark = pytest.mark.django_db


def remission():
    return Phase.objects.get(slug="remission", language="en")


def page_status(client):
    page = client.get("/phases/remission/").text
    start = page.index('class="review-status"')
    return " ".join(page[start : page.index("</p>", start)].split())


def api_status(client):
    return client.get(f"{API}/phases/remission").json()


def publish(client, **changes):
    phase = remission()
    return client.post(
        f"/admin/phases/phase/{phase.pk}/change/", edit_form(phase, **changes) | {"_publish": 1}
    )


def schema_status(client):
    schema = client.get(f"{API}/openapi.json").json()["components"]["schemas"]["PhaseOut"]
    return schema["properties"]["review_status"]


def test_review_status_follows_the_words_through_a_review_a_publish_and_a_revert(
    approver, approver_client
):
    reader = Client()
    schema = schema_status(reader)
    assert schema["enum"] == ["awaiting_clinical_review", "changed_since_review", "reviewed"]
    assert "changed since" not in schema["description"]  # worded by the value, not free text
    assert "`changed_since_review`" in schema["description"]

    # Awaiting a first review.
    assert "awaiting review by a clinician" in page_status(reader)
    assert api_status(reader)["review_status"] == "awaiting_clinical_review"

    # Reviewed: the page and the API name the reviewer and the day.
    remission().mark_reviewed(reviewer=REVIEWER, by=approver, today=REVIEWED_ON)
    reviewed_version = remission().history.first().history_id
    assert page_status(reader).startswith(f'class="review-status">Reviewed by {REVIEWER} on')
    answer = api_status(reader)
    assert (answer["review_status"], answer["reviewer"]) == ("reviewed", REVIEWER)
    assert answer["last_reviewed"] == "2026-12-03"
    assert answer["next_review_due"] == "2027-12-03"

    # The approver is told, before publishing, that changed words need a new review.
    form = approver_client.get(f"/admin/phases/phase/{remission().pk}/change/").text
    assert "Publishing different words ends that review" in form
    assert 'aria-describedby="review-notice"' in form

    # Changed words published: the claim ends everywhere, and the last review is named.
    response = publish(approver_client, summary=NEW_SUMMARY)
    assert response.status_code == 302
    shown = page_status(reader)
    assert "Changed since its last clinical review on" in shown
    assert "3 December 2026" in shown
    assert "awaiting review by a clinician" in shown
    assert "Reviewed by" not in shown
    answer = api_status(reader)
    assert answer["review_status"] == "changed_since_review"
    assert (answer["last_reviewed"], answer["reviewer"]) == ("2026-12-03", REVIEWER)
    assert answer["next_review_due"] is None
    assert remission() in Phase.objects.awaiting_review()
    [message] = [str(m) for m in approver_client.get(response["Location"]).context["messages"]]
    assert "It needs a new clinical review" in message
    assert schema_status(reader)["enum"] == schema["enum"]

    # Bringing back the reviewed version: the approver is told, and the claim comes back.
    revert_url = f"/admin/phases/phase/{remission().pk}/history/{reviewed_version}/"
    assert "These are the words Dr A. Example" in approver_client.get(revert_url).text
    approver_client.post(revert_url)
    assert page_status(reader).startswith(f'class="review-status">Reviewed by {REVIEWER} on')
    assert api_status(reader)["review_status"] == "reviewed"
    assert remission() not in Phase.objects.awaiting_review()
    assert schema_status(reader)["enum"] == schema["enum"]


def test_a_draft_and_a_republish_of_the_same_words_keep_the_review(approver, approver_client):
    remission().mark_reviewed(reviewer=REVIEWER, by=approver, today=REVIEWED_ON)
    phase = remission()
    approver_client.post(
        f"/admin/phases/phase/{phase.pk}/change/",
        edit_form(phase, summary=NEW_SUMMARY) | {"_continue": 1},
    )
    assert api_status(Client())["review_status"] == "reviewed"  # a draft changes nothing yet

    # The browser sends line breaks as CRLF: the same words all the same.
    publish(approver_client, summary=phase.summary, body=phase.body.replace("\n", "\r\n"))

    assert api_status(Client())["review_status"] == "reviewed"


def test_the_preview_of_changed_words_shows_what_patients_will_read(approver, approver_client):
    remission().mark_reviewed(reviewer=REVIEWER, by=approver, today=REVIEWED_ON)
    phase = remission()
    approver_client.post(
        f"/admin/phases/phase/{phase.pk}/change/",
        edit_form(phase, summary=NEW_SUMMARY) | {"_continue": 1},
    )

    preview = approver_client.get(f"/admin/phases/phase/{phase.pk}/preview/").text

    assert "Changed since its last clinical review on" in preview
