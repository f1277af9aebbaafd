"""The classifier spec's rules (version 2) as tables, and the properties every report must keep.

The tables use what a form or JSON client sends: plain strings for choices, and the report's own
words for "below N" blasts ("<5"), so the form and API tests can import `RULE_TABLE` and check
that they give the same results.
"""

import math
from typing import NamedTuple

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from phases.classifier import (
    BLASTS_AT_BORDER,
    BLASTS_BELOW_USUAL_AT_DIAGNOSIS,
    BLOOD_BLASTS_UNKNOWN,
    CHOICES,
    COUNTS_NOT_RECOVERED,
    COUNTS_NUMBERS_CONFLICT_WITH_CBC,
    COUNTS_UNKNOWN,
    FINDING_CODES,
    FINDING_VALUE_NAMES,
    FIRST_COURSE_PROBABLY_FINISHED,
    FIRST_COURSE_STATUS_NEEDED,
    GET_HELP_NOW,
    GOOD_EARLY_SIGN,
    MARROW_BLASTS_NEEDED,
    MARROW_BLASTS_NOT_PRECISE,
    MINIMAL_RESIDUAL_DISEASE,
    MRD_TEST_CAN_LOOK_DEEPER,
    OUTSIDE_MARROW_NOT_CHECKED,
    PHASE_SLUGS,
    RANGES,
    REFRACTORY,
    REFRACTORY_JUDGED_AFTER_FULL_COURSE,
    RELAPSE_CONFIRM_WITH_MARROW_TEST,
    RELAPSE_CONFIRM_WITH_SECOND_TEST,
    RELAPSED,
    RELAPSED_OR_REFRACTORY_NEEDS_HISTORY,
    REMISSION,
    REMISSION_BLASTS_BELOW,
    SYMPTOMS_NEEDED,
    SYMPTOMS_PRESENT,
    TOO_EARLY_TO_JUDGE,
    UNTREATED,
    URGENT_ANC_BELOW,
    Answer,
    Below,
    CountsWord,
    LabValues,
    MrdResult,
    Treatment,
    classify,
)
from phases.lab_numbers import BLASTS, read_number

MRD = MINIMAL_RESIDUAL_DISEASE
TREATED_PHASES = (REMISSION, MRD, REFRACTORY, RELAPSED)
FIRST_COURSE_PHASES = (REMISSION, MRD, REFRACTORY)

# A clear remission after the first course; each row below changes only what it tests.
REMISSION_REPORT = {
    "treatment": "received",
    "first_course_finished": "yes",
    "ever_in_remission": "yes",
    "marrow_blasts_percent": 2.0,
    "blood_blasts": "no",
    "outside_marrow": "no",
    "cbc": "normal",
    "mrd": "negative",
    "symptoms": "no",
}
# A child in the first course of treatment, never in remission yet.
FIRST_COURSE = {"first_course_finished": "no", "ever_in_remission": "no"}


def report(**changes):
    return {**REMISSION_REPORT, **changes}


def lab_values(inputs):
    """What the form and the API hand the classifier: blasts in words read as the form does."""
    blasts = inputs.get(BLASTS)
    if isinstance(blasts, str):
        inputs = {**inputs, BLASTS: read_number(blasts, name=BLASTS).value}
    return LabValues(**inputs)


def classify_inputs(inputs):
    return classify(lab_values(inputs))


def codes(result):
    return tuple(finding.code for finding in result.findings)


class Outcome(NamedTuple):
    phase: str | None
    candidates: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    urgent: bool = False


def cant_tell(candidates, missing=(), urgent=False):
    return Outcome(None, candidates, missing, urgent)


