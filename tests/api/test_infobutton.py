"""The Infobutton's codes (phases.content.codes) as an EHR sends them to /api/v1/connect:
ICD-10-CM, SNOMED CT and LOINC, the language codes es, sp and en, informationRecipient and
mainSearchCriteria.v.dn, in JSON and in Atom XML."""

import re
from urllib.parse import urlencode

import pytest
from lxml import etree

from phases.api.infobutton import ATOM_NAMESPACE
from phases.content import codes
from phases.content.codes import CODES, ICD10CM, LOINC, SNOMED_CT
from phases.models import GlossaryTerm, Phase
from phases.rules import classifier

pytestmark = pytest.mark.django_db

CONNECT = "/api/v1/connect"
SERVER = "http://testserver"
ATOM = {"atom": ATOM_NAMESPACE}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
LAB_CODES = [entry for entry in CODES if entry.system == LOINC]
# The lab tests the issue names for the checker's inputs, with the input each one fills.
CHECKER_INPUTS = {
    "11150-0": "marrow_blasts_percent",
    **dict.fromkeys(["751-8", "753-4", "26499-4"], "anc"),
    **dict.fromkeys(["777-3", "778-1", "26515-7"], "platelets"),
    **dict.fromkeys(["26446-5", "709-6"], "blood_blasts"),
    **dict.fromkeys(["6690-2", "804-5", "26464-8"], "wbc"),
    "718-7": "hemoglobin",
    "58410-2": "cbc",
}


def lookup(client, code, system, **params):
    query = {"mainSearchCriteria.v.c": code, "mainSearchCriteria.v.cs": system} | params
    return client.get(f"{CONNECT}?{urlencode(query)}")


def links(response):
    return [entry["link"][0]["href"] for entry in response.json()["feed"]["entry"]]


def test_the_table_has_one_row_per_code_each_with_its_source():
    keys = [(entry.system, entry.code) for entry in CODES]

    assert len(keys) == len(set(keys))
    for entry in CODES:
        assert entry.meaning
        assert entry.source
        assert entry.phases or entry.glossary or entry.system == ICD10CM
    for entry in LAB_CODES:
        assert entry.source == f"LOINC, https://loinc.org/{entry.code}/"
        assert re.fullmatch(r"\d{1,5}-\d", entry.code)  # LOINC's form: number, dash, check digit
    assert {entry.code for entry in LAB_CODES} == set(CHECKER_INPUTS)
    assert set(CHECKER_INPUTS.values()) <= set(classifier.LabValues.__dataclass_fields__)


def test_every_page_the_table_leads_to_exists_in_both_languages():
    for entry in CODES:
        for language in ("en", "es"):
            slugs = Phase.objects.filter(language=language).values_list("slug", flat=True)
            assert set(entry.phases) <= set(slugs)
            if entry.glossary:
                assert GlossaryTerm.objects.filter(language=language, slug=entry.glossary).exists()
    icd10 = {entry.code for entry in CODES if entry.system == ICD10CM}
    assert set(Phase.objects.values_list("icd10_code", flat=True)) == icd10


@pytest.mark.parametrize("entry", LAB_CODES, ids=lambda entry: entry.code)
def test_every_lab_code_gives_its_glossary_entry_and_the_checker(client, entry):
    response = lookup(client, entry.code, LOINC)

    assert response.status_code == 200
    assert links(response) == [f"{SERVER}/glossary/#{entry.glossary}", f"{SERVER}/check/"]
    titles = [item["title"]["_value"] for item in response.json()["feed"]["entry"]]
    term = GlossaryTerm.objects.get(language="en", slug=entry.glossary)
    assert titles == [term.term, "Check your lab results"]


