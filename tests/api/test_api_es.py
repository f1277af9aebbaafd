"""The API in Spanish: `?lang=es` or Accept-Language for content and the checker, MedlinePlus
Connect's languageCode for the code lookup; English standing in, marked, where a translation
is missing; and the page cache keeping the languages apart."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

from phases.api.infobutton import ATOM_NAMESPACE, ICD10CM_OID
from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase
from phases.rules.classifier import BLASTS_BELOW_USUAL_AT_DIAGNOSIS
from tests.rules.test_classifier import RULE_TABLE
from tests.site.test_page_cache import served_from_cache

pytestmark = pytest.mark.django_db

API = "/api/v1"
SERVER = "http://testserver"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REMISSION_RESULT = {
    "treatment": "received",
    "ever_in_remission": "yes",
    "marrow_blasts_percent": 2,
    "blood_blasts": "no",
    "outside_marrow": "no",
    "cbc": "normal",
    "mrd": "negative",
    "symptoms": "no",
}
CONTENT = ["/phases", "/phases/remission", "/disclaimer", "/glossary"]


def classify(client, body, query="", **headers):
    return client.post(
        f"{API}/classify{query}", json.dumps(body), content_type="application/json", **headers
    )


def spanish(model, **keys):
    return model.objects.get(language="es", **keys)


def names_in(language):
    return {phase.slug: phase.name for phase in Phase.objects.in_language_list(language)}


def lookup(client, code, **params):
    query = {"mainSearchCriteria.v.c": code, "mainSearchCriteria.v.cs": ICD10CM_OID} | params
    return client.get(f"{API}/connect?{urlencode(query)}")


# The checker's rules give the same result in Spanish, in Spanish words


@pytest.mark.parametrize(("values", "expected"), RULE_TABLE)
def test_rule_table_gives_the_same_result_in_spanish_through_the_api(client, values, expected):
    english = classify(client, values).json()

    response = classify(client, values, "?lang=es")

    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    result = response.json()
    assert result["phase"] == expected.phase
    assert tuple(result["candidates"]) == expected.candidates
    assert tuple(result["missing"]) == expected.missing
    assert result["urgent"] == expected.urgent
    assert (result["urgent_advice"] is not None) == expected.urgent
    names = names_in("es")
    pages = [result["phase_page"]] if result["phase"] else result["candidate_pages"]
    assert [page["name"] for page in pages] == [names[page["slug"]] for page in pages]
    assert all(page["url"].startswith(f"{SERVER}/es/phases/") for page in pages)
    assert all(page["language"] == "es" for page in pages)
    assert result["phase_url"] == (result["phase_page"] and result["phase_page"]["url"])
    assert [f["code"] for f in result["findings"]] == [f["code"] for f in english["findings"]]
    for finding, in_english in zip(result["findings"], english["findings"], strict=True):
        assert finding["values"] == in_english["values"]
        assert finding["language"] == "es"
        assert finding["text"] != in_english["text"]
    if expected.urgent:
        assert result["urgent_advice"]["language"] == "es"
        assert result["urgent_advice"]["text"] != english["urgent_advice"]["text"]
    assert result["disclaimer_language"] == "es"
    assert result["disclaimer"] != english["disclaimer"]


def test_a_remission_result_is_named_and_linked_in_spanish(client):
    result = classify(client, REMISSION_RESULT, "?lang=es").json()

    assert result["phase"] == "remission"
    assert result["phase_page"] == {
        "slug": "remission",
        "name": "Remisión",
        "url": f"{SERVER}/es/phases/remission/",
        "language": "es",
    }
    assert result["phase_url"] == f"{SERVER}/es/phases/remission/"


def test_cant_tell_names_the_candidates_in_spanish(client):
    body = {"treatment": "received", "marrow_blasts_percent": 3, "blood_blasts": "yes"}

    result = classify(client, body, "?lang=es").json()

    assert [page["name"] for page in result["candidate_pages"]] == [
        "Remisión",
        "Enfermedad residual mínima",
        "Refractaria",
        "Recaída",
    ]
    assert result["candidates"] == [
        "remission",
        "minimal-residual-disease",
        "refractory",
        "relapsed",
    ]


def test_a_finding_without_its_spanish_text_comes_in_english_and_says_so(client):
    spanish(Explanation, key=BLASTS_BELOW_USUAL_AT_DIAGNOSIS).delete()

    result = classify(client, {"treatment": "none", "marrow_blasts_percent": 12}, "?lang=es")

    (finding,) = result.json()["findings"]
    assert finding["language"] == "en"
    assert finding["text"].startswith("Your marrow blasts are 12%.")
    assert result["Content-Language"] == "es"


# How the language is chosen


@pytest.mark.parametrize(
    ("query", "accept_language", "language"),
    [
        pytest.param("", None, "en", id="nothing-asked"),
        pytest.param("?lang=es", None, "es", id="lang-es"),
        pytest.param("?lang=en", None, "en", id="lang-en"),
        pytest.param("", "es", "es", id="accept-es"),
        pytest.param("", "es-MX,es;q=0.9,en;q=0.8", "es", id="accept-es-mx"),
        pytest.param("", "fr-CA,fr;q=0.9,es;q=0.5,en;q=0.3", "es", id="accept-french-then-es"),
        pytest.param("", "fr", "en", id="accept-french-only"),
        pytest.param("?lang=en", "es", "en", id="lang-wins-over-accept"),
        pytest.param("?lang=es", "en", "es", id="lang-es-wins-over-accept"),
    ],
)
@pytest.mark.parametrize("path", CONTENT)
def test_lang_chooses_else_accept_language_else_english(
    client, path, query, accept_language, language
):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = client.get(f"{API}{path}{query}", **headers)

    assert response.status_code == 200
    assert response["Content-Language"] == language
    vary = [name.strip().lower() for name in response.get("Vary", "").split(",")]
    assert ("accept-language" in vary) == (not query)
    answer = response.json()
    items = answer if isinstance(answer, list) else [answer]
    assert {item["language"] for item in items} == {language}


def test_the_checker_follows_accept_language_too(client):
    response = classify(client, REMISSION_RESULT, HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")

    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    assert response.json()["phase_page"]["name"] == "Remisión"


@pytest.mark.parametrize("lang", ["fr", "ES", "es-MX", "spanish", ""])
@pytest.mark.parametrize("path", CONTENT)
def test_a_language_the_portal_does_not_have_is_a_400_listing_its_languages(client, path, lang):
    response = client.get(f"{API}{path}?lang={lang}")

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "lang"]
    assert "en (English)" in problem["msg"]
    assert "es (Español)" in problem["msg"]
    assert response["Content-Language"] == "en"  # problems are in English


def test_the_checker_refuses_an_unknown_language_before_reading_the_values(client):
    response = classify(client, {"treatment": "maybe"}, "?lang=fr")

    assert response.status_code == 400
    assert [problem["loc"] for problem in response.json()["detail"]] == [["query", "lang"]]


def test_an_unknown_phase_is_still_a_404_in_english(client):
    response = client.get(f"{API}/phases/cured?lang=es")

    assert response.status_code == 404
    assert "minimal-residual-disease" in response.json()["detail"]


# Content in Spanish, with English standing in where it must


def test_content_comes_in_spanish_with_addresses_under_es(client):
    phases = client.get(f"{API}/phases?lang=es").json()
    terms = client.get(f"{API}/glossary?lang=es").json()
    disclaimer = client.get(f"{API}/disclaimer?lang=es").json()

    remission = next(phase for phase in phases if phase["slug"] == "remission")
    assert remission["name"] == "Remisión"
    assert remission["summary"] == spanish(Phase, slug="remission").summary
    assert remission["url"] == f"{SERVER}/es/phases/remission/"
    assert [phase["slug"] for phase in phases] == [
        phase["slug"] for phase in client.get(f"{API}/phases").json()
    ]
    blasts = next(term for term in terms if term["anchor"] == "blasts")
    assert blasts["definition"] == spanish(GlossaryTerm, slug="blasts").definition
    assert blasts["url"] == f"{SERVER}/es/glossary/#blasts"
    assert disclaimer["text_markdown"] == spanish(Disclaimer).text
    assert disclaimer["language"] == "es"


def test_links_in_spanish_html_lead_to_the_spanish_pages_as_on_the_site(client):
    english = client.get(f"{API}/phases/untreated").json()
    shown = client.get(f"{API}/phases/untreated?lang=es").json()

    assert 'href="/glossary/#' in english["body_html"]
    assert 'href="/es/glossary/#blasts"' in shown["body_html"]
    assert 'href="/glossary/' not in shown["body_html"]
    assert "(/glossary/#blasts)" in shown["body_markdown"]  # as staff wrote it


def test_a_phase_not_yet_translated_comes_in_english_marked_en_at_its_spanish_address(client):
    Phase.objects.filter(language="es", slug="relapsed").update(is_published=False)

    phases = {phase["slug"]: phase for phase in client.get(f"{API}/phases?lang=es").json()}
    shown = client.get(f"{API}/phases/relapsed?lang=es")

    relapsed = Phase.objects.get(language="en", slug="relapsed")
    assert shown["Content-Language"] == "es"
    assert shown.json()["name"] == relapsed.name
    assert shown.json()["language"] == "en"
    assert shown.json()["url"] == f"{SERVER}/es/phases/relapsed/"
    assert phases["relapsed"]["language"] == "en"
    assert phases["remission"]["language"] == "es"


def test_a_term_only_in_english_is_listed_in_spanish_marked_en(client):
    GlossaryTerm.objects.create(
        term="Only in English",
        slug="only-in-english",
        definition="Not translated yet.",
        is_published=True,
    )

    terms = {term["anchor"]: term for term in client.get(f"{API}/glossary?lang=es").json()}

    assert terms["only-in-english"]["language"] == "en"
    assert terms["only-in-english"]["url"] == f"{SERVER}/es/glossary/#only-in-english"
    assert terms["blasts"]["language"] == "es"


def test_without_a_spanish_disclaimer_the_english_one_stands_in(client):
    spanish(Disclaimer).delete()

    shown = client.get(f"{API}/disclaimer?lang=es").json()
    result = classify(client, REMISSION_RESULT, "?lang=es").json()

    assert shown["text_markdown"] == Disclaimer.current("en").text
    assert shown["language"] == "en"
    assert result["disclaimer_language"] == "en"


# The page cache keeps each language's answer apart


def test_the_page_cache_keeps_each_language_of_the_api_apart(client):
    address = f"{API}/phases/remission"
    first_spanish = client.get(address, HTTP_ACCEPT_LANGUAGE="es")
    first_english = client.get(address, HTTP_ACCEPT_LANGUAGE="en")

    spanish_again = served_from_cache(client, address, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    english_again = served_from_cache(client, address, HTTP_ACCEPT_LANGUAGE="en-US")

    assert first_spanish.json()["name"] == spanish_again.json()["name"] == "Remisión"
    assert first_english.json()["name"] == english_again.json()["name"] != "Remisión"
    assert spanish_again["Content-Language"] == "es"
    assert english_again["Content-Language"] == "en"
    assert "Accept-Language" in spanish_again["Vary"]


def test_the_page_cache_keeps_lang_apart_from_accept_language(client):
    client.get(f"{API}/phases?lang=es", HTTP_ACCEPT_LANGUAGE="en")
    client.get(f"{API}/phases", HTTP_ACCEPT_LANGUAGE="en")

    by_lang = served_from_cache(client, f"{API}/phases?lang=es", HTTP_ACCEPT_LANGUAGE="en")
    by_header = served_from_cache(client, f"{API}/phases", HTTP_ACCEPT_LANGUAGE="en")

    assert by_lang["Content-Language"] == "es"
    assert by_header["Content-Language"] == "en"


# The code lookup, as MedlinePlus Connect answers in Spanish


def test_the_lookup_answers_in_spanish_for_language_code_es(client):
    response = lookup(client, "C91.01", **{"informationRecipient.languageCode.c": "es"})

    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    feed = response.json()["feed"]
    assert feed["lang"] == "es"
    assert feed["subtitle"]["_value"] == (
        "Resultados del Portal de las fases de la LLA para el código ICD-10-CM C91.01"
    )
    names = names_in("es")
    assert [entry["title"]["_value"] for entry in feed["entry"]] == [
        names["remission"],
        names["minimal-residual-disease"],
    ]
    assert [entry["lang"] for entry in feed["entry"]] == ["es", "es"]
    assert feed["entry"][0]["link"][0]["href"] == f"{SERVER}/es/phases/remission/"
    assert feed["entry"][0]["summary"]["_value"] == spanish(Phase, slug="remission").summary
    assert feed["author"]["uri"]["_value"] == f"{SERVER}/es/"


def test_the_spanish_atom_feed_states_its_language(client):
    response = lookup(
        client,
        "C91.02",
        **{"informationRecipient.languageCode.c": "es", "knowledgeResponseType": "text/xml"},
    )

    assert response["Content-Language"] == "es"
    feed = ET.fromstring(response.content)
    assert feed.get(XML_LANG) == "es"
    (entry,) = feed.findall(f"{{{ATOM_NAMESPACE}}}entry")
    assert entry.get(XML_LANG) == "es"
    assert entry.findtext(f"{{{ATOM_NAMESPACE}}}title") == "Recaída"


@pytest.mark.parametrize("code", ["fr", "spa", "", "xx-YY"])
def test_the_lookup_answers_other_language_codes_in_english_as_medlineplus_does(client, code):
    response = lookup(client, "C91.02", **{"informationRecipient.languageCode.c": code})

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    feed = response.json()["feed"]
    assert feed["lang"] == "en"
    assert (
        feed["entry"][0]["title"]["_value"]
        == Phase.objects.get(language="en", slug="relapsed").name
    )
    assert feed["entry"][0]["link"][0]["href"] == f"{SERVER}/phases/relapsed/"


def test_the_lookup_reads_its_own_parameter_not_accept_language(client):
    response = client.get(
        f"{API}/connect?mainSearchCriteria.v.c=C91.02&mainSearchCriteria.v.cs={ICD10CM_OID}",
        HTTP_ACCEPT_LANGUAGE="es",
    )

    assert response["Content-Language"] == "en"
    assert response.json()["feed"]["lang"] == "en"


def test_a_lookup_entry_not_yet_translated_is_the_english_page_marked_en(client):
    Phase.objects.filter(language="es", slug="relapsed").update(is_published=False)

    response = lookup(
        client,
        "C91.02",
        **{"informationRecipient.languageCode.c": "es", "knowledgeResponseType": "text/xml"},
    )

    feed = ET.fromstring(response.content)
    assert feed.get(XML_LANG) == "es"
    (entry,) = feed.findall(f"{{{ATOM_NAMESPACE}}}entry")
    assert entry.get(XML_LANG) == "en"
    english = Phase.objects.get(language="en", slug="relapsed")
    assert entry.findtext(f"{{{ATOM_NAMESPACE}}}title") == english.name
