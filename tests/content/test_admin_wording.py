"""The admin speaks an editor's language: one plain message per action, right for the role;
lists and a front page that say what waits; history, revert and preview pages in plain words.
Each is checked as a Content editor and as a Content approver."""

import datetime
import html

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection
from tests.conftest import edit_form, make_staff

pytestmark = pytest.mark.django_db

REVIEWER = "Dr Ana Ruiz, haematologist"
DJANGO_WORDS = ["was changed successfully", "was added successfully", "deleted successfully"]


def remission():
    return Phase.objects.get(language="en", slug="remission")


def url(obj, action="change"):
    return f"/admin/phases/{obj._meta.model_name}/{obj.pk}/{action}/"


def signed_in(role):
    """A client signed in as a Content editor or a Content approver."""
    group = {"editor": "Content editors", "approver": "Content approvers"}[role]
    user = make_staff(role, group, first_name=role.title(), last_name="Example")
    client = Client()
    client.force_login(user)
    return client


def messages_after(client, response):
    """The messages the user reads after the action: on the page it led to."""
    if response.status_code == 302:
        response = client.get(response["Location"])
    return [(message.level_tag, str(message)) for message in response.context["messages"]]


# One message per action, saying what happened and what comes next, right for the role


@pytest.mark.parametrize(
    ("role", "button", "expected"),
    [
        (
            "editor",
            "_continue",
            "Saved as a draft. Patients still see the published version. It now waits for an "
            "approver to publish it.",
        ),
        (
            "approver",
            "_continue",
            "Saved as a draft. Patients still see the published version. Check it with "
            "“Preview”, then press “Publish”.",
        ),
        ("approver", "_publish", "Published: patients see this version now."),
    ],
)
def test_saving_a_phase_shows_one_plain_message_right_for_the_role(role, button, expected):
    client = signed_in(role)

    response = client.post(
        url(remission()), edit_form(remission(), summary="New words.") | {button: 1}
    )

    assert messages_after(client, response) == [("success", expected)]


def test_an_approver_saving_a_draft_is_not_told_to_ask_an_approver():
    client = signed_in("approver")

    response = client.post(
        url(remission()), edit_form(remission(), summary="New.") | {"_continue": 1}
    )

    [(_, message)] = messages_after(client, response)
    assert "approver" not in message


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_a_new_glossary_term_saved_as_a_draft_says_patients_do_not_see_it_yet(role):
    client = signed_in(role)
    term = {"term": "Port", "slug": "port", "definition": "A small device under the skin."}

    response = client.post("/admin/phases/glossaryterm/add/", term | {"_continue": 1})

    [(level, message)] = messages_after(client, response)
    assert level == "success"
    assert "Patients do not see it until it is published." in message
    assert "published version" not in message
    page = client.get(url(GlossaryTerm.objects.get(slug="port"))).text
    assert "Patients do not see it until it is published." in page


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_a_hard_text_is_saved_with_a_success_and_a_reading_level_note_beside_it(role):
    client = signed_in(role)
    hard = "Immunophenotypically aberrant lymphoblastic populations necessitate intensification."

    response = client.post(
        url(remission()), edit_form(remission(), summary=hard) | {"_continue": 1}
    )

    [(level, message), (note_level, note)] = messages_after(client, response)
    assert level == "success"
    assert message.startswith("Saved as a draft. Patients still see the published version.")
    assert note_level == "warning"
    assert "Summary reads at US grade" in note
    assert "shorter sentences" in note


