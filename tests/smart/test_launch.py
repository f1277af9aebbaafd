"""The launch asks the EHR for what SMART App Launch 2 says: the authorization code with PKCE
(S256), a state bound to this browser, `aud` the issuer, and the scopes of each kind of
launch. The fake EHR refuses anything else, so a launch that ends on the checker passed."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings

from tests.fake_ehr import CLIENT_ID, observation, patient
from tests.smart.conftest import ehr_launch, standalone_launch, through_the_ehr
from tests.smart.pages import filled

pytestmark = pytest.mark.django_db


def asked_of_the_ehr(response):
    assert response.status_code == 302
    return {
        name: values[0] for name, values in parse_qs(urlsplit(response["Location"]).query).items()
    }


def test_an_ehr_launch_asks_for_the_launch_its_patient_and_the_results(client, ehr):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    launch = ehr.launch_for("p1")

    asked = asked_of_the_ehr(client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": launch}))

    assert asked["scope"].split() == [
        "launch",
        "openid",
        "fhirUser",
        "patient/Patient.rs",
        "patient/Observation.rs",
    ]
    assert asked["launch"] == launch
    assert asked["aud"] == ehr.fhir_base
    assert asked["client_id"] == CLIENT_ID
    assert asked["code_challenge_method"] == "S256"
    assert asked["redirect_uri"] == "http://testserver/smart/callback/"


def test_a_standalone_launch_asks_the_ehr_to_choose_the_patient(client, ehr):
    asked = asked_of_the_ehr(client.get("/smart/launch/", {"iss": ehr.fhir_base + "/"}))

    assert asked["scope"].split()[0] == "launch/patient"
    assert "launch" not in asked
    assert asked["aud"] == ehr.fhir_base


def test_both_launches_end_on_the_checker_and_the_ehr_refused_nothing(client, ehr):
    ehr.add_patient(
        patient("p1", born="1990-01-01"), observation("p1", "777-3", 99, "10*9/L", day="2026-11-30")
    )

    assert filled(ehr_launch(client, ehr, "p1"))["platelets"] == "99"
    assert filled(standalone_launch(client, ehr, "p1"))["platelets"] == "99"
    assert ehr.refused == []


def test_each_launch_has_its_own_state_and_verifier(client, ehr):
    first = asked_of_the_ehr(client.get("/smart/launch/", {"iss": ehr.fhir_base}))
    second = asked_of_the_ehr(client.get("/smart/launch/", {"iss": ehr.fhir_base}))

    assert first["state"] != second["state"]
    assert first["code_challenge"] != second["code_challenge"]


def test_a_confidential_client_sends_its_secret_to_the_token_endpoint(client, ehr):
    ehr.client_secret = "tests-only-smart-secret"
    ehr.add_patient(patient("p1", born="1990-01-01"))
    with override_settings(SMART_CLIENT_SECRET=ehr.client_secret):
        response = ehr_launch(client, ehr, "p1")

    assert response.status_code == 200
    assert ehr.refused == []


def test_every_page_of_the_launch_says_no_store(client, ehr):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    started = client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for("p1")})
    checker = through_the_ehr(client, started)

    for response in (started, checker, client.get("/smart/launch/", {"iss": "https://x.test"})):
        assert "no-store" in response["Cache-Control"]
