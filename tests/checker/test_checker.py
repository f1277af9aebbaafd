"""The lab-values checker through the real form at /check/, as a patient would use it."""

import re

import pytest

from phases.checker.numbers import BlastScale
from phases.models import Phase
from phases.rules.classifier import Below
from tests.rules.test_classifier import RULE_TABLE

pytestmark = pytest.mark.django_db

CHECK = "/check/"


def as_posted(values):
    """Form data as a browser sends it: every value a string, empty numbers left out."""
    return {name: str(value) for name, value in values.items() if value is not None}


def data_phase(response):
    return re.search(r'data-phase="([^"]+)"', response.text).group(1)


def field_block(response, name):
    """The HTML of one question of the form: its label, box or radios, help and errors."""
    start = response.text.index(f'id="div_id_{name}"')
    end = response.text.find('id="div_id_', start + 1)
    return response.text[start : end if end != -1 else None]


@pytest.mark.parametrize(("values", "expected"), RULE_TABLE)
def test_rule_table_gives_the_same_result_through_the_form(client, values, expected):
    response = client.post(CHECK, as_posted(values))

    assert_result_is(expected, response, pages="/phases/")


def assert_result_is(expected, response, *, pages):
    """The result page says what the rule table expects: the phase, the urgent box, links to
    the candidate phases' pages (under `pages`) and to the questions still to answer."""
    assert response.status_code == 200
    assert data_phase(response) == (expected.phase or "undetermined")
    assert ('id="get-help-now"' in response.text) == expected.urgent
    candidates = re.findall(r'<ul class="candidates">(.*?)</ul>', response.text, re.S)
    shown = re.findall(rf'href="{pages}([^/]+)/"', candidates[0]) if candidates else []
    assert tuple(shown) == expected.candidates
    for name in expected.missing:
        assert f'href="#div_id_{name}"' in response.text or f'href="#id_{name}"' in response.text


def test_empty_form_explains_itself_and_promises_privacy(client):
    response = client.get(CHECK)

    assert response.status_code == 200
    assert "data-phase" not in response.text
    assert "Nothing you enter is saved" in response.text
    assert 'method="post"' in response.text
    for name in ["treatment", "marrow_blasts_percent", "cbc", "anc", "platelets", "mrd"]:
        assert f'name="{name}"' in response.text


def test_every_choice_question_offers_i_dont_know(client):
    response = client.get(CHECK)

    for name in ["ever_in_remission", "blood_blasts", "cbc", "mrd", "symptoms"]:
        assert 'value="unknown"' in field_block(response, name)
        assert "I don&#x27;t know" in field_block(response, name)


def test_a_remission_result_names_the_phase_links_to_it_and_shows_its_questions(client):
    remission = Phase.objects.get(language="en", slug="remission")
    values = {"treatment": "received", "ever_in_remission": "yes", "marrow_blasts_percent": "2"}
    values |= {"blood_blasts": "no", "cbc": "normal", "mrd": "negative", "symptoms": "no"}

    response = client.post(CHECK, values)

    assert data_phase(response) == "remission"
    assert remission.summary in response.text
    assert f'href="{remission.get_absolute_url()}"' in response.text
    # The questions follow the answers: the MRD test's result was given, so it is not asked.
    assert "Is this a complete remission?" in response.text
    assert "Was an MRD test done" not in response.text
    assert "Was an MRD test done" in remission.questions_html
    assert "The bone marrow test found 2% blasts." in response.text
    assert "This is not a diagnosis." in response.text
    assert "Medical disclaimer" in response.text


def test_cant_tell_lists_candidates_and_links_each_missing_answer_to_its_question(client):
    response = client.post(CHECK, {"treatment": "received", "marrow_blasts_percent": "30"})

    assert data_phase(response) == "undetermined"
    assert "We can&#x27;t tell yet" in response.text
    assert 'href="#div_id_ever_in_remission"' in response.text
    assert 'href="#div_id_first_course_finished"' in response.text
    assert 'href="/phases/relapsed/"' in response.text


def test_missing_marrow_blasts_link_to_the_box(client):
    response = client.post(CHECK, {"treatment": "received", "cbc": "normal", "symptoms": "no"})

    assert data_phase(response) == "undetermined"
    assert 'href="#id_marrow_blasts_percent"' in response.text


def test_findings_are_shown_in_plain_words(client):
    response = client.post(CHECK, {"treatment": "none", "marrow_blasts_percent": "12"})

    assert data_phase(response) == "untreated"
    assert "Your marrow blasts are 12%. At diagnosis they are usually above 20%." in response.text


def test_numbers_are_shown_beside_typical_adult_ranges(client):
    values = {"treatment": "received", "marrow_blasts_percent": "3", "anc": "0.8"}
    values |= {"platelets": "250", "wbc": "12.5", "hemoglobin": "9.1"}

    response = client.post(CHECK, values)

    table = response.text[response.text.index('class="table numbers"') :]
    assert "typical range for adults" in table
    assert "children" in table
    assert "0.8 ×10⁹/L" in table
    assert "below the typical range" in table
    assert "250 ×10⁹/L" in table
    assert "in the typical range" in table
    assert "12.5 ×10⁹/L" in table
    assert "above the typical range" in table
    assert "9.1 g/dL" in table
    assert "1.5 to 8 ×10⁹/L" in table