def test_a_hard_text_published_is_a_success_with_the_reading_level_note_beside_it():
    client = signed_in("approver")
    hard = "Immunophenotypically aberrant lymphoblastic populations necessitate intensification."

    response = client.post(
        url(remission()), edit_form(remission(), summary=hard) | {"_publish": "Publish"}
    )

    [(level, message), (note_level, note)] = messages_after(client, response)
    assert (level, note_level) == ("success", "warning")
    assert message.startswith("Published: patients see this version now.")
    assert "Summary reads at US grade" in note


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "editor",
            "The text of version 1 is back as a draft: patients still see the published "
            "version until an approver publishes it.",
        ),
        ("approver", "The text of version 1 is back and published: patients see it now."),
    ],
)
def test_bringing_back_a_version_shows_one_message_right_for_the_role(role, expected):
    client = signed_in(role)
    first = remission().history.earliest()

    response = client.post(url(remission(), f"history/{first.history_id}"))

    assert messages_after(client, response) == [("success", expected)]


def test_an_approver_deletes_a_term_after_a_plain_question_and_reads_one_message():
    client = signed_in("approver")
    term = GlossaryTerm.objects.create(
        term="Port", slug="port", definition="A device.", is_published=True
    )

    question = client.get(url(term, "delete")).text
    response = client.post(url(term, "delete"), {"post": "yes"})

    assert "Delete the glossary term “Port”?" in html.unescape(question)
    assert "Patients stop seeing it as soon as you press" in html.unescape(question)
    assert 'value="Yes, delete it"' in question
    assert "No, keep it" in question
    assert messages_after(client, response) == [
        ("success", "Deleted the glossary term “Port”: patients no longer see it.")
    ]
    assert not GlossaryTerm.objects.filter(slug="port").exists()


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_no_list_offers_djangos_bulk_delete(role):
    client = signed_in(role)

    page = client.get("/admin/phases/glossaryterm/").text

    assert "delete_selected" not in page


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_no_action_shows_djangos_own_wording(role):
    client = signed_in(role)
    term = {"term": "Port", "slug": "port", "definition": "A small device under the skin."}
    responses = [
        client.post(url(remission()), edit_form(remission(), summary="New.") | {"_continue": 1}),
        client.post("/admin/phases/glossaryterm/add/", term | {"_continue": 1}),
    ]

    for response in responses:
        page = client.get(response["Location"]).text
        assert not any(words in page for words in DJANGO_WORDS)


# Marking pages as clinically reviewed: a full name and role, and one message


def mark_reviewed(client, phases, reviewer):
    data = {"action": "mark_reviewed", "_selected_action": [phase.pk for phase in phases]}
    return client.post("/admin/phases/phase/", data | {"reviewer": reviewer, "apply": "Mark"})


def test_marking_reviewed_names_the_reviewer_in_full_in_one_message():
    client = signed_in("approver")
    phases = Phase.objects.filter(language="en", slug__in=["remission", "relapsed"])

    response = mark_reviewed(client, phases, REVIEWER)

    [(level, message)] = messages_after(client, response)
    assert level == "success"
    assert message.startswith(f"Marked 2 pages as clinically reviewed by {REVIEWER}. ")
    assert "Patients now read who reviewed them and when." in message
    assert remission().reviewer == REVIEWER


@pytest.mark.parametrize(
    "reviewer", ["Arthur", "Dr Arthur", "Ana Ruiz", "Ana Ruiz,", "Dr Ruiz, GP"]
)
def test_a_first_name_or_a_name_without_a_role_is_refused_with_a_clear_message(reviewer):
    client = signed_in("approver")
    before = remission().reviewer

    response = mark_reviewed(client, [remission()], reviewer)

    assert response.status_code == 200
    assert "Write the reviewer's full name, a comma, then their role" in html.unescape(
        response.text
    )
    assert remission().reviewer == before


def test_the_model_refuses_a_reviewer_without_a_full_name_and_role(approver):
    with pytest.raises(ValidationError):
        remission().mark_reviewed(reviewer="Arthur", by=approver, today=timezone.localdate())

    assert remission().reviewer != "Arthur"


# Lists: a draft column that reads "Draft waiting" or nothing


