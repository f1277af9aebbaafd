"""The editorial workflow through the real admin, as hospital editors and approvers use it."""

import datetime
import html

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from phases.content.dates import add_months
from phases.models import Explanation, GlossaryTerm, Phase
from tests.conftest import edit_form, sign_in_with_password

pytestmark = pytest.mark.django_db

REMISSION_VALUES = {
    "treatment": "received",
    "ever_in_remission": "yes",
    "marrow_blasts_percent": "2",
}
REMISSION_VALUES |= {"blood_blasts": "no", "cbc": "normal", "mrd": "negative", "symptoms": "no"}


def phase_url(phase, action="change"):
    return f"/admin/phases/phase/{phase.pk}/{action}/"


def remission():
    return Phase.objects.get(language="en", slug="remission")


def save_draft(client, phase, **changes):
    return client.post(phase_url(phase), edit_form(phase, **changes) | {"_continue": "Save"})


def publish(client, phase, **changes):
    return client.post(phase_url(phase), edit_form(phase, **changes) | {"_publish": "Publish"})


# History, and going back


def history_url(phase):
    return phase_url(phase, "history")


def revert_url(phase, record):
    return phase_url(phase, f"history/{record.history_id}")


def success_messages(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "success"]


def test_history_shows_who_changed_what_word_by_word(approver_client):
    publish(approver_client, remission(), summary="Treatment has worked well so far.")

    page = approver_client.get(history_url(remission())).text

    assert "Ada Approver" in page
    assert "Published" in page
    assert "<del>" in page
    assert "<ins>" in page
    assert "well " in page


def test_history_for_an_editor_names_each_source_and_links_to_no_user_page(editor_client):
    imported = remission()
    imported.summary = "Words from another site."
    imported.save_version(by=None, reason="Imported from content.json")
    save_draft(editor_client, remission(), summary="Tests no longer find leukemia cells.")

    response = editor_client.get(history_url(remission()))
    page = response.text

    assert response.status_code == 200
    rows = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "Eddie Editor" in rows
    assert "Draft saved" in rows
    assert "Imported" in rows
    assert "Imported from content.json" in rows
    assert "Initial content" in rows  # the versions the portal was seeded with
    assert "Draft of summary:" in rows  # a draft compared with the published text
    assert "<ins>cells.</ins>" in rows or "cells.</ins>" in rows
    assert "<del>" in rows
    assert "/admin/auth/user/" not in page
    assert "Bring back this version" in rows
    assert rows.index("Draft saved") < rows.index("Imported from content.json")  # newest first


def test_the_revert_page_shows_the_old_text_read_only_and_warns_an_approver(approver_client):
    original = remission().summary
    before = remission().history.first()
    publish(approver_client, remission(), summary="A mistaken summary.")

    page = approver_client.get(revert_url(remission(), before)).text

    texts = page[page.index('class="version-texts"') : page.index("</dl>")]
    assert html.escape(original) in texts
    assert "<input" not in texts
    assert "<textarea" not in texts
    assert "<ins>" in page
    assert "<del>" in page  # against what patients see now
    assert "Warning: this publishes at once." in page
    assert "Patients will see this version as soon as you press" in html.unescape(page)
    assert "saved as a draft" not in page
    assert 'value="Bring back this version"' in page
    assert "csrfmiddlewaretoken" in page


def test_the_revert_page_tells_an_editor_it_will_be_a_draft(editor_client, approver_client):
    before = remission().history.first()
    publish(approver_client, remission(), summary="A mistaken summary.")

    page = editor_client.get(revert_url(remission(), before)).text

    assert "This will be saved as a draft for an approver to publish." in page
    assert "publishes at once" not in page


