"""A patient's values are never stored, logged, cached or put in an address."""

import gc
import logging

import pytest
from django.apps import apps
from django.core import serializers
from django.db import connection
from django.test.utils import CaptureQueriesContext

SENTINEL = "4.321"  # a marrow blast value no seeded text contains
# Every page that reads a patient's values: the checker, and its result ready to print.
READS_VALUES = ["/check/", "/check/handout/", "/embed/demo/check/", "/embed/demo/check/handout/"]


@pytest.mark.django_db
@pytest.mark.parametrize("address", READS_VALUES)
def test_a_posted_value_leaves_no_trace(client, caplog, address):
    caplog.set_level(logging.DEBUG)
    values = {"treatment": "received", "marrow_blasts_percent": SENTINEL, "cbc": "normal"}

    with CaptureQueriesContext(connection) as queries:
        response = client.post(address, values, HTTP_REFERER="http://127.0.0.1/check/")

    assert SENTINEL in response.text  # the patient sees their value...
    assert all(SENTINEL not in query["sql"] for query in queries.captured_queries)
    assert SENTINEL not in caplog.text
    for header, value in response.headers.items():
        assert SENTINEL not in header
        assert SENTINEL not in value
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    for model in apps.get_models():
        assert SENTINEL not in serializers.serialize("json", model._default_manager.all())


@pytest.mark.django_db
def test_the_form_sends_values_in_the_body_not_the_address(client):
    page = client.get("/check/").text

    assert '<form  action="/check/"' in page or 'action="/check/"' in page
    assert 'method="post"' in page


def count_strings_held_by_the_process(fragment):
    """How many strings holding `fragment` that a live object refers to, directly or through a
    dict or tuple the garbage collector does not track (such as a cache's own dict). The walk
    is gc's own, in C: every object's referents in one call."""
    gc.collect()
    held = gc.get_referents(*gc.get_objects())
    untracked = [o for o in held if type(o) in (dict, tuple) and not gc.is_tracked(o)]
    held += gc.get_referents(*untracked)  # a dict's keys and values, a tuple's items
    return sum(1 for text in held if isinstance(text, str) and fragment in text)


def post_a_report(client, address, blasts):
    """In a function of its own, so that nothing of the request stays in the test's frame."""
    values = {"treatment": "received", "marrow_blasts_percent": blasts, "symptoms": "no"}
    response = client.post(address, values | {"anc": "0.4", "ever_in_remission": "yes"})
    return response.status_code, f"found {blasts}% blasts" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("address", READS_VALUES)
def test_no_process_memory_keeps_a_patients_values_after_the_response(client, address):
    # Built at run time, so the only copies are the ones the request made.
    sentinel = "".join(["3.9", "17"])
    before = count_strings_held_by_the_process(sentinel)

    assert post_a_report(client, address, sentinel) == (200, True)  # the patient saw it...

    assert count_strings_held_by_the_process(sentinel) == before  # ...and nothing kept it
