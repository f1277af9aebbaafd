"""The public JSON API under /api/v1/: published content, the checker, and its refusals."""

import datetime
import json
import logging

import pytest
from django.test import Client

from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase
from phases.rules.classifier import BLASTS_BELOW_USUAL_AT_DIAGNOSIS, RELAPSE_TO_CONFIRM
from tests.rules.test_classifier import RULE_TABLE

pytestmark = pytest.mark.django_db

API = "/api/v1"
SERVER = "http://testserver"
PHASE_FIELDS = {
    "slug", "order", "name", "summary", "body_markdown", "body_html", "body_text",
    "questions_markdown", "questions_html", "questions_text", "references_markdown",
    "references_html", "references_text", "icd10_code", "modified", "review_status",
    "last_reviewed", "next_review_due", "reviewer", "url", "language",
}  # fmt: skip


def save_phase(slug, **fields):
    """Change a phase as the admin does (its HTML is rendered when it is saved)."""
    phase = Phase.objects.get(slug=slug, language="en")
    for field, value in fields.items():
        setattr(phase, field, value)
    phase.save()


def classify(client, body):
    """POST a body to the checker: a dict is sent as JSON, text or bytes exactly as written."""
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(f"{API}/classify", data, content_type="application/json")


def test_phases_are_listed_in_display_order_with_every_field(client):
    response = client.get(f"{API}/phases")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    phases = response.json()
    assert [phase["slug"] for phase in phases] == list(
        Phase.objects.filter(language="en").values_list("slug", flat=True)
    )
    assert [phase["order"] for phase in phases] == sorted(phase["order"] for phase in phases)
    assert all(set(phase) == PHASE_FIELDS for phase in phases)


def test_a_phase_shows_its_published_content_in_three_forms_and_an_absolute_link(client):
    phase = Phase.objects.get(slug="remission", language="en")

    shown = client.get(f"{API}/phases/remission").json()

    assert shown["name"] == phase.name
    assert shown["summary"] == phase.summary
    assert shown["body_markdown"] == phase.body
    assert shown["body_html"] == phase.body_html
    assert "<" not in shown["body_text"]
    assert "&amp;" not in shown["body_text"]
    assert shown["questions_html"] == phase.questions_html
    assert shown["icd10_code"] == "C91.01"
    assert shown["url"] == f"{SERVER}/phases/remission/"


def test_a_page_awaiting_clinical_review_says_so_with_no_review_fields(client):
    save_phase("remission", last_reviewed=None, next_review_due=None, reviewer="")

    shown = client.get(f"{API}/phases/remission").json()

    assert shown["review_status"] == "awaiting_clinical_review"
    assert shown["last_reviewed"] is None
    assert shown["next_review_due"] is None
    assert shown["reviewer"] is None


def test_a_reviewed_page_gives_who_reviewed_it_and_when(client, approver):
    phase = Phase.objects.get(slug="remission", language="en")
    phase.mark_reviewed(
        reviewer="Dr A. Example, paediatric haematologist",
        by=approver,
        today=datetime.date(2026, 12, 3),
    )

    shown = client.get(f"{API}/phases/remission").json()

    assert shown["review_status"] == "reviewed"
    assert shown["last_reviewed"] == "2026-12-03"
    assert shown["next_review_due"] == "2027-12-03"
    assert shown["reviewer"] == "Dr A. Example, paediatric haematologist"


def test_a_phase_gives_its_sources_in_three_forms(client):
    save_phase("relapsed", references="- *NCI*: [ALL treatment](https://www.cancer.gov)")

    shown = client.get(f"{API}/phases/relapsed").json()

    assert shown["references_markdown"] == "- *NCI*: [ALL treatment](https://www.cancer.gov)"
    assert '<a href="https://www.cancer.gov"' in shown["references_html"]
    assert shown["references_text"] == "NCI: ALL treatment"


def test_the_openapi_document_describes_the_review_status(client):
    schema = client.get(f"{API}/openapi.json").json()["components"]["schemas"]["PhaseOut"]

    status = schema["properties"]["review_status"]
    assert status["enum"] == ["awaiting_clinical_review", "changed_since_review", "reviewed"]
    assert "clinician" in status["description"]
    assert "review_status" in schema["required"]


