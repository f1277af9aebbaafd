"""schema.org JSON-LD on the home, phase and glossary pages, in each language: read out of the
page as a crawler does and expanded with pyld (valid JSON-LD), and never claiming a review
that does not cover the words shown."""

import datetime
import json
import re

import pytest
from pyld import jsonld

from phases.models import Phase
from tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
REVIEWER = "Dr A. Example, paediatric haematologist"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
ICD10CM = {"/": "C91.0", "/glossary/": "C91.0"} | {
    f"/phases/{slug}/": code
    for slug, code in [
        ("untreated", "C91.00"),
        ("remission", "C91.01"),
        ("minimal-residual-disease", "C91.01"),
        ("refractory", "C91.00"),
        ("relapsed", "C91.02"),
    ]
}


def schema_org_context(url, options=None):
    """schema.org's context, offline: its terms are its vocabulary (what its real context
    says for every term used here). Any other remote document is refused."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    document = {"@context": {"@vocab": SCHEMA}}
    return {"contextUrl": None, "documentUrl": url, "document": document}


def json_ld(client, address) -> dict:
    page = client.get(address).text
    (text,) = SCRIPT.findall(page)
    return json.loads(text)


def expanded(data) -> dict:
    (node,) = jsonld.expand(data, {"documentLoader": schema_org_context})
    return node


def value(node, name):
    return node[SCHEMA + name][0].get("@value")


@pytest.mark.parametrize("language", ["", "/es"])
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_each_page_is_a_medical_web_page_about_all_for_patients(client, page, language):
    data = json_ld(client, f"{language}{page}")
    node = expanded(data)

    assert node["@type"] == [SCHEMA + "MedicalWebPage"]
    assert value(node, "inLanguage") == (language.strip("/") or "en")
    (audience,) = node[SCHEMA + "audience"]
    assert audience["@type"] == [SCHEMA + "MedicalAudience"]
    assert value(audience, "audienceType") == "Patient"
    (about,) = node[SCHEMA + "about"]
    assert about["@type"] == [SCHEMA + "MedicalCondition"]
    codes = {
        (value(code, "codingSystem"), value(code, "codeValue")) for code in about[SCHEMA + "code"]
    }
    assert codes == {("ICD-10-CM", ICD10CM[page]), ("SNOMED CT", "91857003")}
    assert datetime.datetime.fromisoformat(value(node, "dateModified"))
    (publisher,) = node[SCHEMA + "publisher"]
    assert value(publisher, "name") == "ALL Phase Portal"
    assert value(node, "url") == f"http://testserver{language}{page}"


def test_the_spanish_page_names_the_condition_in_spanish(client):
    data = json_ld(client, "/es/phases/remission/")

    assert data["about"]["name"] == "Leucemia linfoblástica aguda (LLA)"
    assert data["inLanguage"] == "es"


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_never_last_reviewed_on_a_page_no_clinician_reviewed(client, page):
    Phase.objects.update(last_reviewed=None, next_review_due=None, reviewer="")

    for language in ("", "/es"):
        data = json_ld(client, f"{language}{page}")
        assert "lastReviewed" not in data
        assert "reviewedBy" not in data


def test_a_reviewed_page_says_when_and_by_whom(client, approver):
    phase = Phase.objects.get(slug="remission", language="en")
    phase.mark_reviewed(reviewer=REVIEWER, by=approver, today=datetime.date(2026, 12, 3))

    node = expanded(json_ld(client, "/phases/remission/"))

    assert value(node, "lastReviewed") == "2026-12-03"
    (reviewer,) = node[SCHEMA + "reviewedBy"]
    assert reviewer["@type"] == [SCHEMA + "Person"]
    assert value(reviewer, "name") == "Dr A. Example"
    assert value(reviewer, "jobTitle") == "paediatric haematologist"
    assert "lastReviewed" not in json_ld(client, "/es/phases/remission/")  # not the Spanish words


def test_no_last_reviewed_once_the_words_changed_since_the_review(client, approver):
    phase = Phase.objects.get(slug="remission", language="en")
    phase.mark_reviewed(reviewer=REVIEWER, by=approver, today=datetime.date(2026, 12, 3))
    phase.summary = "New words no clinician has checked yet."
    phase.publish(by=approver)

    data = json_ld(client, "/phases/remission/")

    assert "lastReviewed" not in data
    assert "reviewedBy" not in data


def test_text_that_looks_like_markup_cannot_end_the_script(client, approver):
    phase = Phase.objects.get(slug="relapsed", language="en")
    phase.name = "Relapsed </script><script>alert(1)</script> & more"
    phase.publish(by=approver)

    page = client.get("/phases/relapsed/").text
    (text,) = SCRIPT.findall(page)

    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert json.loads(text)["name"] == phase.name