def test_an_approvers_revert_is_published_at_once_and_recorded(approver_client, client):
    original_summary = remission().summary
    before_mistake = remission().history.first()
    publish(approver_client, remission(), summary="A mistaken summary.")
    assert "A mistaken summary." in client.get("/phases/remission/").text
    approver_client.get("/admin/")  # shows, and so clears, the message of that publish

    response = approver_client.post(revert_url(remission(), before_mistake), follow=True)

    assert response.redirect_chain[-1][0] == phase_url(remission())
    public = client.get("/phases/remission/").text
    assert html.escape(original_summary) in public
    assert "A mistaken summary." not in public
    record = remission().history.first()
    assert record.history_change_reason == "Reverted and published"
    assert record.history_user.username == "approver"
    assert not remission().has_draft
    assert success_messages(response) == [
        f"The text of version {before_mistake.version} is back and published: patients see it now."
    ]


def test_an_editors_revert_becomes_a_draft_and_patients_see_no_change(
    editor_client, approver_client, client
):
    original_summary = remission().summary
    before = remission().history.first()
    publish(approver_client, remission(), summary="A newer summary.")

    response = editor_client.post(revert_url(remission(), before), follow=True)

    assert response.redirect_chain[-1][0] == phase_url(remission())
    assert "A newer summary." in client.get("/phases/remission/").text
    assert remission().summary == "A newer summary."
    assert remission().draft["summary"] == original_summary
    assert remission().history.first().history_change_reason == "Reverted as a draft"
    assert "You are editing an unpublished draft." in response.text
    [message] = success_messages(response)
    assert "is back as a draft" in message
    assert "until an approver publishes it" in message


def test_a_version_that_is_no_longer_valid_is_not_brought_back(approver, approver_client, client):
    term = GlossaryTerm.objects.create(
        term="Port", slug="port", definition="A small device under the skin.", is_published=True
    )
    first = term.history.first()
    term.term, term.slug = "Central port", "central-port"
    term.publish(by=approver)
    GlossaryTerm.objects.create(term="Port", slug="port", definition="Another.", is_published=True)
    url = f"/admin/phases/glossaryterm/{term.pk}/history/{first.history_id}/"

    response = approver_client.post(url)

    assert response.status_code == 200
    assert "This version cannot be brought back as it is." in response.text
    assert "This term is already in the glossary in this language." in html.unescape(response.text)
    assert GlossaryTerm.objects.get(pk=term.pk).term == "Central port"
    assert GlossaryTerm.objects.get(pk=term.pk).version == term.version


def test_the_history_and_revert_pages_need_a_staff_sign_in(client):
    record = remission().history.first()

    assert client.get(history_url(remission())).status_code == 302
    assert client.post(revert_url(remission(), record)).status_code == 302
    assert remission().history.first() == record


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
    assert "<ins>" in response.text
    assert "cells." in response.text  # what the colleague changed
    assert remission().draft["summary"] == "Tests no longer find leukemia cells."

    again = editor_client.post(
        phase_url(stale),
        edit_form(stale, summary="Merged wording.", edit_version=remission().version)
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
    explanation = Explanation.objects.get(language="en", key="remission")
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
            "term": "Port (central line)",
            "slug": "port-central-line",
            "definition": "A test of spinal fluid.",
        },
    )
    term = GlossaryTerm.objects.get(slug="port-central-line")
    assert "Port (central line)" not in client.get("/glossary/").text
    assert (
        "Port (central line)"
        in editor_client.get(f"/admin/phases/glossaryterm/{term.pk}/preview/").text
    )

    approver_client.post(
        f"/admin/phases/glossaryterm/{term.pk}/change/",
        {
            "term": "Port (central line)",
            "slug": "port-central-line",
            "definition": "A test of spinal fluid.",
            "edit_version": term.version,
            "_publish": "Publish",
        },
    )

    assert 'id="port-central-line"' in client.get("/glossary/").text


# Clinical review


def make_overdue(phase, due=datetime.date(2025, 1, 1)):
    phase.last_reviewed, phase.next_review_due = datetime.date(2024, 1, 1), due
    phase.reviewed_fingerprint = phase.text_fingerprint()  # a review of these words
    phase.save()


REVIEWER = "Dr A. Example, paediatric haematologist"


def mark_reviewed(client, phases, **step_two):
    """The admin action: the first POST asks who reviewed; with `step_two`, the second answers."""
    data = {"action": "mark_reviewed", "_selected_action": [phase.pk for phase in phases]}
    return client.post("/admin/phases/phase/", data | step_two)