@pytest.mark.parametrize("role", ["editor", "approver"])
@pytest.mark.parametrize("model", ["phase", "sharedsection", "glossaryterm", "explanation"])
def test_the_draft_column_reads_draft_waiting_or_nothing_without_icons(role, model):
    client = signed_in(role)
    item = {
        "phase": remission,
        "sharedsection": lambda: SharedSection.objects.filter(language="en").first(),
        "glossaryterm": lambda: GlossaryTerm.objects.filter(language="en").first(),
        "explanation": lambda: Explanation.objects.filter(language="en").first(),
    }[model]()
    item.save_draft(by=None)
    others = type(item).objects.count() - 1

    page = client.get(f"/admin/phases/{model}/").text

    assert '<th scope="col" class="column-draft_status">' in page
    header = page[page.index("column-draft_status") :]
    assert "Draft</" in header[: header.index("</th>") + 5]
    assert page.count('<td class="field-draft_status">Draft waiting</td>') == 1
    assert page.count('<td class="field-draft_status"></td>') == others
    assert "icon-no.svg" not in page
    assert "icon-yes.svg" not in page
    waiting = client.get(f"/admin/phases/{model}/?draft=waiting").context["cl"].queryset
    assert list(waiting) == [item]


# The front page: drafts waiting (approvers) and reviews due (everyone)


def test_the_front_page_lists_drafts_waiting_for_an_approver_with_links_to_each():
    editor_client, approver_client = signed_in("editor"), signed_in("approver")
    editor_client.post(url(remission()), edit_form(remission(), summary="New.") | {"_continue": 1})
    term = {"term": "Port", "slug": "port", "definition": "A small device under the skin."}
    editor_client.post("/admin/phases/glossaryterm/add/", term | {"_continue": 1})

    page = approver_client.get("/admin/").text

    waiting = page[page.index("Drafts waiting for approval") : page.index("</section>")]
    assert f'<a href="{url(remission())}">Remission</a>: saved by Editor Example' in waiting
    port = GlossaryTerm.objects.get(slug="port")
    assert f'<a href="{url(port)}">Port</a>' in waiting
    assert "<h3>Phases</h3>" in waiting
    assert "<h3>Glossary terms</h3>" in waiting


def test_the_front_page_tells_an_approver_when_no_draft_is_waiting():
    page = signed_in("approver").get("/admin/").text

    assert "Drafts waiting for approval" in page
    assert "No drafts are waiting" in page


def test_an_editor_does_not_get_the_list_of_drafts_waiting_for_approval():
    client = signed_in("editor")
    client.post(url(remission()), edit_form(remission(), summary="New.") | {"_continue": 1})

    page = client.get("/admin/").text

    assert "Drafts waiting for approval" not in page


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_the_front_page_lists_pages_overdue_and_due_soon_for_clinical_review(role):
    today = timezone.localdate()
    Phase.objects.filter(language="en", slug="remission").update(
        last_reviewed=datetime.date(2024, 1, 1), next_review_due=datetime.date(2025, 1, 1)
    )
    Phase.objects.filter(language="en", slug="relapsed").update(
        last_reviewed=today - datetime.timedelta(days=300),
        next_review_due=today + datetime.timedelta(days=10),
        reviewer=REVIEWER,
    )

    page = signed_in(role).get("/admin/").text

    reviews = page[page.index("Clinical review due") :]
    overdue = reviews[reviews.index("<h3>Overdue</h3>") : reviews.index("<h3>Due within")]
    assert f'<a href="{url(remission())}">Remission</a>' in overdue
    soon = reviews[reviews.index("<h3>Due within 30 days</h3>") :]
    relapsed = Phase.objects.get(language="en", slug="relapsed")
    assert f'<a href="{url(relapsed)}">{html.escape(relapsed.name)}</a>: review due' in soon


