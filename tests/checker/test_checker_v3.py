"""What version 3 of the checker adds, through the form and the API, in English and Spanish: the
ANC's unit, the fever question, the one urgent-advice text in four places, result headings and
questions that follow the answers, and problems with no English left in Spanish."""

import json
import re

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from phases.rules.classifier import REFRACTORY, RELAPSED
from phases.text.staff_markdown import html_to_text
from tests.checker.test_checker import data_phase, field_block
from tests.test_catalogue import entries

pytestmark = pytest.mark.django_db

API = "/api/v1/classify"
# Answers a parent of a child on maintenance gives; each test changes what it is about.
MAINTENANCE = {"treatment": "received", "age_group": "child", "ever_in_remission": "yes"}
MAINTENANCE |= {"blood_blasts": "no", "outside_marrow": "no", "symptoms": "no", "fever": "no"}
CHECK = {"en": "/check/", "es": "/es/check/"}
WITH_CLIENT = hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def classify(client, body, lang="en"):
    """The API's answer to `body`; numbers typed as on the form are sent as JSON numbers."""
    if isinstance(body, dict):
        body = {name: as_number(value) for name, value in body.items()}
    return client.post(f"{API}?lang={lang}", json.dumps(body), content_type="application/json")


def as_number(value):
    return float(value) if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value) else value


def plain(html):
    """Rendered HTML as the words a reader sees, spaces made even."""
    return " ".join(html_to_text(html).split())


def after(text, mark):
    return text[text.index(mark) + len(mark) :]


def between(text, start, end):
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


# The ANC's unit -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_anc_of_80_is_asked_about_beside_its_box_with_both_readings_written_out(client, lang):
    response = client.post(CHECK[lang], MAINTENANCE | {"anc": "80", "platelets": "210"})

    assert "data-phase" not in response.text  # no result while the unit is not known
    block = field_block(response, "anc_unit")
    per_ul = {"en": "80 per µL = 0.08 ×10⁹/L, dangerously low", "es": "80 por µL = 0,08 ×10⁹/L"}
    assert per_ul[lang] in block
    assert 'value="per_uL"' in block
    assert 'value="x10^9/L"' in block
    assert "80 ×10⁹/L</label>" in block
    assert 'aria-invalid="true"' in block  # the question is the field with the problem
    assert 'href="#div_id_anc_unit"' in response.text  # the summary leads to it
    assert 'value="210"' in field_block(response, "platelets")  # every answer is kept
    assert re.search(r'value="yes" id="\w+" checked', field_block(response, "ever_in_remission"))


def test_the_form_reads_the_anc_in_the_unit_chosen(client):
    per_ul = client.post(CHECK["en"], MAINTENANCE | {"anc": "80", "anc_unit": "per_uL"})
    as_written = client.post(CHECK["en"], MAINTENANCE | {"anc": "80", "anc_unit": "x10^9/L"})

    assert data_phase(per_ul) == "remission"
    assert 'id="get-help-now"' in per_ul.text
    assert "We read 80 per µL as 0.08 ×10⁹/L." in field_block(per_ul, "anc")
    assert "0.08 ×10⁹/L" in per_ul.text[per_ul.text.index('class="table numbers"') :]
    assert data_phase(as_written) == "remission"
    assert 'id="get-help-now"' not in as_written.text
    assert 'value="per_uL"' in field_block(as_written, "anc_unit")  # still shown, to change


def test_an_anc_above_the_wbc_is_asked_about_too(client):
    response = client.post(CHECK["en"], MAINTENANCE | {"anc": "5", "wbc": "3"})

    assert "data-phase" not in response.text
    assert "5 per µL = 0.005 ×10⁹/L, dangerously low" in field_block(response, "anc_unit")