RULE_TABLE = [
    # Rule 1: no treatment is untreated, whatever else the report says.
    pytest.param({"treatment": "none"}, Outcome(UNTREATED), id="untreated-nothing-else-known"),
    pytest.param(report(treatment="none"), Outcome(UNTREATED), id="untreated-remission-values"),
    pytest.param(
        report(treatment="none", marrow_blasts_percent="<5"),
        Outcome(UNTREATED),
        id="untreated-below-5",
    ),
    pytest.param(
        report(
            treatment="none", marrow_blasts_percent=100.0, blood_blasts="yes", outside_marrow="yes"
        ),
        Outcome(UNTREATED),
        id="untreated-every-sign",
    ),
    pytest.param(
        report(treatment="none", symptoms="yes"),
        Outcome(UNTREATED, urgent=True),
        id="untreated-symptoms-urgent",
    ),
    # Rule 2: leukemia found after treatment, and had been in remission: relapsed.
    pytest.param(report(marrow_blasts_percent=5.01), Outcome(RELAPSED), id="relapsed-5.01"),
    pytest.param(report(marrow_blasts_percent=25.0), Outcome(RELAPSED), id="relapsed-25"),
    pytest.param(report(marrow_blasts_percent=100.0), Outcome(RELAPSED), id="relapsed-100"),
    pytest.param(
        report(marrow_blasts_percent=5.0, blood_blasts="yes"),
        Outcome(RELAPSED),
        id="relapsed-5-blood-blasts",
    ),
    pytest.param(
        report(marrow_blasts_percent=0.0, blood_blasts="yes"),
        Outcome(RELAPSED),
        id="relapsed-0-blood-blasts",
    ),
    pytest.param(
        report(marrow_blasts_percent=None, blood_blasts="yes"),
        Outcome(RELAPSED),
        id="relapsed-blood-marrow-unknown",
    ),
    pytest.param(
        report(marrow_blasts_percent=1.0, outside_marrow="yes"),
        Outcome(RELAPSED),
        id="relapsed-1-spinal-fluid",
    ),
    pytest.param(
        report(marrow_blasts_percent="<5", outside_marrow="yes"),
        Outcome(RELAPSED),
        id="relapsed-below-5-outside",
    ),
    pytest.param(
        report(marrow_blasts_percent=12.0, first_course_finished="no"),
        Outcome(RELAPSED),
        id="relapsed-remission-implies-course-done",
    ),
    # Rule 2: never in remission: refractory only once the first course has finished.
    pytest.param(
        report(ever_in_remission="no", marrow_blasts_percent=5.01),
        Outcome(REFRACTORY),
        id="refractory-5.01",
    ),
    pytest.param(
        report(ever_in_remission="no", marrow_blasts_percent=5.0, blood_blasts="yes"),
        Outcome(REFRACTORY),
        id="refractory-blood-blasts",
    ),
    pytest.param(
        report(ever_in_remission="no", marrow_blasts_percent=0.0, outside_marrow="yes"),
        Outcome(REFRACTORY),
        id="refractory-outside",
    ),
    pytest.param(
        report(**FIRST_COURSE, marrow_blasts_percent=12.0),
        cant_tell(FIRST_COURSE_PHASES),
        id="too-early-day-15-12",
    ),
    pytest.param(
        report(**FIRST_COURSE, marrow_blasts_percent=None, blood_blasts="yes"),
        cant_tell(FIRST_COURSE_PHASES),
        id="too-early-day-8-blood",
    ),
    pytest.param(
        report(ever_in_remission="no", first_course_finished="unknown", marrow_blasts_percent=12.0),
        cant_tell(FIRST_COURSE_PHASES, ("first_course_finished",)),
        id="course-unknown",
    ),
    pytest.param(
        report(ever_in_remission="unknown", marrow_blasts_percent=30.0),
        cant_tell((REFRACTORY, RELAPSED), ("ever_in_remission",)),
        id="history-unknown",
    ),
    pytest.param(
        report(ever_in_remission="unknown", first_course_finished="no", marrow_blasts_percent=30.0),
        cant_tell(TREATED_PHASES, ("ever_in_remission",)),
        id="history-unknown-during-course",
    ),
    pytest.param(
        report(
            ever_in_remission="unknown", first_course_finished="unknown", marrow_blasts_percent=30.0
        ),
        cant_tell(TREATED_PHASES, ("ever_in_remission", "first_course_finished")),
        id="history-and-course-unknown",
    ),
    # Rule 3: exactly 5%.
    pytest.param(
        report(marrow_blasts_percent=5.0), cant_tell((REMISSION, RELAPSED)), id="border-5"
    ),
    pytest.param(
        report(marrow_blasts_percent=5.0, ever_in_remission="unknown", mrd="unknown"),
        cant_tell(TREATED_PHASES),
        id="border-all-open",
    ),
    pytest.param(
        report(marrow_blasts_percent=5.0, ever_in_remission="no", mrd="positive"),
        cant_tell((MRD, REFRACTORY)),
        id="border-never-mrd-positive",
    ),
    # Rule 4: below 5%, nothing in the blood, nothing outside the marrow.
    pytest.param(report(marrow_blasts_percent=4.99), Outcome(REMISSION), id="remission-4.99"),
    pytest.param(report(marrow_blasts_percent=0.0), Outcome(REMISSION), id="remission-0"),
    pytest.param(report(marrow_blasts_percent="<5%"), Outcome(REMISSION), id="remission-below-5"),
    pytest.param(report(marrow_blasts_percent="< 1"), Outcome(REMISSION), id="remission-below-1"),
    pytest.param(
        report(marrow_blasts_percent="less than 1"), Outcome(REMISSION), id="remission-less-than-1"
    ),
    pytest.param(
        report(marrow_blasts_percent="below 5"), Outcome(REMISSION), id="remission-below-5-words"
    ),
    pytest.param(
        report(marrow_blasts_percent="none seen"), Outcome(REMISSION), id="remission-none-seen"
    ),
    pytest.param(report(marrow_blasts_percent=4.99, mrd="positive"), Outcome(MRD), id="mrd-4.99"),
    pytest.param(
        report(marrow_blasts_percent="<1", mrd="positive"), Outcome(MRD), id="mrd-below-1"
    ),
    pytest.param(report(mrd="not_tested"), Outcome(REMISSION), id="remission-mrd-not-tested"),
    pytest.param(report(mrd="unknown"), Outcome(REMISSION), id="remission-mrd-unknown"),
    pytest.param(report(blood_blasts="unknown"), Outcome(REMISSION), id="remission-blood-unknown"),
    pytest.param(
        report(outside_marrow="unknown"), Outcome(REMISSION), id="remission-outside-unknown"
    ),
    pytest.param(
        report(first_course_finished="unknown", ever_in_remission="no"),
        Outcome(REMISSION),
        id="remission-course-unknown",
    ),
    pytest.param(report(cbc="abnormal"), Outcome(REMISSION), id="remission-cbc-abnormal"),
    pytest.param(report(cbc="unknown"), Outcome(REMISSION), id="remission-cbc-unknown"),
    pytest.param(
        report(cbc="unknown", anc=0.99, platelets=100.0),
        Outcome(REMISSION),
        id="remission-anc-0.99",
    ),
    pytest.param(
        report(cbc="unknown", anc=1.0, platelets=99.0),
        Outcome(REMISSION),
        id="remission-platelets-99",
    ),
    pytest.param(
        report(marrow_blasts_percent=0.0, mrd="negative", anc=0.8, cbc="unknown"),
        Outcome(REMISSION),
        id="maintenance-low-anc",
    ),
    pytest.param(report(anc=0.49), Outcome(REMISSION, urgent=True), id="remission-anc-0.49-urgent"),
    pytest.param(report(anc=0.5), Outcome(REMISSION), id="remission-anc-0.5-not-urgent"),
    pytest.param(report(**FIRST_COURSE), cant_tell((REMISSION, MRD)), id="good-early-sign"),
    pytest.param(
        report(**FIRST_COURSE, marrow_blasts_percent="<5"),
        cant_tell((REMISSION, MRD)),
        id="good-early-sign-below-5",
    ),
    pytest.param(
        report(**FIRST_COURSE, symptoms="yes"),
        cant_tell((REMISSION, MRD), urgent=True),
        id="good-early-sign-with-fever",
    ),
    pytest.param(
        report(first_course_finished="no", ever_in_remission="unknown"),
        cant_tell((REMISSION, MRD)),
        id="good-early-sign-history-unknown",
    ),
    pytest.param(
        report(first_course_finished="no"), Outcome(REMISSION), id="remission-said-so-before"
    ),
    pytest.param(
        report(symptoms="yes"), cant_tell((REMISSION, RELAPSED), urgent=True), id="symptoms"
    ),
    pytest.param(
        report(symptoms="yes", ever_in_remission="no", mrd="positive"),
        cant_tell((MRD, REFRACTORY), urgent=True),
        id="symptoms-never",
    ),
    pytest.param(
        report(symptoms="yes", ever_in_remission="unknown", mrd="unknown"),
        cant_tell(TREATED_PHASES, urgent=True),
        id="symptoms-all-open",
    ),
    pytest.param(
        report(symptoms="unknown"),
        cant_tell((REMISSION, RELAPSED), ("symptoms",)),
        id="symptoms-unknown",
    ),
    # Rule 5: marrow blasts unknown, or "below N" with N above 5.
    pytest.param(
        report(marrow_blasts_percent=None),
        cant_tell((REMISSION, RELAPSED), ("marrow_blasts_percent",)),
        id="blasts-unknown",
    ),
    pytest.param(
        report(marrow_blasts_percent="<10"),
        cant_tell((REMISSION, RELAPSED), ("marrow_blasts_percent",)),
        id="below-10",
    ),
    pytest.param(
        report(marrow_blasts_percent="<5.01"),
        cant_tell((REMISSION, RELAPSED), ("marrow_blasts_percent",)),
        id="below-5.01",
    ),
    pytest.param(
        {"treatment": "received"},
        cant_tell(TREATED_PHASES, ("marrow_blasts_percent",)),
        id="only-treatment-known",
    ),
    pytest.param(
        {"treatment": "received", "symptoms": "yes", "anc": 0.2},
        cant_tell(TREATED_PHASES, ("marrow_blasts_percent",), urgent=True),
        id="fever-and-anc-0.2",
    ),
]