# History and revert pages in plain words


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_history_names_a_person_or_initial_content_never_none(role):
    client = signed_in(role)
    client.post(url(remission()), edit_form(remission(), summary="Newer words.") | {"_continue": 1})

    page = client.get(url(remission(), "history")).text

    rows = page[page.index("<tbody>") : page.index("</tbody>")]
    assert f"{role.title()} Example" in rows
    assert "Initial content" in rows
    assert "None" not in rows
    assert "<ins>" in rows
    assert "<del>" in rows
    assert "Changed words are marked" in page


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_history_links_no_user_page_the_viewer_may_not_open(role):
    client = signed_in(role)
    client.post(url(remission()), edit_form(remission(), summary="Newer words.") | {"_continue": 1})

    page = client.get(url(remission(), "history")).text

    assert "/admin/auth/user/" not in page


def test_history_links_the_person_for_someone_who_may_open_user_pages(admin_client):
    editor = User.objects.get(username="admin")
    phase = remission()
    phase.summary = "Newer words."
    phase.publish(by=editor)

    page = admin_client.get(url(remission(), "history")).text

    assert f'<a href="/admin/auth/user/{editor.pk}/change/">admin</a>' in page


def test_the_revert_page_warns_an_approver_that_it_publishes_at_once():
    client = signed_in("approver")
    first = remission().history.earliest()

    page = html.unescape(client.get(url(remission(), f"history/{first.history_id}")).text)

    assert "Warning: this publishes at once." in page
    assert "Patients will see this version as soon as you press “Bring back this version”" in page
    assert 'aria-describedby="revert-effect"' in page
    assert "cannot be edited here" in page
    assert "Historical" not in page
    assert "version of the object" not in page


def test_the_revert_page_tells_an_editor_it_becomes_a_draft_for_an_approver():
    client = signed_in("editor")
    first = remission().history.earliest()

    page = html.unescape(client.get(url(remission(), f"history/{first.history_id}")).text)

    assert "This will be saved as a draft for an approver to publish." in page
    assert "Patients keep seeing the published version until then." in page
    assert "publishes at once" not in page
    assert 'value="Bring back this version"' in page


# Previews lead back to the form; multi-line texts get text boxes


@pytest.mark.parametrize("role", ["editor", "approver"])
@pytest.mark.parametrize(
    "model", ["phase", "sharedsection", "disclaimer", "glossaryterm", "explanation"]
)
def test_a_preview_links_back_to_the_form(role, model):
    item = {
        "phase": remission,
        "sharedsection": lambda: SharedSection.objects.filter(language="en").first(),
        "disclaimer": Disclaimer.current,
        "glossaryterm": lambda: GlossaryTerm.objects.filter(language="en").first(),
        "explanation": lambda: Explanation.objects.filter(language="en").first(),
    }[model]()

    page = signed_in(role).get(url(item, "preview")).text

    assert "Preview." in page
    assert f'<a href="{url(item)}">' in page
    assert f"Back to editing “{html.escape(str(item))}”" in page


@pytest.mark.parametrize(
    ("model", "field", "rows"),
    [
        ("phase", "summary", 3),
        ("phase", "body", 24),
        ("phase", "questions", 10),
        ("phase", "references", 8),
        ("sharedsection", "text", 14),
        ("disclaimer", "text", 6),
        ("glossaryterm", "definition", 4),
        ("explanation", "text", 8),
    ],
)
def test_multi_line_texts_have_text_boxes_of_a_sensible_height(model, field, rows):
    item = {
        "phase": remission,
        "sharedsection": lambda: SharedSection.objects.filter(language="en").first(),
        "disclaimer": Disclaimer.current,
        "glossaryterm": lambda: GlossaryTerm.objects.filter(language="en").first(),
        "explanation": lambda: Explanation.objects.filter(language="en").first(),
    }[model]()

    page = signed_in("editor").get(url(item)).text

    textarea = page[page.index(f'<textarea name="{field}"') :]
    textarea = textarea[: textarea.index(">")]
    assert f'rows="{rows}"' in textarea


def test_the_summary_box_keeps_its_length_limit():
    page = signed_in("editor").get(url(remission())).text

    textarea = page[page.index('<textarea name="summary"') :]
    assert 'maxlength="240"' in textarea[: textarea.index(">")]