def test_a_form_without_an_ambiguous_anc_does_not_show_the_unit_question(client):
    response = client.post(CHECK["en"], MAINTENANCE | {"anc": "1500"})

    assert 'id="div_id_anc_unit"' not in response.text
    assert "We read 1500 per µL as 1.5 ×10⁹/L." in field_block(response, "anc")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_api_refuses_an_ambiguous_anc_naming_anc_unit(client, lang):
    response = classify(client, MAINTENANCE | {"anc": 80}, lang)

    assert response.status_code == 400
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "anc_unit"]
    assert "anc_unit" in problem["msg"]
    assert problem["type"] == "anc_unit_needed"
    assert classify(client, MAINTENANCE | {"anc": 80, "anc_unit": "per_uL"}).json()["urgent"]


def test_the_api_names_the_per_microlitre_reading_of_a_count_too_large(client):
    anc = classify(client, MAINTENANCE | {"anc": 1500}).json()["detail"][0]
    platelets = classify(client, MAINTENANCE | {"platelets": 150000}).json()["detail"][0]

    assert anc["loc"] == ["body", "anc"]
    assert "per µL" in anc["msg"]
    assert "anc_unit" in anc["msg"]
    assert platelets["loc"] == ["body", "platelets"]
    assert "per µL" in platelets["msg"]


ambiguous_ancs = st.floats(min_value=10, max_value=100) | st.sampled_from([10.0, 80.0, 100.0])


@WITH_CLIENT
@given(anc=ambiguous_ancs, lang=st.sampled_from(["en", "es"]))
def test_an_anc_from_10_to_100_without_its_unit_never_yields_a_result(client, anc, lang):
    typed = f"{anc:g}" if lang == "en" else f"{anc:g}".replace(".", ",")
    form = client.post(CHECK[lang], MAINTENANCE | {"anc": typed})
    api = classify(client, MAINTENANCE | {"anc": anc}, lang)

    assert "data-phase" not in form.text
    assert api.status_code == 400


@WITH_CLIENT
@given(wbc=st.floats(min_value=0.1, max_value=9.9), excess=st.floats(min_value=0.01, max_value=5))
def test_an_anc_above_the_wbc_without_its_unit_never_yields_a_result(client, wbc, excess):
    anc = round(wbc + excess, 2)
    form = client.post(CHECK["en"], MAINTENANCE | {"anc": f"{anc:g}", "wbc": f"{wbc:g}"})
    api = classify(client, MAINTENANCE | {"anc": anc, "wbc": wbc})

    assert "data-phase" not in form.text
    assert api.status_code == 400


@WITH_CLIENT
@given(anc=st.integers(min_value=0, max_value=499))
def test_an_anc_below_500_per_microlitre_is_urgent_through_the_form_and_the_api(client, anc):
    form = client.post(CHECK["en"], MAINTENANCE | {"anc": str(anc), "anc_unit": "per_uL"})
    api = classify(client, MAINTENANCE | {"anc": anc, "anc_unit": "per_uL"}).json()

    assert 'id="get-help-now"' in form.text
    assert api["urgent"]
    assert "low_anc" in api["urgent_advice"]["reasons"]


@WITH_CLIENT
@given(
    changes=st.fixed_dictionaries(
        {},
        optional={
            "treatment": st.sampled_from(["none", "received"]),
            "ever_in_remission": st.sampled_from(["yes", "no", "unknown"]),
            "first_course_finished": st.sampled_from(["yes", "no", "unknown"]),
            "age_group": st.sampled_from(["child", "adult", "unknown"]),
            "marrow_blasts_percent": st.sampled_from(["2", "5", "12", "<5", "none seen"]),
            "symptoms": st.sampled_from(["yes", "no", "unknown"]),
        },
    )
)
def test_a_fever_always_brings_the_urgent_box_and_says_so_first(client, changes):
    values = MAINTENANCE | changes | {"fever": "yes"}
    form = client.post(CHECK["en"], values)
    api = classify(client, values).json()

    box = between(form.text, 'id="get-help-now"', 'class="result-tools"')
    assert "because you said there is a fever" in box
    assert api["urgent"]
    assert api["urgent_advice"]["reasons"][0] == "fever"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_fever_question_is_asked_before_the_other_signs(client, lang):
    text = client.get(CHECK[lang]).text

    assert text.index('id="div_id_fever"') < text.index('id="div_id_symptoms"')