def test_plain_text_reads_as_words_not_html(client):
    save_phase("relapsed", body="Ask **why** & when: 5 < 6.")

    shown = client.get(f"{API}/phases/relapsed").json()

    assert shown["body_text"] == "Ask why & when: 5 < 6."
    assert shown["body_html"] == "<p>Ask <strong>why</strong> &amp; when: 5 &lt; 6.</p>"


def test_an_unknown_phase_is_a_json_404_naming_the_real_slugs(client):
    response = client.get(f"{API}/phases/cured")

    assert response.status_code == 404
    assert "minimal-residual-disease" in response.json()["detail"]


def test_a_draft_never_reaches_the_api(client):
    phase = Phase.objects.get(slug="refractory", language="en")
    phase.draft = {"name": "DRAFT NAME", "summary": "DRAFT SUMMARY", "body": "DRAFT BODY"}
    phase.save()

    listed = client.get(f"{API}/phases").content.decode()
    detail = client.get(f"{API}/phases/refractory").content.decode()
    looked_up = client.get(
        f"{API}/connect?mainSearchCriteria.v.c=C91.00&"
        "mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
    ).content.decode()

    for text in (listed, detail, looked_up):
        assert "DRAFT" not in text
        assert phase.summary in text


def test_the_disclaimer_is_given_as_markdown_html_and_text(client):
    disclaimer = Disclaimer.current("en")

    shown = client.get(f"{API}/disclaimer").json()

    assert shown == {
        "text_markdown": disclaimer.text,
        "html": disclaimer.html,
        "text": shown["text"],
        "modified": shown["modified"],
        "review_status": "awaiting_clinical_review",
        "language": "en",
    }
    assert shown["text"]
    assert "<" not in shown["text"]


def test_the_glossary_lists_published_terms_with_absolute_links_only(client):
    GlossaryTerm.objects.create(term="Secret", slug="secret", definition="Not yet checked.")
    blasts = GlossaryTerm.objects.get(slug="blasts", language="en")
    blasts.draft = {"definition": "DRAFT DEFINITION"}
    blasts.save()

    terms = client.get(f"{API}/glossary").json()

    assert [term["anchor"] for term in terms] == [
        term.slug for term in GlossaryTerm.objects.in_language_list("en")
    ]
    assert "secret" not in [term["anchor"] for term in terms]
    shown = next(term for term in terms if term["anchor"] == "blasts")
    assert shown == {
        "term": blasts.term,
        "anchor": "blasts",
        "definition": blasts.definition,
        "url": f"{SERVER}/glossary/#blasts",
        "modified": shown["modified"],
        "review_status": "awaiting_clinical_review",
        "language": "en",
    }