def test_marking_reviewed_first_asks_for_the_reviewers_full_name_and_role(approver_client):
    make_overdue(remission())
    relapsed = Phase.objects.get(language="en", slug="relapsed")

    response = mark_reviewed(approver_client, [remission(), relapsed])

    assert response.status_code == 200
    assert "Reviewer's full name and role" in html.unescape(response.text)
    assert 'name="reviewer"' in response.text
    assert "required" in response.text
    assert "Remission" in response.text
    assert relapsed.name in response.text
    assert 'name="action" value="mark_reviewed"' in response.text
    assert f'name="_selected_action" value="{relapsed.pk}"' in response.text
    assert remission().last_reviewed == datetime.date(2024, 1, 1)  # nothing changed yet


def test_approver_marks_pages_reviewed_and_the_reviewer_is_recorded_in_full(
    approver_client, client
):
    make_overdue(remission())
    relapsed = Phase.objects.get(language="en", slug="relapsed")

    response = mark_reviewed(
        approver_client, [remission(), relapsed], reviewer=f"  {REVIEWER} ", apply="Mark"
    )

    assert response.status_code == 302
    today = timezone.localdate()
    next_due = add_months(today, 12)
    for phase in (remission(), Phase.objects.get(language="en", slug="relapsed")):
        assert phase.last_reviewed == today
        assert phase.reviewer == REVIEWER
        assert phase.next_review_due == next_due
        assert phase.history.first().history_change_reason == "Marked as clinically reviewed"
        assert phase.history.first().history_user.username == "approver"
    message = str(list(approver_client.get("/admin/phases/phase/").context["messages"])[0])
    assert message.startswith(f"Marked 2 pages as clinically reviewed by {REVIEWER}. ")
    assert "Patients now read who reviewed them and when." in message
    assert f"The next review is due {date_format(next_due)}." in message
    page = client.get("/phases/remission/").text
    assert f'Reviewed by {REVIEWER} on <time datetime="{today.isoformat()}"' in page
    assert f'Next review due <time datetime="{next_due.isoformat()}"' in page


@pytest.mark.parametrize("reviewer", ["", "   ", "Ada"])
def test_marking_reviewed_without_a_full_name_and_role_shows_the_page_again(
    approver_client, reviewer
):
    make_overdue(remission())

    response = mark_reviewed(approver_client, [remission()], reviewer=reviewer, apply="Mark")

    assert response.status_code == 200
    assert "Write the reviewer's full name" in html.unescape(response.text)
    assert 'aria-invalid="true"' in response.text
    assert remission().last_reviewed == datetime.date(2024, 1, 1)


def test_review_interval_is_a_setting(approver_client, settings):
    settings.REVIEW_INTERVAL_MONTHS = 6

    mark_reviewed(approver_client, [remission()], reviewer=REVIEWER, apply="Mark")

    assert remission().next_review_due == add_months(timezone.localdate(), 6)


@pytest.mark.parametrize("step_two", [{}, {"reviewer": REVIEWER, "apply": "Mark"}])
def test_an_editor_cannot_mark_a_phase_reviewed(editor_client, step_two):
    make_overdue(remission())

    response = mark_reviewed(editor_client, [remission()], **step_two)

    assert "Reviewer's full name and role" not in html.unescape(response.text)
    assert remission().last_reviewed == datetime.date(2024, 1, 1)
    assert remission().reviewer != REVIEWER


def test_review_filters_find_awaiting_overdue_and_soon_due_pages(editor_client):
    make_overdue(remission())
    soon = Phase.objects.get(language="en", slug="relapsed")
    soon.last_reviewed = timezone.localdate() - datetime.timedelta(days=300)
    soon.next_review_due = timezone.localdate() + datetime.timedelta(days=10)
    soon.reviewer = REVIEWER
    soon.reviewed_fingerprint = soon.text_fingerprint()  # a review of these words
    soon.save()
    Phase.objects.exclude(slug__in=["remission", "relapsed"]).filter(language="en").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )

    def found(review):
        url = (
            f"/admin/phases/phase/?review={review}&language=en"  # the Spanish pages have their own
        )
        queryset = editor_client.get(url).context["cl"].queryset
        return [phase.slug for phase in queryset]

    assert found("overdue") == ["remission"]
    assert found("due-soon") == ["relapsed"]
    assert found("awaiting") == ["untreated", "minimal-residual-disease", "refractory"]


