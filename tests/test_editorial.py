"""The editorial workflow through the real admin, as hospital editors and approvers use it."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from phases.models import Explanation, GlossaryTerm, Phase
from phases.publishing import add_months

pytestmark = pytest.mark.django_db

REMISSION_VALUES = dict(treatment="received", ever_in_remission="yes", marrow_blasts_percent="2")
REMISSION_VALUES |= dict(blood_blasts="no", cbc="normal", mrd="negative", symptoms="no")


def phase_url(phase, action="change"):
    return f"/admin/phases/phase/{phase.pk}/{action}/"


def phase_form(phase, **changes):
    shown = phase.with_draft()
    data = {field: getattr(shown, field) for field in Phase.DRAFT_FIELDS}
    return data | {"edit_version": phase.version} | changes


def remission():
    return Phase.objects.get(slug="remission")


def save_draft(client, phase, **changes):
    return client.post(phase_url(phase), phase_form(phase, **changes) | {"_continue": "Save"})


def publish(client, phase, **changes):
    return client.post(phase_url(phase), phase_form(phase, **changes) | {"_publish": "Publish"})


# History, and going back


def test_history_shows_who_changed_what_word_by_word(approver_client):
    publish(approver_client, remission(), summary="Treatment has worked well so far.")

    page = approver_client.get(phase_url(remission(), "history")).text

    assert "approver" in page
    assert "Published" in page
    assert "<del>" in page and "<ins>" in page
    assert "well " in page


def test_revert_restores_an_earlier_version_in_one_step_and_is_recorded(approver_client, client):
    original_summary = remission().summary
    publish(approver_client, remission(), summary="A mistaken summary.")
    assert "A mistaken summary." in client.get("/phases/remission/").text
    first = remission().history.earliest("history_date")

    revert_url = phase_url(remission(), f"history/{first.history_id}")
    form_page = approver_client.get(revert_url)
    assert original_summary in form_page.text
    response = approver_client.post(
        revert_url,
        phase_form(first.instance, edit_version=remission().version) | {"_save": "Revert"},
    )

    assert response.status_code == 302
    assert original_summary in client.get("/phases/remission/").text
    assert remission().history.first().history_change_reason == "Reverted and published"


# No lost edits


def test_a_second_save_of_a_stale_version_is_refused_and_keeps_the_text(editor_client, approver):
    stale = remission()
    colleague = Client()
    colleague.force_login(approver)
    save_draft(colleague, remission(), summary="Tests no longer find leukemia cells.")

    response = save_draft(editor_client, stale, summary="My own careful wording.")

    assert response.status_code == 200
    assert "Someone else saved this while you were editing it" in response.text
    assert "Ada Approver" in response.text
    assert "My own careful wording." in response.text  # the editor's text stays in the form
    assert "<ins>" in response.text and "cells." in response.text  # what the colleague changed
    assert remission().draft["summary"] == "Tests no longer find leukemia cells."

    again = editor_client.post(
        phase_url(stale),
        phase_form(stale, summary="Merged wording.", edit_version=remission().version)
        | {"_continue": "Save"},
    )
    assert again.status_code == 302
    assert remission().draft["summary"] == "Merged wording."


# Draft and publish


def test_a_draft_is_invisible_to_patients_but_shows_in_preview(editor_client):
    client = Client()
    published = remission().summary

    response = save_draft(editor_client, remission(), summary="Draft summary for review.")

    assert response.status_code == 302
    assert published in client.get("/phases/remission/").text
    assert "Draft summary for review." not in client.get("/phases/remission/").text
    assert "Draft summary for review." not in client.get("/").text
    preview = editor_client.get(phase_url(remission(), "preview"))
    assert "Draft summary for review." in preview.text
    assert "Preview." in preview.text
    assert client.get(phase_url(remission(), "preview")).status_code == 302  # staff only


def test_the_change_form_opens_on_the_draft(editor_client):
    save_draft(editor_client, remission(), summary="Draft summary for review.")

    page = editor_client.get(phase_url(remission())).text

    assert "You are editing an unpublished draft." in page
    assert "Draft summary for review." in page


def test_a_draft_explanation_is_invisible_to_the_checker_but_shows_in_preview(
    editor_client, client
):
    explanation = Explanation.objects.get(key="remission")
    editor_client.post(
        f"/admin/phases/explanation/{explanation.pk}/change/",
        {
            "text": "Draft: blasts {marrow_blasts_percent}%.",
            "edit_version": explanation.version,
            "_continue": "Save",
        },
    )

    public = client.post("/check/", REMISSION_VALUES).text
    preview = editor_client.post(
        f"/admin/phases/explanation/{explanation.pk}/preview/", REMISSION_VALUES
    ).text

    assert "Draft: blasts" not in public
    assert "The bone marrow test found 2% blasts." in public
    assert "Draft: blasts 2%." in preview
    assert 'data-phase="remission"' in preview


def test_publishing_makes_the_draft_visible_and_is_recorded(editor_client, approver_client, client):
    save_draft(editor_client, remission(), summary="Reviewed wording.")

    response = publish(approver_client, remission())

    assert response.status_code == 302
    assert "Reviewed wording." in client.get("/phases/remission/").text
    assert not remission().has_draft
    assert remission().history.first().history_change_reason == "Published"


def test_an_editor_cannot_publish(editor_client, client):
    page = editor_client.get(phase_url(remission())).text
    assert 'name="_publish"' not in page

    response = publish(editor_client, remission(), summary="Sneaky change.")

    assert response.status_code == 403
    assert "Sneaky change." not in client.get("/phases/remission/").text


def test_an_approver_sees_the_publish_button(approver_client):
    assert 'name="_publish"' in approver_client.get(phase_url(remission())).text


def test_a_new_glossary_term_stays_hidden_until_published(editor_client, approver_client, client):
    editor_client.post(
        "/admin/phases/glossaryterm/add/",
        {
            "term": "Lumbar puncture",
            "slug": "lumbar-puncture",
            "definition": "A test of spinal fluid.",
        },
    )
    term = GlossaryTerm.objects.get(slug="lumbar-puncture")
    assert "Lumbar puncture" not in client.get("/glossary/").text
    assert (
        "Lumbar puncture"
        in editor_client.get(f"/admin/phases/glossaryterm/{term.pk}/preview/").text
    )

    approver_client.post(
        f"/admin/phases/glossaryterm/{term.pk}/change/",
        {
            "term": "Lumbar puncture",
            "slug": "lumbar-puncture",
            "definition": "A test of spinal fluid.",
            "edit_version": term.version,
            "_publish": "Publish",
        },
    )

    assert 'id="lumbar-puncture"' in client.get("/glossary/").text


# Clinical review


def make_overdue(phase, due=datetime.date(2025, 1, 1)):
    phase.last_reviewed, phase.next_review_due = datetime.date(2024, 1, 1), due
    phase.save()


def test_approver_marks_a_phase_reviewed_and_the_next_review_moves_on(approver_client, client):
    make_overdue(remission())

    approver_client.post(
        "/admin/phases/phase/",
        {"action": "mark_reviewed", "_selected_action": [remission().pk]},
    )

    today = timezone.localdate()
    phase = remission()
    assert phase.last_reviewed == today
    assert phase.reviewer == "Ada Approver"
    assert phase.next_review_due == add_months(today, 12)
    assert phase.history.first().history_change_reason == "Marked as reviewed"
    assert (
        f'Page last reviewed <time datetime="{today.isoformat()}"'
        in client.get("/phases/remission/").text
    )


def test_review_interval_is_a_setting(approver_client, settings):
    settings.REVIEW_INTERVAL_MONTHS = 6

    approver_client.post(
        "/admin/phases/phase/", {"action": "mark_reviewed", "_selected_action": [remission().pk]}
    )

    assert remission().next_review_due == add_months(timezone.localdate(), 6)


def test_an_editor_cannot_mark_a_phase_reviewed(editor_client):
    make_overdue(remission())

    editor_client.post(
        "/admin/phases/phase/", {"action": "mark_reviewed", "_selected_action": [remission().pk]}
    )

    assert remission().last_reviewed == datetime.date(2024, 1, 1)


def test_review_filters_find_overdue_and_soon_due_pages(editor_client):
    make_overdue(remission())
    soon = Phase.objects.get(slug="relapsed")
    soon.next_review_due = timezone.localdate() + datetime.timedelta(days=10)
    soon.save()

    overdue = editor_client.get("/admin/phases/phase/?review=overdue").context["cl"].queryset
    due_soon = editor_client.get("/admin/phases/phase/?review=due-soon").context["cl"].queryset

    assert [phase.slug for phase in overdue] == ["remission"]
    assert [phase.slug for phase in due_soon] == ["relapsed"]


def test_admin_front_page_shows_what_is_overdue(editor_client):
    make_overdue(remission())

    page = editor_client.get("/admin/").text

    assert "Clinical review overdue" in page
    assert "Remission" in page


# Readability


def test_each_text_shows_its_reading_level_and_word_count(editor_client):
    page = editor_client.get(phase_url(remission())).text

    assert "Reading level" in page
    assert "US grade" in page and "words" in page


def test_saving_a_hard_text_warns_above_grade_eight(editor_client):
    hard = (
        "Hematopoietic reconstitution notwithstanding, persistent immunophenotypically "
        "aberrant lymphoblastic populations necessitate comprehensive multidisciplinary "
        "consideration of intensification strategies."
    )

    response = save_draft(editor_client, remission(), summary=hard)

    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("reads at US grade" in message for message in messages)
    assert any("Saved as a draft" in message for message in messages)


# Roles and sign-in


def test_groups_and_permissions_are_created_by_the_migrations():
    from django.contrib.auth.models import Group

    editors = set(
        Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True)
    )
    approvers = set(
        Group.objects.get(name="Content approvers").permissions.values_list("codename", flat=True)
    )

    assert "change_phase" in editors and "publish_phase" not in editors
    assert {"publish_phase", "review_phase", "publish_explanation"} <= approvers
    assert editors <= approvers


def test_repeated_wrong_passwords_lock_the_sign_in_for_a_while(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})

    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a-long-editor-password"}
    )

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.text
    assert "paused for 30 minutes" in response.text
    assert "_auth_user_id" not in client.session


def test_a_right_password_signs_in(client, editor):
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "a-long-editor-password"},
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
