"""The EHR launch ends on the checker filled in from the chart: the latest final, amended or
corrected result of each input, in the checker's units, each saying where it came from."""

import datetime

import pytest
from django.utils import formats, translation

from tests.fake_ehr import days_ago, observation, panel, patient
from tests.smart.conftest import ehr_launch, standalone_launch
from tests.smart.pages import filled, note_beside, text_of

pytestmark = pytest.mark.django_db

ADULT = "1980-04-02"
CHILD = "2015-09-14"


def english_day(days):
    day = datetime.date.today() - datetime.timedelta(days=days)
    with translation.override("en"):
        return formats.date_format(day, "DATE_FORMAT")


def test_the_latest_of_two_results_for_a_code_is_filled_in_with_its_date(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT),
        observation("p1", "777-3", 40, "10*9/L", day=days_ago(9)),
        observation("p1", "777-3", 85, "10*9/L", day=days_ago(3)),
    )

    response = ehr_launch(client, ehr, "p1")

    assert response.status_code == 200
    assert filled(response)["platelets"] == "85"
    assert note_beside(response, "platelets") == f"From your blood test on {english_day(3)}."
    assert "more than 30 days" not in text_of(response)


def test_a_result_entered_in_error_is_passed_over_for_the_one_before(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT),
        observation("p1", "751-8", 1.2, "10*9/L", day=days_ago(5)),
        observation("p1", "751-8", 0.1, "10*9/L", day=days_ago(1), status="entered-in-error"),
    )

    assert filled(ehr_launch(client, ehr, "p1"))["anc"] == "1.2"


@pytest.mark.parametrize("status", ["preliminary", "cancelled", "entered-in-error", "registered"])
def test_a_result_that_is_not_final_is_never_filled_in(client, ehr, status):
    ehr.add_patient(
        patient("p1", born=ADULT),
        observation("p1", "718-7", 11.2, "g/dL", day=days_ago(1), status=status),
    )

    response = ehr_launch(client, ehr, "p1")

    assert "hemoglobin" not in filled(response)
    assert "Your hospital record had no lab results we could use." in text_of(response)


@pytest.mark.parametrize("status", ["amended", "corrected"])
def test_an_amended_or_corrected_result_counts(client, ehr, status):
    ehr.add_patient(
        patient("p1", born=ADULT),
        observation("p1", "718-7", 11.2, "g/dL", day=days_ago(1), status=status),
    )

    assert filled(ehr_launch(client, ehr, "p1"))["hemoglobin"] == "11.2"


@pytest.mark.parametrize(
    ("code", "value", "unit", "field", "shown"),
    [
        ("777-3", 150, "10*3/uL", "platelets", "150"),
        ("26515-7", 150, "10*9/L", "platelets", "150"),
        ("778-1", 150000, "/uL", "platelets", "150"),
        ("751-8", 1500, "/uL", "anc", "1.5"),
        ("6690-2", 4.2, "10*3/mm3", "wbc", "4.2"),
        ("718-7", 125, "g/L", "hemoglobin", "12.5"),
        ("718-7", 9.8, "g/dL", "hemoglobin", "9.8"),
        ("11150-0", 3, "%", "marrow_blasts_percent", "3"),
    ],
)
def test_units_become_the_checkers(client, ehr, code, value, unit, field, shown):
    ehr.add_patient(
        patient("p1", born=ADULT), observation("p1", code, value, unit, day=days_ago(2))
    )

    assert filled(ehr_launch(client, ehr, "p1"))[field] == shown


def test_a_unit_that_cannot_be_changed_is_left_out_and_said_so(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT),
        observation("p1", "718-7", 7.4, "mmol/L", day=days_ago(2)),
        observation("p1", "777-3", 90, "10*9/L", day=days_ago(2)),
    )

    response = ehr_launch(client, ehr, "p1")

    assert "hemoglobin" not in filled(response)
    assert "mmol/L" in note_beside(response, "hemoglobin")
    assert "We could not use these results from your record" in text_of(response)
    assert filled(response)["platelets"] == "90"


