"""The registration kit for hospital IT: /smart/ and /smart/app.json say what to register."""

import json

import pytest
from django.test import override_settings

from tests.smart.pages import page_of, text_of

pytestmark = pytest.mark.django_db

SETTINGS = {
    "SMART_CLIENT_ID": "portal-at-general-hospital",
    "SMART_CLIENT_SECRET": "",
    "SMART_ALLOWED_ISSUERS": ["https://ehr.general-hospital.example/fhir/r4"],
}


@override_settings(**SETTINGS)
def test_the_app_json_says_what_smart_registration_needs(client):
    response = client.get("/smart/app.json")

    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "client_name": "ALL Phase Portal",
        "client_id": "portal-at-general-hospital",
        "application_type": "web",
        "launch_uri": "http://testserver/smart/launch/",
        "redirect_uris": ["http://testserver/smart/callback/"],
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
        "token_endpoint_auth_method": "none",
        "code_challenge_method": "S256",
        "scope": (
            "launch openid fhirUser patient/Patient.rs patient/Observation.rs launch/patient"
        ),
        "fhir_versions": ["4.0.1"],
    }


@override_settings(**SETTINGS | {"SMART_CLIENT_SECRET": "never-shown-secret"})
def test_the_registration_page_shows_the_addresses_scopes_and_json_but_no_secret(client):
    response = client.get("/smart/")
    text = text_of(response)

    assert response.status_code == 200
    assert "http://testserver/smart/launch/" in text
    assert "http://testserver/smart/callback/" in text
    assert "launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs" in text
    assert "https://ehr.general-hospital.example/fhir/r4" in text
    shown = json.loads(
        page_of(response).xpath("//pre[@class='registration-json']")[0].text_content()
    )
    assert shown == client.get("/smart/app.json").json()
    assert shown["token_endpoint_auth_method"] == "client_secret_basic"
    assert "never-shown-secret" not in response.content.decode()
    assert "never-shown-secret" not in client.get("/smart/app.json").content.decode()


def test_the_privacy_page_says_what_is_read_and_that_nothing_is_kept(client):
    text = text_of(client.get("/privacy/"))

    assert "your latest results for blasts, neutrophils (ANC), platelets" in text
    assert "We keep nothing" in text
    assert "Su privacidad" in text_of(client.get("/es/privacy/"))