FINDINGS_TABLE = [
    pytest.param(
        report(treatment="none", marrow_blasts_percent=19.99),
        (BLASTS_BELOW_USUAL_AT_DIAGNOSIS,),
        id="untreated-19.99",
    ),
    pytest.param(
        report(treatment="none", marrow_blasts_percent="<5"),
        (BLASTS_BELOW_USUAL_AT_DIAGNOSIS,),
        id="untreated-below-5",
    ),
    pytest.param(report(treatment="none", marrow_blasts_percent=20.0), (), id="untreated-20"),
    pytest.param(
        report(treatment="none", marrow_blasts_percent="<30"), (), id="untreated-below-30"
    ),
    pytest.param(
        report(treatment="none", marrow_blasts_percent=60.0, symptoms="yes"),
        (GET_HELP_NOW,),
        id="untreated-urgent",
    ),
    pytest.param(
        report(marrow_blasts_percent=5.01), (RELAPSE_CONFIRM_WITH_SECOND_TEST,), id="relapsed-5.01"
    ),
    pytest.param(
        report(marrow_blasts_percent=24.99),
        (RELAPSE_CONFIRM_WITH_SECOND_TEST,),
        id="relapsed-24.99",
    ),
    pytest.param(report(marrow_blasts_percent=25.0), (), id="relapsed-25"),
    pytest.param(
        report(marrow_blasts_percent=10.0, blood_blasts="yes"), (), id="relapsed-10-blood"
    ),
    pytest.param(
        report(marrow_blasts_percent=10.0, blood_blasts="unknown"),
        (RELAPSE_CONFIRM_WITH_SECOND_TEST,),
        id="relapsed-10-blood-unknown",
    ),
    pytest.param(
        report(marrow_blasts_percent=None, blood_blasts="yes"),
        (RELAPSE_CONFIRM_WITH_MARROW_TEST,),
        id="relapsed-blood-only",
    ),
    pytest.param(
        report(marrow_blasts_percent=5.0, blood_blasts="yes"),
        (RELAPSE_CONFIRM_WITH_MARROW_TEST,),
        id="relapsed-5-blood",
    ),
    pytest.param(
        report(marrow_blasts_percent=1.0, outside_marrow="yes"),
        (RELAPSE_CONFIRM_WITH_MARROW_TEST,),
        id="relapsed-outside",
    ),
    pytest.param(
        report(ever_in_remission="no", marrow_blasts_percent=10.0),
        (REFRACTORY_JUDGED_AFTER_FULL_COURSE,),
        id="refractory",
    ),
    pytest.param(
        report(**FIRST_COURSE, marrow_blasts_percent=12.0), (TOO_EARLY_TO_JUDGE,), id="too-early"
    ),
    pytest.param(
        report(ever_in_remission="no", first_course_finished="unknown", marrow_blasts_percent=12.0),
        (FIRST_COURSE_STATUS_NEEDED,),
        id="course-unknown",
    ),
    pytest.param(
        report(ever_in_remission="unknown", marrow_blasts_percent=10.0),
        (RELAPSED_OR_REFRACTORY_NEEDS_HISTORY,),
        id="history",
    ),
    pytest.param(report(marrow_blasts_percent=5.0), (BLASTS_AT_BORDER,), id="border"),
    pytest.param(report(), (), id="clear-remission"),
    pytest.param(report(mrd="positive"), (), id="mrd-positive"),
    pytest.param(report(mrd="not_tested"), (MRD_TEST_CAN_LOOK_DEEPER,), id="mrd-not-tested"),
    pytest.param(report(mrd="unknown"), (MRD_TEST_CAN_LOOK_DEEPER,), id="mrd-unknown"),
    pytest.param(report(blood_blasts="unknown"), (BLOOD_BLASTS_UNKNOWN,), id="blood-unknown"),
    pytest.param(
        report(outside_marrow="unknown"), (OUTSIDE_MARROW_NOT_CHECKED,), id="outside-unknown"
    ),
    pytest.param(
        report(outside_marrow="unknown", mrd="positive"),
        (OUTSIDE_MARROW_NOT_CHECKED,),
        id="outside-unknown-mrd",
    ),
    pytest.param(
        report(first_course_finished="unknown", ever_in_remission="no"),
        (FIRST_COURSE_PROBABLY_FINISHED,),
        id="course-probably-done",
    ),
    pytest.param(report(cbc="abnormal"), (COUNTS_NOT_RECOVERED,), id="cbc-abnormal"),
    pytest.param(report(cbc="unknown", anc=0.8), (COUNTS_NOT_RECOVERED,), id="anc-low"),
    pytest.param(report(cbc="unknown"), (COUNTS_UNKNOWN,), id="counts-unknown"),
    pytest.param(report(cbc="unknown", anc=1.5), (COUNTS_UNKNOWN,), id="one-fine-number"),
    pytest.param(
        report(cbc="abnormal", anc=1.0, platelets=100.0),
        (COUNTS_NUMBERS_CONFLICT_WITH_CBC,),
        id="numbers-fine-cbc-abnormal",
    ),
    pytest.param(
        report(cbc="normal", anc=0.99, platelets=100.0),
        (COUNTS_NOT_RECOVERED, COUNTS_NUMBERS_CONFLICT_WITH_CBC),
        id="anc-low-cbc-normal",
    ),
    pytest.param(
        report(cbc="unknown", anc=0.2), (GET_HELP_NOW, COUNTS_NOT_RECOVERED), id="anc-0.2-urgent"
    ),
    pytest.param(report(symptoms="yes"), (GET_HELP_NOW, SYMPTOMS_PRESENT), id="symptoms"),
    pytest.param(
        report(symptoms="yes", cbc="abnormal"),
        (GET_HELP_NOW, SYMPTOMS_PRESENT),
        id="symptoms-counts-low",
    ),
    pytest.param(report(symptoms="unknown"), (SYMPTOMS_NEEDED,), id="symptoms-unknown"),
    pytest.param(report(**FIRST_COURSE), (GOOD_EARLY_SIGN,), id="good-early-sign"),
    pytest.param(report(marrow_blasts_percent=None), (MARROW_BLASTS_NEEDED,), id="blasts-unknown"),
    pytest.param(report(marrow_blasts_percent="<10"), (MARROW_BLASTS_NOT_PRECISE,), id="below-10"),
]