@pytest.mark.parametrize("path", ["/phases", "/phases/untreated", "/disclaimer", "/glossary"])
def test_content_carries_an_etag_and_answers_if_none_match_with_304(client, path):
    first = client.get(API + path)

    again = client.get(API + path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert first["ETag"]
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(("values", "expected"), RULE_TABLE)
def test_rule_table_gives_the_same_result_through_the_api(client, values, expected):
    response = classify(client, values)

    assert response.status_code == 200
    result = response.json()
    assert result["phase"] == expected.phase
    assert tuple(result["candidates"]) == expected.candidates
    assert tuple(result["missing"]) == expected.missing
    assert result["urgent"] == expected.urgent
    assert (result["urgent_advice"] is not None) == expected.urgent


def test_a_result_links_to_its_phase_and_carries_the_disclaimer(client):
    body = {"treatment": "received", "ever_in_remission": "yes", "marrow_blasts_percent": 2}
    body |= {"blood_blasts": "no", "cbc": "normal", "mrd": "negative", "symptoms": "no"}
    body |= {"outside_marrow": "no"}

    result = classify(client, body).json()

    assert result["phase"] == "remission"
    assert result["phase_url"] == f"{SERVER}/phases/remission/"
    assert result["phase_page"] == {
        "slug": "remission",
        "name": Phase.objects.get(slug="remission", language="en").name,
        "url": f"{SERVER}/phases/remission/",
        "language": "en",
    }
    assert result["disclaimer_language"] == "en"
    assert result["candidates"] == []
    assert result["missing"] == []
    assert result["findings"] == []
    assert result["disclaimer"]
    assert "<" not in result["disclaimer"]


def test_below_n_blasts_are_understood_as_the_report_writes_them(client):
    body = {"treatment": "received", "ever_in_remission": "yes", "symptoms": "no"}

    below_5 = classify(client, body | {"marrow_blasts_percent": "<5"}).json()
    below_10 = classify(client, body | {"marrow_blasts_percent": "below 10"}).json()

    assert below_5["phase"] == "remission"
    assert below_10["phase"] is None
    assert below_10["missing"] == ["marrow_blasts_percent"]
    (finding,) = below_10["findings"]
    assert finding["values"] == {"marrow_blasts_percent": "below 10"}
    assert "below 10%" in finding["text"]


def test_urgent_advice_comes_with_its_wording(client):
    body = {"treatment": "received", "symptoms": "yes", "anc": 0.2}

    result = classify(client, body).json()

    assert result["urgent"] is True
    assert "38.0 °C (100.4 °F)" in result["urgent_advice"]["text"]
    assert result["findings"][0]["code"] == "get_help_now"


def test_the_openapi_document_shows_the_version_2_inputs_with_examples(client):
    schema = client.get(API + "/openapi.json").json()["components"]["schemas"]["LabReport"]

    for name in ("first_course_finished", "outside_marrow", "marrow_blasts_percent"):
        assert schema["properties"][name]["examples"], name
    assert "<5" in schema["properties"]["marrow_blasts_percent"]["examples"]
    assert schema["required"] == ["treatment"]


def test_cant_tell_names_candidates_and_missing_inputs(client):
    result = classify(client, {"treatment": "received", "marrow_blasts_percent": 30}).json()

    assert result["phase"] is None
    assert result["phase_url"] is None
    assert result["phase_page"] is None
    assert result["candidates"] == ["refractory", "relapsed"]
    names = dict(Phase.objects.filter(language="en").values_list("slug", "name"))
    assert [(page["name"], page["url"]) for page in result["candidate_pages"]] == [
        (names[slug], f"{SERVER}/phases/{slug}/") for slug in result["candidates"]
    ]
    assert result["missing"] == ["ever_in_remission", "first_course_finished"]


def test_findings_carry_their_values_and_the_built_in_wording(client):
    result = classify(client, {"treatment": "none", "marrow_blasts_percent": 12}).json()

    assert result["findings"] == [
        {
            "code": BLASTS_BELOW_USUAL_AT_DIAGNOSIS,
            "values": {"marrow_blasts_percent": 12.0, "usually_above": 20.0},
            "text": "Your marrow blasts are 12%. At diagnosis they are usually above 20%. "
            "Your care team will explain your results.",
            "html": "<p>Your marrow blasts are 12%. At diagnosis they are usually above 20%. "
            "Your care team will explain your results.</p>",
            "language": "en",
        }
    ]


def test_findings_use_the_published_wording_staff_edited(client):
    wording = Explanation.objects.get(key=BLASTS_BELOW_USUAL_AT_DIAGNOSIS, language="en")
    wording.text = "Blasts of **{marrow_blasts_percent}%** & more to say."
    wording.draft = {"text": "DRAFT WORDING"}
    wording.save()

    (finding,) = classify(client, {"treatment": "none", "marrow_blasts_percent": 12}).json()[
        "findings"
    ]

    assert finding["text"] == "Blasts of 12% & more to say."
    assert finding["html"] == "<p>Blasts of <strong>12%</strong> &amp; more to say.</p>"


def test_a_broken_stored_wording_falls_back_on_the_built_in_one(client):
    Explanation.objects.filter(key=RELAPSE_TO_CONFIRM).update(text_html="{nonsense}")
    body = {"treatment": "received", "ever_in_remission": "yes", "marrow_blasts_percent": 10}

    (finding,) = classify(client, body).json()["findings"]

    assert finding["text"].startswith("Your marrow blasts are 10%. When they are between 5% and")


@pytest.mark.parametrize(
    ("body", "loc", "words"),
    [
        pytest.param("{treatment: none", ["body"], "JSON object", id="not-json"),
        pytest.param("", ["body"], "required", id="empty"),
        pytest.param(b"\xff\xfe", ["body"], "JSON object", id="not-utf-8"),
        pytest.param("[" * 10**5 + "]" * 10**5, ["body"], "JSON object", id="deeply-nested"),
        pytest.param(" " * 3 * 2**20 + "{}", ["body"], "too large", id="too-large"),
        pytest.param("[]", ["body"], "object", id="a-list"),
        pytest.param('"none"', ["body"], "object", id="a-string"),
        pytest.param("null", ["body"], "object", id="null"),
        pytest.param({}, ["body", "treatment"], "required", id="no-treatment"),
        pytest.param({"treatment": "maybe"}, ["body", "treatment"], "'none'", id="bad-choice"),
        pytest.param({"treatment": "none", "cbc": "fine"}, ["body", "cbc"], "'normal'", id="cbc"),
        pytest.param({"treatment": 1}, ["body", "treatment"], "none", id="choice-as-number"),
        pytest.param({"treatment": "none", "anc": "1.5"}, ["body", "anc"], "number", id="text"),
        pytest.param({"treatment": "none", "anc": True}, ["body", "anc"], "number", id="bool"),
        pytest.param({"treatment": "none", "anc": [1]}, ["body", "anc"], "number", id="list"),
        pytest.param(
            {"treatment": "none", "marrow_blasts_percent": 101},
            ["body", "marrow_blasts_percent"],
            "from 0 to 100",
            id="blasts-above-100",
        ),
        pytest.param(
            {"treatment": "none", "marrow_blasts_percent": "<101"},
            ["body", "marrow_blasts_percent"],
            "between 0 and 100",
            id="below-101",
        ),
        pytest.param(
            {"treatment": "none", "marrow_blasts_percent": "lots"},
            ["body", "marrow_blasts_percent"],
            "<5",
            id="blasts-in-other-words",
        ),
        pytest.param(
            {"treatment": "none", "first_course_finished": "soon"},
            ["body", "first_course_finished"],
            "'yes'",
            id="first-course",
        ),
        pytest.param(
            {"treatment": "none", "outside_marrow": "csf"},
            ["body", "outside_marrow"],
            "'yes'",
            id="outside-marrow",
        ),
        pytest.param(
            {"treatment": "none", "platelets": -1},
            ["body", "platelets"],
            "greater than or equal to 0",
            id="negative-platelets",
        ),
        pytest.param(
            '{"treatment": "none", "hemoglobin": NaN}', ["body", "hemoglobin"], "finite", id="nan"
        ),
        pytest.param(
            '{"treatment": "none", "wbc": Infinity}', ["body", "wbc"], "finite", id="infinity"
        ),
        pytest.param(
            {"treatment": "none", "wbc": 10**400}, ["body", "wbc"], "number", id="huge-integer"
        ),
        pytest.param(
            {"treatment": "none", "colour": "blue"}, ["body", "colour"], "not permitted", id="extra"
        ),
    ],
)
def test_bad_bodies_get_a_400_naming_the_field_and_the_problem(client, body, loc, words):
    response = classify(client, body)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    (problem,) = response.json()["detail"]
    assert problem["loc"] == loc
    assert words in problem["msg"]
    assert problem["type"]


def test_a_refusal_neither_echoes_nor_logs_the_values(client, caplog):
    with caplog.at_level(logging.DEBUG):
        response = classify(client, {"treatment": "none", "anc": 424242.25, "wbc": "31337"})
        one_problem = classify(client, {"treatment": "none", "anc": 4242.25})

    assert response.status_code == 400
    assert len(response.json()["detail"]) == 2
    assert one_problem.status_code == 400
    for value in ("4242", "31337"):
        assert value not in response.content.decode()
        assert value not in one_problem.content.decode()
        assert value not in caplog.text


def test_classify_is_never_cached_and_needs_no_cookie_or_csrf_token():
    strict = Client(enforce_csrf_checks=True)

    response = classify(strict, {"treatment": "none"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert not response.has_header("ETag")


def test_classify_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # The wording of the findings, the phases' names and the disclaimer: one query each.
    with django_assert_max_num_queries(3):
        classify(client, {"treatment": "received", "marrow_blasts_percent": 3})


def test_classify_accepts_post_only(client):
    assert client.get(f"{API}/classify").status_code == 405
