"""SMART launches end to end in Chromium, with JavaScript on and off: from the EHR (the
clinician's screen) and from the patient portal (standalone), through the fake EHR's
authorization, to the checker filled in from the chart; the patient then presses the usual
button. Zero axe-core violations on the filled checker and on the registration page."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import override_settings
from django.utils import formats, translation

from tests.fake_ehr import days_ago, observation, panel, patient, running_ehr, settings_for


@pytest.fixture
def ehr(editable_site_url):
    with running_ehr() as ehr:
        ehr.redirect_uri = f"{editable_site_url}/smart/callback/"
        ehr.add_patient(
            patient("adult-en", born="1979-03-08"),
            observation("adult-en", "11150-0", 3, "%", day=days_ago(40)),
            panel(
                "adult-en",
                "58410-2",
                [("6690-2", 4.1, "10*3/uL"), ("751-8", 1800, "/uL"), ("718-7", 118, "g/L")],
                day=days_ago(3),
            ),
            observation("adult-en", "777-3", 85, "10*9/L", day=days_ago(3)),
        )
        ehr.add_patient(
            patient("child-es", born="2016-07-21", language="es"),
            observation("child-es", "777-3", 64, "10*3/uL", day=days_ago(3)),
            observation("child-es", "751-8", 0.9, "10*9/L", day=days_ago(3)),
            observation("child-es", "718-7", 7.4, "mmol/L", day=days_ago(3)),
        )
        with override_settings(**settings_for(ehr)):
            yield ehr


@pytest.fixture
def phone(browser):
    contexts = []

    def phone(*, javascript):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield phone
    for context in contexts:
        context.close()


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def day_in(language, days):
    day = datetime.date.today() - datetime.timedelta(days=days)
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_an_ehr_launch_fills_the_checker_and_the_patient_sends_it(
    phone, editable_site_url, ehr, screenshots, javascript
):
    page = phone(javascript=javascript)
    page.goto(
        f"{editable_site_url}/smart/launch/?iss={ehr.fhir_base}&launch={ehr.launch_for('adult-en')}"
    )

    assert page.url.startswith(f"{editable_site_url}/smart/callback/")
    assert page.get_by_role("heading", name="From your hospital record").is_visible()
    assert page.locator('input[name="platelets"]').input_value() == "85"
    assert page.locator('input[name="anc"]').input_value() == "1.8"
    assert page.locator('input[name="hemoglobin"]').input_value() == "11.8"
    assert page.locator('input[name="marrow_blasts_percent"]').input_value() == "3"
    assert page.locator('input[name="age_group"][value="adult"]').is_checked()
    assert page.locator("#id_platelets_helptext .from-chart").inner_text() == (
        f"From your blood test on {day_in('en', 3)}."
    )
    assert (
        "more than 30 days old" in page.locator("#id_marrow_blasts_percent_helptext").inner_text()
    )
    assert page.locator("#id_treatment_helptext .from-chart").count() == 0  # for the patient
    if javascript:
        assert_accessible(page)
        page.screenshot(path=screenshots / "smart-filled-en.png", full_page=True)

    page.get_by_label("Yes, treatment has been given").check()
    page.locator('input[name="show"]').click()

    page.locator("#result-heading").wait_for()
    assert page.locator('input[name="platelets"]').input_value() == "85"
    assert "platelets" not in page.url


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_standalone_launch_in_spanish_fills_the_spanish_checker(
    phone, editable_site_url, ehr, screenshots, javascript
):
    ehr.standalone_patient = "child-es"
    page = phone(javascript=javascript)
    page.goto(f"{editable_site_url}/smart/launch/?iss={ehr.fhir_base}")

    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", name="De su historia clínica").is_visible()
    assert "Llenamos 3 respuestas con su historia clínica." in page.locator("main").inner_text()
    assert page.locator('input[name="platelets"]').input_value() == "64"
    assert page.locator('input[name="anc"]').input_value() == "0,9"
    assert page.locator('input[name="hemoglobin"]').input_value() == ""
    assert "mmol/L" in page.locator("#id_hemoglobin_helptext").inner_text()
    assert page.locator('input[name="age_group"][value="child"]').is_checked()
    assert page.locator("#id_platelets_helptext .from-chart").inner_text() == (
        f"De su análisis de sangre del {day_in('es', 3)}."
    )
    if javascript:
        assert_accessible(page)
        page.screenshot(path=screenshots / "smart-filled-es.png", full_page=True)

    page.get_by_label("Sí, se ha dado tratamiento").check()
    page.locator('input[name="show"]').click()

    page.locator("#result-heading").wait_for()
    assert page.locator("html").get_attribute("lang") == "es"


def test_the_registration_page_is_accessible(page, editable_site_url, ehr):
    page.goto(f"{editable_site_url}/smart/")

    assert (
        page.get_by_role("heading", level=1).inner_text() == "SMART on FHIR: registering the portal"
    )
    assert_accessible(page)


def test_a_refusal_page_is_accessible_and_offers_to_type_the_results_in(
    page, editable_site_url, ehr
):
    page.goto(f"{editable_site_url}/smart/launch/?iss=https://ehr.unknown.example/fhir")
    assert_accessible(page)

    # Said in Spanish too (the patient's language is not known yet), with its own checker.
    assert page.get_by_role("link", name="Escriba sus resultados").get_attribute("href") == (
        "/es/check/"
    )
    page.get_by_role("link", name="Type in your results").click()
    assert page.url == f"{editable_site_url}/check/"


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_privacy_page_is_accessible_and_linked_from_every_page(page, site_url, prefix):
    page.goto(f"{site_url}{prefix}/")
    page.locator("footer").get_by_role(
        "link", name={"": "Your privacy", "/es": "Su privacidad"}[prefix]
    ).click()

    assert page.url == f"{site_url}{prefix}/privacy/"
    assert_accessible(page)