def test_marrow_blasts_are_drawn_on_a_scale_with_a_text_equivalent(client):
    response = client.post(CHECK, {"treatment": "received", "marrow_blasts_percent": "12"})

    assert 'role="img" aria-labelledby="blast-scale-title"' in response.text
    assert "Marrow blasts of 12% on a scale from 0 to 100%" in response.text
    assert "Your marrow blasts: 12%, between the 5% and 20% marks." in response.text
    # The line is drawn in stretches (0-5%, 5-20%, 20-100%): 12% sits about half-way across.
    assert '<svg class="scale-marker-box" x="50.3%"' in response.text
    assert '<text class="scale-you" x="50.3%" y="1.1em" text-anchor="middle">' in response.text


@pytest.mark.parametrize(
    ("blasts", "position", "label_anchor"),
    [
        (0, "0", "start"),  # the "You: 0%" label starts at the marker, inside the picture
        (Below(5), "5", "start"),
        (12.34, "12.3", "start"),
        (30, "30", "middle"),
        (50, "50", "middle"),
        (70, "70", "middle"),
        (85, "85", "end"),
        (100, "100", "end"),  # ends at the marker, inside the picture
    ],
)
def test_the_blast_marker_is_placed_in_percent_and_its_label_stays_inside(
    blasts, position, label_anchor
):
    scale = BlastScale(blasts)

    assert (scale.position, scale.label_anchor) == (position, label_anchor)


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        ("marrow_blasts_percent", "lots", "as your report words it"),
        ("marrow_blasts_percent", "negative", "usually answers the question about the MRD test"),
        ("marrow_blasts_percent", "2-1%", "from the lower number to the higher one"),
        ("marrow_blasts_percent", "101", "A percentage is between 0 and 100."),
        ("marrow_blasts_percent", "-2", "can&#x27;t be below 0"),
        ("anc", "45%", "not a percent"),
        ("anc", "100000000", "outside what we can read"),
        ("platelets", "1,500", "could mean 1.5 or 1500"),
        ("platelets", "abc", "Enter a number"),
        ("wbc", "5000000", "outside what we can read"),
        ("hemoglobin", "300", "outside what we can read"),
        ("hemoglobin", "1" * 40, "too long for a number"),
    ],
)
def test_bad_numbers_get_a_message_beside_their_box_and_keep_every_answer(
    client, name, typed, message
):
    other = "hemoglobin" if name != "hemoglobin" else "wbc"
    values = {"treatment": "received", "cbc": "normal", name: typed, other: "12"}

    response = client.post(CHECK, values)

    assert response.status_code == 200
    assert "data-phase" not in response.text
    block = field_block(response, name)
    assert message in block
    assert 'aria-invalid="true"' in block
    assert f'value="{typed}"' in block
    assert 'value="12"' in field_block(response, other)
    assert re.search(r'value="normal"[^>]*checked', field_block(response, "cbc"))
    assert "Please check this answer" in response.text


def test_treatment_is_the_one_required_answer(client):
    response = client.post(CHECK, {"marrow_blasts_percent": "3"})

    assert "Choose whether treatment for the leukemia was ever given." in field_block(
        response, "treatment"
    )
    assert 'value="3"' in field_block(response, "marrow_blasts_percent")


@pytest.mark.parametrize(
    ("name", "typed", "understood", "shown"),
    [
        ("marrow_blasts_percent", "4%", None, "4%"),
        ("marrow_blasts_percent", "4,5", "We read “4,5” as 4.5.", "4.5%"),
        ("marrow_blasts_percent", "<5%", "We read “&lt;5%” as below 5%.", "below 5%"),
        ("marrow_blasts_percent", "less than 1", "We read “less than 1” as below 1%.", "below 1%"),
        ("marrow_blasts_percent", "none seen", "We read “none seen” as 0%.", "0%"),
        ("platelets", "150000", "We read 150000 per µL as 150 ×10⁹/L.", "150 ×10⁹/L"),
        ("platelets", "150,000", "We read 150000 per µL as 150 ×10⁹/L.", "150 ×10⁹/L"),
        ("anc", "1500", "We read 1500 per µL as 1.5 ×10⁹/L.", "1.5 ×10⁹/L"),
        ("hemoglobin", "125", "We read 125 g/L as 12.5 g/dL.", "12.5 g/dL"),
    ],
)
def test_common_slips_are_understood_and_said_back(client, name, typed, understood, shown):
    response = client.post(CHECK, {"treatment": "received", name: typed})

    assert data_phase(response)
    assert shown in response.text[response.text.index('class="table numbers"') :]
    if understood:
        assert understood in field_block(response, name)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("<101", "A percentage is between 0 and 100."),
        ("below", "as your report words it"),
        ("<<5", "Enter a number"),
    ],
)
def test_a_below_n_that_cannot_be_read_gets_a_message_beside_its_box(client, typed, message):
    response = client.post(CHECK, {"treatment": "received", "marrow_blasts_percent": typed})

    assert "report" not in response.context or response.context["report"] is None
    assert message in field_block(response, "marrow_blasts_percent")