# The one urgent-advice text -----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("es", "/es")])
def test_the_urgent_advice_is_the_same_text_in_all_four_places(client, lang, prefix):
    values = MAINTENANCE | {"fever": "yes", "marrow_blasts_percent": "1"}
    result = client.post(CHECK[lang], values).text
    handout = client.post(f"{prefix}/check/handout/", values).text
    phase_page = client.get(f"{prefix}/phases/remission/").text
    api = classify(client, values, lang).json()["urgent_advice"]

    in_result = plain(after(between(result, 'class="urgent-advice"', "</div>"), ">"))
    in_handout = plain(after(between(handout, 'class="urgent-advice"', "</div>"), ">"))
    section = between(phase_page, 'id="urgent-help-heading"', "</section>")
    on_phase_page = plain(section[section.index("</h2>") :])
    in_api = plain(api["html"])

    assert on_phase_page
    assert "38" in on_phase_page
    assert in_result.endswith(on_phase_page)
    assert in_result.startswith(on_phase_page[:40])
    assert in_result == in_handout == on_phase_page == in_api
    assert " ".join(api["text"].split()) == in_api
    assert api["language"] == lang


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"fever": "yes"}, "because you said there is a fever"),
        ({"symptoms": "yes"}, "signs your care team needs to know"),
        ({"anc": "0.3"}, "At this count an infection can become serious quickly"),
    ],
)
def test_the_urgent_box_first_says_why_it_is_shown(client, values, reason):
    text = client.post(CHECK["en"], MAINTENANCE | values).text

    box = between(text, 'id="get-help-now"', 'class="result-tools"')
    assert box.index(reason) < box.index('class="urgent-advice"')


# Headings and questions that follow the answers --------------------------------------------


def test_a_relapse_to_confirm_is_headed_may_have_come_back(client):
    values = MAINTENANCE | {"marrow_blasts_percent": "12"}

    text = client.post(CHECK["en"], values).text

    assert "This may mean the leukemia has come back</h2>" in text
    assert "The phase to ask your care team about: Relapsed" in text
    assert "doctors often do a second test" in text


def test_a_relapse_outside_the_marrow_is_confirmed_where_it_was_found(client):
    values = MAINTENANCE | {"marrow_blasts_percent": "1", "outside_marrow": "yes"}

    text = client.post(CHECK["en"], values).text

    assert data_phase(client.post(CHECK["en"], values)) == RELAPSED
    assert "tests of the place where it was found" in text
    assert "blasts can also show up in the blood" not in text
    assert "This may mean the leukemia has come back" not in text


def test_a_child_at_the_end_of_induction_is_not_called_refractory(client):
    values = {"treatment": "received", "age_group": "child", "first_course_finished": "yes"}
    values |= {"ever_in_remission": "no", "marrow_blasts_percent": "8"}

    text = client.post(CHECK["en"], values).text

    assert data_phase(client.post(CHECK["en"], values)) == "undetermined"
    assert "before they call it refractory" in text
    assert '<ul class="candidates">' not in text
    assert f'href="/phases/{REFRACTORY}/"' not in between(text, 'id="result"', "lab-form")


def test_a_maintenance_blood_test_with_no_new_marrow_result_points_to_no_change(client):
    text = client.post(CHECK["en"], MAINTENANCE | {"anc": "1.2", "platelets": "180"}).text

    assert data_phase(client.post(CHECK["en"], MAINTENANCE)) == "remission"
    assert "nothing here points to a change" in text
    assert "We need the blasts number" not in text


def test_very_low_counts_in_maintenance_bring_the_caution(client):
    text = client.post(CHECK["en"], MAINTENANCE | {"platelets": "60"}).text

    assert "within a day or two" in text
    assert "nothing here points to a change" not in text


