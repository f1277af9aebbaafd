import datetime

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from phases.models import Disclaimer, Phase, SharedSection
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 1, 31)


def save_phase(slug, **fields):
    """Change a phase as the admin does (its HTML is rendered when it is saved)."""
    phase = Phase.objects.get(language="en", slug=slug)
    for field, value in fields.items():
        setattr(phase, field, value)
    phase.save()


def shared_sections():
    """The two sections every phase page shows, published (the seed migration creates them;
    made here too, so the tests hold either way)."""
    urgent, _ = SharedSection.objects.update_or_create(
        language="en",
        key="urgent-help",
        defaults={
            "title": "When to get help right away",
            "text": "Call your care team's **24-hour** number for a fever of 38.0 °C or more.",
            "draft": None,
        },
    )
    support, _ = SharedSection.objects.update_or_create(
        language="en",
        key="support",
        defaults={
            "title": "Where to get support",
            "text": "Ask your team for a **social worker**.",
            "draft": None,
        },
    )
    return urgent, support


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_answers_with_the_disclaimer(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "Medical disclaimer" in response.text
    assert Disclaimer.current().html in response.text


def test_home_lists_the_five_phases_in_order_with_links(client):
    response = client.get("/")

    positions = [
        response.text.index(phase.get_absolute_url())
        for phase in Phase.objects.filter(language="en")
    ]
    assert len(positions) == 5
    assert positions == sorted(positions)
    for phase in Phase.objects.filter(language="en"):
        assert phase.summary in response.text


def test_home_explains_why_all_has_phases_not_stages(client):
    response = client.get("/")

    assert "do not stage ALL" in response.text


def test_phase_page_shows_explanation_questions_and_code(client):
    phase = Phase.objects.get(language="en", slug="relapsed")

    response = client.get(phase.get_absolute_url())

    assert f"<h1>{phase.name}</h1>" in response.text
    assert phase.body_html in response.text
    assert "Questions to ask your care team" in response.text
    assert phase.questions_html in response.text
    assert "ICD-10-CM" in response.text
    assert "C91.02" in response.text


def not_reviewed(phase):
    phase.last_reviewed = phase.next_review_due = None
    phase.reviewer = ""
    phase.save()
    return phase


def test_a_page_no_clinician_reviewed_says_it_awaits_review_and_shows_no_date(client):
    phase = not_reviewed(Phase.objects.get(language="en", slug="refractory"))

    page = client.get(phase.get_absolute_url()).text

    assert "Written by the portal's content team; awaiting review by a clinician." in page
    assert "<time" not in page
    assert "Reviewed by" not in page
    assert "last reviewed" not in page.lower()
    assert "Next review due" not in page


def test_a_page_marked_reviewed_names_the_reviewer_in_full_and_the_dates(client, approver):
    phase = not_reviewed(Phase.objects.get(language="en", slug="refractory"))
    today = datetime.date(2026, 12, 3)

    phase.mark_reviewed(
        reviewer="Dr A. Example, paediatric haematologist", by=approver, today=today
    )

    page = client.get(phase.get_absolute_url()).text
    assert (
        'Reviewed by Dr A. Example, paediatric haematologist on <time datetime="2026-12-03">'
        "3 December 2026</time>." in page
    )
    assert 'Next review due <time datetime="2027-12-03">3 December 2027</time>.' in page
    assert "awaiting review" not in page


def test_marking_a_page_reviewed_records_who_when_and_why_and_keeps_its_draft(approver, settings):
    settings.REVIEW_INTERVAL_MONTHS = 6
    phase = Phase.objects.get(language="en", slug="remission")
    Phase.objects.filter(pk=phase.pk).update(draft={"summary": "A draft."})
    version = Phase.objects.get(pk=phase.pk).version

    phase.mark_reviewed(reviewer="Dr B. Example, nurse specialist", by=approver, today=TODAY)

    phase = Phase.objects.get(pk=phase.pk)
    assert (phase.last_reviewed, phase.next_review_due) == (TODAY, datetime.date(2027, 7, 31))
    assert phase.reviewer == "Dr B. Example, nurse specialist"
    assert phase.version == version + 1
    assert phase.draft == {"summary": "A draft."}  # loaded before the draft was saved: kept
    record = phase.history.first()
    assert record.history_user == approver
    assert record.history_change_reason == "Marked as clinically reviewed"


def test_phase_pages_do_not_present_the_phases_as_steps_in_order(client):
    phases = list(Phase.objects.filter(language="en"))

    for phase in phases:
        page = client.get(phase.get_absolute_url()).text
        nav = page[page.index('<nav class="other-phases" aria-label="Other phases">') :]
        nav = nav[: nav.index("</nav>")]
        others = [other for other in phases if other != phase]
        links = [f'href="{other.get_absolute_url()}">{other.name}<' for other in others]
        positions = [nav.index(link) for link in links]
        assert positions == sorted(positions)
        assert f'href="{phase.get_absolute_url()}"' not in nav
        assert "<h2" in nav
        assert "Other phases" in nav
        for ladder in (f"Phase {phase.order} of", 'rel="next"', 'rel="prev"', "Next phase"):
            assert ladder not in page
        assert "Previous phase" not in page


def test_every_phase_page_shows_urgent_help_first_and_support_after_the_questions(client):
    urgent, support = shared_sections()

    for phase in Phase.objects.filter(language="en"):
        page = client.get(phase.get_absolute_url()).text
        assert '<section class="urgent-help" aria-labelledby="urgent-help-heading">' in page
        assert f'<h2 id="urgent-help-heading">{urgent.title}</h2>' in page
        assert f'<h2 id="support-heading">{support.title}</h2>' in page
        order = [
            page.index(phase.summary),
            page.index(urgent.html),
            page.index(phase.body_html),
            page.index("Questions to ask your care team"),
            page.index(support.html),
        ]
        assert order == sorted(order), phase.slug


def test_a_draft_of_a_shared_section_stays_off_the_phase_pages(client):
    urgent, _ = shared_sections()
    urgent.draft = {"text": "DRAFT advice."}
    urgent.save()

    assert "DRAFT advice." not in client.get("/phases/remission/").text


def test_a_phase_page_still_renders_when_a_shared_section_is_missing(client):
    SharedSection.objects.all().delete()

    response = client.get("/phases/remission/")

    assert response.status_code == 200
    assert "urgent-help" not in response.text
    assert "support-heading" not in response.text


def test_sources_show_at_the_foot_of_the_page_only_when_written(client):
    save_phase("remission", references="- [National Cancer Institute](https://www.cancer.gov)")
    save_phase("relapsed", references="  ")

    with_sources = client.get("/phases/remission/").text
    without = client.get("/phases/relapsed/").text

    footer = with_sources[with_sources.index('<footer class="phase-meta">') :]
    assert '<h2 id="sources-heading">Sources</h2>' in footer
    assert 'href="https://www.cancer.gov"' in footer
    assert footer.index("review-status") < footer.index("Sources")
    assert "Sources" not in without


def test_glossary_gives_each_term_an_anchor(client):
    response = client.get("/glossary/")

    for anchor in ["blasts", "bone-marrow", "cbc", "mrd", "remission", "relapse", "induction"]:
        assert f'id="{anchor}"' in response.text


def test_unknown_phase_is_a_friendly_404(client):
    response = client.get("/phases/stage-four/")

    assert response.status_code == 404
    assert "We can't find that page" in response.text
    assert "Medical disclaimer" in response.text


def test_server_error_page_keeps_the_style_and_a_disclaimer():
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "Medical disclaimer" in response.content.decode()
    assert "portal" in response.content.decode()  # the site's own stylesheet


def test_home_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # The phases; the disclaimer; when the phases last changed (schema.org's dateModified).
    with django_assert_max_num_queries(3):
        client.get("/")


def test_phase_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # The phases (this one and the links to the others); the shared sections with the disclaimer;
    # when this phase last changed (schema.org's dateModified).
    with django_assert_max_num_queries(3):
        client.get("/phases/remission/")


def test_an_edited_disclaimer_shows_on_every_page(client):
    disclaimer = Disclaimer.current()
    disclaimer.text = "Learning only. Ask your **own** care team."
    disclaimer.save()

    for url in PUBLIC_PAGES:
        assert "Ask your <strong>own</strong> care team." in client.get(url).text


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith(".svg")