def test_below_five_is_said_back_in_the_result_and_on_the_scale(client):
    values = {"treatment": "received", "ever_in_remission": "yes", "marrow_blasts_percent": "<5%"}
    values |= {"blood_blasts": "no", "outside_marrow": "no", "mrd": "negative", "symptoms": "no"}

    response = client.post(CHECK, values)

    assert data_phase(response) == "remission"
    assert "found below 5% blasts" in response.text
    assert "Your marrow blasts: below 5%, on the remission side of the 5% mark." in response.text
    assert "below the 5% mark" not in response.text
    table = response.text[response.text.index('class="table numbers"') :]
    assert (
        'below 5%</span> <span class="comparison comparison-within">in the typical range' in table
    )


def test_the_first_course_question_is_asked_in_a_parents_words(client):
    response = client.get(CHECK)

    block = field_block(response, "first_course_finished")
    assert "Has the first round of treatment, called induction, finished?" in block
    assert "It usually takes 4 to 5 weeks." in block
    assert "treatment plan" in block  # where the answer is found
    assert "spinal fluid" in field_block(response, "outside_marrow")


def test_a_child_during_induction_is_not_called_refractory(client):
    values = {"treatment": "received", "first_course_finished": "no", "ever_in_remission": "no"}

    response = client.post(CHECK, values | {"marrow_blasts_percent": "12"})

    assert data_phase(response) == "undetermined"
    result = response.text[response.text.index('id="result"') : response.text.index("lab-form")]
    assert "first round of treatment (induction) has not finished" in result
    assert "Refractory</h2>" not in result


def test_urgent_advice_opens_the_result(client):
    response = client.post(CHECK, {"treatment": "received", "symptoms": "yes", "anc": "0.2"})

    result = response.text[response.text.index('id="result"') :]
    assert result.index('id="get-help-now"') < result.index('id="result-heading"')
    assert "38.0 °C (100.4 °F)" in result
    assert "<title>Get help right away" in response.text


def test_a_maintenance_patient_with_low_counts_is_in_remission(client):
    values = {"treatment": "received", "first_course_finished": "yes", "ever_in_remission": "yes"}
    values |= {"marrow_blasts_percent": "0", "mrd": "negative", "anc": "0.8", "symptoms": "no"}

    response = client.post(CHECK, values | {"blood_blasts": "no", "outside_marrow": "no"})

    assert data_phase(response) == "remission"
    assert "keep counts low on purpose" in response.text
    assert 'href="/phases/relapsed/"' not in response.text[: response.text.index("lab-form")]


def test_platelets_per_microlitre_count_as_recovered(client):
    values = {"treatment": "received", "ever_in_remission": "yes", "marrow_blasts_percent": "1"}
    values |= {"blood_blasts": "no", "anc": "1800", "platelets": "150000", "mrd": "negative"}

    response = client.post(CHECK, values | {"symptoms": "no"})

    assert data_phase(response) == "remission"


def test_checker_never_lets_a_result_be_cached(client):
    for response in [client.get(CHECK), client.post(CHECK, {"treatment": "none"})]:
        assert "no-store" in response["Cache-Control"]


def test_checker_sets_no_cookie_and_needs_none(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    response = strict.post(CHECK, {"treatment": "none"})

    assert response.status_code == 200
    assert data_phase(response) == "untreated"
    assert not response.cookies
    assert not client.get(CHECK).cookies


def test_values_in_the_address_are_ignored(client):
    response = client.get(CHECK + "?treatment=none&marrow_blasts_percent=4")

    assert "data-phase" not in response.text
    assert 'value="4"' not in response.text


def test_checker_result_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.post(CHECK, {"treatment": "received", "marrow_blasts_percent": "3"})


def test_checker_answers_head_and_refuses_other_methods(client):
    assert client.head(CHECK).status_code == 200
    assert client.put(CHECK).status_code == 405


def test_conflicting_answers_link_back_to_their_questions(client):
    values = {"treatment": "received", "ever_in_remission": "yes", "marrow_blasts_percent": "2"}
    values |= {
        "blood_blasts": "no",
        "cbc": "abnormal",
        "anc": "2.0",
        "platelets": "200",
        "symptoms": "no",
    }

    response = client.post(CHECK, values)

    section = response.text[response.text.index("Answers to check") :]
    assert "do not agree with what you said of the blood count (not normal)" in response.text
    assert 'href="#id_anc"' in section
    assert 'href="#id_platelets"' in section
    assert 'href="#div_id_cbc"' in section


def test_a_border_value_links_back_to_the_marrow_blasts_box(client):
    response = client.post(CHECK, {"treatment": "received", "marrow_blasts_percent": "5"})

    assert data_phase(response) == "undetermined"
    section = response.text[response.text.index("Answers to check") :]
    assert 'href="#id_marrow_blasts_percent"' in section
