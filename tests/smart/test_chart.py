"""Reading FHIR resources into the checker's values (phases/smart/chart.py), without an EHR:
the edges of age, language, time and order."""

import datetime

import pytest

from phases.smart.chart import age_group, language, read_chart
from phases.smart.codes import BY_CODE, CHART_CODES, FIELD_UNITS, UNITS
from tests.fake_ehr import observation, patient

TODAY = datetime.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("born", "group"),
    [
        ("2008-12-03", "adult"),  # 18 today
        ("2008-12-04", "child"),  # 18 tomorrow
        ("2008", None),  # a partial birth date tells nothing
        ("", None),
    ],
)
def test_eighteen_on_the_day_is_an_adult(born, group):
    assert age_group({"birthDate": born} if born else {}, TODAY) == group


def test_the_preferred_language_wins_over_the_first():
    spoken = {
        "communication": [
            {"language": {"coding": [{"code": "en"}]}},
            {"language": {"coding": [{"code": "es-MX"}]}, "preferred": True},
        ]
    }

    assert language(spoken) == "es"
    assert language({"communication": spoken["communication"][:1]}) == "en"
    assert language({}) is None


def test_the_latest_is_by_the_moment_taken_across_time_zones():
    # 1 December at 23:30 in New York is 04:30 on 2 December in London: the later of the two.
    new_york = observation("p", "777-3", 50, "10*9/L", day="2026-12-01T23:30:00-05:00")
    london = observation("p", "777-3", 60, "10*9/L", day="2026-12-02T03:00:00+00:00")

    reading = read_chart(patient("p", born="1990-01-01"), [new_york, london], today=TODAY)

    assert reading.values["platelets"].value == 50
    assert reading.values["platelets"].taken == datetime.date(2026, 12, 1)  # as the lab wrote


def test_on_the_same_moment_the_automated_count_wins_over_the_manual():
    manual = observation("p", "778-1", 50, "10*9/L", day="2026-12-01")
    automated = observation("p", "777-3", 60, "10*9/L", day="2026-12-01")

    reading = read_chart(patient("p", born="1990-01-01"), [manual, automated], today=TODAY)

    assert reading.values["platelets"].value == 60


def test_a_newer_result_in_an_unknown_unit_is_said_not_replaced_by_an_older_one():
    older = observation("p", "718-7", 10.0, "g/dL", day="2026-11-20")
    newer = observation("p", "718-7", 6.2, "mmol/L", day="2026-12-01")

    reading = read_chart(patient("p", born="1990-01-01"), [older, newer], today=TODAY)

    assert "hemoglobin" not in reading.values
    assert [(left.field, left.unit) for left in reading.left_out] == [("hemoglobin", "mmol/L")]


def test_every_code_and_unit_of_the_table_has_its_source():
    assert len(BY_CODE) == len(CHART_CODES) == 13
    assert all(code.source == f"https://loinc.org/{code.code}/" for code in CHART_CODES)
    assert set(FIELD_UNITS) == {code.field for code in CHART_CODES}
    assert all(unit.source for units in UNITS.values() for unit in units)