def test_phase_list_says_which_pages_await_clinical_review(editor_client):
    Phase.objects.filter(language="en", slug="untreated").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )

    page = editor_client.get("/admin/phases/phase/").text

    assert "Awaiting clinical review" in page  # the filter and the column
    awaiting = Phase.objects.awaiting_review().count()
    assert awaiting >= 1
    assert page.count("<strong>Awaiting clinical review</strong>") == awaiting


def test_admin_front_page_shows_what_is_overdue_and_what_awaits_review(editor_client):
    make_overdue(remission())
    Phase.objects.filter(language="en", slug="untreated").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )

    page = editor_client.get("/admin/").text

    assert "Clinical review due" in page
    overdue = page[page.index("<h3>Overdue</h3>") :]
    assert "Remission" in overdue
    assert "review was due 1 January 2025" in overdue
    awaiting = page[page.index("<h3>Awaiting a first clinical review</h3>") :]
    assert "Untreated" in awaiting
    assert "?review=awaiting" in awaiting


# Readability


def test_each_text_shows_its_reading_level_and_word_count(editor_client):
    page = editor_client.get(phase_url(remission())).text

    assert "Reading level" in page
    assert "US grade" in page
    assert "words" in page


def test_saving_a_hard_text_warns_above_grade_eight(editor_client):
    hard = (
        "Hematopoietic reconstitution notwithstanding, persistent immunophenotypically "
        "aberrant lymphoblastic populations necessitate comprehensive multidisciplinary "
        "consideration of intensification strategies."
    )

    response = save_draft(editor_client, remission(), summary=hard)

    # A success, with the reading-level note beside it (not instead of it).
    [saved, message] = get_messages(response.wsgi_request)
    assert saved.level_tag == "success"
    assert str(saved).startswith("Saved as a draft.")
    assert message.level_tag == "warning"
    assert "Summary reads at US grade" in str(message)


# Roles and sign-in


def test_groups_and_permissions_are_created_by_the_migrations():
    from django.contrib.auth.models import Group

    editors = set(
        Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True)
    )
    approvers = set(
        Group.objects.get(name="Content approvers").permissions.values_list("codename", flat=True)
    )

    assert "change_phase" in editors
    assert "publish_phase" not in editors
    assert {"publish_phase", "review_phase", "publish_explanation"} <= approvers
    assert editors <= approvers


def test_repeated_wrong_passwords_lock_the_sign_in_for_a_while(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"login": "editor", "password": "wrong"})

    response = client.post(
        "/accounts/login/", {"login": "editor", "password": "a-long-editor-password"}
    )

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.text
    assert "paused for 30 minutes" in response.text
    assert "_auth_user_id" not in client.session


def test_a_right_password_and_code_sign_in(client, editor):
    assert client.get("/admin/login/?next=/admin/")["Location"].startswith("/accounts/login/")

    response = sign_in_with_password(client, editor)

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


# One message per save, right for the role


@pytest.mark.parametrize(
    ("who", "action", "expected"),
    [
        (
            "editor",
            save_draft,
            "Saved as a draft. Patients still see the published version. It now waits for an "
            "approver to publish it.",
        ),
        (
            "approver",
            save_draft,
            "Saved as a draft. Patients still see the published version. Check it with "
            "“Preview”, then press “Publish”.",
        ),
        ("approver", publish, "Published: patients see this version now."),
    ],
)
def test_a_save_shows_one_message_right_for_the_role(editor, approver, who, action, expected):
    client = Client()
    client.force_login(editor if who == "editor" else approver)

    response = action(client, remission(), summary="Plain new words.")
    page = client.get(response["Location"])

    messages = [str(message) for message in page.context["messages"]]
    assert messages == [expected]
    assert "was changed successfully" not in page.text
