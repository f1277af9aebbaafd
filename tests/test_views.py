import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from phases.models import Disclaimer, Phase
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_answers_with_the_disclaimer(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "Medical disclaimer" in response.text
    assert Disclaimer.current().html in response.text


def test_home_lists_the_five_phases_in_order_with_links(client):
    response = client.get("/")

    positions = [response.text.index(phase.get_absolute_url()) for phase in Phase.objects.all()]
    assert len(positions) == 5
    assert positions == sorted(positions)
    for phase in Phase.objects.all():
        assert phase.summary in response.text


def test_home_explains_why_all_has_phases_not_stages(client):
    response = client.get("/")

    assert "do not stage ALL" in response.text


def test_phase_page_shows_explanation_questions_review_dates_and_code(client):
    phase = Phase.objects.get(slug="relapsed")

    response = client.get(phase.get_absolute_url())

    assert f"<h1>{phase.name}</h1>" in response.text
    assert phase.body_html in response.text
    assert "Questions to ask your care team" in response.text
    assert phase.questions_html in response.text
    assert "Page last reviewed" in response.text
    assert phase.last_reviewed.strftime("%-d %B %Y") in response.text
    assert "Next review due" in response.text
    assert phase.next_review_due.strftime("%-d %B %Y") in response.text
    assert "ICD-10-CM" in response.text and "C91.02" in response.text


def test_phase_pages_link_to_the_previous_and_next_phase(client):
    phases = list(Phase.objects.all())
    first, second, last = phases[0], phases[1], phases[-1]

    first_page = client.get(first.get_absolute_url()).text
    second_page = client.get(second.get_absolute_url()).text
    last_page = client.get(last.get_absolute_url()).text

    assert 'rel="prev"' not in first_page
    assert f'href="{second.get_absolute_url()}" rel="next"' in first_page
    assert f'href="{first.get_absolute_url()}" rel="prev"' in second_page
    assert 'rel="next"' not in last_page


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
    with django_assert_max_num_queries(2):
        client.get("/")


def test_phase_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
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
