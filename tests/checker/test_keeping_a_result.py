"""A result a patient can keep: Back never loses it, and it prints as a handout.

The browser side (Back, printing to PDF) is in tests/browser/test_keeping_a_result.py; these
tests hold what the server sends for it.
"""

import re

import pytest
from django.utils import timezone
from django.utils.dateformat import format as format_date

from phases.models import Disclaimer

pytestmark = pytest.mark.django_db

REMISSION = {
    "treatment": "received",
    "first_course_finished": "yes",
    "ever_in_remission": "yes",
    "symptoms": "no",
    "marrow_blasts_percent": "<5%",
    "mrd": "negative",
    "platelets": "150000",
    "hemoglobin": "12.5",
}
CANT_TELL = {"treatment": "received", "marrow_blasts_percent": "30"}


def today():
    return format_date(timezone.localdate(), "j F Y")


def disclaimer_sentence():
    return Disclaimer.objects.get(language="en").text.split(".")[0]


def test_a_result_is_dated_and_offers_a_handout_that_works_without_javascript(client):
    page = client.post("/check/", REMISSION).text

    assert "Result made on <time" in page
    assert today() in page
    button = re.search(r"<button[^>]*print-result[^>]*>", page).group(0)
    assert 'type="submit"' in button
    assert 'form="lab-report"' in button
    assert 'formaction="/check/handout/"' in button
    assert 'formtarget="_blank"' in button
    assert "Print or save this result" in page


def test_without_javascript_a_results_links_open_in_a_new_tab_and_say_so(client):
    page = client.post("/check/", CANT_TELL).text

    assert '<base target="_blank">' in page
    assert "Links in this result open in a new tab, so your result stays here." in page
    candidate = re.search(r'<ul class="candidates">.*?</ul>', page, re.S).group(0)
    assert candidate.count("(opens in a new tab)") == candidate.count("<a ")
    # Jumps within the page, and the form itself, stay in this tab.
    for jump in re.findall(r'<a href="#[^"]*"[^>]*>', page):
        assert 'target="_self"' in jump, jump
    assert re.search(r'<form[^>]*id="lab-report"[^>]*target="_self"', page)


def test_the_empty_form_opens_links_as_usual(client):
    page = client.get("/check/").text

    assert "<base" not in page
    assert re.search(r'<script src="/static/checker(\.\w+)?\.js" defer>', page)


def test_a_form_with_mistakes_keeps_the_answers_in_its_tab_too(client):
    page = client.post("/check/", {"anc": "abc"}).text

    assert '<base target="_blank">' in page
    assert "Other links on this page open in a new tab, so your answers stay here." in page
    for jump in re.findall(r'<a [^>]*href="#[^"]*"[^>]*>', page):
        assert 'target="_self"' in jump, jump


def test_the_handout_has_the_answers_result_and_disclaimer_once_and_no_form(client):
    response = client.post("/check/handout/", REMISSION)
    page = response.text

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "<h1>Your result from the ALL Phase Portal</h1>" in page
    assert today() in page
    assert 'data-phase="remission"' in page
    answers = re.search(r'<div class="your-answers">.*?</dl>', page, re.S).group(0)
    assert "<dt>Treatment ever given</dt><dd>Yes, treatment has been given</dd>" in answers
    assert "<dt>MRD test</dt><dd>Negative: no leukemia cells were found</dd>" in answers
    assert "outside" not in answers  # a question left unanswered is not listed
    numbers = re.search(r'<table class="table numbers">.*?</table>', page, re.S).group(0)
    for typed in ["below 5%", "150 ×10⁹/L", "12.5 g/dL"]:
        assert typed in numbers
    assert "Questions to ask your care team" in page
    assert page.count(disclaimer_sentence()) == 1
    assert "<form" not in page
    assert "site-nav" not in page
    assert "Print or save this result" not in page


def test_the_handout_says_what_is_urgent_first(client):
    page = client.post("/check/handout/", REMISSION | {"anc": "0.3"}).text

    assert page.index('id="get-help-now"') < page.index('id="result-heading"')
    assert "<title>Get help right away: your result to print" in page


def test_the_handout_with_nothing_sent_is_the_checker(client):
    response = client.get("/check/handout/")

    assert response.status_code == 302
    assert response["Location"] == "/check/"


def test_the_handout_of_a_form_with_mistakes_shows_the_mistakes(client):
    page = client.post("/check/handout/", {"anc": "abc"}).text

    assert "Please check these answers" in page
    assert "abc" in page


def test_an_embedded_result_prints_inside_the_embed(client):
    result = client.post("/embed/demo/check/", REMISSION).text
    handout = client.post("/embed/demo/check/handout/", REMISSION)

    assert 'formaction="/embed/demo/check/handout/"' in result
    assert handout.status_code == 200
    assert 'href="/embed/demo/phases/remission/"' in handout.text


def test_printed_pages_say_where_they_came_from(client):
    page = client.get("/phases/remission/").text

    source = re.search(r'<p class="print-only print-source">(.*?)</p>', page).group(1)
    assert "ALL Phase Portal" in source
    assert "http://testserver/phases/remission/" in source
    assert today() in source
