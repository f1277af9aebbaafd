import datetime

import pytest
from django.contrib.auth.models import Group

from phases.models import Disclaimer, Phase

pytestmark = pytest.mark.django_db


def phase_form_data(phase, **changes):
    data = {
        "name": phase.name,
        "summary": phase.summary,
        "body": phase.body,
        "questions": phase.questions,
        "edit_version": phase.version,
    }
    return data | changes


def test_content_editors_group_is_created_by_the_migrations():
    codenames = set(
        Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True)
    )

    assert {"change_phase", "change_disclaimer", "change_glossaryterm"} <= codenames
    assert "change_explanation" in codenames
    assert not any(name.endswith(("_user", "_group", "_permission")) for name in codenames)


def test_approver_changes_a_phase_and_patients_see_the_new_wording(approver_client, client):
    phase = Phase.objects.get(slug="remission")
    change_url = f"/admin/phases/phase/{phase.pk}/change/"
    assert approver_client.get(change_url).status_code == 200

    response = approver_client.post(
        change_url,
        phase_form_data(phase, summary="Your blood counts are back to normal.", body="New *text*.")
        | {"_publish": "Publish"},
    )

    assert response.status_code == 302
    page = client.get("/phases/remission/").text
    assert "Your blood counts are back to normal." in page
    assert "New <em>text</em>." in page


def test_editor_cannot_open_the_user_or_group_admin(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_nobody_can_add_or_delete_a_phase_in_the_admin(admin_client):
    phase = Phase.objects.first()

    assert admin_client.get("/admin/phases/phase/add/").status_code == 403
    assert admin_client.get(f"/admin/phases/phase/{phase.pk}/delete/").status_code == 403


def test_phase_list_is_in_display_order_and_overdue_reviews_stand_out(editor_client):
    overdue = Phase.objects.get(slug="refractory")
    overdue.last_reviewed = datetime.date(2024, 1, 1)
    overdue.next_review_due = datetime.date(2025, 1, 1)
    overdue.save()

    response = editor_client.get("/admin/phases/phase/")

    names = [phase.name for phase in Phase.objects.all()]
    positions = [response.text.index(name) for name in names]
    assert positions == sorted(positions)
    assert response.text.count('class="review-overdue"') == 1
    assert "Overdue: was due Jan. 1, 2025" in response.text


def test_phase_admin_links_to_the_public_page(editor_client):
    phase = Phase.objects.get(slug="untreated")

    response = editor_client.get(f"/admin/phases/phase/{phase.pk}/change/")

    assert "View on site" in response.text


def test_phase_admin_search_finds_words_in_the_explanation(editor_client):
    response = editor_client.get("/admin/phases/phase/?q=sensitive")

    assert [phase.slug for phase in response.context["cl"].queryset] == ["minimal-residual-disease"]


def test_disclaimer_admin_goes_straight_to_the_one_disclaimer(editor_client):
    response = editor_client.get("/admin/phases/disclaimer/")

    assert response.status_code == 302
    assert response["Location"] == f"/admin/phases/disclaimer/{Disclaimer.current().pk}/change/"


def test_approver_changes_the_disclaimer(approver_client, client):
    disclaimer = Disclaimer.current()

    approver_client.post(
        f"/admin/phases/disclaimer/{disclaimer.pk}/change/",
        {"text": "Only for learning.", "edit_version": disclaimer.version, "_publish": "Publish"},
    )

    assert "Only for learning." in client.get("/").text
