import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from phases.models import Disclaimer, Partner, Phase, SharedSection
from tests.site.test_views import shared_sections

pytestmark = pytest.mark.django_db


def phase_form_data(phase, **changes):
    data = {
        "name": phase.name,
        "summary": phase.summary,
        "body": phase.body,
        "questions": phase.questions,
        "references": phase.references,
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
    phase = Phase.objects.get(language="en", slug="remission")
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


def test_approver_adds_sources_and_patients_see_them_at_the_foot_of_the_page(
    approver_client, client
):
    phase = Phase.objects.get(language="en", slug="relapsed")

    approver_client.post(
        f"/admin/phases/phase/{phase.pk}/change/",
        phase_form_data(phase, references="- [NCI](https://www.cancer.gov)")
        | {"_publish": "Publish"},
    )

    page = client.get("/phases/relapsed/").text
    assert '<h2 id="sources-heading">Sources</h2>' in page
    assert 'href="https://www.cancer.gov"' in page


def test_editor_cannot_open_the_user_or_group_admin(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_nobody_can_add_or_delete_a_phase_in_the_admin(admin_client):
    phase = Phase.objects.first()

    assert admin_client.get("/admin/phases/phase/add/").status_code == 403
    assert admin_client.get(f"/admin/phases/phase/{phase.pk}/delete/").status_code == 403


def test_phase_list_is_in_display_order_and_overdue_reviews_stand_out(editor_client):
    overdue = Phase.objects.get(language="en", slug="refractory")
    overdue.last_reviewed = datetime.date(2024, 1, 1)
    overdue.next_review_due = datetime.date(2025, 1, 1)
    overdue.reviewed_fingerprint = overdue.text_fingerprint()  # a review of these words
    overdue.save()

    response = editor_client.get("/admin/phases/phase/")

    # Each phase with its translations, English first, in the order patients read them.
    names = [phase.name for phase in Phase.objects.order_by("order", "language")]
    positions = [response.text.index(name) for name in names]
    assert positions == sorted(positions)
    assert response.text.count('class="review-overdue"') == 1
    assert "Overdue: was due 1 January 2025" in response.text


def test_phase_admin_links_to_the_public_page(editor_client):
    phase = Phase.objects.get(language="en", slug="untreated")

    response = editor_client.get(f"/admin/phases/phase/{phase.pk}/change/")

    assert "View on site" in response.text


def test_phase_admin_search_finds_words_in_the_explanation(editor_client):
    response = editor_client.get("/admin/phases/phase/?q=sensitive")

    assert [phase.slug for phase in response.context["cl"].queryset] == ["minimal-residual-disease"]


def test_disclaimer_admin_lists_one_disclaimer_for_each_language(editor_client):
    response = editor_client.get("/admin/phases/disclaimer/")

    assert response.status_code == 200
    shown = response.context["cl"].queryset
    assert [disclaimer.language for disclaimer in shown] == ["en", "es"]
    for disclaimer in shown:
        assert f'href="/admin/phases/disclaimer/{disclaimer.pk}/change/' in response.text
    assert "/admin/phases/disclaimer/add/" not in response.text  # every language has one


def test_approver_changes_the_disclaimer(approver_client, client):
    disclaimer = Disclaimer.current()

    approver_client.post(
        f"/admin/phases/disclaimer/{disclaimer.pk}/change/",
        {"text": "Only for learning.", "edit_version": disclaimer.version, "_publish": "Publish"},
    )

    assert "Only for learning." in client.get("/").text


# Sections on every phase page


def section_url(section, action="change"):
    return f"/admin/phases/sharedsection/{section.pk}/{action}/"


def section_form(section, **changes):
    data = {"title": section.title, "text": section.text, "edit_version": section.version}
    return data | changes


def test_editor_drafts_the_urgent_help_section_and_previews_it_on_a_phase_page(editor_client):
    client = Client()  # a patient
    urgent, _ = shared_sections()

    response = editor_client.post(
        section_url(urgent), section_form(urgent, text="Call **now**.") | {"_continue": "Save"}
    )

    assert response.status_code == 302
    assert "Call <strong>now</strong>." not in client.get("/phases/remission/").text
    preview = editor_client.get(section_url(urgent, "preview"))
    assert preview.status_code == 200
    assert "Preview." in preview.text
    assert 'data-phase="remission"' in preview.text
    assert "Call <strong>now</strong>." in preview.text
    assert "Where to get support" in preview.text  # the other section, published, in place
    assert client.get(section_url(urgent, "preview")).status_code == 302  # staff only


def test_approver_publishes_a_shared_section_and_every_phase_page_shows_it(approver_client, client):
    _, support = shared_sections()

    approver_client.post(
        section_url(support),
        section_form(support, title="Help and support", text="Ask for a social worker.")
        | {"_publish": "Publish"},
    )

    for slug in Phase.Slug.values:
        page = client.get(f"/phases/{slug}/").text
        assert '<h2 id="support-heading">Help and support</h2>' in page
        assert "Ask for a social worker." in page
    assert SharedSection.objects.get(
        language="en", key="support"
    ).history.first().history_change_reason == ("Published")


def test_nobody_can_add_or_delete_a_shared_section(admin_client):
    urgent, _ = shared_sections()

    assert admin_client.get("/admin/phases/sharedsection/add/").status_code == 403
    assert admin_client.get(section_url(urgent, "delete")).status_code == 403
    listing = admin_client.get("/admin/phases/sharedsection/").text
    assert "When to get help right away" in listing
    assert "Where to get support" in listing


def test_shared_section_form_shows_its_reading_level(editor_client):
    urgent, _ = shared_sections()

    page = editor_client.get(section_url(urgent)).text

    assert "Reading level" in page
    assert "US grade" in page


# Only patient content has drafts


def test_partner_form_has_djangos_own_save_buttons_and_no_draft(admin_client):
    page = admin_client.get("/admin/phases/partner/add/").text

    assert 'value="Save" class="default" name="_save"' in page
    assert 'name="_continue"' in page  # "Save and continue editing"
    assert "Save draft" not in page
    assert 'name="_publish"' not in page


def test_patient_content_forms_have_save_draft_instead_of_save(admin_client):
    urgent, _ = shared_sections()

    page = admin_client.get(section_url(urgent)).text

    assert 'value="Save draft"' in page
    assert 'name="_publish"' in page
    assert 'name="_save"' not in page


def test_the_partner_form_gives_snippets_that_paste_as_they_are_in_both_languages(admin_client):
    partner = Partner.objects.create(
        name="Example Library", key="example", allowed_origins="https://library.example.org"
    )

    page = admin_client.get(f"/admin/phases/partner/{partner.pk}/change/").text

    assert "…" not in page.split("partner-snippets")[1]
    assert (
        "&lt;a href=&quot;http://testserver/embed/example/check/&quot;&gt;Check your lab results"
        in page
    )
    assert "&lt;a href=&quot;http://testserver/es/embed/example/check/&quot;&gt;Revise" in page
    script = (
        "&lt;script src=&quot;http://testserver/static/embed.js&quot; data-partner=&quot;example"
    )
    assert page.count(script) == 2
    assert "data-lang=&quot;es&quot; async" in page


def test_partners_have_their_own_heading_after_patient_content(admin_client):
    page = admin_client.get("/admin/").text

    content = page.index('class="section" title="Models in the Patient content application"')
    partners = page.index('class="section" title="Models in the Partners application"')
    assert content < partners
    assert page.index("/admin/phases/partner/") > partners
    assert page.index("/admin/phases/phase/") < partners


def test_admin_dates_read_as_the_site_writes_them(editor_client):
    overdue = Phase.objects.get(language="en", slug="refractory")
    overdue.last_reviewed = datetime.date(2024, 1, 1)
    overdue.next_review_due = datetime.date(2025, 1, 1)
    overdue.reviewed_fingerprint = overdue.text_fingerprint()
    overdue.save()

    page = editor_client.get("/admin/phases/phase/").text

    assert "1 January 2024" in page
    assert "Overdue: was due 1 January 2025" in page
    assert "Jan. 1, 2024" not in page
