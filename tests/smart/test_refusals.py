"""What goes wrong ends on a clear page that offers to type the results in, never a 500: an
issuer not allowed (which is never contacted), a forged state, an EHR that is slow or broken,
a token without a patient."""

import pytest
from django.test import Client, override_settings

from tests.fake_ehr import patient, running_ehr
from tests.smart.conftest import ehr_launch, through_the_ehr
from tests.smart.pages import page_of, text_of

pytestmark = pytest.mark.django_db

TYPE_THEM_IN = "You can type your results in from your lab report instead."


def test_an_issuer_not_allowed_is_refused_and_never_contacted(client, ehr):
    with running_ehr() as stranger:
        response = client.get("/smart/launch/", {"iss": stranger.fhir_base, "launch": "x"})

        assert response.status_code == 400
        assert "does not know the hospital system that sent you here" in text_of(response)
        assert TYPE_THEM_IN in text_of(response)
        assert stranger.received == []
    assert ehr.received == []


def test_a_refusal_says_it_in_spanish_too_and_offers_each_languages_checker(client, ehr):
    """The patient's language is known only once their record is read: the page says what
    went wrong in English and in Spanish, and has no language switch (a link to the launch's
    own address would only load it again)."""
    response = client.get("/smart/launch/", {"iss": "https://ehr.unknown.example/fhir"})

    page = page_of(response)
    english, spanish = page.xpath("//main/section")
    assert english.get("lang") == "en"
    assert english.xpath(".//h1")[0].text_content() == "We could not open your hospital record"
    assert spanish.get("lang") == "es"
    assert spanish.xpath(".//h2")[0].text_content() == "No pudimos abrir su historia clínica"
    assert "Este sitio no conoce el sistema del hospital" in spanish.text_content()
    assert spanish.xpath(".//a[@href='/es/check/']")[0].text_content() == "Escriba sus resultados"
    assert english.xpath(".//a[@href='/check/']")[0].text_content() == "Type in your results"
    assert not page.xpath("//nav[contains(@class, 'language-switcher')]")


@pytest.mark.parametrize(
    "iss",
    ["", "http://169.254.169.254/latest", "file:///etc/passwd", "{allowed}/../admin", "{allowed}x"],
)
def test_addresses_that_only_look_like_the_issuer_are_refused(client, ehr, iss):
    response = client.get("/smart/launch/", {"iss": iss.format(allowed=ehr.fhir_base)})

    assert response.status_code == 400
    assert ehr.received == []


def test_with_no_issuer_configured_the_launch_says_it_is_not_set_up(client):
    with override_settings(SMART_ALLOWED_ISSUERS=[]):
        response = client.get("/smart/launch/", {"iss": "https://ehr.example/fhir"})

    assert response.status_code == 404
    assert "This site is not set up to open hospital records." in text_of(response)


def test_a_forged_state_is_refused_and_no_token_is_asked_for(client, ehr):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for("p1")})

    response = client.get("/smart/callback/", {"code": "stolen", "state": "forged-state-value"})

    assert response.status_code == 400
    assert "This link has run out or was already used." in text_of(response)
    assert ("POST", "/auth/token") not in ehr.received


def test_a_callback_answered_twice_works_once(client, ehr):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    first = ehr_launch(client, ehr, "p1")
    again = client.get(first.request["PATH_INFO"] + "?" + first.request["QUERY_STRING"])

    assert first.status_code == 200
    assert again.status_code == 400


def test_a_state_from_another_browser_is_refused(client, ehr):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    started = client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for("p1")})

    response = through_the_ehr(Client(), started)

    assert response.status_code == 400
    assert ("POST", "/auth/token") not in ehr.received


def test_a_patient_who_declines_at_the_ehr_gets_a_clear_page(client, ehr):
    started = client.get("/smart/launch/", {"iss": ehr.fhir_base})
    state = started["Location"].split("state=")[1].split("&")[0]

    response = client.get("/smart/callback/", {"error": "access_denied", "state": state})

    assert response.status_code == 400
    assert "Your hospital record did not share your results." in text_of(response)


@pytest.mark.parametrize("mode", ["fhir-500", "discovery-500", "no-endpoints", "nonsense"])
def test_an_ehr_that_answers_500_or_nonsense_gives_a_clear_page(client, ehr, mode):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    ehr.mode = mode
    started = client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for("p1")})
    in_discovery = mode.startswith("discovery") or mode == "no-endpoints"
    response = started if in_discovery else through_the_ehr(client, started)

    assert response.status_code == 502
    assert "We could not read your results from your hospital record." in text_of(response)
    assert TYPE_THEM_IN in text_of(response)


def test_an_ehr_that_never_answers_in_time_gives_a_clear_page(client, ehr):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    ehr.mode = "slow"
    with override_settings(SMART_TIMEOUT_SECONDS=0.5):
        response = ehr_launch(client, ehr, "p1")

    assert response.status_code == 502
    assert "We could not read your results from your hospital record." in text_of(response)


def test_a_token_without_a_patient_gives_a_clear_page(client, ehr):
    ehr.add_patient(patient("p1", born="1990-01-01"))
    ehr.mode = "no-patient"

    response = ehr_launch(client, ehr, "p1")

    assert response.status_code == 502
    assert "Your hospital record did not say whose results to read." in text_of(response)
    assert not [path for _method, path in ehr.received if path.startswith("/fhir/Patient")]