@pytest.mark.parametrize(("inputs", "expected"), RULE_TABLE)
def test_each_rule_gives_the_result_the_spec_names(inputs, expected):
    result = classify_inputs(inputs)

    assert Outcome(result.phase, result.candidates, result.missing, result.urgent) == expected


@pytest.mark.parametrize(("inputs", "expected_codes"), FINDINGS_TABLE)
def test_findings_say_what_led_to_the_result(inputs, expected_codes):
    assert codes(classify_inputs(inputs)) == expected_codes


def test_relapse_needs_blasts_above_five_percent():
    assert classify_inputs(report(marrow_blasts_percent=5.0)).phase is None
    assert classify_inputs(report(marrow_blasts_percent=5.01)).phase == RELAPSED


def test_refractory_waits_for_the_end_of_the_first_course():
    during = report(**FIRST_COURSE, marrow_blasts_percent=12.0)
    after = {**during, "first_course_finished": "yes"}

    assert classify_inputs(during).phase is None
    assert classify_inputs(after).phase == REFRACTORY


@pytest.mark.parametrize(
    ("inputs", "carried"),
    [
        pytest.param(
            report(treatment="none", marrow_blasts_percent=12),
            {"marrow_blasts_percent": 12.0, "usually_above": 20.0},
            id="untreated",
        ),
        pytest.param(
            report(treatment="none", marrow_blasts_percent="<5"),
            {"marrow_blasts_percent": "below 5", "usually_above": 20.0},
            id="untreated-below-5",
        ),
        pytest.param(
            report(marrow_blasts_percent=10),
            {"marrow_blasts_percent": 10.0, "confirm_below": 25.0},
            id="relapsed",
        ),
        pytest.param(
            report(mrd="not_tested"),
            {
                "mrd": "not_tested",
                "finds_one_cell_in": 10000.0,
                "most_sensitive_finds_one_cell_in": 1000000.0,
            },
            id="mrd",
        ),
        pytest.param(
            report(cbc="unknown", anc=0.5),
            {"anc": 0.5, "cbc": "unknown", "anc_at_least": 1.0, "platelets_at_least": 100.0},
            id="counts",
        ),
        pytest.param(
            report(marrow_blasts_percent="<10"),
            {"marrow_blasts_percent": "below 10"},
            id="below-10",
        ),
    ],
)
def test_findings_carry_the_values_their_wording_may_use(inputs, carried):
    finding = classify_inputs(inputs).findings[0]
    assert finding.as_dict() == carried
    assert set(carried) <= set(FINDING_VALUE_NAMES[finding.code])


