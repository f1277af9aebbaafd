"""Schema-driven tests: every request the OpenAPI document allows, and many it forbids, get an
answer the document describes, and none gets a server error.

Schemathesis reads /api/v1/openapi.json from the app in-process (WSGI, no network) and
generates requests from it with hypothesis, valid and invalid alike. The schema is loaded when
the module is collected: `schemathesis.pytest.from_fixture` does not work with pytest 9.
"""

import dataclasses
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from phases.rules import classifier

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_transaction_open():
    """As Django's test client does: the WSGI handler must not close the test's database
    connection, whose transaction holds the seeded content every request reads."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_schema_and_none_is_a_server_error(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])


def test_the_openapi_document_is_served_and_promises_400_never_422(client):
    response = client.get("/api/v1/openapi.json")

    document = response.json()
    assert response.status_code == 200
    assert document["info"]["title"] == "ALL Phase Portal API"
    paths = document["paths"]
    assert set(paths) == {
        f"/api/v1/{path}"
        for path in [
            *["phases", "phases/{slug}", "disclaimer", "glossary", "sections"],
            *["classify", "connect"],
        ]
    }
    assert all(operation["summary"] for path in paths.values() for operation in path.values())
    assert "422" not in json.dumps(document)
    assert "400" in paths["/api/v1/classify"]["post"]["responses"]
    lookup = paths["/api/v1/connect"]["get"]
    assert [parameter["name"] for parameter in lookup["parameters"]] == [
        "mainSearchCriteria.v.c",
        "mainSearchCriteria.v.cs",
        "knowledgeResponseType",
        "informationRecipient.languageCode.c",
        "mainSearchCriteria.v.dn",
        "informationRecipient",
    ]
    assert set(lookup["responses"]["200"]["content"]) == {
        "application/json",
        "application/atom+xml",
    }


@pytest.mark.parametrize(
    ("address", "headers"),
    [
        pytest.param("/api/v1/openapi.json", {}, id="plain"),
        pytest.param("/api/v1/openapi.json?lang=es", {}, id="lang-es"),
        pytest.param("/api/v1/openapi.json", {"HTTP_ACCEPT_LANGUAGE": "es"}, id="accept-es"),
    ],
)
def test_the_openapi_document_is_valid_openapi_however_it_is_asked_for(client, address, headers):
    response = client.get(address, **headers)

    assert response.status_code == 200
    validate(response.json())  # raises OpenAPIValidationError, naming the place, if not


CONTENT_AND_CHECKER = [
    ("/api/v1/phases", "get"),
    ("/api/v1/phases/{slug}", "get"),
    ("/api/v1/disclaimer", "get"),
    ("/api/v1/glossary", "get"),
    ("/api/v1/sections", "get"),
    ("/api/v1/classify", "post"),
]


@pytest.mark.parametrize(("path", "method"), CONTENT_AND_CHECKER)
def test_content_and_checker_describe_lang_accept_language_and_content_language(
    client, path, method
):
    operation = client.get("/api/v1/openapi.json").json()["paths"][path][method]

    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert parameters["lang"]["in"] == "query"
    assert parameters["lang"]["schema"]["enum"] == ["en", "es"]
    assert not parameters["lang"]["required"]
    assert parameters["Accept-Language"]["in"] == "header"
    assert "Content-Language" in operation["responses"]["200"]["headers"]
    assert "400" in operation["responses"]


def test_each_text_of_an_answer_is_described_with_its_language(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    for name in (
        "PhaseOut",
        "TermOut",
        "DisclaimerOut",
        "SectionOut",
        "FindingOut",
        "UrgentAdviceOut",
    ):
        assert schemas[name]["properties"]["language"]["enum"] == ["en", "es"], name
        assert "stands in" in schemas[name]["properties"]["language"]["description"], name
    classify = schemas["ClassifyOut"]["properties"]
    assert {"phase_page", "candidate_pages", "disclaimer_language"} <= set(classify)
    assert "lang" in schemas["Entry"]["properties"]


def test_every_input_of_the_classifier_is_in_the_lab_report_schema_with_its_meaning(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    schema = schemas["LabReport"]

    inputs = [lab_input.name for lab_input in dataclasses.fields(classifier.LabValues)]
    assert list(schema["properties"]) == inputs
    assert all(schema["properties"][name]["description"] for name in inputs)
    assert schemas["CountsWord"]["enum"] == [answer.value for answer in classifier.CountsWord]