@pytest.mark.parametrize(
    ("typed", "said_back"),
    [("none seen", "0%"), ("1-2%", "between 1% and 2%"), ("<5", "below 5%")],
)
def test_a_marrow_value_in_words_inside_the_typical_range_is_said_to_be_inside_it(
    client, typed, said_back
):
    text = client.post(CHECK["en"], MAINTENANCE | {"marrow_blasts_percent": typed}).text

    table = text[text.index('class="table numbers"') :]
    assert f'{said_back}</span> <span class="comparison comparison-within">' in table
    assert "below the typical range" not in table
    assert "below 5%, below the 5% mark" not in text


def test_a_very_high_wbc_is_read_as_written_and_the_other_reading_said_back(client):
    text = client.post(CHECK["en"], {"treatment": "none", "wbc": "150"}).text

    assert "We read 150 as 150 ×10⁹/L, a very high count" in field_block_text(text, "wbc")
    assert "that is 0.15 ×10⁹/L" in field_block_text(text, "wbc")


def field_block_text(text, name):
    start = text.index(f'id="div_id_{name}"')
    return text[start : text.index('id="div_id_', start + 1)]


# Words for the marrow, the same through the form and the API --------------------------------


@pytest.mark.parametrize(("lang", "word"), [("en", "negative"), ("es", "negativo")])
def test_an_mrd_word_for_the_marrow_gets_the_same_message_from_the_form_and_the_api(
    client, lang, word
):
    form = client.post(CHECK[lang], {"treatment": "received", "marrow_blasts_percent": word})
    api = classify(client, {"treatment": "received", "marrow_blasts_percent": word}, lang)

    (problem,) = api.json()["detail"]
    message = problem["msg"]
    assert "MRD" in message or "ERM" in message
    block = html_to_text(field_block(form, "marrow_blasts_percent"))
    assert message in " ".join(block.split())


# No English left in Spanish ------------------------------------------------------------------

BAD_BODIES = [
    {},
    {"treatment": "maybe"},
    {"treatment": "none", "colour": "blue"},
    {"treatment": "none", "anc": "lots"},
    {"treatment": "none", "platelets": -1},
    {"treatment": "none", "wbc": 5000},
    {"treatment": "none", "marrow_blasts_percent": 101},
    {"treatment": "none", "marrow_blasts_percent": "lots"},
    {"treatment": "none", "marrow_blasts_percent": "positive"},
    {"treatment": "none", "anc": 80},
    {"treatment": "none", "anc": 1500},
    [],
]


def english_messages():
    """Every English message of the catalogue long enough to tell: three words or more."""
    catalogue = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
    found = set()
    for msgid, strs, _ in entries(catalogue.read_text()):
        words = re.sub(r"%\(\w+\)s", "\x00", msgid).replace('\\"', '"')
        for part in words.split("\x00"):
            if len(part.split()) >= 3 and part not in "".join(strs):
                found.add(part.strip())
    return found


@pytest.mark.parametrize("body", BAD_BODIES, ids=range(len(BAD_BODIES)))
def test_no_english_is_left_in_a_spanish_problem(client, body):
    english = classify(client, body).json()["detail"]
    response = classify(client, body, "es")

    spanish = response.json()["detail"]
    assert response.status_code == 400
    assert response["Content-Language"] == "es"
    assert [problem["loc"] for problem in spanish] == [problem["loc"] for problem in english]
    for in_spanish, in_english in zip(spanish, english, strict=True):
        assert in_spanish["msg"] != in_english["msg"]
        assert not [text for text in english_messages() if text in in_spanish["msg"]]


def test_no_english_is_left_in_a_spanish_result(client):
    values = MAINTENANCE | {"fever": "yes", "marrow_blasts_percent": "12"}
    english = classify(client, values).json()
    spanish = classify(client, values, "es").json()

    everything = json.dumps(spanish, ensure_ascii=False)
    assert not [text for text in english_messages() if text in everything]
    for finding, in_english in zip(spanish["findings"], english["findings"], strict=True):
        assert finding["text"] != in_english["text"]
        assert finding["language"] == "es"
    assert spanish["urgent_advice"]["why_text"] != english["urgent_advice"]["why_text"]