def test_urgent_advice_comes_first_and_names_the_anc_threshold():
    result = classify_inputs(report(symptoms="yes", anc=0.3))

    assert result.urgent
    assert result.findings[0].code == GET_HELP_NOW
    assert result.findings[0].as_dict() == {"anc": 0.3, "urgent_anc_below": URGENT_ANC_BELOW}


def test_lab_values_accept_plain_strings_and_enums_alike():
    from_strings = LabValues(treatment="received", cbc="normal", mrd="not_tested", symptoms="no")
    from_enums = LabValues(
        treatment=Treatment.RECEIVED, cbc=CountsWord.NORMAL, mrd=MrdResult.NOT_TESTED, symptoms="no"
    )
    assert from_strings == from_enums
    assert from_strings.treatment is Treatment.RECEIVED
    assert from_strings.first_course_finished is Answer.UNKNOWN
    assert from_strings.outside_marrow is Answer.UNKNOWN


def test_reports_written_before_version_2_still_work():
    values = LabValues(treatment="received", ever_in_remission="yes", marrow_blasts_percent=12)

    assert classify(values).phase == RELAPSED


@pytest.mark.parametrize(
    "inputs",
    [
        {"treatment": "maybe"},
        {"treatment": "received", "cbc": "yes"},
        {"treatment": "received", "mrd": "not tested"},
        {"treatment": "received", "symptoms": ""},
        {"treatment": "received", "first_course_finished": "soon"},
        {"treatment": "received", "outside_marrow": "csf"},
    ],
    ids=["treatment", "cbc", "mrd", "empty", "first-course", "outside"],
)
def test_a_choice_the_spec_does_not_define_is_refused(inputs):
    with pytest.raises(ValueError, match="must be one of"):
        LabValues(**inputs)