def test_a_marrow_result_below_a_limit_is_typed_as_the_lab_wrote_it(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT),
        observation("p1", "11150-0", 5, "%", day=days_ago(6), comparator="<"),
    )

    response = ehr_launch(client, ehr, "p1")

    assert filled(response)["marrow_blasts_percent"] == "<5"
    assert note_beside(response, "marrow_blasts_percent") == (
        f"From your bone marrow test on {english_day(6)}."
    )


def test_blood_blasts_answer_yes_or_no(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT), observation("p1", "26446-5", 12, "%", day=days_ago(2))
    )
    ehr.add_patient(
        patient("p2", born=ADULT), observation("p2", "709-6", 0, "/uL", day=days_ago(2))
    )

    with_blasts = ehr_launch(client, ehr, "p1")
    without = ehr_launch(client, ehr, "p2")

    assert filled(with_blasts)["blood_blasts"] == "yes"
    assert note_beside(with_blasts, "blood_blasts").endswith("It lists blasts.")
    assert filled(without)["blood_blasts"] == "no"


def test_a_result_inside_a_panel_is_found(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT),
        panel(
            "p1",
            "58410-2",
            [("6690-2", 3.1, "10*3/uL"), ("751-8", 0.4, "10*3/uL"), ("718-7", 10.1, "g/dL")],
            day=days_ago(4),
        ),
    )

    assert filled(ehr_launch(client, ehr, "p1")) == {
        "wbc": "3.1",
        "anc": "0.4",
        "hemoglobin": "10.1",
        "age_group": "adult",
    }


def test_a_result_older_than_30_days_says_so(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT), observation("p1", "777-3", 210, "10*9/L", day=days_ago(45))
    )

    response = ehr_launch(client, ehr, "p1")

    assert filled(response)["platelets"] == "210"
    assert note_beside(response, "platelets") == (
        f"From your blood test on {english_day(45)}. This test is more than 30 days old: a "
        "newer one may give a different answer."
    )


def test_a_chart_with_no_results_leaves_the_form_for_the_patient(client, ehr):
    ehr.add_patient(patient("p1", born=ADULT))

    response = ehr_launch(client, ehr, "p1")

    assert filled(response) == {"age_group": "adult"}
    assert "Your hospital record had no lab results we could use." in text_of(response)
    assert "We filled in 1 answer from your hospital record." in text_of(response)


@pytest.mark.parametrize(("born", "group"), [(CHILD, "child"), (ADULT, "adult")])
def test_the_birth_date_answers_who_is_treated(client, ehr, born, group):
    ehr.add_patient(patient("p1", born=born))

    response = ehr_launch(client, ehr, "p1")

    assert filled(response)["age_group"] == group
    assert note_beside(response, "age_group") == "From the birth date in your hospital record."


def test_a_patient_who_prefers_spanish_gets_the_spanish_checker(client, ehr):
    ehr.add_patient(
        patient("p1", born=CHILD, language="es"),
        observation("p1", "718-7", 10.5, "g/dL", day=days_ago(3)),
    )

    response = standalone_launch(client, ehr, "p1")

    assert response.status_code == 200
    assert 'lang="es"' in response.content.decode()
    assert filled(response)["hemoglobin"] == "10,5"  # the Spanish checker's own way
    day = datetime.date.today() - datetime.timedelta(days=3)
    with translation.override("es"):
        assert note_beside(response, "hemoglobin") == (
            f"De su análisis de sangre del {formats.date_format(day, 'DATE_FORMAT')}."
        )
    assert 'action="/es/check/"' in response.content.decode()
    assert "Llenamos 2 respuestas con su historia clínica." in text_of(response)


def test_nothing_is_worked_out_until_the_patient_sends_the_form(client, ehr):
    ehr.add_patient(
        patient("p1", born=ADULT), observation("p1", "11150-0", 40, "%", day=days_ago(2))
    )

    response = ehr_launch(client, ehr, "p1")

    assert response.context["report"] is None
    assert 'action="/check/"' in response.content.decode()
    assert 'value="Show what my results suggest"' in response.content.decode()
