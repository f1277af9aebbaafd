"""A patient's values are never stored, logged, cached or put in an address."""

import logging

import pytest
from django.apps import apps
from django.core import serializers
from django.db import connection
from django.test.utils import CaptureQueriesContext

SENTINEL = "4.321"  # a marrow blast value no seeded text contains


@pytest.mark.django_db
def test_a_posted_value_leaves_no_trace(client, caplog):
    caplog.set_level(logging.DEBUG)
    values = {"treatment": "received", "marrow_blasts_percent": SENTINEL, "cbc": "normal"}

    with CaptureQueriesContext(connection) as queries:
        response = client.post("/check/", values, HTTP_REFERER="http://127.0.0.1/check/")

    assert SENTINEL in response.text  # the patient sees their value...
    assert all(SENTINEL not in query["sql"] for query in queries.captured_queries)
    assert SENTINEL not in caplog.text
    for header, value in response.headers.items():
        assert SENTINEL not in header and SENTINEL not in value
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    for model in apps.get_models():
        assert SENTINEL not in serializers.serialize("json", model._default_manager.all())


@pytest.mark.django_db
def test_the_form_sends_values_in_the_body_not_the_address(client):
    page = client.get("/check/").text

    assert '<form  action="/check/"' in page or 'action="/check/"' in page
    assert 'method="post"' in page