def test_treatment_is_required():
    with pytest.raises(TypeError):
        LabValues()


@pytest.mark.parametrize("value", ["4.5", "<5", "4%", True], ids=["text", "below", "pct", "bool"])
def test_numbers_must_arrive_as_numbers_since_the_form_reads_the_text(value):
    with pytest.raises(TypeError):
        LabValues(treatment="received", marrow_blasts_percent=value)


@pytest.mark.parametrize("limit", [-1, 100.01, math.nan], ids=["negative", "over-100", "nan"])
def test_below_n_must_name_a_percentage(limit):
    with pytest.raises(ValueError, match=BLASTS):
        LabValues(treatment="received", marrow_blasts_percent=Below(limit))


def test_numbers_are_kept_as_floats():
    assert LabValues(treatment="received", platelets=150).platelets == 150.0


def test_every_finding_code_is_distinct_snake_case_and_has_value_names():
    assert len(set(FINDING_CODES)) == len(FINDING_CODES)
    assert all(code.isidentifier() and code.islower() for code in FINDING_CODES)
    assert set(FINDING_CODES) == set(FINDING_VALUE_NAMES)


def test_phase_slugs_follow_the_spec_order():
    assert PHASE_SLUGS == (
        "untreated",
        "remission",
        "minimal-residual-disease",
        "refractory",
        "relapsed",
    )