@pytest.mark.parametrize(
    ("code", "slugs"),
    [
        (
            "91857003",
            ["untreated", "remission", "minimal-residual-disease", "refractory", "relapsed"],
        ),
        ("91856007", ["remission", "minimal-residual-disease"]),
    ],
)
def test_snomed_ct_codes_give_their_phase_pages(client, code, slugs):
    response = lookup(client, code, SNOMED_CT)

    assert response.status_code == 200
    assert links(response) == [f"{SERVER}/phases/{slug}/" for slug in slugs]
    assert response.json()["feed"]["subtitle"]["_value"].endswith(f"SNOMED CT {code}")


@pytest.mark.parametrize(
    ("code", "system"),
    [("C91.03", ICD10CM), ("91861009", SNOMED_CT), ("2345-7", LOINC), ("C91.00", LOINC)],
)
def test_an_unknown_code_in_a_known_system_is_an_empty_answer(client, code, system):
    response = lookup(client, code, system)

    assert response.status_code == 200
    assert response.json()["feed"]["entry"] == []


@pytest.mark.parametrize(
    ("language", "answer"), [("es", "es"), ("sp", "es"), ("SP", "es"), ("en", "en")]
)
def test_es_and_sp_give_spanish_and_en_english(client, language, answer):
    response = lookup(client, "26499-4", LOINC, **{"informationRecipient.languageCode.c": language})

    assert response["Content-Language"] == answer
    feed = response.json()["feed"]
    assert feed["lang"] == answer
    term = GlossaryTerm.objects.get(language=answer, slug="anc")
    assert feed["entry"][0]["title"]["_value"] == term.term
    checker = "/es/check/" if answer == "es" else "/check/"
    assert feed["entry"][1]["link"][0]["href"] == f"{SERVER}{checker}"


@pytest.mark.parametrize("recipient", ["PAT", "PROV", "prov"])
def test_information_recipient_pat_or_prov_is_accepted_and_the_display_name_ignored(
    client, recipient
):
    plain = lookup(client, "C91.02", ICD10CM)
    asked = lookup(
        client,
        "C91.02",
        ICD10CM,
        informationRecipient=recipient,
        **{"mainSearchCriteria.v.dn": "Acute lymphoblastic leukemia, in relapse"},
    )

    assert asked.status_code == 200
    assert asked.json()["feed"]["entry"] == plain.json()["feed"]["entry"]


def test_another_information_recipient_is_a_clear_400(client):
    response = lookup(client, "C91.02", ICD10CM, informationRecipient="PAYOR")

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "informationRecipient"]
    assert "PAT or PROV" in problem["msg"]


def test_an_unknown_code_system_names_the_three_it_takes(client):
    response = lookup(client, "91857003", "2.16.840.1.113883.6.88")

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    for oid in (ICD10CM, SNOMED_CT, LOINC):
        assert oid in problem["msg"]


@pytest.mark.parametrize(
    ("code", "system", "count"), [("91857003", SNOMED_CT, 5), ("718-7", LOINC, 2), ("x", LOINC, 0)]
)
def test_atom_xml_says_what_json_says(client, code, system, count):
    as_json = lookup(client, code, system).json()["feed"]
    response = lookup(client, code, system, knowledgeResponseType="text/xml")

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = etree.fromstring(response.content, PARSER)
    entries = feed.findall("atom:entry", ATOM)
    assert len(entries) == len(as_json["entry"]) == count
    hrefs = [entry.find("atom:link", ATOM).get("href") for entry in entries]
    assert hrefs == [entry["link"][0]["href"] for entry in as_json["entry"]]
    assert feed.findtext("atom:updated", namespaces=ATOM) == as_json["updated"]["_value"]


def test_lookup_ignores_case_and_spaces_around_a_code():
    assert codes.lookup(LOINC, " 718-7 ").code == "718-7"
    assert codes.lookup(ICD10CM, "c9101").code == "C91.01"
    assert codes.lookup(SNOMED_CT, "91857003 ").code == "91857003"
    assert codes.lookup(SNOMED_CT, "C91.01") is None