# Property tests. Borders are drawn often, since that is where rules change their mind.
BORDERS = (0.0, 0.49, 0.5, 0.99, 1.0, 4.99, 5.0, 5.01, 19.99, 20.0, 24.99, 25.0, 99.0, 100.0)
COUNTS = ("anc", "platelets", "cbc")


def numbers(name):
    low, high = RANGES[name]
    borders = [value for value in BORDERS if low <= value <= high]
    return st.sampled_from(borders) | st.floats(min_value=low, max_value=high)


def blasts():
    """A number, or a report's "below N" (as Below, which is what the form hands on)."""
    return numbers(BLASTS) | numbers(BLASTS).map(Below)


def choices(name):
    """Enum members and their plain strings: callers may send either."""
    members = list(CHOICES[name])
    return st.sampled_from(members) | st.sampled_from([member.value for member in members])


# Fields left out take the spec's defaults; None stands for an empty number field.
reports = st.fixed_dictionaries(
    {"treatment": choices("treatment")},
    optional={
        **{name: choices(name) for name in CHOICES if name != "treatment"},
        **{name: st.none() | numbers(name) for name in RANGES if name != BLASTS},
        BLASTS: st.none() | blasts(),
    },
)


def is_unknown(values, name):
    """Unknown, or (for the marrow) "below N" with N above 5, which decides nothing."""
    value = getattr(values, name)
    if isinstance(value, Below):
        return value.limit > REMISSION_BLASTS_BELOW
    return value in (None, "unknown")


@given(reports)
def test_every_valid_report_gets_a_well_formed_result(inputs):
    values = LabValues(**inputs)
    result = classify(values)
    assert result.undetermined == (result.phase is None)
    if result.undetermined:
        assert result.candidates
        assert set(result.candidates) <= set(TREATED_PHASES)
        assert result.candidates == tuple(s for s in PHASE_SLUGS if s in result.candidates)
    else:
        assert result.phase in PHASE_SLUGS
        assert result.candidates == ()
        assert result.missing == ()
    assert all(is_unknown(values, name) for name in result.missing)
    for finding in result.findings:
        assert finding.code in FINDING_CODES
        assert set(finding.as_dict()) <= set(FINDING_VALUE_NAMES[finding.code])
    hash(result)


@given(reports)
def test_urgent_exactly_when_symptoms_or_anc_below_half(inputs):
    values = LabValues(**inputs)
    result = classify(values)

    expected = values.symptoms is Answer.YES or (values.anc is not None and values.anc < 0.5)
    assert result.urgent == expected
    assert (GET_HELP_NOW in codes(result)) == expected
    assert GET_HELP_NOW not in codes(result)[1:]


@given(reports)
def test_during_the_first_course_the_result_is_never_refractory(inputs):
    values = LabValues(**{**inputs, **FIRST_COURSE})

    assert classify(values).phase != REFRACTORY


below_five = numbers(BLASTS).filter(lambda n: n < REMISSION_BLASTS_BELOW) | st.sampled_from(
    [Below(5), Below(1), Below(0.5)]
)


@given(reports, below_five, st.sampled_from(["no", "unknown"]), st.sampled_from(["no", "unknown"]))
def test_low_marrow_blasts_with_no_other_sign_never_give_relapsed_or_refractory(
    inputs, blasts, blood, outside
):
    inputs = {**inputs, "treatment": "received", BLASTS: blasts}
    inputs |= {"blood_blasts": blood, "outside_marrow": outside}
    result = classify(LabValues(**inputs))

    assert result.phase not in (RELAPSED, REFRACTORY)
    if LabValues(**inputs).symptoms is not Answer.YES and LabValues(**inputs).symptoms != "unknown":
        assert not {RELAPSED, REFRACTORY} & set(result.candidates)


@given(reports, st.fixed_dictionaries({}, optional={name: st.none() for name in COUNTS}))
def test_blood_counts_never_change_the_phase_only_the_findings(inputs, counts_removed):
    with_counts = classify(LabValues(**inputs))
    without = {**{k: v for k, v in inputs.items() if k not in COUNTS}, "cbc": "unknown"}
    without_counts = classify(LabValues(**without))
    assume(with_counts.urgent == without_counts.urgent)

    assert with_counts.phase == without_counts.phase
    assert with_counts.candidates == without_counts.candidates
    assert with_counts.missing == without_counts.missing


# Reports that are mostly remissions, so that few are thrown away by `assume`.
near_remissions = st.fixed_dictionaries(
    {
        "treatment": st.just("received"),
        "marrow_blasts_percent": st.floats(0, REMISSION_BLASTS_BELOW, exclude_max=True),
        "symptoms": st.just("no"),
    },
    optional={
        "first_course_finished": choices("first_course_finished"),
        "ever_in_remission": choices("ever_in_remission"),
        "blood_blasts": st.sampled_from(["no", "unknown"]),
        "outside_marrow": st.sampled_from(["no", "unknown"]),
        "mrd": st.sampled_from(["negative", "not_tested", "unknown"]),
        "anc": numbers("anc"),
        "platelets": numbers("platelets"),
        "cbc": choices("cbc"),
    },
)


@given(near_remissions, st.floats(min_value=REMISSION_BLASTS_BELOW, max_value=100))
def test_raising_marrow_blasts_to_five_percent_or_more_never_gives_remission(inputs, blasts):
    assume(classify_inputs(inputs).phase == REMISSION)
    assert classify_inputs({**inputs, "marrow_blasts_percent": blasts}).phase != REMISSION


@given(reports, st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_fields_are_given_in(inputs, random):
    items = list(inputs.items())
    random.shuffle(items)
    shuffled = dict(items)
    assert LabValues(**shuffled) == LabValues(**inputs)
    assert classify(LabValues(**shuffled)) == classify(LabValues(**inputs))


REFINEMENTS = {
    "first_course_finished": st.sampled_from(["yes", "no"]),
    "ever_in_remission": st.sampled_from(["yes", "no"]),
    "blood_blasts": st.sampled_from(["yes", "no"]),
    "outside_marrow": st.sampled_from(["yes", "no"]),
    "cbc": st.sampled_from(["normal", "abnormal"]),
    "mrd": st.sampled_from(["positive", "negative", "not_tested"]),
    "symptoms": st.sampled_from(["yes", "no"]),
    **{name: numbers(name) for name in RANGES},
}


@given(reports, st.data())
def test_filling_in_an_unknown_that_decides_gives_a_phase_among_the_candidates(inputs, data):
    """During the first course, the candidates are how the course may end, so only a decided
    result is held to them."""
    values = LabValues(**inputs)
    result = classify(values)
    unknowns = [name for name in REFINEMENTS if is_unknown(values, name)]
    assume(result.undetermined and unknowns)
    name = data.draw(st.sampled_from(unknowns))
    refined = classify(LabValues(**{**inputs, name: data.draw(REFINEMENTS[name])}))
    if not refined.undetermined:
        assert refined.phase in result.candidates


def out_of_range(name):
    low, high = RANGES[name]
    return (
        st.floats(max_value=low, exclude_max=True, allow_infinity=True)
        | st.floats(min_value=high, exclude_min=True, allow_infinity=True)
        | st.sampled_from([math.nan, math.inf, -math.inf])
    )


@given(st.sampled_from(sorted(RANGES)).flatmap(lambda n: st.tuples(st.just(n), out_of_range(n))))
def test_numbers_outside_their_range_or_not_finite_are_refused(name_and_value):
    name, value = name_and_value
    with pytest.raises(ValueError, match=name):
        LabValues(treatment="received", **{name: value})
